import { CellRange } from "../layout/a1";
import { MergedUnit, MergeResult } from "../merge";
import { xmlSafe } from "../text";

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
  colorScale?: CellRange;
  chart?: { title: string; categories: CellRange; values: CellRange };
  /** A sheet for the program, not for people (the summary's data). */
  hidden?: boolean;
}

export const SUMMARY_HEADER_ROW = 3;
export const SUMMARY_FIRST_ROW = 4;

/** The names of the summary sheets; an earlier summary is recognised (and replaced) by them. */
export const SUMMARY_SHEETS = {
  scores: "ITA คะแนน",
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
  return s.length > MAX_CELL_TEXT ? `${s.slice(0, MAX_CELL_TEXT)}… [ตัดทอน / truncated]` : s;
}

/** Short column label of a unit: `จอมทอง`, with the round when units sent several rounds. */
export function unitColumn(m: MergedUnit, manyRounds: boolean): string {
  return manyRounds ? `${m.unit.th} (${m.round ?? "?"})` : m.unit.th;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

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
  const years = [...new Set(r.merged.map((m) => m.fiscalYear))].filter(Boolean).join(", ");
  const rounds = [...new Set(r.merged.map((m) => m.round))].filter(Boolean).join(", ");
  return `ปีงบประมาณ ${years || "-"} รอบ ${rounds || "-"} เดือน · เกณฑ์ผ่าน ${r.passMark} · ${r.merged.length} หน่วยงาน`;
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

/** Number format of a column kind. */
export const SUMMARY_FORMATS: Record<TableColumn["kind"], string> = {
  text: "@",
  score: "0.00",
  number: "0",
  change: "+0.00;-0.00;0.00",
};

/** Heat map colours: low red, middle yellow, high green. */
export const COLOR_SCALE = { min: "F8696B", mid: "FFEB84", max: "63BE7B" } as const;
