import type { FormItem, Issue, FormSheet, ScoreChange, SheetModel, SummarySheet } from "../domain";
import type { FormLookup, SheetForm } from "../excel/readForm";
import type { MeasuresWritten } from "../excel/actions";
import type { FitResult, GrowResult } from "../excel/fit";
import type { SplitResult } from "../excel/split";
import type { ScaffoldResult } from "../excel/writeForm";
import type { CellPhotoInput } from "../excel/photos";
import type { SummaryWriteOptions, SummaryWriteResult } from "../excel/writeSummary";

/** How the UI reaches Excel: `Excel.run` in the add-in, an in-memory host in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A change in a watched sheet (`worksheet.onChanged`): where, and whether this add-in made it. */
export interface SheetChange {
  sheet: string;
  address: string;
  /** This add-in's own write (Excel says so from ExcelApi 1.14; older Excel cannot tell: false). */
  byAddin: boolean;
}

/** The workbook as a file (`Office.context.document.getFileAsync`), where the host can give it. */
export interface DocumentFiles {
  /** The host can give the workbook as PDF (requirement set PdfFile). */
  pdf: boolean;
  /** The workbook's bytes: its .xlsx (Compressed) or PDF. */
  file(type: "xlsx" | "pdf"): Promise<Uint8Array>;
}

/** Everything the views ask of the workbook. */
export interface Gateway {
  sheetNames(): Promise<string[]>;
  /** Notes: finishing steps Excel refused (the form is complete without them). */
  scaffold(model: SheetModel): Promise<ScaffoldResult>;
  readActive(): Promise<SheetForm>;
  /**
   * The form wherever the user is: the sheet named, the active sheet, the only form, or a choice;
   * with `geometry`, how it prints too (row heights, widths, breaks: one more request).
   */
  locateFormSheet(sheet?: string, opts?: { geometry?: boolean }): Promise<FormLookup>;
  mark(form: FormSheet, issues: readonly Issue[], protectedSheet: boolean): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
  /** Scores written as numbers (a cell shown as a percentage given the score's number format). */
  writeScores(
    sheet: string,
    changes: readonly ScoreChange[],
    protectedSheet?: boolean
  ): Promise<void>;
  /** An item's standard measures, in a cell of its own (split off an empty shared cell). */
  insertMeasures(
    form: FormSheet,
    item: FormItem,
    chosen: readonly string[],
    protectedSheet: boolean
  ): Promise<string>;
  /** Standard measures for several items (cells with text are skipped). */
  insertMeasuresMany(
    form: FormSheet,
    entries: readonly { item: FormItem; chosen: readonly string[] }[],
    protectedSheet: boolean
  ): Promise<MeasuresWritten[]>;
  /** Give an item of a measure group its own measures, results and evidence cells. */
  splitMeasures(form: FormSheet, code: string, protectedSheet: boolean): Promise<SplitResult>;
  /** A PNG or JPEG picture into an item's evidence cell, sized to fit. */
  insertPhoto(form: FormSheet, code: string, bytes: Uint8Array, base64: string): Promise<void>;
  /** The pictures over evidence cells of a form sheet, as base64 PNG, by cell. */
  photosIn(form: FormSheet, cells: readonly string[]): Promise<Map<string, string[]>>;
  /** Photos into cells of a sheet (each cell's area measured), side by side; how many were placed. */
  insertPhotos(
    sheet: string,
    photos: readonly (CellPhotoInput & { area: string })[]
  ): Promise<number>;
  writeSummary(sheets: SummarySheet[], opts: SummaryWriteOptions): Promise<SummaryWriteResult>;
  /** Lay the form sheet out again for print, writing only what changed. */
  fit(sheet: string): Promise<FitResult>;
  /** Grow the rows of changed cells to their text (after the user typed). */
  growRows(sheet: string, rows: readonly number[]): Promise<GrowResult>;
  /** Be told of changes to a sheet (`worksheet.onChanged`) until the returned function is called. */
  watch(sheet: string, onChange: (change: SheetChange) => void): Promise<() => Promise<void>>;
  /** The workbook as a file, or null when the host cannot give it (no CompressedFile). */
  document(): DocumentFiles | null;
}
