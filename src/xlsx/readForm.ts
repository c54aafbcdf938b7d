import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import {
  Catalog,
  CellGrid,
  CellRange,
  DEFAULT_CATALOG,
  GridCell,
  META_SHEET,
  Msg,
  msg,
  NotAFormError,
  parseRange,
  readForm,
  ReadForm,
  StoredMeta,
} from "../domain";

/** A file that cannot be read as a reporting form; the message names the file (and sheet or cell). */
export class FormFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: Msg
  ) {
    super(`${file}: ${reason.en}`);
  }
}

/** Files above this size are refused before unpacking (a district form is a few hundred kB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Check the bytes before handing a file to ExcelJS, so that each kind of wrong file gets its own message. */
export function sniff(file: string, head: Buffer, size: number): void {
  const name = path.basename(file);
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
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new FormFileError(
      file,
      msg(
        `ไฟล์ ${name} เป็นไฟล์ Excel แบบเก่า (.xls) หรือไฟล์ที่ตั้งรหัสผ่าน กรุณาบันทึกเป็น .xlsx โดยไม่ตั้งรหัสผ่าน`,
        `${name} is an old-format (.xls) or password-protected workbook; save it as .xlsx without a password`
      )
    );
  }
  if (!head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new FormFileError(
      file,
      msg(`ไฟล์ ${name} ไม่ใช่ไฟล์ Excel (.xlsx)`, `${name} is not an Excel workbook (.xlsx)`)
    );
  }
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const name = path.basename(file);
  let buf: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile())
      throw new FormFileError(file, msg(`${name} ไม่ใช่ไฟล์`, `${name} is not a file`));
    const fh = await fs.open(file, "r");
    try {
      const head = Buffer.alloc(8);
      await fh.read(head, 0, 8, 0);
      sniff(file, head, stat.size);
    } finally {
      await fh.close();
    }
    buf = await fs.readFile(file);
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
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new FormFileError(
      file,
      msg(
        `ไฟล์ ${name} เสียหายหรือไม่ใช่ไฟล์ .xlsx ที่ถูกต้อง`,
        `${name} is corrupt or not a valid .xlsx file (${(e as Error).message.slice(0, 120)})`
      )
    );
  }
  return wb;
}

/** A cell's value as the reader wants it: formula results, flattened rich text, hyperlinks with their address. */
export function gridValue(v: ExcelJS.CellValue): GridCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join("");
    if ("hyperlink" in v) {
      const text = typeof v.text === "string" ? v.text : gridValue(v.text as ExcelJS.CellValue);
      const link = String(v.hyperlink ?? "");
      return text && String(text).includes(link) ? text : [text, link].filter(Boolean).join(" ");
    }
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      return result === undefined ? null : gridValue(result as ExcelJS.CellValue);
    }
    if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

/** A CellGrid over an ExcelJS worksheet. Merged cells keep their value in the top-left cell only. */
export function gridFromWorksheet(ws: ExcelJS.Worksheet): CellGrid {
  const rows: GridCell[][] = [];
  let colCount = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: GridCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      out[c - 1] = gridValue(cell.value);
    });
    rows[r - 1] = out;
    colCount = Math.max(colCount, out.length);
  });
  const merges: CellRange[] = [];
  for (const m of (ws.model as { merges?: string[] }).merges ?? []) {
    const rg = parseRange(m);
    if (rg) merges.push(rg);
  }
  return {
    name: ws.name,
    rowCount: rows.length,
    colCount,
    raw: (r, c) => rows[r - 1]?.[c - 1] ?? null,
    merges,
  };
}

/** The hidden metadata, by form sheet name. */
export function storedMetadata(wb: ExcelJS.Workbook): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws) return out;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r === 1) return;
    const [sheet, key, value] = [1, 2, 3].map((c) => String(gridValue(row.getCell(c).value) ?? ""));
    if (!sheet || !key) return;
    const m = out.get(sheet) ?? new Map<string, string>();
    m.set(key, value);
    out.set(sheet, m);
  });
  return out;
}

/** Every reporting-form sheet of a workbook; throws FormFileError when there is none. */
export function readFormsFromWorkbook(
  wb: ExcelJS.Workbook,
  file: string,
  catalog: Catalog = DEFAULT_CATALOG
): ReadForm[] {
  const stored = storedMetadata(wb);
  const forms: ReadForm[] = [];
  for (const ws of wb.worksheets) {
    if (ws.name === META_SHEET) continue;
    try {
      forms.push(
        readForm(gridFromWorksheet(ws), catalog, (stored.get(ws.name) ?? new Map()) as StoredMeta)
      );
    } catch (e) {
      if (!(e instanceof NotAFormError)) throw e;
    }
  }
  if (!forms.length) {
    const name = path.basename(file);
    const sheets =
      wb.worksheets
        .filter((w) => w.name !== META_SHEET)
        .map((w) => `"${w.name}"`)
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

/** Read one form from a file: the named sheet, or the first form sheet. */
export async function readFormFile(
  file: string,
  sheet?: string
): Promise<{ form: ReadForm; sheets: string[] }> {
  const wb = await loadWorkbook(file);
  const forms = readFormsFromWorkbook(wb, file);
  const sheets = forms.map((f) => f.sheet);
  if (sheet === undefined) return { form: forms[0], sheets };
  const form = forms.find((f) => f.sheet === sheet);
  if (!form) {
    throw new FormFileError(
      file,
      msg(
        `ไม่พบชีตแบบรายงานชื่อ "${sheet}" (มี: ${sheets.join(", ")})`,
        `No report sheet named "${sheet}" (found: ${sheets.join(", ")})`
      )
    );
  }
  return { form, sheets };
}
