import { PROTECTION } from "../domain";

/** Formatting the Office.js writers share. */

const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
] as const;

/** Thin borders around and inside a range. */
export function thinBorders(range: Excel.Range, color: string): void {
  for (const edge of EDGES) {
    const b = range.format.borders.getItem(edge);
    b.style = "Continuous";
    b.color = color;
  }
}

/** The protection options the layout uses, in Office.js terms. */
export function protectionOptions(): Excel.WorksheetProtectionOptions {
  const p = PROTECTION;
  return {
    allowFormatCells: p.formatCells,
    allowFormatColumns: p.formatColumns,
    allowFormatRows: p.formatRows,
    allowInsertColumns: p.insertColumns,
    allowInsertRows: p.insertRows,
    allowInsertHyperlinks: p.insertHyperlinks,
    allowDeleteColumns: p.deleteColumns,
    allowDeleteRows: p.deleteRows,
    allowSort: p.sort,
    allowAutoFilter: p.autoFilter,
    allowEditObjects: p.editObjects,
  };
}
