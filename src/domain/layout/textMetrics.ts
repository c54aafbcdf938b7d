import { TextCache } from "../textCache";
import { eachWord, isWhiteSpace, wordsOf } from "../wordBreak";
import { BOLD_WIDTHS, REGULAR_WIDTHS } from "./fontWidths";

/**
 * How tall a wrapped cell of TH Sarabun New is, computed from the text, the font's advance widths and the
 * column width — the way Excel and LibreOffice lay it out: lines break between words (Thai words found
 * with Intl.Segmenter, as both apps do with ICU), a word longer than the line breaks anywhere. Merged
 * cells are never autofitted by either app, so the writers store these heights.
 */

/** Width of a character the table does not know (CJK, emoji, rare symbols): a wide one, to be safe. */
const UNKNOWN_WIDTH = 1000;

/**
 * Advance widths by UTF-16 code unit (a typed array: a look-up per code unit, no string made per
 * character); characters outside the BMP by code point, in a map.
 */
interface WidthTable {
  bmp: Float64Array;
  astral: Map<number, number>;
}
const table = (rows: readonly [number, string][]): WidthTable => {
  const bmp = new Float64Array(0x10000).fill(UNKNOWN_WIDTH);
  const astral = new Map<number, number>();
  for (const [w, chars] of rows)
    for (const ch of chars) {
      const cp = ch.codePointAt(0)!;
      if (cp > 0xffff) astral.set(cp, w);
      else bmp[cp] = w;
    }
  return { bmp, astral };
};
const WIDTHS = { regular: table(REGULAR_WIDTHS), bold: table(BOLD_WIDTHS) };

/** Width in font units of text[from, to), a surrogate pair counting as one character. */
function unitsOf(w: WidthTable, text: string, from = 0, to = text.length): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        units += w.astral.get(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) ?? UNKNOWN_WIDTH;
        i++;
        continue;
      }
    }
    units += w.bmp[c];
  }
  return units;
}

/** Line pitch of TH Sarabun New as a multiple of the font size, and the cell's extra height for one line. */
export const LINE_FACTOR = 1.635;
export const CELL_PADDING_PT = 2;
/** Excel's largest row height. */
export const MAX_ROW_PT = 409;

export interface FontSpec {
  size: number;
  bold?: boolean;
}

export function textWidthPt(text: string, font: FontSpec): number {
  return (unitsOf(WIDTHS[font.bold ? "bold" : "regular"], text) / 1000) * font.size;
}

/**
 * Width in points of a column `chars` wide. Excel counts column widths in characters of the workbook's
 * default font (Calibri 11: 7 px per character plus 5 px of padding), and a pixel is 0.75 pt.
 */
export function columnWidthPt(chars: number): number {
  return (Math.trunc(chars * 7 + 5) * 3) / 4;
}

/** Room for text in a cell of this width: both apps keep a few points of margin on each side. */
const TEXT_MARGIN_PT = 6;
/** Excel's GDI layout can differ a little from LibreOffice's: keep this share of the line free. */
const SAFETY = 0.96;

/** Number of lines a text takes in a wrapped cell `widthPt` wide (counted up to `limit + 1`). */
export function wrappedLines(
  text: string,
  widthPt: number,
  font: FontSpec,
  limit = Infinity
): number {
  return linesInRoom(text, roomPt(widthPt, font), font, limit);
}

const roomPt = (widthPt: number, font: FontSpec) =>
  Math.max(font.size, (widthPt - TEXT_MARGIN_PT) * SAFETY);

/** The narrowest column width (characters) whose cells hold `textPt` points of text on a line. */
export function columnCharsFor(textPt: number, font: FontSpec): number {
  for (let chars = 1; chars < 255; chars++)
    if (roomPt(columnWidthPt(chars), font) >= textPt) return chars;
  return 255;
}

/** Number of lines a text takes when each line holds `room` points of text (at most `limit + 1`). */
export function linesInRoom(text: string, room: number, font: FontSpec, limit = Infinity): number {
  // Long texts are laid out only as far as `limit` needs, and not kept as keys.
  if (text.length > COUNT_CACHE_TEXT) return lineStarts(text, room, font, limit).length;
  const how = `${room}|${font.size}|${font.bold ? 1 : 0}|${limit}`;
  let n = countCache.get(text, how);
  if (n === undefined) {
    n = lineStarts(text, room, font, limit).length;
    countCache.set(text, how, n);
  }
  return n;
}

/**
 * Counts by text and by how it is laid out (`how`: room, font, limit), emptied when its texts hold
 * more than 1 M characters or 2,048 texts (a count of entries alone let 2,048 keys of up to 4,000
 * characters hold 16 MB of a big merge's memory).
 */
class CountCache {
  private readonly byText = new TextCache<Map<string, number>>(1_000_000, 2048);
  get(text: string, how: string): number | undefined {
    return this.byText.get(text)?.get(how);
  }
  set(text: string, how: string, n: number): void {
    (this.byText.get(text) ?? this.byText.set(text, new Map())).set(how, n);
  }
}

/** Line counts already known: the layout asks for the same text's lines several times. */
const countCache = new CountCache();
const COUNT_CACHE_TEXT = 4000;

/**
 * Where each line of a wrapped text starts (offsets into the text), as the apps break it: between words,
 * a word longer than the line between characters; "\n" starts a paragraph.
 */
export function lineStarts(
  text: string,
  room: number,
  font: FontSpec,
  /** Stop once this many lines are known (the rest is not needed): `limit + 1` starts at most. */
  limit = Infinity
): number[] {
  const starts: number[] = [];
  const done = () => starts.length > limit;
  const widths = WIDTHS[font.bold ? "bold" : "regular"];
  const width = (from: number, to: number) => (unitsOf(widths, text, from, to) / 1000) * font.size;
  let offset = 0;
  for (;;) {
    const nl = text.indexOf("\n", offset);
    const end = nl < 0 ? text.length : nl;
    starts.push(offset);
    if (done()) return starts;
    let used = 0;
    let stopped = false;
    eachWord(
      text,
      (at, to) => {
        const w = width(at, to);
        if (used + w <= room || allSpace(text, at, to)) {
          // Spaces at the end of a line hang in the margin, as in both apps.
          used += w;
          return true;
        }
        if (used > 0) {
          starts.push(at);
          used = 0;
          if (done()) return !(stopped = true);
        }
        if (w <= room) {
          used = w;
          return true;
        }
        // A word longer than the line: broken between characters.
        for (let ch = at; ch < to;) {
          const next = ch + (isHighSurrogate(text.charCodeAt(ch)) && ch + 1 < to ? 2 : 1);
          const cw = width(ch, next);
          if (used + cw > room && used > 0) {
            starts.push(ch);
            used = 0;
            if (done()) return !(stopped = true);
          }
          used += cw;
          ch = next;
        }
        return true;
      },
      offset,
      end
    );
    if (stopped) return starts;
    if (nl < 0) return starts;
    offset = nl + 1;
  }
}

/** Whether text[from, to) is all whitespace (a segment of spaces). */
function allSpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isWhiteSpace(text.charCodeAt(i))) return false;
  return true;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/**
 * Words a line never ends with: a preposition or a prefix that makes one word (a compound) with the
 * word after it (การพัฒนา, ยกระดับ, ในการ).
 */
const BOUND_TO_NEXT = new Set(["การ", "ยก", "ผล", "ภาพ", "หน่วย", "ที่", "ใน", "ของ", "แห่ง"]);
/** Words a line may well start with: they begin a phrase (ตามมาตรการ, และความโปร่งใส). */
const PHRASE_START = new Set(["ตาม", "และ", "ใน", "ภายใน", "เพื่อ", "ที่", "ถึง", "อย่าง", "หรือ", "โดย"]);

/**
 * A short text (a column header) broken into the fewest lines it fits in a cell `widthPt` wide, at
 * most `maxLines`, at points a reader would choose: at a space or after "/" first, else between
 * words (Intl.Segmenter) before a word that starts a phrase, else between two other words — never
 * after a word bound to the next (การ, ยก, ใน, …) nor beside a piece of under three letters (the
 * segmenter's pieces of a word it does not know: การเต|รี|ยม) — with the lines as even as they
 * can be. The lines are joined with "\n"; the text is returned as it is when it does not fit
 * `maxLines` lines that way.
 */
export function chosenLines(
  text: string,
  widthPt: number,
  font: FontSpec,
  maxLines: number
): string {
  const room = roomPt(widthPt, font);
  const parts = wordsOf(text);
  /** What a line starting at parts[k] costs, or null when no line may start there. */
  const cost = (k: number): number | null => {
    const before = parts[k - 1];
    const after = parts[k];
    if (before.trim() === "" || before.endsWith("/")) return 0;
    if (after.trim() === "" || BOUND_TO_NEXT.has(before) || before.length < 3) return null;
    if (PHRASE_START.has(after)) return 1;
    return after.length < 3 ? null : 6;
  };
  let best: { lines: string[]; score: number } | null = null;
  const search = (from: number, lines: string[], breaks: number) => {
    if (from === parts.length) {
      const score = Math.max(...lines.map((l) => textWidthPt(l, font))) + 5 * breaks;
      if (
        !best ||
        lines.length < best.lines.length ||
        (lines.length === best.lines.length && score < best.score)
      )
        best = { lines, score };
      return;
    }
    if (lines.length === maxLines) return;
    for (let to = from + 1; to <= parts.length; to++) {
      const line = parts.slice(from, to).join("").trim();
      if (textWidthPt(line, font) > room) break;
      const c = to === parts.length ? 0 : cost(to);
      if (c !== null && line) search(to, [...lines, line], breaks + c);
    }
  };
  search(0, [], 0);
  const found = best as { lines: string[]; score: number } | null;
  return found ? found.lines.join("\n") : text;
}

/** Marks of a text split over two cells: the first part ends with MORE mid-paragraph, the next starts with CONTINUED. */
export const CONTINUED = "(ต่อ) ";
export const MORE = "…";
/** Before MORE when the split fell between two words with no space (an invisible word joiner). */
export const JOINED = "\u2060";

/**
 * Split a text so that its first part fits `lines` lines of a cell `widthPt` wide, including the
 * "(ต่อ)" and "…" marks the parts carry: at a paragraph end when one is on the last line, else at a space,
 * else between words. Null when the whole text fits.
 */
export function splitForLines(
  text: string,
  widthPt: number,
  font: FontSpec,
  lines: number
): { head: string; tail: string } | null {
  return splitOrCount(text, widthPt, font, lines).split;
}

/**
 * `splitForLines`, and the lines it takes (as `wrappedLines` counts them): the whole text's when it
 * fits, else its first part's (`headLines`, 0 when there is none) — a caller that splits texts and
 * then sizes their rows lays each text out once.
 */
export function splitOrCount(
  text: string,
  widthPt: number,
  font: FontSpec,
  lines: number
):
  | { split: null; lines: number }
  | { split: { head: string; tail: string }; lines: null; headLines: number } {
  const room = roomPt(widthPt, font);
  const starts = lineStarts(text, room, font, lines + 1);
  if (starts.length <= lines) return { split: null, lines: starts.length };
  const { head, tail, headLines } = splitAfter(text, starts, room, font, lines);
  return { split: { head, tail }, lines: null, headLines };
}

function splitAfter(
  text: string,
  starts: number[],
  room: number,
  font: FontSpec,
  lines: number
): { head: string; tail: string; headLines: number } {
  for (let n = lines; n >= 1; n--) {
    // At a paragraph or a space near the end of the first part; failing that (the space before the
    // last word would leave it alone on the next page), right where the line breaks.
    for (const exact of [false, true]) {
      const part = splitAt(text, starts, n, exact);
      const headLines = part.head ? linesInRoom(part.head, room, font, lines) : 0;
      if (headLines > lines) continue;
      // No line left alone at the top of the next page when the first part can spare one.
      if (n > MIN_TAIL && linesInRoom(`${CONTINUED}${part.tail}`, room, font, MIN_TAIL) < MIN_TAIL)
        continue;
      return { ...part, headLines };
    }
  }
  return { head: "", tail: text, headLines: 0 };
}

/** Fewest lines a continued part starts a page with. */
const MIN_TAIL = 2;

/** Lines a part may leave empty to end at a paragraph instead of mid-sentence. */
const PARAGRAPH_SLACK = 3;

/** Characters of a name or a figure in Latin script, digits and dashes ("No Gift Policy", "Anti – Bribery"). */
const BOUND = /[A-Za-z0-9\u0E50-\u0E59\-–]/;

/**
 * The last space in text[from, to) to split a text at, as an offset from `from` (-1: none): one
 * that does not part the words of a name in Latin script ("No | Gift Policy"), nor a figure from
 * what comes before it ("20 ธันวาคม | 2566", "ครบ | 18 หัวข้อ"), when the window has another.
 */
function breakingSpace(text: string, from: number, to: number): number {
  const last = text.slice(from, to).search(/\s\S*$/);
  for (let at = to - 1; at >= from; at--) {
    if (!/\s/.test(text[at]) || /\s/.test(text[at + 1] ?? "")) continue;
    const before = text[at - 1] ?? "";
    const after = text[at + 1] ?? "";
    const digitAfter = /[0-9\u0E50-\u0E59]/.test(after);
    if (digitAfter || (BOUND.test(before) && BOUND.test(after))) continue;
    return at - from;
  }
  return last;
}

function splitAt(
  text: string,
  starts: number[],
  lines: number,
  exact = false
): { head: string; tail: string } {
  const cut = starts[lines] ?? text.length;
  if (exact) {
    const head = text.slice(0, cut);
    if (!head.trim()) return { head: "", tail: text };
    return /\s$/.test(head)
      ? { head: `${head.trimEnd()}${MORE}`, tail: text.slice(cut).trimStart() }
      : { head: `${head}${JOINED}${MORE}`, tail: text.slice(cut) };
  }
  // A paragraph (a numbered measure) that ends within the last lines: split there, keeping it whole.
  for (let k = lines; k >= Math.max(1, lines - PARAGRAPH_SLACK); k--) {
    const at = starts[k];
    if (at !== undefined && text[at - 1] === "\n")
      return { head: text.slice(0, at - 1), tail: text.slice(at) };
  }
  // Else at the last space of the last lines; between two words only when there is none (Thai runs
  // words together), marked so that the reader joins the parts without a space.
  const window = Math.max(0, starts[Math.max(0, lines - PARAGRAPH_SLACK)] ?? 0);
  const space = breakingSpace(text, window, cut);
  if (space > 0 || (space === 0 && window > 0)) {
    const at = window + space;
    const head = text.slice(0, at).trimEnd();
    if (head) return { head: `${head}${MORE}`, tail: text.slice(at).trimStart() };
  }
  const head = text.slice(0, cut);
  return head
    ? { head: `${head}${JOINED}${MORE}`, tail: text.slice(cut) }
    : { head: "", tail: text };
}

/** Join the parts of a text split by `splitForLines` (the tail without its CONTINUED mark). */
export function joinParts(head: string, tail: string): string {
  if (!head) return tail;
  if (head.endsWith(`${JOINED}${MORE}`)) return `${head.slice(0, -(JOINED + MORE).length)}${tail}`;
  return head.endsWith(MORE) ? `${head.slice(0, -MORE.length)} ${tail}` : `${head}\n${tail}`;
}

/** Height in points a cell needs for a number of lines. */
export function linesHeightPt(lines: number, font: FontSpec): number {
  return Math.max(1, lines) * font.size * LINE_FACTOR + CELL_PADDING_PT;
}

/** Height in points a wrapped cell needs for its text. */
export function cellHeightPt(text: string, widthPt: number, font: FontSpec): number {
  return linesHeightPt(text ? wrappedLines(text, widthPt, font) : 1, font);
}

/** Height a row of wrapped cells needs (widths in characters), at most 409 pt; null for one line. */
export function wrappedRowHeightPt(
  cells: readonly { text: string; width: number }[],
  font: FontSpec
): number | null {
  // Lines past Excel's largest row are never laid out: a long text costs only the lines that show.
  const most = Math.ceil((MAX_ROW_PT - CELL_PADDING_PT) / (font.size * LINE_FACTOR));
  const lines = cells.reduce(
    (n, c) => Math.max(n, c.text ? rowLines(c.text, columnWidthPt(c.width), font, most) : 1),
    1
  );
  return lines <= 1 ? null : Math.min(MAX_ROW_PT, linesHeightPt(lines, font));
}

/** Rounding room when comparing a whole text's width with the sum of its words' widths. */
const EPSILON_PT = 0.01;
/** The widest character, in font units: a line narrower than it may hold more than its room. */
const WIDEST = Math.max(
  UNKNOWN_WIDTH,
  ...[...REGULAR_WIDTHS, ...BOLD_WIDTHS].map(([units]) => units)
);

/**
 * `wrappedLines(text, widthPt, font, most)` where its answer matters to a row's height, without laying
 * the text out when widths alone decide: a line that holds the whole text is one line; text wider,
 * spaces aside, than `most` full lines takes more than `most` lines (each line holds at most its room
 * of it), all past Excel's tallest row. Widths are summed only until one of the two is known.
 */
function rowLines(text: string, widthPt: number, font: FontSpec, most: number): number {
  const room = roomPt(widthPt, font);
  // The same texts come back in many rows (a measure shared by many units): each is measured once.
  if (text.length > COUNT_CACHE_TEXT) return measureRowLines(text, room, widthPt, font, most);
  const how = `${room}|${font.size}|${font.bold ? 1 : 0}|${most}`;
  let n = rowCache.get(text, how);
  if (n === undefined) {
    n = measureRowLines(text, room, widthPt, font, most);
    rowCache.set(text, how, n);
  }
  return n;
}

const rowCache = new CountCache();

function measureRowLines(
  text: string,
  room: number,
  widthPt: number,
  font: FontSpec,
  most: number
): number {
  const w = WIDTHS[font.bold ? "bold" : "regular"];
  const toUnits = 1000 / font.size;
  const oneLine = text.includes("\n") ? -1 : (room - EPSILON_PT) * toUnits;
  const tooMany = room * toUnits >= WIDEST ? (most * room + EPSILON_PT) * toUnits : Infinity;
  let all = 0;
  let ink = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let units: number;
    const d = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
      units = unitsOf(w, text, i, i + 2);
      i++;
    } else units = w.bmp[c];
    all += units;
    if (isWhiteSpace(c)) continue;
    ink += units;
    if (ink > tooMany) return most + 1;
  }
  if (all <= oneLine) return 1;
  return wrappedLines(text, widthPt, font, most);
}
