import { FormDef, DEFAULT_FORM } from "../../domain/catalog";
import { NotAFormError, readForm, FormSheet, UnknownFormError } from "../../domain/layout/read";
import { META_SHEET } from "../../domain/layout/spec";
import { Msg, msg } from "../../domain/text";
import { unitKey } from "../../domain/units";
import { baseName, FormFileError } from "./errors";
import { isSummaryBook } from "./previousSummary";
import { openXlsx, storedMetadataOf, SheetState, XlsxBook, XlsxGrid } from "./xlsxRead";
import { Inflater } from "./zip";

export interface ReadOptions {
  /** How entries are inflated: Node's zlib in the CLI, fflate in the task pane. */
  inflate: Inflater;
  /** The form to read against when a sheet does not name a form this build knows. */
  formDef?: FormDef;
}

/** A workbook with no form sheet at all (a spreadsheet that is not a report). */
export class NoFormSheetError extends FormFileError {
  constructor(
    file: string,
    reason: Msg,
    /** The workbook's sheets (the metadata sheet aside). */ readonly sheets: string[]
  ) {
    super(file, reason);
  }
}

/** A form sheet of a workbook, with what the file says about it. */
export interface SheetInBook {
  form: FormSheet;
  state: SheetState;
  grid: XlsxGrid;
}

const quoted = (names: string[], max = 10) =>
  names.length > max
    ? `${names
        .slice(0, max)
        .map((n) => `"${n}"`)
        .join(", ")} … (+${names.length - max})`
    : names.map((n) => `"${n}"`).join(", ") || "-";

/**
 * A score (or metadata value) that is a formula without a cached result would read as empty: Excel
 * always stores the result, so the file was written by a program that does not calculate.
 */
function checkCalculated(file: string, f: SheetInBook): void {
  if (!f.grid.uncalculated.size) return;
  const cells: string[] = [];
  for (const it of f.form.items)
    if (f.grid.uncalculated.has(it.cells.score)) cells.push(`${it.cells.score} (${it.code})`);
  for (const m of [f.form.unit, f.form.fiscalYear, f.form.round, f.form.passMark])
    if (m.cell && f.grid.uncalculated.has(m.cell)) cells.push(m.cell);
  if (!cells.length) return;
  const name = baseName(file);
  const list =
    cells.length > 5
      ? `${cells.slice(0, 5).join(", ")} … (+${cells.length - 5})`
      : cells.join(", ");
  throw new FormFileError(
    file,
    msg(
      `ไฟล์ ${name} ชีต "${f.form.sheet}" เซลล์ ${list}: เป็นสูตรที่ยังไม่เคยคำนวณ (ไม่มีผลลัพธ์ในไฟล์) กรุณาเปิดไฟล์ใน Excel บันทึก แล้วส่งใหม่`,
      `${name}, sheet "${f.form.sheet}", cell ${list}: a formula that was never calculated (the file holds no result); open the file in Excel, save it and send it again`
    )
  );
}

/**
 * Every reporting-form sheet of a workbook given as bytes, visible sheets first; throws FormFileError
 * (naming the file) when the bytes are not an xlsx or the workbook holds no form. Pure: used by the
 * CLI and the task pane.
 */
export function readFormSheets(file: string, bytes: Uint8Array, opts: ReadOptions): SheetInBook[] {
  return readFormBook(file, bytes, opts).sheets;
}

/** The form sheets of a workbook (see readFormSheets) and when the file says it was last saved. */
export function readFormBook(
  file: string,
  bytes: Uint8Array,
  opts: ReadOptions
): { sheets: SheetInBook[]; savedAt: string | null } {
  const book = openXlsx(file, bytes, opts.inflate);
  // The central office's summary has no report sheet to read: said as what it is.
  if (isSummaryBook(book)) {
    const name = baseName(file);
    throw new FormFileError(
      file,
      msg(
        `ไฟล์ ${name} เป็นไฟล์สรุปของส่วนกลางที่ ita merge เขียน ไม่ใช่รายงานของหน่วยงาน: ระบุไฟล์รายงานของหน่วยงาน (ไฟล์ที่หน่วยงานส่ง)`,
        `${name} is a central summary written by ita merge, not a unit's report: give the unit's report (the file the unit sent)`
      )
    );
  }
  return formsOfBook(book, opts.formDef);
}

/** The form sheets of an opened workbook (see readFormSheets) and when it was last saved. */
export function formsOfBook(
  book: XlsxBook,
  formDef: FormDef = DEFAULT_FORM
): { sheets: SheetInBook[]; savedAt: string | null } {
  const file = book.file;
  const stored = storedMetadataOf(book);
  const forms: SheetInBook[] = [];
  for (const sheet of book.sheets) {
    if (sheet.name === META_SHEET) continue;
    const grid = book.grid(sheet);
    let form: FormSheet;
    try {
      form = readForm(grid, formDef, stored.get(sheet.name) ?? new Map());
    } catch (e) {
      if (e instanceof UnknownFormError)
        throw new FormFileError(
          file,
          msg(`ไฟล์ ${baseName(file)}: ${e.reason.th}`, `${baseName(file)}: ${e.reason.en}`)
        );
      if (!(e instanceof NotAFormError)) throw e;
      continue;
    }
    const f = { form, state: sheet.state, grid };
    checkCalculated(file, f);
    forms.push(f);
  }
  if (!forms.length) {
    const name = baseName(file);
    const names = book.sheets.filter((s) => s.name !== META_SHEET).map((s) => s.name);
    const sheets = quoted(names);
    throw new NoFormSheetError(
      file,
      msg(
        `ไฟล์ ${name} ไม่มีชีตแบบรายงาน ITA (ชีตที่พบ: ${sheets}; ต้องมีหัวตาราง "ประเด็นการประเมิน" และ "คะแนน")`,
        `${name} has no ITA report sheet (sheets found: ${sheets}; a form has the headers "ประเด็นการประเมิน" and "คะแนน")`
      ),
      names
    );
  }
  const visible = (f: SheetInBook) => (f.state === "visible" ? 0 : 1);
  return { sheets: forms.sort((a, b) => visible(a) - visible(b)), savedAt: book.savedAt() };
}

/** Every form sheet of a workbook, visible sheets first (see readFormSheets). */
export function readFormsFromBytes(
  file: string,
  bytes: Uint8Array,
  opts: ReadOptions
): FormSheet[] {
  return readFormSheets(file, bytes, opts).map((f) => f.form);
}

const reportKey = (f: FormSheet) =>
  JSON.stringify([
    f.unit.value?.code ?? f.unit.raw,
    f.fiscalYear.value ?? f.fiscalYear.raw,
    f.round.value ?? f.round.raw,
  ]);

/**
 * The forms a file submits: its visible form sheets (hidden ones only when no form is visible — a
 * hidden sheet is most often the outdated original of a corrected copy). Two visible forms for the
 * same unit, year and round cannot both be meant: the file is refused, naming the sheets.
 */
export function submittedForms(file: string, sheets: SheetInBook[]): FormSheet[] {
  const shown = sheets.filter((f) => f.state === "visible");
  const forms = (shown.length ? shown : sheets).map((f) => f.form);
  const seen = new Map<string, FormSheet[]>();
  for (const f of forms) seen.set(reportKey(f), [...(seen.get(reportKey(f)) ?? []), f]);
  for (const same of seen.values()) {
    if (same.length < 2) continue;
    const name = baseName(file);
    const list = quoted(same.map((f) => f.sheet));
    const unit = same[0].unit.value;
    throw new FormFileError(
      file,
      msg(
        `ไฟล์ ${name} มีชีตแบบรายงานที่มองเห็นได้หลายชีตของหน่วยงาน ปี และรอบเดียวกัน (${list}) จึงไม่ทราบว่าชีตใดคือฉบับที่ส่ง กรุณาลบหรือซ่อนชีตที่ไม่ใช้ แล้วส่งใหม่`,
        `${name} has more than one visible report sheet for the same unit, year and round (${list}), so which one is meant is unclear; delete or hide the others and send it again`
      ),
      unit && same.every((f) => f.unit.value && unitKey(f.unit.value) === unitKey(unit))
        ? unit
        : undefined
    );
  }
  return forms;
}

/** Pick one form by sheet name (any form sheet, hidden too), or the one the file submits. */
export function pickForm(file: string, sheets: SheetInBook[], sheet?: string): FormSheet {
  if (sheet === undefined) return submittedForms(file, sheets)[0];
  const form = sheets.find((f) => f.form.sheet === sheet)?.form;
  if (!form) {
    const list = sheets.map((f) => f.form.sheet).join(", ");
    throw new FormFileError(
      file,
      msg(
        `ไม่พบชีตแบบรายงานชื่อ "${sheet}" (มี: ${list})`,
        `No report sheet named "${sheet}" (found: ${list})`
      )
    );
  }
  return form;
}
