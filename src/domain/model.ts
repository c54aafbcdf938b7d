import { FormDef } from "./catalog";
import { Round } from "./fiscal";
import { FormMeta } from "./layout/render";
import { FormSheet } from "./layout/read";
import { Report } from "./report";
import { ScoreLine } from "./scoresList";
import { DEFAULT_PASS_MARK } from "./score";
import { resolveUnit, unitDisplayName } from "./units";

/** The report JSON of a read sheet, with the cell address of every field (what `ita read` prints). */
export function formToJson(form: FormSheet) {
  return {
    sheet: form.sheet,
    formId: form.formId,
    formVersion: form.formVersion,
    unit: form.unit.value ? unitDisplayName(form.unit.value) : form.unit.raw || null,
    unitCode: form.unit.value?.code ?? null,
    fiscalYear: form.fiscalYear.value,
    round: form.round.value,
    passMark: form.passMark.value,
    preparer: form.preparer.value ?? "",
    meta: {
      unit: form.unit.cell,
      fiscalYear: form.fiscalYear.cell,
      round: form.round.cell,
      passMark: form.passMark.cell,
      preparer: form.preparer.cell,
    },
    items: form.items.map((it) => ({
      code: it.code,
      score: it.score,
      ...(it.scoreParse.kind === "error" ? { scoreText: String(it.scoreRaw) } : {}),
      issue: it.issue,
      measures: it.measures,
      results: it.results,
      evidence: it.evidence,
      photos: it.photos,
      ...(it.sharedWith.length ? { sharedWith: it.sharedWith } : {}),
      cells: it.cells,
    })),
    problems: form.problems.map((p) => ({
      kind: p.kind,
      code: p.code ?? null,
      cell: p.cell ?? null,
      message: p.message,
    })),
  };
}

/** Form metadata for writing a report back into a sheet. */
export function metaFromReport(report: Report): FormMeta {
  const unit = resolveUnit(report.unitCode ?? "") ?? resolveUnit(report.unit);
  return {
    unit,
    fiscalYear: report.fiscalYear,
    round: report.round as Round,
    passMark: report.passMark ?? DEFAULT_PASS_MARK,
    preparer: report.preparer ?? "",
  };
}

/** A report holding only scores (the rest of each item as the blank form has it). */
export function reportFromScores(formDef: FormDef, meta: FormMeta, scores: ScoreLine[]): Report {
  const byCode = new Map(scores.map((s) => [s.code, s.score]));
  return {
    formId: formDef.formId,
    formVersion: formDef.version,
    unit: meta.unit ? unitDisplayName(meta.unit) : "",
    unitCode: meta.unit?.code ?? null,
    fiscalYear: meta.fiscalYear,
    round: meta.round,
    passMark: meta.passMark,
    preparer: meta.preparer,
    items: formDef.items.map((it) => ({
      code: it.code,
      score: byCode.get(it.code) ?? null,
      issue: it.issue,
      measures: "",
      results: "",
      evidence: "",
    })),
  };
}
