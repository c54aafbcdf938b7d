/**
 * A range proxy: its bounds are resolved at sync time; values, formulas, number formats, merges,
 * selection, conditional formats and loads, with Excel's rules (Excel.Range reference,
 * https://learn.microsoft.com/javascript/api/excel/excel.range):
 * - `values` and `numberFormat` are 2D arrays the size of the range; another shape fails with
 *   InvalidArgument (the reference types both as `any[][]`; a single value for a larger range is not
 *   documented, so it is refused here);
 * - what a written value becomes (formula, number, text) is entry.ts;
 * - on a protected sheet, values change only in unlocked cells, and formats only as the protection
 *   options allow (Excel.WorksheetProtectionOptions); anything else fails with AccessDenied.
 */
import ExcelJS from "exceljs";
import { colLetter, parseRange } from "../../src/domain/layout/a1";
import { FakeConditionalFormat } from "./conditionalFormat";
import { checkValue, enter, formulaOf, valueOf } from "./entry";
import { raiseChanged } from "./events";
import { officeError } from "./errors";
import { FakeFormat } from "./format";
import { colPt, rowPt } from "./shapes";
import { Loaded, type LoadOption, notLoaded, selected } from "./loadable";
import type { PathKind } from "./request";
import { FakeDataValidation } from "./validation";
import { type FakeWorksheet, sheetId } from "./worksheet";

/**
 * ExcelJS's mergeCells, refusing an area that touches a merged one as it does ("Cannot merge already
 * merged cells"), but found from the area's own cells: ExcelJS compares the area with every merge
 * of the sheet, which makes a form of 15,000 rows take minutes in the host.
 */
function mergeCells(s: ExcelJS.Worksheet, r1: number, c1: number, r2: number, c2: number): void {
  for (let r = r1; r <= r2; r++)
    for (let c = c1; c <= c2; c++)
      if (s.findCell(r, c)?.isMerged) throw new Error("Cannot merge already merged cells");
  const ws = s as unknown as { _merges: Record<string, unknown> };
  const all = ws._merges;
  ws._merges = {};
  try {
    s.mergeCells(r1, c1, r2, c2);
  } finally {
    ws._merges = Object.assign(all, ws._merges);
  }
}

export interface Bounds {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export const RANGE_SCALARS = [
  "address",
  "left",
  "top",
  "width",
  "height",
  "cellCount",
  "columnCount",
  "columnIndex",
  "formulas",
  "numberFormat",
  "rowCount",
  "rowIndex",
  "values",
  "valueTypes",
] as const;

export class FakeRange {
  readonly _path: number;
  private readonly loaded = new Loaded("Range");
  private nullState: boolean | undefined;
  private formatL?: FakeFormat;
  private validationL?: FakeDataValidation;
  private cfL?: { _path: number; add: (type: string) => FakeConditionalFormat };

  constructor(
    readonly ws: FakeWorksheet,
    private readonly bounds: () => Bounds | null,
    private readonly opts: { nullable?: boolean; path: [PathKind, string, unknown[]] }
  ) {
    const [kind, name, args] = opts.path;
    this._path = ws.ctx.request.object(kind, name, ws._path, args);
    ws.ctx.enqueueQuiet(`${ws.label}.range.instantiate`, () => {
      const s = ws.resolve();
      const b = s ? this.bounds() : null;
      if (!b && !opts.nullable) throw officeError("ItemNotFound", "The range does not exist");
      this.nullState = !b;
    });
  }

  get ctx() {
    return this.ws.ctx;
  }

  b(): Bounds {
    const b = this.bounds();
    if (!b) throw officeError("ItemNotFound", "The range does not exist");
    return b;
  }

  /** Queue an operation on the whole range, checked against the sheet's protection. */
  forRange(
    what: string,
    f: (ws: ExcelJS.Worksheet, b: Bounds) => void,
    action?: { kind: "set" | "method"; name: string; path?: number; args?: unknown[] }
  ): void {
    this.ws.op(
      `range.${what}`,
      (s) => {
        const b = this.b();
        guardProtection(s, b, what);
        f(s, b);
      },
      action && { ...action, path: action.path ?? this._path }
    );
  }

  eachCell(
    f: (cell: ExcelJS.Cell, i: number, j: number) => void,
    what: string,
    action?: { kind: "set" | "method"; name: string; path?: number; args?: unknown[] }
  ): void {
    this.forRange(
      what,
      (s, b) => {
        for (let r = b.r1; r <= b.r2; r++)
          for (let c = b.c1; c <= b.c2; c++) f(s.getCell(r, c), r - b.r1, c - b.c1);
      },
      action
    );
  }

  get format(): FakeFormat {
    return (this.formatL ??= new FakeFormat(this));
  }

  get dataValidation(): FakeDataValidation {
    return (this.validationL ??= new FakeDataValidation(this));
  }

  get conditionalFormats() {
    if (!this.cfL) {
      const path = this.ctx.request.object("property", "ConditionalFormats", this._path);
      this.cfL = {
        _path: path,
        add: (type: string) => {
          const cf = new FakeConditionalFormat(
            type,
            this.ctx.request.object("method", "Add", path, [type])
          );
          this.forRange("conditionalFormats.add", (s, b) => cf.applyTo(s, address(b)));
          return cf;
        },
      };
    }
    return this.cfL;
  }

  set values(v: unknown[][]) {
    this.write(
      "values",
      "Values",
      v,
      (cell, x, where) => {
        checkValue(x, where);
        const before = this.ctx.formatsBefore;
        enter(cell, x, before.has(where) ? before.get(where) : cell.numFmt);
      },
      // The add-in's own write raises onChanged too (events.ts).
      (s, b) => raiseChanged(this.ctx.state, s, sheetId(s), b, true)
    );
  }

  get values(): unknown[][] {
    return this.loaded.get("values");
  }

  get formulas(): unknown[][] {
    return this.loaded.get("formulas");
  }

  set numberFormat(v: unknown[][]) {
    this.write("numberFormat", "NumberFormat", v, (cell, f, where) => {
      if (f === null || f === undefined) return;
      if (typeof f !== "string") throw officeError("InvalidArgument", `${where}: not a format`);
      if (!this.ctx.formatsBefore.has(where)) this.ctx.formatsBefore.set(where, cell.numFmt);
      cell.numFmt = f === "General" ? (undefined as unknown as string) : f;
    });
  }

  get numberFormat(): unknown[][] {
    return this.loaded.get("numberFormat");
  }

  /** A 2D write the size of the range, cell by cell. */
  private write(
    what: string,
    name: string,
    v: unknown[][],
    f: (cell: ExcelJS.Cell, x: unknown, where: string) => void,
    after?: (s: ExcelJS.Worksheet, b: Bounds) => void
  ): void {
    this.forRange(
      what,
      (s, b) => {
        const rows = b.r2 - b.r1 + 1;
        const cols = b.c2 - b.c1 + 1;
        if (
          !Array.isArray(v) ||
          v.length !== rows ||
          v.some((row) => !Array.isArray(row) || row.length !== cols)
        )
          throw officeError(
            "InvalidArgument",
            `${what}: the array must be ${rows} x ${cols}, as the range ${address(b)}`
          );
        for (let r = b.r1; r <= b.r2; r++)
          for (let c = b.c1; c <= b.c2; c++)
            f(s.getCell(r, c), v[r - b.r1][c - b.c1], `${s.name}!${colLetter(c)}${r}`);
        after?.(s, b);
      },
      { kind: "set", name, args: [v] }
    );
  }

  /**
   * Range.clear (ExcelApi 1.1): "All" (the default) or "Contents" removes values, "All" or
   * "Formats" the formats (number format, font, fill, borders, alignment, protection back to
   * locked), as Excel.ClearApplyTo documents them.
   */
  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.eachCell(
      (cell) => {
        if (applyTo !== "Formats") cell.value = null;
        if (applyTo !== "Contents") cell.style = {};
      },
      applyTo === "Formats" ? "format.clear" : "values",
      { kind: "method", name: "Clear", args: [applyTo] }
    );
  }

  /** `across`: each row of the range becomes its own merged cell (Range.merge, ExcelApi 1.2). */
  merge(across = false): void {
    const merge = (s: ExcelJS.Worksheet, b: Bounds) => {
      if (!across) return mergeCells(s, b.r1, b.c1, b.r2, b.c2);
      for (let r = b.r1; r <= b.r2; r++) mergeCells(s, r, b.c1, r, b.c2);
    };
    this.forRange("merge", merge, {
      kind: "method",
      name: "Merge",
      args: [across],
    });
  }

  /**
   * Unmerge (ExcelApi 1.2): every merged area the range touches becomes single cells again, the text
   * staying in the area's top-left cell (as Excel's Merge & Center > Unmerge Cells).
   */
  unmerge(): void {
    this.forRange(
      "unmerge",
      (s, b) => {
        const merges = (s.model as { merges?: string[] }).merges ?? [];
        for (const m of merges) {
          const r = parseRange(m)!;
          if (r.r1 <= b.r2 && r.r2 >= b.r1 && r.c1 <= b.c2 && r.c2 >= b.c1) s.unMergeCells(m);
        }
      },
      { kind: "method", name: "Unmerge", args: [] }
    );
  }

  select(): void {
    this.forRange(
      "select",
      (s, b) => {
        this.ctx.state.active = s.name;
        this.ctx.state.selected = `${s.name}!${address(b)}`;
      },
      { kind: "method", name: "Select", args: [] }
    );
  }

  load(option?: LoadOption): this {
    const props = selected(option, RANGE_SCALARS);
    this.ctx.enqueueLoad(`${this.ws.label}.range.load`, this._path, props, () => {
      const s = this.ws.resolve();
      const b = s ? this.bounds() : null;
      if (!b && !this.opts.nullable) throw officeError("ItemNotFound", "The range does not exist");
      this.nullState = !b;
      if (!s || !b) return null;
      const grid = (f: (c: ExcelJS.Cell) => unknown) => {
        const out: unknown[][] = [];
        for (let r = b.r1; r <= b.r2; r++) {
          const row: unknown[] = [];
          for (let c = b.c1; c <= b.c2; c++) row.push(f(s.getCell(r, c)));
          out.push(row);
        }
        return out;
      };
      const rows = b.r2 - b.r1 + 1;
      const cols = b.c2 - b.c1 + 1;
      const all: Record<string, () => unknown> = {
        address: () => `${quoteSheet(s.name)}!${address(b)}`,
        cellCount: () => rows * cols,
        columnCount: () => cols,
        columnIndex: () => b.c1 - 1,
        rowCount: () => rows,
        rowIndex: () => b.r1 - 1,
        values: () => grid(valueOf),
        formulas: () => grid(formulaOf),
        numberFormat: () => grid((c) => c.numFmt || "General"),
        valueTypes: () => grid(valueType),
        // Position and size in points (ExcelApi 1.3), from the column widths and row heights.
        left: () => sum(1, b.c1 - 1, (c) => colPt(s, c)),
        top: () => sum(1, b.r1 - 1, (r) => rowPt(s, r)),
        width: () => sum(b.c1, b.c2, (c) => colPt(s, c)),
        height: () => sum(b.r1, b.r2, (r) => rowPt(s, r)),
      };
      const out: Record<string, unknown> = {};
      for (const p of props) {
        if (!all[p]) continue;
        out[p] = all[p]();
        this.loaded.set(p, out[p]);
      }
      return out;
    });
    return this;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) notLoaded("Range.isNullObject");
    return this.nullState;
  }
  get rowIndex(): number {
    return this.loaded.get("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded.get("columnIndex");
  }
  get rowCount(): number {
    return this.loaded.get("rowCount");
  }
  get columnCount(): number {
    return this.loaded.get("columnCount");
  }
  get address(): string {
    return this.loaded.get("address");
  }
  get left(): number {
    return this.loaded.get("left");
  }
  get top(): number {
    return this.loaded.get("top");
  }
  get width(): number {
    return this.loaded.get("width");
  }
  get height(): number {
    return this.loaded.get("height");
  }
  get valueTypes(): string[][] {
    return this.loaded.get("valueTypes");
  }

  /** Merged areas inside the range (ExcelApi 1.13), as a RangeAreas with `areas.items[].address`. */
  getMergedAreasOrNullObject() {
    this.ws.requires("1.13", "Range.getMergedAreasOrNullObject");
    const path = this.ctx.request.object("method", "GetMergedAreasOrNullObject", this._path, []);
    const loaded = new Loaded("RangeAreas");
    const self = {
      _path: path,
      load: (option?: LoadOption) => {
        this.ctx.enqueueLoad(
          `${this.ws.label}.mergedAreas.load`,
          path,
          selected(option, []),
          () => {
            const s = this.ws.resolve();
            const b = this.bounds();
            const merges = s && b ? ((s.model as { merges?: string[] }).merges ?? []) : [];
            const areas = merges
              .map((m) => ({ address: `${quoteSheet(s!.name)}!${m}` }))
              .filter((m) => {
                const r = parseRange(m.address.split("!").pop()!)!;
                return r.r1 >= b!.r1 && r.r2 <= b!.r2 && r.c1 >= b!.c1 && r.c2 <= b!.c2;
              });
            loaded.set("areas", areas);
            return areas;
          }
        );
        return self;
      },
      areas: {
        get items() {
          return loaded.get<{ address: string }[]>("areas");
        },
      },
      get isNullObject() {
        return loaded.get<unknown[]>("areas").length === 0;
      },
    };
    return self;
  }
}

/** A sheet name as Excel writes it in an address: quoted when it is not a plain word. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function valueType(cell: ExcelJS.Cell): string {
  const v = valueOf(cell);
  if (v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  if (typeof v === "string" && v.startsWith("#")) return "Error";
  return "String";
}

interface Protection {
  sheet?: boolean;
  formatCells?: boolean;
  formatColumns?: boolean;
  formatRows?: boolean;
}

/** The sheet's protection as ExcelJS holds it, or null when the sheet is not protected. */
export function protectionOf(ws: ExcelJS.Worksheet): Protection | null {
  const p = (ws as unknown as { sheetProtection?: Protection }).sheetProtection;
  return p?.sheet ? p : null;
}

/**
 * As in Excel: on a protected sheet only values of unlocked cells may change (and the selection);
 * column widths and row heights only when formatting columns/rows is allowed, other formats only when
 * formatting cells is; merges, validation and conditional formats need the protection lifted first.
 */
function guardProtection(ws: ExcelJS.Worksheet, b: Bounds, what: string): void {
  const p = protectionOf(ws);
  if (!p) return;
  if (what === "select") return;
  if (what === "values") {
    for (let r = b.r1; r <= b.r2; r++)
      for (let c = b.c1; c <= b.c2; c++)
        if (ws.getCell(r, c).protection?.locked !== false)
          throw officeError(
            "AccessDenied",
            `Cell ${colLetter(c)}${r} is locked on a protected sheet`
          );
    return;
  }
  if (what === "format.columnWidth" && p.formatColumns) return;
  // Excel's "Format rows" covers row height ("changing row height or hiding rows").
  if ((what === "format.autofitRows" || what === "format.rowHeight") && p.formatRows) return;
  if (what.startsWith("format.") && !what.startsWith("format.protection") && p.formatCells) return;
  throw officeError("AccessDenied", `${what} is not allowed on a protected sheet`);
}

export function address(b: Bounds): string {
  const a = `${colLetter(b.c1)}${b.r1}`;
  const z = `${colLetter(b.c2)}${b.r2}`;
  return a === z ? a : `${a}:${z}`;
}

function sum(from: number, to: number, f: (i: number) => number): number {
  let t = 0;
  for (let i = from; i <= to; i++) t += f(i);
  return t;
}
