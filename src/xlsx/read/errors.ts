import { ReasonError } from "../../domain/errors";
import { Msg, msg } from "../../domain/text";
import type { Unit } from "../../domain/units";
import { READ_LIMITS } from "./limits";

/** A file that cannot be read as a reporting form; the message names the file (and sheet or cell). */
export class FormFileError extends ReasonError {
  constructor(
    readonly file: string,
    reason: Msg,
    /** The unit the file's sheets all name, when it is refused for how they are (two of them). */
    readonly unit?: Unit
  ) {
    super(reason);
    this.message = `${file}: ${reason.en}`;
  }
}

/** Files above this size are refused before unpacking (a district form is a few tens of kB). */
export const MAX_FILE_BYTES = READ_LIMITS.fileBytes;

import { baseName } from "../../domain/text";
export { baseName };

/** A refusal whose Thai and English texts both start with the file's name. */
export function refuse(file: string, th: string, en: string): FormFileError {
  const name = baseName(file);
  return new FormFileError(file, msg(`ไฟล์ ${name} ${th}`, `${name} ${en}`));
}

/**
 * Damage that Excel itself would refuse or "repair": the detail says where (part, line, cell), in
 * the English text only.
 */
export function corrupt(file: string, detail: string): FormFileError {
  return refuse(
    file,
    // The detail is technical English, left out of the Thai; what to do is said in both languages.
    "เสียหายหรือไม่ใช่ไฟล์ .xlsx ที่ถูกต้อง ลองเปิดใน Excel แล้วบันทึกใหม่ หรือขอไฟล์ใหม่จากหน่วยงาน",
    `is corrupt or not a valid .xlsx file (${detail}): open it in Excel and save it again, or ask the unit for a new copy`
  );
}

/** Past one of READ_LIMITS: the file is refused, saying which limit. */
export function overLimit(file: string, th: string, en: string): FormFileError {
  return refuse(
    file,
    `${th} เกินขีดจำกัดของแบบรายงาน จึงไม่อ่าน`,
    `${en}, over the reader's limit for a report; not read`
  );
}

export function tooBig(file: string): FormFileError {
  return refuse(
    file,
    "เมื่อขยายแล้วใหญ่ผิดปกติ (อาจเป็น zip bomb) จึงไม่เปิด",
    "would unpack to an abnormal size (a zip bomb?) and was not opened"
  );
}

export function otherFormat(file: string, kind: Msg, advice: Msg): FormFileError {
  return refuse(
    file,
    `เป็น${kind.th} ไม่ใช่สมุดงาน Excel (.xlsx): ${advice.th}`,
    `is ${kind.en}, not an Excel workbook (.xlsx): ${advice.en}`
  );
}

const SAVE_AS_XLSX = msg(
  "เปิดไฟล์แล้วบันทึกเป็น Excel Workbook (.xlsx) แล้วส่งใหม่",
  "open it and save it as an Excel Workbook (.xlsx), then send it again"
);

/** A unit's report written up as a document: the merge needs the form itself. */
const SEND_THE_FORM = msg(
  "กรุณาส่งไฟล์ Excel (.xlsx) ของแบบรายงาน ไม่ใช่รายงานฉบับ Word หรือ PDF",
  "send the report's Excel form (.xlsx), not the Word or PDF report"
);

const SEND_THE_WORKBOOK = msg(
  "กรุณาส่งไฟล์ Excel (.xlsx) ของแบบรายงาน",
  "send the report's Excel file (.xlsx)"
);

/** Other formats a district may send, each with its own message. */
export const FORMATS = {
  ods: [
    msg("ไฟล์ OpenDocument Spreadsheet (.ods)", "an OpenDocument spreadsheet (.ods)"),
    SAVE_AS_XLSX,
  ],
  odf: [
    msg("เอกสาร OpenDocument (เช่น .odt)", "an OpenDocument document (such as .odt)"),
    SAVE_AS_XLSX,
  ],
  xlsb: [msg("สมุดงาน Excel แบบไบนารี (.xlsb)", "an Excel binary workbook (.xlsb)"), SAVE_AS_XLSX],
  docx: [msg("เอกสาร Word (.docx)", "a Word document (.docx)"), SEND_THE_FORM],
  doc: [msg("เอกสาร Word แบบเก่า (.doc)", "an old-format Word document (.doc)"), SEND_THE_FORM],
  pptx: [msg("งานนำเสนอ PowerPoint (.pptx)", "a PowerPoint presentation (.pptx)"), SAVE_AS_XLSX],
  numbers: [
    msg("ไฟล์ Apple Numbers", "an Apple Numbers file"),
    msg(
      "ใน Numbers เลือก ส่งออกเป็น > Excel (.xlsx) แล้วส่งใหม่",
      "in Numbers choose Export To > Excel (.xlsx), then send it again"
    ),
  ],
  zip: [msg("ไฟล์ zip ทั่วไป", "a plain zip archive"), SAVE_AS_XLSX],
  pdf: [msg("ไฟล์ PDF", "a PDF file"), SEND_THE_FORM],
  picture: [msg("ไฟล์รูปภาพ", "a picture"), SEND_THE_WORKBOOK],
  text: [msg("ไฟล์ข้อความ (เช่น CSV)", "a text file (such as CSV)"), SAVE_AS_XLSX],
  xml2003: [msg("ไฟล์ XML Spreadsheet 2003", "an XML Spreadsheet 2003 file"), SAVE_AS_XLSX],
  html: [msg("หน้าเว็บ (HTML)", "a web page (HTML)"), SAVE_AS_XLSX],
} satisfies Record<string, [Msg, Msg]>;

export type OtherFormat = keyof typeof FORMATS;

export function formatError(file: string, kind: OtherFormat): FormFileError {
  const [what, advice] = FORMATS[kind];
  return otherFormat(file, what, advice);
}

/**
 * A central report ita wrote (a Word document with its mark): refused as any Word document where a
 * form is wanted, and skipped by a merge (`readUnitFile`), which tells it apart by this class.
 */
export class OwnReportError extends FormFileError {}

const startsWith = (head: Uint8Array, sig: number[]) => sig.every((b, i) => head[i] === b);

/** Whether an OLE compound file names a stream (directory names are UTF-16LE). */
function oleHasStream(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
  const first = pattern[0];
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

function asciiHead(bytes: Uint8Array, n: number): string {
  let s = "";
  for (let i = 0; i < Math.min(n, bytes.length); i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/**
 * Whether the first bytes read as text (no control characters but tab and line ends): UTF-8 (or
 * ASCII), text in another encoding (a Thai CSV saved as TIS-620/ANSI), or not text at all.
 */
function textKind(bytes: Uint8Array): "utf8" | "legacy" | null {
  const head = bytes.subarray(0, 4096);
  for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) return null;
  try {
    // A multi-byte character cut at the end of the sample is not an error of the file.
    new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, lastWhole(head)));
    return "utf8";
  } catch {
    return "legacy";
  }
}

/** The length of `b` without a UTF-8 sequence cut at its end. */
function lastWhole(b: Uint8Array): number {
  let i = b.length;
  let k = 0;
  while (i > 0 && k < 4 && (b[i - 1] & 0xc0) === 0x80) {
    i--;
    k++;
  }
  if (i > 0 && b[i - 1] >= 0xc0) return i - 1;
  return b.length;
}

/** What a file's first bytes say it is (the size and the zip's contents aside). */
export type FileKind =
  | "empty"
  | "zip"
  | "doc"
  | "encrypted"
  | "xls"
  | "pdf"
  | "xml2003"
  | "html"
  | "picture"
  | "text"
  | "legacyText"
  | "binary";

/** Tell a file by its first bytes: the reader's sniffing, for any option that takes a file. */
export function sniffKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (oleHasStream(bytes, "WordDocument")) return "doc";
    if (oleHasStream(bytes, "EncryptedPackage")) return "encrypted";
    return "xls";
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return "zip";
  const head = asciiHead(bytes, 512).replace(/^\uFEFF|^ï»¿/, "");
  if (head.startsWith("%PDF-")) return "pdf";
  if (/^\s*<\?xml[^>]*\?>\s*(<\?mso-application\s+progid="Excel\.Sheet"|<Workbook\b)/i.test(head))
    return "xml2003";
  if (/^\s*(<!doctype html|<html\b)/i.test(head)) return "html";
  if (
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    head.startsWith("GIF8") ||
    (head.startsWith("RIFF") && head.slice(8, 12) === "WEBP") ||
    /^(II\*\0|MM\0\*)/.test(head) ||
    head.slice(4, 12) === "ftypheic"
  )
    return "picture";
  const text = textKind(bytes);
  return text === "utf8" ? "text" : text === "legacy" ? "legacyText" : "binary";
}

/** Check the first bytes, so that each kind of wrong file gets its own message. */
export function sniff(file: string, bytes: Uint8Array, size = bytes.length): void {
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
  const kind = sniffKind(bytes);
  switch (kind) {
    case "zip":
      return;
    case "doc":
      throw formatError(file, "doc");
    case "encrypted":
      throw refuse(
        file,
        "ถูกตั้งรหัสผ่าน (เข้ารหัสไว้) กรุณาเอารหัสผ่านออกแล้วบันทึกเป็น .xlsx",
        "is password-protected (encrypted); remove the password and save it as .xlsx"
      );
    case "xls":
      throw new FormFileError(
        file,
        msg(
          `ไฟล์ ${name} เป็นไฟล์ Excel แบบเก่า (.xls) หรือไฟล์ที่ตั้งรหัสผ่าน กรุณาบันทึกเป็น .xlsx โดยไม่ตั้งรหัสผ่าน`,
          `${name} is an old-format (.xls) or password-protected workbook; save it as .xlsx without a password`
        )
      );
    case "pdf":
    case "xml2003":
    case "html":
    case "picture":
    case "text":
      throw formatError(file, kind);
    case "legacyText":
      throw formatError(file, "text");
    default:
      throw new FormFileError(
        file,
        msg(`ไฟล์ ${name} ไม่ใช่ไฟล์ Excel (.xlsx)`, `${name} is not an Excel workbook (.xlsx)`)
      );
  }
}

/** What a file other than a workbook is, by its first bytes (for the one-line refusal). */
export function kindWords(kind: FileKind): Msg {
  switch (kind) {
    case "empty":
      return msg("ไฟล์ว่าง", "an empty file");
    case "doc":
      return FORMATS.doc[0];
    case "encrypted":
      return msg("ไฟล์ที่ตั้งรหัสผ่าน", "a password-protected file");
    case "xls":
      return msg("ไฟล์ Excel แบบเก่า (.xls)", "an old-format Excel file (.xls)");
    case "pdf":
    case "xml2003":
    case "html":
    case "picture":
    case "text":
      return FORMATS[kind][0];
    case "zip":
      return msg("สมุดงาน Excel หรือไฟล์ zip", "an Excel workbook or a zip archive");
    case "legacyText":
      return msg("ไฟล์ข้อความที่ไม่ใช่ UTF-8", "a text file not in UTF-8");
    default:
      return msg("ไฟล์ไบนารีที่ไม่ใช่สมุดงาน Excel", "a binary file that is not an Excel workbook");
  }
}
