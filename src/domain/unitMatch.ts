import { DISTRICTS, districtKey, findDistrict, Unit } from "./units";

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
  for (const u of DISTRICTS) {
    const d = Math.min(editDistance(k, districtKey(u.th)), editDistance(k, districtKey(u.en)));
    if (d <= allowed) scored.push({ unit: u, d });
  }
  // Only the nearest: a one-letter slip is not offered a district two letters away.
  const best = Math.min(...scored.map((s) => s.d));
  return scored
    .filter((s) => s.d === best)
    .sort((a, b) => a.unit.code!.localeCompare(b.unit.code!))
    .slice(0, max)
    .map((s) => s.unit);
}
