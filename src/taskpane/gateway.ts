import type { CatalogItem, Issue, ReadForm, SheetModel, SummarySheet } from "../domain";
import type { MarkStore, ScoreChange, SheetForm, SummaryWriteOptions } from "../excel";

/** How the UI reaches Excel: `Excel.run` in the add-in, an in-memory host in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Everything the views ask of the workbook. */
export interface Gateway {
  sheetNames(): Promise<string[]>;
  scaffold(model: SheetModel): Promise<void>;
  readActive(): Promise<SheetForm>;
  mark(form: ReadForm, issues: readonly Issue[], protectedSheet: boolean): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
  writeScores(sheet: string, changes: readonly ScoreChange[]): Promise<void>;
  insertMeasures(form: ReadForm, item: CatalogItem, chosen: readonly string[]): Promise<string>;
  writeSummary(sheets: SummarySheet[], opts: SummaryWriteOptions): Promise<void>;
}

/**
 * A gateway that loads the Office.js adapter (and the domain core it needs) on first use, so that the
 * pane's first script is only the shell.
 */
export function lazyExcelGateway(
  run: ExcelRun,
  marks: MarkStore,
  opts: { mergedAreas: boolean }
): Gateway {
  let loaded: Promise<Gateway> | null = null;
  const get = () =>
    (loaded ??= import(/* webpackChunkName: "excel" */ "./excelGateway").then((m) =>
      m.excelGateway(run, marks, opts)
    ));
  return {
    sheetNames: () => get().then((g) => g.sheetNames()),
    scaffold: (model) => get().then((g) => g.scaffold(model)),
    readActive: () => get().then((g) => g.readActive()),
    mark: (form, issues, protectedSheet) => get().then((g) => g.mark(form, issues, protectedSheet)),
    select: (sheet, cell) => get().then((g) => g.select(sheet, cell)),
    writeScores: (sheet, changes) => get().then((g) => g.writeScores(sheet, changes)),
    insertMeasures: (form, item, chosen) => get().then((g) => g.insertMeasures(form, item, chosen)),
    writeSummary: (sheets, o) => get().then((g) => g.writeSummary(sheets, o)),
  };
}
