import {
  CompareInputError,
  DEFAULT_CATALOG,
  msg,
  PeriodScores,
  previousFromSubmissions,
  Submission,
} from "../../domain";
import { fflateInflate } from "../../xlsx/read/fflateInflate";
import { FormFileError } from "../../xlsx/read/errors";
import { readSummaryPeriod } from "../../xlsx/read/previousSummary";
import { readSubmission } from "../../xlsx/read/submission";

/** A file as the pane has it: a name and its bytes (a browser File, or a test's stand-in). */
export interface PickedFile {
  name: string;
  bytes: () => Promise<Uint8Array>;
}

/** The names of the previous files in a message: the first few, then how many in all. */
export function sourceLabel(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(", ");
  return names.length > 3 ? `${shown} … (${names.length})` : shown;
}

/**
 * The previous period the user chose in the pane, read as `ita merge --compare` reads it: one summary
 * workbook written by ita (its data sheet), or the previous year's or round's district files, merged as
 * a merge reads them. Anything else is a CompareInputError in Thai and English naming the files: two
 * summaries, a summary with district files, files from which no report could be read.
 */
export async function readPreviousFiles(
  files: readonly PickedFile[],
  onFile?: (i: number, of: number) => void
): Promise<PeriodScores> {
  const summaries: PeriodScores[] = [];
  const subs: Submission[] = [];
  for (const [i, f] of files.entries()) {
    onFile?.(i + 1, files.length);
    let bytes: Uint8Array;
    try {
      bytes = await f.bytes();
    } catch (e) {
      subs.push({ file: f.name, error: unreadableReason(f.name, e) });
      continue;
    }
    let summary: PeriodScores | null = null;
    try {
      summary = readSummaryPeriod(f.name, bytes, fflateInflate);
    } catch (e) {
      // Not an .xlsx at all: the district reader below says why, as it does for the merged files.
      if (!(e instanceof FormFileError)) throw e;
    }
    if (summary) {
      summaries.push(summary);
      continue;
    }
    try {
      subs.push(
        ...readSubmission(f.name, bytes, { inflate: fflateInflate, catalog: DEFAULT_CATALOG })
      );
    } catch (e) {
      subs.push({ file: f.name, error: unreadableReason(f.name, e) });
    }
  }
  const names = files.map((f) => f.name);
  if (summaries.length) {
    if (files.length > 1) {
      const found = summaries.map((s) => s.source).join(", ");
      throw new CompareInputError(
        msg(
          `ไฟล์ครั้งก่อน ${sourceLabel(names)}: เลือกไฟล์สรุปได้ไฟล์เดียว หรือไฟล์รายงานของเขต ไม่ใช่ทั้งสองอย่างรวมกัน (พบไฟล์สรุป ${found})`,
          `Previous files ${sourceLabel(names)}: choose one summary file, or district files, not both (summaries found: ${found})`
        )
      );
    }
    return summaries[0];
  }
  return previousFromSubmissions(subs, sourceLabel(names), DEFAULT_CATALOG);
}

function unreadableReason(name: string, e: unknown) {
  if (e instanceof FormFileError) return e.reason;
  const detail = e instanceof Error ? e.message.slice(0, 160) : String(e);
  return msg(
    `อ่านไฟล์ ${name} ไม่ได้ (ไฟล์อาจถูกย้ายหรือเสีย) กรุณาเลือกใหม่`,
    `${name} could not be read (moved or damaged?): ${detail}; choose it again`
  );
}
