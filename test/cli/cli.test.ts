import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
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
    expect(json.items.find((i: { code: string }) => i.code === "I22")).toMatchObject({
      score: 82.01,
      measures: "",
      cells: { score: expect.any(String) },
    });

    const v = await run("validate", file, "--json");
    expect(v.code).toBe(1);
    const res = JSON.parse(v.out);
    expect(res).toMatchObject({
      file,
      unit: "สำนักงานเขตจอมทอง",
      fiscalYear: 2567,
      round: 6,
      ok: false,
      items: 42,
    });
    expect(res.flags).toEqual([expect.objectContaining({ code: "I22", score: 82.01 })]);
    expect(res.issues[0]).toMatchObject({
      code: "I22",
      rule: "flag.measures-required",
      severity: "error",
      message: { th: expect.any(String), en: expect.any(String) },
    });
    expect(res.issues[0].cell).toMatch(/^E\d+$/);

    const human = await run("validate", file);
    expect(human.out).toContain("I22");
    expect(human.out).toContain("ยังส่งไม่ได้");
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

  it("rejects bad options and unknown commands with exit 2", async () => {
    expect((await run("scaffold", "-o", path.join(dir, "x.xlsx"), "--round", "7")).code).toBe(2);
    expect((await run("scaffold")).err).toMatch(/-o FILE/);
    expect((await run("validate")).code).toBe(2);
    expect((await run("frobnicate")).code).toBe(2);
    expect(
      (await run("scaffold", "-o", path.join(dir, "y.xlsx"), "--from", SAMPLE_JSON + ".missing"))
        .code
    ).toBe(2);
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

describe("ita binary", () => {
  it("runs as a command (bin/ita.js over the compiled CLI)", () => {
    const { spawnSync } = require("child_process") as typeof import("child_process");
    const r = spawnSync(process.execPath, [path.join(__dirname, "../../bin/ita.js"), "help"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("ita validate FILE");
  });
});
