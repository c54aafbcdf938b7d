import type { FormItem, Issue, FormSheet, ScoreChange, SheetModel, SummarySheet } from "../domain";
import type { FormLookup, SheetForm } from "../excel/readForm";
import type { MeasuresWritten } from "../excel/actions";
import type { SplitResult } from "../excel/split";
import type { ScaffoldResult } from "../excel/writeForm";
import type { CellPhotoInput } from "../excel/photos";
import type { SummaryWriteOptions, SummaryWriteResult } from "../excel/writeSummary";

/** How the UI reaches Excel: `Excel.run` in the add-in, an in-memory host in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Everything the views ask of the workbook. */
export interface Gateway {
  sheetNames(): Promise<string[]>;
  /** Notes: finishing steps Excel refused (the form is complete without them). */
  scaffold(model: SheetModel): Promise<ScaffoldResult>;
  readActive(): Promise<SheetForm>;
  /** The form wherever the user is: the sheet named, the active sheet, the only form, or a choice. */
  locateFormSheet(sheet?: string): Promise<FormLookup>;
  mark(form: FormSheet, issues: readonly Issue[], protectedSheet: boolean): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
  writeScores(sheet: string, changes: readonly ScoreChange[]): Promise<void>;
  insertMeasures(form: FormSheet, item: FormItem, chosen: readonly string[]): Promise<string>;
  /** Standard measures for several items in one request (cells with text are skipped). */
  insertMeasuresMany(
    form: FormSheet,
    entries: readonly { item: FormItem; chosen: readonly string[] }[]
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
}
