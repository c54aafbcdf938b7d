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
} from "../../src/domain";
import { FY2567 } from "../forms";
import { blankMeta, colOf, readModel, sampleMeta, sampleReport, sharedView } from "../helpers";

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
    const report = sharedView(sampleReport());
    expect(form.items).toHaveLength(42);
    expect(form.problems).toEqual([]);
    expect(form.unit.value?.code).toBe("1035");
    expect(form.fiscalYear.value).toBe(2567);
    expect(form.round.value).toBe(6);
    expect(form.passMark.value).toBe(85);
    expect(form.formId).toBe("bkk-district-ita");
    expect(form.formVersion).toBe("2567.1");
    for (const it of report.items) {
      const got = form.items.find((x) => x.code === it.code)!;
      expect({
        code: got.code,
        score: got.score,
        issue: got.issue,
        measures: got.measures,
        results: got.results,
        evidence: got.evidence,
      }).toEqual(it);
    }
    const i22 = form.items.find((x) => x.code === "I22")!;
    expect(i22.cells.score).toBe(`${colOf("score")}${i22.row}`);
    expect(i22.cells.measures).toBe(`${colOf("measures")}${i22.row}`);
    expect(i22.sharedWith).toEqual(["I21", "I23", "I24"]);
  });

  it("prints the JSON model with unit, year, round and per-item cells", () => {
    const json = formToJson(readModel(sampleModel()));
    expect(json.unit).toBe("สำนักงานเขตจอมทอง");
    expect(json.unitCode).toBe("1035");
    expect(json.items[0]).toMatchObject({
      code: "I1",
      score: 96.31,
      cells: { score: expect.stringMatching(new RegExp(`^${colOf("score")}\\d+$`)) },
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
    const full = readModel(model);
    for (const c of ["I21", "I22", "I23", "I24"]) {
      expect([c, byCode(c).measures]).toEqual([c, full.items.find((x) => x.code === c)!.measures]);
      expect(byCode(c).sharedWith).toHaveLength(3);
    }
    // I23 has no cell of its own in the group: the cell it points at is the group's part above it,
    // the one the user sees (and where a mark shows).
    const i23 = byCode("I23");
    const m = columnIndex("measures");
    const [, row] = /(\d+)$/.exec(i23.cells.measures)!;
    expect(Number(row)).toBeLessThan(i23.row);
    expect(String(model.values[Number(row) - 1][m - 1])).toMatch(/^\(ต่อ\)/);
  });

  it("joins a text split over pages: a part marked (ต่อ) continues the one above it", () => {
    const model = sampleModel();
    const form = readModel(model);
    const parts = model.values.filter((r) =>
      String(modelCellText(r[columnIndex("measures") - 1])).startsWith("(ต่อ)")
    );
    expect(parts.length).toBeGreaterThan(3);
    const i1 = form.items.find((x) => x.code === "I1")!;
    expect(i1.measures).toBe(sampleReport().items[0].measures);
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

  it("falls back to the hidden metadata when visible metadata cells are cleared", () => {
    const values = valuesOf();
    for (const m of META) values[metaCell(m.key).row - 1][metaCell(m.key).col - 1] = null;
    const stored = new Map([
      ["formId", "bkk-district-ita"],
      ["formVersion", "2567.1"],
      ["unit", "สำนักงานเขตจอมทอง"],
      ["fiscalYear", "2567"],
      ["round", "12"],
      ["passMark", "90"],
    ]);
    const form = readForm(arrayGrid("s", values), FY2567, stored);
    expect(form.unit.value?.code).toBe("1035");
    expect(form.round.value).toBe(12);
    expect(form.passMark.value).toBe(90);
    expect(form.formVersion).toBe("2567.1");
  });
});
