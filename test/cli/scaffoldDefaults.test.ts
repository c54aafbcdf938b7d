import { promises as fs } from "node:fs";
import path from "node:path";
import form2567 from "../../src/domain/catalog/forms/bkk-district-2567.json";
import { main } from "../../src/cli/main";
import { runCli, tmpDir } from "../helpers";

async function scaffoldOn(date: string, ...extra: string[]) {
  const dir = await tmpDir();
  const file = path.join(dir, "form.xlsx");
  let err = "";
  const code = await main(["scaffold", "-o", file, "--unit", "บางรัก", ...extra], {
    out: () => undefined,
    err: (s) => (err += s),
    now: () => new Date(date),
  });
  expect(code).toBe(0);
  const read = JSON.parse((await runCli("read", file)).out);
  return { err, fiscalYear: read.fiscalYear, round: read.round };
}

describe("ita scaffold without --year and --round", () => {
  it("makes the report due: in November the 12-month report of the year just ended, and says so", async () => {
    const r = await scaffoldOn("2026-11-23T10:00:00+07:00");
    expect(r).toMatchObject({ fiscalYear: 2569, round: 12 });
    expect(r.err).toContain("ปีงบประมาณ 2569 รอบ 12 เดือน");
    expect(r.err).toContain("Fiscal year 2569, 12-month round");
  });

  it("in May the 6-month report of the current fiscal year", async () => {
    expect(await scaffoldOn("2027-05-02T10:00:00+07:00")).toMatchObject({
      fiscalYear: 2570,
      round: 6,
    });
  });

  it("a year given without a round: the due round only for the due year, else the form's first", async () => {
    const due = await scaffoldOn("2026-11-23T10:00:00+07:00", "--year", "2569");
    expect(due).toMatchObject({ fiscalYear: 2569, round: 12 });
    expect(due.err).not.toContain("ปีงบประมาณ 2569 รอบ");
    expect(await scaffoldOn("2026-11-23T10:00:00+07:00", "--year", "2567")).toMatchObject({
      fiscalYear: 2567,
      round: 6,
    });
  });

  it("a form issued for a later year than the report due makes that year's report", async () => {
    const dir = await tmpDir();
    const f = JSON.parse(JSON.stringify(form2567));
    f.version = "2570.1";
    f.fiscalYear = 2570;
    const formFile = path.join(dir, "bkk-2570.json");
    await fs.writeFile(formFile, JSON.stringify(f));
    const later = await scaffoldOn("2026-11-23T10:00:00+07:00", "--form", formFile);
    expect(later).toMatchObject({ fiscalYear: 2570, round: 6 });
    // An older form given for the report due keeps the due year (a year without its own form).
    expect(
      await scaffoldOn("2026-11-23T10:00:00+07:00", "--form", "bkk-district-ita")
    ).toMatchObject({ fiscalYear: 2569, round: 12 });
  });
});
