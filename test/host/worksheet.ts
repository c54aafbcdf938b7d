/**
 * A worksheet proxy: found by name or id (or the active one) at sync time and followed through
 * renames; ranges, freeze panes, charts, visibility, protection and page layout hang off it.
 *
 * Excel's rules modelled here, each from the Excel.Worksheet reference
 * (https://learn.microsoft.com/javascript/api/excel/excel.worksheet) unless noted:
 * - `delete()` of a "VeryHidden" sheet fails with InvalidOperation ("You should first change its
 *   visibility to hidden or visible before deleting it");
 * - a workbook keeps at least one visible sheet: deleting or hiding the last one fails with
 *   InvalidOperation (Excel's UI rule; assumed for the API, docs/real-excel-checklist.md);
 * - `getUsedRange()` of a blank sheet is A1, `getUsedRangeOrNullObject()` a null object; the used
 *   range is the smallest rectangle around the cells with values and need not start at A1;
 * - renaming follows the sheet-name rules (names.ts).
 */
import type ExcelJS from "exceljs";
import { colNumber, parseRange } from "../../src/domain/layout/a1";
import type { FakeContext } from "./context";
import type { ChangedHandler, Registration } from "./events";
import { officeError } from "./errors";
import { Loaded, type LoadOption, notLoaded, selected } from "./loadable";
import { checkFreeName, checkSheetName } from "./names";
import { FakePageLayout } from "./pageLayout";
import { FakeProtection } from "./protection";
import { shapesOf } from "./shapes";
import { FakeRange, address, type Bounds } from "./range";
import type { PathKind } from "./request";
import { requireSet } from "./requirements";

export const WORKSHEET_SCALARS = ["name", "id", "visibility", "position"] as const;

const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

/** Office.js-style id of a sheet (a GUID in braces), stable for the sheet's life. */
export function sheetId(ws: ExcelJS.Worksheet): string {
  return `{00000000-0001-0000-0000-${String(ws.id).padStart(12, "0")}}`;
}

/** A sheet by name (Excel ignores case) or by id. */
export function findSheet(wb: ExcelJS.Workbook, key: string): ExcelJS.Worksheet | null {
  const k = key.toLowerCase();
  return wb.worksheets.find((w) => w.name.toLowerCase() === k || sheetId(w) === key) ?? null;
}

export interface SheetOptions {
  label: string;
  nullable?: boolean;
  /** The object path Office.js would make for this proxy. */
  path: [PathKind, string, number, unknown[]?];
  /** Runs when the proxy is instantiated at sync (e.g. `worksheets.add`). */
  instantiate?: () => void;
  /** The label of the instantiation in the log (only for proxies that change the workbook). */
  log?: string;
  /** Made while reading a response: no instantiate action is sent. */
  silent?: boolean;
}

export class FakeWorksheet {
  readonly _path: number;
  private readonly loaded: Loaded;
  private cached: ExcelJS.Worksheet | null = null;
  private nullState: boolean | undefined;
  private protectionL?: FakeProtection;
  private pageLayoutL?: FakePageLayout;
  private freezeL?: {
    _path: number;
    freezeRows: (n: number) => void;
    freezeAt: (r: FakeRange) => void;
  };
  private chartsL?: { _path: number; add: (t: string, s: FakeRange, by?: string) => unknown };
  readonly label: string;

  constructor(
    readonly ctx: FakeContext,
    private readonly find: () => ExcelJS.Worksheet | null,
    private readonly opts: SheetOptions
  ) {
    this.label = opts.label;
    this.loaded = new Loaded(`Worksheet(${opts.label})`);
    const [kind, name, parent, args] = opts.path;
    this._path = ctx.request.object(kind, name, parent, args, !opts.silent);
    if (opts.silent) return;
    const instantiate = () => {
      opts.instantiate?.();
      const ws = this.resolve();
      if (!ws && !opts.nullable)
        throw officeError("ItemNotFound", `Worksheet ${opts.label} not found`);
      this.nullState = !ws;
    };
    if (opts.log) ctx.enqueue(opts.log, instantiate);
    else ctx.enqueueQuiet(`${opts.label}.instantiate`, instantiate);
  }

  /** The sheet this proxy stands for: found once, then followed through renames (as Excel does). */
  resolve(): ExcelJS.Worksheet | null {
    if (this.cached && this.ctx.wb.worksheets.includes(this.cached)) return this.cached;
    this.cached = this.find();
    return this.cached;
  }

  /** The ExcelJS sheet at sync time; a missing sheet fails the sync unless this is a null object. */
  sheet(): ExcelJS.Worksheet {
    const ws = this.resolve();
    if (!ws) throw officeError("ItemNotFound", `Worksheet ${this.opts.label} not found`);
    return ws;
  }

  /** Queue an operation on the sheet with the action Office.js sends for it. */
  op(
    what: string,
    f: (ws: ExcelJS.Worksheet) => void,
    action?: { kind: "set" | "method"; name: string; path?: number; args?: unknown[] }
  ): void {
    this.ctx.enqueue(
      `${this.label}.${what}`,
      () => f(this.sheet()),
      action && { ...action, path: action.path ?? this._path }
    );
  }

  /** Fill in loaded properties without a sync (items of a loaded collection). */
  prime(ws: ExcelJS.Worksheet, props: readonly string[]): this {
    this.cached = ws;
    this.nullState = false;
    for (const p of props) this.loaded.set(p, this.current(ws, p));
    return this;
  }

  /** A loaded property, or undefined (for sizing responses). */
  peek(prop: string): unknown {
    return this.loaded.has(prop) ? this.loaded.get(prop) : undefined;
  }

  private current(ws: ExcelJS.Worksheet, prop: string): unknown {
    switch (prop) {
      case "name":
        return ws.name;
      case "id":
        return sheetId(ws);
      case "visibility":
        return VISIBILITY[ws.state as keyof typeof VISIBILITY] ?? "Visible";
      case "position":
        return this.ctx.wb.worksheets.indexOf(ws);
      default:
        return undefined;
    }
  }

  load(option?: LoadOption): this {
    const props = selected(option, WORKSHEET_SCALARS);
    this.ctx.enqueueLoad(`${this.label}.load`, this._path, props, () => {
      const ws = this.resolve();
      if (!ws && !this.opts.nullable)
        throw officeError("ItemNotFound", `Worksheet ${this.label} not found`);
      this.nullState = !ws;
      if (!ws) return null;
      const out: Record<string, unknown> = {};
      for (const p of props) {
        const v = this.current(ws, p);
        if (v === undefined) continue;
        this.loaded.set(p, v);
        out[p] = v;
      }
      return out;
    });
    return this;
  }

  get name(): string {
    return this.loaded.get("name");
  }

  set name(v: string) {
    this.op(
      "name",
      (ws) => {
        checkSheetName(v);
        checkFreeName(this.ctx.wb, v, ws);
        const wasActive = this.ctx.state.active === ws.name;
        ws.name = v;
        if (wasActive) this.ctx.state.active = v;
      },
      { kind: "set", name: "Name", args: [v] }
    );
  }

  get id(): string {
    return this.loaded.get("id");
  }

  get visibility(): string {
    return this.loaded.get("visibility");
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) notLoaded(`Worksheet(${this.label}).isNullObject`);
    return this.nullState;
  }

  set visibility(v: "Visible" | "Hidden" | "VeryHidden") {
    this.op(
      "visibility",
      (ws) => {
        if (v !== "Visible" && this.visibleOthers(ws) === 0)
          throw officeError("InvalidOperation", "A workbook must keep at least one visible sheet");
        ws.state = v === "Visible" ? "visible" : v === "Hidden" ? "hidden" : "veryHidden";
        if (v !== "Visible" && this.ctx.state.active === ws.name) this.ctx.state.active = null;
      },
      { kind: "set", name: "Visibility", args: [v] }
    );
  }

  private visibleOthers(ws: ExcelJS.Worksheet): number {
    return this.ctx.wb.worksheets.filter((w) => w !== ws && w.state === "visible").length;
  }

  delete(): void {
    this.ctx.enqueue(
      `${this.label}.delete`,
      () => {
        const ws = this.resolve();
        if (!ws) {
          if (!this.opts.nullable)
            throw officeError("ItemNotFound", `Worksheet ${this.label} not found`);
          return;
        }
        if (ws.state === "veryHidden")
          throw officeError(
            "InvalidOperation",
            `Sheet ${ws.name} is very hidden: make it visible or hidden before deleting it`
          );
        if (ws.state === "visible" && this.visibleOthers(ws) === 0)
          throw officeError("InvalidOperation", "A workbook must keep at least one visible sheet");
        if (this.ctx.state.active === ws.name) this.ctx.state.active = null;
        this.ctx.wb.removeWorksheet(ws.id);
      },
      { kind: "method", name: "Delete", path: this._path, args: [] }
    );
  }

  activate(): void {
    this.op("activate", (ws) => (this.ctx.state.active = ws.name), {
      kind: "method",
      name: "Activate",
      args: [],
    });
  }

  get protection(): FakeProtection {
    return (this.protectionL ??= new FakeProtection(this));
  }

  get pageLayout(): FakePageLayout {
    return (this.pageLayoutL ??= new FakePageLayout(this));
  }

  /**
   * `worksheet.horizontalPageBreaks` (ExcelApi 1.9): `add(range)` puts a manual break above the range's
   * first row; `removePageBreaks()` removes every manual break; loaded, each break's `rowIndex` is the
   * 0-based index of the row it is above (learn.microsoft.com javascript/api/excel/excel.pagebreakcollection
   * and excel.pagebreak; the index's meaning is assumed: docs/real-excel-checklist.md, K5).
   */
  get horizontalPageBreaks() {
    const path = this.ctx.request.object("property", "HorizontalPageBreaks", this._path);
    const breaks = (ws: ExcelJS.Worksheet) =>
      (ws as unknown as { rowBreaks: { id: number }[] }).rowBreaks;
    let items: { rowIndex: number }[] | null = null;
    const collection = {
      _path: path,
      add: (address: string) =>
        this.op(
          "horizontalPageBreaks.add",
          (ws) => {
            const row = Number(/(\d+)/.exec(address)?.[1]);
            if (!Number.isInteger(row) || row < 2)
              throw officeError("InvalidArgument", `No page break above ${address}`);
            if (!breaks(ws).some((b) => b.id === row - 1)) ws.getRow(row - 1).addPageBreak();
          },
          { kind: "method", name: "Add", path, args: [address] }
        ),
      removePageBreaks: () =>
        this.op("horizontalPageBreaks.removePageBreaks", (ws) => breaks(ws).splice(0), {
          kind: "method",
          name: "RemovePageBreaks",
          path,
          args: [],
        }),
      load: (option?: LoadOption) => {
        this.ctx.enqueueLoad(
          `${this.label}.horizontalPageBreaks.load`,
          path,
          selected(option, ["rowIndex", "columnIndex"]),
          () => {
            items = breaks(this.sheet()).map((b) => ({ rowIndex: b.id, columnIndex: 0 }));
            return items;
          }
        );
        return collection;
      },
      get items() {
        if (!items) notLoaded("PageBreakCollection.items");
        return items!;
      },
    };
    return collection;
  }

  /**
   * `worksheet.onChanged` (ExcelApi 1.7): the handler is registered at sync, and removed at the next
   * sync after `remove()` (events.ts).
   */
  get onChanged() {
    const path = this.ctx.request.object("property", "OnChanged", this._path);
    return {
      add: (handler: ChangedHandler) => {
        const reg: { sheet: ExcelJS.Worksheet | null; handler: ChangedHandler } = {
          sheet: null,
          handler,
        };
        this.requires("1.7", "Worksheet.onChanged");
        this.op(
          "onChanged.add",
          (ws) => {
            reg.sheet = ws;
            this.ctx.state.events.registrations.push(reg as Registration);
          },
          { kind: "method", name: "Add", path, args: [] }
        );
        const ctx = this.ctx;
        return {
          context: ctx,
          remove: () =>
            ctx.enqueue("onChanged.remove", () => {
              const list = ctx.state.events.registrations;
              const k = list.indexOf(reg as Registration);
              if (k >= 0) list.splice(k, 1);
            }),
        };
      },
    };
  }

  /**
   * `worksheet.verticalPageBreaks` (ExcelApi 1.9): `add(range)` puts a manual break left of the
   * range's first column. ExcelJS keeps no column breaks: they are recorded in the host's state.
   */
  get verticalPageBreaks() {
    const path = this.ctx.request.object("property", "VerticalPageBreaks", this._path);
    return {
      _path: path,
      add: (address: string) =>
        this.op(
          "verticalPageBreaks.add",
          (ws) => {
            const col = colNumber(/^\$?([A-Z]+)/.exec(address)?.[1] ?? "");
            if (!(col >= 2))
              throw officeError("InvalidArgument", `No page break left of ${address}`);
            this.ctx.state.verticalPageBreaks.push({ sheet: ws.name, col });
          },
          { kind: "method", name: "Add", path, args: [address] }
        ),
    };
  }

  /** Pictures and shapes (ExcelApi 1.9): shapes.ts. */
  get shapes() {
    return shapesOf(this);
  }

  get freezePanes() {
    if (!this.freezeL) {
      const path = this.ctx.request.object("property", "FreezePanes", this._path);
      this.freezeL = {
        _path: path,
        freezeRows: (n: number) =>
          this.op(
            "freezeRows",
            (ws) => (ws.views = n > 0 ? [{ state: "frozen", ySplit: n, xSplit: 0 }] : []),
            { kind: "method", name: "FreezeRows", path, args: [n] }
          ),
        freezeAt: (r: FakeRange) =>
          this.op(
            "freezeAt",
            (ws) => {
              const b = r.b();
              ws.views = [{ state: "frozen", ySplit: b.r2, xSplit: b.c2 }];
            },
            { kind: "method", name: "FreezeAt", path, args: [r] }
          ),
      };
    }
    return this.freezeL;
  }

  get charts() {
    if (!this.chartsL) {
      const path = this.ctx.request.object("property", "Charts", this._path);
      this.chartsL = {
        _path: path,
        add: (type: string, source: FakeRange, seriesBy?: string) => {
          const chartPath = this.ctx.request.object("method", "Add", path, [
            type,
            source._path,
            seriesBy,
          ]);
          let position: string | undefined;
          const chart = {
            _path: chartPath,
            title: { text: "" },
            legend: { visible: true },
            setPosition: (a: string, b?: string) => {
              position = b ? `${a}:${b}` : a;
              this.ctx.request.action("method", "SetPosition", chartPath, [a, b]);
            },
          };
          this.op("charts.add", (ws) => {
            const b = source.b();
            this.ctx.state.charts.push({
              sheet: ws.name,
              type,
              source: address(b),
              title: chart.title.text,
              ...(position ? { position } : {}),
            });
          });
          return chart;
        },
      };
    }
    return this.chartsL;
  }

  getRange(addr?: string): FakeRange {
    if (addr === undefined)
      return new FakeRange(this, () => ({ r1: 1, c1: 1, r2: 1048576, c2: 16384 }), {
        path: ["method", "GetRange", []],
      });
    const b = parseRange(addr.replace(/^.*!/, ""));
    if (!b) throw officeError("InvalidArgument", `Bad address ${addr}`);
    return new FakeRange(this, () => b, { path: ["method", "GetRange", [addr]] });
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(
      this,
      () => {
        if (rows < 1 || cols < 1 || row < 0 || col < 0)
          throw officeError("InvalidArgument", `No range of ${rows} x ${cols} at ${row},${col}`);
        return { r1: row + 1, c1: col + 1, r2: row + rows, c2: col + cols };
      },
      { path: ["method", "GetRangeByIndexes", [row, col, rows, cols]] }
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this, () => usedBounds(this.sheet()), {
      nullable: true,
      path: ["method", "GetUsedRangeOrNullObject", [valuesOnly]],
    });
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this, () => usedBounds(this.sheet()) ?? { r1: 1, c1: 1, r2: 1, c2: 1 }, {
      path: ["method", "GetUsedRange", [valuesOnly]],
    });
  }

  /** Fail at sync when the host lacks the requirement set of an API. */
  requires(version: string, api: string): void {
    this.ctx.enqueueQuiet(api, () => requireSet(this.ctx.state.apiSets, "ExcelApi", version, api));
  }
}

/** The smallest rectangle around the cells that hold a value (it need not start at A1). */
export function usedBounds(ws: ExcelJS.Worksheet): Bounds | null {
  let r1 = Infinity;
  let c1 = Infinity;
  let r2 = 0;
  let c2 = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.value === null || cell.value === undefined || cell.value === "") return;
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, c);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    });
  });
  return r2 ? { r1, c1, r2, c2 } : null;
}
