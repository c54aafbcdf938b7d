import { displayCode } from "../codes";
import { FONT } from "../layout/spec";
import { columnCharsFor, textWidthPt } from "../layout/textMetrics";
import { MergeResult } from "../merge";
import { summarizeScores } from "../summary";
import { columnBreaks, MIN_PRINT_SCALE } from "./print";
import {
  periodLabel,
  round2,
  stats,
  SUMMARY_FIRST_ROW,
  SUMMARY_HEADER_ROW,
  SUMMARY_SHEETS,
  SummarySheet,
  TableColumn,
  TableRow,
  TCell,
  unitColumn,
} from "./table";

/** Column width (in characters) that shows `pt` points of text with the cell's margins. */
const charsFor = (pt: number) => columnCharsFor(pt, { ...FONT, bold: true });

/** The widest word of a header (headers wrap between words) or a score, in bold where it is bold. */
function scoreColumnWidth(header: string): number {
  const words = header.split(/\s+/).filter(Boolean);
  const widest = Math.max(
    textWidthPt("100.00", FONT),
    ...words.map((w) => textWidthPt(w, { ...FONT, bold: true }))
  );
  return charsFor(widest);
}

/** Unit and indicator names wider than this (in characters) wrap onto a second line. */
const UNIT_COLUMN_MAX = 30;

/**
 * 1. Score matrix: one row per unit (in district code order), one column per item, with each
 * indicator's average after its items, each tool's average after its indicators and the estimated ITA
 * total last; the mean, lowest, highest and number of units under the pass mark of every column
 * below; a heat map. It prints in blocks of columns (an indicator kept on one page) with the unit
 * names and the header repeated on every page. Under the table: the key of the item codes (the
 * question of each item) and the indicator averages with their chart, each starting a page.
 */
export function scoresSheet(r: MergeResult): SummarySheet {
  const { catalog, merged, passMark } = r;
  const manyRounds = new Set(merged.map((m) => m.round)).size > 1;
  const units = merged.map((m) => unitColumn(m, manyRounds));
  const scoreOf = merged.map((m) => new Map(m.form.items.map((i) => [i.code, i.score])));
  const summaries = merged.map((_m, i) => summarizeScores(catalog, scoreOf[i], passMark));

  // Columns: what each holds for a unit, in the form's order.
  type Source = (u: number) => number | null;
  const cols: { header: string; value: Source }[] = [];
  const groupStarts: number[] = [];
  for (const tool of catalog.tools) {
    for (const ind of tool.indicators) {
      groupStarts.push(cols.length + 2);
      for (const item of ind.items)
        cols.push({
          header: displayCode(item.code),
          value: (u) => scoreOf[u].get(item.code) ?? null,
        });
      cols.push({
        header: `เฉลี่ย ตัวชี้วัด ${ind.number}`,
        value: (u) => summaries[u].indicators.find((x) => x.number === ind.number)!.mean,
      });
    }
    cols.push({
      header: `เฉลี่ย ${tool.id}`,
      value: (u) => summaries[u].tools.find((x) => x.id === tool.id)!.mean,
    });
  }
  groupStarts.push(cols.length + 2);
  cols.push({ header: "ITA โดยประมาณ", value: (u) => summaries[u].total });

  // Column A holds the unit names and, under the table, the indicator names of the chart.
  const indicatorNames = catalog.tools.flatMap((t) =>
    t.indicators.map((ind) => `${ind.number}. ${ind.name.th}`)
  );
  const unitWidth = Math.min(
    UNIT_COLUMN_MAX,
    Math.max(
      12,
      charsFor(Math.max(0, ...[...units, ...indicatorNames].map((u) => textWidthPt(u, FONT))))
    )
  );
  const columns: TableColumn[] = [
    { header: "หน่วยงาน", width: unitWidth, kind: "text" },
    ...cols.map((c) => ({
      header: c.header,
      width: scoreColumnWidth(c.header),
      kind: "score" as const,
    })),
  ];
  const n = columns.length;
  const blank = () => new Array<TCell>(n).fill(null);

  const rows: TableRow[] = [];
  const values = cols.map((c) => merged.map((_m, u) => c.value(u)));
  units.forEach((name, u) =>
    rows.push({ kind: "data", cells: [name, ...values.map((v) => v[u])] })
  );
  const lastUnitRow = SUMMARY_FIRST_ROW + rows.length - 1;
  const columnStats = values.map((v) => stats(v, passMark));
  const statRow = (kind: TableRow["kind"], label: string, k: number, numberFormat?: string) =>
    rows.push({ kind, cells: [label, ...columnStats.map((s) => s[k])], numberFormat });
  statRow("average", "ค่าเฉลี่ย", 0);
  statRow("average", "ต่ำสุด", 1);
  statRow("average", "สูงสุด", 2);
  statRow("total", `จำนวนหน่วยงานที่ต่ำกว่า ${passMark}`, 3, "0");

  const scale = MIN_PRINT_SCALE;
  const colBreaks = columnBreaks(columns, scale, 1, groupStarts);
  // The key and the chart take the width of the first printed block of columns.
  const keyLast = Math.max(6, Math.min(n, (colBreaks[0] ?? n + 1) - 1));
  const rowBreaks: number[] = [];

  // The key: each item code with its question.
  rowBreaks.push(SUMMARY_FIRST_ROW + rows.length);
  const keyRow = (kind: TableRow["kind"], code: string, text: string) => {
    const cells = blank();
    cells[0] = code;
    cells[1] = text;
    rows.push({ kind, cells, merge: { c1: 2, c2: keyLast }, span: keyLast });
  };
  keyRow("tool", "รหัส", "ประเด็นการประเมิน (คำถามของแต่ละข้อ)");
  for (const tool of catalog.tools)
    for (const ind of tool.indicators)
      for (const item of ind.items)
        keyRow(
          "data",
          displayCode(item.code),
          item.text || `${tool.name.th} ตัวชี้วัดที่ ${ind.number} ${ind.name.th}`
        );
  keyRow(
    "data",
    "ITA โดยประมาณ",
    // Not NACC's official score: an estimate from the item scores, labelled with its method.
    `คะแนนรวม ITA โดยประมาณ (ไม่ใช่คะแนนทางการ): ค่าเฉลี่ยของข้อในแต่ละแบบวัด × น้ำหนัก ${catalog.tools.map((t) => `${t.id} ${t.weight}`).join(" / ")}`
  );

  // Indicator averages across units (name | mean), the chart beside them, on a page of their own.
  rowBreaks.push(SUMMARY_FIRST_ROW + rows.length);
  const chartRow = (kind: TableRow["kind"], name: string, mean: TCell) =>
    rows.push({ kind, cells: [name, mean, ...blank().slice(2)], span: 2 });
  chartRow("tool", "ค่าเฉลี่ยรายตัวชี้วัด (ทุกหน่วยงาน)", "ค่าเฉลี่ย");
  const chartFirst = SUMMARY_FIRST_ROW + rows.length;
  for (const tool of catalog.tools)
    for (const ind of tool.indicators) {
      const avg = summaries
        .map((s) => s.indicators.find((x) => x.number === ind.number)!.mean)
        .filter((x): x is number => x !== null);
      chartRow(
        "data",
        `${ind.number}. ${ind.name.th}`,
        avg.length ? round2(avg.reduce((a, b) => a + b, 0) / avg.length) : null
      );
    }
  const chartLast = SUMMARY_FIRST_ROW + rows.length - 1;
  return {
    name: SUMMARY_SHEETS.scores,
    title: "สรุปคะแนน ITA รายหน่วยงาน",
    subtitle: periodLabel(r),
    columns,
    rows,
    freeze: { rows: SUMMARY_HEADER_ROW, cols: 1 },
    wrap: true,
    colorScale: merged.length
      ? { r1: SUMMARY_FIRST_ROW, c1: 2, r2: lastUnitRow, c2: n }
      : undefined,
    chart: merged.length
      ? {
          title: "ค่าเฉลี่ยรายตัวชี้วัด",
          categories: { r1: chartFirst, c1: 1, r2: chartLast, c2: 1 },
          values: { r1: chartFirst, c1: 2, r2: chartLast, c2: 2 },
          // Beside its table and as tall: to the end of the first printed block, on one page.
          anchor: { r1: chartFirst - 1, c1: 3, r2: chartLast, c2: keyLast },
        }
      : undefined,
    print: { scale, titleCols: 1, rowBreaks, colBreaks, overThenDown: true },
  };
}
