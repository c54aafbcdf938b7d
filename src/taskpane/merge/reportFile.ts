import { centralReportBytes, centralReportName } from "../../app/centralReport";
import type { MergeOutcome } from "../../app/mergeSession";

/**
 * The central report of a merge as a .docx file, built here in the pane (the same model and writer as
 * `ita merge --report`). Loaded on first use: the `docx` package stays out of the pane's first load.
 */
export async function centralReportFile(
  outcome: MergeOutcome,
  office: string
): Promise<{ name: string; blob: Blob }> {
  const { bytes } = await centralReportBytes(outcome, office);
  return {
    name: centralReportName(outcome),
    blob: new Blob([bytes as BlobPart], {
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }),
  };
}
