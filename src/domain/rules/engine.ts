import { FormItem } from "../catalog";
import { earlierReportName, resultsCells } from "../carried";
import { FormSheet } from "../layout/read";
import { ITEM_RULES } from "./itemRules";
import { REPORT_RULES } from "./reportRules";
import { Flag, Issue, RuleContext, Scope, Severity, ValidateOptions } from "./types";

function inScope(scope: Scope | undefined, cat: FormItem): boolean {
  if (!scope) return true;
  if (scope.tools && !scope.tools.includes(cat.tool)) return false;
  if (scope.indicators && !scope.indicators.includes(cat.indicator)) return false;
  return true;
}

/** The pass mark a form is checked against: the one asked for, else the workbook's, else its form's. */
export function effectivePassMark(form: FormSheet, opts: ValidateOptions = {}): number {
  return opts.threshold ?? form.passMark.value ?? form.formDef.passMark;
}

/** Items whose score is under the pass mark. */
export function flagsOf(form: FormSheet, passMark: number): Flag[] {
  return form.items
    .filter((it) => it.score !== null && it.score < passMark)
    .map((it) => ({ code: it.code, score: it.score!, cell: it.cells.score }));
}

export interface ValidationResult {
  passMark: number;
  flags: Flag[];
  issues: Issue[];
  errors: number;
  warnings: number;
  ok: boolean;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1 };

/** Run every rule. Issues come errors first, then in form order. */
export function validate(form: FormSheet, opts: ValidateOptions = {}): ValidationResult {
  const now = opts.now ?? new Date();
  const passMark = effectivePassMark(form, opts);
  const issues: Issue[] = [];
  for (const rule of REPORT_RULES) {
    if (rule.measuresPrint && opts.print === false) continue;
    for (const hit of rule.check(form, now)) {
      issues.push({
        code: hit.code ?? null,
        cell: hit.cell ?? null,
        rule: rule.id,
        severity: rule.severity,
        message: hit.message,
      });
    }
  }
  const round = form.round.value;
  // Results cells still as carried from an earlier report, by the first item of each cell.
  const carried = new Map<
    string,
    { report: ReturnType<typeof earlierReportName>; codes: string[] }
  >();
  if (form.carried) {
    const report = earlierReportName(form.carried.from, form.fiscalYear.value);
    for (const c of resultsCells(form.items, form.carried))
      if (c.unchanged) carried.set(c.codes[0], { report, codes: c.codes });
  }
  const groupOf = (code: string) => form.formDef.byCode.get(code)!.measureGroup;
  for (const it of form.items) {
    const cat = form.formDef.byCode.get(it.code)!;
    const ctx: RuleContext = {
      passMark,
      round,
      flagged: it.score !== null && it.score < passMark,
      cat,
      copiedFrom: it.measures
        ? form.items
            .filter(
              (o) =>
                o !== it &&
                groupOf(o.code) === cat.measureGroup &&
                !it.sharedWith.includes(o.code) &&
                o.measures.trim() === it.measures.trim()
            )
            .map((o) => o.code)
        : [],
      resultsCarried: carried.get(it.code) ?? null,
    };
    for (const rule of ITEM_RULES) {
      if (!inScope(rule.scope, cat) || !rule.test(it, ctx)) continue;
      const severity =
        typeof rule.severity === "string" ? rule.severity : rule.severity[round === 12 ? 12 : 6];
      issues.push({
        code: it.code,
        // A text's issue points where the text begins, not at a "(ต่อ)" part of it.
        cell: (rule.field !== "score" && it.starts?.[rule.field]) || it.cells[rule.field],
        rule: rule.id,
        severity,
        message: rule.message(it, ctx),
      });
    }
  }
  const order = (i: Issue) => (i.code ? (form.formDef.byCode.get(i.code)?.order ?? 999) : -1);
  issues.sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || order(a) - order(b)
  );
  const errors = issues.filter((i) => i.severity === "error").length;
  return {
    passMark,
    flags: flagsOf(form, passMark),
    issues,
    errors,
    warnings: issues.length - errors,
    ok: errors === 0,
  };
}
