import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { existsSync, promises as fs } from "fs";
import path from "path";
import {
  COMPARE_SHEET,
  loadFormDef,
  metaFromReport,
  renderForm,
  Report,
  SUMMARY_SHEETS,
} from "../../src/domain";
import { writeFormWorkbook } from "../../src/xlsx";
import { FY2567, mappedFormDef } from "../forms";
import { runCli, tmpDir } from "../helpers";
import { districtReport, writeDistrict } from "../merge/districts";

function report(code: string, year: number, round: 6 | 12, scores: Record<string, number>): Report {
  const r = districtReport(code, Number(code) + year);
  r.fiscalYear = year;
  r.round = round;
  for (const it of r.items) if (it.code in scores) it.score = scores[it.code];
  return r;
}

describe("ita merge --compare PREVIOUS", () => {
  let dir: string;
  let prevDir: string;
  let curDir: string;
  let prevSummary: string;
  beforeAll(async () => {
    dir = await tmpDir();
    prevDir = path.join(dir, "2566");
    curDir = path.join(dir, "2567");
    await fs.mkdir(prevDir);
    await fs.mkdir(curDir);
    await writeDistrict(prevDir, "1001.xlsx", report("1001", 2566, 12, { I1: 92, E1: 70 }));
    await writeDistrict(prevDir, "1002.xlsx", report("1002", 2566, 12, {}));
    await writeDistrict(prevDir, "1003.xlsx", report("1003", 2566, 12, {}));
    await writeDistrict(curDir, "1001.xlsx", report("1001", 2567, 6, { I1: 81.5, E1: 90 }));
    await writeDistrict(curDir, "1002.xlsx", report("1002", 2567, 6, {}));
    await writeDistrict(curDir, "1004.xlsx", report("1004", 2567, 6, {}));
    prevSummary = path.join(dir, "summary-2566.xlsx");
    const r = await runCli("merge", prevDir, "-o", prevSummary, "--expect", "none");
    expect(r.code).toBe(0);
  });

  it("compares with the previous year's district files: the sheet, the report section, the JSON", async () => {
    const out = path.join(dir, "s1.xlsx");
    const doc = path.join(dir, "r1.docx");
    const r = await runCli(
      "merge",
      curDir,
      "-o",
      out,
      "--report",
      doc,
      "--expect",
      "none",
      "--json",
      "--compare",
      prevDir
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out).compare;
    expect(j.previous).toMatchObject({ fiscalYear: 2566, round: 12, source: prevDir });
    expect(j.current).toMatchObject({ fiscalYear: 2567, round: 6 });
    expect(j.units).toBe(2);
    expect(j.fellBelowPassMark).toContainEqual({
      unit: "สำนักงานเขตพระนคร",
      unitCode: "1001",
      item: "I1",
      previous: 92,
      current: 81.5,
      change: -10.5,
    });
    expect(j.roseToPassMark).toContainEqual(
      expect.objectContaining({ item: "E1", previous: 70, current: 90, change: 20 })
    );
    expect(j.onlyPreviousUnits).toEqual(["สำนักงานเขตหนองจอก"]);
    expect(j.onlyCurrentUnits).toEqual(["สำนักงานเขตบางรัก"]);
    expect(j.notComparableItems).toEqual({ onlyPrevious: [], onlyCurrent: [] });
    expect(j.byUnit[0].tools.IIT).toEqual({
      previous: expect.any(Number),
      current: expect.any(Number),
      change: expect.any(Number),
    });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      SUMMARY_SHEETS.scores,
      COMPARE_SHEET,
      SUMMARY_SHEETS.key,
      SUMMARY_SHEETS.indicators,
      SUMMARY_SHEETS.flagged,
      SUMMARY_SHEETS.measures,
      SUMMARY_SHEETS.status,
      SUMMARY_SHEETS.data,
    ]);
    expect(wb.getWorksheet(SUMMARY_SHEETS.data)!.state).toBe("hidden");
    const ws = wb.getWorksheet(COMPARE_SHEET)!;
    let fell: ExcelJS.Row | null = null;
    ws.eachRow((row) => {
      if (row.getCell(1).value === "I1" && row.getCell(2).value === "สำนักงานเขตพระนคร") fell = row;
    });
    const row = fell as unknown as ExcelJS.Row;
    expect([3, 4, 5].map((c) => row.getCell(c).value)).toEqual([92, 81.5, -10.5]);
    expect(row.getCell(5).numFmt).toBe("+0.00;-0.00;0.00");
    expect((row.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9 });

    // The text as read: without the invisible word joiners that keep a unit's name on one line.
    const xml = strFromU8(
      unzipSync(new Uint8Array(await fs.readFile(doc)))["word/document.xml"]
    ).replace(/\u2060/g, "");
    expect(xml).toContain("การเปลี่ยนแปลงเมื่อเทียบกับปีงบประมาณ 2566 รอบ 12 เดือน");
    expect(xml).toContain("สำนักงานเขตพระนคร 92.00\u00a0→\u00a081.50");
  });

  it("compares with a summary written by ita as it does with the files it was made from", async () => {
    const fromFiles = await runCli(
      "merge",
      curDir,
      "-o",
      path.join(dir, "s2.xlsx"),
      "--expect",
      "none",
      "--json",
      "--compare",
      prevDir
    );
    const fromSummary = await runCli(
      "merge",
      curDir,
      "-o",
      path.join(dir, "s3.xlsx"),
      "--expect",
      "none",
      "--json",
      "--compare",
      prevSummary
    );
    expect(fromSummary.code).toBe(0);
    const a = JSON.parse(fromFiles.out).compare;
    const b = JSON.parse(fromSummary.out).compare;
    expect(b.previous.source).toBe(prevSummary);
    expect({ ...b, previous: null }).toEqual({ ...a, previous: null });
    // Without --json the output says what it compared with.
    const human = await runCli(
      "merge",
      curDir,
      "-o",
      path.join(dir, "s4.xlsx"),
      "--expect",
      "none",
      "--compare",
      prevSummary
    );
    expect(human.out).toContain(
      `compared with: ปีงบประมาณ 2566 รอบ 12 เดือน (${prevSummary}) · 2 หน่วยงาน / 2 units`
    );
    expect(human.out).toContain(`fell under the pass mark: ${a.fellBelowPassMark.length} `);
  });

  it("compares by item code with files of another year's form, naming the items it cannot compare", async () => {
    // Last year's form (carried in its files, not bundled): E15 was E16, and it had no E14.
    const def = JSON.parse(JSON.stringify(FY2567.definition));
    def.version = "2566.1";
    def.fiscalYear = 2566;
    for (const t of def.tools)
      for (const ind of t.indicators) {
        for (const it of ind.items) if (it.code === "E15") it.code = "E16";
        ind.items = ind.items.filter((it: { code: string }) => it.code !== "E14");
      }
    const old = loadFormDef(def, "2566.json");
    const oldDir = path.join(dir, "2566-old-form");
    await fs.mkdir(oldDir);
    for (const code of ["1001", "1002"]) {
      const r = report(code, 2566, 12, { E15: 91 });
      r.items = r.items.map((it) => (it.code === "E15" ? { ...it, code: "E16" } : it));
      await writeFormWorkbook(
        path.join(oldDir, `${code}.xlsx`),
        renderForm(old, metaFromReport(r), r)
      );
    }
    const out = path.join(dir, "s-old-form.xlsx");
    const r = await runCli(
      "merge",
      curDir,
      "-o",
      out,
      "--expect",
      "none",
      "--json",
      "--compare",
      oldDir
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out).compare;
    expect(j.previous.form).toBe("bkk-district-ita 2566.1");
    expect(j.notComparableItems).toEqual({
      onlyPrevious: ["E16"],
      onlyCurrent: ["E14", "E15"],
    });
    expect(j.units).toBe(2);
    const human = await runCli(
      "merge",
      curDir,
      "-o",
      path.join(dir, "s-old-form-2.xlsx"),
      "--expect",
      "none",
      "--compare",
      oldDir
    );
    expect(human.out).toContain("items not comparable: E16, E14, E15");
  });

  it("compares as the current form maps the previous form's items: renumbered and split items", async () => {
    // FY2569's form (carried in its files, not bundled): FY2567's E15 is E16, I5 split into I5 and I26.
    const form = loadFormDef(mappedFormDef(), "bkk-district-2569.json");
    const prev2567 = path.join(dir, "2567-12");
    const cur2569 = path.join(dir, "2569-mapped");
    await fs.mkdir(prev2567);
    await fs.mkdir(cur2569);
    for (const code of ["1001", "1002"]) {
      await writeDistrict(prev2567, `${code}.xlsx`, report(code, 2567, 12, { I5: 90, E15: 91 }));
      const r = report(code, 2569, 6, {});
      const was = (c: string) => (c === "E16" ? "E15" : c === "I26" ? "I5" : c);
      const score: Record<string, number> = { I5: 92, I26: 80, E16: 70 };
      r.items = form.items.map((ci) => ({
        ...r.items.find((i) => i.code === was(ci.code))!,
        code: ci.code,
        ...(ci.code in score ? { score: score[ci.code] } : {}),
      }));
      await writeFormWorkbook(
        path.join(cur2569, `${code}.xlsx`),
        renderForm(form, metaFromReport(r), r)
      );
    }
    const out = path.join(dir, "s-mapped.xlsx");
    const r = await runCli(
      ...["merge", cur2569, "-o", out, "--expect", "none", "--json", "--compare", prev2567]
    );
    expect(r.err).toBe("");
    const j = JSON.parse(r.out).compare;
    expect(j.previous.form).toBe("bkk-district-ita 2567.1");
    expect(j.notComparableItems).toEqual({ onlyPrevious: [], onlyCurrent: [] });
    expect(j.mappedItems).toEqual({ I26: ["I5"], E16: ["E15"] });
    // Both units fell under the pass mark in I26 (from I5's 90) and E16 (from E15's 91).
    const fell = j.fellBelowPassMark.map((p: { item: string; previous: number }) => [
      p.item,
      p.previous,
    ]);
    expect(fell).toEqual(
      expect.arrayContaining([
        ["I26", 90],
        ["E16", 91],
      ])
    );
    expect(fell.filter(([item]: [string]) => item === "E16")).toHaveLength(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet(COMPARE_SHEET)!;
    const codes: unknown[] = [];
    sheet.eachRow((row) => codes.push(row.getCell(1).value));
    expect(codes).toContain("E16 ← E15");
    expect(codes).toContain("I26 ← I5");
  });

  const refused = async (previous: string, th: RegExp, en: RegExp) => {
    const out = path.join(dir, `never-${path.basename(previous)}.xlsx`);
    const r = await runCli("merge", curDir, "-o", out, "--expect", "none", "--compare", previous);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(th);
    expect(r.err).toMatch(en);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(existsSync(out)).toBe(false);
  };

  it("refuses a previous period that is not earlier, naming it, and writes nothing", async () => {
    await refused(curDir, /ไม่ได้อยู่ก่อนรายงานที่รวม/, /2567.*does not come before/);
    const later = path.join(dir, "2568");
    await fs.mkdir(later);
    await writeDistrict(later, "1001.xlsx", report("1001", 2568, 6, {}));
    await refused(
      later,
      /ปีงบประมาณ 2568/,
      /fiscal year 2568, 6-month round, which does not come before/
    );
  });

  it("refuses what is not a summary nor district files, in Thai and English, naming the file", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("งบประมาณ").addRow(["รายการ", "จำนวนเงิน"]);
    const other = path.join(dir, "budget.xlsx");
    await wb.xlsx.writeFile(other);
    await refused(
      other,
      /ไม่ใช่ไฟล์สรุปที่ ita เขียน.*budget\.xlsx/,
      /not a summary written by ita.*budget\.xlsx/
    );

    const text = path.join(dir, "notes.xlsx");
    await fs.writeFile(text, "just some text");
    await refused(text, /notes\.xlsx/, /notes\.xlsx/);

    await refused(path.join(dir, "nowhere"), /nowhere/, /nowhere/);
  });

  it("refuses a summary without its data sheet (an earlier version's) and one whose data was edited", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(prevSummary);
    wb.removeWorksheet(wb.getWorksheet(SUMMARY_SHEETS.data)!.id);
    const old = path.join(dir, "old-summary.xlsx");
    await wb.xlsx.writeFile(old);
    await refused(
      old,
      /ไม่มีชีตข้อมูล "ITA_SUMMARY_DATA"/,
      /old-summary\.xlsx is a summary without the data sheet/
    );

    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(prevSummary);
    wb2.getWorksheet(SUMMARY_SHEETS.data)!.getCell("K5").value = "เก้าสิบ";
    const edited = path.join(dir, "edited-summary.xlsx");
    await wb2.xlsx.writeFile(edited);
    await refused(
      edited,
      /edited-summary\.xlsx ชีต "ITA_SUMMARY_DATA" เซลล์ K5/,
      /edited-summary\.xlsx, sheet "ITA_SUMMARY_DATA", cell K5: a number expected/
    );
  });

  it("refuses a summary given together with district files", async () => {
    const out = path.join(dir, "never-mixed.xlsx");
    const r = await runCli(
      "merge",
      curDir,
      "-o",
      out,
      "--compare",
      prevSummary,
      "--compare",
      path.join(prevDir, "1001.xlsx")
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/give one summary file, or the units' files, not both/);
    expect(existsSync(out)).toBe(false);
  });
});
