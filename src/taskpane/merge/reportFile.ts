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

/** Hand a file to the browser's download (the pane's origin; a blob: URL is no network request). */
export function download(name: string, blob: Blob, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled: the download keeps its own reference.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
