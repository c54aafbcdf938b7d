import { addr, CellRange, rangeAddr } from "./a1";
import { CellGrid, GridCell, mergeResolver, rowsFrom } from "./grid";
import {
  CELL_PADDING_PT,
  columnWidthPt,
  FontSpec,
  LINE_FACTOR,
  MAX_ROW_PT,
  wrappedLines,
} from "./textMetrics";

/** A printed cell whose text needs more lines than its rows give: what is below them is cut off. */
export interface CutOff {
  /** The cell, or the merged area (`E13:E16`). */
  cell: string;
  /** Its top-left cell, the one the user types in. */
  anchor: string;
  /** Lines the text needs, and lines the rows give (on its first page when it runs over a break). */
  lines: number;
  fits: number;
}

export interface PrintCheckArea {
  firstRow: number;
  lastRow: number;
  /** The printed columns. */
  cols: readonly number[];
  /** The font of a cell's text. */
  font: (row: number, col: number) => FontSpec;
}

/** One pixel at 96 dpi, in points: the step of row heights as Excel and LibreOffice store them. */
const PIXEL_PT = 0.75;

const text = (v: GridCell): string =>
  v === null ? "" : typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : String(v);

/**
 * The printed cells whose text will be cut off: for every cell and merged area with text, the lines
 * its text takes at its width (`textMetrics`, as both apps wrap) against the lines its rows give.
 * A row with no height of its own that holds the cell alone is fitted by the app (up to 409 pt);
 * rows under a merged area never are (Excel does not grow them, nor a row whose height was set);
 * an area that runs over a page break prints its text on the first page only. Null when the grid
 * cannot tell row heights (no geometry).
 */
export function cutOffs(grid: CellGrid, area: PrintCheckArea): CutOff[] | null {
  const g = grid.geometry;
  if (!g) return null;
  // Merged areas are kept as ranges (one over a whole column is one range, not a million cells).
  const areaAt = new Map<string, CellRange>(grid.merges.map((m) => [`${m.r1}:${m.c1}`, m]));
  const resolve = mergeResolver(grid);
  const out: CutOff[] = [];
  // Only the rows that hold cells (a stray value in row 1,048,576 costs its one row).
  const last = Math.min(area.lastRow, grid.rowCount);
  for (const r of rowsFrom(grid, area.firstRow)) {
    if (r > last) break;
    for (const c of area.cols) {
      const top = resolve(r, c);
      if (top.row !== r || top.col !== c) continue;
      const t = text(grid.raw(r, c));
      if (!t) continue;
      const m = areaAt.get(`${r}:${c}`) ?? { r1: r, c1: c, r2: r, c2: c };
      let widthPt = 0;
      for (let k = m.c1; k <= m.c2; k++) widthPt += columnWidthPt(g.colWidth(k));
      const font = area.font(r, c);
      const pitch = font.size * LINE_FACTOR;
      const most = Math.floor((MAX_ROW_PT - CELL_PADDING_PT) / pitch);
      const lines = wrappedLines(t, widthPt, font);
      const single = m.r1 === m.r2 && m.c1 === m.c2;
      if (single && g.rowHeight(r).auto) {
        if (lines > most) out.push({ cell: addr(r, c), anchor: addr(r, c), lines, fits: most });
        continue;
      }
      // The rows' height up to what the text needs (an area over a whole column is not summed
      // a million rows down), on the page the area starts on.
      const needPt = lines * pitch + CELL_PADDING_PT;
      const breakAt = g.breaksBefore.find((b) => b > m.r1 && b <= m.r2);
      const lastRow = breakAt ? breakAt - 1 : m.r2;
      // A row's height as stored may be a pixel (0.75 pt at 96 dpi) less than the layout asked:
      // Excel and LibreOffice both keep heights in whole pixels (LibreOffice saves 394.4 as 393.75).
      let have = 0;
      let rows = 0;
      for (let k = m.r1; k <= lastRow && have < needPt; k++, rows++) have += g.rowHeight(k).pt;
      const fits = Math.max(0, Math.floor((have - CELL_PADDING_PT + PIXEL_PT * rows) / pitch));
      if (lines > fits)
        out.push({ cell: single ? addr(r, c) : rangeAddr(m), anchor: addr(r, c), lines, fits });
    }
  }
  return out;
}

/**
 * Row heights that make the printed cells on `rows` show all their text, growing rows only (never
 * shrinking one the layout sized): a single cell's row to its text's height, an area merged over
 * several rows by a line at a time round its rows (as `rowHeights` shares them), up to Excel's 409
 * pt a row. What a page cannot hold (a text longer than a page) is left to fitting the sheet.
 * Returns the rows to change and their new heights.
 */
export function grownHeights(
  grid: CellGrid,
  area: PrintCheckArea,
  rows: readonly number[]
): Map<number, number> {
  const g = grid.geometry;
  const out = new Map<number, number>();
  if (!g) return out;
  const height = (r: number) => out.get(r) ?? g.rowHeight(r).pt;
  const areaAt = new Map<string, CellRange>(grid.merges.map((m) => [`${m.r1}:${m.c1}`, m]));
  const resolve = mergeResolver(grid);
  const seen = new Set<string>();
  for (const row of rows) {
    for (const col of area.cols) {
      const top = resolve(row, col);
      const key = `${top.row}:${top.col}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const t = text(grid.raw(top.row, top.col));
      if (!t) continue;
      const m = areaAt.get(key) ?? { r1: top.row, c1: top.col, r2: top.row, c2: top.col };
      let widthPt = 0;
      for (let k = m.c1; k <= m.c2; k++) widthPt += columnWidthPt(g.colWidth(k));
      const font = area.font(top.row, top.col);
      const pitch = font.size * LINE_FACTOR;
      const lines = wrappedLines(t, widthPt, font);
      const lineCount = (r: number) => Math.floor((height(r) - CELL_PADDING_PT + 0.5) / pitch);
      let fits = 0;
      for (let r = m.r1; r <= m.r2; r++) fits += lineCount(r);
      let missing = lines - fits;
      while (missing > 0) {
        let grew = false;
        for (let r = m.r1; r <= m.r2 && missing > 0; r++) {
          const next = (lineCount(r) + 1) * pitch + CELL_PADDING_PT;
          if (next > MAX_ROW_PT) continue;
          out.set(r, Math.round(next * 100) / 100);
          missing--;
          grew = true;
        }
        if (!grew) break;
      }
    }
  }
  return out;
}
