/**
 * An in-memory Excel host for tests: the part of the Office.js Excel API the add-in uses, backed by an
 * ExcelJS workbook, with the same batching rules as the real one. Writes are queued and applied at
 * `sync()`; loaded properties can be read only after a `sync()` (reading earlier throws, as in Excel);
 * syncs are counted. What the add-in wrote can be saved as .xlsx and read by the CLI.
 */
import ExcelJS from "exceljs";
import { colLetter, parseRange } from "../../src/domain/layout/a1";

type Thunk = () => void;

interface Bounds {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export class FakeContext {
  syncCount = 0;
  /** Every queued operation as `object.method` (what was written, for assertions). */
  readonly log: string[] = [];
  readonly workbook: FakeWorkbook;
  private queue: Thunk[] = [];
  private loads: Thunk[] = [];

  constructor(
    readonly wb: ExcelJS.Workbook,
    readonly state: HostState
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(what: string, op: Thunk): void {
    this.log.push(what);
    this.queue.push(op);
  }

  enqueueLoad(op: Thunk): void {
    this.queue.push(op);
    this.loads.push(op);
  }

  async sync(): Promise<void> {
    this.syncCount++;
    this.state.totalSyncs++;
    const ops = this.queue;
    this.queue = [];
    this.loads = [];
    for (const op of ops) op();
  }
}

export interface HostState {
  active: string | null;
  selected: string | null;
  totalSyncs: number;
  /** Charts added (ExcelJS cannot hold them): sheet, type, source address, title. */
  charts: { sheet: string; type: string; source: string; title: string }[];
}

function notLoaded(what: string): never {
  throw new Error(`PropertyNotLoaded: ${what} was read before load() and sync()`);
}

/** A property that can be read only once loaded and synced. */
class Loadable<T> {
  private value: T | undefined;
  private ready = false;
  constructor(private readonly what: string) {}
  set(v: T) {
    this.value = v;
    this.ready = true;
  }
  get(): T {
    if (!this.ready) notLoaded(this.what);
    return this.value as T;
  }
}

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

export function officeError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code, name: "RichApi.Error" });
}

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

class FakeProtection {
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

class FakePageLayout {
  constructor(private readonly ws: FakeWorksheet) {}
  set orientation(v: string) {
    this.ws.op(
      "pageLayout.orientation",
      (s) => (s.pageSetup.orientation = v === "Landscape" ? "landscape" : "portrait")
    );
  }
  set paperSize(v: string) {
    this.ws.op("pageLayout.paperSize", (s) => (s.pageSetup.paperSize = v === "A4" ? 9 : undefined));
  }
  set zoom(z: { horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.ws.op("pageLayout.zoom", (s) =>
      Object.assign(s.pageSetup, {
        fitToPage: true,
        fitToWidth: z.horizontalFitToPages,
        fitToHeight: z.verticalFitToPages,
      })
    );
  }
  set leftMargin(pt: number) {
    this.margin("left", pt);
  }
  set rightMargin(pt: number) {
    this.margin("right", pt);
  }
  set topMargin(pt: number) {
    this.margin("top", pt);
  }
  set bottomMargin(pt: number) {
    this.margin("bottom", pt);
  }
  set headerMargin(pt: number) {
    this.margin("header", pt);
  }
  set footerMargin(pt: number) {
    this.margin("footer", pt);
  }
  private margin(side: string, pt: number) {
    this.ws.op(`pageLayout.${side}Margin`, (s) => {
      const m = (s.pageSetup.margins ?? {}) as unknown as Record<string, number>;
      m[side] = Math.round((pt / 72) * 1000) / 1000;
      s.pageSetup.margins = m as unknown as ExcelJS.Margins;
    });
  }
  setPrintTitleRows(address: string): void {
    this.ws.op(
      "pageLayout.setPrintTitleRows",
      (s) => (s.pageSetup.printTitlesRow = address.replace(/\$/g, ""))
    );
  }
}

const argb = (color: string) => ({ argb: `FF${color.replace("#", "").toUpperCase()}` });

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

function address(b: Bounds): string {
  const a = `${colLetter(b.c1)}${b.r1}`;
  const z = `${colLetter(b.c2)}${b.r2}`;
  return a === z ? a : `${a}:${z}`;
}

class FakeFormat {
  readonly font: { name?: string; size?: number; bold?: boolean; color?: string };
  readonly fill: { color?: string; clear: () => void };
  readonly protection: { locked?: boolean };
  readonly borders = { getItem: (edge: string) => this.border(edge) };

  constructor(private readonly range: FakeRange) {
    const styleProp = <T extends object>(
      what: string,
      apply: (cell: ExcelJS.Cell, key: string, v: unknown) => void,
      extra: object = {}
    ) =>
      new Proxy({ ...extra } as T, {
        set: (_t, key: string, v) => {
          range.eachCell((cell) => apply(cell, key, v), `format.${what}.${key}`);
          return true;
        },
      });
    this.font = styleProp("font", (cell, key, v) => {
      const font = { ...(cell.font ?? {}) } as Record<string, unknown>;
      font[key] = key === "color" ? argb(String(v)) : v;
      cell.font = font as Partial<ExcelJS.Font>;
    });
    this.fill = styleProp(
      "fill",
      (cell, _key, v) =>
        (cell.fill = { type: "pattern", pattern: "solid", fgColor: argb(String(v)) }),
      {
        clear: () =>
          range.eachCell(
            (cell) => (cell.fill = undefined as unknown as ExcelJS.Fill),
            "format.fill.clear"
          ),
      }
    );
    this.protection = styleProp(
      "protection",
      (cell, _key, v) => (cell.protection = { locked: Boolean(v) })
    );
  }

  private align(key: "horizontal" | "vertical" | "wrapText", v: unknown) {
    this.range.eachCell(
      (cell) => (cell.alignment = { ...(cell.alignment ?? {}), [key]: v }),
      `format.${key}`
    );
  }
  set horizontalAlignment(v: string) {
    this.align("horizontal", v.toLowerCase());
  }
  set verticalAlignment(v: string) {
    this.align("vertical", v === "Center" ? "middle" : v.toLowerCase());
  }
  set wrapText(v: boolean) {
    this.align("wrapText", v);
  }
  /** Row heights are not modelled (ExcelJS leaves them to the reader); the call is recorded. */
  autofitRows(): void {
    this.range.forRange("format.autofitRows", () => undefined);
  }
  set columnWidth(pt: number) {
    this.range.forRange("format.columnWidth", (s, b) => {
      for (let c = b.c1; c <= b.c2; c++)
        s.getColumn(c).width = Math.round(((pt / 0.75 - 5) / 7) * 100) / 100;
    });
  }
  private border(edge: string) {
    const side = (
      {
        EdgeTop: "top",
        EdgeBottom: "bottom",
        EdgeLeft: "left",
        EdgeRight: "right",
        InsideVertical: "insideV",
        InsideHorizontal: "insideH",
      } as Record<string, string>
    )[edge];
    const state: { style?: string; color?: string } = {};
    return new Proxy(state, {
      set: (_t, key: string, v) => {
        (state as Record<string, unknown>)[key] = v;
        this.range.forRange(`format.borders.${edge}.${key}`, (s, b) => {
          for (let r = b.r1; r <= b.r2; r++)
            for (let c = b.c1; c <= b.c2; c++) {
              const sides: string[] = [];
              if (side === "top" && r === b.r1) sides.push("top");
              if (side === "bottom" && r === b.r2) sides.push("bottom");
              if (side === "left" && c === b.c1) sides.push("left");
              if (side === "right" && c === b.c2) sides.push("right");
              if (side === "insideH")
                sides.push(...(r > b.r1 ? ["top"] : []), ...(r < b.r2 ? ["bottom"] : []));
              if (side === "insideV")
                sides.push(...(c > b.c1 ? ["left"] : []), ...(c < b.c2 ? ["right"] : []));
              const cell = s.getCell(r, c);
              const border = { ...(cell.border ?? {}) } as Record<string, unknown>;
              for (const sd of sides)
                border[sd] = {
                  style: "thin",
                  ...(state.color ? { color: argb(state.color) } : {}),
                };
              cell.border = border as Partial<ExcelJS.Borders>;
            }
        });
        return true;
      },
    });
  }
}

class FakeDataValidation {
  prompt?: { showPrompt: boolean; title: string; message: string };
  errorAlert?: { showAlert: boolean; style: string; title: string; message: string };
  ignoreBlanks = true;
  constructor(private readonly range: FakeRange) {}
  set rule(rule: {
    decimal?: { formula1: number | string; formula2?: number | string; operator: string };
  }) {
    this.range.eachCell((cell) => {
      const d = rule.decimal;
      if (!d) throw officeError("InvalidArgument", "Only decimal validation is faked");
      cell.dataValidation = {
        type: "decimal",
        operator:
          d.operator === "Between"
            ? "between"
            : (d.operator.toLowerCase() as ExcelJS.DataValidationOperator),
        allowBlank: this.ignoreBlanks,
        showInputMessage: Boolean(this.prompt?.showPrompt),
        showErrorMessage: Boolean(this.errorAlert?.showAlert),
        formulae: [Number(d.formula1), Number(d.formula2)],
        promptTitle: this.prompt?.title,
        prompt: this.prompt?.message,
        errorStyle: this.errorAlert?.style === "Stop" ? "stop" : "warning",
        errorTitle: this.errorAlert?.title,
        error: this.errorAlert?.message,
      };
    }, "dataValidation.rule");
  }
  clear(): void {
    this.range.eachCell(
      (cell) => (cell.dataValidation = undefined as unknown as ExcelJS.DataValidation),
      "dataValidation.clear"
    );
  }
}

type Criterion = { formula: string | null; type: string; color: string };

class FakeConditionalFormat {
  readonly custom = { rule: { formula: "" }, format: { fill: { color: "" }, font: { color: "" } } };
  readonly colorScale: {
    criteria: { minimum: Criterion; midpoint: Criterion; maximum: Criterion };
  } = {
    criteria: {
      minimum: { formula: null, type: "LowestValue", color: "" },
      midpoint: { formula: "50", type: "Percentile", color: "" },
      maximum: { formula: null, type: "HighestValue", color: "" },
    },
  };
  constructor(readonly type: string) {}
}

/** A host over a workbook: `run` is what the add-in calls instead of `Excel.run`. */
export class FakeExcelHost {
  readonly state: HostState = { active: null, selected: null, totalSyncs: 0, charts: [] };
  readonly contexts: FakeContext[] = [];
  constructor(readonly wb: ExcelJS.Workbook = new ExcelJS.Workbook()) {}

  run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this.wb, this.state);
    this.contexts.push(ctx);
    return batch(ctx as unknown as Excel.RequestContext);
  };

  get lastContext(): FakeContext {
    return this.contexts[this.contexts.length - 1];
  }

  async xlsx(): Promise<Buffer> {
    return Buffer.from(await this.wb.xlsx.writeBuffer());
  }
}
