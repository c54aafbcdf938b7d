import { Msg } from "./text";

/**
 * An error whose reason is shown to the user as it is, in Thai and English. The reader's, the Office.js
 * adapter's and the CLI's errors extend it, so the task pane and the CLI tell "say this to the user"
 * apart from a bug without importing each other.
 */
export class ReasonError extends Error {
  constructor(readonly reason: Msg) {
    super(reason.en);
  }
}
