import { Submission } from "../../domain";
import { FormFileError } from "./errors";
import { readFormSheets, ReadOptions, submittedForms } from "./readForm";

/**
 * One district file as the merge takes it: a submission per form the file submits (its visible form
 * sheets), or one rejection carrying the reason (naming the file). The CLI and the task pane both
 * read files through this.
 */
export function readSubmission(file: string, bytes: Uint8Array, opts: ReadOptions): Submission[] {
  try {
    return submittedForms(file, readFormSheets(file, bytes, opts)).map((form) => ({ file, form }));
  } catch (e) {
    if (!(e instanceof FormFileError)) throw e;
    return [{ file, error: e.reason }];
  }
}
