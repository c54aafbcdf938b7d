import { PASS_MARK_RANGE } from "../bounds";
import { Msg, msg } from "../text";
import { FieldKey } from "../report";

/**
 * The declarative description of the reporting sheet. The writers (ExcelJS for files, Office.js in
 * the task pane) render it through `render.ts`; the reader (`read.ts`) finds columns by their header
 * labels and metadata by their labels, both taken from here. Nothing else knows where a cell is.
 */
export const LAYOUT_VERSION = 1;

export type ColumnKey = "code" | "item" | FieldKey;

/** Where the header text of a column comes from: the form's official column names, or our own. */
export interface ColumnSpec {
  key: ColumnKey;
  header: Msg | "fromForm";
  width: number;
  /** Entry cells are unlocked and typed by the district; fixed cells are locked. */
  entry: boolean;
  style: StyleName;
}

/** In order: code, then the five official columns of the form with the numeric score after the item. */
export const COLUMNS: readonly ColumnSpec[] = [
  { key: "code", header: msg("รหัส", "Code"), width: 9, entry: false, style: "code" },
  { key: "item", header: "fromForm", width: 58, entry: false, style: "itemText" },
  { key: "score", header: msg("คะแนน", "Score"), width: 11, entry: true, style: "score" },
  { key: "issue", header: "fromForm", width: 40, entry: true, style: "entryText" },
  { key: "measures", header: "fromForm", width: 52, entry: true, style: "entryText" },
  { key: "results", header: "fromForm", width: 52, entry: true, style: "entryText" },
  { key: "evidence", header: "fromForm", width: 36, entry: true, style: "entryText" },
];

export function columnIndex(key: ColumnKey): number {
  return COLUMNS.findIndex((c) => c.key === key) + 1;
}

export type MetaKey = "unit" | "fiscalYear" | "round" | "passMark" | "preparer" | "form";

export interface MetaSpec {
  key: MetaKey;
  label: Msg;
  /** The form id/version row is written by us and locked. */
  entry: boolean;
}

export const META: readonly MetaSpec[] = [
  { key: "unit", label: msg("หน่วยงาน", "Unit"), entry: true },
  { key: "fiscalYear", label: msg("ปีงบประมาณ (พ.ศ.)", "Fiscal year (B.E.)"), entry: true },
  { key: "round", label: msg("รอบการรายงาน (เดือน)", "Report round (months)"), entry: true },
  { key: "passMark", label: msg("เกณฑ์ผ่าน (คะแนน)", "Pass mark (score)"), entry: true },
  { key: "preparer", label: msg("ผู้จัดทำรายงาน", "Prepared by"), entry: true },
  { key: "form", label: msg("แบบฟอร์ม", "Form"), entry: false },
];

export function metaLabelText(m: MetaSpec): string {
  return `${m.label.th} / ${m.label.en}`;
}

/** Row positions of the fixed top of the sheet. Item rows follow the header, grouped by tool and indicator. */
export const ROWS = {
  title: 1,
  subtitle: 2,
  metaFirst: 4,
  header: 11,
  body: 12,
} as const;

/** Meta value cells span these columns (label in code+item columns). */
export const META_LABEL_COLS = { c1: 1, c2: 2 } as const;
export const META_VALUE_COLS = { c1: 3, c2: 5 } as const;

export function metaRow(key: MetaKey): number {
  return ROWS.metaFirst + META.findIndex((m) => m.key === key);
}

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

export const STYLES: Record<StyleName, CellStyle> = {
  base: { locked: true, vAlign: "top", wrap: true },
  title: { locked: true, bold: true, hAlign: "center", vAlign: "middle", wrap: true },
  subtitle: { locked: true, bold: true, hAlign: "center", vAlign: "middle", wrap: true },
  metaLabel: { locked: true, bold: true, vAlign: "middle", border: true, fill: "F2F2F2" },
  metaValue: {
    locked: false,
    vAlign: "middle",
    border: true,
    fill: "FFF2CC",
    numFmt: TEXT_FORMAT,
    hAlign: "left",
  },
  /** The pass mark: a number (General), never text, so that the under-pass-mark highlight follows it. */
  metaNumber: {
    locked: false,
    vAlign: "middle",
    border: true,
    fill: "FFF2CC",
    hAlign: "left",
  },
  metaFixed: { locked: true, vAlign: "middle", border: true, fill: "F2F2F2", fontColor: "595959" },
  header: {
    locked: true,
    bold: true,
    hAlign: "center",
    vAlign: "middle",
    wrap: true,
    border: true,
    fill: "D9E1F2",
  },
  tool: { locked: true, bold: true, vAlign: "middle", border: true, fill: "B4C6E7" },
  indicator: { locked: true, bold: true, vAlign: "middle", border: true, fill: "DDEBF7" },
  code: { locked: true, bold: true, hAlign: "center", vAlign: "top", border: true, fill: "F2F2F2" },
  itemText: { locked: true, vAlign: "top", wrap: true, border: true, fill: "F2F2F2" },
  score: { locked: false, hAlign: "center", vAlign: "top", border: true, numFmt: SCORE_FORMAT },
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

/** The pass-mark cell accepts only a number in the pass-mark range (text typed there is refused). */
export const PASS_MARK_VALIDATION = {
  min: PASS_MARK_RANGE.min,
  max: PASS_MARK_RANGE.max,
  title: msg("เกณฑ์ผ่าน", "Pass mark"),
  prompt: msg(
    `กรอกเกณฑ์ผ่านเป็นตัวเลข ${PASS_MARK_RANGE.min}–${PASS_MARK_RANGE.max} (เช่น 85)`,
    `Enter the pass mark as a number from ${PASS_MARK_RANGE.min} to ${PASS_MARK_RANGE.max} (such as 85)`
  ),
  error: msg(
    `เกณฑ์ผ่านต้องเป็นตัวเลข ${PASS_MARK_RANGE.min}–${PASS_MARK_RANGE.max}`,
    `The pass mark must be a number from ${PASS_MARK_RANGE.min} to ${PASS_MARK_RANGE.max}`
  ),
} as const;

export const PRINT = {
  paper: "A4",
  orientation: "landscape",
  fitToWidth: 1,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
} as const;

/** What users may still do on the protected sheet (no password by default: nobody is locked out). */
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
} as const;

export function bilingual(m: Msg): string {
  return `${m.th} / ${m.en}`;
}
