import { CompareInputError, PeriodScores } from "../../domain/compare";
import { readSummaryData, SUMMARY_DATA } from "../../domain/summarySheets/dataSheet";
import { SUMMARY_SHEETS } from "../../domain/summarySheets/table";
import { msg } from "../../domain/text";
import { baseName } from "./errors";
import { openXlsx, XlsxBook } from "./xlsxRead";
import { Inflater } from "./zip";

/**
 * A summary workbook written by this program, as a period to compare with: its hidden data sheet
 * (`SUMMARY_DATA`), read by the description the writer uses. Null when the workbook is not a summary
 * (a district file, say: the caller reads it as one); a CompareInputError naming the file when it is a
 * summary without usable data (an earlier version's, or its data edited). A file that is not an
 * .xlsx at all throws the reader's FormFileError. Pure: the CLI and the task pane can both use it.
 */
export function readSummaryPeriod(
  file: string,
  bytes: Uint8Array,
  inflate: Inflater
): PeriodScores | null {
  return summaryPeriodOf(openXlsx(file, bytes, inflate));
}

/** Whether an opened workbook is a summary written by this program (by its sheets' names). */
export function isSummaryBook(book: XlsxBook): boolean {
  const names = new Set<string>(Object.values(SUMMARY_SHEETS));
  return book.sheets.some((s) => names.has(s.name));
}

/** The period of an opened summary workbook (see readSummaryPeriod). */
export function summaryPeriodOf(book: XlsxBook): PeriodScores | null {
  const file = book.file;
  const data = book.sheets.find((s) => s.name === SUMMARY_DATA.sheet);
  if (data) return readSummaryData(book.grid(data), file);
  const summaryNames = new Set<string>(
    Object.values(SUMMARY_SHEETS).filter((n) => n !== SUMMARY_SHEETS.data)
  );
  if (book.sheets.some((s) => summaryNames.has(s.name))) {
    const name = baseName(file);
    throw new CompareInputError(
      msg(
        `ไฟล์ ${name} เป็นสรุปที่ไม่มีชีตข้อมูล "${SUMMARY_DATA.sheet}" (เขียนด้วยโปรแกรมรุ่นก่อน หรือชีตถูกลบ) จึงเปรียบเทียบไม่ได้ กรุณาระบุโฟลเดอร์ไฟล์รายงานของเขตของครั้งก่อนแทน`,
        `${name} is a summary without the data sheet "${SUMMARY_DATA.sheet}" (written by an earlier version, or the sheet was deleted), so it cannot be compared with; give the folder of the previous district files instead`
      )
    );
  }
  return null;
}
