/**
 * The request context of one `Excel.run` batch: operations are queued and applied at `sync()`, loads
 * are answered at `sync()`, syncs are counted, and each sync's request is serialized as Office.js does
 * (request.ts) and refused when over the size limit. `HostState` is what outlives a batch (active
 * sheet, selection, charts, every request sent, injected faults, requirement sets).
 */
import type ExcelJS from "exceljs";
import { officeError } from "./errors";
import type { Faults } from "./faults";
import {
  type ActionKind,
  PAYLOAD_LIMIT,
  RequestModel,
  type RequestRecord,
  utf8Bytes,
} from "./request";
import type { Registration } from "./events";
import type { ApiSets } from "./requirements";
import { FakeWorkbook } from "./workbook";

type Thunk = () => unknown;

interface Queued {
  label: string;
  run: Thunk;
  load: boolean;
}

export class FakeContext {
  syncCount = 0;
  /** Every queued operation's label (what was written, for assertions). */
  readonly log: string[] = [];
  readonly request = new RequestModel();
  readonly workbook: FakeWorkbook;
  private queue: Queued[] = [];
  /**
   * Number formats as they were when the current request began, for the cells the request changes.
   * Values are entered with these: that a number format set earlier in the same request governs the
   * values written after it is not documented, so the host does not grant it.
   */
  readonly formatsBefore = new Map<string, string | undefined>();

  constructor(
    readonly wb: ExcelJS.Workbook,
    readonly state: HostState
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  /** Queue an operation, and the action Office.js would send for it. */
  enqueue(
    label: string,
    run: Thunk,
    action?: { kind: ActionKind; name: string; path: number; args?: unknown[] }
  ): void {
    this.log.push(label);
    if (action) this.request.action(action.kind, action.name, action.path, action.args);
    this.queue.push({ label, run, load: false });
  }

  /** Queue an operation that sends no action of its own and is not logged (instantiation). */
  enqueueQuiet(label: string, run: Thunk): void {
    this.queue.push({ label, run, load: false });
  }

  /** Queue a load: `run` answers it and returns what Excel sends back. */
  enqueueLoad(label: string, path: number, select: string[], run: Thunk): void {
    this.request.action("query", "", path, undefined, select);
    this.queue.push({ label, run, load: true });
  }

  async sync(): Promise<void> {
    this.syncCount++;
    this.state.totalSyncs++;
    const ops = this.queue;
    this.queue = [];
    this.formatsBefore.clear();
    const { body, actions } = this.request.take();
    const record: RequestRecord = { bytes: utf8Bytes(body), actions, responseBytes: 0 };
    this.state.requests.push(record);
    if (record.bytes > this.state.limits.request)
      throw officeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${record.bytes} bytes)`
      );
    for (const op of ops) {
      this.state.faults.check(op.label);
      const answer = op.run();
      if (op.load && answer !== undefined)
        record.responseBytes += utf8Bytes(JSON.stringify(answer));
    }
    if (record.responseBytes > this.state.limits.response)
      throw officeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${record.responseBytes} bytes)`
      );
  }
}

export interface HostState {
  active: string | null;
  selected: string | null;
  totalSyncs: number;
  /** Charts added (ExcelJS cannot hold them): sheet, type, source address, title. */
  charts: { sheet: string; type: string; source: string; title: string; position?: string }[];
  /** Manual column page breaks (ExcelJS cannot hold them): sheet and the column that starts a page. */
  verticalPageBreaks: { sheet: string; col: number }[];
  /** Every request sent, in order. */
  requests: RequestRecord[];
  limits: { request: number; response: number };
  faults: Faults;
  apiSets: ApiSets;
  /** `worksheet.onChanged` handlers registered, and events raised and handled (events.ts). */
  events: { registrations: Registration[]; delivered: number; handled: number };
}

export const DEFAULT_LIMITS = { request: PAYLOAD_LIMIT, response: PAYLOAD_LIMIT };
