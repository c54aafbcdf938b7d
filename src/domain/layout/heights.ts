import { CellRange } from "./a1";
import {
  CELL_PADDING_PT,
  cellHeightPt,
  columnWidthPt,
  FontSpec,
  LINE_FACTOR,
  linesHeightPt,
  MAX_ROW_PT,
  wrappedLines,
} from "./textMetrics";

/** A row's height in points; `fixed` rows keep it (rows under merged cells, which no app autofits). */
export interface RowHeight {
  pt: number;
  fixed: boolean;
}

export interface HeightInput {
  rowCount: number;
  /** Text of each cell by [row-1][col-1] (the displayed text: a formula's result). */
  text: (row: number, col: number) => string;
  font: (row: number, col: number) => FontSpec;
  columnWidths: readonly number[];
  merges: readonly CellRange[];
  /** Rows that get no text of their own (spacers): their height. */
  fixedRows?: ReadonlyMap<number, number>;
}

/**
 * Heights for every row so that no text is clipped: each row fits its single cells; a cell merged over
 * several rows gets the extra lines it needs shared out over those rows (never above Excel's 409 pt).
 * The caller makes sure a merged area has rows enough (continuation rows) to hold its text.
 */
export function rowHeights(input: HeightInput): RowHeight[] {
  const { rowCount, columnWidths, merges } = input;
  const mergedAt = new Map<string, CellRange>();
  const covered = new Set<string>();
  const fixed = new Set<number>();
  for (const m of merges) {
    mergedAt.set(`${m.r1}:${m.c1}`, m);
    for (let r = m.r1; r <= m.r2; r++) {
      fixed.add(r);
      for (let c = m.c1; c <= m.c2; c++) covered.add(`${r}:${c}`);
    }
  }
  const width = (c1: number, c2: number) => {
    let w = 0;
    for (let c = c1; c <= c2; c++) w += columnWidthPt(columnWidths[c - 1]);
    return w;
  };
  const heights = Array.from({ length: rowCount }, (_, i) => {
    const r = i + 1;
    if (input.fixedRows?.has(r)) return input.fixedRows.get(r)!;
    let h = cellHeightPt("", 100, input.font(r, 1));
    for (let c = 1; c <= columnWidths.length; c++) {
      const m = mergedAt.get(`${r}:${c}`);
      if (covered.has(`${r}:${c}`) && (!m || m.r2 > m.r1)) continue;
      const t = input.text(r, c);
      if (!t) continue;
      h = Math.max(h, cellHeightPt(t, m ? width(m.c1, m.c2) : width(c, c), input.font(r, c)));
    }
    return Math.min(MAX_ROW_PT, h);
  });
  // Areas merged over several rows, counted in lines: each of their rows is a whole number of lines
  // high, so that a page break between two of the rows falls between two lines of the merged text
  // instead of through one. The rows share out the lines the text needs beyond their own.
  const lines = new Map<number, number>();
  const fontOf = (r: number) => input.font(r, 1);
  for (const m of merges) {
    if (m.r2 === m.r1) continue;
    const font = input.font(m.r1, m.c1);
    for (let r = m.r1; r <= m.r2; r++)
      if (!lines.has(r))
        lines.set(
          r,
          Math.max(1, Math.ceil((heights[r - 1] - CELL_PADDING_PT) / pitch(fontOf(r)) - 1e-6))
        );
    const t = input.text(m.r1, m.c1);
    if (!t) continue;
    let missing = wrappedLines(t, width(m.c1, m.c2), font);
    for (let r = m.r1; r <= m.r2; r++) missing -= lines.get(r)!;
    // One more line at a time, round the rows that still have room.
    while (missing > 0) {
      let added = false;
      for (let r = m.r1; r <= m.r2 && missing > 0; r++) {
        if (lines.get(r)! >= maxLines(fontOf(r))) continue;
        lines.set(r, lines.get(r)! + 1);
        missing--;
        added = true;
      }
      if (!added) break;
    }
  }
  for (const [r, n] of lines) heights[r - 1] = linesHeightPt(n, fontOf(r));
  return heights.map((pt, i) => ({
    pt: Math.round(pt * 100) / 100,
    fixed: fixed.has(i + 1) || Boolean(input.fixedRows?.has(i + 1)),
  }));
}

const pitch = (font: FontSpec) => font.size * LINE_FACTOR;

/** The most lines of a font a row holds within Excel's 409 pt. */
export function maxLines(font: FontSpec): number {
  return Math.floor((MAX_ROW_PT - CELL_PADDING_PT) / pitch(font));
}
