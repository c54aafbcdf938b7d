/** The central summary workbook, one file per sheet; `table.ts` holds the writer-neutral table model. */
import { MergeResult } from "../merge";
import { flaggedSheet } from "./flaggedSheet";
import { measuresSheet } from "./measuresSheet";
import { scoresSheet } from "./scoresSheet";
import { statusSheet } from "./statusSheet";
import { SummarySheet } from "./table";

export * from "./flaggedSheet";
export * from "./measuresSheet";
export * from "./print";
export * from "./scoresSheet";
export * from "./statusSheet";
export * from "./table";

/** The four summary sheets, in order. */
export function buildSummary(r: MergeResult): SummarySheet[] {
  return [scoresSheet(r), flaggedSheet(r), measuresSheet(r), statusSheet(r)];
}
