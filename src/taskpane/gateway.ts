import type {
  CatalogItem,
  Issue,
  ReadForm,
  ScoreChange,
  SheetModel,
  SummarySheet,
} from "../domain";
import type { FormLookup, SheetForm } from "../excel/readForm";
import type { MeasuresWritten } from "../excel/actions";
import type { SplitResult } from "../excel/split";
import type { ScaffoldResult } from "../excel/writeForm";
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
  findForm(sheet?: string): Promise<FormLookup>;
  mark(form: ReadForm, issues: readonly Issue[], protectedSheet: boolean): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
  writeScores(sheet: string, changes: readonly ScoreChange[]): Promise<void>;
  insertMeasures(form: ReadForm, item: CatalogItem, chosen: readonly string[]): Promise<string>;
  /** Standard measures for several items in one request (cells with text are skipped). */
  insertMeasuresMany(
    form: ReadForm,
    entries: readonly { item: CatalogItem; chosen: readonly string[] }[]
  ): Promise<MeasuresWritten[]>;
  /** Give an item of a measure group its own measures, results and evidence cells. */
  splitMeasures(form: ReadForm, code: string, protectedSheet: boolean): Promise<SplitResult>;
  /** A PNG or JPEG picture into an item's evidence cell, sized to fit. */
  insertPhoto(form: ReadForm, code: string, bytes: Uint8Array, base64: string): Promise<void>;
  writeSummary(sheets: SummarySheet[], opts: SummaryWriteOptions): Promise<SummaryWriteResult>;
}
