import { CellRange } from "./layout/a1";
import { MergedUnit, MergeResult, SubmissionStatus } from "./merge";
import { band } from "./score";
import { summarizeScores } from "./summary";
import { Msg, xmlSafe } from "./text";

export type TCell = string | number | null;

export interface TableColumn {
  header: string;
  width: number;
  kind: "text" | "number" | "score";
}

export type RowKind = "data" | "tool" | "indicator" | "item" | "group" | "average" | "total";

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
}

export const SUMMARY_HEADER_ROW = 3;
export const SUMMARY_FIRST_ROW = 4;

/** The names of the summary sheets; an earlier summary is recognised (and replaced) by them. */
export const SUMMARY_SHEETS = {
  scores: "ITA คะแนน",
  flagged: "ITA ต่ำกว่าเกณฑ์",
  measures: "ITA สรุปมาตรการ",
  status: "ITA สถานะการส่ง",
} as const;

/** Excel holds at most 32,767 characters in a cell. */
export const MAX_CELL_TEXT = 32000;

export function clampText(text: string): string {
  const s = xmlSafe(text);
  return s.length > MAX_CELL_TEXT ? `${s.slice(0, MAX_CELL_TEXT)}… [ตัดทอน / truncated]` : s;
}

/** Short column label of a unit: `จอมทอง`, with the round when units sent several rounds. */
function unitColumn(m: MergedUnit, manyRounds: boolean): string {
  return manyRounds ? `${m.unit.th} (${m.round ?? "?"})` : m.unit.th;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function stats(values: (number | null)[], passMark: number): TCell[] {
  const v = values.filter((x): x is number => x !== null);
  if (!v.length) return [null, null, null, 0];
  return [
    round2(v.reduce((s, x) => s + x, 0) / v.length),
    Math.min(...v),
    Math.max(...v),
    v.filter((x) => x < passMark).length,
  ];
}

function periodLabel(r: MergeResult): string {
  const years = [...new Set(r.merged.map((m) => m.fiscalYear))].filter(Boolean).join(", ");
  const rounds = [...new Set(r.merged.map((m) => m.round))].filter(Boolean).join(", ");
  return `ปีงบประมาณ ${years || "-"} รอบ ${rounds || "-"} เดือน · เกณฑ์ผ่าน ${r.passMark} · ${r.merged.length} หน่วยงาน`;
}

/** 1. Score matrix: items by unit with mean, min, max and units under the pass mark; averages; heat map; chart. */
export function scoresSheet(r: MergeResult): SummarySheet {
  const { catalog, merged, passMark } = r;
  const manyRounds = new Set(merged.map((m) => m.round)).size > 1;
  const units = merged.map((m) => unitColumn(m, manyRounds));
  const scoreOf = merged.map((m) => new Map(m.form.items.map((i) => [i.code, i.score])));
  const summaries = merged.map((_m, i) => summarizeScores(catalog, scoreOf[i], passMark));
  const columns: TableColumn[] = [
    { header: "รหัส", width: 10, kind: "text" },
    { header: "ประเด็นการประเมิน", width: 48, kind: "text" },
    ...units.map((u) => ({ header: u, width: 11, kind: "score" as const })),
    { header: "ค่าเฉลี่ย", width: 10, kind: "score" },
    { header: "ต่ำสุด", width: 10, kind: "score" },
    { header: "สูงสุด", width: 10, kind: "score" },
    { header: `จำนวนหน่วยงานที่ต่ำกว่า ${passMark}`, width: 14, kind: "number" },
  ];
  const rows: TableRow[] = [];
  const blank = () => new Array<TCell>(columns.length).fill(null);
  const firstUnitCol = 3;
  for (const tool of catalog.tools) {
    rows.push({
      kind: "tool",
      cells: [tool.id, `${tool.name.th} (${tool.id}) น้ำหนัก ${tool.weight}`, ...blank().slice(2)],
    });
    for (const ind of tool.indicators) {
      rows.push({
        kind: "indicator",
        cells: [`ตัวชี้วัดที่ ${ind.number}`, ind.name.th, ...blank().slice(2)],
      });
      for (const item of ind.items) {
        const vals = scoreOf.map((s) => s.get(item.code) ?? null);
        rows.push({
          kind: "item",
          cells: [item.code, item.text || item.label, ...vals, ...stats(vals, passMark)],
        });
      }
      const avg = summaries.map((s) => s.indicators.find((x) => x.number === ind.number)!.mean);
      rows.push({
        kind: "average",
        cells: [
          `เฉลี่ย ${ind.number}`,
          `ค่าเฉลี่ยตัวชี้วัดที่ ${ind.number}`,
          ...avg,
          ...stats(avg, passMark),
        ],
      });
    }
    const tavg = summaries.map((s) => s.tools.find((x) => x.id === tool.id)!.mean);
    rows.push({
      kind: "total",
      cells: [`เฉลี่ย ${tool.id}`, `ค่าเฉลี่ย ${tool.id}`, ...tavg, ...stats(tavg, passMark)],
    });
  }
  const totals = summaries.map((s) => s.total);
  rows.push({
    kind: "total",
    cells: [
      "ITA",
      "คะแนนรวม ITA (IIT 30 / EIT 30 / OIT 40)",
      ...totals,
      ...stats(totals, passMark),
    ],
  });
  const lastDataRow = SUMMARY_FIRST_ROW + rows.length - 1;

  // Indicator averages across units, the data of the chart.
  rows.push({ kind: "data", cells: blank() });
  rows.push({
    kind: "tool",
    cells: ["ตัวชี้วัด", "ค่าเฉลี่ยรายตัวชี้วัด (ทุกหน่วยงาน)", "ค่าเฉลี่ย", ...blank().slice(3)],
  });
  const chartFirst = SUMMARY_FIRST_ROW + rows.length;
  for (const tool of catalog.tools) {
    for (const ind of tool.indicators) {
      const avg = summaries
        .map((s) => s.indicators.find((x) => x.number === ind.number)!.mean)
        .filter((x): x is number => x !== null);
      rows.push({
        kind: "data",
        cells: [
          `${ind.number}`,
          `${ind.number}. ${ind.name.th}`,
          avg.length ? round2(avg.reduce((a, b) => a + b, 0) / avg.length) : null,
          ...blank().slice(3),
        ],
      });
    }
  }
  const chartLast = SUMMARY_FIRST_ROW + rows.length - 1;
  return {
    name: SUMMARY_SHEETS.scores,
    title: "สรุปคะแนน ITA รายหน่วยงาน",
    subtitle: periodLabel(r),
    columns,
    rows,
    freeze: { rows: SUMMARY_HEADER_ROW, cols: 2 },
    wrap: false,
    colorScale: merged.length
      ? {
          r1: SUMMARY_FIRST_ROW,
          c1: firstUnitCol,
          r2: lastDataRow,
          c2: firstUnitCol + merged.length - 1,
        }
      : undefined,
    chart: merged.length
      ? {
          title: "ค่าเฉลี่ยรายตัวชี้วัด",
          categories: { r1: chartFirst, c1: 2, r2: chartLast, c2: 2 },
          values: { r1: chartFirst, c1: 3, r2: chartLast, c2: 3 },
        }
      : undefined,
  };
}

/** 2. Items under the pass mark, the worst first. */
export function flaggedSheet(r: MergeResult): SummarySheet {
  const rows: TableRow[] = [];
  const flagged: { m: MergedUnit; code: string; score: number; order: number }[] = [];
  for (const m of r.merged)
    for (const f of m.validation.flags)
      flagged.push({ m, code: f.code, score: f.score, order: r.catalog.byCode.get(f.code)!.order });
  flagged.sort(
    (a, b) =>
      a.score - b.score ||
      (a.m.unit.code ?? "~").localeCompare(b.m.unit.code ?? "~") ||
      a.order - b.order
  );
  for (const f of flagged) {
    const it = f.m.form.items.find((i) => i.code === f.code)!;
    rows.push({
      kind: "data",
      cells: [
        f.m.label,
        f.m.unit.code,
        f.code,
        f.score,
        band(f.score),
        clampText(it.measures),
        clampText(it.results),
        clampText(it.evidence),
      ],
    });
  }
  return {
    name: SUMMARY_SHEETS.flagged,
    title: `ข้อที่ได้คะแนนต่ำกว่าเกณฑ์ ${r.passMark}`,
    subtitle: periodLabel(r),
    columns: [
      { header: "หน่วยงาน", width: 24, kind: "text" },
      { header: "รหัสหน่วยงาน", width: 10, kind: "text" },
      { header: "ข้อ", width: 9, kind: "text" },
      { header: "คะแนน", width: 9, kind: "score" },
      { header: "ระดับ", width: 7, kind: "text" },
      { header: "มาตรการ/กิจกรรม", width: 50, kind: "text" },
      { header: "ผลการดำเนินการ", width: 50, kind: "text" },
      { header: "หลักฐาน", width: 30, kind: "text" },
    ],
    rows,
    freeze: { rows: SUMMARY_HEADER_ROW, cols: 0 },
    wrap: true,
  };
}

/** 3. Measures digest in the shape of the central report: per item, what each unit did and achieved. */
export function measuresSheet(r: MergeResult): SummarySheet {
  const rows: TableRow[] = [];
  for (const tool of r.catalog.tools) {
    rows.push({ kind: "tool", cells: [`${tool.name.th} (${tool.id})`, null, null, null] });
    for (const ind of tool.indicators) {
      rows.push({
        kind: "indicator",
        cells: [`ตัวชี้วัดที่ ${ind.number} ${ind.name.th}`, null, null, null],
      });
      for (const item of ind.items) {
        const done = r.merged
          .map((m) => ({ m, it: m.form.items.find((i) => i.code === item.code)! }))
          .filter((x) => x.it && (x.it.measures || x.it.results));
        if (!done.length) continue;
        rows.push({ kind: "item", cells: [item.label, `${done.length} หน่วยงาน`, null, null] });
        // Units that took the same measures are listed together under them, as the central report
        // names the districts behind each activity; each unit's own results follow.
        const groups = new Map<string, typeof done>();
        for (const d of done) {
          const key = d.it.measures.replace(/\s+/g, " ").trim();
          groups.set(key, [...(groups.get(key) ?? []), d]);
        }
        const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
        for (const [, units] of ordered) {
          const names = units.map((u) => u.m.unit.th).join(", ");
          const measures = units[0].it.measures || "(ไม่ระบุมาตรการ / no measures given)";
          rows.push({
            kind: "group",
            cells: [`${units.length} หน่วยงาน: ${names}`, clampText(measures), null, null],
          });
          for (const { m, it } of units)
            rows.push({
              kind: "data",
              cells: [m.label, null, clampText(it.results), clampText(it.evidence)],
            });
        }
      }
    }
  }
  return {
    name: SUMMARY_SHEETS.measures,
    title: "สรุปผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    subtitle: periodLabel(r),
    columns: [
      { header: "หน่วยงาน", width: 28, kind: "text" },
      { header: "มาตรการ/กิจกรรมที่ดำเนินการ", width: 60, kind: "text" },
      { header: "ผลการดำเนินการ", width: 60, kind: "text" },
      { header: "หลักฐาน", width: 30, kind: "text" },
    ],
    rows,
    freeze: { rows: SUMMARY_HEADER_ROW, cols: 0 },
    wrap: true,
  };
}

const STATUS_LABEL: Record<SubmissionStatus, string> = {
  received: "ได้รับแล้ว / received",
  missing: "ยังไม่ส่ง / missing",
  rejected: "ไม่รับ / rejected",
  duplicate: "ซ้ำ / duplicate",
};

/** 4. Submission status of every expected unit and every file. */
export function statusSheet(r: MergeResult): SummarySheet {
  const note = (m: Msg | null) => (m ? `${m.th} / ${m.en}` : null);
  return {
    name: SUMMARY_SHEETS.status,
    title: "สถานะการส่งรายงาน",
    subtitle: `${periodLabel(r)} · ไม่รับ ${r.rejected.length} ไฟล์ · ยังไม่ส่ง ${r.missing.length} หน่วยงาน`,
    columns: [
      { header: "รหัส", width: 8, kind: "text" },
      { header: "หน่วยงาน", width: 26, kind: "text" },
      { header: "สถานะ", width: 20, kind: "text" },
      { header: "ไฟล์", width: 30, kind: "text" },
      { header: "ชีต", width: 16, kind: "text" },
      { header: "แบบฟอร์ม", width: 10, kind: "text" },
      { header: "รอบ", width: 6, kind: "number" },
      { header: "ข้อผิดพลาด", width: 10, kind: "number" },
      { header: "คำเตือน", width: 9, kind: "number" },
      { header: "หมายเหตุ", width: 60, kind: "text" },
    ],
    rows: r.status.map((s) => ({
      kind: "data" as const,
      cells: [
        s.code,
        s.unit,
        STATUS_LABEL[s.status],
        s.file.split(/[\\/]/).pop() ?? s.file,
        s.sheet,
        s.formVersion,
        s.round,
        s.errors,
        s.warnings,
        note(s.note),
      ],
    })),
    freeze: { rows: SUMMARY_HEADER_ROW, cols: 2 },
    wrap: true,
  };
}

/** The four summary sheets, in order. */
export function buildSummary(r: MergeResult): SummarySheet[] {
  return [scoresSheet(r), flaggedSheet(r), measuresSheet(r), statusSheet(r)];
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
  data: {},
};

/** Number format of a column kind. */
export const SUMMARY_FORMATS: Record<TableColumn["kind"], string> = {
  text: "@",
  score: "0.00",
  number: "0",
};

/** Heat map colours: low red, middle yellow, high green. */
export const COLOR_SCALE = { min: "F8696B", mid: "FFEB84", max: "63BE7B" } as const;
