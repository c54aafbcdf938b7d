/**
 * An earlier report given as a file, to start a new report from (`ita scaffold --from EARLIER.xlsx`,
 * and the create view's chosen file): one form sheet of a unit's report, or one clear refusal naming
 * the file and what it is — a central summary written by ita merge, a form book, another
 * spreadsheet, a PDF, a picture or any other file — never its bytes. Pure: the CLI and the pane both
 * read through it.
 */
import { FormDef, isFormBookSheets } from "../../domain/catalog";
import { mergeResolver } from "../../domain/layout/grid";
import { addr, parseRange } from "../../domain/layout/a1";
import { FormSheet } from "../../domain/layout/read";
import { periodOrder } from "../../domain/period";
import { Msg, msg } from "../../domain/text";
import { baseName, FormFileError, kindWords, sniffKind } from "./errors";
import { isSummaryBook } from "./previousSummary";
import { formsOfBook, NoFormSheetError, pickForm, submittedForms } from "./readForm";
import { openXlsx, SheetImage } from "./xlsxRead";
import { Inflater } from "./zip";

export interface EarlierReport {
  form: FormSheet;
  /** The workbook's form sheets (to choose another with --sheet, or in the pane). */
  sheets: string[];
  /** The pictures over the given evidence cells (an item's cell, or its merged area), by cell. */
  photosIn(cells: readonly string[]): Map<string, SheetImage[]>;
}

const GIVE_REPORT = msg(
  "ระบุไฟล์ Excel (.xlsx) ของรายงานครั้งก่อนของหน่วยงาน",
  "give the unit's earlier report as its Excel file (.xlsx)"
);

/** `ไฟล์ X เป็น… ไม่ใช่รายงานของหน่วยงาน: …` / `X is …, not a unit's report: …`. */
export function notAReport(file: string, what: Msg, advice: Msg = GIVE_REPORT): FormFileError {
  const name = baseName(file);
  return new FormFileError(
    file,
    msg(
      `ไฟล์ ${name} เป็น${what.th} ไม่ใช่รายงานของหน่วยงาน: ${advice.th}`,
      `${name} is ${what.en}, not a unit's report: ${advice.en}`
    )
  );
}

/**
 * Read an earlier report: the sheet named (hidden ones too), else the latest of those the file
 * submits. Throws
 * FormFileError (naming the file and what it is) for anything else.
 */
export function readEarlierReport(
  file: string,
  bytes: Uint8Array,
  opts: { inflate: Inflater; formDef?: FormDef; sheet?: string }
): EarlierReport {
  const kind = sniffKind(bytes);
  if (kind !== "zip") throw notAReport(file, kindWords(kind));
  const book = openXlsx(file, bytes, opts.inflate);
  if (isSummaryBook(book))
    throw notAReport(
      file,
      msg("ไฟล์สรุปของส่วนกลางที่ ita merge เขียน", "a central summary written by ita merge"),
      msg(
        "ระบุไฟล์รายงานครั้งก่อนของหน่วยงานเอง (ไฟล์ที่หน่วยงานส่ง)",
        "give the unit's own earlier report (the file the unit sent)"
      )
    );
  if (isFormBookSheets(book.sheets.map((s) => s.name)))
    throw notAReport(file, msg("สมุดงานแบบฟอร์ม (ita form export)", "a form book (ita form export)"));
  let read;
  try {
    read = formsOfBook(book, opts.formDef);
  } catch (e) {
    if (!(e instanceof NoFormSheetError)) throw e;
    const list = e.sheets.length ? e.sheets.map((n) => `"${n}"`).join(", ") : "-";
    throw notAReport(
      file,
      msg(
        `สมุดงาน Excel ที่ไม่มีชีตแบบรายงาน ITA (ชีตที่พบ: ${list})`,
        `a workbook with no ITA report sheet (sheets found: ${list})`
      )
    );
  }
  // The sheet named; else, of the sheets the file submits, the latest report.
  const form =
    opts.sheet !== undefined
      ? pickForm(file, read.sheets, opts.sheet)
      : [...submittedForms(file, read.sheets)].sort(
          (a, b) =>
            periodOrder(b.fiscalYear.value ?? 0, b.round.value) -
            periodOrder(a.fiscalYear.value ?? 0, a.round.value)
        )[0];
  const picked = read.sheets.find((s) => s.form === form)!;
  return {
    form,
    sheets: read.sheets.map((s) => s.form.sheet),
    photosIn(cells) {
      const out = new Map<string, SheetImage[]>();
      if (!picked.grid.pictures.length) return out;
      const sheet = book.sheets.find((s) => s.name === form.sheet)!;
      const images = book.images(sheet);
      const resolve = mergeResolver(picked.grid);
      const areas = new Map(picked.grid.merges.map((m) => [addr(m.r1, m.c1), m]));
      for (const cell of cells) {
        const at = parseRange(cell);
        if (!at) continue;
        const top = resolve(at.r1, at.c1);
        const area = areas.get(addr(top.row, top.col)) ?? at;
        const inside = images.filter(
          (p) => p.row >= area.r1 && p.row <= area.r2 && p.col >= area.c1 && p.col <= area.c2
        );
        if (inside.length) out.set(cell, inside);
      }
      return out;
    },
  };
}
