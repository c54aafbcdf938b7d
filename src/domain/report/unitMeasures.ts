import { FormItem } from "../catalog";
import type { ReadItem } from "../layout/read";
import { MergeResult, MergedUnit } from "../merge";
import {
  CellEntry,
  clauses,
  groupAlike,
  heldInstead,
  isLeadIn,
  likeness,
  notDoneWhat,
  overlap,
  MATCH_AT,
  matchEntries,
  matchResults,
  namedPlans,
  namesNoWork,
  normaliseMeasure,
  referencedGroup,
  saysCalledOff,
  saysInstead,
  saysDoneFirst,
  splitCell,
  Statement,
  statementOf,
  withoutJoin,
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
 *
 * Each item's results are read with that item's own measures (items of a group each have their row):
 * one item's results never stand for another's, and a "not done" in one item is said beside a credit
 * from another (with the items). In a cell, an entry numbered k (or the k-th, in a list as long as the
 * plans) is about the plan numbered k (the k-th): "3. ยังไม่ได้ดำเนินการ" says the third was not done.
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
  /** Its number as written ("3."), when it has one: a results entry numbered k is about plan k. */
  num?: number;
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
  /** The items whose results made the count (items sharing the group's measures each have theirs). */
  items: string[];
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
  /** The items whose results (or lack of them) say so. */
  items: string[];
}

export interface MeasureUse {
  text: string;
  /** Units counted under it, each once, in the merge's unit order. */
  done: Credit[];
  /** Units that planned it and are not counted, each once. */
  planned: PlannedOnly[];
  /**
   * Units counted under it (from some items' results) whose results for other items of the group say
   * it was not done or is under way: what those items say, with the items.
   */
  elsewhere: PlannedOnly[];
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
  /** What each of its items' results say (items sharing one results cell together), in form order. */
  slots: SlotDid[];
}

/** What a unit's results for some items of a group say, by the group's standard measures. */
export interface SlotDid {
  items: string[];
  /** Counted from these items' results. */
  standard: number[];
  /**
   * Said not done, called off (cancelled, dropped: `saysCalledOff`), or under way, in these items'
   * results (and not counted from them).
   */
  notDone: number[];
  calledOff: number[];
  inProgress: number[];
  /** Work of its own reported in these items' results. */
  own: boolean;
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

/**
 * A unit's text for some items of a group: one results cell (items sharing a merged cell read it
 * once) with the measures beside it. Entries are kept as written, repeats too: the second
 * "ยังไม่ได้ดำเนินการ" of a list is about another plan than the first.
 */
interface Slot {
  items: string[];
  measures: Located[];
  results: Located[];
}

/** Each unit's items by group, for the form they were worked out for. */
const itemsOfUnit = new WeakMap<
  MergedUnit,
  { formDef: MergeResult["formDef"]; groups: Map<string, ReadItem[]> }
>();

/**
 * A unit's items by measure group, in form order: an item is in its own group and in the groups of
 * the items it shares a cell with. Made once per unit, not searched for in every group (the crediting
 * and the measures sheet both go through every group of every unit).
 */
export function itemsByGroup(
  m: MergedUnit,
  formDef: MergeResult["formDef"]
): ReadonlyMap<string, readonly ReadItem[]> {
  const known = itemsOfUnit.get(m);
  if (known && known.formDef === formDef) return known.groups;
  const out = new Map<string, ReadItem[]>();
  for (const it of m.form.items) {
    const groups = new Set<string>();
    for (const code of [it.code, ...it.sharedWith]) {
      const g = formDef.byCode.get(code)?.measureGroup;
      if (g !== undefined) groups.add(g);
    }
    for (const g of groups) {
      const list = out.get(g);
      if (list) list.push(it);
      else out.set(g, [it]);
    }
  }
  itemsOfUnit.set(m, { formDef, groups: out });
  return out;
}

/** A cell's entries with where they are (built field by field: a spread of each was a tenth of the crediting's time). */
function located(entries: readonly CellEntry[], item: string, cell: string): Located[] {
  return entries.map((e) =>
    e.num === undefined
      ? { raw: e.raw, text: e.text, item, cell }
      : { raw: e.raw, text: e.text, num: e.num, item, cell }
  );
}

/** A unit's slots for a group, and all its measures for the group (each text once). */
function unitSlots(m: MergedUnit, groupItems: readonly ReadItem[]) {
  const slots: Slot[] = [];
  const all: Located[] = [];
  const byResultsCell = new Map<string, Slot>();
  const measuresOwner = new Map<string, string>();
  for (const it of groupItems) {
    // Items sharing one merged measures cell read the same text: it is the first item's.
    const owner = measuresOwner.get(it.cells.measures) ?? it.code;
    measuresOwner.set(it.cells.measures, owner);
    const measures = located(splitCell(it.measures), owner, it.cells.measures);
    for (const e of measures) if (!all.some((x) => x.raw === e.raw)) all.push(e);
    const shared = byResultsCell.get(it.cells.results);
    if (shared) {
      shared.items.push(it.code);
      continue;
    }
    // Results still the 6-month report's are not this round's outcomes (issue 26).
    const results = carriedSince6(m, it.code)
      ? []
      : located(splitCell(it.results), it.code, it.cells.results);
    if (!measures.length && !results.length) continue;
    const slot: Slot = { items: [it.code], measures, results };
    byResultsCell.set(it.cells.results, slot);
    slots.push(slot);
  }
  return { slots, measures: all };
}

/** Each entry's number ("3."; an unnumbered line belongs to the number before it), or null when the list is not numbered one number each. */
function numbered(list: readonly Located[]): number[] | null {
  // A line before the first number ("ดำเนินการแล้ว ดังนี้") leads in: about no plan (0).
  const first = list.findIndex((e) => e.num !== undefined);
  if (first < 0 || first > 1) return null;
  const seen = new Set<number>();
  const out: number[] = [];
  let cur = 0;
  for (const e of list) {
    if (e.num !== undefined) {
      if (seen.has(e.num)) return null;
      seen.add(e.num);
      cur = e.num;
    }
    out.push(cur);
  }
  return out;
}

/**
 * The plan each results entry is about (its index among the plans), -1 when none is known: the plan
 * of its number when both lists are numbered, else the plan in its place when the lists are as long.
 */
function alignedPlans(plans: readonly Located[], results: readonly Located[]): number[] {
  const pn = numbered(plans);
  const rn = numbered(results);
  if (pn && rn) return rn.map((n) => pn.indexOf(n));
  return results.map((_, i) => (results.length === plans.length ? i : -1));
}

interface Said {
  /** Results (or the clauses of them) saying something done, normalised for matching. */
  done: Located[];
  /** The plan each of `done` is about (its index among the plans; -1: none known). */
  doneAt: number[];
  /** The first statement that the planned measures were done. */
  asPlanned: Located | null;
  /** Every such statement with the plan it is about (-1: none known). */
  asPlannedAt: { entry: Located; at: number }[];
  /** Clauses saying something was not done or is under way. */
  negative: {
    entry: Located;
    kind: Extract<Statement, "not-done" | "in-progress">;
    /** The plan it is about (its index among the plans; -1: none known). */
    at: number;
    /** The whole entry says so (no clause of it says something done). */
    whole: boolean;
  }[];
}

/**
 * Sort a unit's results by what they say; a clause that says "not done" never counts, and one that
 * names a plan by its number ("ยกเว้นข้อ 5 ยังไม่ได้ดำเนินการ") is about that plan (`planNumbered`:
 * the index of the plan numbered n, -1 when none is). A lead-in ("ดำเนินการแล้ว ดังนี้") says nothing.
 */
function readResults(
  results: readonly Located[],
  planOf: readonly number[],
  planNumbered: (n: number) => number
): Said {
  const out: Said = { done: [], doneAt: [], asPlanned: null, asPlannedAt: [], negative: [] };
  for (const [i, r] of results.entries()) {
    const at = planOf[i];
    const kept: string[] = [];
    const negative: Said["negative"] = [];
    const numberOnly = new Set<number>();
    let planned = false;
    let instead = false;
    for (const c of clauses(r.raw)) {
      const st = statementOf(c);
      // The plans it names by number ("ยกเว้นข้อ 3 และ 4 …", "ดำเนินการแล้วในข้อ 1, 2"), else its own.
      const named = namedPlans(c)
        .map(planNumbered)
        .filter((j) => j >= 0);
      const ats = named.length ? named : [at];
      if (st === "not-done" || st === "in-progress") {
        // "ไม่ได้จัดทำ เนื่องจากใช้สื่อของ ศปท. แทน": done another way, so no "not done".
        instead ||= saysInstead(c);
        const entry = { ...r, raw: c, text: normaliseMeasure(c) };
        // Only its entry's number tells which plan: kept apart, in case the entry also says
        // something done (below).
        if (!named.length && !namesNoWork(entry.text)) numberOnly.add(negative.length);
        for (const a of ats) negative.push({ entry, kind: st, at: a, whole: false });
      } else if (st === "fact") {
        // What happened ("ไม่มีเรื่องร้องเรียน") or why: nothing the office did.
        continue;
      } else if (st === "as-planned") {
        const entry = { ...r, raw: c, text: "" };
        out.asPlanned ??= entry;
        for (const a of ats) out.asPlannedAt.push({ entry, at: a });
        planned = true;
      } else {
        instead ||= saysInstead(c);
        kept.push(withoutJoin(heldInstead(c)));
      }
    }
    const whole = !kept.length && !planned;
    // "1. เผยแพร่คู่มือแล้ว แต่ยังไม่ได้จัดประชุมชี้แจง": the number is the plan of what was done; what
    // was not done is the plan its words name (it was put under plan 1, and plan 2 read "not
    // mentioned").
    if (kept.length) for (const k of numberOnly) negative[k] = { ...negative[k], at: -1 };
    // Not done one way, done another ("ไม่ได้จัดประชุม เนื่องจากได้เวียนแจ้งเป็นหนังสือแล้ว"): no "not done".
    if (!instead) out.negative.push(...negative.map((n) => ({ ...n, whole })));
    if (!kept.length) continue;
    const raw = kept.join(" ");
    const text = raw === r.raw ? r.text : normaliseMeasure(raw);
    if (text && /[\p{L}\p{N}]/u.test(text) && !isLeadIn(text)) {
      out.done.push({ ...r, raw, text });
      out.doneAt.push(at);
    }
  }
  return out;
}

/**
 * The plan a "not done" is about by its words (-1: none): what it says was not done, without the
 * "not" and the reason ("งดการประชุมชี้แจง เนื่องจากติดภารกิจ…" → "การประชุมชี้แจง"), alike to the plan
 * (Dice) or, when short, found in it (0.6 × the share of its words the plan holds), at 0.3 or more;
 * of plans as alike, the first, unless a later one is clearly more alike by Dice (by 0.1).
 */
function closestPlan(entry: Located, plans: readonly Located[]): number {
  // A statement that names no work ("ดำเนินการแล้วบางส่วน") is about every plan, not the one that
  // happens to share a word with it ("ส่วน" of "ส่วนราชการ").
  if (namesNoWork(entry.text)) return -1;
  const nw = words(notDoneWhat(entry.text));
  if (!nw.size) return -1;
  let best = -1;
  let most = 0.3;
  let dice = 0;
  plans.forEach((p, j) => {
    const pw = words(p.text);
    let common = 0;
    for (const w of nw) if (pw.has(w)) common++;
    const d = overlap(nw, pw);
    const v = Math.max(d, (0.6 * common) / nw.size);
    if (v > most || (v === most && (best < 0 || d > dice + 0.1))) [best, most, dice] = [j, v, d];
  });
  return best;
}

/** The plan a "not done" is about: that of its number or place, else the one it is most alike to. */
const negativeAbout = (n: Said["negative"][number], plans: readonly Located[]) =>
  n.at >= 0 ? n.at : closestPlan(n.entry, plans);

/**
 * Why a planned entry is not counted, from what the unit's results say: a "not done" clause about it
 * (about the plan of its number or place, or else alike in words), else — when the results say nothing
 * was done at all — the unit's own word for all of them.
 */
function whyNot(
  place: number,
  said: Said,
  hadResults: boolean,
  plans: readonly Located[]
): Pick<PlannedOnly, "why" | "said"> {
  if (!hadResults) return { why: "no-results", said: null };
  const closest = (n: Said["negative"][number]) => closestPlan(n.entry, plans);
  // Its number (or place) says which plan an entry is about; else the words do, for the plan they
  // are most alike to ("ยังไม่ได้เผยแพร่หลักเกณฑ์…" is about the plan to publish, not every plan
  // that mentions the criteria).
  const about =
    said.negative.find((n) => n.at >= 0 && n.at === place) ??
    said.negative.find((n) => n.at < 0 && closest(n) === place);
  // A "not done" about no plan in particular (not by number, nor by words) is said of them all —
  // when it names no work of its own ("ยังไม่ได้ดำเนินการ เนื่องจาก…", "งดดำเนินการทุกข้อ"): one that
  // does and fits no plan ("มิได้กำชับเป็นหนังสือ") is not said of plans it does not name.
  const only =
    !said.done.length && !said.asPlanned
      ? said.negative.find((n) => n.at < 0 && closest(n) < 0 && namesNoWork(n.entry.text))
      : undefined;
  const n = about ?? only;
  return n ? { why: n.kind, said: n.entry } : { why: "not-mentioned", said: null };
}

/** Share of a short result's words its plan holds, when the plan is the one of its number or place. */
const RESTATED_ALIGNED = 0.5;
/** A share of the result's words this much above its own plan's puts it under that other plan. */
const CLEARLY_MORE = 0.25;
/** The same, for a plan the result is not numbered or placed as. */
const RESTATED = 0.6;

/**
 * The plan (among those matched to a standard measure) a result restates in fewer words — most of
 * the result's words are the plan's — or -1: the plan of its number or place at `RESTATED_ALIGNED`,
 * else the one plan that holds the most of them at `RESTATED`. A result of one word says too little.
 */
function restatedPlan(
  w: ReadonlySet<string>,
  planWords: (j: number) => ReadonlySet<string>,
  at: number,
  stdOfPlan: ReadonlyMap<number, number>
): number {
  if (w.size < 2) return -1;
  const share = (j: number) => {
    const p = planWords(j);
    // A result longer than the plan says more than the plan: it is matched by what it says.
    if (w.size > p.size) return 0;
    let common = 0;
    for (const x of w) if (p.has(x)) common++;
    return common / w.size;
  };
  // Its own plan, unless another holds clearly more of its words ("2. จัดประชุมชี้แจงงบประมาณ" under
  // plan 2 "จัดทำสื่อ…งบประมาณ…", when plan 1 is "เวียนแจ้ง / จัดประชุม ชี้แจง…งบประมาณ").
  if (at >= 0 && stdOfPlan.has(at) && share(at) >= RESTATED_ALIGNED) {
    const own = share(at);
    if (![...stdOfPlan.keys()].some((j) => j !== at && share(j) >= own + CLEARLY_MORE)) return at;
  }
  let best = -1;
  let bestShare = 0;
  let tie = false;
  for (const j of stdOfPlan.keys()) {
    const v = share(j);
    if (v > bestShare) [best, bestShare, tie] = [j, v, false];
    else if (v === bestShare) tie = true;
  }
  return bestShare >= RESTATED && !tie ? best : -1;
}

/**
 * Verbs that say what work was done (not "ดำเนินการ", "จัด", "ทำ", said of any): a result numbered as
 * a plan that shares one with it says it did that plan in words of its own ("3. ผู้อำนวยการเขตกำชับใน
 * ที่ประชุมแล้ว" of "3. ผู้บังคับบัญชากำชับ กำกับ ติดตาม…").
 */
const WORK_VERBS = [
  ...["กำชับ", "กำกับ", "ติดตาม", "ประชุม", "อบรม", "ฝึกอบรม", "เผยแพร่", "ประชาสัมพันธ์", "ประกาศ"],
  ...["แต่งตั้ง", "มอบหมาย", "เวียน", "ชี้แจง", "ซักซ้อม", "ทบทวน", "ปรับปรุง", "วิเคราะห์", "รณรงค์"],
];
/**
 * Each verb of work as `words` gives it: the word breaker may give one verb as two words ("เผยแพร่"
 * as "เผย" and "แพร่"), and a verb is shared when all of its words are.
 */
const WORK_WORDS: readonly (readonly string[])[] = WORK_VERBS.map((v) => [...words(v)]).filter(
  (ws) => ws.length > 0
);

/**
 * Whether a result numbered as plan `at` (in a numbered list of results, the plans numbered too;
 * matching no measure and restating no plan) does that plan's work in its own words: it shares a verb
 * of work with it, and no other plan shares more.
 */
function sameWork(
  w: ReadonlySet<string>,
  at: number,
  planWords: (j: number) => ReadonlySet<string>,
  stdOfPlan: ReadonlyMap<number, number>
): boolean {
  const shared = (j: number) => {
    let n = 0;
    const plan = planWords(j);
    for (const verb of WORK_WORDS) if (verb.every((x) => plan.has(x) && w.has(x))) n++;
    return n;
  };
  const own = shared(at);
  return own > 0 && ![...stdOfPlan.keys()].some((j) => j !== at && shared(j) > own);
}

/** A result's first phrase and first two phrases (a restated measure, before the unit's detail). */
function leadingParts(text: string): string[] {
  const ps = phrases(text);
  return ps.length > 2 ? [ps[0], `${ps[0]} ${ps[1]}`] : ps.length === 2 ? [ps[0]] : [];
}

/** What one slot's results say: credits by standard measure, the plans not counted, its own work. */
interface SlotRead {
  credits: Map<number, Credit>;
  planned: Map<number, PlannedOnly>;
  ownDone: Credit[];
  ownPlanned: PlannedOnly[];
}

const NEGATIVE = new Set<NotCounted>(["not-done", "in-progress"]);

/** A plan said not done because its activity was called off ("ยกเลิกโครงการ…"), not that it is still to be done. */
export const calledOff = (p: PlannedOnly): boolean =>
  p.why === "not-done" && p.said !== null && saysCalledOff(p.said.raw);
/** Which reason to give when items differ: what a unit said outweighs what it did not say. */
const RANK: Record<NotCounted, number> = {
  "not-done": 0,
  "in-progress": 1,
  "not-mentioned": 2,
  "no-results": 3,
};

/** What one unit did for one group, before it is put among the others' (in the merge's unit order). */
interface UnitPart {
  u: UnitInGroup;
  /** Its credit under standard measure k, what other items say of k, and k planned, not counted. */
  done: [number, Credit][];
  elsewhere: [number, PlannedOnly][];
  planned: [number, PlannedOnly][];
}

/** What one unit did for one group (null when it wrote nothing for it). */
function unitPart(
  m: MergedUnit,
  group: string,
  groupItems: readonly ReadItem[],
  standardTexts: readonly string[],
  formDef: MergeResult["formDef"]
): UnitPart | null {
  const { slots, measures } = unitSlots(m, groupItems);
  if (!slots.length) return null;
  const who = { unit: m.label, key: m.key };
  const u: UnitInGroup = {
    ...who,
    standard: [],
    planned: [],
    own: [],
    ownPlanned: [],
    references: [],
    slots: [],
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

  /** One slot's results read with its own measures (the group's, when it has none). */
  const readSlot = (slot: Slot): SlotRead => {
    const plans = plain(slot.measures.length ? slot.measures : measures, "measures");
    const res = plain(slot.results, "results");
    const planOf = alignedPlans(plans, res);
    const planNums = numbered(plans);
    // Plans and results both numbered: the unit says which result is about which plan.
    const listed = planNums !== null && numbered(res) !== null;
    // Each plan's words, looked up once for the slot (a result is compared with every plan).
    const planSets: ReadonlySet<string>[] = [];
    const planWords = (j: number) => (planSets[j] ??= words(plans[j].text));
    const said = readResults(res, planOf, (n) =>
      planNums ? planNums.indexOf(n) : n >= 1 && n <= plans.length ? n - 1 : -1
    );
    const where = { ...who, items: slot.items };
    const planMatch = matchEntries(
      plans.map((p) => p.text),
      standardTexts
    );
    const plannedStd = new Map<number, Located>();
    const stdOfPlan = new Map<number, number>();
    const ownPlans: Located[] = [];
    planMatch.forEach((x, i) => {
      if (x.standard === null) ownPlans.push(plans[i]);
      else {
        stdOfPlan.set(i, x.standard);
        if (!plannedStd.has(x.standard)) plannedStd.set(x.standard, plans[i]);
      }
    });

    // Results that match a standard measure count for it; the others are the unit's own.
    const credits = new Map<number, Credit>();
    const ownDone: Credit[] = [];
    matchResults(
      said.done.map((d) => d.text),
      standardTexts,
      leadingParts,
      // A result numbered as a plan is about that plan's measure when it matches it too.
      said.doneAt.map((at) => (at >= 0 ? stdOfPlan.get(at) : undefined))
    ).forEach((x, i) => {
      const e = said.done[i];
      const at = said.doneAt[i];
      const aligned = at >= 0 ? plans[at] : undefined;
      const w = words(e.text);
      // A result that restates one of its plans in a few of the plan's words: the plan of its number
      // or place, whatever other measure its few words resemble more ("2. จัดประชุมชี้แจงเจ้าหน้าที่"
      // for plan 2); another plan only when no measure matched ("ผู้บริหารได้กำชับในที่ประชุมแล้ว").
      const j = restatedPlan(w, planWords, at, stdOfPlan);
      let k = j >= 0 && j === at ? stdOfPlan.get(j)! : x.standard;
      if (k === null) {
        // "1. ดำเนินการแล้ว ตามคำสั่ง…": its number's plan done, with a detail of its own.
        if (aligned && saysDoneFirst(e.raw)) {
          const ka = stdOfPlan.get(at);
          const credit: Credit = {
            ...where,
            how: "as-planned",
            evidence: e,
            entries: [],
            plan: aligned,
          };
          if (ka === undefined) ownDone.push(credit);
          else if (!credits.has(ka)) credits.set(ka, credit);
          return;
        }
        if (
          j < 0 &&
          !(listed && aligned && stdOfPlan.has(at) && sameWork(w, at, planWords, stdOfPlan))
        ) {
          const plan =
            ownPlans.find((p) => likeness(words(p.text), w) >= MATCH_AT) ??
            (aligned && ownPlans.includes(aligned) ? aligned : null);
          ownDone.push({ ...where, how: "results", evidence: e, entries: [e], plan });
          return;
        }
        k = stdOfPlan.get(j >= 0 ? j : at)!;
      }
      const c = credits.get(k);
      if (c) c.entries.push(e);
      else
        credits.set(k, {
          ...where,
          how: "results",
          evidence: e,
          entries: [e],
          plan: j >= 0 && stdOfPlan.get(j) === k ? plans[j] : (plannedStd.get(k) ?? null),
        });
    });
    // An entry that says only "not done" about the plan of its number or place: that plan's
    // measure is not counted from this cell, whatever another entry of it resembles.
    const vetoed = new Set<number>();
    for (const n of said.negative)
      if (n.whole && n.at >= 0 && stdOfPlan.has(n.at)) vetoed.add(stdOfPlan.get(n.at)!);
    for (const k of vetoed) credits.delete(k);
    // "Carried out as planned" counts the planned measures, unless a result says one was not
    // done; in a results list numbered (or as long) as the plans, it counts the plan it is about.
    // Only a statement about no plan in particular stands for them all ("ดำเนินการแล้วทุกข้อ"), and
    // only while every "not done" is about a plan of its own, by number or by words ("ยกเว้นข้อ 5
    // ยังไม่ได้ดำเนินการ", "ดำเนินการแล้ว ยกเว้นการจัดทำคู่มือ").
    const about = said.negative.map((n) => negativeAbout(n, plans));
    const general = said.asPlannedAt.find((x) => x.at < 0)?.entry ?? null;
    const asPlanned = general && about.every((a) => a >= 0) ? general : null;
    const saidNot = (plan: Located) => about.includes(plans.indexOf(plan));
    const inPlace = (plan: Located) => {
      const i = plans.indexOf(plan);
      return said.asPlannedAt.find((x) => x.at >= 0 && x.at === i)?.entry ?? null;
    };
    const notCounted = (plan: Located): PlannedOnly => ({
      ...where,
      plan,
      ...whyNot(plans.indexOf(plan), said, res.length > 0, plans),
    });
    // Results that only point to another item ("ดำเนินการตามข้อ I1") are results: the reference says
    // what they are (reportModel's line for it), and the plans are not "without results".
    const referredOnly = !res.length && slot.results.length > 0;
    const planned = new Map<number, PlannedOnly>();
    for (const [k, plan] of plannedStd) {
      if (credits.has(k)) continue;
      const stated = vetoed.has(k) || saidNot(plan) ? null : (asPlanned ?? inPlace(plan));
      if (stated)
        credits.set(k, { ...where, how: "as-planned", evidence: stated, entries: [], plan });
      else if (!referredOnly) planned.set(k, notCounted(plan));
    }
    const ownNot: PlannedOnly[] = [];
    for (const plan of ownPlans) {
      if (ownDone.some((c) => c.plan === plan)) continue;
      const stated = saidNot(plan) ? null : (asPlanned ?? inPlace(plan));
      if (stated)
        ownDone.push({ ...where, how: "as-planned", evidence: stated, entries: [], plan });
      else if (!referredOnly) ownNot.push(notCounted(plan));
    }
    return { credits, planned, ownDone, ownPlanned: ownNot };
  };

  const read = slots.map((slot) => ({ slot, r: readSlot(slot) }));
  /** This unit's credit under each standard measure it is counted under. */
  const credited = new Map<number, Credit>();
  const part: UnitPart = { u, done: [], elsewhere: [], planned: [] };
  standardTexts.forEach((_, k) => {
    const negs = read.filter((x) => NEGATIVE.has(x.r.planned.get(k)?.why ?? "no-results"));
    // A statement that all was done as planned does not outweigh another item's "not done".
    const from = read.filter(
      (x) => x.r.credits.has(k) && (!negs.length || x.r.credits.get(k)!.how === "results")
    );
    if (from.length) {
      const cs = from.map((x) => x.r.credits.get(k)!);
      const base = cs.find((c) => c.how === "results") ?? cs[0];
      const entries: Located[] = [];
      for (const e of cs.flatMap((c) => c.entries))
        if (!entries.some((x) => x.raw === e.raw)) entries.push(e);
      const credit = {
        ...base,
        entries: fitted(entries),
        items: fitted(from.flatMap((x) => x.slot.items)),
      };
      part.done.push([k, credit]);
      credited.set(k, credit);
      u.standard.push(k);
      for (const why of ["not-done", "in-progress"] as const) {
        const said = negs.filter((x) => x.r.planned.get(k)!.why === why);
        if (said.length)
          part.elsewhere.push([
            k,
            {
              ...said[0].r.planned.get(k)!,
              items: fitted(said.flatMap((x) => x.slot.items)),
            },
          ]);
      }
      return;
    }
    const ps = read.filter((x) => x.r.planned.has(k));
    if (!ps.length) return;
    const best = ps.map((x) => x.r.planned.get(k)!).sort((a, b) => RANK[a.why] - RANK[b.why])[0];
    part.planned.push([
      k,
      {
        ...best,
        items: fitted(
          ps.filter((x) => x.r.planned.get(k)!.why === best.why).flatMap((x) => x.slot.items)
        ),
      },
    ]);
    u.planned.push(k);
  });
  // The unit's own plans: done in one item counts; "not done" in another outweighs "as planned".
  const ownNeg = read.flatMap((x) => x.r.ownPlanned.filter((p) => NEGATIVE.has(p.why)));
  const ownDone = read
    .flatMap((x) => x.r.ownDone)
    .filter(
      (c) => !(c.how === "as-planned" && c.plan && ownNeg.some((p) => p.plan.raw === c.plan!.raw))
    );
  for (const p of read.flatMap((x) => x.r.ownPlanned).sort((a, b) => RANK[a.why] - RANK[b.why])) {
    if (ownDone.some((c) => c.plan?.raw === p.plan.raw)) continue;
    if (u.ownPlanned.some((x) => x.plan.raw === p.plan.raw)) continue;
    u.ownPlanned.push(p);
  }
  // Two alike results of one unit are one thing it did.
  for (const c of ownDone) {
    const text = ownText(c);
    if (u.own.some((o) => likeness(words(ownText(o)), words(text)) >= MATCH_AT)) continue;
    u.own.push(c);
  }
  u.slots = read.map(({ slot, r }) => {
    const counted = (k: number) => {
      const c = credited.get(k);
      return c !== undefined && slot.items.some((i) => c.items.includes(i));
    };
    const said = (why: NotCounted, off = false) =>
      [...r.planned]
        .filter(([k, p]) => p.why === why && !counted(k) && calledOff(p) === off)
        .map(([k]) => k);
    return {
      items: fitted(slot.items),
      standard: fitted([...r.credits.keys()].filter(counted).sort((a, b) => a - b)),
      notDone: fitted(said("not-done").sort((a, b) => a - b)),
      calledOff: fitted(said("not-done", true).sort((a, b) => a - b)),
      inProgress: fitted(said("in-progress").sort((a, b) => a - b)),
      own: ownDone.some((c) => slot.items.some((i) => c.items.includes(i))),
    };
  });
  u.standard = fitted(u.standard);
  u.planned = fitted(u.planned);
  return part;
}

/**
 * An array at its own length: one built by pushing keeps room for about 16 more, and the credits
 * of 5,000 units keep hundreds of thousands of short ones (a sixth of their memory).
 */
const fitted = <T>(a: T[]): T[] => (a.length ? a.slice() : []);

const cache = new WeakMap<MergeResult, GroupMeasures[]>();

/**
 * What every merged unit did, group by group: its results matched to the form's standard measures
 * (and to its own plans), its plans matched to say what it planned and did not report as done.
 * Computed once per merge (the summary's measures sheet, the report and `--json` share it):
 * `creditInSteps` run to its end.
 */
export function matchUnitMeasures(result: MergeResult): GroupMeasures[] {
  const steps = creditInSteps(result);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The crediting a measure group at a time: yields how many groups are done and how many there are,
 * and returns (and keeps, for `matchUnitMeasures`) what every unit did, group by group. A shell that
 * must stay responsive (the pane, where this is most of the merge's time) runs it between frames and
 * can stop it there. Group by group, not unit by unit: the units' texts of one group (the standard
 * measures, copied) are looked up while they are still among the recent ones.
 */
export function* creditInSteps(
  result: MergeResult
): Generator<[done: number, of: number], GroupMeasures[], void> {
  const hit = cache.get(result);
  if (hit) return hit;
  const { formDef } = result;
  const groups = new Map<string, FormItem[]>();
  for (const it of formDef.items)
    groups.set(it.measureGroup, [...(groups.get(it.measureGroup) ?? []), it]);
  const out: GroupMeasures[] = [];
  const unitItems = result.merged.map((m) => itemsByGroup(m, formDef));
  for (const [group, items] of groups) {
    const standardTexts = items[0].standardMeasures;
    const standard: MeasureUse[] = standardTexts.map((text) => ({
      text,
      done: [],
      planned: [],
      elsewhere: [],
    }));
    const ownAll: Credit[] = [];
    const ownPlanned: PlannedOnly[] = [];
    const references: Reference[] = [];
    const units: UnitInGroup[] = [];
    for (const [mi, m] of result.merged.entries()) {
      const part = unitPart(m, group, unitItems[mi].get(group) ?? [], standardTexts, formDef);
      if (!part) continue;
      const { u } = part;
      for (const [k, c] of part.done) standard[k].done.push(c);
      for (const [k, p] of part.elsewhere) standard[k].elsewhere.push(p);
      for (const [k, p] of part.planned) standard[k].planned.push(p);
      ownPlanned.push(...u.ownPlanned);
      ownAll.push(...u.own);
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
    yield [out.length, groups.size];
  }
  cache.set(result, out);
  return out;
}

const byKey = new WeakMap<readonly { key: string }[], Map<string, { key: string }>>();

/** The first of a list with a unit's key, the list indexed once (a lookup per unit stays linear). */
function firstWithKey<T extends { key: string }>(list: readonly T[], key: string): T | undefined {
  let index = byKey.get(list);
  if (!index) {
    index = new Map();
    for (const x of list) if (!index.has(x.key)) index.set(x.key, x);
    byKey.set(list, index);
  }
  return index.get(key) as T | undefined;
}

/** A unit's part of a group, by its key; undefined when it wrote nothing for the group. */
export const unitInGroup = (g: GroupMeasures, key: string): UnitInGroup | undefined =>
  firstWithKey(g.units, key);

/** How a unit is counted under a standard measure, by its key; undefined when it is not. */
export const creditUnder = (use: MeasureUse, key: string): Credit | undefined =>
  firstWithKey(use.done, key);

/** The text of an own measure: what the unit reported, or (done as planned) what it planned. */
export const ownText = (c: Credit): string =>
  c.how === "as-planned" && c.plan ? c.plan.text : c.evidence.text;

/** A cluster's credits with each unit once (its first). */
function oncePerUnit(cs: Credit[]): Credit[] {
  const seen = new Set<string>();
  return cs.filter((c) => !seen.has(c.key) && seen.add(c.key));
}
