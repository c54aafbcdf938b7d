import { comparedCode, Comparison, comparisonCounts } from "../domain";

const changeJson = (c: {
  previous: number | null;
  current: number | null;
  change: number | null;
}) => ({
  previous: c.previous,
  current: c.current,
  change: c.change,
});

/** The `compare` section of `ita merge --json`. */
export function compareJson(c: Comparison) {
  const n = comparisonCounts(c);
  const pairs = (pass: "fell" | "rose") =>
    c.units.flatMap((u) =>
      u.items
        .filter((i) => i.pass === pass)
        .map((i) => ({ unit: u.label, unitCode: u.unit.code, item: i.code, ...changeJson(i) }))
    );
  return {
    previous: c.previous,
    current: c.current,
    passMark: c.passMark,
    units: c.units.length,
    improved: n.improved,
    declined: n.declined,
    unchanged: n.unchanged,
    incomplete: n.incomplete,
    fellBelowPassMark: pairs("fell"),
    roseToPassMark: pairs("rose"),
    notComparableItems: {
      onlyPrevious: c.onlyPreviousItems.map((i) => i.code),
      onlyCurrent: c.onlyCurrentItems.map((i) => i.code),
    },
    /** Items compared with other codes of the previous form, as the current form maps them. */
    mappedItems: Object.fromEntries(
      c.items.filter((i) => comparedCode(i) !== i.code).map((i) => [i.code, i.from])
    ),
    onlyPreviousUnits: c.onlyPreviousUnits.map((u) => u.label),
    onlyCurrentUnits: c.onlyCurrentUnits.map((u) => u.label),
    byUnit: c.units.map((u) => ({
      unit: u.label,
      unitCode: u.unit.code,
      total: changeJson(u.total),
      tools: Object.fromEntries(u.tools.map((t) => [t.id, changeJson(t)])),
    })),
  };
}
