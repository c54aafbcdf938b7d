import { displayCode } from "../codes";
import { FONT } from "../layout/spec";
import { columnCharsFor, textWidthPt } from "../layout/textMetrics";
import { MergeResult } from "../merge";
import { columnBreaks, MIN_PRINT_SCALE } from "./print";
import {
  fitHeaders,
  fitScores,
  periodLabel,
  stats,
  SUMMARY_FIRST_ROW,
  SUMMARY_HEADER_ROW,
  SUMMARY_SHEETS,
  SummarySheet,
  TableColumn,
  TableRow,
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
 * names and the header repeated on every page. The key of the item codes and the indicator averages
 * with their chart are sheets of their own (keySheet.ts, indicatorSheet.ts).
 */
export function scoresSheet(r: MergeResult): SummarySheet {
  const { formDef: formDef, merged, passMark } = r;
  const units = merged.map(unitColumn);
  const scoreOf = merged.map((m) => m.scores);
  const summaries = merged.map((m) => m.summary);

  // Columns: what each holds for a unit, in the form's order.
  type Source = (u: number) => number | null;
  const cols: { header: string; value: Source }[] = [];
  const groupStarts: number[] = [];
  for (const tool of formDef.tools) {
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

  // Column A holds the unit names.
  const unitWidth = Math.min(
    UNIT_COLUMN_MAX,
    Math.max(12, charsFor(Math.max(0, ...units.map((u) => textWidthPt(u, FONT)))))
  );
  let columns: TableColumn[] = fitHeaders([
    { header: "หน่วยงาน", width: unitWidth, kind: "text" },
    ...cols.map((c) => ({
      header: c.header,
      width: scoreColumnWidth(c.header),
      kind: "score" as const,
    })),
  ]);
  const n = columns.length;

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
  columns = fitScores(columns, rows);
  const colBreaks = columnBreaks(columns, scale, 1, groupStarts);
  return {
    name: SUMMARY_SHEETS.scores,
    title: "สรุปคะแนน ITA รายหน่วยงาน",
    subtitle: periodLabel(r),
    columns,
    rows,
    freeze: { rows: SUMMARY_HEADER_ROW, cols: 1 },
    wrap: true,
    colorScale: merged.length
      ? { r1: SUMMARY_FIRST_ROW, c1: 2, r2: lastUnitRow, c2: n, passMark }
      : undefined,
    print: { scale, titleCols: 1, rowBreaks: [], colBreaks, overThenDown: true },
  };
}
