import {
  arrayGrid,
  buildCentralReport,
  buildSummary,
  checkPeriodOrder,
  COMPARE_SHEET,
  compareSheet,
  comparePeriods,
  compareWithPrevious,
  CompareInputError,
  comparisonCounts,
  dataSheet,
  FormDefError,
  GridCell,
  loadFormDef,
  mergeForms,
  metaFromReport,
  modelGrid,
  readForm,
  renderForm,
  periodFromMerge,
  PeriodScores,
  readSummaryData,
  Report,
  SUMMARY_FIRST_ROW,
  SUMMARY_HEADER_ROW,
  SUMMARY_SHEETS,
  SummarySheet,
} from "../../src/domain";
import { FY2567, mappedFormDef } from "../forms";
import { formOf } from "../helpers";
import { districtReport } from "./districts";

function report(code: string, year: number, round: 6 | 12, scores: Record<string, number | null>) {
  const r: Report = districtReport(code);
  r.fiscalYear = year;
  r.round = round;
  for (const it of r.items) if (it.code in scores) it.score = scores[it.code];
  return r;
}

function merge(reports: Report[]) {
  return mergeForms(
    reports.map((r, i) => ({ file: `y${r.fiscalYear}-${i}.xlsx`, form: formOf(r) })),
    { formDef: FY2567, expect: "none" }
  );
}

/** A sheet as the writers lay it out: title, subtitle, header, then the rows (1-based like a file). */
function gridOf(s: SummarySheet) {
  const values: GridCell[][] = [[s.title], [s.subtitle], s.columns.map((c) => c.header)];
  for (const r of s.rows) values.push(r.cells.map((v) => v));
  return arrayGrid(s.name, values);
}

describe("compare: a previous period beside the current merge", () => {
  // Phra Nakhon (1001) and Dusit (1002) both years; Nong Chok (1003) only before, Bang Rak (1004) only now.
  const prev = merge([
    report("1001", 2566, 12, { I1: 90, E1: 70, I22: 86 }),
    report("1002", 2566, 12, { I1: 84 }),
    report("1003", 2566, 12, {}),
  ]);
  const cur = merge([
    report("1001", 2567, 6, { I1: 80, E1: 88.25, I22: 86 }),
    report("1002", 2567, 6, { I1: 84 }),
    report("1004", 2567, 6, {}),
  ]);
  const c = compareWithPrevious(periodFromMerge(prev, "prev/"), cur);

  it("compares each unit's items by code, with the change a number and what it means against the pass mark", () => {
    expect(c.units.map((u) => u.unit.code)).toEqual(["1001", "1002"]);
    const pn = c.units[0];
    const item = (code: string) => pn.items[c.items.findIndex((i) => i.code === code)];
    expect(item("I1")).toMatchObject({ previous: 90, current: 80, change: -10, pass: "fell" });
    expect(item("E1")).toMatchObject({ previous: 70, current: 88.25, change: 18.25, pass: "rose" });
    expect(item("I22")).toMatchObject({ change: 0, pass: "stayedAbove" });
    const dusit = c.units[1];
    expect(dusit.items[c.items.findIndex((i) => i.code === "I1")]).toMatchObject({
      change: 0,
      pass: "stayedBelow",
    });
    expect(c.onlyPreviousUnits.map((u) => u.unit.code)).toEqual(["1003"]);
    expect(c.onlyCurrentUnits.map((u) => u.unit.code)).toEqual(["1004"]);
    expect(c.onlyPreviousItems).toEqual([]);
    expect(c.items).toHaveLength(FY2567.items.length);
  });

  it("compares tool means and the estimated total as the score matrix computes them", () => {
    const pn = c.units[0];
    const iit = pn.tools.find((t) => t.id === "IIT")!;
    // The I1 change spread over the IIT items (each weighs 1).
    const iitItems = FY2567.items.filter((i) => i.tool === "IIT").length;
    expect(iit.change).toBeCloseTo(-10 / iitItems, 1);
    expect(pn.total.change).not.toBeNull();
    const n = comparisonCounts(c);
    expect(n.improved + n.declined + n.unchanged + n.incomplete).toBe(2);
    expect(n.fell).toBe(1);
    expect(n.rose).toBe(1);
  });

  it("refuses a previous period that does not come first, naming its source", () => {
    const same = periodFromMerge(cur, "same.xlsx");
    expect(() => compareWithPrevious(same, cur)).toThrow(CompareInputError);
    const later = periodFromMerge(merge([report("1001", 2568, 6, {})]), "later-year/");
    try {
      checkPeriodOrder(later, periodFromMerge(cur, "now"));
      throw new Error("not refused");
    } catch (e) {
      expect(e).toBeInstanceOf(CompareInputError);
      const reason = (e as CompareInputError).reason;
      expect(reason.th).toContain("later-year/");
      expect(reason.th).toContain("2568");
      expect(reason.en).toContain("does not come before");
    }
    // The 6-month round of a year comes before its 12-month round.
    const r6 = periodFromMerge(merge([report("1001", 2567, 6, {})]), "r6");
    const r12 = periodFromMerge(merge([report("1001", 2567, 12, {})]), "r12");
    expect(() => checkPeriodOrder(r6, r12)).not.toThrow();
    expect(() => checkPeriodOrder(r12, r6)).toThrow(CompareInputError);
  });

  it("compares items by code when the forms differ, and lists those it cannot compare", () => {
    const p = periodFromMerge(prev, "old-form.xlsx");
    // The previous form had E16 and no E15 (data, not code: any item list works).
    const old: PeriodScores = {
      ...p,
      form: "bkk-district-ita 2566.1",
      items: p.items.map((i) => (i.code === "E15" ? { ...i, code: "E16" } : i)),
      units: p.units.map((u) => ({
        ...u,
        scores: new Map([...u.scores].map(([k, v]) => [k === "E15" ? "E16" : k, v])),
      })),
    };
    const d = comparePeriods(old, periodFromMerge(cur, ""));
    expect(d.onlyPreviousItems.map((i) => i.code)).toEqual(["E16"]);
    expect(d.onlyCurrentItems.map((i) => i.code)).toEqual(["E15"]);
    expect(d.items.map((i) => i.code)).not.toContain("E15");
    const sheet = compareSheet(d);
    const rows = sheet.rows.map((r) => r.cells);
    expect(rows).toContainEqual([
      "E16",
      expect.any(String),
      null,
      null,
      null,
      expect.stringContaining("2566.1"),
    ]);
    expect(rows).toContainEqual([
      "E15",
      expect.any(String),
      null,
      null,
      null,
      expect.stringContaining("2567.1"),
    ]);
    const rep = buildCentralReport(cur, { comparison: d });
    expect(rep.changes!.paragraphs.map((p) => p.text).join("\n")).toMatch(
      /เปรียบเทียบไม่ได้.*E16, E15|เปรียบเทียบไม่ได้.*E15/
    );
  });
});

describe("compare: a form that maps the previous form's items (renumbered, split, merged)", () => {
  const form = loadFormDef(mappedFormDef(), "bkk-district-2569.json");
  const prev = merge([
    report("1001", 2567, 12, { I5: 70, E14: 80, E15: 90 }),
    report("1002", 2567, 12, { I5: 95, E14: null, E15: 60 }),
  ]);
  /** A FY2569 report: the FY2567 one with E15 as E16 and a new I26, scores given by code. */
  function report2569(code: string, scores: Record<string, number>) {
    const r = districtReport(code);
    r.fiscalYear = 2569;
    r.round = 6;
    const was = (c: string) => (c === "E16" ? "E15" : c === "I26" ? "I5" : c);
    r.items = form.items.map((ci) => {
      const old = r.items.find((i) => i.code === was(ci.code))!;
      return { ...old, code: ci.code, score: scores[ci.code] ?? old.score };
    });
    return r;
  }
  const cur = mergeForms(
    [
      report2569("1001", { I5: 86, I26: 60, E16: 95 }),
      report2569("1002", { I5: 90, I26: 97, E16: 50 }),
    ].map((r, i) => ({
      file: `y2569-${i}.xlsx`,
      form: readForm(modelGrid(renderForm(form, metaFromReport(r), r)), form),
    })),
    { formDef: form, expect: "none" }
  );
  const previous = periodFromMerge(prev, "2567/");
  const c = compareWithPrevious(previous, cur);
  const at = (unit: number, code: string) =>
    c.units[unit].items[c.items.findIndex((i) => i.code === code)];

  it("compares a renumbered and a split item with the previous form's items they continue", () => {
    expect(cur.merged).toHaveLength(2);
    expect(c.onlyPreviousItems).toEqual([]);
    expect(c.onlyCurrentItems).toEqual([]);
    expect(c.items).toHaveLength(form.items.length);
    expect(c.items.find((i) => i.code === "E16")!.from).toEqual(["E15"]);
    expect(c.items.find((i) => i.code === "I26")!.from).toEqual(["I5"]);
    expect(c.items.find((i) => i.code === "I5")!.from).toEqual(["I5"]);
    expect(at(0, "E16")).toMatchObject({ previous: 90, current: 95, change: 5 });
    expect(at(1, "E16")).toMatchObject({ previous: 60, current: 50, change: -10 });
    expect(at(0, "I5")).toMatchObject({ previous: 70, current: 86, pass: "rose" });
    expect(at(0, "I26")).toMatchObject({ previous: 70, current: 60, change: -10 });
    expect(at(1, "I26")).toMatchObject({ previous: 95, current: 97, change: 2 });
  });

  it("says what a mapped item was compared with, in the sheet and in the report", () => {
    const codes = compareSheet(c)
      .rows.filter((r) => r.kind === "item")
      .map((r) => r.cells[0]);
    expect(codes).toContain("E16 ← E15");
    expect(codes).toContain("I26 ← I5");
    expect(codes).toContain("I5");
    const rep = buildCentralReport(cur, { comparison: c });
    const text = rep.changes!.paragraphs.map((p) => p.text).join("\n");
    expect(text).toMatch(/E16 ← E15/);
    expect(text).toMatch(/I26 ← I5/);
    expect(text).not.toMatch(/เปรียบเทียบไม่ได้/);
  });

  it("compares by code when the previous period is of another form than the map names", () => {
    const d = comparePeriods(
      { ...previous, form: "bkk-district-ita 2566.1" },
      periodFromMerge(cur, "")
    );
    expect(d.onlyPreviousItems.map((i) => i.code)).toEqual(["E15"]);
    expect(d.onlyCurrentItems.map((i) => i.code)).toEqual(["I26", "E16"]);
    // The 41 codes of both forms (43 less I26 and E16), each compared with the same code only.
    expect(d.items).toHaveLength(41);
    expect(d.items.filter((i) => i.from.length !== 1 || i.from[0] !== i.code)).toEqual([]);
  });

  it("compares a merged item with the mean of the known previous scores, and says so", () => {
    const now = periodFromMerge(cur, "");
    const d = comparePeriods(previous, {
      ...now,
      itemMap: { form: now.itemMap!.form, items: { E16: ["E14", "E15"], I26: [] } },
    });
    const e16 = d.items.findIndex((i) => i.code === "E16");
    expect(d.items[e16].from).toEqual(["E14", "E15"]);
    expect(d.units[0].items[e16]).toMatchObject({ previous: 85, current: 95, change: 10 });
    expect(d.units[1].items[e16]).toMatchObject({ previous: 60, current: 50 });
    // An item mapped to nothing is new: not comparable, and E14 is still compared with E14.
    expect(d.onlyCurrentItems.map((i) => i.code)).toEqual(["I26"]);
    expect(d.items.find((i) => i.code === "E14")!.from).toEqual(["E14"]);
    const heading = compareSheet(d).rows.find((r) => r.cells[0] === "E16 ← E14+E15")!;
    expect(heading.cells[1]).toMatch(/ค่าเฉลี่ยของข้อ E14, E15/);
  });

  it("refuses at load a map naming an item the form does not have, in Thai and English", () => {
    const load = () => loadFormDef(mappedFormDef({ E99: ["E15"] }), "bkk-district-2569.json");
    expect(load).toThrow(FormDefError);
    try {
      load();
    } catch (e) {
      const { reason } = e as FormDefError;
      expect(reason.th).toMatch(
        /bkk-district-2569\.json.*previous\.items\.E99.*ข้อ E99 ไม่มีในแบบฟอร์มนี้/
      );
      expect(reason.en).toMatch(
        /bkk-district-2569\.json.*previous\.items\.E99.*item E99 is not in this form/
      );
    }
    // The previous form's codes are not checked at load: that form may not be bundled here.
    expect(() => loadFormDef(mappedFormDef({ E16: ["X9"] }))).not.toThrow();
  });
});

describe("compare: the sheet ITA เทียบปีก่อน", () => {
  const prev = merge([report("1001", 2566, 12, { I1: 90, E1: 70 }), report("1003", 2566, 12, {})]);
  const cur = merge([report("1001", 2567, 6, { I1: 80, E1: 88.25 }), report("1004", 2567, 6, {})]);
  const c = compareWithPrevious(periodFromMerge(prev, "/data/2566/summary.xlsx"), cur);
  const sheet = compareSheet(c);

  it("is registered in the summary only when a comparison is given, after the score matrix", () => {
    expect(buildSummary(cur).map((s) => s.name)).not.toContain(COMPARE_SHEET);
    const names = buildSummary(cur, c).map((s) => s.name);
    expect(names.slice(0, 2)).toEqual([SUMMARY_SHEETS.scores, COMPARE_SHEET]);
  });

  it("has per unit the total, each tool and each item: previous, current and the change as a number", () => {
    const rows = sheet.rows;
    const i1 = rows.findIndex((r) => r.kind === "item" && r.cells[0] === "I1");
    expect(rows[i1].cells[1]).toBe(FY2567.byCode.get("I1")!.text);
    expect(rows[i1 + 1]).toEqual({
      kind: "fell",
      cells: ["I1", "สำนักงานเขตพระนคร", 90, 80, -10, "ตกต่ำกว่าเกณฑ์"],
    });
    const e1 = rows.findIndex((r) => r.kind === "item" && r.cells[0] === "E1");
    expect(rows[e1 + 1]).toMatchObject({
      kind: "rose",
      cells: ["E1", "สำนักงานเขตพระนคร", 70, 88.25, 18.25, "ขึ้นมาผ่านเกณฑ์"],
    });
    for (const t of ["ITA", "IIT", "EIT", "OIT"]) {
      const h = rows.findIndex(
        (r) => r.cells[0] === t && r.kind !== "data" && r.kind !== "fell" && r.kind !== "rose"
      );
      expect(h).toBeGreaterThanOrEqual(0);
      expect(typeof rows[h + 1].cells[4]).toBe("number");
    }
    // The total's row says which items fell and rose.
    const total = rows.find((r) => r.cells[0] === "ITA" && r.cells[1] === "สำนักงานเขตพระนคร")!;
    expect(total.cells[5]).toContain("ตกต่ำกว่าเกณฑ์ 1 ข้อ: I1\nขึ้นมาผ่านเกณฑ์ 1 ข้อ: E1");
    // A change column formatted with its sign, never text.
    expect(sheet.columns[4]).toMatchObject({ kind: "change" });
    for (const r of rows) expect(["number", "object"]).toContain(typeof r.cells[4]);
  });

  it("lists the units only one period has", () => {
    const cells = sheet.rows.map((r) => r.cells);
    expect(cells).toContainEqual([
      "1003",
      "สำนักงานเขตหนองจอก",
      null,
      null,
      null,
      expect.stringContaining("มีเฉพาะครั้งก่อน"),
    ]);
    expect(cells).toContainEqual([
      "1004",
      "สำนักงานเขตบางรัก",
      null,
      null,
      null,
      expect.stringContaining("มีเฉพาะครั้งนี้"),
    ]);
    expect(sheet.title).toContain("2566 รอบ 12 เดือน");
    expect(sheet.subtitle).toContain("summary.xlsx");
  });

  it("never puts text that could become a formula in a cell", () => {
    for (const r of sheet.rows)
      for (const v of r.cells) if (typeof v === "string") expect(v).not.toMatch(/^[=+\-@]/);
  });

  it("gives the report a section on the changes only when compared", () => {
    expect(buildCentralReport(cur).changes).toBeNull();
    const ch = buildCentralReport(cur, { comparison: c }).changes!;
    expect(ch.heading).toContain("ปีงบประมาณ 2566 รอบ 12 เดือน");
    const text = ch.paragraphs.map((p) => p.text).join("\n");
    expect(text).toContain("เปรียบเทียบได้ 1 หน่วยงาน");
    expect(text).toMatch(
      /^- ข้อ I1 เจ้าหน้าที่.*… \(1 หน่วยงาน\): สำนักงานเขตพระนคร 90\.00\u00a0→\u00a080\.00$/m
    );
    expect(text).toContain("- เพิ่มขึ้น: สำนักงานเขตพระนคร ข้อ E1 +18.25 (70.00\u00a0→\u00a088.25)");
    expect(text).toContain("- ลดลง: สำนักงานเขตพระนคร ข้อ I1 -10.00");
    expect(text).toContain("หน่วยงานที่มีเฉพาะปีงบประมาณ 2566 รอบ 12 เดือน: สำนักงานเขตหนองจอก");
  });
});

describe("compare: the summary's data sheet", () => {
  const cur = merge([
    report("1001", 2567, 6, { I1: 80.123, E1: null }),
    report("1004", 2567, 6, {}),
  ]);
  const sheet = dataSheet(cur);

  it("is hidden, last, and read back into the same period it was written from", () => {
    expect(sheet.hidden).toBe(true);
    const names = buildSummary(cur).map((s) => s.name);
    expect(names[names.length - 1]).toBe(SUMMARY_SHEETS.data);
    const back = readSummaryData(gridOf(sheet), "/x/summary-2567.xlsx");
    const direct = periodFromMerge(cur, "/x/summary-2567.xlsx");
    // Items by code and tool (their texts are the form's, not the data's).
    expect(back).toEqual({ ...direct, items: direct.items.map((i) => ({ ...i, text: "" })) });
    expect(sheet.rows).toHaveLength(2);
    expect(back.units[0].scores.get("I1")).toBe(80.123);
    expect(back.units[0].scores.get("E1")).toBeNull();
  });

  it("finds its columns by header, wherever they are", () => {
    const g = gridOf(sheet);
    // Columns swapped: the reader goes by the header row, not by position.
    const swapped = arrayGrid(
      g.name,
      Array.from({ length: g.rowCount }, (_, r) => {
        const row = Array.from({ length: g.colCount }, (_, c) => g.raw(r + 1, c + 1));
        if (r + 1 >= SUMMARY_HEADER_ROW) {
          [row[0], row[4]] = [row[4], row[0]];
          [row[6], row[8]] = [row[8], row[6]];
        }
        return row;
      })
    );
    expect(readSummaryData(swapped, "s.xlsx")).toEqual(readSummaryData(g, "s.xlsx"));
  });

  it("refuses what it does not know, naming the file, sheet and cell", () => {
    const g = gridOf(sheet);
    const edit = (row: number, col: number, v: GridCell) =>
      arrayGrid(
        g.name,
        Array.from({ length: g.rowCount }, (_, r) =>
          Array.from({ length: g.colCount }, (_, c) =>
            r + 1 === row && c + 1 === col ? v : g.raw(r + 1, c + 1)
          )
        )
      );
    const reason = (grid: ReturnType<typeof edit>) => {
      try {
        readSummaryData(grid, "/p/prev.xlsx");
      } catch (e) {
        expect(e).toBeInstanceOf(CompareInputError);
        return (e as CompareInputError).reason;
      }
      throw new Error("not refused");
    };
    // A district code stored as a number (another program re-saved it) is still the code.
    expect(readSummaryData(edit(SUMMARY_FIRST_ROW, 1, 1001), "s.xlsx")).toEqual(
      readSummaryData(g, "s.xlsx")
    );
    expect(reason(edit(1, 1, "something else")).en).toMatch(
      /prev\.xlsx, sheet "ITA_SUMMARY_DATA", cell A1: not summary data/
    );
    expect(reason(edit(1, 1, "ita-summary-data/9")).en).toMatch(/newer/);
    expect(reason(edit(SUMMARY_HEADER_ROW, 6, "points")).en).toMatch(
      /cell A3: no column headed pass_mark in row 3/
    );
    expect(reason(edit(SUMMARY_HEADER_ROW, 12, "item:IIT:=1+1")).en).toMatch(
      /cell L3: unknown or repeated column "item:IIT:=1\+1"/
    );
    expect(reason(edit(SUMMARY_HEADER_ROW, 12, "item:IIT:I1")).en).toMatch(
      /cell L3: unknown or repeated/
    );
    const scoreCell = reason(edit(SUMMARY_FIRST_ROW, 11, "๙๐"));
    expect(scoreCell.th).toContain("เซลล์ K4");
    expect(scoreCell.en).toMatch(/cell K4: a number expected, found "๙๐"/);
    expect(reason(edit(SUMMARY_FIRST_ROW + 1, 7, null)).en).toMatch(/cell G5: is empty; a number/);
  });
});
