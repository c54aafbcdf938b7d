import { FormItem } from "../catalog";
import { MergeResult, MergedUnit } from "../merge";
import { thaiDigitsToAscii } from "../text";
import {
  groupAlike,
  likeness,
  matchEntries,
  referencedGroup,
  splitEntries,
  words,
} from "./measureMatch";
import { carriedSince6 } from "./sinceRound6";

/** One unit's entry under a measure, with the result it reported for it (when one pairs with it). */
export interface UnitEntry {
  unit: string;
  entry: string;
  result: string;
}

export interface StandardUse {
  text: string;
  /** Each unit at most once (its first entry that matched this measure). */
  units: UnitEntry[];
}

/** What the units did for one measure group (an item, or items sharing the form's measures). */
export interface GroupMeasures {
  /** Code of the group's first item. */
  group: string;
  items: FormItem[];
  standard: StandardUse[];
  /** Units' own measures (matching no standard measure), alike ones grouped; each unit once per group. */
  own: UnitEntry[][];
  /** Units that wrote only "as in item X" for this group, X being another group. */
  references: { unit: string; to: string }[];
  /** Units that wrote any measure (or reference) for the group. */
  unitsWithText: number;
}

/** A unit's entries for one group: every member item's measures and results, each text once. */
function unitTexts(m: MergedUnit, codes: ReadonlySet<string>) {
  const measures: string[] = [];
  const results: string[] = [];
  const seen = new Set<string>();
  for (const it of m.form.items) {
    if (!codes.has(it.code) && !it.sharedWith.some((c) => codes.has(c))) continue;
    const key = `${it.measures}\u0000${it.results}`;
    if (seen.has(key)) continue;
    seen.add(key);
    measures.push(...splitEntries(it.measures));
    // Results still the 6-month report's are not this round's outcomes (issue 26).
    if (!carriedSince6(m, it.code)) results.push(...splitEntries(it.results));
  }
  return { measures: [...new Set(measures)], results: [...new Set(results)] };
}

/** The result entry that belongs to a measure entry: same position when counts agree, else most alike. */
function pairResult(i: number, entry: string, measures: string[], results: string[]): string {
  if (!results.length) return "";
  if (results.length === measures.length) return results[i];
  const w = words(entry);
  let best = "";
  let bestScore = 0.3;
  for (const r of results) {
    const s = likeness(w, words(r));
    if (s > bestScore) [best, bestScore] = [r, s];
  }
  return best;
}

/** Match every merged unit's measures to the form's standard measures, group by group. */
export function matchUnitMeasures(result: MergeResult): GroupMeasures[] {
  const { formDef: formDef } = result;
  const groups = new Map<string, FormItem[]>();
  for (const it of formDef.items)
    groups.set(it.measureGroup, [...(groups.get(it.measureGroup) ?? []), it]);
  const out: GroupMeasures[] = [];
  for (const [group, items] of groups) {
    const codes = new Set(items.map((i) => i.code));
    const standardTexts = items[0].standardMeasures;
    const standard: StandardUse[] = standardTexts.map((text) => ({ text, units: [] }));
    const ownAll: UnitEntry[] = [];
    const references: GroupMeasures["references"] = [];
    let unitsWithText = 0;
    for (const m of result.merged) {
      const { measures, results } = unitTexts(m, codes);
      if (!measures.length) continue;
      unitsWithText++;
      const plain: string[] = [];
      for (const e of measures) {
        const to = referencedGroup(e, formDef);
        if (to === null) plain.push(e);
        else if (to !== group && !references.some((r) => r.unit === m.label))
          references.push({ unit: m.label, to });
      }
      const seenOwn: string[] = [];
      matchEntries(plain, standardTexts).forEach((x) => {
        const entry: UnitEntry = {
          unit: m.label,
          entry: x.entry,
          result: pairResult(measures.indexOf(x.entry), x.entry, measures, results),
        };
        if (x.standard !== null) {
          const use = standard[x.standard];
          if (!use.units.some((u) => u.unit === m.label)) use.units.push(entry);
        } else if (!seenOwn.some((o) => likeness(words(o), words(x.entry)) >= 0.55)) {
          seenOwn.push(x.entry);
          ownAll.push(entry);
        }
      });
    }
    out.push({
      group,
      items,
      standard,
      own: groupAlike(ownAll, (e) => e.entry),
      references,
      unitsWithText,
    });
  }
  return out;
}

const MONTHS =
  "มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|ม\\.ค\\.|ก\\.พ\\.|มี\\.ค\\.|เม\\.ย\\.|พ\\.ค\\.|มิ\\.ย\\.|ก\\.ค\\.|ส\\.ค\\.|ก\\.ย\\.|ต\\.ค\\.|พ\\.ย\\.|ธ\\.ค\\.";
const PEOPLE = /(\d[\d,]*)\s*(?:คน|ราย|ท่าน)/gu;
const TIMES = /(\d[\d,]*)\s*ครั้ง/gu;
const DATE = new RegExp(`\\d{1,2}\\s*(?:${MONTHS})\\s*(?:พ\\.ศ\\.\\s*)?\\d{2,4}`, "gu");

/** Numbers a results text states: people (คน/ราย/ท่าน), times (ครั้ง) and dates, as written. */
export function numbersInText(text: string): {
  people: number[];
  times: number[];
  dates: string[];
} {
  const t = thaiDigitsToAscii(text.normalize("NFC"));
  const nums = (re: RegExp) => [...t.matchAll(re)].map((m) => Number(m[1].replace(/,/g, "")));
  return {
    people: nums(PEOPLE).filter((n) => Number.isFinite(n)),
    times: nums(TIMES).filter((n) => Number.isFinite(n)),
    dates: [...t.matchAll(DATE)].map((m) => m[0].replace(/\s+/g, " ")),
  };
}
