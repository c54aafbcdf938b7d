import { promises as fs } from "fs";
import path from "path";
import { Report } from "../../src/domain";
import { cleanReport, runCli, tmpDir } from "../helpers";

/* The command's English counts: "1 error", "2 warnings", never "1 errors". */

const dirs = tmpDir;

/** A form filled from `report`, validated: the exit code and the last line of the output. */
async function validateReport(report: Report): Promise<{ code: number; last: string }> {
  const dir = await dirs();
  const json = path.join(dir, "report.json");
  await fs.writeFile(json, JSON.stringify(report));
  const file = path.join(dir, "form.xlsx");
  expect((await runCli("scaffold", "-o", file, "--from", json)).code).toBe(0);
  const r = await runCli("validate", file);
  return { code: r.code, last: r.out.trimEnd().split("\n").pop()! };
}

/** The clean report with I5's score taken out (an error) and/or O1–O22's evidence not a link (a warning). */
function withProblems(error: boolean, warning: boolean): Report {
  const r = cleanReport();
  if (error) r.items.find((i) => i.code === "I5")!.score = null;
  if (warning) r.items.find((i) => i.code === "O1-O22")!.evidence = "ภาพกิจกรรม";
  return r;
}

describe("ita validate counts in the singular and the plural", () => {
  it("one error and one warning", async () => {
    expect(await validateReport(withProblems(true, true))).toEqual({
      code: 1,
      last: "ยังส่งไม่ได้: ข้อผิดพลาด 1, คำเตือน 1 / Not ready: 1 error, 1 warning",
    });
  });

  it("one error and no warning", async () => {
    expect(await validateReport(withProblems(true, false))).toEqual({
      code: 1,
      last: "ยังส่งไม่ได้: ข้อผิดพลาด 1, คำเตือน 0 / Not ready: 1 error, 0 warnings",
    });
  });

  it("ready with one warning", async () => {
    expect(await validateReport(withProblems(false, true))).toEqual({
      code: 0,
      last: "พร้อมส่ง: ไม่มีข้อผิดพลาด, คำเตือน 1 / Ready to submit: no errors, 1 warning",
    });
  });
});
