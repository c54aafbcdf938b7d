import {
  groupIssues,
  Issue,
  ITEM_RULES,
  REPORT_RULES,
  columnIndex,
  renderForm,
  validate,
} from "../../src/domain";
import { FY2567 } from "../forms";
import { cleanReport, formOf, readModel, sampleMeta, sampleReport } from "../helpers";
import { Report } from "../../src/domain";

const NOW = new Date(2024, 4, 1);
const rulesOf = (issues: Issue[]) => issues.map((i) => `${i.rule}:${i.code ?? "-"}`);

function edit(report: Report, code: string, change: Partial<Report["items"][number]>): Report {
  return {
    ...report,
    items: report.items.map((it) => (it.code === code ? { ...it, ...change } : it)),
  };
}

describe("validation rules", () => {
  it("stay quiet on a clean report, in both rounds", () => {
    for (const round of [6, 12] as const) {
      const result = validate(formOf(cleanReport(round)), { now: NOW });
      expect(result.issues).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.flags).toEqual([]);
    }
  });

  it("flag exactly I22 at 82.01 in seed 003, covered by the measures its group shares: a warning", () => {
    const result = validate(formOf(sampleReport()), { now: NOW });
    expect(result.flags.map((f) => [f.code, f.score])).toEqual([["I22", 82.01]]);
    expect(result.issues.find((i) => i.rule === "flag.measures-required")).toBeUndefined();
    const shared = result.issues.find((i) => i.rule === "flag.measures-shared")!;
    expect(shared).toMatchObject({ code: "I22", severity: "warning" });
    expect(shared.message.en).toContain("I21–I24");
    expect(shared.message.th).toContain("ข้อ I21–I24");
    expect(result.ok).toBe(true);
    expect(result.errors).toBe(0);
  });

  it("make a flagged item's empty measures an error once it has a cell of its own", () => {
    // I22 split off its group's merged measures cell (as the flags view does), left empty: the
    // group's whole text is written again below it.
    const model = renderForm(FY2567, sampleMeta(), sampleReport());
    const i22 = model.rowKinds.find((k) => k.code === "I22" && k.kind === "item")!.row;
    const m = columnIndex("measures");
    const area = model.merges.find((g) => g.c1 === m && g.r1 <= i22 && g.r2 >= i22) ?? {
      r1: i22,
      c1: m,
      r2: i22,
      c2: m,
    };
    const values = model.values.map((row) => [...row]);
    const text = readModel(model).items.find((x) => x.code === "I21")!.measures;
    values[i22 - 1][m - 1] = null;
    if (area.r2 > i22) values[i22][m - 1] = text;
    const split = {
      ...model,
      values,
      merges: [
        ...model.merges.filter((g) => g !== area),
        ...(area.r1 < i22 ? [{ ...area, r2: i22 - 1 }] : []),
        ...(area.r2 > i22 ? [{ ...area, r1: i22 + 1 }] : []),
      ],
    };
    const result = validate(readModel(split), { now: NOW });
    const err = result.issues.find((i) => i.rule === "flag.measures-required")!;
    expect(err).toMatchObject({ code: "I22", severity: "error", cell: `E${i22}` });
    expect(err.message.th).toContain("82.01");
    expect(err.message.en).toContain("82.01");
    expect(result.ok).toBe(false);
  });

  it("follow the pass mark given (workbook or option)", () => {
    expect(
      validate(formOf(sampleReport()), { now: NOW, threshold: 93 }).flags.map((f) => f.code)
    ).toEqual(["I8", "I9", "I13", "I22"]);
    const r = { ...sampleReport(), passMark: 80 };
    expect(validate(formOf(r), { now: NOW }).flags).toEqual([]);
  });

  const cases: [string, (r: Report) => Report, string, "error" | "warning"][] = [
    ["score.required", (r) => edit(r, "E3", { score: null }), "E3", "error"],
    ["score.precision", (r) => edit(r, "E3", { score: 96.645 }), "E3", "warning"],
    [
      "flag.measures-required",
      (r) => edit(r, "E8", { score: 70, measures: "", results: "", evidence: "ภาพกิจกรรม 2 ภาพ" }),
      "E8",
      "error",
    ],
    // "-", "ไม่มี", "." typed to fill the cell are no measures (a reviewer found "-" let the item pass).
    ...["-", "ไม่มี", ".", "N/A", " – "].map((filler): (typeof cases)[number] => [
      "flag.measures-required",
      (r) =>
        edit(r, "E8", { score: 70, measures: filler, results: "", evidence: "ภาพกิจกรรม 2 ภาพ" }),
      "E8",
      "error",
    ]),
    ["flag.evidence", (r) => edit(r, "E7", { score: 70, evidence: "-" }), "E7", "warning"],
    ["results.missing", (r) => edit(r, "I5", { results: "ไม่มี" }), "I5", "error"],
    ["flag.evidence", (r) => edit(r, "E7", { score: 70, evidence: "" }), "E7", "warning"],
    ["results.missing", (r) => edit(r, "I5", { results: "" }), "I5", "error"],
    [
      "oit.evidence-url",
      (r) => edit(r, "O1-O22", { evidence: "ภาพถ่ายหน้าเว็บ" }),
      "O1-O22",
      "warning",
    ],
    ["meta.unit", (r) => ({ ...r, unit: "", unitCode: null }), "-", "error"],
    ["meta.unit-near-miss", (r) => ({ ...r, unit: "เขตบางลัก", unitCode: null }), "-", "warning"],
    ["meta.fiscal-year", (r) => ({ ...r, fiscalYear: 2024 }), "-", "error"],
    ["meta.preparer", (r) => ({ ...r, preparer: "" }), "-", "warning"],
    ["meta.pass-mark-differs", (r) => ({ ...r, passMark: 80 }), "-", "warning"],
  ];
  it.each(cases)("%s fires on a case made for it", (rule, make, code, severity) => {
    const result = validate(formOf(make(cleanReport(12))), { now: NOW });
    expect(rulesOf(result.issues)).toEqual([`${rule}:${code}`]);
    expect(result.issues[0].severity).toBe(severity);
    expect(result.issues[0].message.th).toMatch(/[ก-๙]/);
    expect(result.issues[0].message.en).toMatch(/[a-z]/);
    expect(result.issues[0].cell ?? "").toMatch(/^([A-G]\d+)?$/);
  });

  it("warns of a score pasted as a fraction (0.94 for 94%), which a reviewer found read in silence", () => {
    const result = validate(formOf(edit(cleanReport(12), "E3", { score: 0.94 })), { now: NOW });
    const w = result.issues.find((i) => i.rule === "score.fraction")!;
    expect([w.severity, w.code, w.message.en]).toEqual([
      "warning",
      "E3",
      "E3: the score 0.94 is unusually low; it may be 94% pasted as a fraction: check it, and type the score out of 100, such as 94",
    ]);
    expect(w.message.th).toBe(
      "ข้อ E3: คะแนน 0.94 น้อยผิดปกติ อาจเป็นร้อยละ 94 ที่วางมาเป็นทศนิยม: ตรวจสอบคะแนน และพิมพ์เป็นคะแนนเต็ม 100 เช่น 94"
    );
  });

  it("warns of a year or round typed in Thai digits, which the printed title cannot work with", () => {
    const form = formOf(cleanReport(12));
    form.fiscalYear = { ...form.fiscalYear, raw: "๒๕๖๗" };
    form.round = { ...form.round, raw: "๑๒" };
    const result = validate(form, { now: NOW });
    expect(rulesOf(result.issues)).toEqual(["meta.thai-digits:-", "meta.thai-digits:-"]);
    expect(result.issues.map((i) => [i.severity, i.cell, i.message.en])).toEqual([
      [
        "warning",
        form.fiscalYear.cell,
        '"๒๕๖๗" is in Thai digits: type it in Arabic digits (2567) so that the printed title shows the year and round right',
      ],
      [
        "warning",
        form.round.cell,
        '"๑๒" is in Thai digits: type it in Arabic digits (12) so that the printed title shows the year and round right',
      ],
    ]);
  });

  it("says a year that is no 4-digit year is not one, not that none is given", () => {
    const form = formOf(cleanReport(12));
    form.fiscalYear = { ...form.fiscalYear, value: null, raw: "67" };
    const issue = validate(form, { now: NOW }).issues.find((i) => i.rule === "meta.fiscal-year")!;
    expect(issue.message).toEqual({
      th: 'ปีงบประมาณ "67" ไม่ใช่ปี พ.ศ. 4 หลัก: พิมพ์เช่น 2567',
      en: 'Fiscal year "67" is not a 4-digit B.E. year: type it as 2567, for example',
    });
  });

  it("warns of a score stored as text, which is read but does not print, naming its cell", () => {
    const form = formOf(cleanReport(12));
    const e3 = form.items.find((i) => i.code === "E3")!;
    e3.scoreRaw = "๙๒.๕";
    const result = validate(form, { now: NOW });
    expect(rulesOf(result.issues)).toEqual(["score.text:E3"]);
    expect(result.issues[0]).toMatchObject({ severity: "warning", cell: e3.cells.score });
    expect(result.issues[0].message.en).toBe(
      'E3: the score is stored as text ("๙๒.๕"), read as ' +
        `${e3.score}, but the printed form shows no score for it: type it again as the number ${e3.score}, or press the convert button in the pane`
    );
  });

  it("names the district a misspelt unit most likely is, in Thai and English", () => {
    const r = { ...cleanReport(12), unit: "บางลัก", unitCode: null };
    const [issue] = validate(formOf(r), { now: NOW }).issues;
    expect(issue.message.th).toMatch(/"บางลัก".*สำนักงานเขตบางรัก/);
    expect(issue.message.en).toMatch(/did you mean Bang Rak\?/);
  });

  it("makes measures without results a warning in the 6-month round and an error in the 12-month round", () => {
    const six = validate(formOf(edit(cleanReport(6), "I5", { results: "" })), { now: NOW });
    const twelve = validate(formOf(edit(cleanReport(12), "I5", { results: "" })), { now: NOW });
    expect(six.issues.map((i) => i.severity)).toEqual(["warning"]);
    expect(twelve.issues.map((i) => i.severity)).toEqual(["error"]);
  });

  it("reports a score that is not a number, out of range or missing rows as errors", () => {
    const form = formOf(cleanReport());
    const i4 = form.items.find((i) => i.code === "I4")!;
    i4.scoreParse = { kind: "error", error: "above-100", message: { th: "เกิน", en: "above" } };
    form.items = form.items.filter((i) => i.code !== "E9");
    form.problems.push({
      kind: "missing-item",
      code: "E9",
      message: { th: "ไม่พบ", en: "missing" },
    });
    const result = validate(form, { now: NOW });
    expect(rulesOf(result.issues)).toEqual(["score.invalid:I4", "form.item-missing:E9"]); // form order
  });

  it("lists errors before warnings", () => {
    const r = edit(edit(cleanReport(12), "E7", { score: 70, evidence: "" }), "E3", { score: null });
    const sev = validate(formOf(r), { now: NOW }).issues.map((i) => i.severity);
    expect(sev).toEqual([...sev].sort());
  });

  it("are data: every rule has an id, and OIT rules are scoped to OIT", () => {
    const ids = [...ITEM_RULES, ...REPORT_RULES].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ITEM_RULES.find((r) => r.id === "oit.evidence-url")!.scope).toEqual({ tools: ["OIT"] });
    expect(FY2567.items.filter((i) => i.tool === "OIT")).toHaveLength(2);
  });
});

describe("issue groups", () => {
  it("group by tool and indicator, groups with errors first, errors first within a group", () => {
    const r = edit(
      edit(edit(cleanReport(12), "E7", { score: 70, evidence: "" }), "I3", { score: null }),
      "E8",
      { score: 60, measures: "", results: "" }
    );
    const result = validate(formOf({ ...r, preparer: "" }), { now: NOW });
    const groups = groupIssues(result.issues, FY2567);
    expect(groups.map((g) => [g.key, g.errors])).toEqual([
      ["IIT-1", 1],
      ["EIT-7", 1],
      ["general", 0],
    ]);
    const eit = groups[1].issues.map((i) => i.severity);
    expect(eit).toEqual([...eit].sort());
    expect(groups[1].title.th).toBe("EIT · ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร");
  });
});
