/**
 * A range proxy: its bounds are resolved at sync time; values, number formats, merges, selection,
 * conditional formats and loads, with Excel's rules for protected sheets.
 */
import ExcelJS from "exceljs";
import { colLetter, parseRange } from "../../src/domain/layout/a1";
import { FakeConditionalFormat } from "./conditionalFormat";
import { officeError } from "./errors";
import { FakeFormat, argb } from "./format";
import { Loadable } from "./loadable";
import { FakeDataValidation } from "./validation";
import type { FakeWorksheet } from "./worksheet";

export interface Bounds {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export class FakeRange {
  private valuesL = new Loadable<unknown[][]>("range.values");
  private boundsL = new Loadable<Bounds | null>("range.address");
  readonly format: FakeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: { add: (type: string) => FakeConditionalFormat };

  constructor(
    readonly ws: FakeWorksheet,
    private readonly bounds: () => Bounds | null,
    private readonly nullable = false
  ) {
    this.format = new FakeFormat(this);
    this.dataValidation = new FakeDataValidation(this);
    this.conditionalFormats = {
      add: (type: string) => {
        const cf = new FakeConditionalFormat(type);
        this.forRange("conditionalFormats.add", (s, b) => {
          if (cf.type === "ColorScale") {
            const c = cf.colorScale.criteria;
            const cfvo = (x: { type: string; formula: string | null }) =>
              x.type === "LowestValue"
                ? { type: "min" }
                : x.type === "HighestValue"
                  ? { type: "max" }
                  : { type: x.type.toLowerCase(), value: Number(x.formula) };
            s.addConditionalFormatting({
              ref: address(b),
              rules: [
                {
                  type: "colorScale",
                  priority: 1,
                  cfvo: [c.minimum, c.midpoint, c.maximum].map(cfvo),
                  color: [c.minimum, c.midpoint, c.maximum].map((x) => argb(x.color)),
                } as unknown as ExcelJS.ConditionalFormattingRule,
              ],
            });
            return;
          }
          if (cf.type !== "Custom")
            throw officeError("InvalidArgument", `Conditional format ${cf.type} is not faked`);
          s.addConditionalFormatting({
            ref: address(b),
            rules: [
              {
                type: "expression",
                priority: 1,
                formulae: [cf.custom.rule.formula.replace(/^=/, "")],
                style: {
                  fill: {
                    type: "pattern",
                    pattern: "solid",
                    bgColor: argb(cf.custom.format.fill.color),
                  },
                  font: { color: argb(cf.custom.format.font.color) },
                },
              },
            ],
          });
        });
        return cf;
      },
    };
  }

  b(): Bounds {
    const b = this.bounds();
    if (!b) throw officeError("ItemNotFound", "The range does not exist");
    return b;
  }

  forRange(what: string, f: (ws: ExcelJS.Worksheet, b: Bounds) => void): void {
    this.ws.op(`range.${what}`, (s) => {
      const b = this.b();
      guardProtection(s, b, what);
      f(s, b);
    });
  }

  eachCell(f: (cell: ExcelJS.Cell, i: number, j: number) => void, what: string): void {
    this.forRange(what, (s, b) => {
      for (let r = b.r1; r <= b.r2; r++)
        for (let c = b.c1; c <= b.c2; c++) f(s.getCell(r, c), r - b.r1, c - b.c1);
    });
  }

  set values(v: unknown[][]) {
    this.eachCell((cell, i, j) => {
      const x = v[i]?.[j];
      if (x === null || x === undefined) return; // null leaves the cell as it is
      // As in Excel: a string starting with "=" is a formula unless the cell is formatted as text.
      if (typeof x === "string" && x.startsWith("=") && cell.numFmt !== "@")
        cell.value = { formula: x.slice(1) } as ExcelJS.CellFormulaValue;
      else if (typeof x === "string" && x.startsWith("'")) cell.value = x.slice(1);
      else cell.value = x === "" ? null : (x as ExcelJS.CellValue);
    }, "values");
  }

  get values(): unknown[][] {
    return this.valuesL.get();
  }

  set numberFormat(v: unknown[][] | string) {
    this.eachCell((cell, i, j) => {
      const f = typeof v === "string" ? v : v[i]?.[j];
      if (typeof f === "string")
        cell.numFmt = f === "General" ? (undefined as unknown as string) : f;
    }, "numberFormat");
  }

  merge(_across = false): void {
    this.forRange("merge", (s, b) => s.mergeCells(b.r1, b.c1, b.r2, b.c2));
  }

  select(): void {
    this.forRange("select", (s, b) => {
      this.ws.ctx.state.active = s.name;
      this.ws.ctx.state.selected = `${s.name}!${address(b)}`;
    });
  }

  load(_props?: string | string[]): this {
    this.ws.ctx.enqueueLoad(() => {
      const s = this.ws.resolve();
      const b = s ? this.bounds() : null;
      if (!b && !this.nullable) throw officeError("ItemNotFound", "The range does not exist");
      this.boundsL.set(b);
      if (!s || !b) return;
      const out: unknown[][] = [];
      for (let r = b.r1; r <= b.r2; r++) {
        const row: unknown[] = [];
        for (let c = b.c1; c <= b.c2; c++) row.push(officeValue(s.getCell(r, c)));
        out.push(row);
      }
      this.valuesL.set(out);
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.boundsL.get() === null;
  }
  get rowIndex(): number {
    return this.boundsL.get()!.r1 - 1;
  }
  get columnIndex(): number {
    return this.boundsL.get()!.c1 - 1;
  }
  get rowCount(): number {
    const b = this.boundsL.get()!;
    return b.r2 - b.r1 + 1;
  }
  get columnCount(): number {
    const b = this.boundsL.get()!;
    return b.c2 - b.c1 + 1;
  }
  get address(): string {
    return `${this.ws.resolve()?.name}!${address(this.boundsL.get()!)}`;
  }

  /** Merged areas inside the range (ExcelApi 1.13), as a RangeAreas with `areas.items[].address`. */
  getMergedAreasOrNullObject() {
    const areas = new Loadable<{ address: string }[]>("mergedAreas.areas");
    const self = {
      load: () => self,
      areas: {
        get items() {
          return areas.get();
        },
      },
      get isNullObject() {
        return areas.get().length === 0;
      },
    };
    this.ws.ctx.enqueueLoad(() => {
      const s = this.ws.resolve();
      const b = this.bounds();
      const merges = s && b ? ((s.model as { merges?: string[] }).merges ?? []) : [];
      areas.set(
        merges
          .map((m) => ({ address: `${s!.name}!${m}` }))
          .filter((m) => {
            const r = parseRange(m.address.split("!")[1])!;
            return r.r1 >= b!.r1 && r.r2 <= b!.r2;
          })
      );
    });
    return self;
  }
}

/**
 * As in Excel: on a protected sheet only values of unlocked cells may change (and the selection);
 * formats, merges, validation and conditional formats need the protection lifted first.
 */
function guardProtection(ws: ExcelJS.Worksheet, b: Bounds, what: string): void {
  if (!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet) return;
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
  throw officeError("AccessDenied", `${what} is not allowed on a protected sheet`);
}

/** What Office.js returns in `values`: numbers, strings, booleans, "" for empty, formula results. */
function officeValue(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (cell.type === ExcelJS.ValueType.Merge) return "";
  if (typeof v === "object") {
    if (v instanceof Date) return v.toISOString();
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v) return (v as ExcelJS.CellFormulaValue).result ?? "";
    if ("hyperlink" in v) return String(v.text);
    if ("error" in v) return String(v.error);
  }
  return v;
}

export function address(b: Bounds): string {
  const a = `${colLetter(b.c1)}${b.r1}`;
  const z = `${colLetter(b.c2)}${b.r2}`;
  return a === z ? a : `${a}:${z}`;
}
