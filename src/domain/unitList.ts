/**
 * A list of the units a merge expects, as the central office writes it: one unit a line (blank lines
 * and `#` comments skipped), or a JSON array whose entries are names or objects
 * `{ "th": "สำนักการคลัง", "en": "Finance Department", "kind": "agency" }`. A district may be named as
 * the form names it (code, Thai or English name, with or without เขต) and is of the kind "district";
 * another unit is of the kind its entry gives (one of `units/kinds.json`), else "agency". A unit listed
 * twice counts once. Pure: the command reads the file, the pane could take the same text.
 */
import { Msg, msg } from "./text";
import {
  findDistrict,
  namedUnit,
  OTHER_KIND,
  resolveUnit,
  Unit,
  UNIT_KINDS,
  unitKey,
} from "./units";

/** The units of a list, or the problem (where in the list, and what). */
export type UnitListResult = { units: Unit[] } | { problem: Msg };

const MAX_NAME = 200;

export function parseUnitList(text: string, json: boolean): UnitListResult {
  const fail = (th: string, en: string): UnitListResult => ({ problem: msg(th, en) });
  const entries: { name: string; en?: string; kind?: string; where: Msg }[] = [];
  if (json) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return fail(
        `ไม่ใช่ JSON ที่ถูกต้อง (${(e as Error).message})`,
        `is not valid JSON (${(e as Error).message})`
      );
    }
    if (!Array.isArray(data))
      return fail("ต้องเป็น JSON array ของชื่อหน่วยงาน", "must be a JSON array of unit names");
    for (const [i, v] of data.entries()) {
      const where = msg(`รายการที่ ${i + 1}`, `item ${i + 1}`);
      if (typeof v === "string" && v.trim()) {
        entries.push({ name: v, where });
        continue;
      }
      const o = v as { th?: unknown; en?: unknown; kind?: unknown };
      if (v && typeof v === "object" && typeof o.th === "string" && o.th.trim()) {
        if (o.en !== undefined && typeof o.en !== "string")
          return fail(`${where.th}: "en" ต้องเป็นข้อความ`, `${where.en}: "en" must be text`);
        if (o.kind !== undefined && !UNIT_KINDS.some((k) => k.id === o.kind))
          return fail(
            `${where.th}: ประเภทหน่วยงาน ${JSON.stringify(o.kind)} ไม่มี (มี: ${UNIT_KINDS.map((k) => k.id).join(", ")})`,
            `${where.en}: no unit kind ${JSON.stringify(o.kind)} (kinds: ${UNIT_KINDS.map((k) => k.id).join(", ")})`
          );
        entries.push({
          name: o.th,
          en: o.en as string | undefined,
          kind: o.kind as string | undefined,
          where,
        });
        continue;
      }
      return fail(
        `${where.th} ไม่ใช่ชื่อหน่วยงาน (${JSON.stringify(v)})`,
        `${where.en} is not a unit name (${JSON.stringify(v)})`
      );
    }
  } else {
    for (const [i, line] of text.split(/\r\n|\r|\n/).entries()) {
      const t = line.trim();
      if (!t || t.startsWith("#")) continue;
      entries.push({ name: t, where: msg(`บรรทัด ${i + 1}`, `line ${i + 1}`) });
    }
  }
  if (!entries.length) return fail("ไม่มีชื่อหน่วยงาน", "lists no unit");
  const units: Unit[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    const district = findDistrict(e.name);
    if (district && e.kind && e.kind !== district.kind)
      return fail(
        `${e.where.th}: ${e.name} เป็นสำนักงานเขต ไม่ใช่ประเภท ${e.kind}`,
        `${e.where.en}: ${e.name} is a district office, not of the kind ${e.kind}`
      );
    const u = district ?? resolveUnit(e.name);
    if (!u) continue;
    if (u.th.length > MAX_NAME)
      return fail(
        `${e.where.th}: ชื่อยาวเกิน ${MAX_NAME} ตัวอักษร`,
        `${e.where.en}: the name is longer than ${MAX_NAME} characters`
      );
    const unit = district ?? { ...namedUnit(u.th, e.kind ?? OTHER_KIND), en: e.en?.trim() || u.th };
    const k = unitKey(unit);
    if (seen.has(k)) continue;
    seen.add(k);
    units.push(unit);
  }
  return { units };
}
