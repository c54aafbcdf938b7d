/** The central summary workbook, one file per sheet; `table.ts` holds the writer-neutral table model. */
import { Comparison } from "../compare";
import { MergeResult } from "../merge";
import { compareSheet } from "./compareSheet";
import { dataSheet } from "./dataSheet";
import { flaggedSheet } from "./flaggedSheet";
import { measuresSheet } from "./measuresSheet";
import { scoresSheet } from "./scoresSheet";
import { statusSheet } from "./statusSheet";
import { SummarySheet } from "./table";

export * from "./compareSheet";
export * from "./dataSheet";
export * from "./flaggedSheet";
export * from "./measuresSheet";
export * from "./print";
export * from "./scoresSheet";
export * from "./statusSheet";
export * from "./table";

/**
 * The summary sheets, in order: the four sheets, the comparison with a previous period when one is
 * given, and the hidden data sheet a later merge compares with.
 */
export function buildSummary(r: MergeResult, comparison?: Comparison | null): SummarySheet[] {
  return [
    scoresSheet(r),
    ...(comparison ? [compareSheet(comparison)] : []),
    flaggedSheet(r),
    measuresSheet(r),
    statusSheet(r),
    dataSheet(r),
  ];
}
