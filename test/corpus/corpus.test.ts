import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import { SUMMARY_SHEETS } from "../../src/domain";
import { sha, tmpDir, runCli } from "../helpers";
import { buildCorpus, CORPUS } from "./cases";

const run = runCli;

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
  await buildCorpus(dir);
});

describe("bad-input corpus", () => {
  it.each(CORPUS.map((c) => [c.file, c.what, c] as const))(
    "%s (%s): ita read gives the expected outcome",
    async (_f, _w, c) => {
      const r = await run("read", path.join(dir, c.file));
      if (c.rejected && !/uses the form|No unit/.test(c.rejected.source)) {
        expect(r.code).toBe(2);
        expect(r.err).toMatch(c.rejected);
        expect(r.err).toMatch(/^ข้อผิดพลาด: .*[ก-๙]/);
        expect(r.err).not.toMatch(/\n\s+at /);
        // A rejection stays short, whatever the file holds (thousands of sheets, records, cells).
        expect(r.err.length).toBeLessThan(800);
      } else {
        // Readable forms (a wrong version or a missing unit are merge decisions, not read errors).
        expect([r.err, r.code]).toEqual(["", 0]);
        const json = JSON.parse(r.out);
        expect(json.items.length).toBeGreaterThanOrEqual(41);
        for (const [code, want] of Object.entries(c.items ?? {})) {
          const item = json.items.find((i: { code: string }) => i.code === code);
          expect([code, item]).toEqual([code, expect.objectContaining(want)]);
        }
      }
    }
  );

  it("merges what can be merged, rejects each bad file with its message, and leaves every file unchanged", async () => {
    const names = (await fs.readdir(dir)).filter((n) => !n.startsWith("."));
    const before = await Promise.all(names.map((n) => sha(path.join(dir, n))));
    const out = path.join(dir, "summary", "central.xlsx");
    const r = await run("merge", dir, "-o", out, "--json");
    expect(r.code).toBe(3);
    const json = JSON.parse(r.out);
    for (const c of CORPUS) {
      const rejected = json.rejected.find(
        (x: { file: string }) => path.basename(x.file) === c.file
      );
      const merged = json.merged.find((x: { file: string }) => path.basename(x.file) === c.file);
      if (c.rejected) {
        expect([c.file, rejected?.reason.en]).toEqual([c.file, expect.stringMatching(c.rejected)]);
        expect(rejected.reason.th).toMatch(/[ก-๙]/);
      } else {
        expect([c.file, merged?.unitCode]).toEqual([c.file, c.merges]);
      }
    }
    expect(await Promise.all(names.map((n) => sha(path.join(dir, n))))).toEqual(before);
    // A file refused for its two sheets is listed under the unit they name, which is not missing.
    expect(
      json.rejected.find(
        (x: { file: string }) => path.basename(x.file) === "sheets-two-visible.xlsx"
      ).unit
    ).toBe("สำนักงานเขตบางซื่อ");
    expect(json.missing.map((m: { th: string }) => m.th)).not.toContain("สำนักงานเขตบางซื่อ");

    // What arrived in the summary: formulas as text, NFC Thai, cut long text, no control characters.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: string[] = [];
    let formulas = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas++;
          if (typeof cell.value === "string") texts.push(cell.value);
        })
      )
    );
    expect(formulas).toBe(0);
    for (const t of [
      '=HYPERLINK("http://example.invalid","x")',
      "+66 ดำเนินการแล้ว",
      "-ประชุมชี้แจง",
      "@ทุกฝ่าย",
      "จัดประชุมชี้แจงเจ้าหน้าที่".normalize("NFC"),
      // Literal _xHHHH_ text survives the round trip (escaped as _x005F_ when written).
      "รหัสเอกสาร _x0041_ ตามระบบ",
      "ทีมงาน 👩\u200d💻 ดำเนินการแล้ว",
    ]) {
      // A cell of its own, or a line of one (the measures sheet lists a unit's texts for a measure
      // group in one cell, a line each).
      expect([t, texts.some((x) => x === t || x.split("\n").includes(t))]).toEqual([t, true]);
    }
    // A text longer than a cell holds is cut and marked; longer than a row shows, it goes on in rows
    // marked "(ต่อ)", the last of them ending with the mark.
    expect(texts.some((t) => t.startsWith("ผลผลผล"))).toBe(true);
    expect(
      texts.some((t) => t.startsWith("(ต่อ) ผลผล") && t.length < 32767 && t.endsWith("[ตัดทอน]"))
    ).toBe(true);
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    expect(texts.some((t) => /[\u0000-\u0008\ufffe]/.test(t))).toBe(false);
    const status = wb.getWorksheet(SUMMARY_SHEETS.status)!;
    let rows = 0;
    status.eachRow((_r, n) => n >= 4 && rows++);
    expect(rows).toBeGreaterThanOrEqual(50);
  });
});
