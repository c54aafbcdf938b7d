/** `context.workbook` and its `worksheets` collection (get, add, load the list). */
import type { FakeContext } from "./context";
import { officeError } from "./errors";
import { Loadable } from "./loadable";
import { FakeWorksheet } from "./worksheet";

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  constructor(readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
}

export class FakeWorksheetCollection {
  private itemsL = new Loadable<FakeWorksheet[]>("worksheets.items");
  constructor(private readonly ctx: FakeContext) {}

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.wb.getWorksheet(name) ?? null, false, name);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.wb.getWorksheet(name) ?? null, true, name);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const name =
        this.ctx.state.active ?? this.ctx.wb.worksheets.find((w) => w.state === "visible")?.name;
      return name ? (this.ctx.wb.getWorksheet(name) ?? null) : null;
    });
  }

  add(name: string): FakeWorksheet {
    this.ctx.enqueue(`worksheets.add(${name})`, () => {
      if (this.ctx.wb.getWorksheet(name))
        throw officeError("ItemAlreadyExists", `A sheet named ${name} already exists`);
      this.ctx.wb.addWorksheet(name);
    });
    return this.getItem(name);
  }

  load(_props?: string): this {
    this.ctx.enqueueLoad(() =>
      this.itemsL.set(this.ctx.wb.worksheets.map((w) => this.getItem(w.name).primeName(w.name)))
    );
    return this;
  }

  get items(): FakeWorksheet[] {
    return this.itemsL.get();
  }
}
