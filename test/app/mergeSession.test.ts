/**
 * The merge use case (src/app/mergeSession.ts), once for both shells: one period per merge, every file
 * accounted for, summaries and identical copies skipped, files of another form merged where their items
 * map. The same folder through `ita merge` gives the same answer.
 */
import { Document, Packer, Paragraph } from "docx";
import { promises as fs } from "fs";
import path from "path";
import { diskFile, expandInputs } from "../../src/cli/merge";
import { mergeRead, readUnitFiles, ReadSet } from "../../src/app/mergeSession";
import { loadFormDef, renderForm, metaFromReport, SUMMARY_SHEETS } from "../../src/domain";
import { nodeInflate } from "../../src/xlsx/nodeInflate";
import { readFormsFromBytes } from "../../src/xlsx";
import { writeFormWorkbook } from "../../src/xlsx/write/writeForm";
import { mappedFormDef } from "../forms";
import { runCli, tmpDir } from "../helpers";
import { districtReport, writeDistrict } from "../merge/districts";

const CURRENT = ["1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008", "1009", "1035"];
const LAST_YEAR = ["1001", "1002", "1003"];

async function readDir(dir: string): Promise<ReadSet> {
  const names = (await fs.readdir(dir)).sort();
  return readUnitFiles(
    names.map((n) => diskFile(path.join(dir, n))),
    { inflate: nodeInflate }
  );
}

const base = (f: string) => path.basename(f);

/** The summary's sheets of a merge without a comparison, in order. */
const SHEET_NAMES = [
  "ITA คะแนน",
  "ITA รหัสข้อ",
  "ITA ค่าเฉลี่ยตัวชี้วัด",
  "ITA ต่ำกว่าเกณฑ์",
  "ITA สรุปมาตรการ",
  "ITA สถานะการส่ง",
  "ITA_SUMMARY_DATA",
];

describe("one period per merge", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tmpDir();
    for (const code of CURRENT) await writeDistrict(dir, `${code}-2567.xlsx`, districtReport(code));
    // Last year's files of three districts, dropped in the same folder.
    for (const code of LAST_YEAR)
      await writeDistrict(dir, `${code}-2566.xlsx`, { ...districtReport(code), fiscalYear: 2566 });
  });

  it("merges the period most files give and refuses the others, naming both periods", async () => {
    const o = mergeRead(await readDir(dir), { expect: "districts" });
    const r = o.result;
    expect(r.period).toEqual({ fiscalYear: 2567, round: 6 });
    expect(r.periodAsked).toBe(false);
    expect(r.periodsFound).toEqual([
      { period: { fiscalYear: 2567, round: 6 }, count: 10 },
      { period: { fiscalYear: 2566, round: 6 }, count: 3 },
    ]);
    expect(r.merged.map((m) => base(m.file))).toEqual(CURRENT.map((c) => `${c}-2567.xlsx`));
    expect(r.rejected.map((x) => [base(x.file), x.reason.th, x.reason.en])).toEqual(
      LAST_YEAR.map((c) => [
        `${c}-2566.xlsx`,
        'ชีต "ITA 2566 รอบ 6": ไฟล์นี้เป็นปี 2566 รอบ 6 เดือน แต่การรวมนี้เป็นปี 2567 รอบ 6 เดือน จึงไม่นำมารวม',
        'sheet "ITA 2566 รอบ 6": this file is of fiscal year 2566, 6-month round, but this merge is of fiscal year 2567, 6-month round; not merged',
      ])
    );
    // Merged and missing never exceed the 50 districts expected.
    expect(r.merged.length + r.missing.length).toBe(50);
    expect(r.missing).toHaveLength(40);
    // The summary names one period.
    const scores = o.summary()!.find((s) => s.name === SUMMARY_SHEETS.scores)!;
    expect(scores.subtitle).toBe("ปีงบประมาณ 2567 รอบ 6 เดือน · เกณฑ์ผ่าน 85 · 10 หน่วยงาน");
  });

  it("gives the summary's work in steps, a measure group or a sheet each, and does it once", async () => {
    const o = mergeRead(await readDir(dir), { expect: "districts" });
    const seen: string[] = [];
    const steps = o.steps();
    for (let s = steps.next(); !s.done; s = steps.next()) seen.push(s.value.join("/"));
    // The form's 24 measure groups (I1–I4, I5, … O1–O22, O23–O30), then the 7 sheets (no
    // comparison), one step each.
    expect(seen).toEqual(Array.from({ length: 31 }, (_, i) => `${i + 1}/31`));
    // Kept: steps asked again have nothing left to do, and the summary is the sheets they built.
    expect(o.steps().next().done).toBe(true);
    expect(o.summary()!.map((s) => s.name)).toEqual(SHEET_NAMES);
  });

  it("gives the sheets one at a time, made when asked for and not kept, the same as the summary", async () => {
    const read = await readDir(dir);
    const streamed = mergeRead(read, { expect: "districts" });
    const kept = mergeRead(read, { expect: "districts" });
    const sheets = streamed.sheetsOneByOne()[Symbol.iterator]();
    const first = sheets.next().value!;
    expect(first.name).toBe("ITA คะแนน");
    expect(first).toEqual(kept.summary()![0]);
    const rest = [...{ [Symbol.iterator]: () => sheets }];
    expect(rest.map((s) => s.name)).toEqual(SHEET_NAMES.slice(1));
    expect(rest).toEqual(kept.summary()!.slice(1));
    // Not kept: asked again, each sheet is made again (another object); once `summary()` built
    // them, those are given.
    expect([...streamed.sheetsOneByOne()][0]).not.toBe(first);
    expect([...kept.sheetsOneByOne()][4]).toBe(kept.summary()![4]);
    // Nothing merged, nothing to give.
    const none = mergeRead(read, { expect: "districts", period: { fiscalYear: 2560, round: 6 } });
    expect(none.result.merged).toHaveLength(0);
    expect([...none.sheetsOneByOne()]).toEqual([]);
  });

  it("keeps of each sheet what a merge uses: no print measurement, which held the file's cells and bytes", async () => {
    const file = path.join(dir, "1001-2567.xlsx");
    // Read for checking, a sheet measures its print when asked (from the cells it holds) …
    const [checked] = readFormsFromBytes(file, await fs.readFile(file), { inflate: nodeInflate });
    expect(typeof Object.getOwnPropertyDescriptor(checked, "cutOffs")?.get).toBe("function");
    // … read for a merge (here, in this thread), it holds no such thing, and its texts are whole.
    const read = await readUnitFiles([diskFile(file)], { inflate: nodeInflate });
    const form = read.subs[0].form!;
    expect(Object.getOwnPropertyDescriptor(form, "cutOffs")).toBeUndefined();
    expect(form.items.find((i) => i.code === "I1")!.measures).toBe(
      checked.items.find((i) => i.code === "I1")!.measures
    );
    expect(form.items).toHaveLength(42);
  });

  it("merges the period the user asks for", async () => {
    const r = mergeRead(await readDir(dir), {
      expect: "districts",
      period: { fiscalYear: 2566, round: 6 },
    }).result;
    expect(r.period).toEqual({ fiscalYear: 2566, round: 6 });
    expect(r.periodAsked).toBe(true);
    expect(r.merged.map((m) => base(m.file))).toEqual(LAST_YEAR.map((c) => `${c}-2566.xlsx`));
    expect(r.rejected).toHaveLength(10);
    expect(r.rejected[0].reason.en).toBe(
      'sheet "ITA 2567 รอบ 6": this file is of fiscal year 2567, 6-month round, but this merge is of fiscal year 2566, 6-month round; not merged'
    );
  });

  it("says the latest of two periods as many files give is merged, not that most files give it", async () => {
    const d = await tmpDir();
    await writeDistrict(d, "1035-2567.xlsx", districtReport("1035"));
    await writeDistrict(d, "1002-2566.xlsx", { ...districtReport("1002"), fiscalYear: 2566 });
    const r = await runCli("merge", d, "-o", path.join(d, "s.xlsx"));
    expect(r.out.split("\n")[0]).toBe(
      "รอบที่รวม / period: ปีงบประมาณ 2567 รอบ 6 เดือน / fiscal year 2567, 6-month round (ล่าสุดในรอบที่มีไฟล์มากที่สุดเท่ากัน เลือกรอบอื่นได้ด้วย --year และ --round / the latest of the periods as many files give; choose another with --year and --round) · ไฟล์ของรอบอื่นไม่นำมารวม / files of other periods not merged: ปีงบประมาณ 2566 รอบ 6 เดือน (1)"
    );
    // "ita merge --help" is the help, not an unknown option.
    const h = await runCli("merge", "--help");
    expect([h.code, h.out.includes("--year 2567 --round 6|12")]).toEqual([0, true]);
  });

  it("gives the same answer through ita merge, with and without --year and --round", async () => {
    const out = path.join(await tmpDir(), "s.xlsx");
    const plain = await runCli("merge", dir, "-o", out, "--json");
    expect(plain.code).toBe(3);
    const j = JSON.parse(plain.out);
    expect(j.period).toEqual({ fiscalYear: 2567, round: 6 });
    expect(j.periodChosenBy).toBe("most files");
    expect(j.merged.map((m: { file: string }) => base(m.file))).toEqual(
      CURRENT.map((c) => `${c}-2567.xlsx`)
    );
    expect(j.rejected.map((x: { file: string }) => base(x.file))).toEqual(
      LAST_YEAR.map((c) => `${c}-2566.xlsx`)
    );
    expect(j.missing).toHaveLength(40);
    const asked = await runCli("merge", dir, "-o", out, "--year", "2566", "--round", "6", "--json");
    const k = JSON.parse(asked.out);
    expect(k.period).toEqual({ fiscalYear: 2566, round: 6 });
    expect(k.periodChosenBy).toBe("option");
    expect(k.merged.map((m: { file: string }) => base(m.file))).toEqual(
      LAST_YEAR.map((c) => `${c}-2566.xlsx`)
    );
    const human = await runCli("merge", dir, "-o", out);
    expect(human.out.split("\n")[0]).toBe(
      "รอบที่รวม / period: ปีงบประมาณ 2567 รอบ 6 เดือน / fiscal year 2567, 6-month round (ที่ไฟล์ส่วนใหญ่ระบุ / the period most files give) · ไฟล์ของรอบอื่นไม่นำมารวม / files of other periods not merged: ปีงบประมาณ 2566 รอบ 6 เดือน (3)"
    );
    const half = await runCli("merge", dir, "-o", out, "--year", "2566");
    expect(half.code).toBe(2);
    expect(half.err).toContain(
      "Give the period to merge with both --year and --round (such as --year 2569 --round 6)"
    );
  });
});

describe("every file in a folder is accounted for", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tmpDir();
    await writeDistrict(dir, "1035.xlsx", districtReport("1035"));
    await fs.writeFile(path.join(dir, "notes.csv"), "ข้อ,คะแนน\nI1,96.31\n");
    const word = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph("รายงานผลการดำเนินการ")] }] })
    );
    await fs.writeFile(path.join(dir, "report.docx"), word);
    await fs.writeFile(path.join(dir, "scan.pdf"), "%PDF-1.4\n%âãÏÓ\n1 0 obj\n");
    await fs.writeFile(
      path.join(dir, "photo.jpg"),
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0])
    );
    // Office's lock file of an open workbook, and a hidden file: not files to read.
    await fs.writeFile(path.join(dir, "~$1035.xlsx"), "lock");
    await fs.writeFile(path.join(dir, ".DS_Store"), "x");
  });

  it("names each file that is not a workbook with its reason; lock and hidden files are ignored and counted", async () => {
    const out = path.join(await tmpDir(), "s.xlsx");
    const r = await runCli("merge", dir, "-o", out, "--json", "--expect", "none");
    expect(r.code).toBe(3);
    const j = JSON.parse(r.out);
    expect(j.merged.map((m: { file: string }) => base(m.file))).toEqual(["1035.xlsx"]);
    expect(
      j.rejected.map((x: { file: string; reason: { en: string } }) => [base(x.file), x.reason.en])
    ).toEqual([
      [
        "notes.csv",
        "notes.csv is a text file (such as CSV), not an Excel workbook (.xlsx): open it and save it as an Excel Workbook (.xlsx), then send it again",
      ],
      [
        "photo.jpg",
        "photo.jpg is a picture, not an Excel workbook (.xlsx): send the report's Excel file (.xlsx)",
      ],
      [
        "report.docx",
        "report.docx is a Word document (.docx), not an Excel workbook (.xlsx): send the report's Excel form (.xlsx), not the Word or PDF report",
      ],
      [
        "scan.pdf",
        "scan.pdf is a PDF file, not an Excel workbook (.xlsx): send the report's Excel form (.xlsx), not the Word or PDF report",
      ],
    ]);
    expect(j.ignored.map((x: { file: string; kind: string }) => [base(x.file), x.kind])).toEqual([
      [".DS_Store", "hidden"],
      ["~$1035.xlsx", "lock"],
    ]);
    const human = await runCli("merge", dir, "-o", out, "--expect", "none");
    expect(human.out).toContain(
      "  ไม่อ่านไฟล์ล็อกของ Office / Office lock files not read: ~$1035.xlsx\n" +
        "  ไม่อ่านไฟล์ซ่อน (ชื่อขึ้นต้นด้วยจุด) / hidden files (names starting with a dot) not read: .DS_Store\n"
    );
  });

  it("takes a previous period's folder (--compare) as its files only, its subfolders not its units", async () => {
    const d = await tmpDir();
    await writeDistrict(d, "1035.xlsx", districtReport("1035"));
    await fs.mkdir(path.join(d, "backup"));
    await writeDistrict(path.join(d, "backup"), "1035-old.xlsx", districtReport("1035"));
    const prev = await expandInputs([d], false);
    expect(prev.files.map((f) => path.relative(d, f))).toEqual(["1035.xlsx"]);
    expect(prev.notRead).toEqual([]);
    const now = await expandInputs([d]);
    expect(now.files.map((f) => path.relative(d, f))).toEqual([
      "1035.xlsx",
      path.join("backup", "1035-old.xlsx"),
    ]);
  });

  it("says when a file named for one district holds another's report", async () => {
    const d = await tmpDir();
    await writeDistrict(d, "1010-มีนบุรี-ส่งแล้ว.xlsx", districtReport("1004"));
    const out = path.join(await tmpDir(), "s.xlsx");
    const r = await runCli("merge", d, "-o", out, "--expect", "districts");
    expect(r.out).toContain(
      "  ชื่อไฟล์ไม่ตรงกับรายงาน / file named for another unit  1010-มีนบุรี-ส่งแล้ว.xlsx: ชื่อไฟล์ระบุสำนักงานเขตมีนบุรี แต่รายงานในไฟล์เป็นของสำนักงานเขตบางรัก / the name gives Min Buri, but the report in it is Bang Rak's\n"
    );
    // Merged as what it says; the district its name gives is still missing.
    expect(r.out).toMatch(/ยังไม่ส่ง \/ missing: .*มีนบุรี/);
  });

  it("reads the units' folders one level down, as the library keeps them; names a deeper folder as not read", async () => {
    const d = await tmpDir();
    await writeDistrict(d, "1035.xlsx", districtReport("1035"));
    await fs.mkdir(path.join(d, "1002", "old"), { recursive: true });
    await writeDistrict(path.join(d, "1002"), "1002-2567-r6.xlsx", districtReport("1002"));
    await writeDistrict(path.join(d, "1002", "old"), "1002-2566.xlsx", districtReport("1002"));
    const out = path.join(await tmpDir(), "s.xlsx");
    const r = await runCli("merge", d, "-o", out, "--json", "--expect", "none");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.merged.map((m: { file: string }) => path.relative(d, m.file))).toEqual([
      path.join("1002", "1002-2567-r6.xlsx"),
      "1035.xlsx",
    ]);
    expect(j.notRead).toEqual([
      {
        file: path.join(d, "1002", "old"),
        reason: {
          th: "โฟลเดอร์ย่อยในโฟลเดอร์ของหน่วยงานไม่ถูกอ่าน ให้วางไฟล์รายงานไว้ในโฟลเดอร์ของหน่วยงานโดยตรง",
          en: "a folder inside a unit's folder is not read; put the report directly in the unit's folder",
        },
      },
    ]);
    const human = await runCli("merge", d, "-o", out, "--expect", "none");
    expect(human.out).toContain(
      `  ไม่อ่าน / not read  ${path.join(d, "1002", "old")}: โฟลเดอร์ย่อยในโฟลเดอร์ของหน่วยงานไม่ถูกอ่าน`
    );
  });

  it("skips a summary ita wrote in the folder, so the same merge runs again over its own output", async () => {
    const d = await tmpDir();
    await writeDistrict(d, "1035.xlsx", districtReport("1035"));
    await writeDistrict(d, "1002.xlsx", districtReport("1002"));
    const out = path.join(d, "summary.xlsx");
    const first = await runCli("merge", d, "-o", out, "--json", "--expect", "none");
    expect(first.code).toBe(0);
    const again = await runCli("merge", d, "-o", out, "--json", "--expect", "none");
    expect(again.code).toBe(0);
    const j = JSON.parse(again.out);
    expect(j.merged.map((m: { file: string }) => base(m.file))).toEqual(["1002.xlsx", "1035.xlsx"]);
    expect(j.skipped).toEqual([
      {
        file: out,
        kind: "summary",
        reason: {
          th: "เป็นไฟล์สรุปที่ ita เขียน (ผลการรวมครั้งก่อน) ไม่ใช่รายงานของหน่วยงาน จึงไม่นำมารวม",
          en: "a summary written by ita (an earlier merge's output), not a unit's report; not merged",
        },
      },
    ]);
    expect(j.output).toBe(out);
  });

  it("reads the same file given twice under two names once, and says so", async () => {
    const d = await tmpDir();
    const a = await writeDistrict(d, "1035.xlsx", districtReport("1035"));
    await fs.copyFile(a, path.join(d, "1035 (copy).xlsx"));
    const o = mergeRead(await readDir(d), { expect: "none" });
    expect(o.result.merged.map((m) => base(m.file))).toEqual(["1035 (copy).xlsx"]);
    expect(o.result.superseded).toEqual([]);
    expect(o.result.duplicates).toEqual([]);
    expect(o.skipped.map((s) => [base(s.file), s.kind, base(s.as!), s.reason.en])).toEqual([
      [
        "1035.xlsx",
        "same",
        "1035 (copy).xlsx",
        "the same file as 1035 (copy).xlsx (identical content), read once",
      ],
    ]);
  });
});

describe("files of another form", () => {
  it("are merged where the merged form maps their items, and refused naming both forms where it does not", async () => {
    const d = await tmpDir();
    const f2569 = loadFormDef(mappedFormDef(), "bkk-district-2569.json");
    // Chom Thong on the FY2569 form; Dusit still on the FY2567 form, which the FY2569 form continues.
    const ct = { ...districtReport("1035"), fiscalYear: 2569 };
    await writeFormWorkbook(
      path.join(d, "1035.xlsx"),
      renderForm(f2569, metaFromReport(ct), {
        ...ct,
        formVersion: "2569.1",
        items: f2569.items.map((it) => ({
          code: it.code,
          score:
            it.code === "I26"
              ? 88
              : (ct.items.find((x) => x.code === (it.code === "E16" ? "E15" : it.code))?.score ??
                null),
          issue: it.issue,
          measures: "",
          results: "",
          evidence: "",
        })),
      })
    );
    const dusit = { ...districtReport("1002"), fiscalYear: 2569 };
    await writeDistrict(d, "1002.xlsx", dusit);
    const o = mergeRead(await readDir(d), { expect: "none", form: f2569 });
    const r = o.result;
    expect(r.rejected).toEqual([]);
    expect(r.merged.map((m) => [base(m.file), m.mappedFrom])).toEqual([
      ["1002.xlsx", "bkk-district-ita 2567.1"],
      ["1035.xlsx", null],
    ]);
    // Dusit's E15 is the FY2569 form's E16; its I5 is both I5 and the new I26.
    const mapped = r.merged[0];
    const e15 = dusit.items.find((i) => i.code === "E15")!.score;
    const i5 = dusit.items.find((i) => i.code === "I5")!.score;
    expect(mapped.scores.get("E16")).toBe(e15);
    expect(mapped.scores.get("I26")).toBe(i5);
    expect(mapped.scores.has("E15")).toBe(false);

    // A form whose items the merged form does not map (another id): refused, naming both.
    const other = mappedFormDef();
    other.formId = "bkk-bureau-ita";
    delete other.previous;
    const otherForm = loadFormDef(other, "bureau.json");
    const bureau = { ...districtReport("1004"), fiscalYear: 2569 };
    await writeFormWorkbook(
      path.join(d, "1004.xlsx"),
      renderForm(otherForm, metaFromReport(bureau), {
        ...bureau,
        formId: "bkk-bureau-ita",
        formVersion: "2569.1",
        items: otherForm.items.map((it) => ({
          code: it.code,
          score: 90,
          issue: it.issue,
          measures: "",
          results: "",
          evidence: "",
        })),
      })
    );
    const again = mergeRead(await readDir(d), { expect: "none", form: f2569 }).result;
    expect(again.rejected.map((x) => [base(x.file), x.reason.en])).toEqual([
      [
        "1004.xlsx",
        'sheet "ITA 2569 รอบ 6" uses the form bkk-bureau-ita 2569.1, not the merged form (bkk-district-ita 2569.1), and the merged form does not say how that form\'s items continue; not merged — have the unit fill in the form bkk-district-ita 2569.1, or merge those files separately, by their own form',
      ],
    ]);
  });

  it("without a form given, merge by the form most files carry (a form no copy bundles, carried by its workbooks)", async () => {
    const d = await tmpDir();
    const f2569 = loadFormDef(mappedFormDef(), "bkk-district-2569.json");
    for (const code of ["1035", "1004"]) {
      const rep = { ...districtReport(code), fiscalYear: 2569 };
      await writeFormWorkbook(
        path.join(d, `${code}.xlsx`),
        renderForm(f2569, metaFromReport(rep), {
          ...rep,
          formVersion: "2569.1",
          items: f2569.items.map((it) => ({
            code: it.code,
            score: 90,
            issue: it.issue,
            measures: "",
            results: "",
            evidence: "",
          })),
        })
      );
    }
    await writeDistrict(d, "1002.xlsx", { ...districtReport("1002"), fiscalYear: 2569 });
    const o = mergeRead(await readDir(d), { expect: "none" });
    expect(o.form).toEqual({
      form: expect.objectContaining({ version: "2569.1" }),
      given: false,
      matching: 2,
      other: 1,
    });
    expect(o.result.merged.map((m) => [base(m.file), m.mappedFrom])).toEqual([
      ["1002.xlsx", "bkk-district-ita 2567.1"],
      ["1004.xlsx", null],
      ["1035.xlsx", null],
    ]);
    const cli = JSON.parse(
      (
        await runCli(
          "merge",
          d,
          "-o",
          path.join(await tmpDir(), "s.xlsx"),
          "--json",
          "--expect",
          "none"
        )
      ).out
    );
    expect(cli.form).toEqual({ id: "bkk-district-ita", version: "2569.1", given: false });
    expect(
      cli.merged.map((m: { file: string; mappedFrom?: string }) => [
        base(m.file),
        m.mappedFrom ?? null,
      ])
    ).toEqual([
      ["1002.xlsx", "bkk-district-ita 2567.1"],
      ["1004.xlsx", null],
      ["1035.xlsx", null],
    ]);
  });
});
