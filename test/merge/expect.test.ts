/** Units beyond the districts, and the list of units expected (`--expect FILE`). */
import { promises as fs } from "fs";
import path from "path";
import {
  DEFAULT_FORM,
  mergeForms,
  metaFromReport,
  modelGrid,
  readForm,
  renderForm,
  resolveUnit,
} from "../../src/domain";
import { runCli, tmpDir } from "../helpers";
import { districtReport, writeDistrict } from "./districts";

describe("merge: units beyond districts and --expect FILE", () => {
  let dir: string;
  let out: string;
  beforeAll(async () => {
    dir = await tmpDir();
    const inDir = path.join(dir, "in");
    await fs.mkdir(inDir);
    await writeDistrict(inDir, "ct.xlsx", districtReport("1035"));
    const budget = districtReport("1002");
    budget.unit = "สำนักงบประมาณกรุงเทพมหานคร";
    budget.unitCode = null;
    await writeDistrict(inDir, "budget.xlsx", budget);
    out = path.join(dir, "s.xlsx");
  });
  const merge = (...args: string[]) =>
    runCli("merge", path.join(dir, "in"), "-o", out, "--json", ...args);

  it("merges another unit under its name and reports the expected ones missing by name (text list)", async () => {
    const list = path.join(dir, "units.txt");
    await fs.writeFile(
      list,
      "\uFEFF# หน่วยงานที่ต้องส่ง\r\nสำนักงบประมาณ กรุงเทพมหานคร\r\n\r\nเขตจอมทอง\r\nสำนักการคลัง\r\nDusit\r\n1035\r\n"
    );
    const res = await merge("--expect", list);
    expect(res.code).toBe(0);
    const json = JSON.parse(res.out);
    expect(
      json.merged.map((m: { unit: string; unitCode: string | null }) => [m.unit, m.unitCode])
    ).toEqual([
      ["สำนักงานเขตจอมทอง", "1035"],
      ["สำนักงบประมาณกรุงเทพมหานคร", null],
    ]);
    // In the list's order; listed twice (เขตจอมทอง and 1035) counts once; names match without spaces.
    expect(json.missing).toEqual(["สำนักการคลัง", "สำนักงานเขตดุสิต"]);
    const text = await runCli("merge", path.join(dir, "in"), "-o", out, "--expect", list);
    expect(text.out).toMatch(/missing: 2/);
    expect(text.out).toMatch(/ยังไม่ส่ง \/ missing: สำนักการคลัง, ดุสิต/);
  });

  it("takes a JSON array", async () => {
    const list = path.join(dir, "units.json");
    await fs.writeFile(list, JSON.stringify(["สำนักการโยธา", "สำนักงบประมาณกรุงเทพมหานคร"]));
    const json = JSON.parse((await merge("--expect", list)).out);
    expect(json.missing).toEqual(["สำนักการโยธา"]);
    // Chom Thong is merged although not expected.
    expect(json.merged).toHaveLength(2);
  });

  it("by default expects the 50 districts, and the other unit still merges", async () => {
    const json = JSON.parse((await merge()).out);
    expect(json.missing).toHaveLength(49);
    expect(json.missing).not.toContain("สำนักงานเขตจอมทอง");
    expect(json.merged.map((m: { unit: string }) => m.unit)).toContain("สำนักงบประมาณกรุงเทพมหานคร");
  });

  it.each([
    [
      "missing.txt",
      null,
      /ไม่พบไฟล์รายชื่อหน่วยงาน .*missing\.txt/,
      /Unit list not found: .*missing\.txt/,
    ],
    [
      "bad.json",
      '["สำนักการคลัง",',
      /bad\.json: ไม่ใช่ JSON/,
      /Unit list bad\.json: is not valid JSON/,
    ],
    [
      "obj.json",
      '{"units": []}',
      /obj\.json: ต้องเป็น JSON array/,
      /obj\.json: must be a JSON array/,
    ],
    [
      "num.json",
      '["สำนักการคลัง", 12]',
      /รายการที่ 2 ไม่ใช่ชื่อหน่วยงาน/,
      /item 2 is not a unit name \(12\)/,
    ],
    ["empty.txt", "# none\n\n", /empty\.txt: ไม่มีชื่อหน่วยงาน/, /empty\.txt: lists no unit/],
    [
      "units.xlsx",
      "PK\u0003\u0004\u0000\u0000",
      /ไฟล์ units\.xlsx เป็นสมุดงาน Excel หรือไฟล์ zip ไม่ใช่ไฟล์ข้อความ: ต้องเป็นรายชื่อหน่วยงาน/,
      /units\.xlsx is an Excel workbook or a zip archive, not a text file: give a list of units/,
    ],
  ])(
    "refuses a bad list (%s) naming the file, exit 2, nothing written",
    async (name, content, th, en) => {
      const list = path.join(dir, name);
      if (content !== null) await fs.writeFile(list, content);
      const target = path.join(dir, `never-${name}.xlsx`);
      const res = await runCli("merge", path.join(dir, "in"), "-o", target, "--expect", list);
      expect(res.code).toBe(2);
      expect(res.err).toMatch(th);
      expect(res.err).toMatch(en);
      expect(res.err).not.toMatch(/at .*\.ts:\d+/);
      await expect(fs.stat(target)).rejects.toThrow();
    }
  );
});

it("lists an expected unit's rejected file under it, the names matched as units are", () => {
  const report = districtReport("1002");
  report.unit = "สำนักงบประมาณกรุงเทพมหานคร";
  report.unitCode = null;
  const model = renderForm(DEFAULT_FORM, metaFromReport(report), report, "ITA");
  const form = { ...readForm(modelGrid(model), DEFAULT_FORM), formVersion: "0.9" };
  const r = mergeForms([{ file: "in/budget.xlsx", form }], {
    formDef: DEFAULT_FORM,
    expect: [resolveUnit("สำนักงบประมาณ กรุงเทพมหานคร")!, resolveUnit("สำนักการคลัง")!],
  });
  expect(r.merged).toEqual([]);
  expect(r.missing.map((u) => u.th)).toEqual(["สำนักการคลัง"]);
  expect(r.status.map((s) => [s.unit, s.status, s.file])).toEqual([
    ["สำนักงบประมาณ กรุงเทพมหานคร", "rejected", "in/budget.xlsx"],
    ["สำนักการคลัง", "missing", ""],
  ]);
});
