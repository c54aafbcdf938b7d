import { DEFAULT_FORM, mergeForms, msg } from "../../src/domain";
import { districtOfFileName } from "../../src/domain/merge";
import { formOf } from "../helpers";
import { district } from "../report/units";

/**
 * A file that cannot be read names no unit, but its name often does ("1022-ภาษีเจริญ.xlsx"): its
 * district is then listed as having sent a file that was refused, not as not having sent (review).
 */
describe("the district a file's name gives", () => {
  it.each([
    ["1022-ภาษีเจริญ.xlsx", "1022"],
    ["ITA-2568-12-1001-พระนคร.xlsx", "1001"],
    ["ITA_บางรัก_2568.xlsx", "1004"],
    ["รายงาน ITA เขตบางนา รอบ 12 เดือน.xlsx", "1047"],
    ["summary.xlsx", null],
    ["2568.xlsx", null],
    // Two districts named: none is guessed.
    ["1001-1002.xlsx", null],
  ])("%s → %s", (file, code) => expect(districtOfFileName(file)?.code ?? null).toBe(code));

  it("lists the district of an unreadable file as refused, not missing", () => {
    const csv = msg("เป็นไฟล์ข้อความ", "is a text file");
    const r = mergeForms(
      [
        { file: "1002.xlsx", form: formOf(district("1002")) },
        { file: "in/1022-ภาษีเจริญ.xlsx", error: csv },
      ],
      { formDef: DEFAULT_FORM, expect: "districts" }
    );
    const row = r.status.find((s) => s.code === "1022")!;
    expect([row.status, row.file, row.note?.th]).toEqual([
      "rejected",
      "in/1022-ภาษีเจริญ.xlsx",
      "เป็นไฟล์ข้อความ (หน่วยงานตามชื่อไฟล์: สำนักงานเขตภาษีเจริญ)",
    ]);
    expect(r.missing.map((u) => u.code)).not.toContain("1022");
    expect(r.missing).toHaveLength(48);
  });
});
