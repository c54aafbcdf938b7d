import {
  DEFAULT_CATALOG,
  groupIssues,
  Issue,
  ITEM_RULES,
  REPORT_RULES,
  validate,
} from "../../src/domain";
import { cleanReport, formOf, sampleReport } from "../helpers";
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

  it("flag exactly I22 at 82.01 in seed 003 and make its missing measures an error", () => {
    const result = validate(formOf(sampleReport()), { now: NOW });
    expect(result.flags.map((f) => [f.code, f.score])).toEqual([["I22", 82.01]]);
    const i22 = result.issues.find((i) => i.rule === "flag.measures-required")!;
    expect(i22).toMatchObject({ code: "I22", severity: "error" });
    expect(i22.cell).toMatch(/^E\d+$/);
    expect(i22.message.th).toContain("82.01");
    expect(i22.message.en).toContain("82.01");
    expect(result.ok).toBe(false);
    expect(result.errors).toBe(1);
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
      (r) => edit(r, "E2", { score: 70, measures: "", evidence: "x" }),
      "E2",
      "error",
    ],
    ["flag.evidence", (r) => edit(r, "E1", { score: 70, evidence: "" }), "E1", "warning"],
    ["results.missing", (r) => edit(r, "I5", { results: "" }), "I5", "error"],
    [
      "oit.evidence-url",
      (r) => edit(r, "O1-O22", { evidence: "ภาพถ่ายหน้าเว็บ" }),
      "O1-O22",
      "warning",
    ],
    ["meta.unit", (r) => ({ ...r, unit: "", unitCode: null }), "-", "error"],
    ["meta.fiscal-year", (r) => ({ ...r, fiscalYear: 2024 }), "-", "error"],
    ["meta.preparer", (r) => ({ ...r, preparer: "" }), "-", "warning"],
  ];
  it.each(cases)("%s fires on a case made for it", (rule, make, code, severity) => {
    const result = validate(formOf(make(cleanReport(12))), { now: NOW });
    expect(rulesOf(result.issues)).toEqual([`${rule}:${code}`]);
    expect(result.issues[0].severity).toBe(severity);
    expect(result.issues[0].message.th).toMatch(/[ก-๙]/);
    expect(result.issues[0].message.en).toMatch(/[a-z]/);
    expect(result.issues[0].cell ?? "").toMatch(code === "-" ? /^(C\d+)?$/ : /^[A-G]\d+$/);
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
    expect(rulesOf(result.issues)).toEqual(["score.invalid:I4", "catalog.missing:E9"]); // form order
  });

  it("lists errors before warnings", () => {
    const r = edit(edit(cleanReport(12), "E1", { score: 70, evidence: "" }), "E3", { score: null });
    const sev = validate(formOf(r), { now: NOW }).issues.map((i) => i.severity);
    expect(sev).toEqual([...sev].sort());
  });

  it("are data: every rule has an id, and OIT rules are scoped to OIT", () => {
    const ids = [...ITEM_RULES, ...REPORT_RULES].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ITEM_RULES.find((r) => r.id === "oit.evidence-url")!.scope).toEqual({ tools: ["OIT"] });
    expect(DEFAULT_CATALOG.items.filter((i) => i.tool === "OIT")).toHaveLength(2);
  });
});

describe("issue groups", () => {
  it("group by tool and indicator, groups with errors first, errors first within a group", () => {
    const r = edit(
      edit(edit(cleanReport(12), "E1", { score: 70, evidence: "" }), "I3", { score: null }),
      "E2",
      { score: 60, measures: "" }
    );
    const result = validate(formOf({ ...r, preparer: "" }), { now: NOW });
    const groups = groupIssues(result.issues, DEFAULT_CATALOG);
    expect(groups.map((g) => [g.key, g.errors])).toEqual([
      ["IIT-1", 1],
      ["EIT-6", 1],
      ["general", 0],
    ]);
    const eit = groups[1].issues.map((i) => i.severity);
    expect(eit).toEqual([...eit].sort());
    expect(groups[1].title.th).toBe("EIT · ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน");
  });
});
