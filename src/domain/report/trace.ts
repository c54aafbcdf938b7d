import { LazyList } from "../lazyList";
import { MergeResult } from "../merge";
import { groupSpan, measureNumbers } from "./numbers";
import { Credit, Located, matchUnitMeasures, PlannedOnly } from "./unitMeasures";

/**
 * Where every count of the report comes from (`ita merge --json`, its `report` section): per measure,
 * by the report's numbers, the units counted and the text of theirs that made each count (the item
 * and cell it is in), and the units that only planned it with why they are not counted. The lists
 * of units are made as they are written (`LazyList`): the trace of 5,000 units is never held whole.
 */

const at = (e: Located) => ({ text: e.raw, item: e.item, cell: e.cell });

type At = ReturnType<typeof at>;
interface Who {
  unit: string;
  unitCode: string | null;
}
export interface TraceMeasure {
  /** The form's number of the measure; null for the row of the units' other work (it has none). */
  number: string | null;
  group: string;
  items: string[];
  kind: "standard" | "own";
  measure: string;
  counted: number;
  units: LazyList<
    Who & {
      how: Credit["how"];
      evidence: At;
      more?: At[];
      plan: { item: string; cell: string } | null;
      /** The items whose results made the count, when more than the evidence's. */
      items?: string[];
    }
  >;
  plannedOnly: LazyList<Unsaid>;
  /** Units counted whose results for other items say it was not done or is under way. */
  notDoneIn?: LazyList<Unsaid>;
}

type Unsaid = Who & { why: PlannedOnly["why"]; plan: At; said: At | null; items: string[] };

export function reportTrace(result: MergeResult) {
  const groups = matchUnitMeasures(result);
  const numbers = measureNumbers(result.formDef, groups);
  const code = new Map(result.merged.map((m) => [m.key, m.unit.code]));
  const who = (x: { unit: string; key: string }): Who => ({
    unit: x.unit,
    unitCode: code.get(x.key) ?? null,
  });
  // Where the unit planned it (the text is the measure's, mostly the form's own words: not repeated).
  const where = (e: Located) => ({ item: e.item, cell: e.cell });
  const counted = (c: Credit) => ({
    ...who(c),
    how: c.how,
    evidence: at(c.evidence),
    ...(c.entries.length > 1 ? { more: c.entries.slice(1).map(at) } : {}),
    plan: c.plan ? where(c.plan) : null,
    ...(c.items.length > 1 ? { items: c.items } : {}),
  });
  const planned = (p: PlannedOnly) => ({
    ...who(p),
    why: p.why,
    plan: at(p.plan),
    said: p.said ? at(p.said) : null,
    items: p.items,
  });
  const measures: TraceMeasure[] = [];
  // In the report's order: by number, the other work of a group after its last measure.
  const place = new Map<TraceMeasure, number>();
  let last = 0;
  const put = (m: TraceMeasure) => {
    if (m.number !== null) {
      const [i, k] = m.number.split(".").map(Number);
      last = i * 1000 + k;
    }
    place.set(m, m.number === null ? last + 0.5 : last);
    measures.push(m);
  };
  for (const g of groups) {
    const n = numbers.get(g.group);
    if (!n) continue;
    const base = { group: groupSpan(g.items), items: g.items.map((i) => i.code) };
    g.standard.forEach((s, k) =>
      put({
        number: n.standard[k],
        ...base,
        kind: "standard" as const,
        measure: s.text,
        counted: s.done.length,
        units: LazyList.map(s.done, counted),
        plannedOnly: LazyList.map(s.planned, planned),
        ...(s.elsewhere.length ? { notDoneIn: LazyList.map(s.elsewhere, planned) } : {}),
      })
    );
    if (n.own) {
      const units = g.own.flat();
      put({
        number: null,
        ...base,
        kind: "own" as const,
        measure: "การดำเนินการอื่นที่หน่วยงานรายงาน / other work the units reported",
        counted: new Set(units.map((c) => c.key)).size,
        units: LazyList.map(units, counted),
        plannedOnly: LazyList.map(g.ownPlanned, planned),
      });
    }
  }
  measures.sort((a, b) => place.get(a)! - place.get(b)!);
  return {
    rule: "A unit is counted under a measure when an entry of its results matches the measure (how: results), or its results say the planned measures were carried out and it planned this one (how: as-planned); a measure it planned otherwise is listed under plannedOnly with why. Each item's results are read with its own measures: a results entry numbered k is about plan k. A unit counted from some items whose other items' results say the measure was not done is listed under notDoneIn with those items.",
    measures,
    references: new LazyList(function* () {
      for (const g of groups)
        for (const r of g.references)
          yield {
            group: groupSpan(g.items),
            ...who(r),
            to: groupSpan(groups.find((x) => x.group === r.to)?.items ?? g.items),
            where: r.where,
            ...at(r.entry),
          };
    }),
  };
}
