import {
  CarryError,
  carriedFromMeta,
  carriedRows,
  loadFormDef,
  metaFromReport,
  modelGrid,
  nextPeriod,
  periodAfter,
  planCarry,
  readForm,
  renderForm,
  sinceRound6,
  textDigest,
  validate,
} from "../../src/domain";
import type { FormDefJson } from "../../src/domain/catalog/schema";
import { FY2567, mappedFormDef } from "../forms";
import { formOf, SAMPLE_RESULTS_CELLS, sampleReport } from "../helpers";

/** The sample (Chom Thong, FY2567, round 6) as its form sheet reads. */
const round6 = () => formOf(sampleReport());

describe("a digest of a carried text", () => {
  it("is 64-bit FNV-1a of the UTF-8 text: the published test vectors", () => {
    expect(textDigest("")).toBe("cbf29ce484222325");
    expect(textDigest("a")).toBe("af63dc4c8601ec8c");
    expect(textDigest("foobar")).toBe("85944171f73967e8");
  });

  it("compares words: white space folded and trimmed, any other change counts", () => {
    expect(textDigest(" ดำเนินการ\n  แล้ว ")).toBe(textDigest("ดำเนินการ แล้ว"));
    expect(textDigest("ดำเนินการแล้ว")).not.toBe(textDigest("ดำเนินการ แล้ว"));
    expect(textDigest("ดำเนินการแล้ว 2 ครั้ง")).not.toBe(textDigest("ดำเนินการแล้ว 3 ครั้ง"));
  });
});

describe("the record in the hidden metadata", () => {
  it("is a row for the period, one for the source and one per field, read back as written", () => {
    const rows = carriedRows({
      from: { fiscalYear: 2567, round: 6 },
      source: "r6.xlsx",
      digests: {
        issue: new Map(),
        measures: new Map([["I1", "0123456789abcdef"]]),
        results: new Map([
          ["I1", "fedcba9876543210"],
          ["I2", "fedcba9876543210"],
        ]),
        evidence: new Map(),
      },
    });
    expect(rows).toEqual([
      ["carried.from", "2567/6"],
      ["carried.source", "r6.xlsx"],
      ["carried.measures", "I1:0123456789abcdef"],
      ["carried.results", "I1:fedcba9876543210 I2:fedcba9876543210"],
    ]);
    const back = carriedFromMeta(new Map(rows));
    expect(back!.from).toEqual({ fiscalYear: 2567, round: 6 });
    expect(back!.source).toBe("r6.xlsx");
    expect([...back!.digests.results]).toEqual([
      ["I1", "fedcba9876543210"],
      ["I2", "fedcba9876543210"],
    ]);
    expect(back!.digests.evidence.size).toBe(0);
  });

  it("is none without a period, or with one that is not a round", () => {
    expect(carriedFromMeta(new Map())).toBeNull();
    expect(carriedFromMeta(new Map([["carried.from", "2567/7"]]))).toBeNull();
    expect(carriedFromMeta(new Map([["carried.from", "=2567"]]))).toBeNull();
  });
});

describe("the period of the new report", () => {
  it("is the next one by default; a round or a year alone is their first after the earlier one", () => {
    const r6 = { fiscalYear: 2567, round: 6 } as const;
    const r12 = { fiscalYear: 2567, round: 12 } as const;
    expect(nextPeriod(r6)).toEqual({ fiscalYear: 2567, round: 12 });
    expect(nextPeriod(r12)).toEqual({ fiscalYear: 2568, round: 6 });
    expect(periodAfter(r6, {})).toEqual({ fiscalYear: 2567, round: 12 });
    expect(periodAfter(r6, { round: 12 })).toEqual({ fiscalYear: 2567, round: 12 });
    expect(periodAfter(r6, { round: 6 })).toEqual({ fiscalYear: 2568, round: 6 });
    expect(periodAfter(r12, { round: 12 })).toEqual({ fiscalYear: 2568, round: 12 });
    expect(periodAfter(r12, { fiscalYear: 2568 })).toEqual({ fiscalYear: 2568, round: 6 });
    expect(periodAfter(r6, { fiscalYear: 2569 })).toEqual({ fiscalYear: 2569, round: 6 });
    expect(periodAfter(r6, { fiscalYear: 2570, round: 12 })).toEqual({
      fiscalYear: 2570,
      round: 12,
    });
  });
});

describe("starting the 12-month report from the 6-month one", () => {
  it("carries unit, scores, issues, measures, results and evidence; a measure group stays one cell", () => {
    const plan = planCarry(round6(), { source: "r6.xlsx" });
    expect(plan.from).toEqual({ fiscalYear: 2567, round: 6 });
    expect(plan.to).toEqual({ fiscalYear: 2567, round: 12 });
    expect(plan.kind).toBe("sameYear");
    expect(plan.form).toBe(FY2567);
    expect(plan.meta.unit!.code).toBe("1035");
    expect(plan.meta.passMark).toBe(85);
    expect(plan.report.round).toBe(12);
    const item = (code: string) => plan.report.items.find((i) => i.code === code)!;
    expect(item("I22").score).toBe(82.01);
    expect(item("E14").score).toBe(94.74);
    expect(item("I5").evidence).toBe("ภาพกิจกรรม 2 ภาพ (แนบในรายงานฉบับ PDF)");
    expect(item("I1").results).toMatch(/^1\. ดำเนินการประชาสัมพันธ์คู่มือ\/มาตรฐานการปฏิบัติงาน/);
    // I2–I4 share I1's cells: written without texts of their own, so the new form merges them again.
    expect([item("I2").measures, item("I3").results, item("I4").evidence]).toEqual(["", "", ""]);
    expect(item("I2").issue).toBe(
      "การปฏิบัติงานยังมีการให้บริการอย่างไม่เป็นธรรม มีการเลือกปฏิบัติต่อผู้มาติดต่อหรือรับบริการ"
    );
    expect(plan.scores).toEqual({ carried: 42, listed: 0, unmatched: [] });
    expect(plan.items).toEqual({ unmatched: [], added: [], how: "same" });
    // Every item of I1–I4 reads back the group's text: each keeps its digest.
    const d = plan.carried.digests.results;
    expect(d.get("I1")).toBe(d.get("I4"));
    expect(d.get("I1")).toBe(textDigest(sampleReport().items[0].results));
    expect(plan.notes.map((n) => n.en)).toEqual([
      'Starting from r6.xlsx (sheet "ITA 2567 รอบ 6"): Chom Thong, fiscal year 2567, 6-month round → new report of fiscal year 2567, 12-month round (the next one)',
      "Carried: 42 scores, issues, measures, results, evidence — add what was done after the 6-month report",
    ]);
  });

  it("says the preparer is carried when the earlier report names one", () => {
    const plan = planCarry(formOf({ ...sampleReport(), preparer: "นางสาวสมใจ ใจดี" }), {
      source: "r6.xlsx",
    });
    expect(plan.meta.preparer).toBe("นางสาวสมใจ ใจดี");
    expect(plan.notes[1].en).toBe(
      "Carried: 42 scores, issues, measures, results, evidence, the preparer (นางสาวสมใจ ใจดี) — add what was done after the 6-month report"
    );
    expect(plan.notes[1].th).toMatch(/และผู้จัดทำ \(นางสาวสมใจ ใจดี\) — /);
  });

  it("warns on each carried results cell, naming the 6-month report, until its text changes", () => {
    const plan = planCarry(round6(), { source: "r6.xlsx" });
    const model = renderForm(plan.form, plan.meta, plan.report, undefined, {
      carried: plan.carried,
    });
    const sheet = readForm(
      modelGrid(model),
      FY2567,
      new Map(model.metadata.map(([k, v]) => [k, String(v)]))
    );
    expect(sheet.continues).toBe(true);
    const carried = (s = sheet) =>
      validate(s, { now: new Date("2024-10-15") }).issues.filter(
        (i) => i.rule === "results.carried"
      );
    const first = carried();
    // One warning per results cell with text (a measure group's cell once, by its first item).
    expect(first.map((i) => i.code)).toEqual(SAMPLE_RESULTS_CELLS);
    expect(first[0]).toEqual({
      code: "I1",
      cell: "F13",
      rule: "results.carried",
      severity: "warning",
      message: {
        th: "ข้อ I1–I4: ผลการดำเนินงานยังเหมือนรายงานรอบ 6 เดือน — เพิ่มผลที่ดำเนินการหลังจากนั้น",
        en: "I1–I4: Results unchanged since the 6-month report — add what was done after it",
      },
    });
    // The unit adds what it did since: that cell's warning alone is gone.
    const i5 = sheet.items.find((i) => i.code === "I5")!;
    const edited = {
      ...sheet,
      items: sheet.items.map((i) =>
        i === i5 ? { ...i, results: `${i.results}\n4. หลังรอบ 6 เดือน อบรมเพิ่ม 1 ครั้ง` } : i
      ),
    };
    const after = carried(edited);
    expect(after).toHaveLength(23);
    expect(first.filter((i) => i.code !== "I5")).toEqual(after);
    // The merge's count: 24 groups with results, of which one is new.
    expect(sinceRound6(edited)).toMatchObject({ newGroups: 1, unchangedGroups: 23 });
    expect(sinceRound6(edited)!.unchangedCodes).not.toContain("I5");
    expect(sinceRound6(edited)!.unchangedCodes.slice(0, 4)).toEqual(["I1", "I2", "I3", "I4"]);
  });

  it("refuses a period that is not after the earlier report's, naming both", () => {
    expect(() =>
      planCarry(round6(), { source: "r6.xlsx", to: { fiscalYear: 2567, round: 6 } })
    ).toThrow(CarryError);
    try {
      planCarry(round6(), { source: "r6.xlsx", to: { fiscalYear: 2566, round: 12 } });
    } catch (e) {
      expect((e as CarryError).reason.en).toBe(
        "The new report must come after the earlier one: r6.xlsx is the report of fiscal year 2567, 6-month round, but the new report asked for is of fiscal year 2566, 12-month round (the next one is fiscal year 2567, 12-month round)"
      );
    }
    expect.assertions(2);
  });

  it("refuses an earlier report that names no period, saying which cells", () => {
    const r = sampleReport();
    const sheet = formOf(r);
    const noYear = { ...sheet, fiscalYear: { value: null, raw: "", cell: "D2" } };
    expect(() => planCarry(noYear, { source: "r6.xlsx" })).toThrow(
      /r6\.xlsx, sheet "ITA 2567 รอบ 6", gives no fiscal year or round \(fiscal year \?, 6-month round; cells D2, D3\)/
    );
  });
});

describe("starting next year's report", () => {
  it("carries unit, issues and measures as a plan; results, evidence and scores empty, and says so", () => {
    const r12 = { ...round6(), round: { value: 12, raw: "12", cell: "D3" } };
    const plan = planCarry(r12, { source: "r12.xlsx" });
    expect(plan.to).toEqual({ fiscalYear: 2568, round: 6 });
    expect(plan.kind).toBe("newYear");
    expect(plan.meta.preparer).toBe("");
    const item = (code: string) => plan.report.items.find((i) => i.code === code)!;
    expect(item("I1").measures).toMatch(/^1\. เผยแพร่ประชาสัมพันธ์คู่มือ/);
    expect(item("I5")).toMatchObject({ score: null, results: "", evidence: "" });
    expect(plan.report.items.filter((i) => i.results || i.evidence || i.score !== null)).toEqual(
      []
    );
    expect(plan.carried.digests.results.size).toBe(0);
    expect(plan.scores).toEqual({ carried: 0, listed: 0, unmatched: [] });
    expect(plan.notes.map((n) => n.en).slice(1)).toEqual([
      "Using the FY2567 form (2567.1) because there is no form for FY2568 yet",
      "A new fiscal year: the unit, issues and measures are carried as a starting plan; results, evidence and the preparer are left empty (last year's work is not this year's)",
      "No scores for this year yet: the scores are left empty; give a scores list in this step, or fill them in the form later",
    ]);
  });

  it("takes this year's scores from a list, naming lines it cannot read", () => {
    const r12 = { ...round6(), round: { value: 12, raw: "12", cell: "D3" } };
    const plan = planCarry(r12, {
      source: "r12.xlsx",
      scores: { name: "new.csv", text: "code,score\nI1,97.50\nI22 88.1\nX9 12\n" },
    });
    const scored = plan.report.items.filter((i) => i.score !== null);
    expect(scored.map((i) => [i.code, i.score])).toEqual([
      ["I1", 97.5],
      ["I22", 88.1],
    ]);
    expect(plan.scores.listed).toBe(2);
    expect(plan.scores.unmatched.map((u) => [u.line, u.text])).toEqual([[4, "X9 12"]]);
    expect(plan.notes.map((n) => n.en)).toContain("2 scores from new.csv");
  });

  it("maps items through the new form's map of the earlier form; an item with no place is listed", () => {
    const json = mappedFormDef() as FormDefJson;
    // The FY2569 form also drops E14: the earlier report's E14 has nowhere to go.
    for (const t of json.tools)
      for (const ind of t.indicators) ind.items = ind.items.filter((i) => i.code !== "E14");
    const fy2569 = loadFormDef(json, "fy2569.json");
    const r12 = { ...round6(), round: { value: 12, raw: "12", cell: "D3" } };
    const plan = planCarry(r12, {
      source: "r12.xlsx",
      to: { fiscalYear: 2569, round: 6 },
      form: fy2569,
    });
    expect(plan.items).toEqual({ unmatched: ["E14"], added: [], how: "map" });
    const item = (code: string) => plan.report.items.find((i) => i.code === code)!;
    // E15 renumbered E16; I5 split into I5 and I26 (both take I5's measures).
    expect(item("E16").measures).toBe(
      "- หน่วยงานมีการเผยแพร่ประชาสัมพันธ์ผลการดำเนินงานให้ผู้รับบริการ หรือผู้มาติดต่อได้รับรู้รับทราบผ่านช่องทางต่าง ๆ รวมทั้งมีการเผยแพร่ประชาสัมพันธ์ผลการประเมิน ITA ให้ประชาชนรับทราบ"
    );
    expect(item("I26").measures).toBe(item("I5").measures);
    expect(item("I5").measures).toMatch(/^1\. ประชุม ชี้แจง สร้างความเข้าใจ/);
    // I1–I4 stay one group on the new form.
    expect(item("I2").measures).toBe("");
    expect(plan.notes.map((n) => n.en)).toEqual(
      expect.arrayContaining([
        "The earlier report is on the form bkk-district-ita 2567.1: its items are matched to bkk-district-ita 2569.1 by the form's item map",
        "Items of the earlier report with no counterpart in the new form, not carried: E14",
      ])
    );
    // The new sheet is a normal form of the new form: it reads back with its 42 items.
    const model = renderForm(plan.form, plan.meta, plan.report, undefined, {
      carried: plan.carried,
    });
    const back = readForm(modelGrid(model), fy2569);
    expect(back.items).toHaveLength(42);
    expect(back.problems).toEqual([]);
    expect(back.items.find((i) => i.code === "I2")!.sharedWith).toEqual(["I1", "I3", "I4"]);
  });
});

describe("the form marker", () => {
  it("says the sheet continues an earlier report; the reader still takes the form from it", () => {
    const plan = planCarry(round6(), { source: "r6.xlsx" });
    const model = renderForm(plan.form, plan.meta, plan.report, undefined, {
      carried: plan.carried,
    });
    expect(model.values[5][3]).toBe("bkk-district-ita 2567.1 · ต่อจากรอบ 6 เดือน ปี 2567");
    const back = readForm(modelGrid(model), FY2567);
    expect([back.formId, back.formVersion, back.continues]).toEqual([
      "bkk-district-ita",
      "2567.1",
      true,
    ]);
    // A form not started from another: no such words, no record.
    const plain = readForm(modelGrid(renderForm(FY2567, metaFromReport(sampleReport()))), FY2567);
    expect([plain.continues, plain.carried]).toEqual([false, null]);
  });
});
