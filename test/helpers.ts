import { createHash } from "crypto";
import { promises as fs } from "fs";
import path from "path";
import { main } from "../src/cli/main";
import {
  columnIndex,
  modelGrid,
  FormMeta,
  metaFromReport,
  readForm,
  FormSheet,
  renderForm,
  Report,
  resolveUnit,
  SheetModel,
} from "../src/domain";
import { reportSchema } from "../src/domain/report";
import { FY2567 } from "./forms";
import sample from "../samples/chom-thong-2567-r6.json";

/** The Chom Thong FY2567 6-month report transcribed from seed 003. */
export function sampleReport(): Report {
  return reportSchema.parse(JSON.parse(JSON.stringify(sample)));
}

/** A report every rule is happy with: all scores at or above the pass mark, results and links given. */
/**
 * The sample's 24 results cells with text, each by its first item (a measure group's cell once),
 * written out by hand from samples/chom-thong-2567-r6.json: what a report started from it carries.
 */
export const SAMPLE_RESULTS_CELLS = [
  "I1",
  "I5",
  "I6",
  "I8",
  "I9",
  "I10",
  "I11",
  "I12",
  "I13",
  "I18",
  "I21",
  "I25",
  "E1",
  "E5",
  "E7",
  "E8",
  "E9",
  "E10",
  "E11",
  "E13",
  "E14",
  "E15",
  "O1-O22",
  "O23-O30",
];

export function cleanReport(round: 6 | 12 = 12): Report {
  const r = sampleReport();
  r.round = round;
  r.preparer = "นางสาวทดสอบ ระบบดี";
  r.items = r.items.map((it) => ({
    ...it,
    score: it.code === "I22" ? 90.5 : it.score,
    measures: it.measures,
    results: it.measures ? it.results || "ดำเนินการแล้ว" : "",
    evidence: it.code.startsWith("O") ? "https://www.bangkok.go.th/chomthong/ita" : it.evidence,
  }));
  return r;
}

export function sampleMeta(): FormMeta {
  return metaFromReport(sampleReport());
}

export function blankMeta(): FormMeta {
  return { unit: resolveUnit("1035"), fiscalYear: 2567, round: 6, passMark: 85, preparer: "" };
}

/** Read a rendered sheet model through the domain reader, without any file in between. */
export function readModel(model: SheetModel): FormSheet {
  return readForm(modelGrid(model), FY2567);
}

export function formOf(report: Report): FormSheet {
  return readModel(renderForm(FY2567, metaFromReport(report), report));
}

export { tmpDir } from "./tmp";

/** A file's SHA-256 (hex): that a file a command must not touch is byte for byte as it was. */
export const sha = async (file: string): Promise<string> =>
  createHash("sha256")
    .update(await fs.readFile(file))
    .digest("hex");

/** Run the ita CLI in-process, capturing what it prints. */
export async function runCli(
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** The fields a report item has, taken from an item `ita read` gives (which has its cells besides). */
export function reportItemsOf(items: readonly Report["items"][number][]): Report["items"] {
  return items.map(({ code, score, issue, measures, results, evidence }) => ({
    code,
    score,
    issue,
    measures,
    results,
    evidence,
  }));
}

/**
 * A report as the form reads it back: an item of a measure group with no measures, results or evidence
 * of its own shares those of the group's item above it (one cell merged over the group's rows).
 */
export function sharedView(report: Report): Report {
  const shared = ["measures", "results", "evidence"] as const;
  const out: Report["items"] = [];
  for (const it of report.items) {
    const cat = FY2567.byCode.get(it.code)!;
    const prev = out[out.length - 1];
    const prevGroup = prev && FY2567.byCode.get(prev.code)!.measureGroup;
    const own = shared.some((f) => it[f] !== "");
    if (cat.measureGroup !== cat.code && !own && prev && prevGroup === cat.measureGroup)
      out.push({ ...it, measures: prev.measures, results: prev.results, evidence: prev.evidence });
    else out.push({ ...it });
  }
  return { ...report, items: out };
}

/** The column letter of a layout column (`B` for the score). */
export function colOf(key: Parameters<typeof columnIndex>[0]): string {
  return String.fromCharCode(64 + columnIndex(key));
}

/**
 * A scores list with one score (I1 90), for `ita scaffold --from`: a form scaffolded with it is a
 * unit's started report, which a merge takes; a blank form it refuses.
 */
export async function oneScoreList(dir: string): Promise<string> {
  const file = path.join(dir, "one-score.csv");
  await fs.writeFile(file, "I1,90\n");
  return file;
}
