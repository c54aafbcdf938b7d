import type { TCell } from "../domain";

/**
 * Keeping every request under Excel on the web's 5 MB limit ("Payload size limit best practices",
 * https://learn.microsoft.com/office/dev/add-ins/excel/performance): the size of a request grows with
 * the number of API calls, the number of objects (ranges, formats, ...) and the length of the values
 * set. Office.js does not say how large its pending request is, so writers estimate it from what they
 * queue and sync before the estimate passes their budget.
 */

/** Default budget of one request: a fifth of the limit, so a poor estimate still stays under it. */
export const DEFAULT_CHUNK_BYTES = 1_000_000;

/**
 * Upper estimates of what Office.js sends (measured against its serialization as modelled in
 * test/host/request.ts, where an object path with its instantiate action is 120–170 bytes and a
 * property set 70–110 bytes plus its value).
 */
export const OBJECT_BYTES = 250;
export const SET_BYTES = 150;

/** UTF-8 size of a value as JSON. */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** Split rows into chunks whose values and number formats stay under the byte budget. */
export function chunkRows<T extends TCell | string | number | null>(
  rows: T[][],
  maxBytes: number
): { start: number; rows: T[][] }[] {
  const out: { start: number; rows: T[][] }[] = [];
  let start = 0;
  let size = 0;
  let cur: T[][] = [];
  rows.forEach((row, i) => {
    // values as JSON (UTF-8) plus the number formats written with them
    const bytes = jsonBytes(row) + row.length * 12;
    if (cur.length && size + bytes > maxBytes) {
      out.push({ start, rows: cur });
      start = i;
      size = 0;
      cur = [];
    }
    cur.push(row);
    size += bytes;
  });
  if (cur.length) out.push({ start, rows: cur });
  return out;
}

/**
 * Queues work into requests of at most `budget` estimated bytes: `reserve` before queuing an
 * operation syncs first when the operation would not fit in the current request.
 */
export class RequestBudget {
  private bytes = 0;
  constructor(
    private readonly sync: () => Promise<void>,
    readonly budget: number
  ) {}

  /** Make room for `objects` new proxies, `sets` property sets/method calls and `payload` bytes of values. */
  async reserve(objects: number, sets: number, payload = 0): Promise<void> {
    const b = objects * OBJECT_BYTES + sets * SET_BYTES + payload;
    if (this.bytes > 0 && this.bytes + b > this.budget) await this.flush();
    this.bytes += b;
  }

  /** Send what is queued, if anything. */
  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    this.bytes = 0;
    await this.sync();
  }
}
