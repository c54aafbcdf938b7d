import { readFileSync, statSync } from "fs";
import path from "path";
import { FormDef } from "../domain/catalog";
import { FormSheet } from "../domain/layout/read";
import { msg } from "../domain/text";
import { nodeInflate } from "./nodeInflate";
import { FormFileError, MAX_FILE_BYTES } from "./read/errors";
import { pickForm, readFormSheets } from "./read/readForm";

/**
 * Read a file's bytes for the form reader: missing files, folders and oversized files get clear
 * messages. Synchronous inside: a merge reads hundreds of small files one after the other, and
 * the thread pool's round trips cost more than the reads.
 */
export async function readFileBytes(file: string): Promise<Uint8Array> {
  const name = path.basename(file);
  try {
    const stat = statSync(file);
    if (!stat.isFile())
      throw new FormFileError(file, msg(`${name} ไม่ใช่ไฟล์`, `${name} is not a file`));
    if (stat.size > MAX_FILE_BYTES) {
      throw new FormFileError(
        file,
        msg(
          `ไฟล์ ${name} ใหญ่เกิน ${MAX_FILE_BYTES / 1048576} MB`,
          `${name} is larger than ${MAX_FILE_BYTES / 1048576} MB`
        )
      );
    }
    const bytes = readFileSync(file);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  } catch (e) {
    if (e instanceof FormFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new FormFileError(file, msg(`ไม่พบไฟล์ ${file}`, `File not found: ${file}`));
    throw new FormFileError(
      file,
      msg(`อ่านไฟล์ ${name} ไม่ได้ (${code ?? "error"})`, `Cannot read ${name} (${code ?? String(e)})`)
    );
  }
}

/** Read one form from a file: the named sheet (hidden ones too), else the one the file submits. */
export async function readFormSheetFile(
  file: string,
  sheet?: string,
  formDef?: FormDef
): Promise<{ form: FormSheet; sheets: string[] }> {
  const sheets = readFormSheets(file, await readFileBytes(file), {
    inflate: nodeInflate,
    formDef: formDef,
  });
  return { form: pickForm(file, sheets, sheet), sheets: sheets.map((f) => f.form.sheet) };
}
