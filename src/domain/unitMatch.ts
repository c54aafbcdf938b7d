import { DISTRICTS, districtKey, findDistrict, namedUnit, Unit } from "./units";

/**
 * Edit distance (insertions, deletions, substitutions and swaps of neighbours) between two strings,
 * counted in code points, so a Thai vowel or tone mark is one character like a consonant.
 */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  );
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.length][y.length];
}

/** The districts' Thai and English names as compared (without their prefix), made once. */
let compared: { unit: Unit; names: { key: string; length: number }[] }[] | null = null;
function districtNames() {
  compared ??= DISTRICTS.map((unit) => ({
    unit,
    names: [unit.th, unit.en].map((n) => {
      const key = districtKey(n);
      return { key, length: [...key].length };
    }),
  }));
  return compared;
}

/** How many edits a name of this length may be off and still be a near miss. */
function tolerance(length: number): number {
  if (length < 3) return 0;
  if (length <= 5) return 1;
  if (length <= 10) return 2;
  return 3;
}

/**
 * The districts a misspelt unit name most likely means ("บางลัก" → บางรัก): the nearest names within a
 * few edits of the Thai or English name, compared without the เขต/สำนักงานเขต prefix. Empty when the
 * text already names a district or is nothing like one (another kind of unit stays free text).
 */
export function suggestDistricts(input: string, max = 3): Unit[] {
  const k = districtKey(input.normalize("NFC"));
  if (!k || findDistrict(input)) return [];
  const allowed = tolerance([...k].length);
  if (!allowed) return [];
  const scored: { unit: Unit; d: number }[] = [];
  const length = [...k].length;
  for (const { unit, names } of districtNames()) {
    let d = Infinity;
    // Names whose lengths differ by more than the edits allowed cannot be near: not measured.
    for (const n of names)
      if (Math.abs(n.length - length) <= allowed) d = Math.min(d, editDistance(k, n.key));
    if (d <= allowed) scored.push({ unit, d });
  }
  // Only the nearest: a one-letter slip is not offered a district two letters away.
  const best = Math.min(...scored.map((s) => s.d));
  return scored
    .filter((s) => s.d === best)
    .sort((a, b) => a.unit.code!.localeCompare(b.unit.code!))
    .slice(0, max)
    .map((s) => s.unit);
}

/**
 * What a unit typed for a new form names, before the form is made: a district; another unit (any
 * name far from every district's, merged under its own name); or a slip to refuse — nothing, digits
 * that are no district code, or a name a few edits from a district's (`near`, nearest first as
 * suggestDistricts gives them). Names of other offices (`สำนักงบประมาณกรุงเทพมหานคร`, `กองคลัง`) are
 * many edits from every district's name, so they are other units without being confirmed.
 */
export type UnitCheck =
  | { kind: "district"; unit: Unit }
  | { kind: "other"; unit: Unit }
  | { kind: "empty"; text: string }
  | { kind: "not-a-code"; text: string }
  | { kind: "near-miss"; text: string; near: Unit[] };

export function checkUnitEntry(input: string): UnitCheck {
  const text = input.normalize("NFC").trim();
  const district = findDistrict(text);
  if (district) return { kind: "district", unit: district };
  const key = districtKey(text);
  // Nothing, or only เขต / สำนักงานเขต.
  if (!key) return { kind: "empty", text };
  // `9999`, `๑๐๕๑`, `เขต 99`: a code, and no district has it.
  if (/^\d+$/.test(key)) return { kind: "not-a-code", text };
  const near = suggestDistricts(text);
  if (near.length) return { kind: "near-miss", text, near };
  return { kind: "other", unit: namedUnit(text) };
}
