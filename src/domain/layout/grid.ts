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
  /** Top-left anchor cell (1-based) of each picture on the sheet: placed over cells or in a cell. */
  pictures?: readonly { row: number; col: number }[];
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

/** Finds the top-left cell of the merged area that covers a cell, or the cell itself. */
export function mergeResolver(
  grid: CellGrid
): (row: number, col: number) => { row: number; col: number } {
  const byRow = new Map<number, CellRange[]>();
  for (const m of grid.merges) {
    for (let r = m.r1; r <= m.r2; r++) {
      const list = byRow.get(r) ?? [];
      list.push(m);
      byRow.set(r, list);
    }
  }
  return (row, col) => {
    const m = byRow.get(row)?.find((x) => col >= x.c1 && col <= x.c2);
    return m ? { row: m.r1, col: m.c1 } : { row, col };
  };
}
