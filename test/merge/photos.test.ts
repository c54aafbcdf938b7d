import { buildSummary, DEFAULT_FORM, mergeForms, SUMMARY_SHEETS } from "../../src/domain";
import { formOf, sampleReport } from "../helpers";

it("says in the summary how many photos a unit placed in a flagged item's evidence cell", () => {
  const report = sampleReport();
  report.items = report.items.map((i) => (/^I2[1-4]$/.test(i.code) ? { ...i, evidence: "" } : i));
  const form = formOf(report);
  for (const it of form.items) if (/^I2[1-4]$/.test(it.code)) it.photos = 2;
  const sheets = buildSummary(
    mergeForms([{ file: "1035.xlsx", form }], { formDef: DEFAULT_FORM, expect: "none" })
  );
  const flagged = sheets.find((s) => s.name === SUMMARY_SHEETS.flagged)!;
  const i22 = flagged.rows.find((r) => r.cells[2] === "I22")!;
  expect(i22.cells[7]).toBe("ภาพกิจกรรม 2 ภาพในแบบรายงาน");
  const measures = sheets.find((s) => s.name === SUMMARY_SHEETS.measures)!;
  expect(measures.rows.some((r) => r.cells[3] === "ภาพกิจกรรม 2 ภาพในแบบรายงาน")).toBe(true);
});
