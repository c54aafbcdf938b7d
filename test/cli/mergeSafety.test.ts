/**
 * `ita merge` never writes over a file it reads, reads the same file once however it is named, and
 * leaves no temporary file behind; the command loads the writer only to write.
 */
import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { existsSync, promises as fs, readdirSync, statSync } from "fs";
import path from "path";
import { runCli, sha, tmpDir } from "../helpers";
import { districtReport, writeDistrict } from "../merge/districts";

const ROOT = path.join(__dirname, "../..");

/** The compiled CLI (lib/), rebuilt when older than src/. */
function built(): string {
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }, 0);
  const main = path.join(ROOT, "lib/cli/main.js");
  const src = Math.max(...["domain", "xlsx", "cli"].map((d) => newest(path.join(ROOT, "src", d))));
  if (!existsSync(main) || statSync(main).mtimeMs < src)
    execFileSync(
      process.execPath,
      [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
      {
        cwd: ROOT,
      }
    );
  return main;
}

describe("ita merge and its inputs", () => {
  let dir: string;
  let a: string;
  let b: string;
  beforeAll(async () => {
    dir = await tmpDir();
    await fs.mkdir(path.join(dir, "districts"));
    a = await writeDistrict(path.join(dir, "districts"), "a.xlsx", districtReport("1001"));
    b = await writeDistrict(path.join(dir, "districts"), "b.xlsx", districtReport("1002"));
  });

  const refused = async (args: string[], victim: string) => {
    const before = await sha(victim);
    const r = await runCli("merge", ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^ข้อผิดพลาด: ไฟล์สรุป .*\nError: The summary file .* is one of the files to merge/
    );
    expect(await sha(victim)).toBe(before);
    expect(readdirSync(path.dirname(victim)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  };

  it("refuses an output that is one of the input files", () => refused([a, b, "-o", a], a));

  it("refuses an output that is a unit's report not among the files merged", async () => {
    const before = await sha(b);
    const r = await runCli("merge", a, "-o", b);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `ข้อผิดพลาด: ไฟล์สรุป ${b} เป็นไฟล์รายงานของหน่วยงานที่มีอยู่แล้ว จึงไม่เขียนทับ กรุณาระบุชื่ออื่นหรือโฟลเดอร์อื่น (หรือย้ายไฟล์เดิมออกก่อน)\n` +
        `Error: The summary file ${b} is an existing unit's report; it is not overwritten. Give another name or folder (or move the existing file first)\n`
    );
    expect(await sha(b)).toBe(before);
  });

  it("replaces no file ita did not write, and writes each output under its own kind's name", async () => {
    const out = path.join(dir, "others");
    await fs.mkdir(out);
    // The office's own workbook (no form sheet) and a note, where the summary would go.
    const budget = path.join(out, "budget.xlsx");
    const book = new ExcelJS.Workbook();
    book.addWorksheet("งบประมาณ").getCell("A1").value = "งบประมาณปี 2570";
    await book.xlsx.writeFile(budget);
    const note = path.join(out, "note.docx");
    await fs.writeFile(note, "notes of the meeting");
    const before = [await sha(budget), await sha(note)];
    const r1 = await runCli("merge", a, "-o", budget);
    expect(r1.code).toBe(2);
    expect(r1.err).toBe(
      `ข้อผิดพลาด: ไฟล์สรุป ${budget} มีอยู่แล้วและไม่ใช่ไฟล์ที่ ita เขียน จึงไม่เขียนทับ กรุณาระบุชื่ออื่นหรือโฟลเดอร์อื่น (หรือย้ายไฟล์เดิมออกก่อน)\n` +
        `Error: The summary file ${budget} exists and is not a file ita wrote; it is not overwritten. Give another name or folder (or move the existing file first)\n`
    );
    const summary = path.join(out, "summary.xlsx");
    const r2 = await runCli("merge", a, "-o", summary, "--report", note);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain(`Error: The report file ${note} exists and is not a file ita wrote`);
    // A summary named as a Word file, a report named as a workbook.
    const r3 = await runCli("merge", a, "-o", path.join(out, "summary.docx"));
    expect(r3.code).toBe(2);
    expect(r3.err).toBe(
      `ข้อผิดพลาด: ไฟล์สรุป ${path.join(out, "summary.docx")} ต้องเป็นไฟล์ .xlsx เช่น summary.xlsx\n` +
        `Error: The summary file ${path.join(out, "summary.docx")} must be a .xlsx file, such as summary.xlsx\n`
    );
    const r4 = await runCli("merge", a, "-o", summary, "--report", path.join(out, "report.xlsx"));
    expect(r4.code).toBe(2);
    expect(r4.err).toContain(
      `Error: The report file ${path.join(out, "report.xlsx")} must be a .docx file, such as report.docx`
    );
    expect([await sha(budget), await sha(note)]).toEqual(before);
    expect(readdirSync(out).sort()).toEqual(["budget.xlsx", "note.docx"]);
    // What ita wrote it replaces, run again.
    const report = path.join(out, "report.docx");
    expect((await runCli("merge", a, "-o", summary, "--report", report)).code).toBe(0);
    expect((await runCli("merge", a, b, "-o", summary, "--report", report)).code).toBe(0);
  });

  it("refuses an output inside an input folder that is a district file", () =>
    refused([path.join(dir, "districts"), "-o", b], b));

  it("refuses an output that is the same file under another name (hard link, symbolic link)", async () => {
    const out = path.join(dir, "out");
    await fs.mkdir(out);
    await fs.link(a, path.join(out, "hard.xlsx"));
    await fs.symlink(b, path.join(out, "soft.xlsx"));
    await refused([path.join(dir, "districts"), "-o", path.join(out, "hard.xlsx")], a);
    await refused([path.join(dir, "districts"), "-o", path.join(out, "soft.xlsx")], b);
  });

  it("refuses a report that cannot be written before writing the summary, which stays as it was", async () => {
    const out = path.join(dir, "kept");
    await fs.mkdir(out);
    const summary = path.join(out, "summary.xlsx");
    expect((await runCli("merge", a, "-o", summary)).code).toBe(0);
    const before = await sha(summary);
    // The report's name is a folder; then a path under a file.
    await fs.mkdir(path.join(out, "report.docx"));
    const r1 = await runCli(
      "merge",
      a,
      b,
      "-o",
      summary,
      "--report",
      path.join(out, "report.docx")
    );
    expect(r1.code).toBe(2);
    expect(r1.err).toBe(
      `ข้อผิดพลาด: ไฟล์รายงาน ${path.join(out, "report.docx")} เป็นชื่อโฟลเดอร์ที่มีอยู่แล้ว กรุณาระบุชื่อไฟล์\n` +
        `Error: The report file ${path.join(out, "report.docx")} is an existing folder: give a file name\n`
    );
    const r2 = await runCli("merge", a, b, "-o", summary, "--report", path.join(summary, "r.docx"));
    expect(r2.code).toBe(2);
    expect(r2.err).toContain(
      `Error: The report file ${path.join(summary, "r.docx")} cannot be written: ${summary} is a file, not a folder`
    );
    expect(await sha(summary)).toBe(before);
    expect(readdirSync(out).sort()).toEqual(["report.docx", "summary.xlsx"]);
  });

  it("says a summary given to read or validate is the central summary, not a unit's report", async () => {
    const out = path.join(dir, "read-summary");
    await fs.mkdir(out);
    const summary = path.join(out, "summary.xlsx");
    expect((await runCli("merge", a, "-o", summary)).code).toBe(0);
    for (const cmd of ["read", "validate"]) {
      const r = await runCli(cmd, summary);
      expect([cmd, r.code]).toEqual([cmd, 2]);
      expect(r.err).toBe(
        "ข้อผิดพลาด: ไฟล์ summary.xlsx เป็นไฟล์สรุปของส่วนกลางที่ ita merge เขียน ไม่ใช่รายงานของหน่วยงาน: ระบุไฟล์รายงานของหน่วยงาน (ไฟล์ที่หน่วยงานส่ง)\n" +
          "Error: summary.xlsx is a central summary written by ita merge, not a unit's report: give the unit's report (the file the unit sent)\n"
      );
    }
  });

  it("run again into its own folder: skips its earlier summary and report, replaces both, refuses a Word report of a unit", async () => {
    const own = path.join(dir, "own");
    await fs.mkdir(own);
    await fs.copyFile(a, path.join(own, "a.xlsx"));
    const args = [
      "merge",
      own,
      "-o",
      path.join(own, "s.xlsx"),
      "--report",
      path.join(own, "r.docx"),
      "--expect",
      "none",
      "--json",
    ];
    expect((await runCli(...args)).code).toBe(0);
    // A unit's Word report (a document ita did not write) beside them.
    const unitDoc = path.join(own, "unit-report.docx");
    const docx = await fs.readFile(path.join(own, "r.docx"));
    const { unzipSync, zipSync } = await import("fflate");
    const parts = unzipSync(new Uint8Array(docx));
    delete parts["docProps/custom.xml"];
    await fs.writeFile(unitDoc, zipSync(parts));
    const again = await runCli(...args);
    expect(again.code).toBe(3);
    const j = JSON.parse(again.out);
    expect(
      j.skipped.map((x: { file: string; kind: string }) => [path.basename(x.file), x.kind]).sort()
    ).toEqual([
      ["r.docx", "report"],
      ["s.xlsx", "summary"],
    ]);
    expect(
      j.rejected.map((x: { file: string; reason: { en: string } }) => [
        path.basename(x.file),
        x.reason.en,
      ])
    ).toEqual([
      [
        "unit-report.docx",
        "unit-report.docx is a Word document (.docx), not an Excel workbook (.xlsx): send the report's Excel form (.xlsx), not the Word or PDF report",
      ],
    ]);
  });

  it("reads a file given twice (by folder, by name, by another spelling) once", async () => {
    const out = path.join(dir, "twice", "summary.xlsx");
    const r = await runCli(
      "merge",
      path.join(dir, "districts"),
      a,
      path.join(dir, "districts", ".", "a.xlsx"),
      "-o",
      out,
      "--json",
      "--expect",
      "none"
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.merged.map((m: { unitCode: string }) => m.unitCode).sort()).toEqual([
      "1001",
      "1002",
    ]);
    expect(json.duplicates).toEqual([]);
  });

  it("removes a temporary file a killed run left, and keeps one a running process is writing", async () => {
    const out = path.join(dir, "stale");
    await fs.mkdir(out);
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
    const stale = path.join(out, `.summary.xlsx.${dead}.tmp`);
    const live = path.join(out, `.summary.xlsx.${process.ppid}.tmp`);
    await fs.writeFile(stale, "partial");
    await fs.writeFile(live, "partial");
    const r = await runCli("merge", a, "-o", path.join(out, "summary.xlsx"), "--expect", "none");
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([path.basename(live), "summary.xlsx"]);
  });

  it("removes its temporary file when killed while writing", async () => {
    const target = path.join(dir, "killed", "summary.xlsx");
    await fs.mkdir(path.dirname(target));
    const atomic = path.join(ROOT, "lib/xlsx/write/atomic.js");
    built();
    // The child starts a large write and kills itself as soon as the temporary file is there.
    const r = spawnSync(
      process.execPath,
      [
        "-e",
        `const fs = require("fs"); const dir = ${JSON.stringify(path.dirname(target))};` +
          `require(${JSON.stringify(atomic)}).writeBytesAtomic(${JSON.stringify(target)}, new Uint8Array(128 << 20));` +
          "const poll = () => fs.readdirSync(dir).some((n) => n.endsWith('.tmp')) ? process.kill(process.pid, 'SIGTERM') : setImmediate(poll);" +
          "poll();",
      ],
      { encoding: "utf8" }
    );
    expect(r.signal).toBe("SIGTERM");
    expect(readdirSync(path.dirname(target))).toEqual([]);
  });
});

describe("what each command loads", () => {
  const loaded = (args: string[]) => {
    const main = built();
    const r = spawnSync(
      process.execPath,
      [
        "-e",
        `require(${JSON.stringify(main)}).main(${JSON.stringify(args)}, { out() {}, err() {} }).then((code) => {` +
          "const mods = Object.keys(require.cache);" +
          "console.log(JSON.stringify({ code, exceljs: mods.some((m) => m.includes('node_modules/exceljs/')), zod: mods.some((m) => m.includes('node_modules/zod/')) }));" +
          "})",
      ],
      { encoding: "utf8" }
    );
    return JSON.parse(r.stdout);
  };

  it("--help loads neither ExcelJS nor zod", () => {
    expect(loaded(["--help"])).toEqual({ code: 0, exceljs: false, zod: false });
  });

  it("reading and validating do not load the writer", async () => {
    const d = await tmpDir();
    const f = await writeDistrict(d, "c.xlsx", districtReport("1003"));
    expect(loaded(["read", f])).toMatchObject({ code: 0, exceljs: false });
    expect(loaded(["validate", f])).toMatchObject({ exceljs: false });
  });

  // zod costs more to load than reading a district file: forms this build bundles are not re-checked.
  it("reading, validating and merging files made with a bundled form do not load zod", async () => {
    const d = await tmpDir();
    const f = await writeDistrict(d, "c.xlsx", districtReport("1003"));
    expect(loaded(["read", f])).toMatchObject({ code: 0, zod: false });
    expect(loaded(["validate", f])).toMatchObject({ zod: false });
    expect(loaded(["merge", f, "-o", path.join(d, "s.xlsx")])).toMatchObject({ zod: false });
  });
});
