/** Two copies of one report inside the same file are told apart by sheet, not by the file's name twice. */
import { mergeForms, metaFromReport, readForm, modelGrid, renderForm } from "../../src/domain";
import { FY2567 } from "../forms";
import { districtReport } from "./districts";

it("names the other sheet when a duplicate is in the same file", () => {
  const report = districtReport("1040");
  const form = (sheet: string) => {
    const model = renderForm(FY2567, metaFromReport(report), report, sheet);
    return readForm(modelGrid(model), FY2567);
  };
  const r = mergeForms(
    [
      { file: "in/1040.xlsx", form: form("ITA ก") },
      { file: "in/1040.xlsx", form: form("ITA ข") },
      { file: "in/other.xlsx", form: form("ITA ค") },
    ],
    { formDef: FY2567, expect: "none" }
  );
  expect(r.merged).toEqual([]);
  const reasons = r.rejected.map((x) => x.reason.en);
  expect(reasons[0]).toMatch(/came in more than one file \(sheet "ITA ข", other\.xlsx\)/);
  expect(reasons[1]).toMatch(/\(sheet "ITA ก", other\.xlsx\)/);
  expect(reasons[2]).toMatch(/\(1040\.xlsx \("ITA ก", "ITA ข"\)\)/);
  expect(r.rejected[0].reason.th).toMatch(/ชีต "ITA ข"/);
  // Copies inside one file are never resolved by time: which one is meant is unclear.
  expect(reasons).toHaveLength(3);
  expect(reasons.filter((x) => /not merged: copies are inside one file/.test(x))).toHaveLength(3);
  expect(r.superseded).toEqual([]);
});
