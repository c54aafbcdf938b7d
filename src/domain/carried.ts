/**
 * What a report started from an earlier one carries, as the workbook remembers it: the earlier
 * report's period and, per text field, a digest of each item's text as it was carried. The record
 * sits in the hidden metadata sheet (ITA_META: `carried.from`, `carried.results`, …) next to the
 * sheet's other metadata, which Excel, LibreOffice and ExcelJS all keep; the visible form marker
 * says the sheet continues an earlier report (so that the pane reads the hidden sheet only then).
 *
 * A digest is not the text: a results cell that is still word for word the earlier report's is told
 * apart from one the unit wrote again, without a second copy of every text in the file. It is a check
 * that a text is unchanged, not a protection against anyone forging it.
 */
import { Period, periodOf } from "./period";
import { TextField, TEXT_FIELDS } from "./reportFields";
import { cleanText, Msg, msg } from "./text";

export interface CarriedRecord {
  /** The earlier report's period. */
  from: Period;
  /** Where it came from, as the user named it (a file name, or a sheet of the workbook). */
  source: string;
  /** Per field, per item code: the digest of the text carried into the item. */
  digests: Record<TextField, ReadonlyMap<string, string>>;
}

export const CARRIED_KEY = "carried";

/** Texts compare as words: white space folded (a text split over pages is joined back with a space or a line end). */
const comparable = (text: string) => cleanText(text).replace(/\s+/g, " ").trim();

/** A text's UTF-8 bytes (the domain has no TextEncoder: it is a DOM and Node global, not ECMAScript). */
function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    const c = cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp; // a lone surrogate, as TextEncoder writes it
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else
      out.push(
        0xf0 | (c >> 18),
        0x80 | ((c >> 12) & 0x3f),
        0x80 | ((c >> 6) & 0x3f),
        0x80 | (c & 0x3f)
      );
  }
  return out;
}

/**
 * FNV-1a, 64 bits, over the text's UTF-8 bytes (four 16-bit lanes, so that no BigInt is needed):
 * 16 hex digits. The same text gives the same digest in Node and in the pane's webview.
 */
export function textDigest(text: string): string {
  const bytes = utf8(comparable(text));
  // Offset basis 0xcbf29ce484222325, lanes from least significant.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const b of bytes) {
    h0 ^= b;
    // Multiply by the FNV prime 0x100000001b3 = 2^40 + 0x1b3, keeping 64 bits.
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3;
    const t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    const c1 = t1 + (t0 >>> 16);
    const c2 = t2 + Math.floor(c1 / 0x10000);
    const c3 = t3 + Math.floor(c2 / 0x10000);
    h0 = t0 & 0xffff;
    h1 = c1 & 0xffff;
    h2 = c2 & 0xffff;
    h3 = c3 & 0xffff;
  }
  return [h3, h2, h1, h0].map((h) => h.toString(16).padStart(4, "0")).join("");
}

/** The metadata rows of a record: the period and source, then one row per field (`I1:digest I2:digest …`). */
export function carriedRows(c: CarriedRecord): [string, string][] {
  const rows: [string, string][] = [
    [`${CARRIED_KEY}.from`, `${c.from.fiscalYear}/${c.from.round}`],
    [`${CARRIED_KEY}.source`, c.source],
  ];
  for (const f of TEXT_FIELDS) {
    const list = [...c.digests[f]].map(([code, d]) => `${code}:${d}`).join(" ");
    if (list) rows.push([`${CARRIED_KEY}.${f}`, list]);
  }
  return rows;
}

/** The record a sheet's metadata holds, or null (none, or not one this program wrote). */
export function carriedFromMeta(stored: ReadonlyMap<string, string>): CarriedRecord | null {
  const from = /^(\d{4})\/(\d{1,2})$/.exec(stored.get(`${CARRIED_KEY}.from`)?.trim() ?? "");
  const period = from && periodOf({ fiscalYear: Number(from[1]), round: Number(from[2]) });
  if (!period) return null;
  const digests = {} as Record<TextField, Map<string, string>>;
  for (const f of TEXT_FIELDS) {
    digests[f] = new Map();
    for (const pair of (stored.get(`${CARRIED_KEY}.${f}`) ?? "").split(/\s+/)) {
      const m = /^([^:\s]+):([0-9a-f]{16})$/.exec(pair);
      if (m) digests[f].set(m[1], m[2]);
    }
  }
  return { from: period, source: stored.get(`${CARRIED_KEY}.source`) ?? "", digests };
}

/** `รายงานรอบ 6 เดือน` / `the 6-month report`; with the year when it is not the sheet's. */
export function earlierReportName(from: Period, sheetYear: number | null): Msg {
  const other = sheetYear !== from.fiscalYear;
  return msg(
    `รายงานรอบ ${from.round} เดือน${other ? ` ปี ${from.fiscalYear}` : ""}`,
    `the ${from.round}-month report${other ? ` of ${from.fiscalYear}` : ""}`
  );
}

/**
 * What the visible form marker adds for a sheet that continues an earlier report
 * (`bkk-district-ita 2567.1 · ต่อจากรอบ 6 เดือน ปี 2567`): the reader takes the marker's first two
 * words as the form, so older copies read it as before.
 */
export const carriedMarker = (from: Period) =>
  ` · ${CONTINUES_WORD}รอบ ${from.round} เดือน ปี ${from.fiscalYear}`;
const CONTINUES_WORD = "ต่อจาก";

/** Whether a form marker says the sheet continues an earlier report (its record is in the hidden metadata). */
export const markerContinues = (marker: string) => marker.includes(CONTINUES_WORD);

interface CellTexts {
  code: string;
  results: string;
  cells: { results: string };
  /** Items sharing the item's cells (a measure group's merged cell, in parts across pages). */
  sharedWith: readonly string[];
}

/** A results cell of a sheet, with the items that share it and whether its text is the carried one. */
export interface ResultsCell {
  /** The cell of its first item (the part of a text split across pages that item shows). */
  cell: string;
  codes: string[];
  unchanged: boolean;
}

/**
 * The sheet's results cells with text (the items sharing a cell, or its parts across pages, once, in
 * the sheet's order), each told unchanged when its text is word for word what was carried into any
 * of its items.
 */
export function resultsCells(items: readonly CellTexts[], carried: CarriedRecord): ResultsCell[] {
  const byCell = new Map<string, ResultsCell>();
  for (const it of items) {
    if (!it.results.trim()) continue;
    const key = [it.code, ...it.sharedWith].sort().join(" ");
    const had = byCell.get(key);
    const same = carried.digests.results.get(it.code) === textDigest(it.results);
    if (had) {
      had.codes.push(it.code);
      had.unchanged ||= same;
    } else byCell.set(key, { cell: it.cells.results, codes: [it.code], unchanged: same });
  }
  return [...byCell.values()];
}

/**
 * Per unit, how its round-12 results stand against its 6-month report: the groups (results cells)
 * with new results, and those still word for word as carried. Null when the sheet is not a 12-month
 * report started from the same year's 6-month report (nothing to tell new from carried).
 */
export interface SinceRound6 {
  newGroups: number;
  unchangedGroups: number;
  /** Items whose results are still the 6-month report's (every item of each unchanged cell). */
  unchangedCodes: string[];
}

export function sinceRound6(sheet: {
  round: { value: number | null };
  fiscalYear: { value: number | null };
  carried?: CarriedRecord | null;
  items: readonly CellTexts[];
}): SinceRound6 | null {
  const c = sheet.carried;
  if (!c || sheet.round.value !== 12 || c.from.round !== 6) return null;
  if (c.from.fiscalYear !== sheet.fiscalYear.value) return null;
  const cells = resultsCells(sheet.items, c);
  const unchanged = cells.filter((x) => x.unchanged);
  return {
    newGroups: cells.length - unchanged.length,
    unchangedGroups: unchanged.length,
    unchangedCodes: unchanged.flatMap((x) => x.codes),
  };
}
