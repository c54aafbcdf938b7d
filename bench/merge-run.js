"use strict";
// One measured run in its own process, so that its peak memory is its own:
//   node bench/merge-run.js ita DIR OUT.xlsx     -> `ita merge DIR -o OUT.xlsx` (the whole command)
//   node bench/merge-run.js read-dir DIR         -> our reader (file and form) on every file of DIR
//   node bench/merge-run.js merge DIR OUT.xlsx   -> our full merge (read, validate, summary file)
//   node bench/merge-run.js exceljs DIR          -> ExcelJS's bare load of the same files
//   node bench/merge-run.js read FILE            -> our reader on one file
//   node bench/merge-run.js phases DIR OUT.xlsx  -> the command's steps one by one (as `ita merge`
//                                                   runs them): time and retained heap after each
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
    // The JSON goes to a file as it would to a redirected standard output, not kept here: its
    // memory is the command's, measured before it is read back for the counts.
    const jsonFile = `${out}.json`;
    const fd = fs.openSync(jsonFile, "w");
    const code = await main(["merge", target, "-o", out, "--json", "--expect", "districts"], {
      out: (s) => fs.writeSync(fd, s),
      err: () => undefined,
    });
    fs.closeSync(fd);
    const ms = performance.now() - t0;
    const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const json = mergedPart(jsonFile);
    fs.rmSync(jsonFile);
    extra = {
      ms: Math.round(ms),
      maxRssMb,
      code,
      merged: json.merged.length,
      rejected: json.rejected.length,
    };
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
  } else if (mode === "phases") {
    extra = { phases: await phases(target, out) };
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

/**
 * The merge's part of `--json` (what precedes the report's trace, the bulk of it), read up to the
 * report's key only: a top-level key is the only line indented by two spaces that starts so.
 */
function mergedPart(file) {
  const fd = fs.openSync(file, "r");
  const marker = Buffer.from('\n  "report": ');
  const chunks = [];
  let at = -1;
  for (let pos = 0; at < 0;) {
    const chunk = Buffer.alloc(4 << 20);
    const n = fs.readSync(fd, chunk, 0, chunk.length, pos);
    if (!n) break;
    chunks.push(chunk.subarray(0, n));
    pos += n;
    // A marker across two chunks is found in the joined bytes.
    at = Buffer.concat(chunks).indexOf(marker);
  }
  fs.closeSync(fd);
  if (at < 0) throw new Error(`no report in ${file}`);
  // The bytes before the marker end with the comma after the last key before it.
  return JSON.parse(
    `${Buffer.concat(chunks)
      .subarray(0, at - 1)
      .toString("utf8")}\n}`
  );
}

/**
 * Where a merge's time and memory go: the steps of `ita merge DIR -o OUT --json` (lib/cli/merge.js)
 * timed one by one, with the heap still in use after each (collected first, outside the timings).
 */
async function phases(dir, out) {
  const v8 = require("v8");
  const vm = require("vm");
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc");
  const { readUnitFiles, mergeRead } = require("../lib/app/mergeSession");
  const { nodeReadPool } = require("../lib/cli/readPool");
  const { diskFile } = require("../lib/cli/diskFile");
  const { expandInputs, mergeJson } = require("../lib/cli/merge");
  const { writeJson } = require("../lib/cli/jsonOut");
  const { nodeInflate } = require("../lib/xlsx/nodeInflate");
  const { matchUnitMeasures } = require("../lib/domain/report/unitMeasures");
  const { reportTrace } = require("../lib/domain/report/trace");
  const { writeSummaryFile } = require("../lib/xlsx/write/writeSummary");
  const steps = [];
  let t = performance.now();
  const step = (name) => {
    const ms = performance.now() - t;
    gc();
    steps.push({
      name,
      ms: Math.round(ms),
      heapMb: Math.round(process.memoryUsage().heapUsed / 1048576),
    });
    t = performance.now();
  };
  const inputs = await expandInputs([dir]);
  const read = await readUnitFiles(inputs.files.map(diskFile), {
    inflate: nodeInflate,
    pool: nodeReadPool(inputs.files.length),
  });
  step("read (the reader, in workers from 300 files)");
  const outcome = mergeRead(read, { expect: "districts" });
  step("merge (choose, validate, score)");
  matchUnitMeasures(outcome.result);
  step("credit results to measures");
  // As the command does it: each sheet made (its rows laid out) and written, then dropped.
  await writeSummaryFile(out, outcome.sheetsOneByOne());
  step("the other summary sheets, made and written one by one");
  // As the command writes it: in pieces, to an output that keeps nothing.
  let chars = 0;
  writeJson({ ...mergeJson(outcome, inputs, out), report: reportTrace(outcome.result) }, (s) => {
    chars += s.length;
  });
  step(`--json (${Math.round(chars / 1048576)} M characters, in pieces)`);
  return steps;
}

main().catch((e) => {
  process.stderr.write(`${e.stack}\n`);
  process.exit(1);
});
