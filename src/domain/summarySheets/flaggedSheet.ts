import { MergedUnit, MergeResult } from "../merge";
import { shortBy } from "../score";
import {
  clampText,
  evidenceText,
  periodLabel,
  SUMMARY_HEADER_ROW,
  SUMMARY_SHEETS,
  SummarySheet,
  TableRow,
  TableColumn,
  splitTallRows,
  fitHeaders,
} from "./table";
import { textSheetPrint } from "./print";

/** 2. Items under the pass mark, the worst first. */
export function flaggedSheet(r: MergeResult): SummarySheet {
  const rows: TableRow[] = [];
  const flagged: { m: MergedUnit; code: string; score: number; order: number }[] = [];
  for (const m of r.merged)
    for (const f of m.validation.flags)
      flagged.push({ m, code: f.code, score: f.score, order: r.formDef.byCode.get(f.code)!.order });
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
        shortBy(f.score, r.passMark),
        clampText(it.measures),
        clampText(it.results),
        evidenceText(it),
      ],
    });
  }
  const columns: TableColumn[] = fitHeaders([
    { header: "หน่วยงาน", width: 24, kind: "text" },
    { header: "รหัส", width: 8, kind: "text" },
    { header: "ข้อ", width: 9, kind: "text" },
    { header: "คะแนน", width: 10, kind: "score" },
    { header: "ขาดอีก (คะแนน)", width: 10, kind: "score" },
    { header: "มาตรการ/กิจกรรม", width: 40, kind: "text" },
    { header: "ผลการดำเนินการ", width: 40, kind: "text" },
    { header: "หลักฐาน", width: 26, kind: "text" },
  ]);
  return {
    name: SUMMARY_SHEETS.flagged,
    title: `ข้อที่ได้คะแนนต่ำกว่าเกณฑ์ ${r.passMark}`,
    subtitle: periodLabel(r),
    columns,
    rows: splitTallRows(columns, rows),
    freeze: { rows: SUMMARY_HEADER_ROW, cols: 0 },
    wrap: true,
    print: textSheetPrint(columns),
  };
}
