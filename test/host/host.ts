/** The host the tests hold: a workbook, the state shared by its batches, and every batch's context. */
import ExcelJS from "exceljs";
import { FakeContext, type HostState } from "./context";

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
