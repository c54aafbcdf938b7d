import { promises as fs } from "fs";
import path from "path";
import { runCli, sampleReport, tmpDir } from "../helpers";

/*
 * `ita scaffold`'s first answer about the unit is the right one: a form that `ita validate` would
 * later fault for its unit (none, a code no district has, a misspelt district) is never written.
 */

const SAMPLE_JSON = path.join(__dirname, "../../samples/chom-thong-2567-r6.json");
const dirs = tmpDir;

/** Scaffold the FY2567 6-month form (year and round given: stderr says only what is asked about). */
async function scaffold(dir: string, ...args: string[]) {
  const file = path.join(dir, "form.xlsx");
  // Each run writes anew: a report already there is never written over (outputFile.test.ts).
  await fs.rm(file, { force: true });
  const r = await runCli("scaffold", "-o", file, "--year", "2567", "--round", "6", ...args);
  const written = await fs.stat(file).then(
    () => true,
    () => false
  );
  return { ...r, file, written };
}

/** The unit the written form reads back with. */
async function unitOf(file: string): Promise<{ unit: string; unitCode: string | null }> {
  const { unit, unitCode } = JSON.parse((await runCli("read", file)).out);
  return { unit, unitCode };
}

describe("ita scaffold refuses a unit validate would fault: exit 2, nothing written", () => {
  it.each([
    [
      "a misspelt district",
      ["--unit", "บางลัก"],
      'ข้อผิดพลาด: --unit "บางลัก" ไม่ตรงกับชื่อเขตใด หมายถึง สำนักงานเขตบางรัก (1004) หรือไม่ ถ้าใช่ ให้ระบุ --unit 1004 ถ้าเป็นหน่วยงานอื่นที่ไม่ใช่เขต ให้เพิ่ม --other-unit\n' +
        'Error: --unit "บางลัก" matches no district: did you mean Bang Rak (1004)? If so, give --unit 1004; if it is a unit that is not a district, add --other-unit\n',
    ],
    [
      "a misspelt district with its เขต prefix",
      ["--unit", "เขตจอมทอน"],
      'ข้อผิดพลาด: --unit "เขตจอมทอน" ไม่ตรงกับชื่อเขตใด หมายถึง สำนักงานเขตจอมทอง (1035) หรือไม่ ถ้าใช่ ให้ระบุ --unit 1035 ถ้าเป็นหน่วยงานอื่นที่ไม่ใช่เขต ให้เพิ่ม --other-unit\n' +
        'Error: --unit "เขตจอมทอน" matches no district: did you mean Chom Thong (1035)? If so, give --unit 1035; if it is a unit that is not a district, add --other-unit\n',
    ],
    [
      "an empty unit",
      ["--unit", ""],
      "ข้อผิดพลาด: --unit ว่าง: ระบุ --unit เป็นรหัสเขต 1001–1050 หรือชื่อหน่วยงาน เช่น --unit 1035\n" +
        "Error: --unit is empty: give --unit with a district code 1001–1050 or the unit's name, e.g. --unit 1035\n",
    ],
    [
      "a unit of spaces",
      ["--unit", "   "],
      "ข้อผิดพลาด: --unit ว่าง: ระบุ --unit เป็นรหัสเขต 1001–1050 หรือชื่อหน่วยงาน เช่น --unit 1035\n" +
        "Error: --unit is empty: give --unit with a district code 1001–1050 or the unit's name, e.g. --unit 1035\n",
    ],
    [
      "เขต and no name",
      ["--unit", "เขต"],
      'ข้อผิดพลาด: --unit "เขต" ไม่มีชื่อหน่วยงาน: ระบุ --unit เป็นรหัสเขต 1001–1050 หรือชื่อหน่วยงาน เช่น --unit 1035\n' +
        'Error: --unit "เขต" names no unit: give --unit with a district code 1001–1050 or the unit\'s name, e.g. --unit 1035\n',
    ],
    [
      "a code no district has",
      ["--unit", "9999"],
      'ข้อผิดพลาด: --unit "9999" ไม่ใช่รหัสเขต (รหัสเขตคือ 1001–1050 เช่น 1035 คือเขตจอมทอง)\n' +
        'Error: --unit "9999" is not a district code (the codes are 1001–1050, e.g. 1035 for Chom Thong)\n',
    ],
    [
      "a code in Thai digits no district has",
      ["--unit", "๑๐๕๑"],
      'ข้อผิดพลาด: --unit "๑๐๕๑" ไม่ใช่รหัสเขต (รหัสเขตคือ 1001–1050 เช่น 1035 คือเขตจอมทอง)\n' +
        'Error: --unit "๑๐๕๑" is not a district code (the codes are 1001–1050, e.g. 1035 for Chom Thong)\n',
    ],
    [
      "no unit at all",
      [],
      "ข้อผิดพลาด: ต้องระบุหน่วยงานด้วย --unit: รหัสเขต 1001–1050 หรือชื่อเขต เช่น --unit 1035 หรือ --unit จอมทอง หน่วยงานอื่นที่ไม่ใช่เขตใช้ชื่อเต็ม\n" +
        'Error: Give the unit with --unit: a district code 1001–1050 or name, e.g. --unit 1035 or --unit "Chom Thong"; another unit by its full name\n',
    ],
    [
      "--other-unit without --unit",
      ["--other-unit"],
      "ข้อผิดพลาด: ต้องระบุหน่วยงานด้วย --unit (--other-unit ใช้คู่กับ --unit): รหัสเขต 1001–1050 หรือชื่อเขต เช่น --unit 1035 หรือ --unit จอมทอง หน่วยงานอื่นที่ไม่ใช่เขตใช้ชื่อเต็ม\n" +
        'Error: Give the unit with --unit (--other-unit goes with --unit): a district code 1001–1050 or name, e.g. --unit 1035 or --unit "Chom Thong"; another unit by its full name\n',
    ],
    [
      "--other-unit for a district",
      ["--unit", "บางรัก", "--other-unit"],
      'ข้อผิดพลาด: --other-unit ใช้กับหน่วยงานที่ไม่ใช่เขต แต่ --unit "บางรัก" คือสำนักงานเขตบางรัก (1004): ให้ลบ --other-unit\n' +
        'Error: --other-unit is for a unit that is not a district, but --unit "บางรัก" is the district Bang Rak (1004): drop --other-unit\n',
    ],
  ])("%s", async (_name, args, message) => {
    const r = await scaffold(await dirs(), ...args);
    expect(r.err).toBe(message);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.written).toBe(false);
  });

  it("a scores list names no unit: --unit is asked for, naming the list", async () => {
    const dir = await dirs();
    const scores = path.join(dir, "scores.csv");
    await fs.writeFile(scores, "I22,82.01\n");
    const r = await scaffold(dir, "--from", scores);
    expect(r.err).toBe(
      `ข้อผิดพลาด: ต้องระบุหน่วยงานด้วย --unit (รายการคะแนน ${scores} ไม่มีชื่อหน่วยงาน): รหัสเขต 1001–1050 หรือชื่อเขต เช่น --unit 1035 หรือ --unit จอมทอง หน่วยงานอื่นที่ไม่ใช่เขตใช้ชื่อเต็ม\n` +
        `Error: Give the unit with --unit (the scores list ${scores} names no unit): a district code 1001–1050 or name, e.g. --unit 1035 or --unit "Chom Thong"; another unit by its full name\n`
    );
    expect(r.code).toBe(2);
    expect(r.written).toBe(false);
  });

  it("a report JSON's unit is checked as --unit is, naming the file and its field", async () => {
    const dir = await dirs();
    const misspelt = path.join(dir, "misspelt.json");
    await fs.writeFile(
      misspelt,
      JSON.stringify({ ...sampleReport(), unit: "บางลัก", unitCode: null })
    );
    const r = await scaffold(dir, "--from", misspelt);
    expect(r.err).toBe(
      `ข้อผิดพลาด: ${misspelt}: "unit" "บางลัก" ไม่ตรงกับชื่อเขตใด หมายถึง สำนักงานเขตบางรัก (1004) หรือไม่ ถ้าใช่ ให้แก้ไฟล์ ${misspelt} หรือระบุ --unit 1004 ถ้าเป็นหน่วยงานอื่นที่ไม่ใช่เขต ให้เพิ่ม --other-unit\n` +
        `Error: ${misspelt}: "unit" "บางลัก" matches no district: did you mean Bang Rak (1004)? If so, correct ${misspelt} or give --unit 1004; if it is a unit that is not a district, add --other-unit\n`
    );
    expect(r.code).toBe(2);
    expect(r.written).toBe(false);

    const badCode = path.join(dir, "code.json");
    await fs.writeFile(badCode, JSON.stringify({ ...sampleReport(), unitCode: "1099" }));
    const c = await scaffold(dir, "--from", badCode);
    expect(c.err).toBe(
      `ข้อผิดพลาด: ${badCode}: "unitCode" "1099" ไม่ใช่รหัสเขต (รหัสเขตคือ 1001–1050 เช่น 1035 คือเขตจอมทอง)\n` +
        `Error: ${badCode}: "unitCode" "1099" is not a district code (the codes are 1001–1050, e.g. 1035 for Chom Thong)\n`
    );
    expect(c.code).toBe(2);

    const none = path.join(dir, "none.json");
    await fs.writeFile(none, JSON.stringify({ ...sampleReport(), unit: "", unitCode: null }));
    const n = await scaffold(dir, "--from", none);
    expect(n.err).toBe(
      `ข้อผิดพลาด: ต้องระบุหน่วยงานด้วย --unit (รายงาน ${none} ไม่มีชื่อหรือรหัสหน่วยงาน): รหัสเขต 1001–1050 หรือชื่อเขต เช่น --unit 1035 หรือ --unit จอมทอง หน่วยงานอื่นที่ไม่ใช่เขตใช้ชื่อเต็ม\n` +
        `Error: Give the unit with --unit (the report ${none} names no unit): a district code 1001–1050 or name, e.g. --unit 1035 or --unit "Chom Thong"; another unit by its full name\n`
    );
    expect(n.code).toBe(2);
    expect(n.written).toBe(false);
  });
});

describe("ita scaffold takes districts and other units", () => {
  it.each([
    [["--unit", "1004"], "สำนักงานเขตบางรัก", "1004"],
    [["--unit", "๑๐๓๕"], "สำนักงานเขตจอมทอง", "1035"],
    [["--unit", "Bang Rak"], "สำนักงานเขตบางรัก", "1004"],
    [["--unit", "สำนักงานเขตบางรัก"], "สำนักงานเขตบางรัก", "1004"],
  ])("a district: %j, nothing on stderr", async (args, unit, unitCode) => {
    const r = await scaffold(await dirs(), ...args);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(await unitOf(r.file)).toEqual({ unit, unitCode });
  });

  it.each(["สำนักงบประมาณกรุงเทพมหานคร", "กองคลัง", "สำนักการแพทย์", "ฝ่ายปกครอง"])(
    "another unit far from every district (%s): written, and stderr says it is not a district",
    async (name) => {
      const r = await scaffold(await dirs(), "--unit", name);
      expect(r.err).toBe(
        `หน่วยงาน "${name}" ไม่ใช่สำนักงานเขต จึงใช้ชื่อตามที่ระบุ ตอนรวมผลจะนับเป็นหน่วยงานชื่อนี้ นอกจาก 50 เขต\n` +
          `"${name}" is not a district: the form is for a unit of that name, which the merge counts besides the 50 districts\n`
      );
      expect(r.code).toBe(0);
      expect(await unitOf(r.file)).toEqual({ unit: name, unitCode: null });
    }
  );

  it("a name close to a district's, confirmed with --other-unit: written, and said", async () => {
    const r = await scaffold(await dirs(), "--unit", "บางขุนเทียนใต้", "--other-unit");
    expect(r.err).toBe(
      'หน่วยงาน "บางขุนเทียนใต้" ไม่ใช่สำนักงานเขต (--other-unit) จึงใช้ชื่อตามที่ระบุ ตอนรวมผลจะนับเป็นหน่วยงานชื่อนี้ นอกจาก 50 เขต\n' +
        '"บางขุนเทียนใต้" is not a district (--other-unit): the form is for a unit of that name, which the merge counts besides the 50 districts\n'
    );
    expect(r.code).toBe(0);
    expect(await unitOf(r.file)).toEqual({ unit: "บางขุนเทียนใต้", unitCode: null });
  });

  it("--from a report JSON gives the unit; --unit overrides it; a scores list takes --unit", async () => {
    const dir = await dirs();
    const fromReport = await scaffold(dir, "--from", SAMPLE_JSON);
    expect(fromReport.code).toBe(0);
    expect(await unitOf(fromReport.file)).toEqual({
      unit: "สำนักงานเขตจอมทอง",
      unitCode: "1035",
    });
    const overridden = await scaffold(dir, "--from", SAMPLE_JSON, "--unit", "บางแค");
    expect(overridden.code).toBe(0);
    expect(await unitOf(overridden.file)).toEqual({ unit: "สำนักงานเขตบางแค", unitCode: "1040" });
    const scores = path.join(dir, "scores.csv");
    await fs.writeFile(scores, "I22,82.01\n");
    const fromScores = await scaffold(dir, "--from", scores, "--unit", "1035");
    expect(fromScores.code).toBe(0);
    expect(fromScores.err).toBe(`อ่านคะแนนจาก ${scores} 1 ข้อ / 1 score read from ${scores}\n`);
    expect(await unitOf(fromScores.file)).toEqual({ unit: "สำนักงานเขตจอมทอง", unitCode: "1035" });
  });
});
