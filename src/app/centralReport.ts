/**
 * The central report (Word) of a merge, for both shells: `ita merge --report` and the pane's
 * download take the same model and writer. Loaded on first use: the report model and the `docx`
 * package stay out of a merge that writes no report, and out of the pane's first load.
 */
import { buildCentralReport, CentralReport } from "../domain/report/reportModel";
import { reportDocxBytes } from "../docx/reportDocx";
import type { MergeOutcome } from "./mergeSession";

/** The report model of a merge, with the compiling office (default: the central office's name). */
export const centralReportOf = (o: MergeOutcome, office?: string): CentralReport =>
  buildCentralReport(o.result, { office, comparison: o.comparison });

/** The report as .docx bytes, with the model's figures the shells print. */
export async function centralReportBytes(
  o: MergeOutcome,
  office?: string
): Promise<{ bytes: Uint8Array; stats: CentralReport["stats"] }> {
  const model = centralReportOf(o, office);
  return { bytes: await reportDocxBytes(model), stats: model.stats };
}

/** "ITA-report-2567-r12.docx": the merge's fiscal year and round. */
export function centralReportName(o: MergeOutcome): string {
  const r = o.result;
  const year = r.period?.fiscalYear ?? r.formDef.fiscalYear;
  const round = r.period?.round ?? null;
  return `ITA-report-${year}${round ? `-r${round}` : ""}.docx`;
}
