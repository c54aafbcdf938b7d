import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import {
  buildSummary,
  colLetter,
  mergeForms,
  SUMMARY_FIRST_ROW,
  SUMMARY_SHEETS,
} from "../../src/domain";
import { FY2567 } from "../forms";
import { nodeInflate, readFileBytes, readFormsFromBytes } from "../../src/xlsx";
import { readSubmissions } from "../../src/cli/merge";
import { colOf, sha, tmpDir, runCli } from "../helpers";
import { districtReport, editWorkbook, itemRow, writeDistrict } from "./districts";

const run = runCli;

async function loadSummary(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Rows of a summary sheet as arrays of values (data rows only). */
function dataRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row, r) => {
    if (r >= SUMMARY_FIRST_ROW) out.push((row.values as unknown[]).slice(1));
  });
  return out;
}

describe("merge: summary content", () => {
  let dir: string;
  let summary: string;
  let files: string[];
  let before: string[];
  let result: { code: number; out: string; err: string };
  beforeAll(async () => {
    dir = await tmpDir();
    const a = districtReport("1035");
    const b = districtReport("1002");
    const c = districtReport("1001");
    // Known scores for checking the matrix.
    const set = (r: typeof a, code: string, score: number) =>
      (r.items.find((i) => i.code === code)!.score = score);
    set(b, "I1", 80);
    set(c, "I1", 90.5);
    set(c, "E1", 70);
    // Phra Nakhon wrote the same I1 measures as Chom Thong, word for word.
    c.items.find((i) => i.code === "I1")!.measures = a.items.find((i) => i.code === "I1")!.measures;
    c.items.find((i) => i.code === "E1")!.measures = "=SUM(A1:A9) ข้อความที่ขึ้นต้นด้วยเครื่องหมายเท่ากับ";
    files = [
      await writeDistrict(dir, "c.xlsx", c),
      await writeDistrict(dir, "a.xlsx", a),
      await writeDistrict(dir, "b.xlsx", b),
    ];
    summary = path.join(dir, "out", "summary.xlsx");
    before = await Promise.all(files.map(sha));
    // One merge for every test below: each reads its result, none depends on another having run.
    result = await run("merge", dir, "-o", summary, "--expect", "districts", "--json");
  });

  it("writes the score matrix with units as rows in district code order, items and averages as columns, and each column's mean, min, max and units under the pass mark", async () => {
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    expect(json.merged.map((m: { unitCode: string }) => m.unitCode)).toEqual([
      "1001",
      "1002",
      "1035",
    ]);
    expect(json.missing).toHaveLength(47);
    const ws = (await loadSummary(summary)).getWorksheet(SUMMARY_SHEETS.scores)!;
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    // The form's order: each indicator's items then its average, each tool's average, the total last.
    expect(header.slice(0, 10)).toEqual([
      "หน่วยงาน",
      "I1",
      "I2",
      "I3",
      "I4",
      "I5",
      "I6",
      "I7",
      "เฉลี่ย ตัวชี้วัด 1",
      "I8",
    ]);
    expect(header.filter((h) => /^I\d+$|^E\d+$|^O\d/.test(String(h)))).toHaveLength(42);
    expect(header.indexOf("เฉลี่ย IIT")).toBe(header.indexOf("เฉลี่ย ตัวชี้วัด 5") + 1);
    expect(header[header.length - 1]).toBe("ITA โดยประมาณ");
    const rows = dataRows(ws);
    expect(rows.slice(0, 3).map((r) => r[0])).toEqual(["พระนคร", "ดุสิต", "จอมทอง"]);
    const col = (h: string) => header.indexOf(h);
    expect(rows.slice(0, 3).map((r) => r[col("I1")])).toEqual([90.5, 80, 96.31]);
    expect(rows[2][col("I22")]).toBe(82.01);
    const stat = (label: string) => rows.find((r) => String(r[0]).startsWith(label))!;
    expect(
      ["ค่าเฉลี่ย", "ต่ำสุด", "สูงสุด", "จำนวนหน่วยงานที่ต่ำกว่า 85"].map((l) => stat(l)[col("I1")])
    ).toEqual([88.94, 80, 96.31, 1]);
    // The weighted total of each unit: IIT, EIT and OIT means (the O rows weighted by their 22 and 8
    // questions) at 30/30/40 — Phra Nakhon 93.77, 91.81, 100 → 95.67; Dusit 92.40, 92.96, 99.92 →
    // 95.58; Chom Thong 94.68, 96.04, 100 → 97.22. Then their mean, min and max.
    const ita = col("ITA โดยประมาณ");
    expect(rows.slice(0, 3).map((r) => r[ita])).toEqual([95.67, 95.58, 97.22]);
    expect(["ค่าเฉลี่ย", "ต่ำสุด", "สูงสุด"].map((l) => stat(l)[ita])).toEqual([96.16, 95.58, 97.22]);
    // The key, a sheet of its own: every item code with its question, under its tool and indicator.
    const key = dataRows((await loadSummary(summary)).getWorksheet(SUMMARY_SHEETS.key)!);
    expect(key.find((r) => r[0] === "I1")![1]).toBe(FY2567.byCode.get("I1")!.text);
    expect(key.filter((r) => /^(I|E|O)\d/.test(String(r[0])))).toHaveLength(42);
    expect(key.map((r) => r[0]).slice(0, 3)).toEqual(["IIT", "ตัวชี้วัดที่ 1", "I1"]);
    // The matrix itself ends with its statistics: no key or chart rows under it.
    expect(rows).toHaveLength(3 + 4);
    const cf = (
      ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }
    ).conditionalFormattings;
    expect(cf[0].rules[0].type).toBe("colorScale");
    expect(cf[0].ref).toBe(`B4:${colLetter(header.length)}6`);
    // Red under the pass mark, yellow at it, green at 100: 84.33 and 86.40 never look alike.
    expect((cf[0].rules[0] as unknown as { cfvo: unknown[] }).cfvo).toEqual([
      { type: "num", value: 84.99 },
      { type: "num", value: 85 },
      { type: "num", value: 100 },
    ]);
  });

  it("adds a bar chart of the indicator averages", async () => {
    const { unzipSync, strFromU8 } = await import("fflate");
    const files = unzipSync(new Uint8Array(await fs.readFile(summary)));
    const chart = strFromU8(files["xl/charts/chart1.xml"]);
    expect(chart).toContain("<c:barChart>");
    expect(chart).toMatch(/'ITA ค่าเฉลี่ยตัวชี้วัด'!\$A\$4:\$A\$13/);
    // On the indicator sheet (the third), beside its table.
    expect(strFromU8(files["xl/worksheets/sheet3.xml"])).toContain("<drawing r:id=");
    // Rows of one line are as tall as a 16 pt line (LibreOffice printed 16 pt text in 15 pt rows).
    const fmt = /<sheetFormatPr defaultRowHeight="([\d.]+)"/.exec(
      strFromU8(files["xl/worksheets/sheet1.xml"])
    )!;
    expect(Number(fmt[1])).toBeGreaterThanOrEqual(16 * 1.6);
  });

  it("lists flagged items worst first, the measures digest and every unit's status", async () => {
    const wb = await loadSummary(summary);
    const all = dataRows(wb.getWorksheet(SUMMARY_SHEETS.flagged)!);
    // Every score under 85, worst first, with how far under: the scores set above and the synthetic
    // districts' own (Phra Nakhon's I22 72.31; Dusit's I22 73.25 and E9 84.63); then what the unit
    // did for the item's measure group, by the report's numbers, counted from its results: Phra
    // Nakhon's E1 results are the synthetic restatements of E1's three measures (its measures cell
    // was replaced, its results were not); Chom Thong's I21 results are its 2nd to 4th measures.
    // One row each, the unit by its short name beside its code (the texts are the measures sheet's),
    // and the note of where the texts are.
    expect(all).toHaveLength(6 + 1);
    expect(all.slice(0, 6).map((r) => r.slice(0, 6))).toEqual([
      ["พระนคร", "1001", "E1", 70, 15, "ได้ดำเนินการตามมาตรการ 6.1, 6.2 และ 6.3"],
      ["พระนคร", "1001", "I22", 72.31, 12.69, "ไม่ได้ระบุมาตรการหรือผลการดำเนินการของข้อนี้"],
      ["ดุสิต", "1002", "I22", 73.25, 11.75, "ได้ดำเนินการตามมาตรการ 5.1, 5.2, 5.3, 5.4 และ 5.5"],
      // Its I1 cell is empty (its measures and results are under I2–I4): said where, so that it is
      // not read as having acted on I1 itself.
      [
        "ดุสิต",
        "1002",
        "I1",
        80,
        5,
        "ข้อ I1 ไม่ได้ระบุผลการดำเนินการ แต่ในข้อ I2–I4 ได้ดำเนินการตามมาตรการ 1.1, 1.2, 1.3, 1.4 และ 1.5",
      ],
      ["จอมทอง", "1035", "I22", 82.01, 2.99, "ได้ดำเนินการตามมาตรการ 5.2, 5.3 และ 5.4"],
      ["ดุสิต", "1002", "E9", 84.63, 0.37, "ได้ดำเนินการตามมาตรการ 7.3"],
    ]);
    expect(all[6][0]).toMatch(/ข้อความของแต่ละหน่วยงานอยู่ในชีต ITA สรุปมาตรการ/);
    const measuresWs = wb.getWorksheet(SUMMARY_SHEETS.measures)!;
    const digest = dataRows(measuresWs);
    // The report's order: tool, indicator, measure group (I1–I4 once, not again under I2–I4).
    const at = (label: string) => digest.findIndex((r) => r[0] === label);
    const g1 = at("ข้อ I1–I4 · กรอกมาตรการหรือผล 3 หน่วยงาน");
    expect(at("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)")).toBeLessThan(g1);
    expect(at("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่")).toBeLessThan(g1);
    expect(g1).toBeLessThan(at("ข้อ I5 · กรอกมาตรการหรือผล 3 หน่วยงาน"));
    expect(digest.filter((r) => /^ข้อ I[234]\b/.test(String(r[0])))).toEqual([]);
    // The form's standard measures by the report's numbers, each with the units counted under it.
    const group = digest.slice(g1 + 1, at("ข้อ I5 · กรอกมาตรการหรือผล 3 หน่วยงาน"));
    expect(group.map((r) => r[0])).toEqual(["1.1", "1.2", "1.3", "1.4", "1.5"]);
    expect(group.map((r) => r[1])).toEqual(FY2567.byCode.get("I1")!.standardMeasures);
    expect(group[0][2]).toBe("3 หน่วยงาน: ทุกหน่วยงานที่ส่งรายงาน");
    // What prints ends before the units' own texts, which follow on screen.
    const texts = at(
      "ข้อความของแต่ละหน่วยงาน: แสดงบนจอและเก็บในไฟล์ ไม่อยู่ในส่วนที่พิมพ์ (ข้อความที่พิมพ์อยู่ในรายงาน Word)"
    );
    expect(texts).toBeGreaterThan(at("ข้อ O23–O30 · กรอกมาตรการหรือผล 3 หน่วยงาน"));
    const { unzipSync, strFromU8 } = await import("fflate");
    const book = strFromU8(
      unzipSync(new Uint8Array(await fs.readFile(summary)))["xl/workbook.xml"]
    );
    const k = wb.worksheets.findIndex((w) => w.name === SUMMARY_SHEETS.measures);
    const area = new RegExp(
      `<definedName name="_xlnm.Print_Area" localSheetId="${k}">[^<]*!\\$A\\$3:\\$D\\$(\\d+)<`
    ).exec(book);
    // The last printed row is the row before the texts' heading (data rows begin at row 4).
    expect(Number(area![1])).toBe(4 + texts - 1);
    expect(digest[texts + 1]).toEqual([
      "หน่วยงาน",
      "มาตรการ/กิจกรรมที่ดำเนินการ",
      "ผลการดำเนินการ",
      "หลักฐาน",
    ]);
    const t1 = digest.findIndex((r, i) => i > texts && r[0] === "ข้อ I1–I4");
    // Each unit's text once (a long one goes on in rows marked "(ต่อ)").
    const t2 = digest.findIndex((r, i) => i > t1 && r[0] === "ข้อ I5");
    const units = digest.slice(t1 + 1, t2).filter((r) => !String(r[0]).endsWith("(ต่อ)"));
    expect(units.map((r) => r[0])).toEqual(["พระนคร", "ดุสิต", "จอมทอง"]);
    expect(units[0][1]).toMatch(/^1\. เผยแพร่ประชาสัมพันธ์คู่มือ/);
    expect(units[2][2]).toMatch(/^1\. ดำเนินการประชาสัมพันธ์คู่มือ/);
    // Text that starts with "=" arrives as text, never as a formula.
    let formulaCells = 0;
    let eqText = "";
    wb.eachSheet((s) =>
      s.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulaCells++;
          if (typeof cell.value === "string" && cell.value.startsWith("=SUM")) eqText = cell.value;
        })
      )
    );
    expect(formulaCells).toBe(0);
    expect(eqText).toContain("ข้อความที่ขึ้นต้นด้วยเครื่องหมายเท่ากับ");
    const status = dataRows(wb.getWorksheet(SUMMARY_SHEETS.status)!);
    expect(status).toHaveLength(50);
    expect(status.filter((r) => String(r[2]).startsWith("ได้รับแล้ว"))).toHaveLength(3);
    expect(status.find((r) => r[0] === "1035")!.slice(2, 9)).toEqual([
      "ได้รับแล้ว",
      "a.xlsx",
      "ITA 2567 รอบ 6",
      "2567.1",
      6,
      0,
      5,
    ]);
  });

  it("never modifies the district files", async () => {
    expect(await Promise.all(files.map(sha))).toEqual(before);
  });
});

describe("merge: units and duplicates", () => {
  it("matches units by code, Thai name with or without เขต, or English name", async () => {
    const dir = await tmpDir();
    const names = ["เขตดุสิต", "พระนคร", "Bang Kapi", "1035"];
    const codes = ["1002", "1001", "1006", "1035"];
    for (const [i, name] of names.entries()) {
      const r = districtReport(codes[i]);
      r.unit = name;
      r.unitCode = null;
      await writeDistrict(dir, `${i}.xlsx`, r);
    }
    const res = await run("merge", dir, "-o", path.join(dir, "s.xlsx"), "--json");
    expect(JSON.parse(res.out).merged.map((m: { unitCode: string }) => m.unitCode)).toEqual([
      "1001",
      "1002",
      "1006",
      "1035",
    ]);
  });

  it("reports two files for the same unit and round saved at the same time instead of merging them", async () => {
    const dir = await tmpDir();
    // Saved at the same time (the files give no time of their own): which one is meant is unclear.
    // The two copies differ (their preparers): the same content twice is one file, read once.
    const same = new Date("2026-11-03T02:00:00Z");
    for (const [f, preparer] of [
      ["ct-1.xlsx", "นายหนึ่ง ทดสอบ"],
      ["ct-2.xlsx", "นายสอง ทดสอบ"],
    ])
      await fs.utimes(
        await writeDistrict(dir, f, { ...districtReport("1035"), preparer }),
        same,
        same
      );
    await writeDistrict(dir, "dusit.xlsx", districtReport("1002"));
    // Another period's report of the same unit is not a copy: it is refused for its period.
    await writeDistrict(dir, "ct-12.xlsx", { ...districtReport("1035"), round: 12 });
    const res = await run(
      "merge",
      dir,
      "-o",
      path.join(dir, "s.xlsx"),
      "--expect",
      "none",
      "--json"
    );
    expect(res.code).toBe(3);
    const json = JSON.parse(res.out);
    expect(json.duplicates).toEqual(["สำนักงานเขตจอมทอง"]);
    expect(
      json.merged.map((m: { file: string; round: number }) => [path.basename(m.file), m.round])
    ).toEqual([["dusit.xlsx", 6]]);
    expect(json.rejected.map((r: { file: string }) => path.basename(r.file)).sort()).toEqual([
      "ct-1.xlsx",
      "ct-12.xlsx",
      "ct-2.xlsx",
    ]);
    const reason = (name: string) =>
      json.rejected.find((r: { file: string }) => path.basename(r.file) === name).reason;
    expect(reason("ct-1.xlsx").th).toMatch(/^ซ้ำ/);
    expect(reason("ct-12.xlsx").th).toBe(
      'ชีต "ITA 2567 รอบ 12": ไฟล์นี้เป็นปี 2567 รอบ 12 เดือน แต่การรวมนี้เป็นปี 2567 รอบ 6 เดือน จึงไม่นำมารวม'
    );
  });
});

describe("merge: a blank form", () => {
  it("is refused as a blank form, not counted as the unit's report; a form with a measure typed is merged", async () => {
    const dir = await tmpDir();
    const blank = (code: string) => {
      const r = districtReport(code);
      return {
        ...r,
        items: r.items.map((it) => ({
          ...it,
          score: null,
          measures: "",
          results: "",
          evidence: "",
        })),
      };
    };
    await writeDistrict(dir, "dusit.xlsx", districtReport("1002"));
    await writeDistrict(dir, "bang-khae.xlsx", blank("1040"));
    // "-" filled in where nothing was done says nothing: still blank.
    const dashes = blank("1001");
    dashes.items[0] = { ...dashes.items[0], measures: "-", results: "ไม่มี" };
    await writeDistrict(dir, "phra-nakhon.xlsx", dashes);
    // One measure typed, the scores not yet: the unit's own work, merged (with its errors).
    const started = blank("1006");
    started.items[0] = { ...started.items[0], measures: "1. จัดประชุมชี้แจงเจ้าหน้าที่" };
    await writeDistrict(dir, "bang-kapi.xlsx", started);
    const merge = (...more: string[]) =>
      run("merge", dir, "-o", path.join(dir, "s.xlsx"), "--expect", "none", ...more);
    const json = JSON.parse((await merge("--json")).out);
    expect(json.merged.map((m: { file: string }) => path.basename(m.file)).sort()).toEqual([
      "bang-kapi.xlsx",
      "dusit.xlsx",
    ]);
    const rejected = json.rejected.map(
      (r: { file: string; reason: { th: string; en: string } }) => [
        path.basename(r.file),
        r.reason.en,
      ]
    );
    // The console names the merged file with errors, its first error by cell.
    const human = await merge();
    expect(human.out.split("\n").filter((l) => l.includes("merged with errors"))).toEqual([
      "  รวมแล้วแต่มีข้อผิดพลาด / merged with errors  bang-kapi.xlsx (สำนักงานเขตบางกะปิ): 42 จุด / 42 errors — B13: ข้อ I1: ยังไม่ได้กรอกคะแนน / I1: the score is empty … (ดูชีต ITA สถานะการส่ง / see the sheet ITA สถานะการส่ง)",
    ]);
    expect(rejected.sort()).toEqual([
      [
        "bang-khae.xlsx",
        'sheet "ITA 2567 รอบ 6": nothing is filled in (no score, measure, result or evidence in any item): a blank form, not merged',
      ],
      [
        "phra-nakhon.xlsx",
        'sheet "ITA 2567 รอบ 6": nothing is filled in (no score, measure, result or evidence in any item): a blank form, not merged',
      ],
    ]);
  });
});

describe("merge: hostile and edited district files", () => {
  let dir: string;
  let base: string;
  beforeAll(async () => {
    dir = await tmpDir();
    base = await writeDistrict(dir, "base.xlsx", districtReport("1035"));
  });

  const readOne = async (f: string) =>
    readFormsFromBytes(f, await readFileBytes(f), { inflate: nodeInflate })[0];

  it("reads rows inserted, deleted and moved", async () => {
    const f = await editWorkbook(base, path.join(dir, "rows.xlsx"), (ws) => {
      const r5 = itemRow(ws, "I5");
      ws.spliceRows(r5, 0, ["", "แทรก"], ["", "แทรก"]);
      // The last item's row (ExcelJS does not move merged areas below a deleted row, Excel does).
      ws.spliceRows(itemRow(ws, "O23 – O30"), 1);
    });
    const form = await readOne(f);
    expect(form.items.find((i) => i.code === "I5")!.score).toBe(96.11);
    expect(form.problems.map((p) => [p.kind, p.code])).toEqual([["missing-item", "O23-O30"]]);
    const merged = mergeForms(await readSubmissions([f]), {
      formDef: FY2567,
      expect: "none",
    });
    expect(
      merged.merged[0].validation.issues.some(
        (i) => i.rule === "form.item-missing" && i.code === "O23-O30"
      )
    ).toBe(true);
  });

  it("reads scores as text, Thai digits and formula results; NFD text arrives as NFC; long text is cut to what Excel holds", async () => {
    const long = "ก".repeat(40000);
    // Items whose measures cells start empty, one cell each, as a district types into them.
    const report = districtReport("1035");
    for (const it of report.items)
      if (["I8", "I9"].includes(it.code)) Object.assign(it, { measures: "", results: "" });
    const emptied = await writeDistrict(dir, "emptied.xlsx", report);
    const f = await editWorkbook(emptied, path.join(dir, "values.xlsx"), (ws) => {
      const score = colOf("score");
      ws.getCell(`${score}${itemRow(ws, "I1")}`).value = "๙๖.๓๑";
      ws.getCell(`${score}${itemRow(ws, "I2")}`).value = "96.86 คะแนน";
      ws.getCell(`${score}${itemRow(ws, "I3")}`).value = { formula: "90+6.17", result: 96.17 };
      ws.getCell(`${colOf("measures")}${itemRow(ws, "I8")}`).value = "จัดประชุมชี้แจง".normalize("NFD");
      ws.getCell(`${colOf("results")}${itemRow(ws, "I8")}`).value = long;
      ws.getCell(`${colOf("measures")}${itemRow(ws, "I9")}`).value = "@cmd|' /C calc'!A0";
    });
    const form = await readOne(f);
    expect(form.items.slice(0, 3).map((i) => i.score)).toEqual([96.31, 96.86, 96.17]);
    expect(form.items.find((i) => i.code === "I8")!.measures).toBe("จัดประชุมชี้แจง".normalize("NFC"));
    const r = mergeForms(await readSubmissions([f]), { formDef: FY2567, expect: "none" });
    const digest = buildSummary(r).find((s) => s.name === SUMMARY_SHEETS.measures)!;
    const group = digest.rows.findIndex((x) => x.cells[1] === "จัดประชุมชี้แจง".normalize("NFC"));
    expect(group).toBeGreaterThan(0);
    const results = String(digest.rows[group].cells[2]);
    expect(results.startsWith("กกก")).toBe(true);
    expect(results.length).toBeLessThan(32767);
    expect(digest.rows.some((x) => x.cells[1] === "@cmd|' /C calc'!A0")).toBe(true);
  });
});
