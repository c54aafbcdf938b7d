/** The central summary workbook, one file per sheet; `table.ts` holds the writer-neutral table model. */
import { Comparison } from "../compare";
import { MergeResult } from "../merge";
import { compareSheet } from "./compareSheet";
import { dataSheet } from "./dataSheet";
import { flaggedSheet } from "./flaggedSheet";
import { indicatorSheet } from "./indicatorSheet";
import { keySheet } from "./keySheet";
import { measuresSheet } from "./measuresSheet";
import { scoresSheet } from "./scoresSheet";
import { statusSheet } from "./statusSheet";
import { withHeadingBreaks } from "./print";
import { SummarySheet } from "./table";

export * from "./compareSheet";
export * from "./dataSheet";
export * from "./flaggedSheet";
export * from "./indicatorSheet";
export * from "./keySheet";
export * from "./measuresSheet";
export * from "./print";
export * from "./scoresSheet";
export * from "./statusSheet";
export * from "./table";

/**
 * The summary sheets, in order: the score matrix, the comparison with a previous period when one is
 * given, the key of the item codes, the indicator averages with their chart, the items under the pass
 * mark, the measures, the submission status, and the hidden data sheet a later merge compares with.
 */
export function buildSummary(r: MergeResult, comparison?: Comparison | null): SummarySheet[] {
  return summarySheetMakers(r, comparison).map((make) => make());
}

/** The summary sheets as `buildSummary` gives them, each built when its maker is called (in steps). */
export function summarySheetMakers(
  r: MergeResult,
  comparison?: Comparison | null
): (() => SummarySheet)[] {
  const makers: (() => SummarySheet)[] = [
    () => scoresSheet(r),
    ...(comparison ? [() => compareSheet(comparison)] : []),
    () => keySheet(r),
    () => indicatorSheet(r),
    () => flaggedSheet(r),
    () => measuresSheet(r),
    () => statusSheet(r),
    () => dataSheet(r),
  ];
  return makers.map((make) => () => withHeadingBreaks(make()));
}
