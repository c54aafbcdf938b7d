"use strict";
// One measured run in its own process, so that its peak memory is its own:
//   node bench/merge-run.js ita DIR OUT.xlsx     -> `ita merge DIR -o OUT.xlsx` (the whole command)
//   node bench/merge-run.js read-dir DIR         -> our reader (file and form) on every file of DIR
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
  if (mode === "ita") {
    const { main } = require("../lib/cli/main");
    let printed = "";
    const code = await main(["merge", target, "-o", out, "--json", "--expect", "districts"], {
      out: (s) => (printed += s),
      err: () => undefined,
    });
    const json = JSON.parse(printed);
    extra = { code, merged: json.merged.length, rejected: json.rejected.length };
  } else if (mode === "read-dir") {
    const { readSubmission } = require("../lib/xlsx/read/submission");
    const { nodeInflate } = require("../lib/xlsx/nodeInflate");
    const names = fs.readdirSync(target).filter((n) => n.endsWith(".xlsx"));
    let forms = 0;
    for (const n of names) {
      const f = path.join(target, n);
      forms += readSubmission(f, new Uint8Array(fs.readFileSync(f)), {
        inflate: nodeInflate,
      }).filter((s) => s.form).length;
    }
    extra = { files: names.length, forms };
  } else if (mode === "merge") {
    const { expandInputs, readSubmissions } = require("../lib/cli/merge");
    const { mergeForms, buildSummary, DEFAULT_FORM } = require("../lib/domain");
    const { writeSummaryFile } = require("../lib/xlsx");
    const { files } = await expandInputs([target]);
    const subs = await readSubmissions(files);
    const result = mergeForms(subs, { formDef: DEFAULT_FORM, expect: "districts" });
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
    const { readFileBytes } = require("../lib/xlsx/files");
    const { nodeInflate } = require("../lib/xlsx/nodeInflate");
    const { readFormsFromBytes } = require("../lib/xlsx/read/readForm");
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
