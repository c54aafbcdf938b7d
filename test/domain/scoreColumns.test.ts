/**
 * A score with more than two decimals (84.9999) is shown as it is ("0.00####"): its column is wide
 * enough for it, on every sheet that shows scores — in a column made for "100.00" LibreOffice printed
 * "###" where the unit's score should be.
 */
import { syntheticReport } from "../../src/domain/sampleData";
import {
  buildSummary,
  DEFAULT_FORM,
  findDistrict,
  mergeForms,
  SUMMARY_SHEETS,
  Submission,
} from "../../src/domain";
import { FONT } from "../../src/domain/layout/spec";
import { columnCharsFor, textWidthPt } from "../../src/domain/layout/textMetrics";
import { formOf, sampleReport } from "../helpers";

const BOLD = { ...FONT, bold: true };
const widthFor = (text: string) => columnCharsFor(textWidthPt(text, BOLD), BOLD);

describe("score columns", () => {
  const reports = ["1005", "1007"].map((code) => {
    const r = syntheticReport(sampleReport(), DEFAULT_FORM, findDistrict(code)!, Number(code));
    r.items.find((i) => i.code === "I22")!.score = code === "1005" ? 84.9999 : 90;
    return r;
  });
  const subs: Submission[] = reports.map((r, i) => ({ file: `f${i}.xlsx`, form: formOf(r) }));
  const sheets = buildSummary(mergeForms(subs, { formDef: DEFAULT_FORM, expect: "none" }));
  const sheet = (name: string) => sheets.find((s) => s.name === name)!;

  it("are as wide as the widest score they show", () => {
    // The case itself: the score is wider than the "100.00" the columns were made for.
    expect(widthFor("84.9999")).toBeGreaterThan(widthFor("100.00"));
    const scores = sheet(SUMMARY_SHEETS.scores);
    const i22 = scores.columns.findIndex((c) => c.header.startsWith("I22"));
    expect(scores.rows.map((r) => r.cells[i22]).slice(0, 2)).toEqual([84.9999, 90]);
    expect(scores.columns[i22].width).toBeGreaterThanOrEqual(widthFor("84.9999"));
    const flagged = sheet(SUMMARY_SHEETS.flagged);
    const row = flagged.rows.find((r) => r.cells[2] === "I22")!;
    expect(row.cells.slice(3, 5)).toEqual([84.9999, 0.0001]);
    expect(flagged.columns[3].width).toBeGreaterThanOrEqual(widthFor("84.9999"));
  });
});
