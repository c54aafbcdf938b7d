import { displayCode } from "../codes";
import { FONT } from "../layout/spec";
import { columnCharsFor, textWidthPt } from "../layout/textMetrics";
import { MergeResult } from "../merge";
import { textSheetPrint } from "./print";
import {
  fitHeaders,
  periodLabel,
  SUMMARY_HEADER_ROW,
  SUMMARY_SHEETS,
  SummarySheet,
  TableColumn,
  TableRow,
} from "./table";

/**
 * 2. The key of the score matrix: every item code with its question, under its tool and indicator,
 * and how the estimated total is made. A sheet of its own, so that the matrix's header row is not
 * printed over it.
 */
export function keySheet(r: MergeResult): SummarySheet {
  const { formDef: formDef } = r;
  const indicatorLabel = (n: number) => `ตัวชี้วัดที่ ${n}`;
  // The code column holds the indicator headings (bold) on one line.
  const bold = { ...FONT, bold: true };
  const codeWidth = Math.max(
    ...formDef.tools.flatMap((t) =>
      t.indicators.map((ind) => columnCharsFor(textWidthPt(indicatorLabel(ind.number), bold), bold))
    )
  );
  const columns: TableColumn[] = fitHeaders([
    { header: "รหัส", width: codeWidth, kind: "text" },
    { header: "ประเด็นการประเมิน (คำถามของแต่ละข้อ)", width: 110, kind: "text" },
  ]);
  const rows: TableRow[] = [];
  for (const tool of formDef.tools) {
    rows.push({ kind: "tool", cells: [tool.id, `${tool.name.th} (น้ำหนัก ${tool.weight})`] });
    for (const ind of tool.indicators) {
      rows.push({ kind: "indicator", cells: [indicatorLabel(ind.number), ind.name.th] });
      for (const item of ind.items)
        rows.push({
          kind: "data",
          cells: [
            displayCode(item.code),
            item.text || `${tool.name.th} ตัวชี้วัดที่ ${ind.number} ${ind.name.th}`,
          ],
        });
    }
  }
  rows.push({
    kind: "total",
    cells: [
      "ITA โดยประมาณ",
      // Not NACC's official score: an estimate from the item scores, labelled with its method.
      `คะแนนรวม ITA โดยประมาณ (ไม่ใช่คะแนนทางการ): ค่าเฉลี่ยของข้อในแต่ละแบบวัด × น้ำหนัก ${formDef.tools.map((t) => `${t.id} ${t.weight}`).join(" / ")} หน่วยงานที่คะแนนบางข้อว่าง ค่าเฉลี่ยที่รวมข้อนั้นและคะแนนรวมเว้นว่างไว้`,
    ],
  });
  return {
    name: SUMMARY_SHEETS.key,
    title: "รหัสข้อในสรุปคะแนน ITA",
    subtitle: `${periodLabel(r)} · แบบฟอร์มปี ${formDef.fiscalYear} ฉบับ ${formDef.version}`,
    columns,
    rows,
    freeze: { rows: SUMMARY_HEADER_ROW, cols: 1 },
    wrap: true,
    print: textSheetPrint(columns),
  };
}
