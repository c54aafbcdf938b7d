import { strFromU8, unzipSync } from "fflate";
import {
  buildCentralReport,
  DEFAULT_FORM,
  findDistrict,
  matchUnitMeasures,
  mergeForms,
  modelGrid,
  planCarry,
  readForm,
  renderForm,
  Report,
  Submission,
} from "../../src/domain";
import { reportDocxBytes } from "../../src/docx/reportDocx";
import { formOf, sampleReport } from "../helpers";

/** A district's 6-month report: the sample's scores and texts under its code and name. */
function round6(code: string): Report {
  const r = sampleReport();
  r.unitCode = code;
  r.unit = findDistrict(code)!.th;
  return r;
}

/** Its 12-month report started from it, as the file reads back (metadata included); `edit` as the unit types. */
function round12(code: string, edit: Record<string, string> = {}) {
  const plan = planCarry(formOf(round6(code)), { source: `${code}-r6.xlsx` });
  for (const [item, results] of Object.entries(edit))
    plan.report.items.find((i) => i.code === item)!.results = results;
  const model = renderForm(plan.form, plan.meta, plan.report, undefined, { carried: plan.carried });
  return readForm(
    modelGrid(model),
    DEFAULT_FORM,
    new Map(model.metadata.map(([k, v]) => [k, String(v)]))
  );
}

describe("the 12-month report against the 6-month one, in the merge and the central report", () => {
  // The unit adds to each of its three results lines what it did after the 6-month report.
  const I5_NEW = sampleReport()
    .items.find((i) => i.code === "I5")!
    .results.split("\n")
    .map((line) => `${line} และหลังรอบ 6 เดือนจัดเพิ่มอีก 1 ครั้ง`)
    .join("\n");
  const subs: Submission[] = [
    // Chom Thong wrote new results for I5; Bang Rak changed nothing; Dusit's 12-month report was
    // not started from its 6-month one (nothing tells new results from old there).
    { file: "1035.xlsx", form: round12("1035", { I5: I5_NEW }) },
    { file: "1004.xlsx", form: round12("1004") },
    { file: "1002.xlsx", form: formOf({ ...round6("1002"), round: 12 }) },
  ];
  const result = mergeForms(subs, { formDef: DEFAULT_FORM, expect: "none" });
  const unit = (code: string) => result.merged.find((m) => m.unit.code === code)!;

  it("counts per unit the groups with new results since round 6, once in the merge", () => {
    expect(unit("1035").sinceRound6).toMatchObject({ newGroups: 1, unchangedGroups: 23 });
    expect(unit("1004").sinceRound6).toMatchObject({ newGroups: 0, unchangedGroups: 24 });
    expect(unit("1002").sinceRound6).toBeNull();
  });

  it("does not present results reported in round 6 as the 12-month round's outcomes", () => {
    const groups = matchUnitMeasures(result);
    const i5 = groups.find((g) => g.group === "I5")!;
    // The results that made each unit's counts under I5's standard measures and its own measures.
    const credited = (unit: string) =>
      [...i5.standard.flatMap((s) => s.done), ...i5.own.flat()]
        .filter((c) => c.unit === unit)
        .map((c) => c.evidence.raw);
    // Chom Thong's new results are its outcome, each measure it carried out with its new line.
    const chomThong = credited("สำนักงานเขตจอมทอง");
    expect(chomThong).toHaveLength(3);
    for (const r of chomThong) expect(r).toMatch(/และหลังรอบ 6 เดือนจัดเพิ่มอีก 1 ครั้ง$/);
    // Bang Rak's results are still the 6-month report's: nothing of them counts in this round.
    expect(credited("สำนักงานเขตบางรัก")).toEqual([]);
    // Dusit's report tells nothing of round 6: its results stand as written (the sample's I5 lines).
    expect(credited("สำนักงานเขตดุสิต").map((r) => r.slice(0, 24))).toEqual([
      "ดำเนินการจัดประชุม ชี้แจ",
      "ดำเนินการจัดทำคู่มือ เกี",
      "ผู้บังคับบัญชากำชับ กำกั",
    ]);
  });

  it("says in the report how many groups have new results and which units reported only round 6's", async () => {
    const report = buildCentralReport(result);
    expect(report.sinceRound6).toEqual([
      "หน่วยงานที่จัดทำรายงานรอบ 12 เดือนต่อจากรายงานรอบ 6 เดือน 2 หน่วยงาน รายงานผลการดำเนินงานใหม่หลังรอบ 6 เดือน รวม 1 กลุ่มมาตรการ ส่วนอีก 47 กลุ่มมาตรการยังเป็นผลการดำเนินงานเดิมของรอบ 6 เดือน จึงไม่นำมาสรุปเป็นผลใหม่ของรอบนี้",
      "หน่วยงานที่ยังรายงานผลเดิมของรอบ 6 เดือน: สำนักงานเขตบางรัก (24 กลุ่ม), สำนักงานเขตจอมทอง (23 กลุ่ม)",
    ]);
    const xml = strFromU8(unzipSync(await reportDocxBytes(report))["word/document.xml"]);
    expect(xml).toContain("หน่วยงานที่ยังรายงานผลเดิมของรอบ 6 เดือน: สำนักงานเขตบางรัก (24 กลุ่ม)");
    // A 6-month merge has no such paragraph.
    const r6 = mergeForms([{ file: "a.xlsx", form: formOf(round6("1035")) }], {
      formDef: DEFAULT_FORM,
      expect: "none",
    });
    expect(buildCentralReport(r6).sinceRound6).toBeNull();
  });
});
