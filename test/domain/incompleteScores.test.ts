import { district, mergeOf } from "../report/units";
import { scoresSheet } from "../../src/domain/summarySheets/scoresSheet";
import { DEFAULT_FORM, mergeForms, Report } from "../../src/domain";
import { formOf } from "../helpers";

/**
 * A unit with a score missing is not ranked by the items it has: its averages over the missing
 * item, its tool's mean and its estimated total are left blank (review: a district whose low I17 was
 * missing came out the highest of all).
 */
const allAt = (score: number) => (r: Report) => {
  for (const it of r.items) it.score = score;
};

describe("a unit with a missing score in the central summary", () => {
  const missing = district("1001", (r) => {
    allAt(90)(r);
    r.items.find((i) => i.code === "I17")!.score = null;
  });
  const low = district("1002", (r) => {
    allAt(90)(r);
    r.items.find((i) => i.code === "I17")!.score = 60;
  });
  const result = mergeOf([missing, low]);
  const byCode = new Map(result.merged.map((m) => [m.unit.code, m.summary]));

  it("has no mean for indicator 3 (I12–I17) nor for IIT, and no total", () => {
    const s = byCode.get("1001")!;
    expect(s.indicators.find((i) => i.number === 3)!.mean).toBeNull();
    expect(s.indicators.find((i) => i.number === 1)!.mean).toBe(90);
    expect(s.tools.map((t) => [t.id, t.mean])).toEqual([
      ["IIT", null],
      ["EIT", 90],
      ["OIT", 90],
    ]);
    expect([s.total, s.passes]).toEqual([null, null]);
  });

  it("ranks the unit that has all its scores by all of them", () => {
    const s = byCode.get("1002")!;
    // Indicator 3: (5 × 90 + 60) / 6 = 85; IIT: (24 × 90 + 60) / 25 = 88.8;
    // total: (88.8 × 30 + 90 × 30 + 90 × 40) / 100 = 89.64.
    expect(s.indicators.find((i) => i.number === 3)!.mean).toBe(85);
    expect(s.tools.map((t) => t.mean)).toEqual([88.8, 90, 90]);
    expect(s.total).toBe(89.64);
  });

  it("leaves the score matrix's cells of those averages empty: Phra Nakhon's IIT and total", () => {
    const sheet = scoresSheet(result);
    const header = sheet.columns.map((c) => c.header);
    const at = (h: string) => header.indexOf(h);
    const rowOf = (name: string) => sheet.rows.find((r) => r.cells[0] === name)!.cells;
    expect(
      ["I17", "เฉลี่ย ตัวชี้วัด 3", "เฉลี่ย IIT", "เฉลี่ย EIT", "ITA โดยประมาณ"].map(
        (h) => rowOf("พระนคร")[at(h)]
      )
    ).toEqual([null, null, null, 90, null]);
    expect(
      ["I17", "เฉลี่ย ตัวชี้วัด 3", "เฉลี่ย IIT", "เฉลี่ย EIT", "ITA โดยประมาณ"].map(
        (h) => rowOf("ดุสิต")[at(h)]
      )
    ).toEqual([60, 85, 88.8, 90, 89.64]);
  });
});

describe("a received unit's status row", () => {
  it("names what it must correct, by cell, the first three and the rest counted", () => {
    const one = district("1001", (r) => {
      r.items.find((i) => i.code === "I17")!.score = null;
    });
    const five = district("1002", (r) => {
      for (const code of ["I1", "I2", "I3", "I4", "I5"])
        r.items.find((i) => i.code === code)!.score = null;
    });
    const result = mergeOf([one, five]);
    const note = (code: string) => result.status.find((s) => s.code === code)!.note!;
    expect(note("1001").th).toMatch(/^ต้องแก้ไข: B\d+ ข้อ I17: ยังไม่ได้กรอกคะแนน$/);
    expect(note("1001").en).toMatch(/^to correct: B\d+ I17: the score is empty$/);
    expect(note("1002").en).toMatch(
      /^to correct: B\d+ I1: the score is empty; B\d+ I2: the score is empty; B\d+ I3: the score is empty; and 2 more$/
    );
    expect(result.status.find((s) => s.code === "1003")!.note).toBeNull();
  });

  it("names the cells of text typed outside the form's cells, which the summary does not have", () => {
    const form = formOf(district("1001"));
    form.strays = [
      { cell: "H13", text: "หมายเหตุ" },
      { cell: "F27", text: "6. ผลเพิ่มเติม" },
    ];
    const result = mergeForms([{ file: "a.xlsx", form }], {
      formDef: DEFAULT_FORM,
      expect: "districts",
    });
    expect(result.status.find((s) => s.code === "1001")!.note).toEqual({
      th: "ข้อความที่พิมพ์นอกช่องของแบบรายงาน ไม่ได้นำมารวม: H13, F27",
      en: "text typed outside the form's cells, not merged: H13, F27",
    });
  });
});
