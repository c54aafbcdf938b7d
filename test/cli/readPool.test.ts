/**
 * `ita merge` reads many files in worker threads; what it merges is what the main thread reads alone
 * (the same files merged, refused and skipped, in the same order, the same scores).
 */
import { promises as fs } from "fs";
import path from "path";
import { nodeReadPool } from "../../src/cli/readPool";
import { runCli, tmpDir } from "../helpers";
import { districtReport, writeDistrict } from "../merge/districts";

const CODES = Array.from({ length: 26 }, (_, i) => String(1001 + i));

it("reads in worker threads and merges what the main thread would", async () => {
  const dir = await tmpDir();
  for (const code of CODES) await writeDistrict(dir, `${code}.xlsx`, districtReport(code));
  // A copy, a broken file, last year's file, a form of no bundled version: each answered the same.
  await fs.copyFile(path.join(dir, "1001.xlsx"), path.join(dir, "1001 copy.xlsx"));
  await fs.writeFile(path.join(dir, "broken.xlsx"), "not a workbook");
  await writeDistrict(dir, "1027-2566.xlsx", { ...districtReport("1027"), fiscalYear: 2566 });
  const out = path.join(await tmpDir(), "s.xlsx");
  const run = async (workers: string) => {
    const before = process.env.ITA_READ_WORKERS;
    process.env.ITA_READ_WORKERS = workers;
    try {
      const r = await runCli("merge", dir, "-o", out, "--json");
      expect(r.code).toBe(3);
      const j = JSON.parse(r.out);
      return {
        merged: j.merged.map(
          (m: { file: string; unitCode: string; errors: number; warnings: number }) => [
            path.basename(m.file),
            m.unitCode,
            m.errors,
            m.warnings,
          ]
        ),
        rejected: j.rejected.map((x: { file: string; reason: { en: string } }) => [
          path.basename(x.file),
          x.reason.en,
        ]),
        skipped: j.skipped.map((x: { file: string; kind: string }) => [
          path.basename(x.file),
          x.kind,
        ]),
        missing: j.missing,
      };
    } finally {
      if (before === undefined) delete process.env.ITA_READ_WORKERS;
      else process.env.ITA_READ_WORKERS = before;
    }
  };
  // With two workers asked for and this many files, the command reads in threads (not a silent fallback).
  process.env.ITA_READ_WORKERS = "2";
  const pool = nodeReadPool(29);
  delete process.env.ITA_READ_WORKERS;
  expect(pool).toBeDefined();
  pool!.cancel();
  const threads = await run("2");
  const alone = await run("0");
  expect(threads.merged).toHaveLength(26);
  expect(threads.rejected.map((x: string[]) => x[0])).toEqual(["1027-2566.xlsx", "broken.xlsx"]);
  expect(threads.skipped).toEqual([["1001.xlsx", "same"]]);
  expect(threads).toEqual(alone);
});
