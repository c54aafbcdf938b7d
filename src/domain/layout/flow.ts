import { codeSpan, displayCode } from "../codes";
import { CellRange } from "./a1";
import { CellValue } from "./cells";
import {
  CELL_PADDING_PT,
  CONTINUED,
  FontSpec,
  LINE_FACTOR,
  MAX_ROW_PT,
  splitForLines,
  wrappedLines,
} from "./textMetrics";

/**
 * The body of the form laid out on printed pages, in lines of text. A spreadsheet cannot carry a cell's
 * text from one page to the next (a cell merged across a page break prints with a line cut in two), so:
 * - no merged area crosses a page break: an item's own cells (code, score, text, issue) are merged over
 *   its rows on a page, and the measures, results and evidence a measure group shares are one cell
 *   merged over the group's rows on a page;
 * - a text longer than the lines left on a page is split: the first part ends with "…" when it stops
 *   mid-paragraph, the next part, on the next page, starts with "(ต่อ)" (continued). The reader joins
 *   the parts again (read.ts). A text that ends on a page (or is still empty, on a blank form) is not
 *   split: its cell runs on over the page break, empty below its text, so that the items on the next
 *   page keep sharing it and no cell prints a bare "(ต่อ)";
 * - the first row of an item's rows on a later page names what it continues: "I1 (ต่อ)", or the
 *   group's codes ("I1–I4 (ต่อ)") when only the group's shared texts go on;
 * - a heading never ends a page; an item starts a page when its own text does not fit on this one but
 *   fits on a page, and the group's shared texts fill the rest of this page first; a group that fits
 *   on a page is moved whole to the next one when this page is mostly used.
 */

/** A text of an item or a group, placed part by part (one part a page). */
interface FlowText {
  col: number;
  widthPt: number;
  text: string;
  /** What a later part starts with: "(ต่อ) ", or in the item text's column "I2 (ต่อ) ". */
  mark: string;
}

/** One item: its first row's cells (A…G by column index) and which of them are its own texts. */
export interface FlowItem {
  code: string;
  cells: CellValue[];
  /**
   * Columns of the item's own texts that may be split over pages (the item text, the issue). The
   * item text's later part starts with its code: "I2 (ต่อ) …".
   */
  ownCols: readonly number[];
  /** Lines the item needs on the page it starts on (its question, unless longer than a page). */
  fixedLines: number;
}

export type FlowElement =
  | { kind: "tool" | "indicator"; cells: CellValue[]; lines: number }
  | { kind: "segment"; items: FlowItem[] };

export interface FlowPage {
  /** Printable height of a page, in points. */
  heightPt: number;
  /** Height of the rows printed again at the top of every page after the first. */
  repeatPt: number;
  /** Height already used on the first page (title and header). */
  firstUsedPt: number;
}

export interface FlowRow {
  kind: "tool" | "indicator" | "item" | "continuation";
  code?: string;
  cells: CellValue[];
  pt: number;
}

export interface FlowResult {
  rows: FlowRow[];
  /** Merges, with rows counted from the first body row (1). */
  merges: CellRange[];
  /** Body rows (from 1) that start a printed page. */
  breaksBefore: number[];
}

export interface FlowColumns {
  count: number;
  /** Width in points of each column (1-based index − 1). */
  widthsPt: readonly number[];
  /** Columns of an item's cells, merged over its rows on a page (code, score, item, issue). */
  itemCols: readonly number[];
  /** Columns a measure segment shares (measures, results, evidence). */
  sharedCols: readonly number[];
  /** The item text's column, which names the item an item's rows continue on a later page. */
  labelCol: number;
}

/** What the first row of an item's rows on a later page says in the item column: `I1 (ต่อ)`. */
export function continuedLabel(codes: readonly string[]): string {
  return `${codes.length > 1 ? codeSpan(codes) : displayCode(codes[0])} ${CONTINUED.trim()}`;
}

/** A block that fits on a page is moved whole to the next page when less than this share is left. */
const MOVE_WHOLE_BELOW = 0.45;

export function layoutBody(
  elements: readonly FlowElement[],
  cols: FlowColumns,
  font: FontSpec,
  page: FlowPage
): FlowResult {
  const pitch = font.size * LINE_FACTOR;
  const maxLines = Math.floor((MAX_ROW_PT - CELL_PADDING_PT) / pitch);
  const rows: FlowRow[] = [];
  const merges: CellRange[] = [];
  const breaksBefore: number[] = [];
  let cap = page.heightPt;
  let used = page.firstUsedPt;
  const fullPageLines = Math.floor((page.heightPt - page.repeatPt - CELL_PADDING_PT) / pitch);
  const newPage = () => {
    breaksBefore.push(rows.length + 1);
    cap = page.heightPt - page.repeatPt;
    used = 0;
  };
  const rowPt = (lines: number) => lines * pitch + CELL_PADDING_PT;
  const linesLeft = () => Math.floor((cap - used - CELL_PADDING_PT + 0.01) / pitch);
  const blank = () => new Array<CellValue>(cols.count).fill(null);
  const push = (row: FlowRow) => {
    rows.push(row);
    used += row.pt;
    return rows.length;
  };
  const mergeCols = (list: readonly number[], r1: number, r2: number) => {
    if (r2 > r1) for (const c of list) merges.push({ r1, c1: c, r2, c2: c });
  };
  const texts = (cells: CellValue[], list: readonly number[], code = ""): FlowText[] =>
    list.map((col) => ({
      col,
      widthPt: cols.widthsPt[col - 1],
      text: String(cells[col - 1] ?? ""),
      mark: col === cols.labelCol && code ? `${continuedLabel([code])} ` : CONTINUED,
    }));
  /** Lines of the longest text, counted up to `limit + 1` (a long text is never laid out whole). */
  const linesOf = (list: readonly FlowText[], limit: number) =>
    Math.max(0, ...list.map((t) => (t.text ? wrappedLines(t.text, t.widthPt, font, limit) : 0)));
  /**
   * Put into `row` (a part's first row) what of each text fits `lines` lines; what does not fit moves
   * on, marked "(ต่อ)".
   */
  const placePart = (row: number, list: FlowText[], lines: number) => {
    const r = rows[row - 1];
    r.cells = [...r.cells];
    for (const t of list) {
      const split = splitForLines(t.text, t.widthPt, font, lines);
      // An empty part leaves what the row has (the name of the item a later page continues).
      r.cells[t.col - 1] = (split ? split.head : t.text) || r.cells[t.col - 1] || null;
      t.text = split?.tail ? `${t.mark}${split.tail}` : "";
    }
  };

  for (let i = 0; i < elements.length; i++) {
    const el = elements[i];
    if (el.kind !== "segment") {
      // A run of headings moves to the next page unless what follows it starts on this one.
      if (i === 0 || elements[i - 1].kind === "segment") {
        let need = 0;
        let j = i;
        for (; j < elements.length; j++) {
          const e = elements[j];
          if (e.kind === "segment") break;
          need += rowPt(e.lines);
        }
        const next = elements[j];
        if (next?.kind === "segment") {
          const first = next.items[0];
          need += rowPt(
            Math.max(
              Math.min(first.fixedLines, fullPageLines),
              Math.min(fullPageLines, linesOf(texts(first.cells, first.ownCols), fullPageLines))
            )
          );
        }
        if (used > 0 && used + need > cap) newPage();
      }
      push({ kind: el.kind, cells: el.cells, pt: rowPt(el.lines) });
      continue;
    }

    const shared = texts(el.items[0].cells, cols.sharedCols);
    const ownTotal = el.items.reduce(
      (s, it) =>
        s +
        Math.max(
          Math.min(it.fixedLines, fullPageLines),
          linesOf(texts(it.cells, it.ownCols), fullPageLines)
        ),
      0
    );
    const wholePt = rowPt(Math.max(linesOf(shared, fullPageLines), ownTotal));
    const afterHeading = i > 0 && elements[i - 1].kind !== "segment";
    if (
      used > 0 &&
      !afterHeading &&
      used + wholePt > cap &&
      wholePt <= page.heightPt - page.repeatPt &&
      cap - used < MOVE_WHOLE_BELOW * cap
    )
      newPage();

    // Each shared text's part: the row it starts on and the lines it has so far. A text that ends on
    // a page runs on over the break; one that goes on starts a new part on the next page.
    const parts = shared.map((t) => ({ t, first: rows.length + 1, lines: 0 }));
    /** Lines the shared texts still need beyond their parts' lines, looking `ahead` lines further. */
    const pendingShared = (ahead = 0) =>
      Math.max(0, ...parts.map((p) => linesOf([p.t], p.lines + ahead) - p.lines));
    // The current item's rows on this page.
    let chunk = { first: rows.length + 1, code: "", lines: 0, own: [] as FlowText[] };
    const row = (kind: FlowRow["kind"], cells: CellValue[], lines: number) => {
      for (const p of parts) p.lines += lines;
      chunk.lines += lines;
      return push({ kind, code: chunk.code, cells, pt: rowPt(lines) });
    };
    const closeChunk = () => {
      if (rows.length >= chunk.first) placePart(chunk.first, chunk.own, chunk.lines);
      mergeCols(cols.itemCols, chunk.first, rows.length);
    };
    const codes = el.items.map((it) => it.code);
    const closePart = (p: (typeof parts)[number]) => {
      if (rows.length >= p.first) placePart(p.first, [p.t], p.lines);
      mergeCols([p.t.col], p.first, rows.length);
    };
    /** Fill what is left of this page with the shared texts still to place, below the current item. */
    const fillPage = () => {
      const room = Math.min(maxLines, linesLeft());
      const pending = pendingShared(room);
      if (chunk.code && room >= 1 && pending > 0)
        row("continuation", blank(), Math.min(room, pending));
    };
    /**
     * A page break inside the segment: a shared text goes on in a part of its own only when it goes
     * on past this page; a part whose text ends here (or is empty) runs on over the break.
     */
    const nextPage = () => {
      const goOn = parts.filter((p) => linesOf([p.t], p.lines) > p.lines);
      for (const p of goOn) closePart(p);
      newPage();
      for (const p of goOn) {
        p.first = rows.length + 1;
        p.lines = 0;
      }
    };
    /** A row of the item after its first: the first on a later page names what it continues. */
    const later = (code: string, ownGoesOn: boolean): CellValue[] => {
      const cells = blank();
      if (rows.length + 1 === chunk.first && breaksBefore.includes(chunk.first))
        cells[cols.labelCol - 1] = continuedLabel(ownGoesOn ? [code] : codes);
      return cells;
    };

    for (const [k, item] of el.items.entries()) {
      const own = texts(item.cells, item.ownCols, item.code);
      // What of the item must start on one page: its first lines (its question, unless it is longer
      // than a page).
      const fixedLines = Math.min(item.fixedLines, fullPageLines);
      const need = Math.max(fixedLines, linesOf(own, fullPageLines));
      // An item starts a page when its first row (never split) does not fit here, or when its own
      // text does not fit, fits on a page, and little of this page is left; else its issue text is
      // split over the pages, as a table row in the Word form breaks across pages.
      const left = linesLeft();
      const little = left < MOVE_WHOLE_BELOW * fullPageLines;
      if (used > 0 && (fixedLines > left || (need > left && need <= fullPageLines && little))) {
        fillPage();
        closeChunk();
        nextPage();
      } else closeChunk();
      const cells = [...item.cells];
      for (const c of [...cols.sharedCols, ...item.ownCols]) cells[c - 1] = null;
      chunk = { first: rows.length + 1, code: item.code, lines: 0, own };
      let first = true;
      const last = k === el.items.length - 1;
      // The item's own text, page after page; after the last item, the shared texts too.
      const fixed = () => (first ? fixedLines : 0);
      while (
        linesOf(chunk.own, chunk.lines) > chunk.lines ||
        fixed() > chunk.lines ||
        (last && pendingShared() > 0)
      ) {
        const room = Math.min(maxLines, linesLeft());
        if (room < 1) {
          if (rows.length >= chunk.first) closeChunk();
          nextPage();
          chunk = { first: rows.length + 1, code: item.code, lines: 0, own: chunk.own };
          continue;
        }
        const want = Math.max(
          linesOf(chunk.own, chunk.lines + room) - chunk.lines,
          fixed() - chunk.lines,
          last ? pendingShared(room) : 0
        );
        const ownGoesOn = linesOf(chunk.own, chunk.lines) > chunk.lines;
        row(
          first ? "item" : "continuation",
          first ? cells : later(item.code, ownGoesOn || !last),
          Math.max(1, Math.min(room, want))
        );
        first = false;
      }
    }
    closeChunk();
    for (const p of parts) closePart(p);
  }
  return { rows, merges, breaksBefore };
}
