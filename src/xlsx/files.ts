import { promises as fs } from "fs";
import path from "path";
import zlib from "zlib";
import { msg, ReadForm } from "../domain";
import { FormFileError, MAX_FILE_BYTES } from "./errors";
import { pickForm, readFormsFromBytes } from "./readForm";
import { useInflater } from "./zip";

// In Node the reader inflates with the native zlib (maxOutputLength keeps the declared-size cap).
useInflater(
  (data, size) => new Uint8Array(zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size) }))
);

/** Read a file's bytes for the form reader: missing files, folders and oversized files get clear messages. */
export async function readFileBytes(file: string): Promise<Uint8Array> {
  const name = path.basename(file);
  try {
    const stat = await fs.stat(file);
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
    return new Uint8Array(await fs.readFile(file));
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

/** Read one form from a file: the named sheet, or the first form sheet. */
export async function readFormFile(
  file: string,
  sheet?: string
): Promise<{ form: ReadForm; sheets: string[] }> {
  const forms = readFormsFromBytes(file, await readFileBytes(file));
  return { form: pickForm(file, forms, sheet), sheets: forms.map((f) => f.sheet) };
}
