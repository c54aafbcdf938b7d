import {
  bookProblemText,
  FormDef,
  FormDefError,
  formFromBook,
  loadFormDef,
  Msg,
  msg,
  ReasonError,
} from "../../domain";
import { openXlsx } from "./xlsxRead";
import { Inflater } from "./zip";

/**
 * A form file given as bytes — a form file (.json) or an edited form workbook (.xlsx, the book of
 * `ita form export`) — checked whole: the form, or every problem (for a workbook each with its sheet
 * and cell). Pure, so the task pane takes a form file with the same checks as the CLI.
 */
export function readFormDefBytes(
  name: string,
  bytes: Uint8Array,
  inflate: Inflater
): { form: FormDef; problems: [] } | { form: null; problems: Msg[] } {
  const fail = (...problems: Msg[]) => ({ form: null, problems });
  try {
    if (/\.json$/i.test(name)) {
      let data: unknown;
      try {
        data = JSON.parse(new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, ""));
      } catch (e) {
        return fail(
          msg(
            `ไฟล์แบบฟอร์ม ${name} ไม่ใช่ JSON ที่ถูกต้อง: ${(e as Error).message}`,
            `The form file ${name} is not valid JSON: ${(e as Error).message}`
          )
        );
      }
      return { form: loadFormDef(data, name), problems: [] };
    }
    const book = openXlsx(name, bytes, inflate);
    const result = formFromBook(book.sheets.map((s) => book.grid(s)));
    if (!result.form) return fail(...result.problems.map((p) => bookProblemText(name, p)));
    return { form: loadFormDef(result.form, name), problems: [] };
  } catch (e) {
    if (e instanceof FormDefError || e instanceof ReasonError) return fail(e.reason);
    throw e;
  }
}
