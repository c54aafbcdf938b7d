/**
 * Faults a test injects: the next operations whose label matches fail at sync with an Office.js error
 * code, as Excel fails them. Labels name the sheet and the operation, e.g. "ITA 2567 รอบ 6.freezeRows",
 * "ITA คะแนน.range.values", "worksheets.add(ITA คะแนน)", "ITA_META.protection.protect". Operations
 * queued before the failing one in the same batch are applied, the rest are not (what Excel does with a
 * failed batch is not documented: docs/real-excel-checklist.md).
 */
import { officeError } from "./errors";

export type FaultCode =
  | "GeneralException"
  | "InvalidSelection"
  | "AccessDenied"
  | "BadPassword"
  | "PropertyNotLoaded"
  | "RequestPayloadSizeLimitExceeded"
  | "InvalidOperation"
  | "InvalidOperationInCellEditMode"
  | "ItemNotFound";

export interface Fault {
  /** Matched against the operation's label. */
  op: RegExp | string;
  code: FaultCode;
  /** How many matching operations fail (default: every one). */
  times?: number;
  /** How many matching operations succeed before the first failure (default 0). */
  after?: number;
  message?: string;
}

export class Faults {
  private rules: (Fault & { left: number; pass: number })[] = [];
  /** Labels of the operations that failed, in order. */
  readonly hits: string[] = [];

  add(f: Fault): this {
    this.rules.push({ ...f, left: f.times ?? Infinity, pass: f.after ?? 0 });
    return this;
  }

  clear(): void {
    this.rules = [];
  }

  /** Throw if an injected fault matches the operation about to run. */
  check(label: string): void {
    for (const r of this.rules) {
      if (r.left <= 0) continue;
      const hit = typeof r.op === "string" ? label.includes(r.op) : r.op.test(label);
      if (!hit) continue;
      if (r.pass > 0) {
        r.pass--;
        continue;
      }
      r.left--;
      this.hits.push(label);
      throw officeError(r.code, r.message ?? `${r.code} (injected) at ${label}`);
    }
  }
}
