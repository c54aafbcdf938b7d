/**
 * A worksheet proxy: found by name (or the active one) at sync time and followed through renames;
 * ranges, freeze panes, charts, visibility, protection and page layout hang off it.
 */
import type ExcelJS from "exceljs";
import { parseRange } from "../../src/domain/layout/a1";
import type { FakeContext } from "./context";
import { officeError } from "./errors";
import { Loadable } from "./loadable";
import { FakePageLayout } from "./pageLayout";
import { FakeProtection } from "./protection";
import { FakeRange, address, type Bounds } from "./range";

export class FakeWorksheet {
  private nameL = new Loadable<string>("worksheet.name");
  private nullL = new Loadable<boolean>("worksheet.isNullObject");
  readonly freezePanes = {
    freezeRows: (n: number) =>
      this.op("freezeRows", (ws) => (ws.views = [{ state: "frozen", ySplit: n, xSplit: 0 }])),
    freezeAt: (r: FakeRange) =>
      this.op("freezeAt", (ws) => {
        const b = r.b();
        ws.views = [{ state: "frozen", ySplit: b.r2, xSplit: b.c2 }];
      }),
  };
  readonly charts = {
    add: (type: string, source: FakeRange, _seriesBy?: string) => {
      const chart = {
        title: { text: "" },
        legend: { visible: true },
        setPosition: (_a: string, _b?: string) => undefined,
      };
      this.op("charts.add", (ws) => {
        const b = source.b();
        this.ctx.state.charts.push({
          sheet: ws.name,
          type,
          source: address(b),
          title: chart.title.text,
        });
      });
      return chart;
    },
  };
  private cached: ExcelJS.Worksheet | null = null;
  readonly protection: FakeProtection;
  readonly pageLayout: FakePageLayout;

  constructor(
    readonly ctx: FakeContext,
    private readonly find: () => ExcelJS.Worksheet | null,
    private readonly nullable = false,
    private readonly label = "active"
  ) {
    this.protection = new FakeProtection(this);
    this.pageLayout = new FakePageLayout(this);
  }

  /** The sheet this proxy stands for: found once, then followed through renames (as Excel does). */
  resolve(): ExcelJS.Worksheet | null {
    if (this.cached && this.ctx.wb.worksheets.includes(this.cached)) return this.cached;
    this.cached = this.find();
    return this.cached;
  }

  set name(v: string) {
    this.op("name", (ws) => (ws.name = v));
  }

  primeName(name: string): this {
    this.nameL.set(name);
    this.nullL.set(false);
    return this;
  }

  /** The ExcelJS sheet at sync time; a missing sheet fails the sync unless this is a null object. */
  sheet(): ExcelJS.Worksheet {
    const ws = this.resolve();
    if (!ws) throw officeError("ItemNotFound", `Worksheet ${this.label} not found`);
    return ws;
  }

  op(what: string, f: (ws: ExcelJS.Worksheet) => void): void {
    this.ctx.enqueue(`${this.label}.${what}`, () => f(this.sheet()));
  }

  load(_props?: string | string[]): this {
    this.ctx.enqueueLoad(() => {
      const ws = this.resolve();
      if (!ws && !this.nullable)
        throw officeError("ItemNotFound", `Worksheet ${this.label} not found`);
      this.nullL.set(!ws);
      if (ws) this.nameL.set(ws.name);
    });
    return this;
  }

  get name(): string {
    return this.nameL.get();
  }

  get isNullObject(): boolean {
    return this.nullL.get();
  }

  set visibility(v: "Visible" | "Hidden" | "VeryHidden") {
    this.op(
      "visibility",
      (ws) => (ws.state = v === "Visible" ? "visible" : v === "Hidden" ? "hidden" : "veryHidden")
    );
  }

  delete(): void {
    this.ctx.enqueue(`${this.label}.delete`, () => {
      const ws = this.resolve();
      if (ws) this.ctx.wb.removeWorksheet(ws.id);
      else if (!this.nullable)
        throw officeError("ItemNotFound", `Worksheet ${this.label} not found`);
    });
  }

  activate(): void {
    this.op("activate", (ws) => (this.ctx.state.active = ws.name));
  }

  getRange(address?: string): FakeRange {
    if (address === undefined)
      return new FakeRange(this, () => ({ r1: 1, c1: 1, r2: 1048576, c2: 16384 }));
    const b = parseRange(address.replace(/^.*!/, ""));
    if (!b) throw officeError("InvalidArgument", `Bad address ${address}`);
    return new FakeRange(this, () => b);
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this, () => ({
      r1: row + 1,
      c1: col + 1,
      r2: row + rows,
      c2: col + cols,
    }));
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this, () => usedBounds(this.sheet()), true);
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.getUsedRangeOrNullObject(valuesOnly);
  }
}

function usedBounds(ws: ExcelJS.Worksheet): Bounds | null {
  let r2 = 0;
  let c2 = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.value === null || cell.value === undefined || cell.value === "") return;
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    });
  });
  return r2 ? { r1: 1, c1: 1, r2, c2 } : null;
}
