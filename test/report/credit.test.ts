import path from "path";
import { syntheticReport } from "../../src/domain/sampleData";
import {
  buildCentralReport,
  buildSummary,
  SUMMARY_SHEETS,
  DEFAULT_FORM,
  findDistrict,
  matchUnitMeasures,
  mergeForms,
  Report,
  Submission,
} from "../../src/domain";
import { formOf, runCli, sampleReport, tmpDir } from "../helpers";
import { writeDistrict } from "../merge/districts";

/**
 * A unit is counted under a measure only when its results support it: what it planned is not what it
 * did. Each test writes the units' measures and results by hand.
 */

const E13 = DEFAULT_FORM.byCode.get("E13")!.standardMeasures;
const I8 = DEFAULT_FORM.byCode.get("I8")!.standardMeasures;

/** A district's report with no measures or results but those the test sets. */
function district(code: string, edit?: (r: Report) => void): Report {
  const r = syntheticReport(sampleReport(), DEFAULT_FORM, findDistrict(code)!, Number(code));
  for (const it of r.items) {
    it.measures = "";
    it.results = "";
  }
  edit?.(r);
  return r;
}

const set = (r: Report, code: string, measures: string, results = "") =>
  Object.assign(
    r.items.find((i) => i.code === code)!,
    { measures, results }
  );

function mergeOf(reports: Report[]) {
  const subs: Submission[] = reports.map((r, i) => ({ file: `f${i}.xlsx`, form: formOf(r) }));
  return mergeForms(subs, { formDef: DEFAULT_FORM, expect: "districts" });
}

/** Units that planned E13's first measure (training on e-services), each reporting otherwise. */
const training = `1. ${E13[0]}`;
const contradicting = () => [
  // Plan: training; results: not done.
  district("1047", (r) => set(r, "E13", training, "1. ยังไม่ได้ดำเนินการ")),
  // Results in the measure's own words, but saying it was not done.
  district("1001", (r) =>
    set(
      r,
      "E13",
      training,
      "1. ยังไม่ได้จัดอบรม สร้างความรู้ความเข้าใจการให้บริการผ่านระบบ E - service ให้แก่เจ้าหน้าที่"
    )
  ),
  // Under way.
  district("1002", (r) =>
    set(
      r,
      "E13",
      training,
      "อยู่ระหว่างจัดอบรม สร้างความรู้ความเข้าใจการให้บริการผ่านระบบ E - service คาดว่าจะแล้วเสร็จเดือนมิถุนายน"
    )
  ),
  // Planned, nothing reported.
  district("1006", (r) => set(r, "E13", training)),
  // Done: the one unit counted.
  district("1040", (r) =>
    set(
      r,
      "E13",
      training,
      "1. จัดอบรม สร้างความรู้ความเข้าใจการให้บริการผ่านระบบ E - service ให้แก่เจ้าหน้าที่ จำนวน 2 รุ่น ผู้เข้าอบรม 80 คน"
    )
  ),
];

describe("credit from evidence", () => {
  const result = mergeOf(contradicting());
  const e13 = matchUnitMeasures(result).find((g) => g.group === "E13")!;
  const report = buildCentralReport(result);
  const ind8 = report.tools[1].indicators[2];
  const row = ind8.groups.find((g) => g.heading === "ข้อ E13")!.rows[0];

  it("counts a unit under a measure it planned only when its results say it was done", () => {
    expect(e13.standard[0].done.map((c) => [c.unit, c.how])).toEqual([
      ["สำนักงานเขตบางแค", "results"],
    ]);
    expect(e13.standard[0].done[0].evidence.raw).toBe(
      "จัดอบรม สร้างความรู้ความเข้าใจการให้บริการผ่านระบบ E - service ให้แก่เจ้าหน้าที่ จำนวน 2 รุ่น ผู้เข้าอบรม 80 คน"
    );
    // The others planned it and are listed as planned, with what their results say, in code order.
    expect(e13.standard[0].planned.map((p) => [p.unit, p.why, p.said?.raw ?? null])).toEqual([
      [
        "สำนักงานเขตพระนคร",
        "not-done",
        "ยังไม่ได้จัดอบรม สร้างความรู้ความเข้าใจการให้บริการผ่านระบบ E - service ให้แก่เจ้าหน้าที่",
      ],
      [
        "สำนักงานเขตดุสิต",
        "in-progress",
        "อยู่ระหว่างจัดอบรม สร้างความรู้ความเข้าใจการให้บริการผ่านระบบ E - service คาดว่าจะแล้วเสร็จเดือนมิถุนายน",
      ],
      ["สำนักงานเขตบางกะปิ", "no-results", null],
      ["สำนักงานเขตบางนา", "not-done", "ยังไม่ได้ดำเนินการ"],
    ]);
    // A "not done" result is nobody's own work either.
    expect(e13.own).toEqual([]);
  });

  it("counts a numbered result under its plan when it does that plan's work in its own words", () => {
    const I5 = DEFAULT_FORM.byCode.get("I5")!.standardMeasures;
    const g = matchUnitMeasures(
      mergeOf([
        district("1026", (r) =>
          set(
            r,
            "I5",
            I5.map((m, i) => `${i + 1}. ${m}`).join("\n"),
            "1. ยังไม่ได้จัดประชุม\n2. จัดทำคู่มือแล้ว เผยแพร่ทางไลน์กลุ่ม\n3. ผู้อำนวยการเขตกำชับในที่ประชุมแล้ว"
          )
        ),
      ])
    ).find((x) => x.group === "I5")!;
    // Plan 3 is the commander's instruction (กำชับ); the result says the director gave it in a meeting.
    expect(g.standard.map((m) => m.done.map((c) => c.evidence.raw))).toEqual([
      [],
      ["จัดทำคู่มือแล้ว เผยแพร่ทางไลน์กลุ่ม"],
      ["ผู้อำนวยการเขตกำชับในที่ประชุมแล้ว"],
    ]);
    expect(g.own).toEqual([]);
    expect(g.standard[0].planned.map((p) => [p.unit, p.why])).toEqual([
      ["สำนักงานเขตดินแดง", "not-done"],
    ]);
  });

  it("counts it also when the word breaker gives its verb as two words ('เผยแพร่': 'เผย', 'แพร่')", () => {
    const I1 = DEFAULT_FORM.byCode.get("I1")!.standardMeasures;
    const g = matchUnitMeasures(
      mergeOf([
        district("1027", (r) =>
          set(
            r,
            "I1",
            I1.map((m, i) => `${i + 1}. ${m}`).join("\n"),
            "1. เผยแพร่คู่มือทางออนไลน์ให้ผู้ที่ไม่สามารถเดินทางมาได้"
          )
        ),
      ])
    ).find((x) => x.group === "I1")!;
    expect(g.standard[0].done.map((c) => [c.unit, c.evidence.raw])).toEqual([
      ["สำนักงานเขตบึงกุ่ม", "เผยแพร่คู่มือทางออนไลน์ให้ผู้ที่ไม่สามารถเดินทางมาได้"],
    ]);
    expect(g.own).toEqual([]);
  });

  it("puts what a numbered entry says was not done under the plan its words name, not its number's", () => {
    const I1 = DEFAULT_FORM.byCode.get("I1")!.standardMeasures;
    const g = matchUnitMeasures(
      mergeOf([
        district("1047", (r) =>
          set(
            r,
            "I1",
            I1.slice(0, 2)
              .map((m, i) => `${i + 1}. ${m}`)
              .join("\n"),
            "1. เผยแพร่คู่มือแล้ว แต่ยังไม่ได้จัดประชุมชี้แจง"
          )
        ),
      ])
    ).find((x) => x.group === "I1")!;
    expect(g.standard[0].done.map((c) => [c.unit, c.evidence.raw])).toEqual([
      ["สำนักงานเขตบางนา", "เผยแพร่คู่มือแล้ว"],
    ]);
    expect(g.standard[1].planned.map((p) => [p.unit, p.why, p.said?.raw ?? null])).toEqual([
      ["สำนักงานเขตบางนา", "not-done", "แต่ยังไม่ได้จัดประชุมชี้แจง"],
    ]);
  });

  it("takes 'ดำเนินการแล้วบางส่วน' for every plan, not the one with 'ส่วน' in it", () => {
    const E1 = DEFAULT_FORM.byCode.get("E1")!.standardMeasures;
    const g = matchUnitMeasures(
      mergeOf([
        district("1001", (r) =>
          set(r, "E1", E1.map((m, i) => `${i + 1}. ${m}`).join("\n"), "ดำเนินการแล้วบางส่วน")
        ),
      ])
    ).find((x) => x.group === "E1")!;
    expect(
      g.standard.map((m) => m.planned.map((p) => [p.unit, p.why, p.said?.raw ?? null]))
    ).toEqual([
      [["สำนักงานเขตพระนคร", "in-progress", "ดำเนินการแล้วบางส่วน"]],
      [["สำนักงานเขตพระนคร", "in-progress", "ดำเนินการแล้วบางส่วน"]],
      [["สำนักงานเขตพระนคร", "in-progress", "ดำเนินการแล้วบางส่วน"]],
    ]);
  });

  it("does not count a result under a plan for one shared word when the lists are not numbered", () => {
    const I5 = DEFAULT_FORM.byCode.get("I5")!.standardMeasures;
    for (const [plan, result] of [
      [I5[2], "ติดตามผลการเบิกจ่ายงบประมาณประจำปี"],
      [I5[0], "เข้าร่วมประชุมผู้บริหารกรุงเทพมหานคร"],
      [I5[1], "ติดป้ายประชาสัมพันธ์งานวันเด็ก"],
    ]) {
      const g = matchUnitMeasures(
        mergeOf([district("1047", (r) => set(r, "I5", plan, result))])
      ).find((x) => x.group === "I5")!;
      expect([result, g.standard.map((m) => m.done.length)]).toEqual([result, [0, 0, 0]]);
    }
  });

  it("takes 'N/A' for no results (never a unit's own work) and 'ทำแล้ว' for the plan carried out", () => {
    const e = matchUnitMeasures(
      mergeOf([
        district("1024", (r) => set(r, "E13", training, "N/A")),
        district("1030", (r) => set(r, "E13", training, "ทำแล้ว")),
      ])
    ).find((g) => g.group === "E13")!;
    expect(e.own).toEqual([]);
    expect(e.standard[0].done.map((c) => [c.unit, c.how])).toEqual([
      ["สำนักงานเขตจตุจักร", "as-planned"],
    ]);
    expect(e.standard[0].planned.map((p) => [p.unit, p.why])).toEqual([
      ["สำนักงานเขตราษฎร์บูรณะ", "no-results"],
    ]);
  });

  it("says so in the report: the one unit that did it, and the others by what they reported", () => {
    expect(row.number).toBe("8.5");
    expect(row.summary).toEqual([
      "- สำนักงานเขตบางแค ได้จัดอบรม สร้างความรู้ความเข้าใจการให้บริการผ่านระบบ E - service ให้แก่เจ้าหน้าที่ จำนวน 2 รุ่น ผู้เข้าอบรม 80 คน",
      "- สำนักงานเขตบางกะปิ มีแผนดำเนินการ แต่ยังไม่ได้รายงานผลการดำเนินการ",
      "- สำนักงานเขตพระนคร และบางนา รายงานว่ายังไม่ได้ดำเนินการ",
      "- สำนักงานเขตดุสิต รายงานว่าอยู่ระหว่างดำเนินการหรือจะดำเนินการต่อไป",
    ]);
    // Nobody but Bang Khae is said to have done it, anywhere in the row.
    for (const name of ["พระนคร", "ดุสิต", "บางกะปิ", "บางนา"])
      expect(row.outcomes.join(" ")).not.toContain(name);
    expect(report.stats.unitsCredited).toBe(1);
  });

  it("counts the planned measures of a unit whose results say it carried them out as planned", () => {
    const r = mergeOf([
      district("1047", (x) =>
        set(x, "I8", `1. ${I8[0]}\n2. ${I8[1]}`, "ดำเนินการตามมาตรการที่กำหนดครบถ้วนแล้ว")
      ),
      // A list as long as the plans: the first done as planned, the second not.
      district("1001", (x) =>
        set(x, "I8", `1. ${I8[0]}\n2. ${I8[1]}`, "1. ดำเนินการแล้ว\n2. ยังไม่ได้ดำเนินการ")
      ),
    ]);
    const i8 = matchUnitMeasures(r).find((g) => g.group === "I8")!;
    expect(i8.standard.map((s) => s.done.map((c) => [c.unit, c.how, c.evidence.raw]))).toEqual([
      [
        ["สำนักงานเขตพระนคร", "as-planned", "ดำเนินการแล้ว"],
        ["สำนักงานเขตบางนา", "as-planned", "ดำเนินการตามมาตรการที่กำหนดครบถ้วนแล้ว"],
      ],
      [["สำนักงานเขตบางนา", "as-planned", "ดำเนินการตามมาตรการที่กำหนดครบถ้วนแล้ว"]],
    ]);
    expect(i8.standard[1].planned.map((p) => [p.unit, p.why])).toEqual([
      ["สำนักงานเขตพระนคร", "not-done"],
    ]);
    const rows = buildCentralReport(r).tools[0].indicators[1].groups[0].rows;
    expect(rows[1].summary).toEqual([
      "- สำนักงานเขตบางนา รายงานว่าได้ดำเนินการตามมาตรการนี้ตามที่วางแผนไว้",
      "- สำนักงานเขตพระนคร รายงานว่ายังไม่ได้ดำเนินการ",
    ]);
    // The summary's measures sheet says who among those counted said only "as planned".
    const sheet = buildSummary(r).find((x) => x.name === SUMMARY_SHEETS.measures)!;
    const row = sheet.rows.find((x) => x.cells[1] === I8[1])!;
    expect(row.cells[2]).toBe("1 หน่วยงาน: บางนา (รายงานว่าดำเนินการตามที่วางแผนไว้)");
    // A measure nobody did: "ไม่มี", and nothing said of how.
    const none = sheet.rows.find((x) => x.cells[0] === "1.1")!;
    expect(none.cells[2]).toBe("ไม่มี");
    const first = sheet.rows.find((x) => x.cells[1] === I8[0])!;
    expect(first.cells[2]).toBe("2 หน่วยงาน: ทุกหน่วยงานที่ส่งรายงาน (รายงานว่าดำเนินการตามที่วางแผนไว้)");
  });

  it("does not count Chom Thong (seed 003) under measures its results do not mention", () => {
    // Its plans list all of them; its results name only some (I12: the second; E5: not the network
    // of staff; E13: the manual and the comments channel, not the training).
    const g = matchUnitMeasures(mergeOf([sampleReport()]));
    const use = (group: string, k: number) => g.find((x) => x.group === group)!.standard[k];
    for (const [group, k] of [
      ["I12", 0],
      ["E5", 3],
      ["E13", 0],
    ] as const) {
      expect([group, k, use(group, k).done]).toEqual([group, k, []]);
      expect([group, k, use(group, k).planned.map((p) => [p.unit, p.why])]).toEqual([
        group,
        k,
        [["สำนักงานเขตจอมทอง", "not-mentioned"]],
      ]);
    }
    // Its I1 results are its five measures, one each; of I8's two measures, the first.
    expect(use("I1", 0).done.map((c) => c.unit)).toEqual(["สำนักงานเขตจอมทอง"]);
    expect([0, 1, 2, 3, 4].map((k) => use("I1", k).done.length)).toEqual([1, 1, 1, 1, 1]);
    expect([use("I8", 0).done.length, use("I8", 1).done.length]).toEqual([1, 0]);
  });
});

describe("ita merge --json: where every count comes from", () => {
  it("lists per measure the units counted with the text and cell that made each count, and the units only planned", async () => {
    const dir = await tmpDir();
    for (const r of contradicting()) await writeDistrict(dir, `${r.unitCode}.xlsx`, r);
    const out = await runCli(
      "merge",
      dir,
      "-o",
      path.join(dir, "out", "s.xlsx"),
      "--expect",
      "none",
      "--json"
    );
    expect(out.code).toBe(0);
    const json = JSON.parse(out.out);
    expect(json.report.file).toBeNull();
    const m = json.report.measures.find((x: { number: string }) => x.number === "8.5");
    expect([m.group, m.items, m.kind, m.measure, m.counted]).toEqual([
      "E13",
      ["E13"],
      "standard",
      E13[0],
      1,
    ]);
    expect(m.units).toEqual([
      {
        unit: "สำนักงานเขตบางแค",
        unitCode: "1040",
        how: "results",
        evidence: {
          text: "จัดอบรม สร้างความรู้ความเข้าใจการให้บริการผ่านระบบ E - service ให้แก่เจ้าหน้าที่ จำนวน 2 รุ่น ผู้เข้าอบรม 80 คน",
          item: "E13",
          cell: expect.stringMatching(/^F\d+$/),
        },
        plan: { item: "E13", cell: expect.stringMatching(/^E\d+$/) },
      },
    ]);
    expect(
      m.plannedOnly.map((p: { unitCode: string; why: string; said: { text: string } | null }) => [
        p.unitCode,
        p.why,
        p.said?.text ?? null,
      ])
    ).toEqual([
      [
        "1001",
        "not-done",
        "ยังไม่ได้จัดอบรม สร้างความรู้ความเข้าใจการให้บริการผ่านระบบ E - service ให้แก่เจ้าหน้าที่",
      ],
      [
        "1002",
        "in-progress",
        "อยู่ระหว่างจัดอบรม สร้างความรู้ความเข้าใจการให้บริการผ่านระบบ E - service คาดว่าจะแล้วเสร็จเดือนมิถุนายน",
      ],
      ["1006", "no-results", null],
      ["1047", "not-done", "ยังไม่ได้ดำเนินการ"],
    ]);
    // Measures nobody planned or did are listed with no unit.
    const first = json.report.measures[0];
    expect([first.number, first.counted, first.units, first.plannedOnly]).toEqual([
      "1.1",
      0,
      [],
      [],
    ]);
  });
});
