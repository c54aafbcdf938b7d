import { promises as fs } from "fs";
import path from "path";
import { msg, Unit } from "../domain";
import { parseUnitList } from "../domain/unitList";
import { UserError } from "./args";
import { textOf } from "./textFile";

/**
 * The units a merge expects, from a file (`--expect LIST`): read as UTF-8 text, then as the domain's
 * unit list (`domain/unitList.ts`: one unit a line, or a `.json` array of names or of objects with a kind).
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

  const list = parseUnitList(text, /\.json$/i.test(file));
  if ("problem" in list) return fail(list.problem.th, list.problem.en);
  return list.units;
}
