/**
 * `worksheet.protection`: protect (with Excel's allow* options mapped to ExcelJS's, and a password),
 * unprotect, load. Excel's rules:
 * - `protect()` on a protected sheet fails ("Fails if the worksheet has already been protected",
 *   Excel.WorksheetProtection.protect, https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection);
 *   builds since mid-2026 fail it, and `unprotect()` of an unprotected sheet, with AccessDenied
 *   (OfficeDev/office-js#6784), which the host does for both;
 * - `unprotect()` with a wrong or missing password fails with BadPassword
 *   (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 */
import type ExcelJS from "exceljs";
import { officeError } from "./errors";
import { Loaded, type LoadOption, selected } from "./loadable";
import { protectionOf } from "./range";
import type { FakeWorksheet } from "./worksheet";

const MAP: Record<string, string> = {
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

const passwords = new WeakMap<ExcelJS.Worksheet, string>();
/** Sheets protected with `allowEditObjects` (ExcelJS has no such flag to keep it in). */
const objectsAllowed = new WeakMap<ExcelJS.Worksheet, boolean>();

/** Whether pictures and shapes may be added or moved: the sheet is unprotected or allows objects. */
export function objectsEditable(sheet: ExcelJS.Worksheet): boolean {
  return !protectionOf(sheet) || objectsAllowed.get(sheet) === true;
}

export class FakeProtection {
  readonly _path: number;
  private readonly loaded = new Loaded("WorksheetProtection");
  constructor(private readonly ws: FakeWorksheet) {
    this._path = ws.ctx.request.object("property", "Protection", ws._path);
  }
  protect(options: Record<string, unknown> = {}, password?: string): void {
    this.ws.op(
      "protection.protect",
      (sheet) => {
        if (protectionOf(sheet))
          throw officeError("AccessDenied", `Sheet ${sheet.name} is already protected`);
        const opts: Record<string, boolean> = {
          selectLockedCells: true,
          selectUnlockedCells: true,
        };
        for (const [k, v] of Object.entries(options)) if (MAP[k]) opts[MAP[k]] = Boolean(v);
        void sheet.protect(password ?? "", opts);
        objectsAllowed.set(sheet, options.allowEditObjects === true);
        if (password) passwords.set(sheet, password);
        else passwords.delete(sheet);
      },
      { kind: "method", name: "Protect", path: this._path, args: [options, password] }
    );
  }
  unprotect(password?: string): void {
    this.ws.op(
      "protection.unprotect",
      (sheet) => {
        if (!protectionOf(sheet))
          throw officeError("AccessDenied", `Sheet ${sheet.name} is not protected`);
        const known = passwords.get(sheet);
        const hashed = Boolean(
          (sheet as unknown as { sheetProtection?: { hashValue?: string } }).sheetProtection
            ?.hashValue
        );
        // A password set outside this host cannot be checked: every attempt fails.
        if (known !== undefined ? password !== known : hashed)
          throw officeError("BadPassword", "The password you supplied is incorrect");
        sheet.unprotect();
        passwords.delete(sheet);
      },
      { kind: "method", name: "Unprotect", path: this._path, args: [password] }
    );
  }
  load(option?: LoadOption): this {
    const props = selected(option, ["protected", "isPasswordProtected"]);
    this.ws.ctx.enqueueLoad(`${this.ws.label}.protection.load`, this._path, props, () => {
      const sheet = this.ws.sheet();
      const p = protectionOf(sheet);
      const hashed = Boolean(
        (sheet as unknown as { sheetProtection?: { hashValue?: string } }).sheetProtection
          ?.hashValue
      );
      this.loaded.set("protected", Boolean(p));
      this.loaded.set("isPasswordProtected", Boolean(p) && (passwords.has(sheet) || hashed));
      return { protected: Boolean(p) };
    });
    return this;
  }
  get protected(): boolean {
    return this.loaded.get("protected");
  }
  get isPasswordProtected(): boolean {
    return this.loaded.get("isPasswordProtected");
  }
}
