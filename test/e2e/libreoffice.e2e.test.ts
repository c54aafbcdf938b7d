import { execFileSync, spawnSync } from "child_process";
import { strFromU8, unzipSync } from "fflate";
import { existsSync, promises as fs } from "fs";
import os from "os";
import path from "path";
import { ARTIFACTS, ROOT } from "./support";
import { syntheticReport } from "../../src/domain/sampleData";
import {
  DEFAULT_FORM,
  DISTRICTS,
  metaFromReport,
  printedFontPt,
  renderForm,
  SUMMARY_SHEETS,
} from "../../src/domain";
import { reportSchema } from "../../src/domain/report";
import { writeFormWorkbook } from "../../src/xlsx/write/writeForm";

const ITA = path.join(ROOT, "bin", "ita.js");
const SAMPLE = path.join(ROOT, "samples", "chom-thong-2567-r6.json");
const ita = (...args: string[]) =>
  // `merge --json` of 50 districts says where each of the report's counts comes from: megabytes.
  execFileSync(process.execPath, [ITA, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

let dir: string;
let profile: string;

/** Convert files with LibreOffice headless (its own profile, so runs do not collide). */
function soffice(to: string, outDir: string, files: string[]): void {
  const r = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      to,
      "--outdir",
      outDir,
      ...files,
    ],
    { encoding: "utf8", timeout: 240000 }
  );
  // LibreOffice exits 0 without writing a file it could not load (a .docx where only Calc is
  // installed: "source file could not be loaded"): a missing output is named with its words.
  const ext = to.split(":")[0];
  const target = (f: string) => path.join(outDir, `${path.parse(f).name}.${ext}`);
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr || r.stdout}`);
  const missing = files.filter((f) => !existsSync(target(f)));
  if (missing.length)
    throw new Error(`soffice wrote no ${ext} for ${missing.join(", ")}: ${r.stderr || r.stdout}`);
}

/** Text compared without spaces and without Thai marks above/below the line, which PDF text extraction reorders. */
/** A score as the form prints it: two decimals, a whole score without ("100"). */
const printedScore = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

const squash = (s: string) =>
  s.normalize("NFC").replace(/[\s\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/g, "");

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ita-lo-"));
  profile = path.join(dir, "profile");
});

// The files made here (and LibreOffice's profile) are removed once the file has run.
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe("outputs in LibreOffice", () => {
  it("opens the scaffolded form and turns it into a PDF with the Thai item texts and scores", async () => {
    const form = path.join(dir, "form.xlsx");
    ita("scaffold", "-o", form, "--from", SAMPLE);
    soffice("pdf", dir, [form]);
    const text = execFileSync("pdftotext", [path.join(dir, "form.pdf"), "-"], { encoding: "utf8" });
    const s = squash(text);
    const report = JSON.parse(await fs.readFile(SAMPLE, "utf8")) as {
      items: { code: string; score: number }[];
    };
    const formDef = JSON.parse(ita("read", form)) as { items: { code: string }[] };
    expect(formDef.items).toHaveLength(42);
    // As the official form prints them: "(96.31 คะแนน)", "(95.80 คะแนน)", a whole score "(100 คะแนน)".
    for (const it of report.items)
      expect([it.code, s.includes(`(${printedScore(it.score)}คะแนน)`)]).toEqual([it.code, true]);
    for (const phrase of [
      "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน",
      "ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต",
      "สำนักงานเขตจอมทอง",
      "I22 ผู้บังคับบัญชาใน",
      "ประเด็นการประเมิน",
    ]) {
      expect([phrase, s.includes(squash(phrase))]).toEqual([phrase, true]);
    }
  });

  it("prints the official form, blank and filled: nothing clipped, A4 landscape, body text at 16 pt", async () => {
    const pages: Record<string, number> = {};
    for (const [name, args] of [
      ["blank", ["--unit", "1035"]],
      ["filled", ["--from", SAMPLE]],
    ] as const) {
      const form = path.join(dir, `print-${name}.xlsx`);
      ita("scaffold", "-o", form, ...args);
      // LibreOffice's own height for every cell and merged area with text, against what the rows give.
      const fit = JSON.parse(
        execFileSync("/usr/bin/python3", [path.join(__dirname, "lo", "fit.py"), form], {
          encoding: "utf8",
          timeout: 300000,
        })
      ) as { checked: number; clipped: { cell: string; need: number; have: number }[] };
      expect(fit.checked).toBeGreaterThan(100);
      expect([name, fit.clipped]).toEqual([name, []]);

      soffice("pdf", dir, [form]);
      const pdf = path.join(dir, `print-${name}.pdf`);
      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      pages[name] = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      // A4 landscape: 842 x 595 pt.
      const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
      expect([Math.round(Number(w)), Math.round(Number(h))]).toEqual([842, 595]);
      // Printed at full size: a body line of TH Sarabun New 16 pt is ~20 pt tall in the PDF
      // (shrunk to fit, as before, it was about half that).
      const bbox = execFileSync("pdftotext", ["-bbox", "-f", "2", "-l", "2", pdf, "-"], {
        encoding: "utf8",
      });
      const heights = [...bbox.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map(
        (m) => Number(m[2]) - Number(m[1])
      );
      heights.sort((a, b) => a - b);
      const median = heights[Math.floor(heights.length / 2)];
      expect(median).toBeGreaterThan(18);
    }
    // The filled form is longer than the blank one, and neither is shrunk onto a few pages.
    expect(pages.filled).toBeGreaterThan(pages.blank);
    expect(pages.blank).toBeGreaterThan(20);
  });

  it("a blank form typed by another program prints cut off, validate says where, and ita fit prints it whole", async () => {
    type Fit = { pages: number; fill: number[]; clipped: { cell: string }[] };
    const lo = (file: string): Fit =>
      JSON.parse(
        execFileSync("/usr/bin/python3", [path.join(__dirname, "lo", "fit.py"), file, "0+pages"], {
          encoding: "utf8",
          timeout: 300000,
        })
      );
    const mean = (f: Fit) =>
      Math.round((f.fill.reduce((a, b) => a + b, 0) / f.fill.length) * 1000) / 1000;
    const blank = path.join(dir, "typed-blank.xlsx");
    ita("scaffold", "-o", blank, "--unit", "1035", "--year", "2569", "--round", "12");
    // Chom Thong's report typed in by a program that writes cells and leaves row heights as they are.
    const read = path.join(dir, "typed-blank.json");
    await fs.writeFile(read, ita("read", blank));
    const edits = execFileSync(
      "python3",
      [path.join(__dirname, "lo", "report_edits.py"), SAMPLE, read],
      { encoding: "utf8" }
    );
    const editsFile = path.join(dir, "typed-edits.json");
    await fs.writeFile(editsFile, edits);
    const typed = path.join(dir, "typed.xlsx");
    execFileSync("python3", [path.join(__dirname, "lo", "type_form.py"), blank, typed, editsFile]);

    const before = lo(typed);
    expect(before.clipped.length).toBeGreaterThan(0);
    // The scores typed under the item labels' "(xx.xx คะแนน)" formulas print: LibreOffice calculates
    // them on opening (the file does not claim Microsoft Excel, whose cached values it would trust).
    soffice("pdf", dir, [typed]);
    const typedText = squash(
      execFileSync("pdftotext", [path.join(dir, "typed.pdf"), "-"], { encoding: "utf8" })
    );
    const sample = JSON.parse(await fs.readFile(SAMPLE, "utf8")) as {
      items: { code: string; score: number }[];
    };
    for (const it of sample.items)
      // "(96.31" then "คะแนน)", which a line break may put apart (the score column does not print).
      expect([it.code, squash(typedText).includes(`(${printedScore(it.score)}คะแนน)`)]).toEqual([
        it.code,
        true,
      ]);
    const v = spawnSync(process.execPath, [ITA, "validate", typed, "--json"], { encoding: "utf8" });
    const ours = (JSON.parse(v.stdout).issues as { rule: string; cell: string }[])
      .filter((i) => i.rule === "print.clipped")
      .map((i) => i.cell);
    // Our check is stricter than LibreOffice's (which fits rows with no height set by hand on
    // loading; Excel shows the heights the file has): every cell LibreOffice cuts is among ours.
    expect(
      before.clipped.map((c) => c.cell.split(":")[0]).filter((c) => !ours.includes(c))
    ).toEqual([]);

    const fitted = path.join(dir, "typed-fitted.xlsx");
    const started = Date.now();
    ita("fit", typed, "-o", fitted);
    const took = Date.now() - started;
    const after = lo(fitted);
    expect(after.clipped).toEqual([]);
    // The numbers of the closing note: pages and how full they are, LibreOffice's own layout.
    const rows = { typedBefore: before, typedAfter: after } as Record<string, Fit>;
    for (const [name, args] of [
      ["blank", ["--unit", "1035", "--year", "2569", "--round", "12"]],
      ["filled", ["--from", SAMPLE]],
    ] as const) {
      const f = path.join(dir, `fill-${name}.xlsx`);
      ita("scaffold", "-o", f, ...args);
      rows[name] = lo(f);
      expect([name, rows[name].clipped]).toEqual([name, []]);
    }
    const note = Object.fromEntries(
      Object.entries(rows).map(([k, f]) => [
        k,
        { pages: f.pages, meanFill: mean(f), clipped: f.clipped.length },
      ])
    );
    await fs.mkdir(ARTIFACTS, { recursive: true });
    await fs.writeFile(
      path.join(ARTIFACTS, "print-fill.json"),
      JSON.stringify({ ...note, fitMs: took }, null, 2)
    );
    // The filled form on fewer pages than the 53 it took with the five-line header, fuller.
    expect(rows.filled.pages).toBeLessThan(53);
    expect(mean(rows.filled)).toBeGreaterThan(0.85);
    expect(mean(rows.typedAfter)).toBeGreaterThan(0.85);
  }, 900_000);

  it("opens the merged summary and turns it into a PDF with unit names and averages", async () => {
    const files = [];
    for (const [unit, name] of [
      ["1035", "ct"],
      ["1002", "dusit"],
      ["1001", "phra-nakhon"],
    ]) {
      const f = path.join(dir, `${name}.xlsx`);
      ita("scaffold", "-o", f, "--from", SAMPLE, "--unit", unit);
      files.push(f);
    }
    const summary = path.join(dir, "summary.xlsx");
    ita("merge", ...files, "-o", summary, "--json");
    soffice("pdf", dir, [summary]);
    const s = squash(
      execFileSync("pdftotext", [path.join(dir, "summary.pdf"), "-"], { encoding: "utf8" })
    );
    for (const phrase of [
      "สรุปคะแนน ITA รายหน่วยงาน",
      "พระนคร",
      "ดุสิต",
      "จอมทอง",
      "ค่าเฉลี่ย",
      "82.01",
      "สถานะการส่งรายงาน",
      "ข้อที่ได้คะแนนต่ำกว่าเกณฑ์",
    ]) {
      expect([phrase, s.includes(squash(phrase))]).toEqual([phrase, true]);
    }
  });

  it("prints the summary of 50 districts: nothing clipped, A4 landscape at a legible scale, the chart on one page", async () => {
    const districts = path.join(dir, "fifty");
    await fs.mkdir(districts);
    const base = reportSchema.parse(JSON.parse(await fs.readFile(SAMPLE, "utf8")));
    for (const [i, unit] of DISTRICTS.entries()) {
      const report = syntheticReport(base, DEFAULT_FORM, unit, i + 1);
      await writeFormWorkbook(
        path.join(districts, `${unit.code}.xlsx`),
        renderForm(DEFAULT_FORM, metaFromReport(report), report)
      );
    }
    const summary = path.join(dir, "summary-50.xlsx");
    ita("merge", districts, "-o", summary, "--json");
    // Every sheet: LibreOffice's own height (and, for one-line cells, width) of every text against
    // what the rows and columns give it; the page style; LibreOffice's page breaks; the chart's cells.
    const fit = JSON.parse(
      execFileSync("/usr/bin/python3", [path.join(__dirname, "lo", "fit.py"), summary, "all"], {
        encoding: "utf8",
        timeout: 1_500_000,
        maxBuffer: 64 * 1024 * 1024,
      })
    ) as {
      sheets: {
        name: string;
        checked: number;
        clipped: unknown[];
        pages: number;
        landscape: boolean;
        paper: [number, number];
        scale: number;
        fitToWidth: number;
        rowBreaks: number[];
        colBreaks: number[];
        shapes: { rows: [number, number]; cols: [number, number] }[];
      }[];
    };
    expect(fit.sheets.map((s) => s.name)).toEqual(Object.values(SUMMARY_SHEETS));
    // The sheets people read and print (the hidden data sheet is the program's).
    for (const s of fit.sheets.filter((x) => x.name !== SUMMARY_SHEETS.data)) {
      expect([s.name, s.clipped]).toEqual([s.name, []]);
      expect([s.name, s.landscape, s.paper, s.fitToWidth]).toEqual([s.name, true, [297, 210], 0]);
      // TH Sarabun New 16 pt printed at the sheet's scale: 12 pt or more on paper.
      expect([s.name, printedFontPt(s.scale) >= 12]).toEqual([s.name, true]);
    }
    const scores = fit.sheets[0];
    expect(scores.checked).toBeGreaterThan(50 * 57);
    // The chart lies on the indicator sheet's one page, beside its table.
    const indicators = fit.sheets.find((x) => x.name === SUMMARY_SHEETS.indicators)!;
    expect(scores.shapes).toHaveLength(0);
    expect(indicators.shapes).toHaveLength(1);
    expect(indicators.pages).toBe(1);
    // The key and the measures break their pages where the file says (before a heading, never after
    // one): LibreOffice, fitting rows to their text itself, finds no page too full to add a break.
    const parts = unzipSync(new Uint8Array(await fs.readFile(summary)));
    const book = strFromU8(parts["xl/workbook.xml"]);
    for (const name of [SUMMARY_SHEETS.key, SUMMARY_SHEETS.measures]) {
      const k = fit.sheets.findIndex((x) => x.name === name);
      const xml = strFromU8(parts[`xl/worksheets/sheet${k + 1}.xml`]);
      const ours = [...xml.matchAll(/<brk id="(\d+)" max="16383"/g)].map((m) => Number(m[1]));
      // The last printed row (the measures sheet's units' texts below it are not printed).
      const last = Number(
        new RegExp(
          `<definedName name="_xlnm.Print_Area" localSheetId="${k}">[^<]*\\$(\\d+)</definedName>`
        ).exec(book)![1]
      );
      // LibreOffice's breaks, 0-based rows that begin a page, inside the printed rows (from the
      // header row, 0-based 2, to the last).
      const lo = fit.sheets[k].rowBreaks.filter((b) => b > 2 && b < last);
      expect([name, ours.length > 0, lo.filter((b) => !ours.includes(b))]).toEqual([
        name,
        true,
        [],
      ]);
    }
    // 50 units by 57 columns in blocks of columns: a few pages, not one page at 20 % nor hundreds.
    expect(scores.pages).toBeGreaterThan(5);
    expect(scores.pages).toBeLessThan(30);
    // A working document: the whole summary of 50 districts on 80 pages or fewer (it printed 1,037
    // when the measures and flagged sheets printed every unit's text; the report prints those).
    const printed = fit.sheets.filter((x) => x.name !== SUMMARY_SHEETS.data);
    const total = printed.reduce((n, x) => n + x.pages, 0);
    expect([total, total <= 80]).toEqual([total, true]);
    // The measures sheet prints its working view; the units' texts are below it, on screen.
    const measures = fit.sheets.find((x) => x.name === SUMMARY_SHEETS.measures)!;
    expect(measures.pages).toBeLessThan(40);
  }, 1_800_000);

  it("prints the central report of 50 districts as the central office's summary reads: A4 landscape, a group heading never last on a page, no word cut", async () => {
    const districts = path.join(dir, "fifty-report");
    await fs.mkdir(districts);
    const base = reportSchema.parse(JSON.parse(await fs.readFile(SAMPLE, "utf8")));
    for (const [i, unit] of DISTRICTS.entries()) {
      // Results as districts write them (details of their own, some measures not done).
      const report =
        unit.code === "1035"
          ? base
          : syntheticReport(base, DEFAULT_FORM, unit, i + 1, { results: "varied" });
      await writeFormWorkbook(
        path.join(districts, `${unit.code}.xlsx`),
        renderForm(DEFAULT_FORM, metaFromReport(report), report)
      );
    }
    const docx = path.join(dir, "report-50.docx");
    ita("merge", districts, "-o", path.join(dir, "summary-r50.xlsx"), "--report", docx);
    soffice("pdf", dir, [docx]);
    const pdf = path.join(dir, "report-50.pdf");
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
    expect([Math.round(Number(w)), Math.round(Number(h))]).toEqual([842, 595]);
    // Each group heading ("ข้อ I5") has at least two lines of its group under it on its page.
    const bbox = execFileSync("pdftotext", ["-bbox", pdf, "-"], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    const pages = bbox.split("<page ").slice(1);
    let headings = 0;
    const alone: string[] = [];
    pages.forEach((page, p) => {
      const words = [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g
        ),
      ].map((m) => ({ y: Number(m[2]), bottom: Number(m[3]), text: m[4] }));
      // The page number at the foot is not text of the page.
      const body = words.filter((x) => !(/^\d+$/.test(x.text) && x.y > 520));
      body.forEach((x, i) => {
        const next = body[i + 1];
        if (x.text !== "ข้อ" || !next || !/^[IEO]\d/.test(next.text) || Math.abs(next.y - x.y) > 2)
          return;
        headings++;
        const lines = new Set(
          body.filter((b) => b.y > x.bottom + 1).map((b) => Math.round(b.y / 8))
        );
        if (lines.size < 2) alone.push(`page ${p + 1}: ข้อ ${next.text}`);
      });
    });
    expect(headings).toBeGreaterThan(20);
    expect(alone).toEqual([]);
    // No "…" inside a word: each stands after a space.
    const text = execFileSync("pdftotext", [pdf, "-"], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const cuts = [...text.matchAll(/(.)…/gu)].map((m) => m[1]);
    expect(cuts.length).toBeGreaterThan(10);
    expect(cuts.filter((c) => !/\s/u.test(c))).toEqual([]);
  }, 900_000);

  it("reads and merges district files re-saved by LibreOffice the same as the originals", async () => {
    const originals = path.join(dir, "orig");
    const resaved = path.join(dir, "resaved");
    await fs.mkdir(originals);
    await fs.mkdir(resaved);
    ita("scaffold", "-o", path.join(originals, "1035.xlsx"), "--from", SAMPLE);
    ita(
      "scaffold",
      "-o",
      path.join(originals, "1040.xlsx"),
      "--from",
      SAMPLE,
      "--unit",
      "บางแค",
      "--preparer",
      "ผู้ทดสอบ"
    );
    const names = await fs.readdir(originals);
    soffice(
      "xlsx:Calc MS Excel 2007 XML",
      resaved,
      names.map((n) => path.join(originals, n))
    );
    const strip = (j: { items: { cells?: unknown }[]; meta?: unknown }) => ({
      ...j,
      meta: undefined,
      items: j.items.map(({ cells: _c, ...rest }) => rest),
    });
    for (const n of names) {
      const a = JSON.parse(ita("read", path.join(originals, n)));
      const b = JSON.parse(ita("read", path.join(resaved, n)));
      expect(strip({ ...b, file: "" })).toEqual(strip({ ...a, file: "" }));
    }
    const merged = (d: string) => {
      const r = spawnSync(
        process.execPath,
        [ITA, "merge", d, "-o", path.join(dir, `${path.basename(d)}-summary.xlsx`), "--json"],
        { encoding: "utf8" }
      );
      const j = JSON.parse(r.stdout);
      return {
        code: r.status,
        merged: j.merged.map(
          (m: { unit: string; errors: number; warnings: number; round: number }) => [
            m.unit,
            m.round,
            m.errors,
            m.warnings,
          ]
        ),
        missing: j.missing.length,
      };
    };
    expect(merged(resaved)).toEqual(merged(originals));
  });

  it("imports a form book re-saved by LibreOffice as the bundled form file, byte for byte", async () => {
    const books = path.join(dir, "books");
    const resaved = path.join(books, "resaved");
    await fs.mkdir(resaved, { recursive: true });
    const book = path.join(books, "form.xlsx");
    ita("form", "export", "--form", "bkk-district-ita@2567.1", "-o", book);
    soffice("xlsx:Calc MS Excel 2007 XML", resaved, [book]);
    const out = path.join(books, "form.json");
    ita("form", "import", path.join(resaved, "form.xlsx"), "-o", out);
    const bundled = path.join(ROOT, "src/domain/catalog/forms/bkk-district-2567.json");
    expect(await fs.readFile(out, "utf8")).toBe(await fs.readFile(bundled, "utf8"));
  });

  it("a 12-month report started from the 6-month one: prints like any form; a results cell edited in LibreOffice loses its warning alone", async () => {
    const r6 = path.join(dir, "carry-r6.xlsx");
    const r12 = path.join(dir, "carry-r12.xlsx");
    ita("scaffold", "-o", r6, "--from", SAMPLE);
    ita("scaffold", "--from", r6, "--round", "12", "-o", r12);
    // Fitted for print like any other form: LibreOffice's own heights against the rows'.
    const fit = JSON.parse(
      execFileSync("/usr/bin/python3", [path.join(__dirname, "lo", "fit.py"), r12], {
        encoding: "utf8",
        timeout: 300000,
      })
    ) as { checked: number; clipped: unknown[] };
    expect(fit.checked).toBeGreaterThan(100);
    expect(fit.clipped).toEqual([]);
    soffice("pdf", dir, [r12]);
    const text = execFileSync(
      "pdftotext",
      ["-f", "1", "-l", "1", path.join(dir, "carry-r12.pdf"), "-"],
      {
        encoding: "utf8",
      }
    );
    expect(squash(text)).toContain(
      squash("ประจำปีงบประมาณ พ.ศ. 2567 รอบ 12 เดือน (ตุลาคม 2566 - กันยายน 2567)")
    );

    const carried = (file: string) =>
      (
        JSON.parse(
          spawnSync(process.execPath, [ITA, "validate", file, "--json"], { encoding: "utf8" })
            .stdout
        ).issues as { rule: string; code: string }[]
      )
        .filter((i) => i.rule === "results.carried")
        .map((i) => i.code);
    const before = carried(r12);
    expect(before.slice(0, 4)).toEqual(["I1", "I5", "I6", "I8"]);
    expect(before).toHaveLength(24);
    // LibreOffice opens the file, the user types into I5's results cell, saves as .xlsx.
    const i5 = (
      JSON.parse(ita("read", r12)) as { items: { code: string; cells: { results: string } }[] }
    ).items.find((i) => i.code === "I5")!.cells.results;
    expect(i5).toMatch(/^F\d+$/);
    const edited = path.join(dir, "carry-r12-lo.xlsx");
    execFileSync(
      "/usr/bin/python3",
      [
        path.join(__dirname, "lo", "edit.py"),
        r12,
        edited,
        "ITA 2567 รอบ 12",
        `${i5}=หลังรอบ 6 เดือน จัดอบรมเพิ่ม 2 ครั้ง ผู้เข้าร่วม 40 คน`,
      ],
      { encoding: "utf8", timeout: 300000 }
    );
    // LibreOffice kept the hidden metadata: every other carried cell is still told apart.
    expect(carried(edited)).toEqual(before.filter((c) => c !== "I5"));
  });
});
