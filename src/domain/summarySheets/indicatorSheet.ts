import { FONT } from "../layout/spec";
import { columnCharsFor, columnWidthPt, textWidthPt } from "../layout/textMetrics";
import { MergeResult } from "../merge";
import { printableWidthPt, textSheetPrint } from "./print";
import {
  fitHeaders,
  periodLabel,
  SUMMARY_FIRST_ROW,
  SUMMARY_HEADER_ROW,
  SUMMARY_SHEETS,
  SummarySheet,
  TableColumn,
  TableRow,
} from "./table";
import { round2 } from "../score";

/** Width in characters of a column the sheet does not size (Calibri 11, the file's Normal font). */
const DEFAULT_COLUMN_CHARS = 8.43;

/**
 * 3. The average of every indicator across the units, with its bar chart beside the table, on one
 * page of its own.
 */
export function indicatorSheet(r: MergeResult): SummarySheet {
  const { formDef: formDef, merged } = r;
  const summaries = merged.map((m) => m.summary);
  const names = formDef.tools.flatMap((t) =>
    t.indicators.map((ind) => `${ind.number}. ${ind.name.th}`)
  );
  // The names on one line each where a third of the page allows it; the chart takes the rest.
  const widest = Math.max(0, ...names.map((n) => textWidthPt(n, FONT)));
  const columns: TableColumn[] = fitHeaders([
    { header: "ตัวชี้วัด", width: Math.min(40, columnCharsFor(widest, FONT)), kind: "text" },
    { header: "ค่าเฉลี่ย (ทุกหน่วยงาน)", width: 14, kind: "score" },
  ]);
  const rows: TableRow[] = [];
  for (const tool of formDef.tools)
    for (const ind of tool.indicators) {
      const avg = summaries
        .map((s) => s.indicators.find((x) => x.number === ind.number)!.mean)
        .filter((x): x is number => x !== null);
      rows.push({
        kind: "data",
        cells: [
          names[rows.length],
          avg.length ? round2(avg.reduce((a, b) => a + b, 0) / avg.length) : null,
        ],
      });
    }
  const print = textSheetPrint(columns);
  // The chart takes the rest of the page's width beside the table, in columns of the default width.
  const room = (printableWidthPt() * 100) / print.scale;
  const used = columns.reduce((s, c) => s + columnWidthPt(c.width), 0);
  const chartCols = Math.max(4, Math.floor((room - used) / columnWidthPt(DEFAULT_COLUMN_CHARS)));
  const last = SUMMARY_FIRST_ROW + rows.length - 1;
  return {
    name: SUMMARY_SHEETS.indicators,
    title: "ค่าเฉลี่ยคะแนน ITA รายตัวชี้วัด",
    subtitle: periodLabel(r),
    columns,
    rows,
    freeze: { rows: SUMMARY_HEADER_ROW, cols: 0 },
    wrap: true,
    chart: merged.length
      ? {
          title: "ค่าเฉลี่ยรายตัวชี้วัด",
          categories: { r1: SUMMARY_FIRST_ROW, c1: 1, r2: last, c2: 1 },
          values: { r1: SUMMARY_FIRST_ROW, c1: 2, r2: last, c2: 2 },
          // Beside the table and as tall, from its header row: one page with it.
          anchor: { r1: SUMMARY_HEADER_ROW, c1: 3, r2: last, c2: 2 + chartCols },
        }
      : undefined,
    print,
  };
}
