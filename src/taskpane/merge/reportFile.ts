import { buildCentralReport } from "../../domain/report/reportModel";
import type { Comparison, MergeResult } from "../../domain";
import { reportDocxBytes } from "../../xlsx/write/reportDocx";

/**
 * The central report of a merge as a .docx file, built here in the pane (the same model and writer as
 * `ita merge --report`). Loaded on first use: the `docx` package stays out of the pane's first load.
 */
export async function centralReportFile(
  result: MergeResult,
  office: string,
  comparison: Comparison | null = null
): Promise<{ name: string; blob: Blob }> {
  const bytes = await reportDocxBytes(buildCentralReport(result, { office, comparison }));
  return {
    name: reportFileName(result),
    blob: new Blob([bytes as BlobPart], {
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }),
  };
}

/** "ITA-report-2567-r12.docx": the fiscal year and round most of the merged reports give. */
export function reportFileName(result: MergeResult): string {
  // As the report's title takes them: the most frequent, the first seen on a tie.
  const common = (xs: (number | null)[]) => {
    const n = new Map<number, number>();
    for (const x of xs) if (x !== null) n.set(x, (n.get(x) ?? 0) + 1);
    let best: number | null = null;
    for (const [x, c] of n) if (best === null || c > n.get(best)!) best = x;
    return best;
  };
  const year = common(result.merged.map((m) => m.fiscalYear)) ?? result.catalog.fiscalYear;
  const round = common(result.merged.map((m) => m.round));
  return `ITA-report-${year}${round ? `-r${round}` : ""}.docx`;
}
