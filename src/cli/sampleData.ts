import { FormDef, Report, standardMeasuresText, Unit, unitDisplayName } from "../domain";

/** A small deterministic PRNG (mulberry32), so that sample districts are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A realistic report for another district, derived from a real one: scores moved by up to ±9 points,
 * measures and results in full Thai text (the form's standard measures) for about half the items and
 * for most items under the pass mark, evidence links for OIT.
 */
export function syntheticReport(base: Report, formDef: FormDef, unit: Unit, seed: number): Report {
  const rnd = prng(seed);
  const items = base.items.map((it) => {
    const cat = formDef.byCode.get(it.code)!;
    const score =
      it.score === null
        ? null
        : Math.min(100, Math.max(55, Math.round((it.score + (rnd() - 0.55) * 18) * 100) / 100));
    const low = score !== null && score < 85;
    const withMeasures = low ? rnd() < 0.8 : rnd() < 0.5;
    const measures =
      withMeasures && cat.standardMeasures.length ? standardMeasuresText(cat.standardMeasures) : "";
    const results = measures
      ? cat.standardMeasures
          .map(
            (m, i) =>
              `${i + 1}. ดำเนินการแล้ว: ${m} โดย${unitDisplayName(unit)} ในรอบ ${base.round} เดือน`
          )
          .join("\n")
      : "";
    const evidence =
      cat.tool === "OIT"
        ? `https://www.bangkok.go.th/${unit.en.toLowerCase().replace(/\s+/g, "")}/ita/${it.code.toLowerCase()}`
        : measures
          ? "ภาพกิจกรรมประกอบ 2 ภาพ"
          : "";
    return { ...it, score, measures, results, evidence };
  });
  return {
    ...base,
    unit: unitDisplayName(unit),
    unitCode: unit.code,
    preparer: `เจ้าหน้าที่${unitDisplayName(unit)}`,
    items,
  };
}
