/** Districts' reports for the report's tests: only the measures and results a test sets. */
import { syntheticReport } from "../../src/domain/sampleData";
import { DEFAULT_FORM, findDistrict, mergeForms, Report, Submission } from "../../src/domain";
import { formOf, sampleReport } from "../helpers";

/** A district's report with no measures or results but those the test sets (scores all passing). */
export function district(code: string, edit?: (r: Report) => void): Report {
  const r = syntheticReport(sampleReport(), DEFAULT_FORM, findDistrict(code)!, Number(code));
  for (const it of r.items) {
    it.measures = "";
    it.results = "";
    it.evidence = "";
    if (it.score !== null && it.score < 85) it.score = 90;
  }
  edit?.(r);
  return r;
}

/** An item's measures and results (and score). */
export const set = (r: Report, code: string, measures: string, results = "", score?: number) => {
  const it = r.items.find((i) => i.code === code)!;
  it.measures = measures;
  it.results = results;
  if (score !== undefined) it.score = score;
};

/** The reports merged as the districts' files would be. */
export function mergeOf(reports: Report[]) {
  const subs: Submission[] = reports.map((r, i) => ({ file: `f${i}.xlsx`, form: formOf(r) }));
  return mergeForms(subs, { formDef: DEFAULT_FORM, expect: "districts" });
}
