import { syntheticReport } from "../../src/domain/sampleData";
import {
  buildSummary,
  DISTRICTS,
  metaFromReport,
  mergeForms,
  FormSheet,
  renderForm,
  Submission,
  SummarySheet,
  Unit,
} from "../../src/domain";
import { FY2567 } from "../forms";
import { readModel, sampleReport, sharedView } from "../helpers";

/**
 * The central summary of `n` units (other than districts, so that none is a duplicate), with the
 * measures and results text of realistic district reports: what the pane writes after a large merge.
 */
export function manyUnitsSummary(n: number): SummarySheet[] {
  const base = sampleReport();
  const subs: Submission[] = [];
  // A form is rendered and read once per district (the layout of long texts is the slow part); the
  // other units take that reading with their own unit, scores and texts, as the reader gives them
  // (a measure group's members share their head's measures: `sharedView`).
  const templates: FormSheet[] = [];
  for (let i = 0; i < n; i++) {
    const name = `หน่วยงานทดสอบที่ ${i + 1}`;
    const unit: Unit = { code: null, th: name, en: `Test unit ${i + 1}`, kind: "agency" };
    const report = syntheticReport(base, FY2567, DISTRICTS[i % 50], i + 1);
    const t = (templates[i % 50] ??= readModel(
      renderForm(FY2567, { ...metaFromReport(report), unit }, report, "ITA")
    ));
    const byCode = new Map(sharedView(report).items.map((it) => [it.code, it]));
    const form: FormSheet = {
      ...t,
      unit: { ...t.unit, value: unit, raw: unit.th },
      items: t.items.map((it) => {
        const r = byCode.get(it.code)!;
        return {
          ...it,
          score: r.score,
          issue: r.issue,
          measures: r.measures,
          results: r.results,
          evidence: r.evidence,
        };
      }),
    };
    subs.push({ file: `unit-${i + 1}.xlsx`, form });
  }
  return buildSummary(mergeForms(subs, { formDef: FY2567, expect: "none" }));
}
