import {
  arrayGrid,
  columnIndex,
  formToJson,
  GridCell,
  NotAFormError,
  readForm,
  renderForm,
  META,
  metaCell,
  modelCellText,
  validate,
} from "../../src/domain";
import { FY2567 } from "../forms";
import { blankMeta, readModel, sampleMeta, sampleReport } from "../helpers";
import sampleJson from "../../samples/chom-thong-2567-r6.json";

/** The sample's scores (samples/chom-thong-2567-r6.json), in the form's order. */
const SAMPLE_SCORES: Record<string, number> = {
  I1: 96.31,
  I2: 96.86,
  I3: 96.17,
  I4: 95.95,
  I5: 96.11,
  I6: 96.16,
  I7: 99.38,
  I8: 92.29,
  I9: 92.67,
  I10: 93.45,
  I11: 93.42,
  I12: 95.53,
  I13: 92.18,
  I14: 96.03,
  I15: 96.68,
  I16: 94.51,
  I17: 93.28,
  I18: 95.33,
  I19: 96.79,
  I20: 93.73,
  I21: 96.22,
  I22: 82.01,
  I23: 95.74,
  I24: 95.14,
  I25: 95.11,
  E1: 96.43,
  E2: 96.46,
  E3: 96.64,
  E4: 96.35,
  E5: 99.67,
  E6: 99.96,
  E7: 95.46,
  E8: 95.8,
  E9: 94.38,
  E10: 95.33,
  E11: 95.52,
  E12: 93.45,
  E13: 94.76,
  E14: 94.74,
  E15: 95.59,
  "O1-O22": 100,
  "O23-O30": 100,
};

/**
 * The items of the sample that have no measures, results or evidence of their own and belong to a
 * measure group of the form (`measuresFrom`): the group's first item, whose texts they show.
 */
const SHARES_WITH: Record<string, string> = {
  I2: "I1",
  I3: "I1",
  I4: "I1",
  I7: "I6",
  I14: "I13",
  I15: "I13",
  I16: "I13",
  I17: "I13",
  I19: "I18",
  I20: "I18",
  I22: "I21",
  I23: "I21",
  I24: "I21",
  E2: "E1",
  E3: "E1",
  E4: "E1",
  E6: "E5",
  E12: "E11",
};

function sampleModel() {
  return renderForm(FY2567, sampleMeta(), sampleReport());
}

/** Copy of a model's values with edits applied. */
function valuesOf(model = sampleModel()): GridCell[][] {
  return model.values.map((r) =>
    r.map(modelCellText).map((t, i) => (typeof r[i] === "number" ? (r[i] as number) : t || null))
  );
}

const rowOf = (values: GridCell[][], code: string) => values.findIndex((r) => r[0] === code) + 1;

describe("layout reader", () => {
  it("reads back every field of the rendered report with its cell", () => {
    const form = readModel(sampleModel());
    expect(form.problems).toEqual([]);
    expect(form.unit.value?.code).toBe("1035");
    expect(form.fiscalYear.value).toBe(2567);
    expect(form.round.value).toBe(6);
    expect(form.passMark.value).toBe(85);
    expect(form.formId).toBe("bkk-district-ita");
    expect(form.formVersion).toBe("2567.1");
    // Every item of the form in its order, with the score the sample gives it.
    expect(form.items.map((i) => [i.code, i.score])).toEqual(Object.entries(SAMPLE_SCORES));
    // Texts as the sample's JSON has them; an item of a measure group without text of its own shows
    // its group's measures, results and evidence (one cell merged over the group's rows).
    const sample = new Map(sampleJson.items.map((i) => [i.code, i]));
    for (const got of form.items) {
      const own = sample.get(got.code)!;
      const group = sample.get(SHARES_WITH[got.code] ?? got.code)!;
      expect([got.code, got.issue, got.measures, got.results, got.evidence]).toEqual([
        got.code,
        own.issue,
        group.measures,
        group.results,
        group.evidence,
      ]);
    }
    const i5 = form.items.find((x) => x.code === "I5")!;
    expect(i5.evidence).toBe("ภาพกิจกรรม 2 ภาพ (แนบในรายงานฉบับ PDF)");
    const i22 = form.items.find((x) => x.code === "I22")!;
    // I22 shows I21's measures; its row is 59 (rows "(ต่อ)" carry the long texts above it).
    expect(i22.measures.split("\n")[0]).toBe(
      "1. นำผลการประเมิน ITA มาวิเคราะห์ เพื่อปรับปรุงการทำงาน ให้มีประสิทธิภาพมากขึ้น และกำหนดแนวทางในการป้องกันและแก้ไขปัญหาการทุจริต"
    );
    expect(i22.row).toBe(59);
    expect(i22.cells.score).toBe("B59");
    // Its page starts with it: the group's measures go on in a "(ต่อ)" part beside it; the group's
    // evidence, which ended on I21's page, runs on over the break from I21's row.
    expect(i22.cells.measures).toBe("E59");
    expect(i22.cells.evidence).toBe("G57");
    expect(i22.sharedWith).toEqual(["I21", "I23", "I24"]);
  });

  it("prints the JSON model with unit, year, round and per-item cells", () => {
    const json = formToJson(readModel(sampleModel()));
    expect(json.unit).toBe("สำนักงานเขตจอมทอง");
    expect(json.unitCode).toBe("1035");
    expect(json.items[0]).toMatchObject({
      code: "I1",
      score: 96.31,
      cells: { score: "B13", measures: "E13" },
    });
  });

  it("finds items by code after rows are inserted, blanked and moved", () => {
    const values = valuesOf();
    const i22 = rowOf(values, "I22");
    const i5 = rowOf(values, "I5");
    // Move I5's row to the end, insert two blank rows and a note above I22.
    const moved = values.splice(i5 - 1, 1)[0];
    values.splice(
      i22 - 2,
      0,
      [null, null, null, null, null, null, null],
      ["หมายเหตุ", "แถวที่ผู้ใช้แทรกเอง", null, null, null, null, null]
    );
    values.push(moved);
    const form = readForm(arrayGrid("s", values), FY2567);
    expect(form.problems).toEqual([]);
    expect(form.items).toHaveLength(42);
    const got = form.items.find((x) => x.code === "I22")!;
    expect(got.score).toBe(82.01);
    expect(got.row).toBe(rowOf(values, "I22"));
    expect(form.items.find((x) => x.code === "I5")!.row).toBe(values.length);
    expect(form.items.map((x) => x.code).slice(0, 5)).toEqual(["I1", "I2", "I3", "I4", "I5"]);
  });

  it("counts a measures cell merged over a measure group for each of its items (I1 for I1–I4), across pages", () => {
    const model = renderForm(FY2567, blankMeta());
    const i1 = model.rowKinds.find((k) => k.code === "I1")!.row;
    const m = columnIndex("measures");
    const values = valuesOf(model);
    values[i1 - 1][m - 1] = "จัดประชุมชี้แจงเจ้าหน้าที่";
    const form = readForm(arrayGrid("s", values, model.merges), FY2567);
    const measures = form.items.slice(0, 5).map((x) => x.measures);
    expect(measures.slice(0, 4)).toEqual(Array(4).fill("จัดประชุมชี้แจงเจ้าหน้าที่"));
    expect(measures[4]).toBe("");
    expect(form.items[1].sharedWith).toEqual(["I1", "I3", "I4"]);
    expect(form.items[4].sharedWith).toEqual([]);
  });

  it("shares a group's cell without merge information (Excel before ExcelApi 1.13), across pages", () => {
    const model = sampleModel();
    const grid = { ...arrayGrid("s", valuesOf(model), []), mergesKnown: false };
    const form = readForm(grid, FY2567);
    const byCode = (c: string) => form.items.find((x) => x.code === c)!;
    // I21's measures (the sample's) for each item of the group, each sharing them with the other three.
    const i21 = sampleJson.items.find((i) => i.code === "I21")!.measures;
    expect(["I21", "I22", "I23", "I24"].map((c) => [c, byCode(c).measures])).toEqual([
      ["I21", i21],
      ["I22", i21],
      ["I23", i21],
      ["I24", i21],
    ]);
    expect(byCode("I22").sharedWith).toEqual(["I21", "I23", "I24"]);
    expect(byCode("I24").sharedWith).toEqual(["I21", "I22", "I23"]);
    // I22 has no evidence cell of its own in the group: the cell it points at is the group's, above
    // it (G57, I21's row), the one the user sees; its measures are the "(ต่อ)" part beside it.
    const i22 = byCode("I22");
    expect(i22.row).toBe(59);
    expect(i22.cells.evidence).toBe("G57");
    expect(i22.cells.measures).toBe("E59");
    expect(String(model.values[59 - 1][columnIndex("measures") - 1])).toMatch(/^\(ต่อ\) /);
  });

  it("joins a text split over pages: a part marked (ต่อ) continues the one above it", () => {
    const model = sampleModel();
    const form = readModel(model);
    // I1–I4's measures (rows 13–19, up to I5) print in four parts: the first and three "(ต่อ)"; the
    // rows between them are the parts' own (merged), not cells of their own.
    const values = valuesOf(model);
    const group = values.slice(rowOf(values, "I1") - 1, rowOf(values, "I5") - 1);
    const measures = group.map((r) => String(r[columnIndex("measures") - 1]));
    expect(measures.map((t) => t.slice(0, 8))).toEqual([
      "1. เผยแพ",
      "(ต่อ) 2.",
      "null",
      "(ต่อ) เพ",
      "null",
      "null",
      "(ต่อ) ที",
    ]);
    const i1 = form.items.find((x) => x.code === "I1")!;
    expect(i1.measures).toBe(sampleJson.items[0].measures);
    expect(i1.measures).not.toContain("(ต่อ)");
    expect(i1.measures).not.toContain("…");
  });

  it("reports unknown and duplicate codes and missing items", () => {
    const values = valuesOf(renderForm(FY2567, blankMeta()));
    const i3 = rowOf(values, "I3");
    values[i3 - 1][0] = "I26";
    values.push([...values[rowOf(values, "E1") - 1]]);
    const form = readForm(arrayGrid("s", values), FY2567);
    expect(form.problems.map((p) => [p.kind, p.code])).toEqual([
      ["unknown-code", "I26"],
      ["duplicate-code", "E1"],
      ["missing-item", "I3"],
    ]);
  });

  it("finds an item by the code at the start of its text when the code cell is empty", () => {
    const values = valuesOf();
    const r = rowOf(values, "E7");
    values[r - 1][0] = null;
    const form = readForm(arrayGrid("s", values), FY2567);
    expect(form.items.find((x) => x.code === "E7")?.score).toBe(95.46);
  });

  it("understands scores typed as Thai digits or with คะแนน, and keeps what it cannot parse", () => {
    const values = valuesOf();
    const s = columnIndex("score") - 1;
    values[rowOf(values, "I1") - 1][s] = "๙๖.๓๑";
    values[rowOf(values, "I2") - 1][s] = "(96.86 คะแนน)";
    values[rowOf(values, "I3") - 1][s] = "ดีมาก";
    const form = readForm(arrayGrid("s", values), FY2567);
    expect(form.items[0].score).toBe(96.31);
    expect(form.items[1].score).toBe(96.86);
    expect(form.items[2].score).toBeNull();
    expect(form.items[2].scoreParse.kind).toBe("error");
  });

  it("reads NFD Thai text as NFC", () => {
    const model = renderForm(FY2567, blankMeta());
    const values = valuesOf(model);
    const r = rowOf(values, "I5");
    values[r - 1][columnIndex("measures") - 1] = "จัดประชุมชี้แจงเจ้าหน้าที่".normalize("NFD");
    const form = readForm(arrayGrid("s", values, model.merges), FY2567);
    expect(form.items.find((x) => x.code === "I5")!.measures).toBe(
      "จัดประชุมชี้แจงเจ้าหน้าที่".normalize("NFC")
    );
  });

  it("refuses a sheet that is not a reporting form", () => {
    expect(() =>
      readForm(
        arrayGrid("Budget", [
          ["ชื่อ", "จำนวนเงิน"],
          ["ค่าไฟ", 1200],
        ]),
        FY2567
      )
    ).toThrow(NotAFormError);
  });

  const stored = new Map([
    ["formId", "bkk-district-ita"],
    ["formVersion", "2567.1"],
    ["unit", "สำนักงานเขตจอมทอง"],
    ["unitCode", "1035"],
    ["fiscalYear", "2567"],
    ["round", "12"],
    ["passMark", "90"],
  ]);

  it("reads a cleared metadata cell as empty, as the printed title shows it, not from the hidden metadata", () => {
    const values = valuesOf();
    for (const m of META) values[metaCell(m.key).row - 1][metaCell(m.key).col - 1] = null;
    const form = readForm(arrayGrid("s", values), FY2567, stored);
    expect([form.unit.value, form.fiscalYear.value, form.round.value, form.passMark.value]).toEqual(
      [null, null, null, null]
    );
    expect([form.unit.cell, form.fiscalYear.cell, form.round.cell]).toEqual(["D1", "D2", "D3"]);
    // What the sheet does not show, the hidden metadata still gives.
    expect(form.formVersion).toBe("2567.1");
  });

  it("falls back to the hidden metadata where the sheet has no metadata cells at all", () => {
    const values = valuesOf();
    for (const m of META) {
      values[metaCell(m.key).row - 1][metaCell(m.key).col - 1] = null;
      values[metaCell(m.key).row - 1][metaCell(m.key).col - 2] = null; // the label
    }
    const form = readForm(arrayGrid("s", values), FY2567, stored);
    expect(form.unit.value?.code).toBe("1035");
    expect(form.round.value).toBe(12);
    expect(form.passMark.value).toBe(90);
  });
});

describe("a prefilled issue split over a page, its first part changed", () => {
  // The blank form prefills each item's standard issue; a long one goes on in a "(ต่อ)" part.
  const model = renderForm(FY2567, blankMeta());
  const col = columnIndex("issue");
  const base = valuesOf(model);
  const partRow = base.findIndex((r) => String(r[col - 1] ?? "").startsWith("(ต่อ)")) + 1;
  const headRow = (() => {
    for (let r = partRow - 1; r >= 1; r--) if (base[r - 1][col - 1]) return r;
    return -1;
  })();
  const letter = String.fromCharCode(64 + col);
  const read = (edit: GridCell) => {
    const values = valuesOf(model);
    values[headRow - 1][col - 1] = edit;
    return readForm(arrayGrid("s", values, model.merges), FY2567);
  };
  const orphans = (f: ReturnType<typeof readForm>) =>
    f.problems.filter((p) => p.kind === "orphan-continuation").map((p) => p.cell);

  it("is found: a '(ต่อ)' part of an issue below its first part", () => {
    expect(partRow).toBeGreaterThan(headRow);
    expect(headRow).toBeGreaterThan(0);
  });

  it("says nothing while the first part is the form's own", () => {
    const f = readForm(arrayGrid("s", valuesOf(model), model.merges), FY2567);
    expect(orphans(f)).toEqual([]);
  });

  it("names the part left below a first part typed over with another text, or cleared", () => {
    expect(orphans(read("หน่วยงานได้ปรับปรุงหลักเกณฑ์แล้ว"))).toEqual([`${letter}${partRow}`]);
    expect(orphans(read(null))).toEqual([`${letter}${partRow}`]);
    const v = validate(read("หน่วยงานได้ปรับปรุงหลักเกณฑ์แล้ว"), { now: new Date("2024-04-01") });
    expect(
      v.issues.filter((i) => i.rule === "print.orphan").map((i) => [i.cell, i.severity])
    ).toEqual([[`${letter}${partRow}`, "warning"]]);
  });
});
