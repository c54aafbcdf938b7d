import type { PeriodScores } from "../../domain/compare";
import type { Submission } from "../../domain/merge";
import { ReasonError } from "../../domain/errors";
import type { Msg } from "../../domain/text";
import { FormFileError, OwnReportError } from "./errors";
import { isSummaryBook, summaryPeriodOf } from "./previousSummary";
import { formsOfBook, readFormBook, ReadOptions, submittedForms } from "./readForm";
import { openXlsx } from "./xlsxRead";

/**
 * One district file as the merge takes it: a submission per form the file submits (its visible form
 * sheets), or one rejection carrying the reason (naming the file). The CLI and the task pane both
 * read files through this. Each submission carries the saved time the file gives (`savedAt`, from its
 * core properties); the caller fills in the file system's time when the file gives none.
 */
export function readSubmission(file: string, bytes: Uint8Array, opts: ReadOptions): Submission[] {
  try {
    const book = readFormBook(file, bytes, opts);
    const saved = book.savedAt ? { at: book.savedAt, source: "properties" as const } : null;
    return submittedForms(file, book.sheets).map((form) => ({ file, form, saved }));
  } catch (e) {
    if (!(e instanceof FormFileError)) throw e;
    return [{ file, error: e.reason, ...(e.unit ? { unit: e.unit } : {}) }];
  }
}

/** A file given to a merge: a unit's report (its submissions, or why it is refused), or a summary. */
export type UnitFile =
  | { kind: "report"; subs: Submission[] }
  /** A summary written by `ita merge`: its period, or why its data cannot be read. */
  | { kind: "summary"; period: PeriodScores | null; problem: Msg | null }
  /** A central report (Word) written by `ita merge`: an earlier merge's output, not a unit's. */
  | { kind: "own-report" };

/**
 * Read a file given to a merge, opening it once: a summary this program wrote (recognised by its
 * sheets, so that a merge's own earlier output in the folder is not taken for a unit's report), a
 * central report it wrote (by its document property), or a unit's report read as readSubmission
 * reads it.
 */
export function readUnitFile(file: string, bytes: Uint8Array, opts: ReadOptions): UnitFile {
  let book;
  try {
    book = openXlsx(file, bytes, opts.inflate);
    if (isSummaryBook(book)) {
      try {
        return { kind: "summary", period: summaryPeriodOf(book), problem: null };
      } catch (e) {
        if (!(e instanceof ReasonError)) throw e;
        return { kind: "summary", period: null, problem: e.reason };
      }
    }
    const read = formsOfBook(book, opts.formDef);
    const saved = read.savedAt ? { at: read.savedAt, source: "properties" as const } : null;
    return {
      kind: "report",
      subs: submittedForms(file, read.sheets).map((form) => ({ file, form, saved })),
    };
  } catch (e) {
    if (e instanceof OwnReportError) return { kind: "own-report" };
    if (!(e instanceof FormFileError)) throw e;
    return {
      kind: "report",
      subs: [{ file, error: e.reason, ...(e.unit ? { unit: e.unit } : {}) }],
    };
  }
}
