/**
 * `ita merge --prefer FILE`: of a unit's copies whose order cannot be told (listed as duplicates, the
 * unit not merged), the one the user names is merged and the other listed as superseded — the choice
 * the pane offers, given to the command.
 */
import { promises as fs } from "fs";
import path from "path";
import { runCli, tmpDir } from "../helpers";
import { districtReport, writeDistrict } from "../merge/districts";

describe("ita merge --prefer", () => {
  let dir: string;
  let first: string;
  let second: string;
  beforeAll(async () => {
    dir = await tmpDir();
    first = await writeDistrict(dir, "ดุสิต.xlsx", districtReport("1002"));
    second = await writeDistrict(dir, "ดุสิต (แก้ไข).xlsx", districtReport("1002", 7));
    await writeDistrict(dir, "บางรัก.xlsx", districtReport("1004"));
    // Copied together: saved at the same second, so which is the correction cannot be told.
    const when = new Date("2026-11-20T09:30:00Z");
    for (const f of [first, second]) await fs.utimes(f, when, when);
  });

  const merge = (...args: string[]) =>
    runCli("merge", dir, "-o", path.join(dir, "out", "สรุป.xlsx"), "--expect", "none", ...args);

  it("without it, the two copies are duplicates and the output says how to choose", async () => {
    await fs.mkdir(path.join(dir, "out"), { recursive: true });
    const r = await merge();
    expect(r.code).toBe(3);
    expect(r.out).toContain("ซ้ำ / duplicates: 1");
    expect(r.out).toContain(
      "  ฉบับซ้ำ: เลือกฉบับที่จะใช้ด้วย --prefer FILE หรือนำฉบับที่ไม่ใช้ออก / duplicates: choose the copy to use with --prefer FILE, or take the other out\n"
    );
  });

  it("merges the copy named (by another spelling of its path) and lists the other as superseded", async () => {
    const r = await merge("--json", "--prefer", path.relative(process.cwd(), second));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.duplicates).toEqual([]);
    expect(
      json.merged
        .map((m: { file: string; unitCode: string }) => [path.basename(m.file), m.unitCode])
        .sort()
    ).toEqual([
      ["ดุสิต (แก้ไข).xlsx", "1002"],
      ["บางรัก.xlsx", "1004"],
    ]);
    expect(
      json.superseded.map((s: { file: string; by: string; reason: string }) => [
        path.basename(s.file),
        path.basename(s.by),
        s.reason,
      ])
    ).toEqual([["ดุสิต.xlsx", "ดุสิต (แก้ไข).xlsx", "chosen"]]);
  });

  it("refuses a file that is not among those merged, before anything is written", async () => {
    const out = path.join(dir, "never", "สรุป.xlsx");
    const r = await runCli("merge", dir, "-o", out, "--prefer", path.join(dir, "อื่น.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `ข้อผิดพลาด: --prefer ${path.join(dir, "อื่น.xlsx")}: ไม่ใช่ไฟล์ที่จะรวม (ระบุไฟล์ฉบับที่จะใช้จากไฟล์ที่รวม)\n` +
        `Error: --prefer ${path.join(dir, "อื่น.xlsx")} is not one of the files to merge (give the copy to use, from the files merged)\n`
    );
    await expect(fs.stat(out)).rejects.toThrow();
  });
});
