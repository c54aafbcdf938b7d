import { FormItem } from "../catalog";
import { MergeResult, MergedUnit } from "../merge";
import {
  clauses,
  groupAlike,
  likeness,
  MATCH_AT,
  matchEntries,
  matchResults,
  normaliseMeasure,
  referencedGroup,
  splitCell,
  Statement,
  statementOf,
  words,
} from "./measureMatch";
import { carriedSince6 } from "./sinceRound6";
import { phrases } from "./sentences";

/**
 * What each unit did for each measure group, credited only from what it reported as done: a unit
 * counts under a measure when an entry of its results matches the measure (the same matching as its
 * planned measures get), or when its results say the planned measures were carried out
 * ("ดำเนินการแล้ว", "ดำเนินการตามมาตรการที่กำหนด") — then the measures it planned count, marked so.
 * A measure planned without such a result is listed as planned, with why it is not counted. Every
 * credit keeps the unit's own text that made it, and where that text is (item and cell).
 */

/** An entry of a unit's cell, with where it is. */
export interface Located {
  /** The entry as written (its bullet or number removed). */
  raw: string;
  /** Normalised for matching (`normaliseMeasure`). */
  text: string;
  /** The item whose cell holds it, and the cell ("F14"). */
  item: string;
  cell: string;
}

/** A unit counted under a measure, and the text that made the count. */
export interface Credit {
  /** The unit's display name (`สำนักงานเขตบางนา`) and its key (district code or `name:…`). */
  unit: string;
  key: string;
  /** "results": an entry of its results matches the measure; "as-planned": its results say the planned measures were done. */
  how: "results" | "as-planned";
  /** The results text that made the count (as written): the matching entry, or the unit's statement. */
  evidence: Located;
  /** Every entry of its results that matched the measure (the first is `evidence`); [] for as-planned. */
  entries: Located[];
  /** The unit's planned entry for the measure, when it planned it. */
  plan: Located | null;
}

/**
 * Why a planned measure is not counted: no results at all for the group, results that do not
 * mention it, results that say it was not done, or that it is under way or to come.
 */
export type NotCounted = "no-results" | "not-mentioned" | "not-done" | "in-progress";

export interface PlannedOnly {
  unit: string;
  key: string;
  plan: Located;
  why: NotCounted;
  /** The unit's statement that it was not done or is under way, when that is why. */
  said: Located | null;
}

export interface MeasureUse {
  text: string;
  /** Units counted under it, each once, in the merge's unit order. */
  done: Credit[];
  /** Units that planned it and are not counted, each once. */
  planned: PlannedOnly[];
}

/** A unit's text for a group that points to another group's measures ("ตามมาตรการในข้อ I1"). */
export interface Reference {
  unit: string;
  key: string;
  /** The measure group it points to (code of its first item). */
  to: string;
  /** In its results (it says it did that group's measures) or only in its measures (it planned them). */
  where: "results" | "measures";
  entry: Located;
}

/** What one unit did for one group. */
export interface UnitInGroup {
  unit: string;
  key: string;
  /** Indexes of the standard measures it is counted under. */
  standard: number[];
  /** Standard measures it planned and is not counted under. */
  planned: number[];
  /** Its results matching no standard measure, and its own plans counted as planned-and-done. */
  own: Credit[];
  ownPlanned: PlannedOnly[];
  references: Reference[];
}

/** What the units did for one measure group (an item, or items sharing the form's measures). */
export interface GroupMeasures {
  /** Code of the group's first item. */
  group: string;
  items: FormItem[];
  standard: MeasureUse[];
  /** Units' results matching no standard measure, alike ones together (each unit once in a cluster). */
  own: Credit[][];
  /** Units' own planned measures (matching no standard measure) not counted. */
  ownPlanned: PlannedOnly[];
  /** Units whose text for this group points to another group's measures. */
  references: Reference[];
  /** Units that wrote anything for the group (measures, results or a reference). */
  unitsWithText: number;
  /** Each unit with text for the group, in the merge's unit order. */
  units: UnitInGroup[];
}

/** A unit's entries for one group: every member item's measures and results, each text once. */
function unitEntries(m: MergedUnit, codes: ReadonlySet<string>) {
  const measures: Located[] = [];
  const results: Located[] = [];
  const seenCell = new Set<string>();
  const add = (list: Located[], text: string, item: string, cell: string) => {
    for (const e of splitCell(text))
      if (!list.some((x) => x.raw === e.raw)) list.push({ ...e, item, cell });
  };
  for (const it of m.form.items) {
    if (!codes.has(it.code) && !it.sharedWith.some((c) => codes.has(c))) continue;
    // Items sharing one merged cell read the same text: each cell once.
    if (!seenCell.has(it.cells.measures)) {
      seenCell.add(it.cells.measures);
      add(measures, it.measures, it.code, it.cells.measures);
    }
    if (!seenCell.has(it.cells.results)) {
      seenCell.add(it.cells.results);
      // Results still the 6-month report's are not this round's outcomes (issue 26).
      if (!carriedSince6(m, it.code)) add(results, it.results, it.code, it.cells.results);
    }
  }
  return { measures, results };
}

interface Said {
  /** How many results entries there were (a "not done" entry of a list as long as the plans is about the plan in its place). */
  count: number;
  /** Results (or the clauses of them) saying something done, normalised for matching. */
  done: Located[];
  /** The first statement that the planned measures were done. */
  asPlanned: Located | null;
  /** Every such statement with its place among the results entries. */
  asPlannedAt: { entry: Located; at: number }[];
  /** Clauses saying something was not done or is under way. */
  negative: {
    entry: Located;
    kind: Extract<Statement, "not-done" | "in-progress">;
    /** Its place among the results entries. */
    at: number;
  }[];
}

/** Sort a unit's results by what they say; a clause that says "not done" never counts. */
function readResults(results: readonly Located[]): Said {
  const out: Said = {
    count: results.length,
    done: [],
    asPlanned: null,
    asPlannedAt: [],
    negative: [],
  };
  for (const [at, r] of results.entries()) {
    const kept: string[] = [];
    for (const c of clauses(r.raw)) {
      const st = statementOf(c);
      if (st === "not-done" || st === "in-progress")
        out.negative.push({ entry: { ...r, raw: c, text: normaliseMeasure(c) }, kind: st, at });
      else if (st === "as-planned") {
        const entry = { ...r, raw: c, text: "" };
        out.asPlanned ??= entry;
        out.asPlannedAt.push({ entry, at });
      } else kept.push(c);
    }
    if (!kept.length) continue;
    const raw = kept.join(" ");
    const text = raw === r.raw ? r.text : normaliseMeasure(raw);
    if (text && /[\p{L}\p{N}]/u.test(text)) out.done.push({ ...r, raw, text });
  }
  return out;
}

/**
 * Why a planned entry is not counted, from what the unit's results say: a "not done" clause about it
 * (alike in words, or in its place when the results list is as long as the plans), else — when the
 * results say nothing was done at all — the unit's own word for all of them.
 */
function whyNot(
  plan: Located,
  place: number,
  plans: number,
  said: Said,
  hadResults: boolean
): Pick<PlannedOnly, "why" | "said"> {
  if (!hadResults) return { why: "no-results", said: null };
  const w = words(plan.text);
  const about =
    said.negative.find((n) => likeness(words(n.entry.text), w) >= 0.3) ??
    (said.count === plans ? said.negative.find((n) => n.at === place) : undefined);
  const only = !said.done.length && !said.asPlanned ? said.negative[0] : undefined;
  const n = about ?? only;
  return n ? { why: n.kind, said: n.entry } : { why: "not-mentioned", said: null };
}

/** A result's first phrase and first two phrases (a restated measure, before the unit's detail). */
function leadingParts(text: string): string[] {
  const ps = phrases(text);
  return ps.length > 2 ? [ps[0], `${ps[0]} ${ps[1]}`] : ps.length === 2 ? [ps[0]] : [];
}

const cache = new WeakMap<MergeResult, GroupMeasures[]>();

/**
 * What every merged unit did, group by group: its results matched to the form's standard measures
 * (and to its own plans), its plans matched to say what it planned and did not report as done.
 * Computed once per merge (the summary's measures sheet, the report and `--json` share it).
 */
export function matchUnitMeasures(result: MergeResult): GroupMeasures[] {
  const hit = cache.get(result);
  if (hit) return hit;
  const { formDef } = result;
  const groups = new Map<string, FormItem[]>();
  for (const it of formDef.items)
    groups.set(it.measureGroup, [...(groups.get(it.measureGroup) ?? []), it]);
  const out: GroupMeasures[] = [];
  for (const [group, items] of groups) {
    const codes = new Set(items.map((i) => i.code));
    const standardTexts = items[0].standardMeasures;
    const standard: MeasureUse[] = standardTexts.map((text) => ({ text, done: [], planned: [] }));
    const ownAll: Credit[] = [];
    const ownPlanned: PlannedOnly[] = [];
    const references: Reference[] = [];
    const units: UnitInGroup[] = [];
    for (const m of result.merged) {
      const { measures, results } = unitEntries(m, codes);
      if (!measures.length && !results.length) continue;
      const who = { unit: m.label, key: m.key };
      const u: UnitInGroup = {
        ...who,
        standard: [],
        planned: [],
        own: [],
        ownPlanned: [],
        references: [],
      };
      // "As in item X" points elsewhere; it states no measure of this group.
      const plain = (list: Located[], where: Reference["where"]) =>
        list.filter((e) => {
          const to = referencedGroup(e.raw, formDef);
          if (to === null) return true;
          if (to !== group && !u.references.some((r) => r.to === to && r.where === where))
            u.references.push({ ...who, to, where, entry: e });
          return false;
        });
      const plans = plain(measures, "measures");
      const res = plain(results, "results");
      const said = readResults(res);
      const planMatch = matchEntries(
        plans.map((p) => p.text),
        standardTexts
      );
      const plannedStd = new Map<number, Located>();
      const ownPlans: Located[] = [];
      planMatch.forEach((x, i) => {
        if (x.standard === null) ownPlans.push(plans[i]);
        else if (!plannedStd.has(x.standard)) plannedStd.set(x.standard, plans[i]);
      });

      // Results that match a standard measure count for it; the others are the unit's own.
      const credits = new Map<number, Credit>();
      const ownDone: Credit[] = [];
      matchResults(
        said.done.map((d) => d.text),
        standardTexts,
        leadingParts
      ).forEach((x, i) => {
        const e = said.done[i];
        if (x.standard === null) {
          const w = words(e.text);
          const plan = ownPlans.find((p) => likeness(words(p.text), w) >= MATCH_AT) ?? null;
          ownDone.push({ ...who, how: "results", evidence: e, entries: [e], plan });
          return;
        }
        const c = credits.get(x.standard);
        if (c) c.entries.push(e);
        else
          credits.set(x.standard, {
            ...who,
            how: "results",
            evidence: e,
            entries: [e],
            plan: plannedStd.get(x.standard) ?? null,
          });
      });
      // "Carried out as planned" counts the planned measures, unless a result says one was not
      // done; in a results list as long as the plans, it counts the plan in its place.
      const asPlanned = said.asPlanned && !said.negative.length ? said.asPlanned : null;
      const inPlace = (plan: Located) =>
        said.count === plans.length
          ? (said.asPlannedAt.find((x) => x.at === plans.indexOf(plan))?.entry ?? null)
          : null;
      for (const [k, plan] of plannedStd) {
        if (credits.has(k)) continue;
        const stated = asPlanned ?? inPlace(plan);
        if (stated)
          credits.set(k, { ...who, how: "as-planned", evidence: stated, entries: [], plan });
        else {
          const p: PlannedOnly = {
            ...who,
            plan,
            ...whyNot(plan, plans.indexOf(plan), plans.length, said, res.length > 0),
          };
          standard[k].planned.push(p);
          u.planned.push(k);
        }
      }
      for (const [k, c] of [...credits].sort((a, b) => a[0] - b[0])) {
        standard[k].done.push(c);
        u.standard.push(k);
      }
      for (const plan of ownPlans) {
        if (ownDone.some((c) => c.plan === plan)) continue;
        const stated = asPlanned ?? inPlace(plan);
        if (stated)
          ownDone.push({ ...who, how: "as-planned", evidence: stated, entries: [], plan });
        else {
          const p: PlannedOnly = {
            ...who,
            plan,
            ...whyNot(plan, plans.indexOf(plan), plans.length, said, res.length > 0),
          };
          ownPlanned.push(p);
          u.ownPlanned.push(p);
        }
      }
      // Two alike results of one unit are one thing it did.
      for (const c of ownDone) {
        const text = ownText(c);
        if (u.own.some((o) => likeness(words(ownText(o)), words(text)) >= MATCH_AT)) continue;
        u.own.push(c);
        ownAll.push(c);
      }
      references.push(...u.references);
      units.push(u);
    }
    out.push({
      group,
      items,
      standard,
      own: groupAlike(ownAll, ownText).map(oncePerUnit),
      ownPlanned,
      references,
      unitsWithText: units.length,
      units,
    });
  }
  cache.set(result, out);
  return out;
}

/** The text of an own measure: what the unit reported, or (done as planned) what it planned. */
export const ownText = (c: Credit): string =>
  c.how === "as-planned" && c.plan ? c.plan.text : c.evidence.text;

/** A cluster's credits with each unit once (its first). */
function oncePerUnit(cs: Credit[]): Credit[] {
  const seen = new Set<string>();
  return cs.filter((c) => !seen.has(c.key) && seen.add(c.key));
}
