import type { Submission } from "../../domain/merge";
import { FormFileError } from "./errors";
import { readFormBook, ReadOptions, submittedForms } from "./readForm";

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
    return [{ file, error: e.reason }];
  }
}
