import { BOLD_WIDTHS, REGULAR_WIDTHS } from "./fontWidths";

/**
 * How tall a wrapped cell of TH Sarabun New is, computed from the text, the font's advance widths and the
 * column width — the way Excel and LibreOffice lay it out: lines break between words (Thai words found
 * with Intl.Segmenter, as both apps do with ICU), a word longer than the line breaks anywhere. Merged
 * cells are never autofitted by either app, so the writers store these heights.
 */

const table = (rows: readonly [number, string][]) => {
  const m = new Map<string, number>();
  for (const [w, chars] of rows) for (const ch of chars) m.set(ch, w);
  return m;
};
const WIDTHS = { regular: table(REGULAR_WIDTHS), bold: table(BOLD_WIDTHS) };
/** Width of a character the table does not know (CJK, emoji, rare symbols): a wide one, to be safe. */
const UNKNOWN_WIDTH = 1000;

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
  const w = font.bold ? WIDTHS.bold : WIDTHS.regular;
  let units = 0;
  for (const ch of text) units += w.get(ch) ?? UNKNOWN_WIDTH;
  return (units / 1000) * font.size;
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

let segmenter: Intl.Segmenter | null = null;
function words(text: string): string[] {
  segmenter ??= new Intl.Segmenter("th", { granularity: "word" });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Number of lines a text takes in a wrapped cell `widthPt` wide. */
export function wrappedLines(text: string, widthPt: number, font: FontSpec): number {
  return linesInRoom(text, roomPt(widthPt, font), font);
}

const roomPt = (widthPt: number, font: FontSpec) =>
  Math.max(font.size, (widthPt - TEXT_MARGIN_PT) * SAFETY);

/** Number of lines a text takes when each line holds `room` points of text. */
export function linesInRoom(text: string, room: number, font: FontSpec): number {
  return lineStarts(text, room, font).length;
}

/**
 * Where each line of a wrapped text starts (offsets into the text), as the apps break it: between words,
 * a word longer than the line between characters; "\n" starts a paragraph.
 */
export function lineStarts(text: string, room: number, font: FontSpec): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const paragraph of text.split("\n")) {
    starts.push(offset);
    let used = 0;
    let at = offset;
    for (const word of words(paragraph)) {
      const w = textWidthPt(word, font);
      const isSpace = word.trim() === "";
      if (used + w <= room || isSpace) {
        // Spaces at the end of a line hang in the margin, as in both apps.
        used += w;
      } else {
        if (used > 0) {
          starts.push(at);
          used = 0;
        }
        if (w <= room) used = w;
        else {
          // A word longer than the line: broken between characters.
          let ch = at;
          for (const c of word) {
            const cw = textWidthPt(c, font);
            if (used + cw > room && used > 0) {
              starts.push(ch);
              used = 0;
            }
            used += cw;
            ch += c.length;
          }
        }
      }
      at += word.length;
    }
    offset += paragraph.length + 1;
  }
  return starts;
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
  const room = roomPt(widthPt, font);
  if (linesInRoom(text, room, font) <= lines) return null;
  const starts = lineStarts(text, room, font);
  for (let n = lines; n >= 1; n--) {
    const part = splitAt(text, starts, n);
    if (part.head && linesInRoom(part.head, room, font) > lines) continue;
    // No line left alone at the top of the next page when the first part can spare one.
    if (n > MIN_TAIL && linesInRoom(`${CONTINUED}${part.tail}`, room, font) < MIN_TAIL) continue;
    return part;
  }
  return { head: "", tail: text };
}

/** Fewest lines a continued part starts a page with. */
const MIN_TAIL = 2;

/** Lines a part may leave empty to end at a paragraph instead of mid-sentence. */
const PARAGRAPH_SLACK = 3;

function splitAt(text: string, starts: number[], lines: number): { head: string; tail: string } {
  const cut = starts[lines] ?? text.length;
  // A paragraph (a numbered measure) that ends within the last lines: split there, keeping it whole.
  for (let k = lines; k >= Math.max(1, lines - PARAGRAPH_SLACK); k--) {
    const at = starts[k];
    if (at !== undefined && text[at - 1] === "\n")
      return { head: text.slice(0, at - 1), tail: text.slice(at) };
  }
  // Else at the last space of the last lines; between two words only when there is none (Thai runs
  // words together), marked so that the reader joins the parts without a space.
  const window = Math.max(0, starts[Math.max(0, lines - PARAGRAPH_SLACK)] ?? 0);
  const space = text.slice(window, cut).search(/\s\S*$/);
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
  const lines = cells.reduce(
    (n, c) => Math.max(n, c.text ? wrappedLines(c.text, columnWidthPt(c.width), font) : 1),
    1
  );
  return lines <= 1 ? null : Math.min(MAX_ROW_PT, linesHeightPt(lines, font));
}
