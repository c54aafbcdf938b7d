import { displayCode } from "../codes";
import { ReasonError } from "../errors";
import { Msg, msg } from "../text";
import { formDefSchema } from "./lazySchema";
import type { FormDefJson, ToolId } from "./schema";

export interface FormItem {
  code: string;
  /** As printed in the first column: `I22 ผู้บังคับบัญชา…` or `O1 – O22`. */
  label: string;
  text: string;
  tool: ToolId;
  indicator: number;
  issue: string;
  /** The measures the form suggests for this item (shared by the items of a measure group). */
  standardMeasures: string[];
  /** Code of the item whose measures stand for this one in the form (I2…I4 → I1); itself otherwise. */
  measureGroup: string;
  /** Position in the form, 0-based. */
  order: number;
}

export interface FormIndicator {
  number: number;
  name: Msg;
  tool: ToolId;
  items: FormItem[];
}

export interface FormTool {
  id: ToolId;
  name: Msg;
  weight: number;
  indicators: FormIndicator[];
}

export interface FormDef {
  formId: string;
  version: string;
  fiscalYear: number;
  title: Msg;
  passMark: number;
  rounds: readonly (6 | 12)[];
  columns: FormDefJson["columns"];
  /** The form file as checked: what a workbook made with this form carries (see embed.ts). */
  definition: FormDefJson;
  tools: FormTool[];
  items: FormItem[];
  byCode: ReadonlyMap<string, FormItem>;
}

/** A form file that cannot be used; the reason names the file and the place inside it. */
export class FormDefError extends ReasonError {}

/** `tools[0].indicators[2].items[1].code` from zod's path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return (
    path
      .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`))
      .join("") || "(root)"
  );
}

function invalid(source: string, where: string, problem: Msg): FormDefError {
  return new FormDefError(
    msg(
      `แบบฟอร์ม ${source} ไม่ถูกต้อง ที่ ${where}: ${problem.th}`,
      `Form file ${source} is invalid at ${where}: ${problem.en}`
    )
  );
}

/** A problem of a form file that passes the schema: where (a path as jsonPath writes it) and what. */
export interface FormProblem {
  path: string;
  problem: Msg;
}

/** Where all tool weights are, as a FormProblem names it. */
export const WEIGHTS_PATH = "tools[*].weight";

/** The tool weights must add up to 100: what is wrong with them, or null. */
export function weightsProblem(weights: readonly number[]): Msg | null {
  const sum = weights.reduce((s, w) => s + w, 0);
  return sum === 100
    ? null
    : msg(`น้ำหนักของแบบวัดรวมได้ ${sum} ไม่ใช่ 100`, `tool weights add up to ${sum}, not 100`);
}

/**
 * The rules zod cannot express, all of them: indicators and item codes once each, a measure group
 * referred to only by the items that follow it in its indicator, tool weights adding up to 100.
 */
export function crossItemProblems(file: FormDefJson): FormProblem[] {
  const problems: FormProblem[] = [];
  const codes = new Set<string>();
  const indicators = new Set<number>();
  file.tools.forEach((t, ti) =>
    t.indicators.forEach((ind, ii) => {
      const at = `tools[${ti}].indicators[${ii}]`;
      if (indicators.has(ind.number))
        problems.push({
          path: `${at}.number`,
          problem: msg(`ตัวชี้วัดที่ ${ind.number} ซ้ำ`, `indicator ${ind.number} appears twice`),
        });
      indicators.add(ind.number);
      let group: string | null = null;
      ind.items.forEach((it, k) => {
        if (codes.has(it.code))
          problems.push({
            path: `${at}.items[${k}].code`,
            problem: msg(`รหัสข้อ ${it.code} ซ้ำ`, `item ${it.code} appears twice`),
          });
        codes.add(it.code);
        if (it.standardMeasures) group = it.code;
        if (it.measuresFrom && group !== it.measuresFrom)
          problems.push({
            path: `${at}.items[${k}].measuresFrom`,
            problem: msg(
              `ข้อ ${it.code}: measuresFrom ${it.measuresFrom} ไม่ใช่กลุ่มมาตรการที่อยู่ก่อนหน้า`,
              `item ${it.code}: measuresFrom ${it.measuresFrom} is not the preceding measure group`
            ),
          });
      });
    })
  );
  for (const [code, from] of Object.entries(file.previous?.items ?? {})) {
    if (!codes.has(code))
      problems.push({
        path: `previous.items.${code}`,
        problem: msg(
          `ข้อ ${code} ไม่มีในแบบฟอร์มนี้ จึงระบุข้อของแบบฟอร์มก่อนหน้าที่ต่อเนื่องกันไม่ได้`,
          `item ${code} is not in this form, so it cannot name the previous form's items it continues`
        ),
      });
    const seen = new Set<string>();
    for (const f of from) {
      if (seen.has(f))
        problems.push({
          path: `previous.items.${code}`,
          problem: msg(`ข้อ ${code}: ข้อ ${f} ซ้ำ`, `item ${code}: ${f} appears twice`),
        });
      seen.add(f);
    }
  }
  const weights = weightsProblem(file.tools.map((t) => t.weight));
  if (weights) problems.push({ path: WEIGHTS_PATH, problem: weights });
  return problems;
}

/**
 * Check a form file with zod and the cross-item rules zod cannot express, and index it. Nothing of
 * a file that fails is kept: it throws a FormDefError naming `source` and the path inside the file.
 */
export function loadFormDef(data: unknown, source = "form"): FormDef {
  const parsed = formDefSchema().safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const more = parsed.error.issues.length - 1;
    const rest = more ? msg(` (และอีก ${more} จุด)`, ` (and ${more} more)`) : msg("", "");
    throw invalid(
      source,
      jsonPath(first.path),
      msg(`${first.message}${rest.th}`, `${first.message}${rest.en}`)
    );
  }
  return indexForm(parsed.data, source);
}

/**
 * Index a form file that already passed the schema (loadFormDef's check, or the tests for the forms
 * this build bundles): the cross-item rules, then the form definition. Throws a FormDefError like loadFormDef.
 */
export function indexForm(file: FormDefJson, source = "form"): FormDef {
  const [problem] = crossItemProblems(file);
  if (problem) throw invalid(source, problem.path, problem.problem);
  const items: FormItem[] = [];
  const byCode = new Map<string, FormItem>();
  const tools: FormTool[] = file.tools.map((t) => ({
    id: t.id,
    name: t.name,
    weight: t.weight,
    indicators: t.indicators.map((ind) => {
      let group: { code: string; measures: string[] } | null = null;
      const indItems = ind.items.map((it) => {
        if (it.standardMeasures) group = { code: it.code, measures: it.standardMeasures };
        const shared = Boolean(it.standardMeasures || it.measuresFrom);
        const item: FormItem = {
          code: it.code,
          label: it.text ? `${it.code} ${it.text}` : displayCode(it.code),
          text: it.text ?? "",
          tool: t.id,
          indicator: ind.number,
          issue: it.issue,
          standardMeasures: shared ? group!.measures : [],
          measureGroup: shared ? group!.code : it.code,
          order: items.length,
        };
        items.push(item);
        byCode.set(item.code, item);
        return item;
      });
      return { number: ind.number, name: ind.name, tool: t.id, items: indItems };
    }),
  }));
  return {
    formId: file.formId,
    version: file.version,
    fiscalYear: file.fiscalYear,
    title: file.title,
    passMark: file.passMark,
    rounds: file.rounds,
    columns: file.columns,
    definition: file,
    tools,
    items,
    byCode,
  };
}
