import { buildCentralReport, DEFAULT_FORM, matchUnitMeasures } from "../../src/domain";
import { measureNumbers, unitDid } from "../../src/domain/report/numbers";
import { flaggedSheet } from "../../src/domain/summarySheets/flaggedSheet";
import { district, mergeOf, set } from "./units";

/**
 * What a unit's results say is read item by item and entry by entry: a numbered "not done" stands
 * for the plan of its number, and one item's results never credit another item's "not done".
 * Inputs are modelled on the demo's Dusit (O23–O30) and Bang Khae (I1–I4, I18–I20) texts.
 */

const std = (code: string) => DEFAULT_FORM.byCode.get(code)!.standardMeasures;
const O23 = std("O23-O30");
const O1 = std("O1-O22");
const I1 = std("I1");
const I18 = std("I18");
const NOT_DONE = "ยังไม่ได้ดำเนินการ";
const numbered = (xs: readonly string[]) => xs.map((x, i) => `${i + 1}. ${x}`).join("\n");

const rowsOf = (report: ReturnType<typeof buildCentralReport>, heading: string) =>
  report.tools
    .flatMap((t) => t.indicators.flatMap((i) => i.groups))
    .find((g) => g.heading === heading)!.rows;

describe("a numbered 'not done' is about the plan of its number", () => {
  // Dusit's O23–O30: the first and third not done (the same words twice), the second done.
  const dusit = district("1002", (r) =>
    set(
      r,
      "O23-O30",
      numbered(O23),
      [
        `1. ${NOT_DONE}`,
        "2. หน่วยงานดำเนินการเปิดเผยข้อมูลให้ครบถ้วนตามหัวข้อที่กำหนด / ตามองค์ประกอบในแต่ละหัวข้อที่กำหนด บนเว็บไซต์ของสำนักงานเขต ครบ 20 หัวข้อ",
        `3. ${NOT_DONE}`,
      ].join("\n")
    )
  );
  const result = mergeOf([dusit]);
  const g = matchUnitMeasures(result).find((x) => x.group === "O23-O30")!;

  it("lists Dusit as reporting measures 1 and 3 not done, and counts it under 2", () => {
    expect(g.standard.map((s) => s.done.map((c) => c.unit))).toEqual([[], ["สำนักงานเขตดุสิต"], []]);
    expect(
      g.standard.map((s) => s.planned.map((p) => [p.unit, p.why, p.said?.raw ?? null]))
    ).toEqual([
      [["สำนักงานเขตดุสิต", "not-done", NOT_DONE]],
      [],
      [["สำนักงานเขตดุสิต", "not-done", NOT_DONE]],
    ]);
  });

  it("says so in the report's rows 10.1 and 10.3", () => {
    const rows = rowsOf(buildCentralReport(result), "ข้อ O23–O30");
    expect(rows.map((r) => r.number)).toEqual(["10.1", "10.2", "10.3"]);
    expect(rows[0].summary).toEqual([
      "- ยังไม่มีหน่วยงานรายงานผลการดำเนินการตามมาตรการนี้",
      "- สำนักงานเขตดุสิต รายงานว่ายังไม่ได้ดำเนินการ",
    ]);
    expect(rows[2].summary).toEqual(rows[0].summary);
  });

  it("goes by the numbers when the results skip one", () => {
    const r = mergeOf([
      district("1002", (x) =>
        set(x, "O23-O30", numbered(O23), `2. ${O23[1]} ครบ 20 หัวข้อ\n3. ${NOT_DONE}`)
      ),
    ]);
    const o = matchUnitMeasures(r).find((x) => x.group === "O23-O30")!;
    expect(o.standard.map((s) => s.planned.map((p) => p.why))).toEqual([
      ["not-mentioned"],
      [],
      ["not-done"],
    ]);
  });
});

describe("each item's results for its own row", () => {
  // Bang Khae's I18–I20: I18 and I19 did all four; I20 did the first two, not the third and fourth.
  const didAll = [
    `1. ดำเนินการ${I18[0]} ในการประชุมผู้บริหารสำนักงานเขตทุกสัปดาห์`,
    `2. ดำเนินการ${I18[1]} โดยผู้อำนวยการเขตกำชับในที่ประชุมผู้บริหารทุกสัปดาห์`,
    `3. ดำเนินการ${I18[2]} ในกลุ่ม LINE ของเจ้าหน้าที่`,
    `4. ดำเนินการ${I18[3]}`,
  ].join("\n");
  const i20 = [
    `1. ดำเนินการ${I18[0]} ในการประชุมผู้บริหารสำนักงานเขตทุกสัปดาห์`,
    `2. ดำเนินการ${I18[1]} โดยผู้อำนวยการเขตกำชับในที่ประชุมผู้บริหารทุกสัปดาห์`,
    `3. ${NOT_DONE}`,
    `4. ${NOT_DONE}`,
  ].join("\n");
  const bangKhae = district("1040", (r) => {
    set(r, "I18", numbered(I18), didAll);
    set(r, "I19", numbered(I18), didAll);
    set(r, "I20", numbered(I18), i20, 84.92);
  });
  const result = mergeOf([bangKhae]);
  const groups = matchUnitMeasures(result);
  const g = groups.find((x) => x.group === "I18")!;
  const report = buildCentralReport(result);

  it("credits 4.3 and 4.4 from I18 and I19 only, and lists I20's 'not done' with its item", () => {
    expect(g.standard.map((s) => s.done.map((c) => [c.unit, c.evidence.item]))).toEqual([
      [["สำนักงานเขตบางแค", "I18"]],
      [["สำนักงานเขตบางแค", "I18"]],
      [["สำนักงานเขตบางแค", "I18"]],
      [["สำนักงานเขตบางแค", "I18"]],
    ]);
    // Counted, so not among those that only planned it: what I20 says is kept beside the credit.
    expect(g.standard.map((s) => s.planned)).toEqual([[], [], [], []]);
    expect(
      g.standard.map((s) => s.elsewhere.map((p) => [p.unit, p.why, p.plan.item, p.items]))
    ).toEqual([
      [],
      [],
      [["สำนักงานเขตบางแค", "not-done", "I20", ["I20"]]],
      [["สำนักงานเขตบางแค", "not-done", "I20", ["I20"]]],
    ]);
  });

  it("says in rows 4.3 and 4.4 that Bang Khae reported them not done in I20", () => {
    const rows = rowsOf(report, "ข้อ I18–I20");
    for (const k of [2, 3])
      expect(rows[k].summary).toContain(
        "- สำนักงานเขตบางแค ดำเนินการแล้วในข้ออื่น ส่วนในข้อ I20 รายงานว่ายังไม่ได้ดำเนินการ"
      );
    for (const k of [0, 1]) expect(rows[k].summary.join("\n")).not.toContain("ยังไม่ได้ดำเนินการ");
  });

  it("says for I20, under the pass mark, only what its own results say", () => {
    const below = report.tools[0].indicators[3].belowPass;
    expect(below.map((b) => b.lines)).toEqual([
      [
        "- สำนักงานเขตบางแค ได้ดำเนินการตามมาตรการ 4.1 และ 4.2 โดยรายงานว่ายังไม่ได้ดำเนินการตามมาตรการ 4.3 และ 4.4",
      ],
    ]);
    // The summary's sheet asks by group: the whole group's, with where 4.3 and 4.4 were not done.
    const byGroup = new Map(groups.map((x) => [x.group, x]));
    const numbers = measureNumbers(DEFAULT_FORM, groups);
    expect(unitDid(byGroup, numbers, "I18", bangKhae.unitCode!.toString()).text).toBe(
      "ได้ดำเนินการตามมาตรการ 4.1, 4.2, 4.3 และ 4.4 โดยรายงานว่ายังไม่ได้ดำเนินการตามมาตรการ 4.3 และ 4.4 ในข้อ I20"
    );
    expect(unitDid(byGroup, numbers, "I18", bangKhae.unitCode!.toString(), ["I20"]).text).toBe(
      "ได้ดำเนินการตามมาตรการ 4.1 และ 4.2 โดยรายงานว่ายังไม่ได้ดำเนินการตามมาตรการ 4.3 และ 4.4"
    );
  });

  it("says the same for I20 in the summary's sheet of items under the pass mark", () => {
    const sheet = flaggedSheet(result);
    const row = sheet.rows.find((x) => x.cells[2] === "I20")!;
    expect(row.cells.slice(1)).toEqual([
      "1040",
      "I20",
      84.92,
      expect.anything(),
      "ได้ดำเนินการตามมาตรการ 4.1 และ 4.2 โดยรายงานว่ายังไม่ได้ดำเนินการตามมาตรการ 4.3 และ 4.4",
    ]);
  });

  it("does not let one item's 'done as planned' outweigh the others' 'not done' (Bang Khae, I1–I4)", () => {
    const restated = [
      `1. ดำเนินการ${I1[0]} ทางแอปพลิเคชัน TikTok ของสำนักงานเขต`,
      `2. ${I1[1]} ในการประชุมผู้บริหารสำนักงานเขตทุกสัปดาห์`,
      `3. ${NOT_DONE}`,
      `4. ดำเนินการ${I1[3]} ในการประชุมผู้บริหารสำนักงานเขตทุกสัปดาห์`,
      `5. ${I1[4]}`,
    ].join("\n");
    const r = mergeOf([
      district("1040", (x) => {
        set(x, "I1", numbered(I1), "ดำเนินการตามมาตรการที่กำหนดครบถ้วนแล้ว");
        for (const c of ["I2", "I3", "I4"]) set(x, c, numbered(I1), restated);
      }),
    ]);
    const i1 = matchUnitMeasures(r).find((x) => x.group === "I1")!;
    expect(i1.standard.map((s) => s.done.length)).toEqual([1, 1, 0, 1, 1]);
    expect(i1.standard[2].planned.map((p) => [p.unit, p.why, p.said?.raw ?? null])).toEqual([
      ["สำนักงานเขตบางแค", "not-done", NOT_DONE],
    ]);
    const row = rowsOf(buildCentralReport(r), "ข้อ I1–I4")[2];
    expect(row.number).toBe("1.3");
    expect(row.summary).toEqual([
      "- ยังไม่มีหน่วยงานรายงานผลการดำเนินการตามมาตรการนี้",
      "- สำนักงานเขตบางแค รายงานว่ายังไม่ได้ดำเนินการ",
    ]);
  });
});

describe("figures that differ are telling", () => {
  const text = (n: number | null) =>
    `${O1[1]} บนเว็บไซต์ของสำนักงานเขต${n === null ? "" : ` ครบ ${n} หัวข้อ`}`;
  const result = mergeOf([
    district("1002", (r) => set(r, "O1-O22", `1. ${O1[1]}`, `1. ${text(15)}`)),
    district("1006", (r) => set(r, "O1-O22", `1. ${O1[1]}`, `1. ${text(21)}`)),
    district("1035", (r) => set(r, "O1-O22", `1. ${O1[1]}`, `1. ${O1[1]}`)),
  ]);

  it("keeps each unit's count of topics in the outcomes of 9.2", () => {
    const row = rowsOf(buildCentralReport(result), "ข้อ O1–O22")[1];
    expect(row.number).toBe("9.2");
    expect(row.outcomes).toEqual([
      // What both did, said once (without their own "หน่วยงาน"), then each one's count.
      "- สำนักงานเขตดุสิต และบางกะปิ ดำเนินการเปิดเผยข้อมูลให้ครบถ้วนตามหัวข้อที่กำหนด / ตามองค์ประกอบในแต่ละหัวข้อที่กำหนด บนเว็บไซต์ของสำนักงานเขต ดังนี้ ดุสิต ครบ 15 หัวข้อ; บางกะปิ ครบ 21 หัวข้อ",
    ]);
  });
});

describe("a unit's own 'หน่วยงาน…' after its name", () => {
  it("drops the subject the name already gives", () => {
    const own = "หน่วยงานมีการเปิดเผยสถิติการร้องเรียนการทุจริต ผ่านตู้รับเรื่องร้องเรียน ณ จุดบริการ";
    const r = buildCentralReport(
      mergeOf([district("1040", (x) => set(x, "I21", "", `1. ${own}`))])
    );
    const row = rowsOf(r, "ข้อ I21–I24").find((x) => x.kind === "own")!;
    expect(row.outcomes).toEqual([
      "- สำนักงานเขตบางแค มีการเปิดเผยสถิติการร้องเรียนการทุจริต ผ่านตู้รับเรื่องร้องเรียน ณ จุดบริการ",
    ]);
  });
});

describe("what a unit did is its own, among many units", () => {
  // Three districts of one group, each counted under other measures of I18–I20 (4.1 … 4.4):
  // unitDid finds each by its key (indexed once per group), never a neighbour's credits.
  const only = (ks: number[]) => numbered(ks.map((k) => I18[k]));
  const result = mergeOf([
    district("1002", (r) => set(r, "I18", numbered(I18), only([0]))),
    district("1006", (r) => set(r, "I18", numbered(I18), only([1, 2]))),
    district("1040", (r) => set(r, "I18", numbered(I18), "ดำเนินการตามมาตรการที่กำหนดครบถ้วนแล้ว")),
  ]);
  const groups = matchUnitMeasures(result);
  const byGroup = new Map(groups.map((x) => [x.group, x]));
  const numbers = measureNumbers(DEFAULT_FORM, groups);

  it("says each district's own measures, and 'as planned' only of the one that said so", () => {
    expect(unitDid(byGroup, numbers, "I18", "1002").text).toBe("ได้ดำเนินการตามมาตรการ 4.1");
    expect(unitDid(byGroup, numbers, "I18", "1006").text).toBe("ได้ดำเนินการตามมาตรการ 4.2 และ 4.3");
    expect(unitDid(byGroup, numbers, "I18", "1040").text).toBe(
      "ได้ดำเนินการตามมาตรการ 4.1, 4.2, 4.3 และ 4.4 ตามที่วางแผนไว้"
    );
  });

  it("gives in the report's row the total of those counted from results and as planned", () => {
    // 4.2: Bang Kapi from its results, Bang Khae as planned: two, as the summary's sheet counts.
    const row = rowsOf(buildCentralReport(result), "ข้อ I18–I20")[1];
    expect(row.summary[0]).toMatch(/^- สำนักงานเขตบางกะปิ /);
    expect(row.summary[1]).toBe(
      "- สำนักงานเขตบางแค รายงานว่าได้ดำเนินการตามมาตรการนี้ตามที่วางแผนไว้ รวมเป็น 2 หน่วยงานที่ดำเนินการตามมาตรการนี้"
    );
  });

  it("says a district that wrote nothing for the group wrote nothing", () => {
    expect(unitDid(byGroup, numbers, "I18", "1035")).toEqual({
      kind: "none",
      text: "ไม่ได้ระบุมาตรการหรือผลการดำเนินการของข้อนี้",
    });
  });
});

describe("results numbered as the plans", () => {
  // Modelled on a district's I1 (numbered 1–5 as its plans): 2 and 3 not done, 4 written in words
  // that fit measure 2 nearly as well as its own measure 4.
  const fourth =
    "ดำเนินการจัดประชุมชี้แจง ซักซ้อมทำความเข้าใจการปฏิบัติงานตามภารกิจต่าง ๆ เมื่อวันที่ 3 มิถุนายน 2568 มีผู้เข้าร่วม 47 คน";
  const phraNakhon = district("1001", (r) =>
    set(
      r,
      "I1",
      numbered(I1),
      [
        `1. ดำเนินการ${I1[0]}`,
        `2. ${NOT_DONE}`,
        `3. ${NOT_DONE}`,
        `4. ${fourth}`,
        `5. ${I1[4]}`,
      ].join("\n")
    )
  );
  const g = matchUnitMeasures(mergeOf([phraNakhon])).find((x) => x.group === "I1")!;

  it("counts result 4 under measure 4, the one its number names, and 2 and 3 as not done", () => {
    expect(g.standard.map((s) => s.done.map((c) => c.evidence.raw))).toEqual([
      [`ดำเนินการ${I1[0]}`],
      [],
      [],
      [fourth],
      [I1[4]],
    ]);
    expect(g.standard.map((s) => s.planned.map((p) => p.why))).toEqual([
      [],
      ["not-done"],
      ["not-done"],
      [],
      [],
    ]);
  });

  it("says of each plan the 'not done' of its own number", () => {
    // Khlong Sam Wa: "not yet" in its own words for 1 and 2, nothing for the rest.
    const khlongSamWa = district("1046", (r) =>
      set(
        r,
        "I1",
        numbered(I1),
        [
          "1. ยังไม่ได้ประชาสัมพันธ์คู่มือ/มาตรฐานการปฏิบัติงานของหน่วยงานให้ผู้ปฏิบัติงานรับทราบ",
          "2. ยังไม่ได้ซักซ้อมทำความเข้าใจ เนื่องจากเจ้าหน้าที่ติดภารกิจ",
        ].join("\n")
      )
    );
    const i1 = matchUnitMeasures(mergeOf([khlongSamWa])).find((x) => x.group === "I1")!;
    expect(i1.standard.map((s) => s.done)).toEqual([[], [], [], [], []]);
    expect(i1.standard[1].planned.map((p) => [p.why, p.said?.raw])).toEqual([
      ["not-done", "ยังไม่ได้ซักซ้อมทำความเข้าใจ เนื่องจากเจ้าหน้าที่ติดภารกิจ"],
    ]);
  });
});

describe("'ดำเนินการแล้ว' with a detail, numbered as a plan", () => {
  const bangNa = district("1047", (r) => {
    // Its own plan (matching no measure of the form) and a standard one, each "done" with a detail.
    set(
      r,
      "I21",
      "1. ตั้งคณะทำงานวิเคราะห์ผล ITA ของเขต",
      "1. ดำเนินการแล้ว ตามคำสั่งสำนักงานเขตบางนาที่ 77/2568"
    );
    set(r, "I1", numbered(I1), ["1. ดำเนินการแล้ว เมื่อวันที่ 5 มีนาคม 2568", `2. ${NOT_DONE}`].join("\n"));
  });
  const groups = matchUnitMeasures(mergeOf([bangNa]));

  it("counts its own plan of that number as done as planned, not as unmentioned", () => {
    const i21 = groups.find((x) => x.group === "I21")!;
    expect(i21.own.map((cs) => cs.map((c) => [c.how, c.plan?.raw]))).toEqual([
      [["as-planned", "ตั้งคณะทำงานวิเคราะห์ผล ITA ของเขต"]],
    ]);
    expect(i21.ownPlanned).toEqual([]);
  });

  it("counts the form's measure of that number as done as planned", () => {
    const i1 = groups.find((x) => x.group === "I1")!;
    expect(i1.standard.map((s) => s.done.map((c) => [c.how, c.evidence.raw]))).toEqual([
      [["as-planned", "ดำเนินการแล้ว เมื่อวันที่ 5 มีนาคม 2568"]],
      [],
      [],
      [],
      [],
    ]);
    expect(i1.standard[1].planned.map((p) => p.why)).toEqual(["not-done"]);
  });
});

describe("an item under the pass mark whose cell says nothing is never credited from another item's", () => {
  // Bang Khae's I21–I24 as in a district's file: I21–I23 empty, I22 under the pass mark, the group's
  // measures and results (the third not done) written under I24.
  const I21 = std("I21");
  const bangKhae = district("1040", (r) => {
    set(
      r,
      "I24",
      numbered(I21),
      numbered([
        `ดำเนินการ${I21[0]}`,
        `${I21[1]} ในกลุ่ม LINE ของเจ้าหน้าที่`,
        NOT_DONE,
        I21[3],
        `ดำเนินการ${I21[4]}`,
      ])
    );
    r.items.find((i) => i.code === "I22")!.score = 74.75;
  });
  const result = mergeOf([bangKhae]);
  const groups = matchUnitMeasures(result);
  const byGroup = new Map(groups.map((x) => [x.group, x]));
  const numbers = measureNumbers(DEFAULT_FORM, groups);
  const said =
    "ข้อ I22 ไม่ได้ระบุผลการดำเนินการ แต่ในข้อ I24 ได้ดำเนินการตามมาตรการ 5.1, 5.2, 5.4 และ 5.5 โดยรายงานว่ายังไม่ได้ดำเนินการตามมาตรการ 5.3";

  it("says in the summary's sheet that I22 says nothing, and what I24 says, its 'not done' too", () => {
    const row = flaggedSheet(result).rows.find((x) => x.cells[2] === "I22")!;
    expect(row.cells.slice(1, 4)).toEqual(["1040", "I22", 74.75]);
    expect(row.cells[5]).toBe(said);
  });

  it("says the same under the pass mark in the report", () => {
    const below = buildCentralReport(result).tools[0].indicators[4].belowPass;
    expect(below.map((b) => b.lines)).toEqual([[`- สำนักงานเขตบางแค ${said}`]]);
  });

  it("names the items when one asked about says something and another nothing", () => {
    const both = district("1040", (r) => {
      set(r, "I24", numbered(I21), numbered(I21.map((m) => `ดำเนินการ${m}`)));
      r.items.find((i) => i.code === "I22")!.score = 74.75;
    });
    const g = matchUnitMeasures(mergeOf([both]));
    expect(
      unitDid(new Map(g.map((x) => [x.group, x])), measureNumbers(DEFAULT_FORM, g), "I21", "1040", [
        "I22",
        "I24",
      ]).text
    ).toBe(
      "ในข้อ I24 ได้ดำเนินการตามมาตรการ 5.1, 5.2, 5.3, 5.4 และ 5.5 ส่วนข้อ I22 ไม่ได้ระบุผลการดำเนินการ"
    );
    // Asked only about I24: nothing to name.
    expect(
      unitDid(new Map(g.map((x) => [x.group, x])), measureNumbers(DEFAULT_FORM, g), "I21", "1040", [
        "I24",
      ]).text
    ).toBe("ได้ดำเนินการตามมาตรการ 5.1, 5.2, 5.3, 5.4 และ 5.5");
  });

  it("keeps the whole group's words when no item is asked about", () => {
    expect(unitDid(byGroup, numbers, "I21", "1040").text).toBe(
      "ได้ดำเนินการตามมาตรการ 5.1, 5.2, 5.4 และ 5.5"
    );
  });
});

describe("units whose examples differ in their own words only", () => {
  // Measure 2 of I6 written out whole by two districts, each with its own order after it.
  const I6 = std("I6");
  const withOrder = (code: string, order: string) =>
    district(code, (r) =>
      set(r, "I6", numbered([I6[1]]), numbered([`ดำเนินการ${I6[1]} ตามคำสั่งสำนักงานเขตที่ ${order}`]))
    );
  const result = mergeOf([withOrder("1001", "360/2567"), withOrder("1006", "280/2567")]);

  it("says what they did once, then each by name with its own words, no '…' after the name", () => {
    const lines = buildCentralReport(result)
      .tools[0].indicators[0].groups.flatMap((g) => g.rows)
      .flatMap((r) => r.outcomes);
    const line = lines.find((l) => l.includes("ดังนี้"))!;
    expect(line).toMatch(
      /ดังนี้ พระนคร ตามคำสั่งสำนักงานเขตที่ 360\/2567; บางกะปิ ตามคำสั่งสำนักงานเขตที่ 280\/2567$/
    );
    expect(line).toMatch(/^- สำนักงานเขตพระนคร และบางกะปิ มอบหมายเจ้าหน้าที่/);
  });
});
