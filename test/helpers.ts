import { promises as fs } from "fs";
import { main } from "../src/cli/main";
import os from "os";
import path from "path";
import {
  arrayGrid,
  DEFAULT_CATALOG,
  FormMeta,
  metaFromReport,
  readForm,
  ReadForm,
  renderForm,
  Report,
  reportSchema,
  resolveUnit,
  SheetModel,
} from "../src/domain";
import sample from "../samples/chom-thong-2567-r6.json";

/** The Chom Thong FY2567 6-month report transcribed from seed 003. */
export function sampleReport(): Report {
  return reportSchema.parse(JSON.parse(JSON.stringify(sample)));
}

/** A report every rule is happy with: all scores at or above the pass mark, results and links given. */
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
export function readModel(model: SheetModel): ReadForm {
  return readForm(arrayGrid(model.name, model.values, model.merges), DEFAULT_CATALOG);
}

export function formOf(report: Report): ReadForm {
  return readModel(renderForm(DEFAULT_CATALOG, metaFromReport(report), report));
}

export async function tmpDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), "ita-test-"));
}

/** Run the ita CLI in-process, capturing what it prints. */
export async function runCli(
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}
