import { FormDef, formLabel, ToolId } from "./catalog";
import { ReasonError } from "./errors";
import { compareUnits, mergeForms, MergeResult, Submission } from "./merge";
import { chooseMergeForm } from "./mergeForm";
import { periodOrder, periodWords } from "./period";
import { round2 } from "./score";
import { toolScores } from "./summary";
import { baseName, msg } from "./text";
import { Unit } from "./units";

/**
 * Compared with before: the scores of a previous period (last year, or the last round) beside the
 * current merge, per unit, per item (by code) and per tool. A period comes from a merge of district
 * files (`periodFromMerge`) or from the data sheet of a summary written earlier
 * (`summarySheets/dataSheet.ts`); its form may differ from the current one: items are compared by the
 * current form's map of the previous form's items when that map names the previous period's form (a
 * merged item with the mean of the items it continues), otherwise by code; those only one form has
 * are listed as not comparable.
 */

/** An item of a period's form, as far as comparing needs it. */
export interface PeriodItem {
  code: string;
  tool: ToolId;
  text: string;
}

export interface PeriodUnit {
  key: string;
  unit: Unit;
  label: string;
  fiscalYear: number | null;
  round: number | null;
  scores: ReadonlyMap<string, number | null>;
}

/** The scores of one period, whatever they were read from. */
export interface PeriodScores {
  /** The file or folder it was read from (for messages). */
  source: string;
  fiscalYear: number | null;
  round: number | null;
  passMark: number;
  /** `formId version`. */
  form: string;
  tools: { id: ToolId; weight: number }[];
  items: PeriodItem[];
  /** One per unit: its latest year and round when the period holds several. */
  units: PeriodUnit[];
  /** The form's map of the items of the form before it (`previous` of the form file), if it has one. */
  itemMap?: { form: string; items: Readonly<Record<string, readonly string[]>> };
}

/** A comparable item: the current item and the previous form's codes it is compared with. */
export interface ComparedItem extends PeriodItem {
  /** `[code]` unless the form maps it; several: compared with their mean. */
  from: string[];
}

/** `E16 ← E15` for a mapped item, `E16 ← E14+E15` for a merged one, the code otherwise. */
export const comparedCode = (i: ComparedItem) =>
  i.from.length === 1 && i.from[0] === i.code ? i.code : `${i.code} ← ${i.from.join("+")}`;

export interface Change {
  previous: number | null;
  current: number | null;
  /** current − previous, two decimals; null unless both are known. */
  change: number | null;
  /** Against the current pass mark: fell under it, rose to it, or stayed (null: not both known). */
  pass: "fell" | "rose" | "stayedBelow" | "stayedAbove" | null;
}

export interface UnitComparison {
  key: string;
  unit: Unit;
  label: string;
  /** The comparable items, in the current form's order. */
  items: (Change & { code: string })[];
  tools: (Change & { id: ToolId })[];
  /** The estimated ITA total (tool means × weights), as the score matrix labels it. */
  total: Change;
}

export interface Comparison {
  previous: { source: string; fiscalYear: number | null; round: number | null; form: string };
  current: { fiscalYear: number | null; round: number | null; form: string };
  /** The current pass mark: both periods are held to it, so a change is a change of score. */
  passMark: number;
  /** Items both forms have (by the map or by code), in the current order, with the current text. */
  items: ComparedItem[];
  /** Items only one form has: not comparable. */
  onlyPreviousItems: PeriodItem[];
  onlyCurrentItems: PeriodItem[];
  tools: { id: ToolId; weight: number }[];
  units: UnitComparison[];
  onlyPreviousUnits: PeriodUnit[];
  onlyCurrentUnits: PeriodUnit[];
}

/** Bad PREVIOUS input: the message names the file and says what to give instead. */
export class CompareInputError extends ReasonError {}

export function mostCommon(xs: readonly (number | null)[]): number | null {
  const counts = new Map<number, number>();
  for (const x of xs) if (x !== null) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: number | null = null;
  for (const [x, n] of counts) if (best === null || n > counts.get(best)!) best = x;
  return best;
}

/** Per unit key the latest year and round (a merge or summary may hold both rounds of a year). */
export function latestPerUnit(units: readonly PeriodUnit[]): PeriodUnit[] {
  const by = new Map<string, PeriodUnit>();
  const order = (u: PeriodUnit) => periodOrder(u.fiscalYear ?? 0, u.round ?? 0);
  for (const u of units) {
    const had = by.get(u.key);
    if (!had || order(u) > order(had)) by.set(u.key, u);
  }
  return [...by.values()].sort((a, b) => compareUnits(a.unit, b.unit));
}

/** The current merge as a period. */
export function periodFromMerge(r: MergeResult, source: string): PeriodScores {
  return {
    source,
    fiscalYear: r.period?.fiscalYear ?? null,
    round: r.period?.round ?? null,
    passMark: r.passMark,
    form: formLabel(r.formDef),
    tools: r.formDef.tools.map((t) => ({ id: t.id, weight: t.weight })),
    items: r.formDef.items.map((i) => ({ code: i.code, tool: i.tool, text: i.text || i.label })),
    ...(r.formDef.definition.previous && {
      itemMap: {
        form: `${r.formDef.definition.previous.formId} ${r.formDef.definition.previous.version}`,
        items: r.formDef.definition.previous.items,
      },
    }),
    units: latestPerUnit(
      r.merged.map((m) => ({
        key: m.key,
        unit: m.unit,
        label: m.label,
        fiscalYear: m.fiscalYear,
        round: m.round,
        scores: m.scores,
      }))
    ),
  };
}

/**
 * The previous period must come before the current one (by fiscal year, then round). Throws a
 * CompareInputError naming the file otherwise; an unknown year is not a reason to refuse.
 */
export function checkPeriodOrder(prev: PeriodScores, cur: PeriodScores): void {
  if (prev.fiscalYear === null || cur.fiscalYear === null) return;
  if (periodOrder(prev.fiscalYear, prev.round) < periodOrder(cur.fiscalYear, cur.round)) return;
  throw new CompareInputError(
    msg(
      `${prev.source}: ข้อมูลที่ใช้เปรียบเทียบเป็น${periodWords(prev).th} ซึ่งไม่ได้อยู่ก่อนรายงานที่รวม (${periodWords(cur).th}) กรุณาระบุสรุปหรือไฟล์ของปีหรือรอบก่อนหน้า`,
      `${prev.source}: the data to compare with is of ${periodWords(prev).en}, which does not come before the merged reports (${periodWords(cur).en}); give the summary or files of an earlier year or round`
    )
  );
}

export function change(
  previous: number | null | undefined,
  current: number | null | undefined,
  passMark: number
): Change {
  const p = previous ?? null;
  const c = current ?? null;
  if (p === null || c === null) return { previous: p, current: c, change: null, pass: null };
  const pass =
    p >= passMark && c < passMark
      ? "fell"
      : p < passMark && c >= passMark
        ? "rose"
        : c < passMark
          ? "stayedBelow"
          : "stayedAbove";
  return { previous: p, current: c, change: round2(c - p), pass };
}

/** The mean of the known scores of `codes` (one code: its score), two decimals; null if none is known. */
function previousScore(
  scores: ReadonlyMap<string, number | null>,
  codes: readonly string[]
): number | null {
  if (codes.length === 1) return scores.get(codes[0]) ?? null;
  const known = codes.map((c) => scores.get(c)).filter((s): s is number => typeof s === "number");
  return known.length ? round2(known.reduce((a, b) => a + b, 0) / known.length) : null;
}

/**
 * Compare a previous period with the current one, unit by unit (units by key; items by the current
 * form's map when it names the previous period's form, else by code).
 */
export function comparePeriods(prev: PeriodScores, cur: PeriodScores): Comparison {
  const passMark = cur.passMark;
  const prevCodes = new Set(prev.items.map((i) => i.code));
  const map = cur.itemMap?.form === prev.form ? cur.itemMap.items : {};
  const fromOf = (code: string) =>
    (Object.prototype.hasOwnProperty.call(map, code) ? map[code] : [code]).filter((c) =>
      prevCodes.has(c)
    );
  const items: ComparedItem[] = cur.items
    .map((i) => ({ ...i, from: fromOf(i.code) }))
    .filter((i) => i.from.length > 0);
  const used = new Set(items.flatMap((i) => i.from));
  const compared = new Set(items.map((i) => i.code));
  const prevUnits = new Map(prev.units.map((u) => [u.key, u]));
  const curKeys = new Set(cur.units.map((u) => u.key));
  const units: UnitComparison[] = [];
  for (const u of cur.units) {
    const p = prevUnits.get(u.key);
    if (!p) continue;
    const pm = toolScores(prev.tools, prev.items, p.scores, { whole: true });
    const cm = toolScores(cur.tools, cur.items, u.scores, { whole: true });
    units.push({
      key: u.key,
      unit: u.unit,
      label: u.label,
      items: items.map((i) => ({
        code: i.code,
        ...change(previousScore(p.scores, i.from), u.scores.get(i.code), passMark),
      })),
      tools: cur.tools.map((t) => ({
        id: t.id,
        ...change(pm.tools.get(t.id)?.mean, cm.tools.get(t.id)?.mean, passMark),
      })),
      total: change(pm.total, cm.total, passMark),
    });
  }
  return {
    previous: {
      source: prev.source,
      fiscalYear: prev.fiscalYear,
      round: prev.round,
      form: prev.form,
    },
    current: { fiscalYear: cur.fiscalYear, round: cur.round, form: cur.form },
    passMark,
    items,
    onlyPreviousItems: prev.items.filter((i) => !used.has(i.code)),
    onlyCurrentItems: cur.items.filter((i) => !compared.has(i.code)),
    tools: cur.tools,
    units,
    onlyPreviousUnits: prev.units.filter((u) => !curKeys.has(u.key)),
    onlyCurrentUnits: cur.units.filter((u) => !prevUnits.has(u.key)),
  };
}

/**
 * The previous period from its district files, read as a merge reads them (each sheet against the form
 * it carries; the form most sheets carry is the period's form, `fallback` when none names one). Throws
 * a CompareInputError naming `source` when no report could be merged, with the first reasons.
 */
export function previousFromSubmissions(
  subs: readonly Submission[],
  source: string,
  fallback: FormDef
): PeriodScores {
  const result = mergeForms(subs, {
    formDef: chooseMergeForm(subs, fallback).form,
    expect: "none",
  });
  if (!result.merged.length) {
    const first = result.rejected.slice(0, 3);
    const th = first.map((r) => `${baseName(r.file)}: ${r.reason.th}`).join("; ");
    const en = first.map((r) => `${baseName(r.file)}: ${r.reason.en}`).join("; ");
    throw new CompareInputError(
      msg(
        `${source}: ไม่ใช่ไฟล์สรุปที่ ita เขียน และอ่านรายงานของเขตจากไฟล์นี้ไม่ได้${th ? ` (${th})` : ""}`,
        `${source}: not a summary written by ita, and no district report could be read from it${en ? ` (${en})` : ""}`
      )
    );
  }
  return periodFromMerge(result, source);
}

/**
 * The comparison of a merge with a previous period, for the CLI and the task pane: checks that the
 * previous period comes first (CompareInputError otherwise) and compares.
 */
export function compareWithPrevious(previous: PeriodScores, current: MergeResult): Comparison {
  const cur = periodFromMerge(current, "");
  checkPeriodOrder(previous, cur);
  return comparePeriods(previous, cur);
}

export interface ComparisonCounts {
  /** Units whose estimated ITA total rose, fell, stayed; and those without both totals. */
  improved: number;
  declined: number;
  unchanged: number;
  incomplete: number;
  /** Unit × item pairs that fell under the pass mark, and rose to it. */
  fell: number;
  rose: number;
}

export function comparisonCounts(c: Comparison): ComparisonCounts {
  const out: ComparisonCounts = {
    improved: 0,
    declined: 0,
    unchanged: 0,
    incomplete: 0,
    fell: 0,
    rose: 0,
  };
  for (const u of c.units) {
    const d = u.total.change;
    if (d === null) out.incomplete++;
    else if (d > 0) out.improved++;
    else if (d < 0) out.declined++;
    else out.unchanged++;
    for (const i of u.items) {
      if (i.pass === "fell") out.fell++;
      if (i.pass === "rose") out.rose++;
    }
  }
  return out;
}
