import { CellRange } from "../layout/a1";
import { FONT } from "../layout/spec";
import {
  CELL_PADDING_PT,
  columnCharsFor,
  columnWidthPt,
  CONTINUED,
  LINE_FACTOR,
  linesHeightPt,
  MAX_ROW_PT,
  splitOrCount,
  textWidthPt,
  wrappedRowHeightPt,
} from "../layout/textMetrics";
import { MergedUnit, MergeResult } from "../merge";
import { round2, scoreText } from "../score";
import { periodName } from "../period";
import { xmlSafe } from "../text";
import { TextCache } from "../textCache";
import { eachWord } from "../wordBreak";

export type TCell = string | number | null;

export interface TableColumn {
  header: string;
  width: number;
  /** change: a signed difference of scores, shown with its sign (+1.25, -0.50). */
  kind: "text" | "number" | "score" | "change";
}

export type RowKind =
  | "data"
  | "tool"
  | "indicator"
  | "item"
  | "group"
  | "average"
  | "total"
  /** A score that fell under the pass mark, and one that rose to it (the comparison sheet). */
  | "fell"
  | "rose";

export interface TableRow {
  kind: RowKind;
  cells: TCell[];
  /** Columns (1-based) merged into one cell in this row; its text wraps over their width. */
  merge?: { c1: number; c2: number };
  /** The row's cells end at this column (1-based): nothing is written or styled past it. */
  span?: number;
  /** Number format of the row's number cells, instead of their columns' (counts in a score column). */
  numberFormat?: string;
}

/**
 * How a sheet prints (A4 landscape always): the scale, the columns repeated at the left of every page
 * (the header row is repeated on every page), and where pages break. Both writers store it as is, so
 * Excel and LibreOffice print the same pages.
 */
export interface SummaryPrint {
  /** Print scale in percent (never "fit to width": the text would shrink with the table). */
  scale: number;
  /** Columns repeated at the left of every printed page (0: none). */
  titleCols: number;
  /** Rows (1-based) that start a new page. */
  rowBreaks: number[];
  /** Columns (1-based) that start a new page. */
  colBreaks: number[];
  /** Pages left to right before top to bottom (a wide table read one row block at a time). */
  overThenDown: boolean;
}

/**
 * One sheet of the central summary, writer-neutral. Row 1 is the title, row 2 the subtitle, row 3 the
 * column headers, data from row 4 (`SUMMARY_FIRST_ROW`). Ranges below are absolute (1-based).
 */
export interface SummarySheet {
  name: string;
  title: string;
  subtitle: string;
  columns: TableColumn[];
  rows: TableRow[];
  freeze: { rows: number; cols: number };
  /** Wrap long text in data rows (the score matrix keeps one line per row). */
  wrap: boolean;
  /**
   * Scores coloured by the pass mark: red under it, yellow at it to green at 100 (a step at the
   * pass mark, so that 84.33 and 86.40 never look alike).
   */
  colorScale?: CellRange & { passMark: number };
  /** The chart, placed over the cells of `anchor`. */
  chart?: { title: string; categories: CellRange; values: CellRange; anchor: CellRange };
  /** How the sheet prints; without it, as `textSheetPrint` lays out its columns (`printOf`). */
  print?: SummaryPrint;
  /**
   * How many of the rows print (the first ones): the rows after them are on screen and in the file
   * but outside the print area (the units' full texts, whose printed form is the Word report).
   * Without it every row prints.
   */
  printRows?: number;
  /** A sheet for the program, not for people (the summary's data). */
  hidden?: boolean;
}

export const SUMMARY_HEADER_ROW = 3;
export const SUMMARY_FIRST_ROW = 4;

/** The names of the summary sheets; an earlier summary is recognised (and replaced) by them. */
export const SUMMARY_SHEETS = {
  scores: "ITA คะแนน",
  key: "ITA รหัสข้อ",
  indicators: "ITA ค่าเฉลี่ยตัวชี้วัด",
  flagged: "ITA ต่ำกว่าเกณฑ์",
  measures: "ITA สรุปมาตรการ",
  status: "ITA สถานะการส่ง",
  /** Hidden: the summary's data for the program (`dataSheet.ts`). */
  data: "ITA_SUMMARY_DATA",
} as const;

/**
 * The name of the comparison sheet (written only when a comparison is given). Here, not beside the
 * sheet: the Office.js writer recognises it without loading the comparison.
 */
export const COMPARE_SHEET = "ITA เทียบปีก่อน";

/** Excel holds at most 32,767 characters in a cell. */
export const MAX_CELL_TEXT = 32000;

/** An item's evidence as the summary shows it: the text, and how many photos the unit placed in the cell. */
export function evidenceText(it: { evidence: string; photos: number }): string {
  const photos = it.photos ? `ภาพกิจกรรม ${it.photos} ภาพในแบบรายงาน` : "";
  return clampText([it.evidence, photos].filter(Boolean).join("\n"));
}

export function clampText(text: string): string {
  const s = xmlSafe(text);
  if (s.length <= MAX_CELL_TEXT) return s;
  // Cut at the last space before the limit (between words), never inside one.
  const cut = s.lastIndexOf(" ", MAX_CELL_TEXT);
  return `${s.slice(0, cut > MAX_CELL_TEXT / 2 ? cut : MAX_CELL_TEXT)} … [ตัดทอน]`;
}

/** Short column label of a unit: `จอมทอง`. */
export const unitColumn = (m: MergedUnit): string => m.unit.th;

export function stats(values: (number | null)[], passMark: number): TCell[] {
  const v = values.filter((x): x is number => x !== null);
  if (!v.length) return [null, null, null, 0];
  return [
    round2(v.reduce((s, x) => s + x, 0) / v.length),
    Math.min(...v),
    Math.max(...v),
    v.filter((x) => x < passMark).length,
  ];
}

export function periodLabel(r: MergeResult): string {
  const period = r.period ? periodName(r.period) : "ปีงบประมาณ -";
  return `${period} · เกณฑ์ผ่าน ${r.passMark} · ${r.merged.length} หน่วยงาน`;
}

/** Look of the summary rows (fills are hex RGB), shared by the file and Office.js writers. */
export const SUMMARY_STYLES: Record<
  RowKind | "title" | "subtitle" | "header",
  { bold?: boolean; fill?: string; wrap?: boolean; hAlign?: "center" }
> = {
  title: { bold: true, wrap: false },
  subtitle: { wrap: false },
  header: { bold: true, fill: "D9E1F2", wrap: true, hAlign: "center" },
  tool: { bold: true, fill: "B4C6E7" },
  indicator: { bold: true, fill: "DDEBF7" },
  item: { bold: true, fill: "F2F2F2" },
  group: { fill: "EDF3FA" },
  average: { fill: "FFF2CC" },
  total: { bold: true, fill: "FCE4D6" },
  fell: { bold: true, fill: "FFC7CE" },
  rose: { fill: "C6EFCE" },
  data: {},
};

/**
 * Columns at least as wide as the widest part of their header between spaces (in the header's bold),
 * so that a header wraps only at its spaces: "รหัสหน่วยงาน" or "(คะแนน)" in a narrow column was broken
 * between letters on paper.
 */
export function fitHeaders(columns: readonly TableColumn[]): TableColumn[] {
  const bold = { ...FONT, bold: true };
  return columns.map((c) => {
    const widest = Math.max(0, ...c.header.split(/\s+/).map((w) => textWidthPt(w, bold)));
    return { ...c, width: Math.max(c.width, columnCharsFor(widest, bold)) };
  });
}

/**
 * A score column at least as wide as the widest score it shows: the format gives more than two
 * decimals when a score has them (84.9999), and such a score in a column made for "100.00" printed as
 * "###".
 */
export function fitScores(
  columns: readonly TableColumn[],
  rows: readonly TableRow[]
): TableColumn[] {
  const bold = { ...FONT, bold: true };
  return columns.map((c, k) => {
    if (c.kind !== "score") return c;
    // Digits are all as wide (the font's figures are tabular): a score's width is its shape's.
    let widest = 0;
    const shapes = new Set<string>();
    for (const r of rows) {
      const v = r.cells[k];
      if (typeof v !== "number" || r.numberFormat) continue;
      // Most scores have two decimals: their shape is their whole part's number of digits.
      const two = Math.abs(v * 100 - Math.round(v * 100)) < 1e-7;
      const shape = two
        ? `${"0".repeat(String(Math.trunc(Math.abs(v))).length)}.00`
        : scoreText(v).replace(/\d/g, "0");
      if (shapes.has(shape)) continue;
      shapes.add(shape);
      widest = Math.max(widest, textWidthPt(shape, bold));
    }
    return { ...c, width: Math.max(c.width, columnCharsFor(widest, bold)) };
  });
}

/** Most characters `fitWords` widens a column to. */
const WORD_FIT_MAX = 40;

/**
 * A text column at least as wide as the widest word of its texts (unit names: "กรุงเทพมหานคร" of
 * "สำนักงบประมาณกรุงเทพมหานคร" in a narrow column printed cut between letters), at most 40
 * characters.
 */
export function fitWords(column: TableColumn, texts: readonly (string | null)[]): TableColumn {
  let widest = 0;
  for (const t of new Set(texts))
    if (t)
      eachWord(t, (from, to, wordLike) => {
        if (wordLike) widest = Math.max(widest, textWidthPt(t.slice(from, to), FONT));
      });
  const needed = Math.min(WORD_FIT_MAX, columnCharsFor(widest, FONT));
  return needed > column.width ? { ...column, width: needed } : column;
}

/** Number format of a row's cell in a column. */
export function cellFormat(row: TableRow | undefined, col: TableColumn): string {
  return row?.numberFormat && col.kind !== "text" ? row.numberFormat : SUMMARY_FORMATS[col.kind];
}

/** Number format of a column kind. */
export const SUMMARY_FORMATS: Record<TableColumn["kind"], string> = {
  text: "@",
  // Two decimals as the ITA gives them; more when a score has more (84.999, not 85.00).
  score: "0.00####",
  number: "0",
  change: "+0.00;-0.00;0.00",
};

/** Heat map colours: low red, middle yellow, high green. */
export const COLOR_SCALE = { min: "F8696B", mid: "FFEB84", max: "63BE7B" } as const;

/**
 * The colour scale's three points as numbers: just under the pass mark (red, as everything below),
 * the pass mark (yellow) and 100 (green).
 */
export function colorScalePoints(passMark: number): [number, number, number] {
  return [Math.round((passMark - 0.01) * 100) / 100, passMark, 100];
}

/**
 * Height in points a data row needs for its wrapped text (a merged cell over the width of its
 * columns, bold rows in bold), null when one line is enough; at most Excel's 409 pt.
 */
export function summaryRowHeightPt(sheet: SummarySheet, row: TableRow): number | null {
  // A row is laid out once: for the page breaks (print.ts), then again by the writer.
  let h = rowHeights.get(row);
  if (h === undefined) {
    h = measureRowHeightPt(sheet, row);
    rowHeights.set(row, h);
  }
  return h;
}

/** Heights already known, by row (a row belongs to one sheet: it is built for it). */
const rowHeights = new WeakMap<TableRow, number | null>();

function measureRowHeightPt(sheet: SummarySheet, row: TableRow): number | null {
  if (!sheet.wrap && !row.merge) return null;
  const known = rowLinesKnown.get(row);
  if (known && known.columns === sheet.columns)
    return known.lines <= 1 ? null : Math.min(MAX_ROW_PT, linesHeightPt(known.lines, FONT));
  const cells: { text: string; width: number }[] = [];
  for (let c = 0; c < (row.span ?? sheet.columns.length); c++) {
    const v = row.cells[c];
    if (typeof v !== "string" || !v) continue;
    let width = sheet.columns[c].width;
    if (row.merge && c + 1 === row.merge.c1)
      for (let k = row.merge.c1; k < row.merge.c2; k++) width += sheet.columns[k].width;
    cells.push({ text: v, width });
  }
  return wrappedRowHeightPt(cells, { ...FONT, bold: SUMMARY_STYLES[row.kind].bold });
}

/** Height in points of the header row (bold, wrapped), null when one line is enough. */
export function summaryHeaderHeightPt(sheet: SummarySheet): number | null {
  return wrappedRowHeightPt(
    sheet.columns.map((c) => ({ text: c.header, width: c.width })),
    { ...FONT, bold: true }
  );
}

/**
 * Most lines of text in one summary row: Excel's rows are at most 409 pt high, and rows of at most
 * about half a printed page let the pages fill (a row that does not fit goes to the next page whole).
 */
const MAX_ROW_LINES = Math.min(
  10,
  Math.floor((MAX_ROW_PT - CELL_PADDING_PT) / (FONT.size * LINE_FACTOR))
);

/**
 * A text's split for a column (null: it fits, or cannot be split) and the lines of what the row
 * shows: the text when it fits, its first part when it is split (null: not known).
 */
interface RowSplit {
  split: { head: string; tail: string } | null;
  lines: number | null;
}

/**
 * A text too long for one row, split for a column of `width` characters: the part the row shows and
 * the rest marked "(ต่อ)"; null when it fits (or cannot be split), with the lines it takes when it
 * fits. Kept by the text: the units that wrote the same text (the standard measures, copied) share
 * the split and its strings.
 */
function rowSplit(text: string, width: number): RowSplit {
  const byWidth = SPLITS.get(text) ?? SPLITS.set(text, new Map());
  let known = byWidth.get(width);
  if (known === undefined) {
    const s = splitOrCount(text, columnWidthPt(width), FONT, MAX_ROW_LINES);
    known =
      s.split && s.split.head
        ? {
            split: { head: s.split.head, tail: `${CONTINUED}${s.split.tail}` },
            lines: s.headLines,
          }
        : { split: null, lines: s.lines };
    byWidth.set(width, known);
  }
  return known;
}

/** Splits worked out, by text: emptied at 2 M characters or 20,000 texts. */
const SPLITS = new TextCache<Map<number, RowSplit>>(2_000_000, 20_000);

/**
 * The lines of the rows `splitTallRows` laid out (each text of theirs, or the part of it they show),
 * with the columns they were laid out in: the writer sizes them from these instead of laying the
 * texts out again.
 */
const rowLinesKnown = new WeakMap<TableRow, { lines: number; columns: readonly TableColumn[] }>();

/**
 * Rows whose text needs more than a row can show (409 pt) go on in continuation rows: each long text
 * split between lines (`splitForLines`, the form's own marks "…" and "(ต่อ)"), the first cell
 * repeated with "(ต่อ)", so nothing is cut off on screen or on paper. Rows with merged cells are kept.
 */
export function splitTallRows(
  columns: readonly TableColumn[],
  rows: readonly TableRow[]
): TableRow[] {
  const out: TableRow[] = [];
  for (const row of rows) {
    if (row.merge) {
      out.push(row);
      continue;
    }
    let cells = row.cells;
    // Rows are sized in the regular font over the cells they show (`measureRowHeightPt`).
    const sized = !row.merge && !SUMMARY_STYLES[row.kind].bold;
    const shown = row.span ?? columns.length;
    for (let part = 0; ; part++) {
      const head: TCell[] = [...cells];
      const tail: TCell[] = cells.map(() => null);
      let more = false;
      let lines: number | null = 1;
      cells.forEach((v, c) => {
        if (typeof v !== "string" || !v || c >= columns.length) return;
        const known = rowSplit(v, columns[c].width);
        if (known.split) {
          head[c] = known.split.head;
          tail[c] = known.split.tail;
          more = true;
        }
        if (c < shown)
          lines = known.lines === null || lines === null ? null : Math.max(lines, known.lines);
      });
      const done = { ...row, cells: head };
      if (sized && lines !== null) rowLinesKnown.set(done, { lines, columns });
      out.push(done);
      if (!more || part > 1000) break;
      const first = row.cells[0];
      if (tail[0] === null && typeof first === "string" && first) tail[0] = `${first} (ต่อ)`;
      cells = tail;
    }
  }
  return out;
}
