import { Msg, msg, ReasonError } from "../../domain";

/** A file that cannot be read as a reporting form; the message names the file (and sheet or cell). */
export class FormFileError extends ReasonError {
  constructor(
    readonly file: string,
    reason: Msg
  ) {
    super(reason);
    this.message = `${file}: ${reason.en}`;
  }
}

/** Files above this size are refused before unpacking (a district form is a few tens of kB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

const startsWith = (head: Uint8Array, sig: number[]) => sig.every((b, i) => head[i] === b);

/** Check the first bytes, so that each kind of wrong file gets its own message. */
export function sniff(file: string, head: Uint8Array, size: number): void {
  const name = baseName(file);
  if (size === 0) throw new FormFileError(file, msg(`ไฟล์ ${name} ว่างเปล่า`, `${name} is empty`));
  if (size > MAX_FILE_BYTES) {
    throw new FormFileError(
      file,
      msg(
        `ไฟล์ ${name} ใหญ่เกิน ${MAX_FILE_BYTES / 1048576} MB`,
        `${name} is larger than ${MAX_FILE_BYTES / 1048576} MB`
      )
    );
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new FormFileError(
      file,
      msg(
        `ไฟล์ ${name} เป็นไฟล์ Excel แบบเก่า (.xls) หรือไฟล์ที่ตั้งรหัสผ่าน กรุณาบันทึกเป็น .xlsx โดยไม่ตั้งรหัสผ่าน`,
        `${name} is an old-format (.xls) or password-protected workbook; save it as .xlsx without a password`
      )
    );
  }
  if (!startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    throw new FormFileError(
      file,
      msg(`ไฟล์ ${name} ไม่ใช่ไฟล์ Excel (.xlsx)`, `${name} is not an Excel workbook (.xlsx)`)
    );
  }
}

export function corrupt(file: string, detail: string): FormFileError {
  const name = baseName(file);
  return new FormFileError(
    file,
    msg(
      `ไฟล์ ${name} เสียหายหรือไม่ใช่ไฟล์ .xlsx ที่ถูกต้อง (${detail})`,
      `${name} is corrupt or not a valid .xlsx file (${detail})`
    )
  );
}

export { baseName };
