import { promises as fs } from "fs";
import path from "path";
import { Msg, msg, resolveUnit, Unit, unitKey } from "../domain";
import { UserError } from "./args";
import { textOf } from "./textFile";

/**
 * The units a merge expects, from a file: a JSON array of names (`.json`), or one name a line (blank
 * lines and lines starting with `#` skipped). A district may be named as the form names it (code, Thai
 * or English name, with or without เขต); other units by their name. Listed twice counts once.
 */
export async function readExpectList(file: string): Promise<Unit[]> {
  const name = path.basename(file);
  const fail = (th: string, en: string): never => {
    throw new UserError(msg(`ไฟล์รายชื่อหน่วยงาน ${name}: ${th}`, `Unit list ${name}: ${en}`));
  };
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new UserError(msg(`ไม่พบไฟล์รายชื่อหน่วยงาน ${file}`, `Unit list not found: ${file}`));
    return fail(`อ่านไม่ได้ (${code ?? "error"})`, `cannot be read (${code ?? String(e)})`);
  }
  // A workbook, a picture or any binary file, or a text that is not UTF-8: refused by name.
  const text = textOf(
    file,
    new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
    msg(
      "รายชื่อหน่วยงาน หนึ่งบรรทัดต่อหนึ่งหน่วยงาน หรือ JSON array",
      "a list of units, one a line, or a JSON array"
    )
  );

  const names: { name: string; where: Msg }[] = [];
  if (/\.json$/i.test(file)) {
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
      if (typeof v !== "string" || !v.trim())
        return fail(
          `รายการที่ ${i + 1} ไม่ใช่ชื่อหน่วยงาน (${JSON.stringify(v)})`,
          `item ${i + 1} is not a unit name (${JSON.stringify(v)})`
        );
      names.push({ name: v, where: { th: `รายการที่ ${i + 1}`, en: `item ${i + 1}` } });
    }
  } else {
    for (const [i, line] of text.split(/\r\n|\r|\n/).entries()) {
      const t = line.trim();
      if (!t || t.startsWith("#")) continue;
      names.push({ name: t, where: { th: `บรรทัด ${i + 1}`, en: `line ${i + 1}` } });
    }
  }
  if (!names.length) return fail("ไม่มีชื่อหน่วยงาน", "lists no unit");
  const units: Unit[] = [];
  const seen = new Set<string>();
  for (const n of names) {
    const u = resolveUnit(n.name);
    if (!u) continue;
    if (u.th.length > 200)
      return fail(
        `${n.where.th}: ชื่อยาวเกิน 200 ตัวอักษร`,
        `${n.where.en}: the name is longer than 200 characters`
      );
    const k = unitKey(u);
    if (seen.has(k)) continue;
    seen.add(k);
    units.push(u);
  }
  return units;
}
