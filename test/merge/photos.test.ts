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
  // The flagged item is listed; the evidence is with the unit's texts for the item's group, on the
  // measures sheet below its printed part.
  const flagged = sheets.find((s) => s.name === SUMMARY_SHEETS.flagged)!;
  expect(flagged.rows.filter((r) => r.cells[2] === "I22")).toHaveLength(1);
  const measures = sheets.find((s) => s.name === SUMMARY_SHEETS.measures)!;
  const at = measures.rows.findIndex((r) => r.cells[3] === "ภาพกิจกรรม 2 ภาพในแบบรายงาน");
  expect(at).toBeGreaterThanOrEqual(measures.printRows!);
  expect(measures.rows[at].cells[0]).toBe("จอมทอง");
});
