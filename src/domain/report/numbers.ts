import { FormDef, FormItem } from "../catalog";
import { creditUnder, GroupMeasures, SlotDid, unitInGroup } from "./unitMeasures";

/**
 * The report's numbers of the measures ("1.1" … within each indicator, the form's measures in the
 * form's order) and what a unit did in a group said by those numbers — shared by the Word report and
 * the summary's sheets, so both say "มาตรการ 5.2" of the same measure. A measure's number is the
 * form's alone: the row of the units' other work has none (numbered, it moved every measure after it
 * whenever a unit reported other work, so that one merge's 5.7 was another's 5.6).
 */

export interface GroupNumbers {
  standard: string[];
  /**
   * The row of what units did beyond the form's measures, named ("การดำเนินการอื่นของข้อ I1–I4"),
   * for the lines that point to it; null when no unit reported any.
   */
  own: string | null;
}

/** "I1–I4", "I5", "O1–O22": the items of a measure group as the form numbers them. */
export function groupSpan(items: readonly FormItem[]): string {
  const code = (c: string) => c.replace(/-/g, "–");
  const first = code(items[0].code);
  return items.length === 1 ? first : `${first}–${code(items[items.length - 1].code)}`;
}

/** "1.1, 1.2 และ 1.4" */
export function numberList(ns: readonly string[]): string {
  if (ns.length <= 1) return ns.join("");
  return `${ns.slice(0, -1).join(", ")} และ ${ns[ns.length - 1]}`;
}

/** "1.1–1.5" for several rows, "1.6" for one. */
export const numberSpan = (ns: readonly string[]) =>
  ns.length > 1 ? `${ns[0]}–${ns[ns.length - 1]}` : (ns[0] ?? "");

/** The numbers of every group's rows, in the form's order of tools, indicators and items. */
export function measureNumbers(
  formDef: FormDef,
  groups: readonly GroupMeasures[]
): Map<string, GroupNumbers> {
  const byGroup = new Map(groups.map((g) => [g.group, g]));
  const out = new Map<string, GroupNumbers>();
  for (const t of formDef.tools)
    for (const ind of t.indicators) {
      let k = 0;
      for (const it of ind.items) {
        const g = byGroup.get(it.measureGroup);
        if (!g || out.has(g.group)) continue;
        out.set(g.group, {
          standard: g.standard.map(() => `${ind.number}.${++k}`),
          own:
            g.own.length || g.ownPlanned.length ? `การดำเนินการอื่นของข้อ ${groupSpan(g.items)}` : null,
        });
      }
    }
  return out;
}

/** The numbers of a group's measures ("5.1" … "5.5"). */
export const rowNumbers = (n: GroupNumbers | undefined): string[] => (n ? n.standard : []);

/** What a unit did in a group, by the report's numbers. */
export interface UnitDid {
  /** done: counted under a measure; planned: only planned (or pointed elsewhere, to nothing done); none: wrote nothing. */
  kind: "done" | "planned" | "none";
  /** "ได้ดำเนินการตามมาตรการ 5.1 และ 5.3 รวมทั้งดำเนินการตามมาตรการ 5.2 ตามที่วางแผนไว้ …" */
  text: string;
}

/** "I20", "I18–I19", "I18 และ I20": some items of a group, runs of them as spans. */
export function itemList(codes: readonly string[], items: readonly FormItem[]): string {
  const order = items.map((i) => i.code).filter((c) => codes.includes(c));
  const runs: string[][] = [];
  for (const c of order) {
    const last = runs[runs.length - 1];
    const prev = last ? items.findIndex((i) => i.code === last[last.length - 1]) : -2;
    if (last && items.findIndex((i) => i.code === c) === prev + 1) last.push(c);
    else runs.push([c]);
  }
  const code = (c: string) => c.replace(/-/g, "–");
  return numberList(
    runs.map((r) => (r.length === 1 ? code(r[0]) : `${code(r[0])}–${code(r[r.length - 1])}`))
  );
}

/** What a unit's results may say of a measure not counted, by the field of `SlotDid` that holds it. */
const NOT_SAID = [
  ["notDone", "ยังไม่ได้ดำเนินการ"],
  ["calledOff", "ยกเลิกหรืองดการดำเนินการ"],
  ["inProgress", "อยู่ระหว่างดำเนินการ"],
] as const;

/** The measures of several lists, each once, in order. */
const union = (lists: readonly (readonly number[])[]): number[] =>
  [...new Set(lists.flat())].sort((a, b) => a - b);

/**
 * What a unit did for a group: the measures it is counted under (from its results; those done as
 * planned said so), its other work (by the row's number), and "as in item X" resolved to the measures
 * it is counted under there. Given `items` (those under the pass mark), only what the results of
 * those items say, when the unit wrote any for them; without, the whole group's, with the items whose
 * results say a measure counted from another item's was not done or is under way.
 */
export function unitDid(
  byGroup: ReadonlyMap<string, GroupMeasures>,
  numbers: ReadonlyMap<string, GroupNumbers>,
  group: string,
  key: string,
  items?: readonly string[]
): UnitDid {
  const g = byGroup.get(group);
  const n = numbers.get(group);
  const u = g && unitInGroup(g, key);
  if (!g || !u || !n) return { kind: "none", text: "ไม่ได้ระบุมาตรการหรือผลการดำเนินการของข้อนี้" };
  const picked = items ? u.slots.filter((s) => s.items.some((i) => items.includes(i))) : [];
  const only = picked.length > 0;
  const nums = (ks: readonly number[]) => numberList(ks.map((k) => n.standard[k]));
  const done: string[] = [];
  const how = (k: number) => creditUnder(g.standard[k], key)!.how;
  const counted = only ? union(picked.map((s) => s.standard)) : u.standard;
  const fromResults = counted.filter((k) => how(k) === "results");
  const asPlanned = counted.filter((k) => how(k) === "as-planned");
  if (fromResults.length) done.push(`ดำเนินการตามมาตรการ ${nums(fromResults)}`);
  if (asPlanned.length) done.push(`ดำเนินการตามมาตรการ ${nums(asPlanned)} ตามที่วางแผนไว้`);
  const own = only ? picked.some((s) => s.own) : u.own.length > 0;
  // The group's row of other work is right above the lines that say this: not pointed to again.
  if (own && n.own) done.push("ดำเนินการอื่นของหน่วยงานเพิ่มเติม");
  for (const r of u.references.filter((x) => x.where === "results")) {
    const target = byGroup.get(r.to);
    const there = target && unitInGroup(target, key);
    const tn = numbers.get(r.to);
    const did = there && tn ? there.standard.map((k) => tn.standard[k]) : [];
    if (did.length)
      done.push(`ดำเนินการตามมาตรการของข้อ ${groupSpan(target!.items)} (มาตรการ ${numberList(did)})`);
  }
  // What its results say was not done: of the items asked about; else of other items, by item
  // (asked about items whose cells say nothing: every measure said not done, where it was said).
  const saidNot: string[] = [];
  const not = (ks: readonly number[], what: string, where: string) => {
    if (ks.length) saidNot.push(`${what}ตามมาตรการ ${nums(ks)}${where}`);
  };
  const said = (s: SlotDid) =>
    s.standard.length > 0 || s.own || NOT_SAID.some(([f]) => s[f].length);
  const saying = only ? picked.filter(said) : u.slots.filter(said);
  if (only)
    for (const [field, what] of NOT_SAID)
      not(
        union(picked.map((s) => s[field])).filter((k) => !counted.includes(k)),
        what,
        ""
      );
  else
    for (const s of u.slots)
      for (const [field, what] of NOT_SAID)
        not(
          items ? s[field] : s[field].filter((k) => counted.includes(k)),
          what,
          items && saying.length < 2 ? "" : ` ในข้อ ${itemList(s.items, g.items)}`
        );
  const saidBy = saidNot.length ? ` โดยรายงานว่า${saidNot.join(" และ")}` : "";
  // Asked about items whose cells say nothing: what is said is named by where it was said, so a
  // unit is never read as having acted on an item it wrote nothing for.
  const written = new Set(saying.flatMap((s) => s.items));
  const silent = (items ?? []).filter((c) => !written.has(c));
  const named = (codes: readonly string[]) => itemList(codes, g.items);
  let where = "";
  let unsaid = "";
  if (silent.length && saying.length) {
    if (only) {
      where = `ในข้อ ${named(items!.filter((c) => written.has(c)))} `;
      unsaid = ` ส่วนข้อ ${named(silent)} ไม่ได้ระบุผลการดำเนินการ`;
    } else where = `ข้อ ${named(silent)} ไม่ได้ระบุผลการดำเนินการ แต่ในข้อ ${named([...written])} `;
  }
  if (done.length)
    return { kind: "done", text: `${where}ได้${done.join(" รวมทั้ง")}${saidBy}${unsaid}` };
  if (saidNot.length)
    return {
      kind: "planned",
      text: `${where}มีแผนดำเนินการ แต่รายงานว่า${saidNot.join(" และ")}${unsaid}`,
    };
  if (u.planned.length || u.ownPlanned.length || u.references.length)
    return {
      kind: "planned",
      text: "มีแผนดำเนินการ แต่ยังไม่มีผลการดำเนินการที่ระบุว่าได้ดำเนินการแล้ว",
    };
  return { kind: "none", text: "ไม่ได้ระบุมาตรการหรือผลการดำเนินการของข้อนี้" };
}
