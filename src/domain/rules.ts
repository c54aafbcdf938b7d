import { FISCAL_YEAR_RANGE } from "./bounds";
import { CatalogItem, ToolId } from "./catalog";
import { currentFiscalYear } from "./fiscal";
import { ReadForm, ReadItem } from "./layout/read";
import { DEFAULT_PASS_MARK } from "./score";
import { Msg, msg } from "./text";

export type Severity = "error" | "warning";

export interface Issue {
  code: string | null;
  cell: string | null;
  rule: string;
  severity: Severity;
  message: Msg;
}

export interface Flag {
  code: string;
  score: number;
  cell: string;
}

export interface ValidateOptions {
  /** Pass mark; defaults to the workbook's, then 85. */
  threshold?: number;
  /** Today, for the plausibility of the fiscal year. */
  now?: Date;
}

export interface RuleContext {
  passMark: number;
  round: number | null;
  flagged: boolean;
  cat: CatalogItem;
}

/** Where an item rule applies: all items, or some tools, or some indicators. */
export interface Scope {
  tools?: readonly ToolId[];
  indicators?: readonly number[];
}

/**
 * A rule on one item: data, not code paths. `test` answers "is this item in violation?"; the
 * severity may depend on the report round.
 */
export interface ItemRule {
  id: string;
  scope?: Scope;
  field: "score" | "issue" | "measures" | "results" | "evidence";
  severity: Severity | { 6: Severity; 12: Severity };
  test: (item: ReadItem, ctx: RuleContext) => boolean;
  message: (item: ReadItem, ctx: RuleContext) => Msg;
}

const URL_RE = /\bhttps?:\/\/[^\s<>"]+|\bwww\.[^\s<>"]+\.[a-z]{2,}/i;

export const ITEM_RULES: readonly ItemRule[] = [
  {
    id: "score.required",
    field: "score",
    severity: "error",
    test: (it) => it.scoreParse.kind === "empty",
    message: (it) => msg(`ข้อ ${it.code}: ยังไม่ได้กรอกคะแนน`, `${it.code}: the score is empty`),
  },
  {
    id: "score.invalid",
    field: "score",
    severity: "error",
    test: (it) => it.scoreParse.kind === "error",
    message: (it) => {
      const m = it.scoreParse.kind === "error" ? it.scoreParse.message : msg("", "");
      return msg(`ข้อ ${it.code}: ${m.th}`, `${it.code}: ${m.en}`);
    },
  },
  {
    id: "score.precision",
    field: "score",
    severity: "warning",
    test: (it) => it.scoreParse.kind === "ok" && it.scoreParse.warnings.includes("precision"),
    message: (it) =>
      msg(
        `ข้อ ${it.code}: คะแนนมีทศนิยมเกิน 2 ตำแหน่ง (${it.score})`,
        `${it.code}: the score has more than 2 decimals (${it.score})`
      ),
  },
  {
    id: "flag.measures-required",
    field: "measures",
    severity: "error",
    test: (it, ctx) => ctx.flagged && !it.measures,
    message: (it, ctx) =>
      msg(
        `ข้อ ${it.code} ได้ ${it.score} คะแนน ต่ำกว่าเกณฑ์ ${ctx.passMark} แต่ยังไม่มีมาตรการ/กิจกรรม`,
        `${it.code} scored ${it.score}, under the pass mark ${ctx.passMark}, but has no measures`
      ),
  },
  {
    id: "flag.evidence",
    field: "evidence",
    severity: "warning",
    test: (it, ctx) => ctx.flagged && !it.evidence,
    message: (it) =>
      msg(
        `ข้อ ${it.code} ต่ำกว่าเกณฑ์ แต่ยังไม่มีหลักฐาน/ภาพกิจกรรม`,
        `${it.code} is under the pass mark but has no evidence`
      ),
  },
  {
    id: "results.missing",
    field: "results",
    severity: { 6: "warning", 12: "error" },
    test: (it) => Boolean(it.measures) && !it.results,
    message: (it, ctx) =>
      ctx.round === 12
        ? msg(
            `ข้อ ${it.code}: มีมาตรการแต่ยังไม่รายงานผลการดำเนินการ (รอบ 12 เดือนต้องมีผล)`,
            `${it.code}: measures without results (required in the 12-month round)`
          )
        : msg(
            `ข้อ ${it.code}: มีมาตรการแต่ยังไม่รายงานผลการดำเนินการ`,
            `${it.code}: measures without results yet`
          ),
  },
  {
    id: "oit.evidence-url",
    scope: { tools: ["OIT"] },
    field: "evidence",
    severity: "warning",
    test: (it) => !URL_RE.test(it.evidence),
    message: (it) =>
      msg(
        `ข้อ ${it.code}: หลักฐานของ OIT ควรเป็นลิงก์ (URL) ไปยังข้อมูลที่เปิดเผย`,
        `${it.code}: OIT evidence should be a link (URL) to the disclosed information`
      ),
  },
];

function inScope(scope: Scope | undefined, cat: CatalogItem): boolean {
  if (!scope) return true;
  if (scope.tools && !scope.tools.includes(cat.tool)) return false;
  if (scope.indicators && !scope.indicators.includes(cat.indicator)) return false;
  return true;
}

/** Rules on the report as a whole: metadata, and the layout problems the reader met. */
interface ReportRule {
  id: string;
  severity: Severity;
  check: (
    form: ReadForm,
    now: Date
  ) => { code?: string | null; cell?: string | null; message: Msg }[];
}

export const REPORT_RULES: readonly ReportRule[] = [
  {
    id: "meta.unit",
    severity: "error",
    check: (f) =>
      f.unit.value
        ? []
        : [{ cell: f.unit.cell, message: msg("ยังไม่ได้ระบุหน่วยงาน", "The unit is not given") }],
  },
  {
    id: "meta.fiscal-year",
    severity: "error",
    check: (f, now) => {
      const fy = f.fiscalYear.value;
      const latest = currentFiscalYear(now) + 1;
      if (fy === null)
        return [
          {
            cell: f.fiscalYear.cell,
            message: msg("ยังไม่ได้ระบุปีงบประมาณ (พ.ศ.)", "The fiscal year (B.E.) is not given"),
          },
        ];
      if (fy >= 1990 && fy <= 2200) {
        return [
          {
            cell: f.fiscalYear.cell,
            message: msg(
              `ปีงบประมาณ ${fy} ดูเป็น ค.ศ. ให้ใช้ พ.ศ. (${fy + 543})`,
              `Fiscal year ${fy} looks like C.E.; use B.E. (${fy + 543})`
            ),
          },
        ];
      }
      if (fy < FISCAL_YEAR_RANGE.min || fy > latest) {
        return [
          {
            cell: f.fiscalYear.cell,
            message: msg(
              `ปีงบประมาณ ${fy} ไม่อยู่ในช่วง ${FISCAL_YEAR_RANGE.min}–${latest}`,
              `Fiscal year ${fy} is outside ${FISCAL_YEAR_RANGE.min}–${latest}`
            ),
          },
        ];
      }
      return [];
    },
  },
  {
    id: "meta.round",
    severity: "error",
    check: (f) =>
      f.round.value === 6 || f.round.value === 12
        ? []
        : [
            {
              cell: f.round.cell,
              message: msg(
                `รอบการรายงานต้องเป็น 6 หรือ 12 เดือน (พบ "${f.round.raw}")`,
                `The report round must be 6 or 12 months (found "${f.round.raw}")`
              ),
            },
          ],
  },
  {
    id: "meta.pass-mark",
    severity: "error",
    check: (f) =>
      f.passMark.raw && f.passMark.value === null
        ? [
            {
              cell: f.passMark.cell,
              message: msg(
                `เกณฑ์ผ่าน "${f.passMark.raw}" ต้องเป็นตัวเลข 0–100`,
                `Pass mark "${f.passMark.raw}" must be a number from 0 to 100`
              ),
            },
          ]
        : [],
  },
  {
    id: "meta.preparer",
    severity: "warning",
    check: (f) =>
      f.preparer.value
        ? []
        : [
            {
              cell: f.preparer.cell,
              message: msg("ยังไม่ได้ระบุผู้จัดทำรายงาน", "The preparer is not given"),
            },
          ],
  },
  {
    id: "catalog.missing",
    severity: "error",
    check: (f) =>
      f.problems
        .filter((p) => p.kind === "missing-item")
        .map((p) => ({ code: p.code, message: p.message })),
  },
  {
    id: "catalog.duplicate",
    severity: "error",
    check: (f) =>
      f.problems
        .filter((p) => p.kind === "duplicate-code")
        .map((p) => ({ code: p.code, cell: p.cell, message: p.message })),
  },
  {
    id: "catalog.unknown",
    severity: "error",
    check: (f) =>
      f.problems
        .filter((p) => p.kind === "unknown-code")
        .map((p) => ({ code: p.code, cell: p.cell, message: p.message })),
  },
  {
    id: "layout.column",
    severity: "warning",
    check: (f) =>
      f.problems
        .filter((p) => p.kind === "column-moved")
        .map((p) => ({ cell: p.cell, message: p.message })),
  },
];

export function effectivePassMark(form: ReadForm, opts: ValidateOptions = {}): number {
  return opts.threshold ?? form.passMark.value ?? DEFAULT_PASS_MARK;
}

/** Items whose score is under the pass mark. */
export function flagsOf(form: ReadForm, passMark: number): Flag[] {
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
export function validate(form: ReadForm, opts: ValidateOptions = {}): ValidationResult {
  const now = opts.now ?? new Date();
  const passMark = effectivePassMark(form, opts);
  const issues: Issue[] = [];
  for (const rule of REPORT_RULES) {
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
  for (const it of form.items) {
    const cat = form.catalog.byCode.get(it.code)!;
    const ctx: RuleContext = {
      passMark,
      round,
      flagged: it.score !== null && it.score < passMark,
      cat,
    };
    for (const rule of ITEM_RULES) {
      if (!inScope(rule.scope, cat) || !rule.test(it, ctx)) continue;
      const severity =
        typeof rule.severity === "string" ? rule.severity : rule.severity[round === 12 ? 12 : 6];
      issues.push({
        code: it.code,
        cell: it.cells[rule.field],
        rule: rule.id,
        severity,
        message: rule.message(it, ctx),
      });
    }
  }
  const order = (i: Issue) => (i.code ? (form.catalog.byCode.get(i.code)?.order ?? 999) : -1);
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
