import { FormDef } from "../catalog";
import { thaiDigitsToAscii } from "../text";

/**
 * Matching what units wrote to the form's standard measures. Pure: text in, matches out.
 * A unit's measures cell is split into entries (one per line or per number), each entry is
 * normalised (bullets, numbering, Thai digits, "ดำเนินการ…" prefixes) and compared with the standard
 * measures by word overlap after Thai word segmentation.
 */

/** Leading bullets and numbering: "- ", "• ", "1.", "1)", "(1)", "๑.", "ข้อ 1". */
const LEAD =
  /^\s*(?:[-–—•●▪◦*·]+\s*|\(\s*\d{1,3}\s*\)\s*|\d{1,3}(?:\.\d{1,3})+\s+|\d{1,3}(?:\.\d{1,3})*\s*[.)]\s*|ข้อ\s*\d{1,3}\s*[.:)]?\s*)+/u;
/** Report-style prefixes that say the measure was carried out, not what it was. */
const DONE =
  /^(?:ได้)?ดำเนินการ(?:แล้ว|เรียบร้อย(?:แล้ว)?)?\s*[:：]\s*|^(?:ได้)?ดำเนินการแล้ว\s*|^(?:ได้)?ดำเนินการ(?=\S)/u;

/** An entry's text without bullet, numbering or "ดำเนินการ…" prefix, on ASCII digits and NFC. */
export function normaliseMeasure(line: string): string {
  let s = thaiDigitsToAscii(line.normalize("NFC")).replace(/\s+/g, " ").trim();
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s.replace(LEAD, "").replace(DONE, "").trim();
    if (s === before) break;
  }
  return s;
}

/**
 * Split a measures or results cell into entries: one per line; a line holding several numbered
 * entries ("1. … 2. …") is split at each number that follows a space.
 */
export function splitEntries(text: string): string[] {
  const out: string[] = [];
  for (const raw of thaiDigitsToAscii(text.normalize("NFC")).split(/\r?\n|\r/)) {
    const parts = raw.split(/\s+(?=(?:\(\d{1,3}\)|\d{1,3}[.)])\s*\S)/u);
    for (const p of parts) {
      const n = normaliseMeasure(p);
      if (n && /[\p{L}\p{N}]/u.test(n)) out.push(n);
    }
  }
  return out;
}

/** Words that say nothing about which measure is meant. */
const STOP = new Set([
  "และ",
  "หรือ",
  "ให้",
  "การ",
  "ความ",
  "ที่",
  "ของ",
  "ใน",
  "เป็น",
  "ได้",
  "ต่าง",
  "ๆ",
  "โดย",
  "เพื่อ",
  "มี",
  "แก่",
  "กับ",
  "ตาม",
  "จาก",
  "ไป",
  "มา",
  "อย่าง",
  "ทุก",
  "แล้ว",
  "ดำเนิน",
  "เช่น",
  "นั้น",
  "นี้",
  "ซึ่ง",
  "อาจ",
  "จะ",
  "ถึง",
  "ต่อ",
  "ด้วย",
  "ไว้",
  "ผ่าน",
  "เป็นต้น",
  "ต้น",
  "the",
  "and",
  "of",
]);

const SEGMENTER = new Intl.Segmenter("th", { granularity: "word" });

/** Word sets already made: the same standard measures and entries are compared many times. */
const CACHE = new Map<string, ReadonlySet<string>>();
const CACHE_MAX = 50_000;

/** The set of meaningful words of a text (Thai word segmentation, NFC, lower case). */
export function words(text: string): ReadonlySet<string> {
  const hit = CACHE.get(text);
  if (hit) return hit;
  const out = new Set<string>();
  for (const s of SEGMENTER.segment(text.normalize("NFC").toLowerCase())) {
    if (!s.isWordLike) continue;
    const w = s.segment.trim();
    if (w && !STOP.has(w) && !/^\d+$/.test(w)) out.add(w);
  }
  if (CACHE.size >= CACHE_MAX) CACHE.clear();
  CACHE.set(text, out);
  return out;
}

/** Word overlap (Dice coefficient) of two word sets: 0 nothing shared, 1 the same words. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return (2 * common) / (a.size + b.size);
}

/**
 * Containment: the share of the shorter entry's words found in the longer one. A unit that wrote a
 * short form of a standard measure ("จัดประชุมชี้แจงคู่มือ") still matches it.
 */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const w of small) if (big.has(w)) common++;
  return common / small.size;
}

/** How alike two entries are: Dice, or containment when the shorter one has enough words. */
export function likeness(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const dice = overlap(a, b);
  const minSize = Math.min(a.size, b.size);
  return minSize >= 4 ? Math.max(dice, containment(a, b) * 0.9) : dice;
}

/** An entry matches a standard measure (or another entry) at this likeness or above. */
export const MATCH_AT = 0.55;

const REFERENCE =
  /(?:ตาม)?(?:มาตรการ|แนวทาง)?\s*(?:ใน|ตาม)?\s*ข้อ\s*([IEOieo])\s*(\d{1,3})(?:\s*[-–]\s*[IEOieo]?\s*\d{1,3})?/u;

/**
 * The measure group an entry refers to instead of stating measures ("ดำเนินการตามมาตรการในข้อ I1",
 * "ตามข้อ i5"), or null when it refers to none or to an item the form does not have. Only short
 * entries are references: a long entry that mentions an item is a measure of its own.
 */
export function referencedGroup(entry: string, formDef: FormDef): string | null {
  const m = REFERENCE.exec(thaiDigitsToAscii(entry));
  if (!m) return null;
  const rest = entry.replace(m[0], "");
  if (words(rest).size > 3) return null;
  const code = `${m[1].toUpperCase()}${Number(m[2])}`;
  const item =
    formDef.byCode.get(code) ??
    formDef.items.find((it) => {
      const r = /^O(\d+)-O(\d+)$/.exec(it.code);
      return r !== null && code.startsWith("O") && +r[1] <= +m[2] && +m[2] <= +r[2];
    });
  return item ? item.measureGroup : null;
}

export interface EntryMatch {
  entry: string;
  /** Index of the standard measure it matches, or null when it is the unit's own measure. */
  standard: number | null;
  likeness: number;
}

/** Match each entry to the most alike standard measure (at or above MATCH_AT), else to none. */
export function matchEntries(
  entries: readonly string[],
  standard: readonly string[]
): EntryMatch[] {
  const std = standard.map((s) => words(normaliseMeasure(s)));
  return entries.map((entry) => {
    const w = words(entry);
    let best = -1;
    let bestScore = 0;
    std.forEach((s, i) => {
      const score = likeness(w, s);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    return bestScore >= MATCH_AT
      ? { entry, standard: best, likeness: bestScore }
      : { entry, standard: null, likeness: bestScore };
  });
}

/** Group alike texts (each joins the first group whose first text it matches); order kept. */
export function groupAlike<T>(items: readonly T[], text: (t: T) => string): T[][] {
  const groups: { key: ReadonlySet<string>; members: T[] }[] = [];
  for (const it of items) {
    const w = words(text(it));
    const g = groups.find((x) => likeness(x.key, w) >= MATCH_AT);
    if (g) g.members.push(it);
    else groups.push({ key: w, members: [it] });
  }
  return groups.map((g) => g.members);
}
