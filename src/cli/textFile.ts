import { Msg, msg } from "../domain/text";
import { readFileBytes } from "../xlsx/files";
import { kindWords, sniffKind } from "../xlsx/read/errors";
import { UserError } from "./args";

/**
 * A text file given to an option (`--expect LIST`, `--scores`, `--from SCORES.csv`): its text, or a
 * one-line refusal naming the file — a workbook, a PDF, a picture or any other binary file is named
 * for what it is, and a text that is not UTF-8 (a CSV saved as ANSI/TIS-620) says how to save it.
 * Never prints the file's bytes.
 */
export function textOf(
  file: string,
  bytes: Uint8Array,
  /** What the option takes: `รายการคะแนน` / `a scores list`. */ what: Msg
): string {
  const kind = sniffKind(bytes);
  const name = file.replace(/^.*[\\/]/, "");
  if (kind === "empty") throw new UserError(msg(`ไฟล์ ${name} ว่างเปล่า`, `${name} is empty`));
  if (kind !== "text" && kind !== "legacyText") {
    const it = kindWords(kind);
    throw new UserError(
      msg(
        `ไฟล์ ${name} เป็น${it.th} ไม่ใช่ไฟล์ข้อความ: ต้องเป็น${what.th}`,
        `${name} is ${it.en}, not a text file: give ${what.en}`
      )
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(
      msg(
        `ไฟล์ ${name} ไม่ใช่ข้อความ UTF-8 (อาจบันทึกเป็น ANSI/TIS-620): บันทึกใหม่เป็น UTF-8 (ใน Excel เลือก CSV UTF-8) แล้วลองอีกครั้ง — ต้องเป็น${what.th}`,
        `${name} is not UTF-8 text (saved as ANSI/TIS-620?): save it again as UTF-8 (in Excel, CSV UTF-8) and try again — give ${what.en}`
      )
    );
  }
  if (text.includes("\0"))
    throw new UserError(
      msg(
        `ไฟล์ ${name} ไม่ใช่ไฟล์ข้อความ (มีอักขระ NUL): ต้องเป็น${what.th}`,
        `${name} is not a text file (it holds NUL characters): give ${what.en}`
      )
    );
  return text.replace(/^\uFEFF/, "");
}

/** Read a text file given to an option (see textOf); a missing or unreadable file is named too. */
export async function readTextFile(file: string, what: Msg): Promise<string> {
  return textOf(file, await readFileBytes(file), what);
}
