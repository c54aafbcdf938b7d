import { SummarySheet } from "../../domain/summarySheets/table";
import { writeBytesAtomic } from "./atomic";
import { addCharts } from "./chart";
import { zipNative } from "./output";
import { summaryPackage } from "./summaryPackage";

/**
 * Write the summary workbook (with its chart); the target is replaced only once it is complete.
 * The package is our own SpreadsheetML (`summaryPackage.ts`), compressed once with Node's zlib.
 */
export async function writeSummaryFile(target: string, sheets: SummarySheet[]): Promise<void> {
  const files = summaryPackage(sheets);
  addCharts(
    files,
    sheets
      .map((s, i) => ({ sheetIndex: i + 1, sheet: s }))
      .filter((x) => x.sheet.chart)
      .map((c) => ({ sheetIndex: c.sheetIndex, sheetName: c.sheet.name, ...c.sheet.chart! }))
  );
  await writeBytesAtomic(target, zipNative(files));
}
