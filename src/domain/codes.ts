import { thaiDigitsToAscii } from "./text";

/**
 * Item codes. Single items are `I1`…`I25`, `E1`…`E15`; OIT rows cover ranges and are written
 * `O1-O22` (ASCII hyphen) in data, `O1 – O22` on the form. Users type all of `o1–o22`, `O1 - O22`,
 * `O1—O22`, `I 22`, `i22`, Thai digits: all normalise to the canonical code.
 */
const CODE_RE = /^([IEO])\s*(\d{1,3})(?:\s*[-–—‑]\s*O?\s*(\d{1,3}))?$/i;

export function normalizeCode(input: string): string | null {
  const s = thaiDigitsToAscii(input.normalize("NFC")).trim();
  const m = CODE_RE.exec(s);
  if (!m) return null;
  const letter = m[1].toUpperCase();
  const from = Number(m[2]);
  if (m[3] !== undefined) {
    if (letter !== "O") return null;
    return `O${from}-O${Number(m[3])}`;
  }
  return `${letter}${from}`;
}

/** Leading code in a text like `I22 ผู้บังคับบัญชา…` or `O1 – O22 (100 คะแนน)`; null when none. */
export function leadingCode(text: string): { code: string; rest: string } | null {
  const s = thaiDigitsToAscii(text.normalize("NFC")).trimStart();
  const m = /^([IEO]\s*\d{1,3}(?:\s*[-–—‑]\s*O?\s*\d{1,3})?)(?=$|[\s:.,;|)(\t])/i.exec(s);
  if (!m) return null;
  const code = normalizeCode(m[1]);
  return code ? { code, rest: s.slice(m[0].length).trim() } : null;
}

/** Display form of a code as printed on the official form (`O1 – O22`). */
export function displayCode(code: string): string {
  return code.replace("-", " – ");
}

/** A list of item codes as a reader writes it: `I21–I24` for a run of one letter, else `I1, I5`. */
export function codeSpan(codes: readonly string[]): string {
  const single = codes.map((c) => /^([IE])(\d+)$/.exec(c));
  if (single.every(Boolean) && new Set(single.map((m) => m![1])).size === 1) {
    const nums = single.map((m) => Number(m![2])).sort((a, b) => a - b);
    const run = nums.every((n, i) => i === 0 || n === nums[i - 1] + 1);
    if (run && nums.length > 1)
      return `${single[0]![1]}${nums[0]}–${single[0]![1]}${nums[nums.length - 1]}`;
  }
  return codes.map(displayCode).join(", ");
}
