import { cleanText } from "../text";
import { CellRange } from "./a1";

/** A cell as adapters hand it over: formulas already replaced by their result, rich text flattened. */
export type GridCell = string | number | boolean | null;

/**
 * A read-only view of one worksheet, the same whether it comes from an xlsx file (ExcelJS) or from
 * Office.js `range.values`. Merged areas hold their value in the top-left cell only.
 */
export interface CellGrid {
  name: string;
  rowCount: number;
  colCount: number;
  /** Raw value of a cell (1-based); null outside the used area. */
  raw(row: number, col: number): GridCell;
  merges: readonly CellRange[];
  /**
   * False when the source cannot tell merged cells (Office.js before ExcelApi 1.13): the reader then
   * takes an empty cell of a measure group as sharing the group's measures. Default true.
   */
  mergesKnown?: boolean;
  /**
   * Pictures on the sheet, each as the cell (1-based) of its top-left corner: pictures floating over
   * the sheet and pictures placed in a cell. Charts and shapes are not pictures. Absent when the
   * source cannot tell (Office.js `range.values`).
   */
  pictures?: readonly { row: number; col: number }[];
  /**
   * The rows (1-based, ascending) that hold any cell, when the source stores rows sparsely (a file):
   * a sheet with one stray value in row 1,048,576 is then read in the time its cells take, not its
   * height. Absent for a dense grid (Office.js values), whose every row is walked.
   */
  occupiedRows?(): readonly number[];
  /** The number format of a cell ("0.00", "0%", "d/m/yyyy"); absent when the source cannot tell. */
  numFmt?(row: number, col: number): string | null;
  /** Row heights, column widths and page breaks; absent when the source cannot tell. */
  geometry?: SheetGeometry;
}

/** How a sheet is laid out on paper: what the print check needs beyond the cells. */
export interface SheetGeometry {
  /**
   * A row's height in points, and whether the app sizes it to its text itself (a row with no height
   * of its own in the file: its single cells are fitted; merged cells never are).
   */
  rowHeight(row: number): { pt: number; auto: boolean };
  /** A column's width in characters of the workbook's default font (what the layout's widths are). */
  colWidth(col: number): number;
  /** Rows that start a printed page (manual page breaks). */
  breaksBefore: readonly number[];
}

/** The rows of a grid from `first` on that may hold something: its occupied rows, else every row. */
export function rowsFrom(grid: CellGrid, first: number): Iterable<number> {
  if (grid.occupiedRows) {
    const rows = grid.occupiedRows();
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid] < first) lo = mid + 1;
      else hi = mid;
    }
    return rows.slice(lo);
  }
  return {
    *[Symbol.iterator]() {
      for (let r = first; r <= grid.rowCount; r++) yield r;
    },
  };
}

export function arrayGrid(name: string, values: GridCell[][], merges: CellRange[] = []): CellGrid {
  const colCount = values.reduce((m, r) => Math.max(m, r.length), 0);
  return {
    name,
    rowCount: values.length,
    colCount,
    raw: (r, c) => values[r - 1]?.[c - 1] ?? null,
    merges,
  };
}

/**
 * Finds the top-left cell of the merged area that covers a cell, or the cell itself. Merged areas are
 * kept as ranges (a merge over a whole column is one range, not a million cells): they are sorted by
 * first row, and a lookup scans back only while an earlier range can still reach the row. When
 * ranges overlap (Excel refuses such files), the first one in the sheet wins.
 */
export function mergeResolver(
  grid: CellGrid
): (row: number, col: number) => { row: number; col: number } {
  const ranges = grid.merges
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => m.r2 > m.r1 || m.c2 > m.c1)
    .sort((a, b) => a.m.r1 - b.m.r1 || a.i - b.i);
  // reach[k]: the last row any of ranges[0..k] covers.
  const reach: number[] = [];
  for (const [k, { m }] of ranges.entries()) reach.push(Math.max(m.r2, k ? reach[k - 1] : 0));
  return (row, col) => {
    // The last range starting at or above the row.
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid].m.r1 <= row) lo = mid + 1;
      else hi = mid;
    }
    let found: { m: CellRange; i: number } | null = null;
    for (let k = lo - 1; k >= 0 && reach[k] >= row; k--) {
      const x = ranges[k];
      if (row <= x.m.r2 && col >= x.m.c1 && col <= x.m.c2 && (!found || x.i < found.i)) found = x;
    }
    return found ? { row: found.m.r1, col: found.m.c1 } : { row, col };
  };
}

/** Text of a cell as the reader sees it: numbers in plain notation, text cleaned. */
export function cellText(v: GridCell): string {
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return cleanText(v);
}
