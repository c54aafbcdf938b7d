/**
 * The request context of one `Excel.run` batch: writes and loads are queued and applied at `sync()`;
 * syncs are counted. `HostState` is what outlives a batch (active sheet, selection, charts).
 */
import type ExcelJS from "exceljs";
import { FakeWorkbook } from "./workbook";

type Thunk = () => void;

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
