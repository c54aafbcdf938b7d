/** `context.workbook` and its `worksheets` collection (get by name or id, add, load the list). */
import type ExcelJS from "exceljs";
import type { FakeContext } from "./context";
import { type LoadOption, notLoaded, selected } from "./loadable";
import { checkFreeName, checkSheetName } from "./names";
import { FakeWorksheet, findSheet, WORKSHEET_SCALARS } from "./worksheet";

export class FakeWorkbook {
  readonly _path: number;
  readonly worksheets: FakeWorksheetCollection;
  constructor(readonly ctx: FakeContext) {
    this._path = ctx.request.object("global", "", null);
    this.worksheets = new FakeWorksheetCollection(ctx, this._path);
  }
}

export class FakeWorksheetCollection {
  readonly _path: number;
  private itemsL: FakeWorksheet[] | null = null;

  constructor(
    private readonly ctx: FakeContext,
    parent: number
  ) {
    this._path = ctx.request.object("property", "Worksheets", parent);
  }

  /** A sheet by name (any case) or id; a missing one fails the sync with ItemNotFound. */
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => findSheet(this.ctx.wb, key), {
      label: key,
      path: ["indexer", "", this._path, [key]],
    });
  }

  /** A sheet by name or id, or a null object (ExcelApi 1.4). */
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => findSheet(this.ctx.wb, key), {
      label: key,
      nullable: true,
      path: ["method", "GetItemOrNullObject", this._path, [key]],
    });
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.ctx,
      () => {
        const name =
          this.ctx.state.active ?? this.ctx.wb.worksheets.find((w) => w.state === "visible")?.name;
        return name ? (this.ctx.wb.getWorksheet(name) ?? null) : null;
      },
      { label: "active", path: ["method", "GetActiveWorksheet", this._path, []] }
    );
  }

  /**
   * Add a sheet at the end (not activated: "If you wish to activate the newly added worksheet, call
   * .activate() on it", Excel.WorksheetCollection.add). Name rules as in names.ts.
   */
  add(name: string): FakeWorksheet {
    let created: ExcelJS.Worksheet | null = null;
    return new FakeWorksheet(this.ctx, () => created, {
      label: name,
      path: ["method", "Add", this._path, [name]],
      instantiate: () => {
        checkSheetName(name);
        checkFreeName(this.ctx.wb, name);
        created = this.ctx.wb.addWorksheet(name);
      },
      log: `worksheets.add(${name})`,
    });
  }

  load(option?: LoadOption): this {
    const props = selected(option, WORKSHEET_SCALARS);
    this.ctx.enqueueLoad("worksheets.load", this._path, props, () => {
      this.itemsL = this.ctx.wb.worksheets.map((w) =>
        new FakeWorksheet(this.ctx, () => w, {
          label: w.name,
          path: ["indexer", "", this._path, [w.name]],
          silent: true,
        }).prime(w, props)
      );
      return this.itemsL.map((w) => props.map((p) => w.peek(p)));
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    if (!this.itemsL) notLoaded("WorksheetCollection.items");
    return this.itemsL;
  }
}
