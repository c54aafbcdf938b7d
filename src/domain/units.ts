import data from "./units/bangkok-districts.json";
import kindData from "./units/kinds.json";
import { foldKey, Msg, thaiDigitsToAscii } from "./text";

/** A kind of unit (`units/kinds.json`): how its units are named and counted. */
export interface UnitKind {
  id: string;
  /** Put before a unit's name for its full name: `สำนักงานเขต` + `จอมทอง`. */
  prefix: string;
  name: Msg;
  plural: Msg;
  /** The counter word after a number of units: `แห่ง`. */
  counter: string;
}

export const UNIT_KINDS: readonly UnitKind[] = kindData.kinds;

/** The kind of a unit given by name only (not in a bundled set): another unit of the city. */
export const OTHER_KIND = "agency";

const KIND_INDEX = new Map(UNIT_KINDS.map((k) => [k.id, k]));

export interface Unit {
  /** The unit's code in its set (district code 1001–1050); null for units given by name only. */
  code: string | null;
  th: string;
  en: string;
  /** Its kind's id (`units/kinds.json`). */
  kind: string;
}

/** A unit's kind; an id this copy does not know counts as another unit of the city. */
export const kindOf = (u: Unit): UnitKind => KIND_INDEX.get(u.kind) ?? KIND_INDEX.get(OTHER_KIND)!;

export const DISTRICTS: readonly Unit[] = data.units.map((u) => ({
  code: u.code,
  th: u.th,
  en: u.en,
  kind: data.kind,
}));

/** What makes two units the same: the code in its set, else the Thai name without spaces or case. */
export const unitKey = (u: Unit) =>
  u.code ?? `name:${u.th.normalize("NFC").replace(/\s+/g, "").toLowerCase()}`;

/**
 * How many units of each kind, in the kinds' order, as the report words it: `สำนักงานเขต 48 แห่ง
 * หน่วยงานอื่น 2 แห่ง` (kinds with no unit left out); numbers as `fmt` writes them.
 */
export function unitsByKind(units: readonly Unit[], fmt: (n: number) => string = String): string {
  const count = new Map<string, number>();
  for (const u of units) count.set(kindOf(u).id, (count.get(kindOf(u).id) ?? 0) + 1);
  return UNIT_KINDS.filter((k) => count.get(k.id))
    .map((k) => `${k.plural.th} ${fmt(count.get(k.id)!)} ${k.counter}`)
    .join(" ");
}

/** Official display name, by its kind: `สำนักงานเขตจอมทอง`, `สำนักการคลัง`. */
export function unitDisplayName(u: Unit): string {
  return `${kindOf(u).prefix}${u.th}`;
}

/** A unit named by the user, not in a bundled set: another unit of the city, under its own name. */
export const namedUnit = (name: string, kind: string = OTHER_KIND): Unit => ({
  code: null,
  th: name,
  en: name,
  kind,
});

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
  return lang === "en" && u.en && u.en !== u.th ? u.en : unitDisplayName(u);
}

/** A district when the text names one; otherwise a free-text unit (null for empty input). */
export function resolveUnit(input: string): Unit | null {
  const text = input.normalize("NFC").trim();
  if (!text) return null;
  return findDistrict(text) ?? namedUnit(text);
}

/** Districts whose code or Thai/English name contains the query (for pickers). */
export function searchDistricts(query: string): Unit[] {
  const q = districtKey(query);
  if (!q) return [...DISTRICTS];
  return DISTRICTS.filter(
    (u) => u.code!.includes(q) || districtKey(u.th).includes(q) || districtKey(u.en).includes(q)
  );
}
