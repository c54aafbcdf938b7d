/** The host the tests hold: a workbook, the state shared by its batches, and every batch's context. */
import ExcelJS from "exceljs";
import { DEFAULT_LIMITS, FakeContext, type HostState } from "./context";
import { valueOf } from "./entry";
import { raiseChanged } from "./events";
import { Faults } from "./faults";
import { protectionOf } from "./range";
import { typedEntry } from "./typing";
import { findSheet, sheetId } from "./worksheet";
import { type ApiSets, BASELINE, fakeOffice, type FakeOfficeOptions } from "./requirements";

export interface HostOptions {
  /** Requirement sets the host supports (default: ExcelApi 1.9, the add-in's baseline). */
  apiSets?: ApiSets;
  /** Request and response size limits in bytes (default: Excel on the web's 5 MB each). */
  limits?: Partial<HostState["limits"]>;
}

/**
 * A host over a workbook: `run` is what the add-in calls instead of `Excel.run`. Without a workbook it
 * starts as Excel does, with one empty sheet "Sheet1".
 */
export class FakeExcelHost {
  readonly state: HostState;
  readonly contexts: FakeContext[] = [];
  readonly wb: ExcelJS.Workbook;

  constructor(wb?: ExcelJS.Workbook, opts: HostOptions = {}) {
    this.wb = wb ?? FakeExcelHost.newWorkbook();
    this.state = {
      active: null,
      selected: null,
      totalSyncs: 0,
      charts: [],
      verticalPageBreaks: [],
      requests: [],
      limits: { ...DEFAULT_LIMITS, ...opts.limits },
      faults: new Faults(),
      apiSets: opts.apiSets ?? BASELINE,
      events: { registrations: [], delivered: 0, handled: 0 },
    };
  }

  /** A workbook as Excel makes a new one: a single sheet, "Sheet1". */
  static newWorkbook(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    return wb;
  }

  get faults(): Faults {
    return this.state.faults;
  }

  run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this.wb, this.state);
    this.contexts.push(ctx);
    return batch(ctx as unknown as Excel.RequestContext);
  };

  get lastContext(): FakeContext {
    return this.contexts[this.contexts.length - 1];
  }

  /** The largest request any sync sent, in bytes. */
  get largestRequest(): number {
    return Math.max(0, ...this.state.requests.map((r) => r.bytes));
  }

  /** The `Office` global the pane would see in this host. */
  office(o: FakeOfficeOptions = {}) {
    // The document as a file: the workbook's .xlsx; as "PDF", a stand-in (no printing here).
    return fakeOffice(this.state.apiSets, o, async (type) =>
      type === "pdf"
        ? new TextEncoder().encode(
            `%PDF-1.4\n% stand-in for ${this.wb.worksheets.map((w) => w.name).join(", ")}\n%%EOF\n`
          )
        : new Uint8Array(await this.wb.xlsx.writeBuffer())
    );
  }

  /**
   * The user types `text` into a cell of a sheet, as in Excel (typing.ts): the cell takes the value
   * and number format Excel gives the entry, and `onChanged` is raised (not by the add-in). A locked
   * cell of a protected sheet refuses the entry (Excel says so in a dialog): the test is wrong.
   */
  type(sheet: string, address: string, text: string): void {
    const ws = findSheet(this.wb, sheet);
    if (!ws) throw new Error(`No sheet ${sheet}`);
    const cell = ws.getCell(address);
    if (protectionOf(ws) && cell.protection?.locked !== false)
      throw new Error(`${sheet}!${address} is locked: Excel refuses the entry`);
    const before = valueOf(cell);
    const entry = typedEntry(text, cell.numFmt || undefined);
    cell.value = entry.value;
    cell.numFmt = entry.numFmt as string;
    const r = Number(cell.row);
    const c = Number(cell.col);
    raiseChanged(this.state, ws, sheetId(ws), { r1: r, c1: c, r2: r, c2: c }, false, {
      valueBefore: before,
      valueAfter: valueOf(cell),
    });
  }

  /** Resolves once every onChanged event raised so far has been handled by the pane. */
  async eventsHandled(): Promise<void> {
    // Events are raised on microtasks (events.ts): a handler that does not wait on a timer has run
    // within a few turns; one that does is waited for a macrotask at a time.
    for (let k = 0; this.state.events.handled < this.state.events.delivered; k++)
      await (k < 1000
        ? Promise.resolve()
        : new Promise((r) =>
            typeof setImmediate === "function" ? setImmediate(r) : setTimeout(r, 0)
          ));
  }

  async xlsx(): Promise<Buffer> {
    return Buffer.from(await this.wb.xlsx.writeBuffer());
  }
}
