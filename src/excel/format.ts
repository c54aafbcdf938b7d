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

/** Page margins in inches, as the domain's print layouts give them. */
export interface MarginsIn {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

/** A4 landscape with the given margins (Office.js takes points). */
export function landscapeA4(pl: Excel.PageLayout, m: MarginsIn): void {
  pl.orientation = "Landscape";
  pl.paperSize = "A4";
  pl.leftMargin = m.left * 72;
  pl.rightMargin = m.right * 72;
  pl.topMargin = m.top * 72;
  pl.bottomMargin = m.bottom * 72;
  pl.headerMargin = m.header * 72;
  pl.footerMargin = m.footer * 72;
}
