/** Bilingual message: every user-facing message carries Thai (default) and English. */
export interface Msg {
  th: string;
  en: string;
}

export const msg = (th: string, en: string): Msg => ({ th, en });

/** A file's name without its folders (`a/b/c.xlsx`, `a\\b\\c.xlsx` → `c.xlsx`), as messages name files. */
export const baseName = (file: string) => file.split(/[\\/]/).filter(Boolean).pop() || file;

/**
 * A count in English with its noun: `1 problem`, `2 problems`, `0 warnings` (Thai needs no plural:
 * `2 จุด`). The plural is the noun with an s unless given (`1 entry`, `3 entries`).
 */
export function countEn(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";

/** Replace Thai digits (๐–๙) with ASCII digits. */
export function thaiDigitsToAscii(s: string): string {
  if (!/[\u0e50-\u0e59]/.test(s)) return s;
  let out = "";
  for (const ch of s) {
    const i = THAI_DIGITS.indexOf(ch);
    out += i >= 0 ? String(i) : ch;
  }
  return out;
}

/**
 * Normalise text that comes from a cell: NFC (districts may send NFD Thai), CRLF to LF,
 * zero-width spaces and stray byte-order marks removed, non-breaking spaces folded, trimmed.
 * Zero-width joiners and non-joiners (U+200D, U+200C) are kept: they hold emoji sequences and
 * some Thai and Indic renderings together.
 */
export function cleanText(s: string): string {
  let out = cleaned.get(s);
  if (out === undefined) {
    out = xmlSafe(s)
      .normalize("NFC")
      .replace(/\r\n?/g, "\n")
      .replace(/\u200b|\ufeff/g, "")
      .replace(/\u00a0/g, " ")
      .trim();
    // The same labels and texts come back in every district file: remember the recent ones.
    if (cleaned.size >= 20000) cleaned.clear();
    if (s.length <= 4096) cleaned.set(s, out);
  }
  return out;
}

const cleaned = new Map<string, string>();

/** Text used to compare labels: cleaned, joiners dropped, whitespace folded, lower case. */
export function foldKey(s: string): string {
  return cleanText(s)
    .replace(/\u200c|\u200d/g, "")
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/**
 * Text an .xlsx can hold: XML 1.0 forbids most control characters, lone surrogates and U+FFFE/FFFF.
 * A district file can carry them escaped (`_x0001_`); written back raw they would make the summary
 * unreadable, so they are dropped.
 */
/* eslint-disable no-control-regex -- these are exactly the characters to remove */
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

/* eslint-disable-next-line no-control-regex -- a quick test before the exact one */
const MAYBE_NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;

export function xmlSafe(s: string): string {
  return MAYBE_NOT_XML.test(s) ? s.replace(NOT_XML, "") : s;
}
