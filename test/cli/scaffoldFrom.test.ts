import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { promises as fs } from "fs";
import path from "path";
import { metaFromReport, renderForm } from "../../src/domain";
import { writeFormWorkbook } from "../../src/xlsx/write/writeForm";
import { FY2567 } from "../forms";
import { runCli, SAMPLE_RESULTS_CELLS, sampleReport, tmpDir } from "../helpers";
import { tinyPng } from "../png";

const SAMPLE_JSON = path.join(__dirname, "../../samples/chom-thong-2567-r6.json");

/**
 * Another program's edit: the cell's XML replaced by an inline string in the first worksheet (the
 * form sheet), everything else of the package left as it is.
 */
async function editCell(file: string, out: string, cell: string, text: string): Promise<void> {
  const parts = unzipSync(new Uint8Array(await fs.readFile(file)));
  const name = "xl/worksheets/sheet1.xml";
  const xml = strFromU8(parts[name]);
  const re = new RegExp(`<c r="${cell}"([^>]*?)(/>|>[\\s\\S]*?</c>)`);
  const m = re.exec(xml);
  if (!m) throw new Error(`no cell ${cell}`);
  const style = / s="\d+"/.exec(m[1])?.[0] ?? "";
  parts[name] = strToU8(
    xml.replace(re, `<c r="${cell}"${style} t="inlineStr"><is><t>${text}</t></is></c>`)
  );
  await fs.writeFile(out, zipSync(parts));
}

type Issue = { rule: string; code: string; cell: string; message: { th: string; en: string } };
const carriedCodes = (issues: Issue[]) =>
  issues.filter((i) => i.rule === "results.carried").map((i) => i.code);

const CARRIED = SAMPLE_RESULTS_CELLS;

describe("ita scaffold --from an earlier report", () => {
  let dir: string;
  let r6: string;
  beforeAll(async () => {
    dir = await tmpDir();
    r6 = path.join(dir, "chom-thong-r6.xlsx");
    expect((await runCli("scaffold", "-o", r6, "--from", SAMPLE_JSON)).code).toBe(0);
  });

  it("round 6 → round 12 → next year's round 6: scores, texts, period and the carried-text warnings", async () => {
    const before = await fs.readFile(r6);
    const r12 = path.join(dir, "r12.xlsx");
    const made = await runCli("scaffold", "--from", r6, "--round", "12", "-o", r12);
    expect(made.code).toBe(0);
    expect(made.err.split("\n").slice(0, 4)).toEqual([
      'เริ่มจาก chom-thong-r6.xlsx (ชีต "ITA 2567 รอบ 6"): สำนักงานเขตจอมทอง ปีงบประมาณ 2567 รอบ 6 เดือน → รายงานใหม่ปีงบประมาณ 2567 รอบ 12 เดือน',
      'Starting from chom-thong-r6.xlsx (sheet "ITA 2567 รอบ 6"): Chom Thong, fiscal year 2567, 6-month round → new report of fiscal year 2567, 12-month round',
      "ยกมา: คะแนน 42 ข้อ ประเด็น มาตรการ ผลการดำเนินงาน และหลักฐาน — เพิ่มผลที่ดำเนินการหลังรายงานรอบ 6 เดือน",
      "Carried: 42 scores, issues, measures, results, evidence — add what was done after the 6-month report",
    ]);
    expect(made.out).toBe(
      `เขียนแบบรายงานแล้ว / Form written: ${r12} (sheet "ITA 2567 รอบ 12", bkk-district-ita 2567.1, 42 items)\n`
    );
    // The earlier report is only read.
    expect((await fs.readFile(r6)).equals(before)).toBe(true);

    const a = JSON.parse((await runCli("read", r6)).out);
    const b = JSON.parse((await runCli("read", r12)).out);
    expect([b.unit, b.unitCode, b.fiscalYear, b.round, b.passMark]).toEqual([
      "สำนักงานเขตจอมทอง",
      "1035",
      2567,
      12,
      85,
    ]);
    expect(b.items).toHaveLength(42);
    type It = { code: string; score: number | null; measures: string; results: string };
    const i22 = b.items.find((i: It) => i.code === "I22");
    expect(i22.score).toBe(82.01);
    expect(b.items.filter((i: It) => i.score === null)).toEqual([]);
    // Every score, measure and result as the 6-month report has it, item by item.
    const pick = (j: { items: (It & { evidence: string; sharedWith?: string[] })[] }) =>
      j.items.map((i) => [i.code, i.score, i.measures, i.results, i.evidence, i.sharedWith ?? []]);
    expect(pick(b)).toEqual(pick(a));

    // Validating: a warning on each results cell still word for word the 6-month report's.
    const v = JSON.parse((await runCli("validate", r12, "--json")).out);
    expect(carriedCodes(v.issues)).toEqual(CARRIED);
    expect(v.issues.find((i: Issue) => i.code === "I5" && i.rule === "results.carried")).toEqual({
      code: "I5",
      cell: "F20",
      rule: "results.carried",
      severity: "warning",
      message: {
        th: "ข้อ I5: ผลการดำเนินงานยังเหมือนรายงานรอบ 6 เดือน — เพิ่มผลที่ดำเนินการหลังจากนั้น",
        en: "I5: Results unchanged since the 6-month report — add what was done after it",
      },
    });
    expect(v.ok).toBe(true);

    // Another program changes I5's results: that cell's warning alone is gone.
    const edited = path.join(dir, "r12-edited.xlsx");
    await editCell(r12, edited, "F20", "จัดอบรมเพิ่ม 2 ครั้ง ผู้เข้าร่วม 40 คน (เมษายน–กันยายน)");
    const v2 = JSON.parse((await runCli("validate", edited, "--json")).out);
    expect(carriedCodes(v2.issues)).toEqual(CARRIED.filter((c) => c !== "I5"));

    // The merge counts the groups with new results since round 6 (I5's), per unit.
    const merged = await runCli(
      "merge",
      edited,
      "-o",
      path.join(dir, "summary.xlsx"),
      "--expect",
      "none",
      "--json"
    );
    expect(JSON.parse(merged.out).merged[0].sinceRound6).toEqual({
      newGroups: 1,
      unchangedGroups: 23,
    });

    // Next year's round 6 from the 12-month report, with this year's scores from a list.
    const scores = path.join(dir, "new.csv");
    await fs.writeFile(scores, "code,score\nI1,97.50\nI22,88.10\nO1-O22,100\n");
    const next = path.join(dir, "next.xlsx");
    const n = await runCli("scaffold", "--from", edited, "--scores", scores, "-o", next);
    expect(n.code).toBe(0);
    expect(n.err).toContain(
      "ปีงบประมาณใหม่: ยกหน่วยงาน ประเด็น และมาตรการมาเป็นแผนเริ่มต้น ผลการดำเนินงาน หลักฐาน และผู้จัดทำเว้นว่าง (งานของปีก่อนไม่ใช่งานของปีนี้)\n"
    );
    expect(n.err).toContain("3 scores from new.csv\n");
    const c = JSON.parse((await runCli("read", next)).out);
    expect([c.fiscalYear, c.round, c.unitCode, c.preparer]).toEqual([2568, 6, "1035", ""]);
    expect(c.items.filter((i: It) => i.score !== null).map((i: It) => [i.code, i.score])).toEqual([
      ["I1", 97.5],
      ["I22", 88.1],
      ["O1-O22", 100],
    ]);
    expect(c.items.filter((i: It) => i.results !== "")).toEqual([]);
    expect(c.items.find((i: It) => i.code === "I5").measures).toBe(
      a.items.find((i: It) => i.code === "I5").measures
    );
    // Nothing carried into results: no carried-results warning in the new year.
    const v3 = JSON.parse((await runCli("validate", next, "--json")).out);
    expect(carriedCodes(v3.issues)).toEqual([]);
  });

  it("carries photos when asked (--photos), and says how many are left behind otherwise", async () => {
    const report = sampleReport();
    const model = renderForm(FY2567, metaFromReport(report), report);
    const withPhotos = path.join(dir, "r6-photos.xlsx");
    // Two photos in I5's evidence cell (G20), one in E14's.
    await writeFormWorkbook(withPhotos, model, [
      {
        cell: "G20",
        images: [
          { bytes: tinyPng(40, 30), format: "png" },
          { bytes: tinyPng(30, 40), format: "png" },
        ],
      },
      { cell: "G96", images: [{ bytes: tinyPng(20, 20), format: "png" }] },
    ]);
    const photosOf = async (file: string) =>
      Object.fromEntries(
        JSON.parse((await runCli("read", file)).out)
          .items.filter((i: { photos: number }) => i.photos > 0)
          .map((i: { code: string; photos: number }) => [i.code, i.photos])
      );
    expect(await photosOf(withPhotos)).toEqual({ I5: 2, E14: 1 });

    const plain = path.join(dir, "r12-no-photos.xlsx");
    const r = await runCli("scaffold", "--from", withPhotos, "-o", plain);
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      "รายงานเดิมมีภาพกิจกรรม 3 ภาพ: ไม่ได้ยกมา (เพิ่ม --photos เพื่อยกมาด้วย)\nThe earlier report has 3 photos: not carried (add --photos to carry them)\n"
    );
    expect(await photosOf(plain)).toEqual({});

    const carried = path.join(dir, "r12-photos.xlsx");
    const p = await runCli("scaffold", "--from", withPhotos, "--photos", "-o", carried);
    expect(p.code).toBe(0);
    expect(p.err).toContain("ยกภาพกิจกรรมมา 3 ภาพ\n3 photos carried\n");
    expect(await photosOf(carried)).toEqual({ I5: 2, E14: 1 });
  });

  it.each([
    [
      "picture.png",
      () => tinyPng(8, 8),
      "ข้อผิดพลาด: ไฟล์ picture.png เป็นไฟล์รูปภาพ ไม่ใช่รายงานของหน่วยงาน: --from ต้องเป็นรายงานครั้งก่อน (.xlsx) รายงาน JSON หรือรายการคะแนน (ข้อความ)\nError: picture.png is a picture, not a unit's report: --from takes an earlier report (.xlsx), a report JSON or a scores list (text)\n",
    ],
    [
      "report.pdf",
      () => Buffer.from("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n\u0000\u0001", "latin1"),
      "ข้อผิดพลาด: ไฟล์ report.pdf เป็นไฟล์ PDF ไม่ใช่รายงานของหน่วยงาน: --from ต้องเป็นรายงานครั้งก่อน (.xlsx) รายงาน JSON หรือรายการคะแนน (ข้อความ)\nError: report.pdf is a PDF file, not a unit's report: --from takes an earlier report (.xlsx), a report JSON or a scores list (text)\n",
    ],
    [
      "data.bin",
      () => Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff, 0x10, 0x80, 0x00]),
      "ข้อผิดพลาด: ไฟล์ data.bin เป็นไฟล์ไบนารีที่ไม่ใช่สมุดงาน Excel ไม่ใช่รายงานของหน่วยงาน: --from ต้องเป็นรายงานครั้งก่อน (.xlsx) รายงาน JSON หรือรายการคะแนน (ข้อความ)\nError: data.bin is a binary file that is not an Excel workbook, not a unit's report: --from takes an earlier report (.xlsx), a report JSON or a scores list (text)\n",
    ],
  ])("refuses --from %s in one line, exit 2, never its bytes", async (name, bytes, message) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, bytes());
    const out = path.join(dir, `from-${name}.xlsx`);
    const r = await runCli("scaffold", "--from", file, "-o", out);
    expect([r.code, r.out, r.err]).toEqual([2, "", message]);
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it("refuses a merge summary, a form book and another workbook by what they are", async () => {
    const summary = path.join(dir, "summary-r6.xlsx");
    await runCli("merge", r6, "-o", summary, "--expect", "none", "--json");
    const book = path.join(dir, "form-book.xlsx");
    await runCli("form", "export", "-o", book);
    const other = path.join(dir, "budget.xlsx");
    await writeFormWorkbook(other, {
      ...renderForm(FY2567, metaFromReport(sampleReport())),
      // A sheet with the form's cells but no header row: a spreadsheet that is not a report.
      values: [["งบประมาณ", 100]],
      rowCount: 1,
      colCount: 2,
      merges: [],
      styles: [],
      rowHeights: [{ pt: 20, fixed: false }],
      validations: [],
      conditionalFormats: [],
      print: {
        ...renderForm(FY2567, metaFromReport(sampleReport())).print,
        area: { r1: 1, c1: 1, r2: 1, c2: 2 },
        breaksBefore: [],
        titleRows: { first: 1, last: 1 },
      },
      name: "งบ",
      metadata: [],
    });
    const cases: [string, string][] = [
      [
        summary,
        "ข้อผิดพลาด: ไฟล์ summary-r6.xlsx เป็นไฟล์สรุปของส่วนกลางที่ ita merge เขียน ไม่ใช่รายงานของหน่วยงาน: ระบุไฟล์รายงานครั้งก่อนของหน่วยงานเอง (ไฟล์ที่หน่วยงานส่ง)\nError: summary-r6.xlsx is a central summary written by ita merge, not a unit's report: give the unit's own earlier report (the file the unit sent)\n",
      ],
      [
        book,
        "ข้อผิดพลาด: ไฟล์ form-book.xlsx เป็นสมุดงานแบบฟอร์ม (ita form export) ไม่ใช่รายงานของหน่วยงาน: ระบุไฟล์ Excel (.xlsx) ของรายงานครั้งก่อนของหน่วยงาน\nError: form-book.xlsx is a form book (ita form export), not a unit's report: give the unit's earlier report as its Excel file (.xlsx)\n",
      ],
      [
        other,
        'ข้อผิดพลาด: ไฟล์ budget.xlsx เป็นสมุดงาน Excel ที่ไม่มีชีตแบบรายงาน ITA (ชีตที่พบ: "งบ") ไม่ใช่รายงานของหน่วยงาน: ระบุไฟล์ Excel (.xlsx) ของรายงานครั้งก่อนของหน่วยงาน\nError: budget.xlsx is a workbook with no ITA report sheet (sheets found: "งบ"), not a unit\'s report: give the unit\'s earlier report as its Excel file (.xlsx)\n',
      ],
    ];
    for (const [file, message] of cases) {
      const out = path.join(dir, "refused.xlsx");
      const r = await runCli("scaffold", "--from", file, "-o", out);
      expect([path.basename(file), r.code, r.out, r.err]).toEqual([
        path.basename(file),
        2,
        "",
        message,
      ]);
      await expect(fs.stat(out)).rejects.toThrow();
    }
  });

  it("refuses a binary or non-UTF-8 scores list by name, and writing over the earlier report", async () => {
    const png = path.join(dir, "scores.png");
    await fs.writeFile(png, tinyPng(4, 4));
    const tis = path.join(dir, "scores-tis.csv");
    // "I1,90" then Thai in TIS-620 (ก = 0xA1): text, but not UTF-8.
    await fs.writeFile(tis, Buffer.from([0x49, 0x31, 0x2c, 0x39, 0x30, 0x0a, 0xa1, 0xa2, 0x0a]));
    const out = path.join(dir, "never.xlsx");
    const a = await runCli("scaffold", "--from", r6, "--scores", png, "-o", out);
    expect([a.code, a.err.split("\n").slice(-3)]).toEqual([
      2,
      [
        "ข้อผิดพลาด: ไฟล์ scores.png เป็นไฟล์รูปภาพ ไม่ใช่ไฟล์ข้อความ: ต้องเป็นรายการคะแนน (ข้อความ เช่น CSV: I22,82.01 หนึ่งข้อต่อบรรทัด)",
        "Error: scores.png is a picture, not a text file: give a scores list (text such as CSV: I22,82.01, one item a line)",
        "",
      ],
    ]);
    const b = await runCli("scaffold", "--unit", "1035", "--from", tis, "-o", out);
    expect([b.code, b.err]).toEqual([
      2,
      "ข้อผิดพลาด: ไฟล์ scores-tis.csv ไม่ใช่ข้อความ UTF-8 (อาจบันทึกเป็น ANSI/TIS-620): บันทึกใหม่เป็น UTF-8 (ใน Excel เลือก CSV UTF-8) แล้วลองอีกครั้ง — ต้องเป็นรายงานครั้งก่อน (.xlsx) รายงาน JSON หรือรายการคะแนน (ข้อความ)\nError: scores-tis.csv is not UTF-8 text (saved as ANSI/TIS-620?): save it again as UTF-8 (in Excel, CSV UTF-8) and try again — give an earlier report (.xlsx), a report JSON or a scores list (text)\n",
    ]);
    await expect(fs.stat(out)).rejects.toThrow();
    const before = await fs.readFile(r6);
    const c = await runCli("scaffold", "--from", r6, "-o", r6);
    expect(c.code).toBe(2);
    expect(c.err).toContain("is the earlier report itself");
    expect((await fs.readFile(r6)).equals(before)).toBe(true);
  });

  it("refuses a period that is not after the earlier report's", async () => {
    const r = await runCli(
      "scaffold",
      "--from",
      r6,
      "--year",
      "2567",
      "--round",
      "6",
      "-o",
      path.join(dir, "same.xlsx")
    );
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "ข้อผิดพลาด: รายงานใหม่ต้องเป็นรอบหลังรายงานเดิม: chom-thong-r6.xlsx เป็นรายงานปีงบประมาณ 2567 รอบ 6 เดือน แต่รายงานใหม่ที่ระบุเป็นปีงบประมาณ 2567 รอบ 6 เดือน (รอบถัดไปคือปีงบประมาณ 2567 รอบ 12 เดือน)\nError: The new report must come after the earlier one: chom-thong-r6.xlsx is the report of fiscal year 2567, 6-month round, but the new report asked for is of fiscal year 2567, 6-month round (the next one is fiscal year 2567, 12-month round)\n"
    );
  });
});
