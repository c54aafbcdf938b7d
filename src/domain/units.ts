import data from "./units/bangkok-districts.json";
import { foldKey, thaiDigitsToAscii } from "./text";

export interface Unit {
  /** District code 1001–1050; null for other units given as free text. */
  code: string | null;
  th: string;
  en: string;
}

export const DISTRICTS: readonly Unit[] = data.units.map((u) => ({
  code: u.code,
  th: u.th,
  en: u.en,
}));

/** Official display name: `สำนักงานเขตจอมทอง`. */
export function unitDisplayName(u: Unit): string {
  return u.code ? `สำนักงานเขต${u.th}` : u.th;
}

/** The comparable form of a unit name: folded, without เขต/สำนักงานเขต/District, spaces or dashes. */
export function districtKey(s: string): string {
  return foldKey(thaiDigitsToAscii(s))
    .replace(/^สำนักงานเขต\s*/, "")
    .replace(/^เขต\s*/, "")
    .replace(/^(khet|district office of|district office)\s+/, "")
    .replace(/\s+(district office|district)$/, "")
    .replace(/[\s\-'’.]/g, "");
}

const INDEX = new Map<string, Unit>();
for (const u of DISTRICTS) {
  INDEX.set(u.code!, u);
  INDEX.set(districtKey(u.th), u);
  INDEX.set(districtKey(u.en), u);
}

/** A district by code (`1035`), Thai name with or without เขต/สำนักงานเขต, or English name; null when unknown. */
export function findDistrict(input: string): Unit | null {
  const k = districtKey(input);
  return k ? (INDEX.get(k) ?? null) : null;
}

/** A unit's name in the pane's language: districts in English where the list has it. */
export function unitName(u: Unit, lang: "th" | "en"): string {
  return lang === "en" && u.code && u.en ? u.en : unitDisplayName(u);
}

/** A district when the text names one; otherwise a free-text unit (null for empty input). */
export function resolveUnit(input: string): Unit | null {
  const text = input.normalize("NFC").trim();
  if (!text) return null;
  return findDistrict(text) ?? { code: null, th: text, en: text };
}

/** Districts whose code or Thai/English name contains the query (for pickers). */
export function searchDistricts(query: string): Unit[] {
  const q = districtKey(query);
  if (!q) return [...DISTRICTS];
  return DISTRICTS.filter(
    (u) => u.code!.includes(q) || districtKey(u.th).includes(q) || districtKey(u.en).includes(q)
  );
}
