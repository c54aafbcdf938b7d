import { buildCentralReport, DEFAULT_FORM, matchUnitMeasures } from "../../src/domain";
import { measureNumbers, unitDid } from "../../src/domain/report/numbers";
import { district, mergeOf, set } from "./units";

/**
 * Results written as district staff write them, against the plans (a review of the central report
 * found each of these read wrongly): "all done except plan 5", a lead-in line above a numbered
 * list, a plan restated in two words, a result after "แต่", a "not done" about one plan.
 */

const std = (code: string) => DEFAULT_FORM.byCode.get(code)!.standardMeasures;
const numbered = (xs: readonly string[]) => xs.map((x, i) => `${i + 1}. ${x}`).join("\n");
const groupOf = (code: string) => DEFAULT_FORM.byCode.get(code)!.measureGroup;

/** What the unit (1001) is counted as under each standard measure, its own actions, and the report's line. */
function read(code: string, results: string) {
  const r = mergeOf([district("1001", (x) => set(x, code, numbered(std(code)), results, 70))]);
  const groups = matchUnitMeasures(r);
  const g = groups.find((x) => x.group === groupOf(code))!;
  return {
    counted: g.standard.map((s) => [...s.done.map((c) => c.how), ...s.planned.map((p) => p.why)]),
    own: g.own.flat().map((c) => c.evidence.raw),
    line: unitDid(
      new Map(groups.map((x) => [x.group, x])),
      measureNumbers(r.formDef, groups),
      g.group,
      "1001",
      [code]
    ).text,
  };
}

describe("results read against the plans they report on", () => {
  it("takes 'all done except plan 5, not done' as plans 1–4 done and plan 5 not done", () => {
    expect(read("I21", "ดำเนินการแล้วทุกข้อ ยกเว้นข้อ 5 (ISO 37001) ยังไม่ได้ดำเนินการ")).toEqual({
      counted: [["as-planned"], ["as-planned"], ["as-planned"], ["as-planned"], ["not-done"]],
      own: [],
      line: "ได้ดำเนินการตามมาตรการ 5.1, 5.2, 5.3 และ 5.4 ตามที่วางแผนไว้ โดยรายงานว่ายังไม่ได้ดำเนินการตามมาตรการ 5.5",
    });
  });

  it("reads a numbered list below a lead-in line by its numbers, the lead-in as nothing done", () => {
    expect(
      read(
        "I1",
        [
          "ดำเนินการแล้ว ดังนี้",
          "1. เผยแพร่คู่มือการปฏิบัติงานผ่านไลน์กลุ่มของเขต",
          "2. จัดประชุมชี้แจงเน้นย้ำการปฏิบัติตามคู่มือ เมื่อวันที่ 5 มีนาคม 2568",
          "4. จัดประชุมซักซ้อมภารกิจของฝ่ายทะเบียน",
        ].join("\n")
      )
    ).toEqual({
      counted: [["results"], ["results"], ["not-mentioned"], ["results"], ["not-mentioned"]],
      own: [],
      line: "ได้ดำเนินการตามมาตรการ 1.1, 1.2 และ 1.4",
    });
  });

  it("counts a plan restated in a few of its words under its number, and '2. -' as nothing said", () => {
    expect(read("I5", "1. จัดประชุมแล้ว\n2. -\n3. ยังไม่ได้ดำเนินการ")).toEqual({
      counted: [["results"], ["not-mentioned"], ["not-done"]],
      own: [],
      line: "ได้ดำเนินการตามมาตรการ 1.6 โดยรายงานว่ายังไม่ได้ดำเนินการตามมาตรการ 1.8",
    });
  });

  it("reads what follows 'แต่' as a result of its own, in the plan it restates", () => {
    const r = read("I12", "ไม่ได้จัดทำสื่อประชาสัมพันธ์ เนื่องจากไม่มีงบประมาณ แต่ผู้บริหารได้กำชับในที่ประชุมแล้ว");
    expect(r).toEqual({
      counted: [["not-done"], ["results"]],
      own: [],
      line: "ได้ดำเนินการตามมาตรการ 3.2 โดยรายงานว่ายังไม่ได้ดำเนินการตามมาตรการ 3.1",
    });
  });

  it("says a 'not done' that names one plan's work of that plan only", () => {
    expect(read("I13", "ยังไม่ได้เผยแพร่ประชาสัมพันธ์หลักเกณฑ์การประเมินผลการปฏิบัติงาน")).toEqual({
      counted: [["not-mentioned"], ["not-done"]],
      own: [],
      line: "มีแผนดำเนินการ แต่รายงานว่ายังไม่ได้ดำเนินการตามมาตรการ 3.4",
    });
  });

  it("reads 'done, not yet the other' as one plan done and the other not done", () => {
    expect(read("I5", "จัดประชุมชี้แจงแล้ว ยังไม่ได้จัดทำคู่มือ")).toEqual({
      counted: [["results"], ["not-done"], ["not-mentioned"]],
      own: [],
      line: "ได้ดำเนินการตามมาตรการ 1.6 โดยรายงานว่ายังไม่ได้ดำเนินการตามมาตรการ 1.7",
    });
  });

  it("never counts an activity called off, and says it was called off, not 'not yet'", () => {
    expect(
      read(
        "I5",
        "1. ยกเลิกการประชุมชี้แจง เนื่องจากติดภารกิจการเลือกตั้ง\n2. จัดทำคู่มือกฎหมายเผยแพร่ทางไลน์กลุ่มของเขต\n3. -"
      )
    ).toEqual({
      counted: [["not-done"], ["results"], ["not-mentioned"]],
      own: [],
      line: "ได้ดำเนินการตามมาตรการ 1.7 โดยรายงานว่ายกเลิกหรืองดการดำเนินการตามมาตรการ 1.6",
    });
  });

  it("never counts training it could not hold, nor a meeting put off", () => {
    expect(
      read(
        "I5",
        "1. เลื่อนการประชุมออกไปเป็นไตรมาสที่ 4\n2. ไม่สามารถจัดทำคู่มือได้ เนื่องจากไม่ได้รับงบประมาณ\n3. -"
      )
    ).toEqual({
      counted: [["in-progress"], ["not-done"], ["not-mentioned"]],
      own: [],
      line: "มีแผนดำเนินการ แต่รายงานว่ายังไม่ได้ดำเนินการตามมาตรการ 1.7 และอยู่ระหว่างดำเนินการตามมาตรการ 1.6",
    });
  });

  it("says in the central report which unit called a planned activity off", () => {
    const r = mergeOf([
      district("1001", (x) =>
        set(x, "I12", numbered(std("I12")), "1. งดจัดกิจกรรมอบรมเนื่องจากสถานการณ์น้ำท่วม\n2. -", 70)
      ),
      district("1002", (x) => set(x, "I12", numbered(std("I12")), "1. ยังไม่ได้ดำเนินการ\n2. -", 70)),
    ]);
    const rows = buildCentralReport(r).tools.flatMap((t) =>
      t.indicators.flatMap((i) => i.groups.flatMap((g) => g.rows))
    );
    const row = rows.find((x) => x.measure === std("I12")[0])!;
    expect(row.summary).toEqual(
      expect.arrayContaining([
        "- สำนักงานเขตพระนคร รายงานว่ายกเลิกหรืองดการดำเนินการ",
        "- สำนักงานเขตดุสิต รายงานว่ายังไม่ได้ดำเนินการ",
      ])
    );
  });

  it("takes 'all done except the survey' as the survey not done and every other plan done", () => {
    // The excepted plan named by its words, not its number; with and without a space before "ยกเว้น".
    const want = {
      counted: [["as-planned"], ["as-planned"], ["not-done"], ["as-planned"], ["as-planned"]],
      own: [],
      line: "ได้ดำเนินการตามมาตรการ 1.1, 1.2, 1.4 และ 1.5 ตามที่วางแผนไว้ โดยรายงานว่ายังไม่ได้ดำเนินการตามมาตรการ 1.3",
    };
    expect(read("I1", "ดำเนินการแล้วทุกข้อ ยกเว้นการจัดทำแบบประเมินความพึงพอใจในการให้บริการ")).toEqual(want);
    expect(read("I1", "ดำเนินการแล้วยกเว้นการจัดทำแบบประเมินความพึงพอใจ")).toEqual(want);
  });

  it("counts no measure for what happened ('no complaints', 'no bribes asked'), nor for a reason alone", () => {
    expect(read("I25", "ไม่มีเรื่องร้องเรียนการทุจริต")).toEqual({
      counted: [["not-mentioned"], ["not-mentioned"]],
      own: [],
      line: "มีแผนดำเนินการ แต่ยังไม่มีผลการดำเนินการที่ระบุว่าได้ดำเนินการแล้ว",
    });
    expect(read("I21", "ไม่มีการเรียกรับสินบน").counted).toEqual([
      ["not-mentioned"],
      ["not-mentioned"],
      ["not-mentioned"],
      ["not-mentioned"],
      ["not-mentioned"],
    ]);
    expect(
      read("I8", "1. ยังไม่ได้เวียนแจ้งงบประมาณ\nไม่ได้รับงบประมาณ\n2. จัดทำบอร์ดประชาสัมพันธ์งบประมาณ")
    ).toEqual({
      counted: [["not-done"], ["results"]],
      own: [],
      line: "ได้ดำเนินการตามมาตรการ 2.2 โดยรายงานว่ายังไม่ได้ดำเนินการตามมาตรการ 2.1",
    });
  });

  it("counts what was held instead of an activity called off, under the measure it is", () => {
    expect(
      read("I8", "ยกเลิกการประชุมแบบ onsite เปลี่ยนเป็นการประชุมชี้แจงงบประมาณที่ได้รับการจัดสรรผ่านระบบออนไลน์")
    ).toEqual({
      counted: [["results"], ["not-mentioned"]],
      own: [],
      line: "ได้ดำเนินการตามมาตรการ 2.1",
    });
  });

  it("reads 'จะทำให้…' after work done as done, and a plain 'not' after it as another clause", () => {
    expect(
      read("I8", "จัดประชุมชี้แจงงบประมาณที่ได้รับการจัดสรรให้เจ้าหน้าที่แล้ว ซึ่งจะทำให้เจ้าหน้าที่รับทราบแผนการใช้จ่าย")
        .counted
    ).toEqual([["results"], ["not-mentioned"]]);
    expect(
      read("I8", "จัดประชุมชี้แจงงบประมาณที่ได้รับการจัดสรรแล้ว ไม่ได้จัดทำสื่อประชาสัมพันธ์อินโฟกราฟฟิก")
    ).toEqual({
      counted: [["results"], ["not-done"]],
      own: [],
      line: "ได้ดำเนินการตามมาตรการ 2.1 โดยรายงานว่ายังไม่ได้ดำเนินการตามมาตรการ 2.2",
    });
  });

  it("still says a bare 'not done' of every plan", () => {
    expect(read("I12", "ยังไม่ได้ดำเนินการ").counted).toEqual([["not-done"], ["not-done"]]);
  });
});
