import { syntheticReport } from "../../src/cli/sampleData";
import {
  buildSummary,
  DEFAULT_CATALOG,
  DISTRICTS,
  metaFromReport,
  mergeForms,
  renderForm,
  Submission,
  SummarySheet,
  Unit,
} from "../../src/domain";
import { readModel, sampleReport } from "../helpers";

/**
 * The central summary of `n` units (other than districts, so that none is a duplicate), with the
 * measures and results text of realistic district reports: what the pane writes after a large merge.
 */
export function manyUnitsSummary(n: number): SummarySheet[] {
  const base = sampleReport();
  const subs: Submission[] = [];
  for (let i = 0; i < n; i++) {
    const name = `หน่วยงานทดสอบที่ ${i + 1}`;
    const unit: Unit = { code: null, th: name, en: `Test unit ${i + 1}` };
    const report = syntheticReport(base, DEFAULT_CATALOG, DISTRICTS[i % 50], i + 1);
    const form = readModel(
      renderForm(DEFAULT_CATALOG, { ...metaFromReport(report), unit }, report, "ITA")
    );
    subs.push({ file: `unit-${i + 1}.xlsx`, form });
  }
  return buildSummary(mergeForms(subs, { catalog: DEFAULT_CATALOG, expect: "none" }));
}
