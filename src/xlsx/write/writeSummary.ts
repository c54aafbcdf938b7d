import { SummarySheet } from "../../domain/summarySheets/table";
import { writeBytesAtomic } from "./atomic";
import { addCharts } from "./chart";
import { deflatingPart, zipNative } from "./output";
import { summaryPackage } from "./summaryPackage";

/**
 * Write the summary workbook (with its chart); the target is replaced only once it is complete.
 * The package is our own SpreadsheetML (`summaryPackage.ts`), compressed with Node's zlib as its
 * large parts are made, from sheets taken one at a time (each may be made as it is asked for).
 */
export async function writeSummaryFile(
  target: string,
  sheets: Iterable<SummarySheet>
): Promise<void> {
  const { files, charts } = summaryPackage(sheets, deflatingPart);
  addCharts(files, charts);
  await writeBytesAtomic(target, zipNative(files));
}
