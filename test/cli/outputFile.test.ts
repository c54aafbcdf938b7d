/**
 * No command writes its output over a unit's report: a name typed onto a filled form (`scaffold -o`,
 * `fit -o`, `form export -o`, `merge -o`) is refused before anything is written, and the file is
 * left byte for byte as it was. A file that is not a unit's report is written as before.
 */
import { promises as fs } from "fs";
import path from "path";
import { runCli, sha, tmpDir } from "../helpers";
import { districtReport, patchPart, writeDistrict } from "../merge/districts";

const refusal = (file: string) =>
  `ข้อผิดพลาด: ไฟล์ผลลัพธ์ ${file} เป็นไฟล์รายงานของหน่วยงานที่มีอยู่แล้ว จึงไม่เขียนทับ กรุณาระบุชื่ออื่นหรือโฟลเดอร์อื่น (หรือย้ายไฟล์เดิมออกก่อน)\n` +
  `Error: The output file ${file} is an existing unit's report; it is not overwritten. Give another name or folder (or move the existing file first)\n`;

/** `ita scaffold` of Bang Rak's blank form onto `out`. */
const blankFormTo = (out: string) =>
  runCli("scaffold", "--unit", "1004", "--year", "2567", "--round", "6", "-o", out);

describe("an output that is a unit's report", () => {
  let dir: string;
  let filled: string;
  let other: string;
  beforeAll(async () => {
    dir = await tmpDir();
    filled = await writeDistrict(dir, "บางรัก.xlsx", districtReport("1004"));
    other = await writeDistrict(dir, "ปทุมวัน.xlsx", districtReport("1007"));
  });

  it("is not overwritten by scaffold (a blank form typed onto the filled one)", async () => {
    const before = await sha(filled);
    const r = await blankFormTo(filled);
    expect(r.code).toBe(2);
    expect(r.err.endsWith(refusal(filled))).toBe(true);
    expect(await sha(filled)).toBe(before);
  });

  it("is not overwritten by scaffold --from an earlier report", async () => {
    const before = await sha(other);
    const r = await runCli("scaffold", "--from", filled, "--round", "12", "-o", other);
    expect(r.code).toBe(2);
    expect(r.err.endsWith(refusal(other))).toBe(true);
    expect(await sha(other)).toBe(before);
  });

  it("is not overwritten by fit (another unit's report given as the output)", async () => {
    const before = await sha(other);
    const r = await runCli("fit", filled, "-o", other);
    expect(r.code).toBe(2);
    expect(r.err).toBe(refusal(other));
    expect(await sha(other)).toBe(before);
  });

  it("is not overwritten by form export", async () => {
    const before = await sha(filled);
    const r = await runCli("form", "export", "-o", filled);
    expect(r.code).toBe(2);
    expect(r.err.endsWith(refusal(filled))).toBe(true);
    expect(await sha(filled)).toBe(before);
  });

  it("is a unit's report also when it cannot be merged as it is (a score never calculated)", async () => {
    const score = districtReport("1004").items[0].score!;
    const stale = await patchPart(
      filled,
      path.join(dir, "stale.xlsx"),
      "xl/worksheets/sheet1.xml",
      (x) => x.replace(`<v>${score}</v>`, "<f>90+1</f>")
    );
    expect((await runCli("validate", stale)).err).toMatch(
      /\(I1\): a formula that was never calculated/
    );
    const before = await sha(stale);
    const r = await runCli("merge", other, "-o", stale);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `ข้อผิดพลาด: ไฟล์สรุป ${stale} เป็นไฟล์รายงานของหน่วยงานที่มีอยู่แล้ว จึงไม่เขียนทับ กรุณาระบุชื่ออื่นหรือโฟลเดอร์อื่น (หรือย้ายไฟล์เดิมออกก่อน)\n` +
        `Error: The summary file ${stale} is an existing unit's report; it is not overwritten. Give another name or folder (or move the existing file first)\n`
    );
    expect(await sha(stale)).toBe(before);
  });

  it("does not stop a file that is not a report from being written (a summary, a text file)", async () => {
    const own = await fs.mkdtemp(path.join(dir, "own-"));
    const a = await writeDistrict(own, "a.xlsx", districtReport("1010"));
    const b = await writeDistrict(own, "b.xlsx", districtReport("1011"));
    const summary = path.join(own, "สรุป.xlsx");
    expect((await runCli("merge", a, b, "-o", summary)).code).toBe(0);
    const r = await blankFormTo(summary);
    expect(r.code).toBe(0);
    const notes = path.join(own, "notes.xlsx");
    await fs.writeFile(notes, "not a workbook");
    expect((await runCli("fit", a, "-o", notes)).code).toBe(0);
    expect((await fs.readFile(notes)).subarray(0, 2).toString("latin1")).toBe("PK");
  });
});
