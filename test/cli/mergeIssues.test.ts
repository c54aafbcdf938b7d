/**
 * `ita merge --json` says, for each merged unit, what it must correct and where (validate's issues of
 * its sheet), not only how many: the central office knows whom to ask for what.
 */
import path from "path";
import { runCli, tmpDir } from "../helpers";
import { districtReport, writeDistrict } from "../merge/districts";

it("lists each merged unit's issues with their cells", async () => {
  const dir = await tmpDir();
  const r = districtReport("1001");
  r.items.find((i) => i.code === "I17")!.score = null;
  await writeDistrict(dir, "1001.xlsx", r);
  const out = await runCli("merge", dir, "-o", path.join(dir, "out", "s.xlsx"), "--json");
  const j = JSON.parse(out.out);
  const [unit] = j.merged;
  const errors = unit.issues.filter((i: { severity: string }) => i.severity === "error");
  expect(errors).toHaveLength(unit.errors);
  expect(errors.filter((i: { rule: string }) => i.rule === "score.required")).toEqual([
    {
      severity: "error",
      rule: "score.required",
      code: "I17",
      cell: expect.stringMatching(/^B\d+$/),
      message: { th: "ข้อ I17: ยังไม่ได้กรอกคะแนน", en: "I17: the score is empty" },
    },
  ]);
});
