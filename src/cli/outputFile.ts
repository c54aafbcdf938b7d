import { statSync, type Stats } from "fs";
import path from "path";
import { Msg, msg } from "../domain";
import { ReasonError } from "../domain/errors";
import { readFileBytes } from "../xlsx/files";
import { OwnReportError } from "../xlsx/read/errors";
import { nodeInflate } from "../xlsx/nodeInflate";
import { isSummaryBook } from "../xlsx/read/previousSummary";
import { formsOfBook, NoFormSheetError } from "../xlsx/read/readForm";
import { openXlsx } from "../xlsx/read/xlsxRead";
import { UserError } from "./args";

/** What every command's output file must not be: a unit's report, or the file it reads. */

export const statOrNull = (p: string): Stats | null => {
  try {
    return statSync(p);
  } catch {
    return null;
  }
};

/** What makes two paths the same file: device and inode when it exists, else the resolved path. */
export function identity(file: string, st = statOrNull(file)): string {
  // A sync stat: hundreds of them cost less than the thread pool.
  return st ? `${st.dev}:${st.ino}` : path.resolve(file);
}

/** The same file on disk (the same path, a link, the same inode). */
export const sameFile = (a: string, b: string): boolean =>
  path.resolve(a) === path.resolve(b) || identity(a) === identity(b);

/** What an existing file at an output's path is: a summary or central report ita wrote, a unit's report, or else. */
export type ExistingKind = "ita" | "unit" | "other";

/**
 * What a file on disk is, read once: a summary or central report ita wrote (a merge skips it and may
 * replace it); a unit's report — a workbook with a form sheet, also one that cannot be merged as it
 * is (a form this build does not know, scores never calculated); or anything else (a workbook
 * without a form, a file that is not a workbook).
 */
export async function existingKind(file: string): Promise<ExistingKind> {
  let book;
  try {
    book = openXlsx(file, await readFileBytes(file), nodeInflate);
  } catch (e) {
    if (e instanceof OwnReportError) return "ita";
    if (e instanceof ReasonError) return "other";
    throw e;
  }
  if (isSummaryBook(book)) return "ita";
  try {
    return formsOfBook(book).sheets.length > 0 ? "unit" : "other";
  } catch (e) {
    if (e instanceof NoFormSheetError) return "other";
    if (e instanceof ReasonError) return "unit"; // a form sheet that is not read as it is
    throw e;
  }
}

/** The refusal of an output that is an existing unit's report. */
export const unitReportRefusal = (out: string, what: Msg): UserError =>
  new UserError(
    msg(
      `${what.th} ${out} เป็นไฟล์รายงานของหน่วยงานที่มีอยู่แล้ว จึงไม่เขียนทับ กรุณาระบุชื่ออื่นหรือโฟลเดอร์อื่น (หรือย้ายไฟล์เดิมออกก่อน)`,
      `${what.en} ${out} is an existing unit's report; it is not overwritten. Give another name or folder (or move the existing file first)`
    )
  );

/**
 * Refuse, before anything is written, an output that exists and is a unit's report: a name typed
 * onto a filled form would replace the unit's work with a blank form or a summary.
 */
export async function refuseUnitReport(
  out: string,
  what: Msg = msg("ไฟล์ผลลัพธ์", "The output file"),
  st: Stats | null = statOrNull(out)
): Promise<void> {
  if (st?.isFile() && (await existingKind(out)) === "unit") throw unitReportRefusal(out, what);
}
