import { MergeResult, SubmissionStatus } from "../merge";
import { baseName, Msg } from "../text";
import {
  periodLabel,
  SUMMARY_HEADER_ROW,
  SUMMARY_SHEETS,
  SummarySheet,
  TableColumn,
  fitHeaders,
} from "./table";
import { textSheetPrint } from "./print";

/** The status words of a Thai sheet (the command line says them in both languages). */
const STATUS_LABEL: Record<SubmissionStatus, string> = {
  received: "ได้รับแล้ว",
  missing: "ยังไม่ส่ง",
  rejected: "ไม่รับ",
  duplicate: "ซ้ำ",
  superseded: "มีฉบับใหม่แทน",
};

/** 4. Submission status of every expected unit and every file. */
export function statusSheet(r: MergeResult): SummarySheet {
  const note = (m: Msg | null) => (m ? m.th : null);
  const columns: TableColumn[] = fitHeaders([
    // Most districts' names ("สำนักงานเขตบางกอกใหญ่"; 8 of 50 need more) and a sheet's name
    // ("ITA 2567 รอบ 6") on one line: 50 districts print on three pages, not five.
    { header: "รหัส", width: 8, kind: "text" },
    { header: "หน่วยงาน", width: 32, kind: "text" },
    { header: "สถานะ", width: 14, kind: "text" },
    { header: "ไฟล์", width: 18, kind: "text" },
    { header: "ชีต", width: 22, kind: "text" },
    { header: "แบบฟอร์ม", width: 10, kind: "text" },
    { header: "รอบ", width: 6, kind: "number" },
    { header: "ข้อผิดพลาด", width: 10, kind: "number" },
    { header: "คำเตือน", width: 9, kind: "number" },
    { header: "หมายเหตุ", width: 28, kind: "text" },
  ]);
  return {
    name: SUMMARY_SHEETS.status,
    title: "สถานะการส่งรายงาน",
    subtitle: `${periodLabel(r)} · ไม่รับ ${r.rejected.length} ไฟล์ · มีฉบับใหม่แทน ${r.superseded.length} ไฟล์ · ยังไม่ส่ง ${r.missing.length} หน่วยงาน`,
    columns,
    rows: r.status.map((s) => ({
      kind: "data" as const,
      cells: [
        s.code,
        s.unit,
        STATUS_LABEL[s.status],
        baseName(s.file),
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
    print: textSheetPrint(columns),
  };
}
