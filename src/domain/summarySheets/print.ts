import { CellRange } from "../layout/a1";
import { FONT } from "../layout/spec";
import { columnWidthPt, linesHeightPt } from "../layout/textMetrics";
import {
  RowKind,
  SUMMARY_FIRST_ROW,
  SUMMARY_HEADER_ROW,
  summaryHeaderHeightPt,
  summaryRowHeightPt,
  SummaryPrint,
  SummarySheet,
  TableColumn,
} from "./table";

/**
 * How the summary sheets print on A4 landscape. Text is never shrunk to fit: a sheet prints at the
 * largest scale up to 100 % at which its columns fit the page width, and never under
 * `MIN_PRINT_SCALE`; a table wider than that prints in blocks of columns (a group of columns kept on
 * one page when it fits), with its first columns repeated on every page. Every page carries the sheet's
 * title and period in its header and its page number in the footer; the title rows themselves are
 * left out of the print area (in a table printed in blocks of columns they would be cut at the first
 * column on every page but the first).
 */

/** A4 landscape in points. */
export const A4_LANDSCAPE_PT = { width: 842, height: 595 } as const;
/** Page margins in inches (as SpreadsheetML stores them): room above and below for header and footer. */
export const SUMMARY_MARGINS = {
  left: 0.4,
  right: 0.4,
  top: 0.6,
  bottom: 0.55,
  header: 0.2,
  footer: 0.2,
} as const;
/** TH Sarabun New 16 pt printed at 80 % is 12.8 pt on paper: the smallest text the summary prints. */
export const MIN_PRINT_SCALE = 80;

/**
 * Width in points the columns of a page may take: the page within its margins, less a share kept
 * free because Excel and LibreOffice round column widths to whole pixels at their own resolutions.
 */
export const printableWidthPt = () =>
  (A4_LANDSCAPE_PT.width - (SUMMARY_MARGINS.left + SUMMARY_MARGINS.right) * 72) * 0.96;
export const printableHeightPt = () =>
  A4_LANDSCAPE_PT.height - (SUMMARY_MARGINS.top + SUMMARY_MARGINS.bottom) * 72;

/** Text size on paper, in points, of the summary's font at a print scale. */
export const printedFontPt = (scale: number) => (FONT.size * scale) / 100;

/** The largest whole scale (MIN_PRINT_SCALE to 100) at which columns this wide fit one page width. */
export function fitScale(totalWidthPt: number): number {
  const fit = Math.floor((printableWidthPt() * 100) / Math.max(1, totalWidthPt));
  return Math.max(MIN_PRINT_SCALE, Math.min(100, fit));
}

/**
 * Columns (1-based) that start a new printed page at a scale. `titleCols` columns are printed on
 * every page; `groupStarts` are columns that begin a group kept on one page when it fits.
 */
export function columnBreaks(
  columns: readonly TableColumn[],
  scale: number,
  titleCols = 0,
  groupStarts: readonly number[] = []
): number[] {
  const widths = columns.map((c) => columnWidthPt(c.width));
  const room =
    (printableWidthPt() * 100) / scale - widths.slice(0, titleCols).reduce((a, b) => a + b, 0);
  const starts = new Set(groupStarts);
  const breaks: number[] = [];
  let used = 0;
  for (let c = titleCols + 1; c <= columns.length; c++) {
    // The width of the group that starts here (up to the next group start), when it starts one.
    let group = widths[c - 1];
    if (starts.has(c))
      for (let k = c + 1; k <= columns.length && !starts.has(k); k++) group += widths[k - 1];
    const need = starts.has(c) && group <= room ? group : widths[c - 1];
    if (used > 0 && used + need > room) {
      breaks.push(c);
      used = 0;
    }
    used += widths[c - 1];
  }
  return breaks;
}

/** Print setup of a sheet of text columns: fit to the page width at 80 % or more, else in blocks. */
export function textSheetPrint(columns: readonly TableColumn[]): SummaryPrint {
  const total = columns.reduce((s, c) => s + columnWidthPt(c.width), 0);
  const scale = fitScale(total);
  return {
    scale,
    titleCols: 0,
    rowBreaks: [],
    colBreaks: columnBreaks(columns, scale),
    overThenDown: false,
  };
}

/** How a sheet prints: its own print setup, else that of a sheet of text columns. */
export function printOf(sheet: SummarySheet): SummaryPrint {
  return sheet.print ?? textSheetPrint(sheet.columns);
}

/** What a summary sheet prints: from its header row to its last row, its columns and its chart. */
export function summaryPrintArea(sheet: SummarySheet): CellRange {
  const chart = sheet.chart?.anchor;
  return {
    r1: SUMMARY_HEADER_ROW,
    c1: 1,
    r2: Math.max(SUMMARY_HEADER_ROW, SUMMARY_FIRST_ROW + printedRows(sheet) - 1, chart?.r2 ?? 0),
    c2: Math.max(1, sheet.columns.length, chart?.c2 ?? 0),
  };
}

/** How many of a sheet's rows print (the first ones): all unless the sheet says fewer. */
export const printedRows = (sheet: SummarySheet): number =>
  Math.min(sheet.rows.length, sheet.printRows ?? sheet.rows.length);

/** Header and footer text in Excel's codes: `&&` is a literal ampersand. */
const headerText = (s: string) => s.replace(/&/g, "&&");

/**
 * The page header and footer of a summary sheet, as Excel's header codes (the same in the file and in
 * Office.js): the sheet's title in bold and its period at the top left of every page, "หน้า n / N" at
 * the bottom right. A font size code takes the digits after it, so text after one never starts with
 * a digit here (the title is preceded by a space when it would).
 */
export function summaryHeaderFooter(sheet: SummarySheet): {
  leftHeader: string;
  rightFooter: string;
} {
  const font = (style: "Bold" | "Regular") => `&"${FONT.name},${style}"`;
  const title = headerText(sheet.title);
  return {
    leftHeader:
      `${font("Bold")}&14${/^\d/.test(title) ? " " : ""}${title}` +
      (sheet.subtitle ? `${font("Regular")}   ${headerText(sheet.subtitle)}` : ""),
    rightFooter: `${font("Regular")}&12หน้า &P / &N`,
  };
}

/** Rows that head what follows them (a tool, an indicator, a measure group): never last on a page. */
const HEADINGS: ReadonlySet<RowKind> = new Set(["tool", "indicator", "item"]);
/**
 * Share of a page's height the breaks fill: the apps fit rows without a set height to their text,
 * a line taller or shorter than ours here and there, and a page they find too full gets a break of
 * their own, which could leave a heading last again.
 */
const PAGE_SAFETY = 0.96;
/** Excel keeps at most 1,026 manual page breaks a sheet. */
const MAX_ROW_BREAKS = 1000;

/**
 * Where the pages of a sheet with headings begin (rows, 1-based), laid out with the row heights the
 * writers store: a page ends before the headings that would close it, so that a heading is printed
 * with what it heads. Every page's break is given while there are at most MAX_ROW_BREAKS of them (the
 * apps then never break a page themselves: their rows are no taller than ours); past that, only the
 * breaks that move a heading. None for a sheet without headings (the app breaks its pages).
 */
export function headingRowBreaks(sheet: SummarySheet, scale: number): number[] {
  const rows = sheet.rows.slice(0, printedRows(sheet));
  if (!rows.some((r) => HEADINGS.has(r.kind))) return [];
  const oneLine = linesHeightPt(1, FONT);
  const height = (k: number) => summaryRowHeightPt(sheet, rows[k]) ?? oneLine;
  const room =
    ((printableHeightPt() * 100) / scale - (summaryHeaderHeightPt(sheet) ?? oneLine)) * PAGE_SAFETY;
  const pages: number[] = [];
  const moved: number[] = [];
  let start = 0;
  let used = 0;
  for (let k = 0; k < rows.length; k++) {
    const h = height(k);
    if (used > 0 && used + h > room) {
      let b = k;
      while (b - 1 > start && HEADINGS.has(rows[b - 1].kind)) b--;
      if (b !== k) moved.push(b);
      pages.push(b);
      start = b;
      used = 0;
      for (let j = b; j < k; j++) used += height(j);
    }
    used += h;
  }
  const at = pages.length <= MAX_ROW_BREAKS ? pages : moved.slice(0, MAX_ROW_BREAKS);
  return at.map((k) => SUMMARY_FIRST_ROW + k);
}

/** The sheet with its page breaks before headings (`headingRowBreaks`) in its print setup. */
export function withHeadingBreaks(sheet: SummarySheet): SummarySheet {
  if (sheet.hidden) return sheet;
  const print = printOf(sheet);
  if (print.rowBreaks.length) return sheet;
  const rowBreaks = headingRowBreaks(sheet, print.scale);
  return rowBreaks.length ? { ...sheet, print: { ...print, rowBreaks } } : sheet;
}
