"use strict";
// One measured run in its own process, so that its peak memory is its own:
//   node bench/merge-run.js merge DIR OUT.xlsx   -> our full merge (read, validate, summary file)
//   node bench/merge-run.js exceljs DIR          -> ExcelJS's bare load of the same files
//   node bench/merge-run.js read FILE            -> our reader on one file
// Prints one JSON line: {ms, maxRssMb, ...}.
const { performance } = require("perf_hooks");
const fs = require("fs");
const path = require("path");

async function main() {
  const [mode, target, out] = process.argv.slice(2);
  const t0 = performance.now();
  let extra = {};
  if (mode === "merge") {
    const { expandInputs, readSubmissions } = require("../lib/cli/merge");
    const { mergeForms, buildSummary, DEFAULT_CATALOG } = require("../lib/domain");
    const { writeSummaryFile } = require("../lib/xlsx");
    const files = await expandInputs([target]);
    const subs = await readSubmissions(files);
    const result = mergeForms(subs, { catalog: DEFAULT_CATALOG, expect: "districts" });
    await writeSummaryFile(out, buildSummary(result));
    extra = { files: files.length, merged: result.merged.length, rejected: result.rejected.length };
  } else if (mode === "exceljs") {
    const ExcelJS = require("exceljs");
    const files = fs
      .readdirSync(target)
      .filter((n) => n.endsWith(".xlsx"))
      .sort();
    for (const n of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(path.join(target, n)));
    }
    extra = { files: files.length };
  } else if (mode === "read") {
    const { nodeInflate, readFileBytes, readFormsFromBytes } = require("../lib/xlsx");
    const forms = readFormsFromBytes(target, await readFileBytes(target), { inflate: nodeInflate });
    extra = { items: forms[0].items.length };
  } else if (mode === "exceljs-one") {
    const ExcelJS = require("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(target));
  } else throw new Error(`unknown mode ${mode}`);
  const ms = performance.now() - t0;
  process.stdout.write(
    `${JSON.stringify({ ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), ...extra })}\n`
  );
}

main().catch((e) => {
  process.stderr.write(`${e.stack}\n`);
  process.exit(1);
});
