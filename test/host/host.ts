/** The host the tests hold: a workbook, the state shared by its batches, and every batch's context. */
import ExcelJS from "exceljs";
import { DEFAULT_LIMITS, FakeContext, type HostState } from "./context";
import { Faults } from "./faults";
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
    return fakeOffice(this.state.apiSets, o);
  }

  async xlsx(): Promise<Buffer> {
    return Buffer.from(await this.wb.xlsx.writeBuffer());
  }
}
