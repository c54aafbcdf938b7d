import {
  Catalog,
  DEFAULT_CATALOG,
  META_SHEET,
  msg,
  NotAFormError,
  readForm,
  ReadForm,
} from "../../domain";
import { baseName, FormFileError } from "./errors";
import { openXlsx, storedMetadataOf } from "./xlsxRead";
import { Inflater } from "./zip";

export interface ReadOptions {
  /** How entries are inflated: Node's zlib in the CLI, fflate in the task pane. */
  inflate: Inflater;
  /** The form to read against when a sheet does not name a form this build knows. */
  catalog?: Catalog;
}

/**
 * Every reporting-form sheet of a workbook given as bytes; throws FormFileError (naming the file) when
 * the bytes are not an xlsx or the workbook holds no form. Pure: used by the CLI and the task pane.
 */
export function readFormsFromBytes(
  file: string,
  bytes: Uint8Array,
  { inflate, catalog = DEFAULT_CATALOG }: ReadOptions
): ReadForm[] {
  const book = openXlsx(file, bytes, inflate);
  const stored = storedMetadataOf(book);
  const forms: ReadForm[] = [];
  for (const sheet of book.sheets) {
    if (sheet.name === META_SHEET) continue;
    try {
      forms.push(readForm(book.grid(sheet), catalog, stored.get(sheet.name) ?? new Map()));
    } catch (e) {
      if (!(e instanceof NotAFormError)) throw e;
    }
  }
  if (!forms.length) {
    const name = baseName(file);
    const sheets =
      book.sheets
        .filter((s) => s.name !== META_SHEET)
        .map((s) => `"${s.name}"`)
        .join(", ") || "-";
    throw new FormFileError(
      file,
      msg(
        `ไฟล์ ${name} ไม่มีชีตแบบรายงาน ITA (ชีตที่พบ: ${sheets}; ต้องมีหัวตาราง "ประเด็นการประเมิน" และ "คะแนน")`,
        `${name} has no ITA report sheet (sheets found: ${sheets}; a form has the headers "ประเด็นการประเมิน" and "คะแนน")`
      )
    );
  }
  return forms;
}

/** Pick one form by sheet name (or the first); throws FormFileError listing the form sheets. */
export function pickForm(file: string, forms: ReadForm[], sheet?: string): ReadForm {
  if (sheet === undefined) return forms[0];
  const form = forms.find((f) => f.sheet === sheet);
  if (!form) {
    const sheets = forms.map((f) => f.sheet).join(", ");
    throw new FormFileError(
      file,
      msg(
        `ไม่พบชีตแบบรายงานชื่อ "${sheet}" (มี: ${sheets})`,
        `No report sheet named "${sheet}" (found: ${sheets})`
      )
    );
  }
  return form;
}
