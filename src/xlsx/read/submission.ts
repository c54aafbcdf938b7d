import { Submission } from "../../domain";
import { FormFileError } from "./errors";
import { readFormsFromBytes, ReadOptions } from "./readForm";

/**
 * One district file as the merge takes it: a submission per form sheet, or one rejection carrying the
 * reason (naming the file). The CLI and the task pane both read files through this.
 */
export function readSubmission(file: string, bytes: Uint8Array, opts: ReadOptions): Submission[] {
  try {
    return readFormsFromBytes(file, bytes, opts).map((form) => ({ file, form }));
  } catch (e) {
    if (!(e instanceof FormFileError)) throw e;
    return [{ file, error: e.reason }];
  }
}
