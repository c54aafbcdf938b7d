import { MergedUnit, MergeResult } from "../merge";
import { measureNumbers, unitDid } from "../report/numbers";
import { matchUnitMeasures } from "../report/unitMeasures";
import { shortBy } from "../score";
import {
  periodLabel,
  SUMMARY_HEADER_ROW,
  SUMMARY_SHEETS,
  SummarySheet,
  TableRow,
  TableColumn,
  splitTallRows,
  fitHeaders,
  fitScores,
  fitWords,
} from "./table";
import { textSheetPrint } from "./print";

/**
 * 2. Items under the pass mark, the worst first, with what the unit did for the item's measure group
 * by the report's numbers (counted from its results, as in the report). The units' texts are in the
 * measures sheet, below its printed part.
 */
export function flaggedSheet(r: MergeResult): SummarySheet {
  const rows: TableRow[] = [];
  const groups = matchUnitMeasures(r);
  const byGroup = new Map(groups.map((g) => [g.group, g]));
  const numbers = measureNumbers(r.formDef, groups);
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
    const group = r.formDef.byCode.get(f.code)!.measureGroup;
    rows.push({
      kind: "data",
      cells: [
        // The short name, as the score matrix has it (the code beside it).
        f.m.unit.th,
        f.m.unit.code,
        f.code,
        f.score,
        shortBy(f.score, r.passMark),
        unitDid(byGroup, numbers, group, f.m.key, [f.code]).text,
      ],
    });
  }
  if (rows.length)
    rows.push({
      kind: "data",
      cells: [
        "มาตรการตามหมายเลขในรายงาน Word และชีต ITA สรุปมาตรการ ข้อความของแต่ละหน่วยงานอยู่ในชีต ITA สรุปมาตรการ ใต้ส่วนที่พิมพ์",
        null,
        null,
        null,
        null,
        null,
      ],
      merge: { c1: 1, c2: 6 },
    });
  const columns: TableColumn[] = fitScores(
    fitHeaders([
      // As wide as the longest word of a name ("กรุงเทพมหานคร" of another unit's): never cut in it.
      fitWords(
        { header: "หน่วยงาน", width: 18, kind: "text" },
        flagged.map((f) => f.m.unit.th)
      ),
      { header: "รหัส", width: 8, kind: "text" },
      { header: "ข้อ", width: 9, kind: "text" },
      { header: "คะแนน", width: 10, kind: "score" },
      { header: "ขาดอีก (คะแนน)", width: 10, kind: "score" },
      { header: "สิ่งที่หน่วยงานดำเนินการในข้อนี้ (นับจากผลการดำเนินการ)", width: 82, kind: "text" },
    ]),
    rows
  );
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
