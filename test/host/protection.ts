/** `worksheet.protection`: protect (with Excel's allow* options mapped to ExcelJS's), unprotect, load. */
import { Loadable } from "./loadable";
import type { FakeWorksheet } from "./worksheet";

export class FakeProtection {
  private protectedL = new Loadable<boolean>("protection.protected");
  constructor(private readonly ws: FakeWorksheet) {}
  protect(options: Record<string, unknown> = {}, password?: string): void {
    const map: Record<string, string> = {
      allowFormatCells: "formatCells",
      allowFormatColumns: "formatColumns",
      allowFormatRows: "formatRows",
      allowInsertColumns: "insertColumns",
      allowInsertRows: "insertRows",
      allowInsertHyperlinks: "insertHyperlinks",
      allowDeleteColumns: "deleteColumns",
      allowDeleteRows: "deleteRows",
      allowSort: "sort",
      allowAutoFilter: "autoFilter",
    };
    this.ws.op("protection.protect", (sheet) => {
      const opts: Record<string, boolean> = { selectLockedCells: true, selectUnlockedCells: true };
      for (const [k, v] of Object.entries(options)) if (map[k]) opts[map[k]] = Boolean(v);
      void sheet.protect(password ?? "", opts);
    });
  }
  unprotect(): void {
    this.ws.op("protection.unprotect", (sheet) => sheet.unprotect());
  }
  load(): this {
    this.ws.ctx.enqueueLoad(() =>
      this.protectedL.set(
        Boolean(
          (this.ws.sheet() as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection
            ?.sheet
        )
      )
    );
    return this;
  }
  get protected(): boolean {
    return this.protectedL.get();
  }
}
