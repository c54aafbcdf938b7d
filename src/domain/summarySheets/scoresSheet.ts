import { MergeResult } from "../merge";
import { summarizeScores } from "../summary";
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
      // Not NACC's official score: an estimate from the item scores, labelled with its method.
      `คะแนนรวม ITA โดยประมาณ (ค่าเฉลี่ยของข้อในแต่ละแบบวัด × น้ำหนัก ${catalog.tools.map((t) => `${t.id} ${t.weight}`).join(" / ")})`,
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
