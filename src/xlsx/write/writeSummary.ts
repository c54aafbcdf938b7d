import { SummarySheet } from "../../domain/summarySheets/table";
import { writeBytesAtomic } from "./atomic";
import { addCharts } from "./chart";
import { deflatingPart, zipNative } from "./output";
import { summaryPackage } from "./summaryPackage";

/**
 * Write the summary workbook (with its chart); the target is replaced only once it is complete.
 * The package is our own SpreadsheetML (`summaryPackage.ts`), compressed with Node's zlib as its
 * large parts are made.
 */
export async function writeSummaryFile(target: string, sheets: SummarySheet[]): Promise<void> {
  const files = summaryPackage(sheets, deflatingPart);
  addCharts(
    files,
    sheets
      .map((s, i) => ({ sheetIndex: i + 1, sheet: s }))
      .filter((x) => x.sheet.chart)
      .map((c) => ({ sheetIndex: c.sheetIndex, sheetName: c.sheet.name, ...c.sheet.chart! }))
  );
  await writeBytesAtomic(target, zipNative(files));
}
