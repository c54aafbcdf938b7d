import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import { execFileSync, spawnSync } from "child_process";
import { existsSync, readdirSync, statSync } from "fs";
import { SUMMARY_SHEETS } from "../../src/domain";
import { tmpDir, runCli } from "../helpers";

const run = runCli;

const SAMPLE_JSON = path.join(__dirname, "../../samples/chom-thong-2567-r6.json");

describe("ita CLI", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tmpDir();
  });

  it("scaffolds from a report JSON; read prints it back; validate flags I22 and exits 1", async () => {
    const file = path.join(dir, "ct.xlsx");
    expect((await run("scaffold", "-o", file, "--from", SAMPLE_JSON)).code).toBe(0);
    const read = await run("read", file);
    expect(read.code).toBe(0);
    const json = JSON.parse(read.out);
    expect(json).toMatchObject({ unit: "สำนักงานเขตจอมทอง", fiscalYear: 2567, round: 6 });
    expect(json.items).toHaveLength(42);
    const i22 = json.items.find((i: { code: string }) => i.code === "I22");
    expect(i22).toMatchObject({
      score: 82.01,
      sharedWith: ["I21", "I23", "I24"],
      photos: 0,
      cells: { score: expect.any(String) },
    });
    // I22 shares I21–I24's merged measures cell: its measures are the group's.
    expect(i22.measures).toMatch(/^1\. นำผลการประเมิน ITA มาวิเคราะห์/);

    // Flagged and covered by its group's measures: a warning, so the report is ready (exit 0).
    const v = await run("validate", file, "--json");
    expect(v.code).toBe(0);
    const res = JSON.parse(v.out);
    expect(res).toMatchObject({
      file,
      unit: "สำนักงานเขตจอมทอง",
      fiscalYear: 2567,
      round: 6,
      ok: true,
      items: 42,
    });
    expect(res.flags).toEqual([expect.objectContaining({ code: "I22", score: 82.01 })]);
    expect(
      res.issues.find((i: { rule: string }) => i.rule === "flag.measures-shared")
    ).toMatchObject({
      code: "I22",
      severity: "warning",
      message: { th: expect.stringContaining("I21–I24"), en: expect.stringContaining("I21–I24") },
    });

    const human = await run("validate", file);
    expect(human.out).toContain("I22");
    expect(human.out).toContain("พร้อมส่ง");
  });

  it("passes the same file with a lower threshold (exit 0)", async () => {
    const file = path.join(dir, "ct2.xlsx");
    await run("scaffold", "-o", file, "--from", SAMPLE_JSON, "--preparer", "ผู้ทดสอบ");
    const v = await run("validate", file, "--threshold", "80", "--json");
    expect(JSON.parse(v.out).flags).toEqual([]);
    expect(v.code).toBe(0);
  });

  it("scaffolds from a scores list with range codes and reports unmatched lines", async () => {
    const scores = path.join(dir, "scores.csv");
    await fs.writeFile(scores, "code,score\nI22,82.01\nI1 ๙๖.๓๑\nO1–O22,100\nO23-O30 100\nX9 12\n");
    const file = path.join(dir, "from-scores.xlsx");
    const r = await run(
      "scaffold",
      "-o",
      file,
      "--unit",
      "จอมทอง",
      "--year",
      "2568",
      "--round",
      "12",
      "--from",
      scores
    );
    expect(r.code).toBe(0);
    expect(r.err).toContain(":6:");
    const json = JSON.parse((await run("read", file)).out);
    expect(json).toMatchObject({ unitCode: "1035", fiscalYear: 2568, round: 12 });
    const byCode = Object.fromEntries(
      json.items.map((i: { code: string; score: number }) => [i.code, i.score])
    );
    expect(byCode).toMatchObject({
      I22: 82.01,
      I1: 96.31,
      "O1-O22": 100,
      "O23-O30": 100,
      I2: null,
    });
    expect(json.items[0].issue).toMatch(/^การปฏิบัติงานยังมีการเลือกปฏิบัติ/);
  });

  it.each([
    [
      "missing file",
      async (d: string) => path.join(d, "nope.xlsx"),
      /ไม่พบไฟล์[\s\S]*File not found/,
    ],
    [
      "text file",
      async (d: string) => write(d, "notes.xlsx", "hello, this is not a workbook"),
      /not an Excel workbook/,
    ],
    ["empty file", async (d: string) => write(d, "empty.xlsx", ""), /is empty/],
    [
      "old .xls / encrypted",
      async (d: string) =>
        write(d, "old.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      /\.xls[\s\S]*password/,
    ],
    [
      "corrupt zip",
      async (d: string) =>
        write(
          d,
          "corrupt.xlsx",
          Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)])
        ),
      /corrupt/,
    ],
    [
      "another workbook",
      async (d: string) => otherWorkbook(d),
      /no ITA report sheet[\s\S]*"งบประมาณ"/,
    ],
  ])("exits 2 with a clear message for a %s", async (_name, make, pattern) => {
    const file = await make(dir);
    for (const cmd of ["read", "validate"]) {
      const r = await run(cmd, file);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(pattern);
      expect(r.err).toMatch(/ข้อผิดพลาด/);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it.each([
    [
      ["scaffold", "-o", "x.xlsx", "--round", "7"],
      /^ข้อผิดพลาด: --round 7: ต้องเป็น 6 หรือ 12\nError: --round 7: must be 6 or 12\n$/,
    ],
    [["scaffold"], /-o FILE/],
    [["validate"], /^ข้อผิดพลาด: .+\nError: Give exactly one \.xlsx file\n$/],
    [
      ["frobnicate"],
      /^ไม่รู้จักคำสั่ง "frobnicate" \/ Unknown command "frobnicate"\n[\s\S]*ita scaffold/,
    ],
    [
      ["scaffold", "-o", "y.xlsx", "--from", "missing.json"],
      /ไม่พบไฟล์ .*missing\.json\nError: File not found: .*missing\.json\n$/,
    ],
  ])("refuses %j with exit 2 and says why in Thai and English", async (argv, message) => {
    const r = await run(...argv.map((a) => (a.includes(".") ? path.join(dir, a) : a)));
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

async function write(dir: string, name: string, data: string | Buffer) {
  const file = path.join(dir, name);
  await fs.writeFile(file, data);
  return file;
}

async function otherWorkbook(dir: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("งบประมาณ");
  ws.addRow(["รายการ", "จำนวนเงิน"]);
  ws.addRow(["ค่าไฟฟ้า", 1200]);
  const file = path.join(dir, "budget.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("ita demo", () => {
  it("runs the whole job on the bundled sample: forms, validation with I22 flagged, and a merge", async () => {
    const out = await tmpDir();
    const r = await run("demo", "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/I22.*82\.01/);
    expect(r.out).toMatch(/รวมแล้ว \/ merged: 5 · ไม่รับ \/ rejected: 1/);
    expect(r.out).toContain("9999-not-a-workbook.xlsx");
    const summary = path.join(out, "central-summary-2567-r6.xlsx");
    const read = await run("read", path.join(out, "districts", "1035-chom-thong-2567-r6.xlsx"));
    expect(JSON.parse(read.out).items.find((i: { code: string }) => i.code === "I22").score).toBe(
      82.01
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summary);
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(SUMMARY_SHEETS));
    // A second run starts from a clean districts folder (no file of the first run is merged twice).
    expect((await run("demo", "--out", out)).out).toMatch(/merged: 5 · ไม่รับ \/ rejected: 1/);
  });
});

describe("ita binary", () => {
  it("runs as a command (bin/ita.js over the compiled CLI, rebuilt first when older than src/)", () => {
    const root = path.join(__dirname, "../..");
    const newest = (dir: string): number =>
      readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
        const p = path.join(dir, e.name);
        return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
      }, 0);
    const built = path.join(root, "lib/cli/main.js");
    const srcTime = Math.max(
      ...["domain", "xlsx", "cli"].map((d) => newest(path.join(root, "src", d)))
    );
    if (!existsSync(built) || statSync(built).mtimeMs < srcTime) {
      execFileSync(
        process.execPath,
        [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
        { cwd: root }
      );
    }
    const r = spawnSync(process.execPath, [path.join(root, "bin/ita.js"), "help"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("ita validate FILE");
  });
});
