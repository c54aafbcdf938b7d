import { Msg, msg } from "../text";
import { FieldKey } from "../reportFields";
import { addr } from "./a1";

/**
 * The declarative description of the reporting sheet. The writers (ExcelJS for files, Office.js in
 * the task pane) render it through `render.ts`; the reader (`read.ts`) finds columns by their header
 * labels and metadata by their labels, both taken from here. Nothing else knows where a cell is.
 *
 * The sheet is the official form with a few helper cells around it:
 *
 *   A      B       C                  D             E          F          G
 *   ·      ·       Unit               [unit ……………………………]                          ← metadata (6 rows:
 *   ·      ·       Fiscal year        [2567]                                         unit, year, round,
 *   ·      ·       …                                                                 pass mark, preparer,
 *   ·      ·       Form               bkk-district-ita 2567.1                        form; on screen only)
 *                  ┌───────────────── title (two official lines) ─────────────┐   ← printed from here
 *   รหัส   คะแนน   │ประเด็นการประเมิน │ ประเด็นที่… │ มาตรการ… │ ผลการ… │ ภาพ…  │   ← the five official
 *   I1     96.31   │I1 … (96.31 คะแนน)│ …           │ (merged over the measure group) │     columns
 *
 * Columns A (item code) and B (the score as a number) are for entry and reading; the item text in C shows
 * the score the way the districts' reports print it, "(96.31 คะแนน)" on a line of its own under the
 * question, by a formula over B. The print area is the title and the five official columns.
 */
export const LAYOUT_VERSION = 2;

export type ColumnKey = "code" | "item" | FieldKey;

/** Where the header text of a column comes from: the form's official column names, or our own. */
export interface ColumnSpec {
  key: ColumnKey;
  header: Msg | "fromForm";
  /** Width in characters of the workbook's default font (Calibri 11: 7 px each, plus 5 px). */
  width: number;
  /** Entry cells are unlocked and typed by the district; fixed cells are locked. */
  entry: boolean;
  style: StyleName;
  /** One of the five official columns (printed); helper columns are not. */
  official: boolean;
}

const column = (
  key: ColumnKey,
  header: Msg | "fromForm",
  width: number,
  entry: boolean,
  style: StyleName,
  official: boolean
): ColumnSpec => ({ key, header, width, entry, style, official });

/**
 * In order: the two helper columns, then the five official columns of the form. The official widths
 * add up to what fits an A4 landscape page at 100% (`PRINT`): 149 characters ≈ 801 pt of 806. Each of
 * the last four is the narrowest that holds its official name in three lines of bold 16 pt broken at
 * chosen points (`headerText`: the header row is 80 pt of the page, where five lines took 133 pt); the
 * item text takes what is left.
 */
export const COLUMNS: readonly ColumnSpec[] = [
  column("code", msg("รหัส", "Code"), 6, false, "code", false),
  column("score", msg("คะแนน", "Score"), 9, true, "score", false),
  column("item", "fromForm", 27, false, "itemText", true),
  column("issue", "fromForm", 26, true, "entryText", true),
  column("measures", "fromForm", 28, true, "entryText", true),
  column("results", "fromForm", 41, true, "entryText", true),
  column("evidence", "fromForm", 27, true, "entryText", true),
];

export function columnIndex(key: ColumnKey): number {
  return COLUMNS.findIndex((c) => c.key === key) + 1;
}

/** First and last printed (official) column. */
export const OFFICIAL_COLS = {
  first: COLUMNS.findIndex((c) => c.official) + 1,
  last: COLUMNS.length,
} as const;

/** The text columns whose cells one measure group shares (merged over the group's rows). */
export const SHARED_FIELDS = ["measures", "results", "evidence"] as const;

export type MetaKey = "unit" | "fiscalYear" | "round" | "passMark" | "preparer" | "form";

export interface MetaSpec {
  key: MetaKey;
  label: Msg;
  /** The form id/version cell is written by us and locked. */
  entry: boolean;
  /** Where the label sits; the value is in the next column. */
  row: number;
  col: number;
  style: StyleName;
}

const meta = (key: MetaKey, label: Msg, row: number, style: StyleName): MetaSpec => ({
  key,
  label,
  entry: style !== "metaFixed",
  row,
  col: 3,
  style,
});

/** Metadata, one field a row above the printed form: label in C, value in D (merged over D:E). */
export const META: readonly MetaSpec[] = [
  meta("unit", msg("หน่วยงาน", "Unit"), 1, "metaValue"),
  meta("fiscalYear", msg("ปีงบประมาณ (พ.ศ.)", "Fiscal year (B.E.)"), 2, "metaNumber"),
  meta("round", msg("รอบการรายงาน (เดือน)", "Report round (months)"), 3, "metaNumber"),
  meta("passMark", msg("เกณฑ์ผ่าน (คะแนน)", "Pass mark (score)"), 4, "metaNumber"),
  meta("preparer", msg("ผู้จัดทำรายงาน", "Prepared by"), 5, "metaValue"),
  meta("form", msg("แบบฟอร์ม", "Form"), 6, "metaFixed"),
];

/** A metadata value cell spans this many columns. */
export const META_VALUE_SPAN = 2;

export function metaLabelText(m: MetaSpec): string {
  return `${m.label.th} / ${m.label.en}`;
}

export function metaSpec(key: MetaKey): MetaSpec {
  return META.find((m) => m.key === key)!;
}

/** The value cell of a metadata field, as the layout writes it (`D1`). */
export function metaCell(key: MetaKey): { row: number; col: number; address: string } {
  const m = metaSpec(key);
  return { row: m.row, col: m.col + 1, address: addr(m.row, m.col + 1) };
}

/** Row positions of the fixed top of the sheet. Item rows follow the header, grouped by tool and indicator. */
export const ROWS = {
  metaFirst: 1,
  metaLast: 6,
  spacer: 7,
  title: 8,
  subtitle: 9,
  header: 10,
  body: 11,
} as const;

/** Name of the hidden sheet that repeats each form sheet's metadata (kept by ExcelJS and LibreOffice alike). */
export const META_SHEET = "ITA_META";
export const META_SHEET_HEADER = ["sheet", "key", "value"] as const;

export const FONT = { name: "TH Sarabun New", size: 16 } as const;

export type StyleName =
  | "base"
  | "title"
  | "subtitle"
  | "metaLabel"
  | "metaValue"
  | "metaNumber"
  | "metaFixed"
  | "header"
  | "helperHeader"
  | "tool"
  | "indicator"
  | "code"
  | "itemText"
  | "score"
  | "entryText";

export interface CellStyle {
  bold?: boolean;
  fontColor?: string;
  fill?: string;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle";
  wrap?: boolean;
  numFmt?: string;
  locked: boolean;
  border?: boolean;
}

/** Text entry cells are formatted as text so that `=…` typed or pasted by a district stays text. */
export const TEXT_FORMAT = "@";
export const SCORE_FORMAT = "0.00";
/** Numbers typed into metadata (year, round, pass mark) stay numbers: General, never text. */
export const NUMBER_FORMAT = "General";

const metaEntry = {
  locked: false,
  vAlign: "middle",
  border: true,
  fill: "FFF2CC",
  hAlign: "left",
} as const;
const heading = { locked: true, bold: true, vAlign: "middle", wrap: true, border: true } as const;

export const STYLES: Record<StyleName, CellStyle> = {
  base: { locked: true, vAlign: "top", wrap: true },
  title: { locked: true, bold: true, hAlign: "center", vAlign: "middle", wrap: true },
  subtitle: { locked: true, bold: true, hAlign: "center", vAlign: "middle", wrap: true },
  metaLabel: { locked: true, bold: true, vAlign: "middle", border: true, fill: "F2F2F2" },
  metaValue: { ...metaEntry, numFmt: TEXT_FORMAT },
  metaNumber: { ...metaEntry, numFmt: NUMBER_FORMAT },
  metaFixed: { locked: true, vAlign: "middle", border: true, fill: "F2F2F2", fontColor: "595959" },
  header: { ...heading, hAlign: "center", fill: "D9E1F2" },
  helperHeader: { ...heading, hAlign: "center", fill: "F2F2F2", fontColor: "595959" },
  tool: { ...heading, fill: "B4C6E7" },
  indicator: { ...heading, fill: "DDEBF7" },
  code: { locked: true, bold: true, hAlign: "center", vAlign: "top", border: true, fill: "F2F2F2" },
  itemText: { locked: true, vAlign: "top", wrap: true, border: true },
  score: {
    locked: false,
    hAlign: "center",
    vAlign: "top",
    border: true,
    numFmt: SCORE_FORMAT,
    fill: "FFF2CC",
  },
  entryText: { locked: false, vAlign: "top", wrap: true, border: true, numFmt: TEXT_FORMAT },
};

export const LOW_SCORE_FORMAT = { fill: "FFC7CE", fontColor: "9C0006" } as const;

export const SCORE_VALIDATION = {
  min: 0,
  max: 100,
  title: msg("คะแนน", "Score"),
  prompt: msg(
    "กรอกคะแนน 0–100 (ทศนิยมไม่เกิน 2 ตำแหน่ง)",
    "Enter a score from 0 to 100 (up to 2 decimals)"
  ),
  error: msg("คะแนนต้องเป็นตัวเลข 0–100", "The score must be a number from 0 to 100"),
} as const;

export const PASS_MARK_VALIDATION = {
  min: 0,
  max: 100,
  title: msg("เกณฑ์ผ่าน", "Pass mark"),
  prompt: msg(
    "เกณฑ์ผ่านเป็นตัวเลข 0–100 (ปกติ 85)",
    "The pass mark is a number from 0 to 100 (usually 85)"
  ),
  error: msg("เกณฑ์ผ่านต้องเป็นตัวเลข 0–100", "The pass mark must be a number from 0 to 100"),
} as const;

/**
 * A4 landscape at 100%: the official columns are sized for the page, so body text prints at 16 pt.
 * `fitToWidth` only guards against an app whose columns come out wider (it never enlarges).
 */
export const PRINT = {
  paper: "A4",
  orientation: "landscape",
  fitToWidth: 1,
  // Left and right as Excel's "Narrow" margins, so that the header's columns fit the page.
  margins: { left: 0.25, right: 0.25, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  /** Printable height in points: A4's short side (595.3 pt) less the top and bottom margins. */
  pageHeightPt: 595.3 - 72,
} as const;

/**
 * What users may still do on the protected sheet (no password by default: nobody is locked out).
 * `editObjects` lets districts insert and move activity photos.
 */
export const PROTECTION = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  insertRows: true,
  insertColumns: false,
  deleteRows: false,
  deleteColumns: false,
  sort: false,
  autoFilter: false,
  formatCells: false,
  insertHyperlinks: true,
  editObjects: true,
} as const;

export function bilingual(m: Msg): string {
  return `${m.th} / ${m.en}`;
}
