"use strict";
// npm run bench: generates 50 and 500 realistic district workbooks with the project's own scaffold,
// then times ExcelJS's bare load of them against our full merge, and our reader on a file whose data
// validation covers whole columns. Prints the numbers and the targets; exits 0 either way.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { strFromU8, strToU8, unzipSync, zipSync } = require("fflate");
const {
  DEFAULT_CATALOG,
  DISTRICTS,
  LAYOUT_VERSION,
  metaFromReport,
  renderForm,
  reportSchema,
} = require("../lib/domain");
const { writeFormFile } = require("../lib/xlsx");
const { syntheticReport } = require("../lib/cli/sampleData");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "out", "bench");
const RUNS = Number(process.env.BENCH_RUNS || 3);

/** What the generated files depend on: they are made again when it changes. */
const STAMP = JSON.stringify({
  form: DEFAULT_CATALOG.version,
  layout: LAYOUT_VERSION,
  generator: 1,
});

async function generate(dir, count) {
  const stamp = path.join(dir, ".generated");
  if (
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === STAMP &&
    fs.readdirSync(dir).filter((n) => n.endsWith(".xlsx")).length === count
  )
    return;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const base = reportSchema.parse(
    JSON.parse(fs.readFileSync(path.join(ROOT, "samples", "chom-thong-2567-r6.json"), "utf8"))
  );
  for (let i = 0; i < count; i++) {
    const unit = DISTRICTS[i % 50];
    const k = Math.floor(i / 50); // 500 files: 50 districts x 5 fiscal years x 2 rounds
    const report = {
      ...syntheticReport(base, DEFAULT_CATALOG, unit, i + 1),
      fiscalYear: 2567 - Math.floor(k / 2),
      round: k % 2 ? 12 : 6,
    };
    await writeFormFile(
      path.join(dir, `${unit.code}-${report.fiscalYear}-r${report.round}.xlsx`),
      renderForm(DEFAULT_CATALOG, metaFromReport(report), report)
    );
  }
  fs.writeFileSync(stamp, STAMP);
}

function measure(args, timeoutMs = 600000) {
  const r = spawnSync(process.execPath, [path.join(__dirname, "merge-run.js"), ...args], {
    encoding: "utf8",
    timeout: timeoutMs,
  });
  if (r.error && r.error.code === "ETIMEDOUT") return { timedOut: true, ms: timeoutMs };
  if (r.status !== 0) throw new Error(`merge-run ${args.join(" ")} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function best(args) {
  const runs = Array.from({ length: RUNS }, () => measure(args));
  return {
    ms: median(runs.map((r) => r.ms)),
    maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)),
    last: runs[runs.length - 1],
  };
}

async function main() {
  const d50 = path.join(OUT, "districts-50");
  const d500 = path.join(OUT, "districts-500");
  let t = Date.now();
  await generate(d50, 50);
  await generate(d500, 500);
  const size = (d) => fs.readdirSync(d).reduce((n, f) => n + fs.statSync(path.join(d, f)).size, 0);
  console.log(
    `generated (or reused) 50 and 500 workbooks in ${((Date.now() - t) / 1000).toFixed(1)} s; 500 files = ${(size(d500) / 1048576).toFixed(1)} MB`
  );

  const bare50 = best(["exceljs", d50]);
  const merge50 = best(["merge", d50, path.join(OUT, "summary-50.xlsx")]);
  const bare500 = best(["exceljs", d500]);
  const merge500 = best(["merge", d500, path.join(OUT, "summary-500.xlsx")]);

  // One file whose data validations cover whole columns (exceljs#1842).
  const wc = path.join(OUT, "whole-column.xlsx");
  const first = fs
    .readdirSync(d50)
    .filter((n) => n.endsWith(".xlsx"))
    .sort()[0];
  const files = unzipSync(new Uint8Array(fs.readFileSync(path.join(d50, first))));
  const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]).replace(
    /<dataValidations[\s\S]*?<\/dataValidations>/,
    '<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" sqref="C1:C1048576 E1:G1048576"><formula1>0</formula1><formula2>100</formula2></dataValidation></dataValidations>'
  );
  files["xl/worksheets/sheet1.xml"] = strToU8(sheet);
  fs.writeFileSync(wc, zipSync(files));
  const wcRead = best(["read", wc]);
  const wcExcel = measure(["exceljs-one", wc], 30000);

  const row = (name, value, target, ok) =>
    console.log(
      `${name.padEnd(52)} ${String(value).padStart(12)}   target ${target.padEnd(12)} ${ok ? "ok" : "MISSED"}`
    );
  console.log(`\nmedian of ${RUNS} runs, each in a fresh process (2-core machine)`);
  console.log(
    `${"ExcelJS bare load, 50 files".padEnd(52)} ${String(bare50.ms + " ms").padStart(12)}`
  );
  console.log(
    `${"our full merge, 50 files (read+validate+summary)".padEnd(52)} ${String(merge50.ms + " ms").padStart(12)}`
  );
  console.log(
    `${"ExcelJS bare load, 500 files".padEnd(52)} ${String(bare500.ms + " ms").padStart(12)}`
  );
  console.log(
    `${"our full merge, 500 files".padEnd(52)} ${String(merge500.ms + " ms").padStart(12)}`
  );
  row(
    "merge 50 / bare load 50",
    (merge50.ms / bare50.ms).toFixed(2) + "x",
    "<= 1.3x",
    merge50.ms <= 1.3 * bare50.ms
  );
  row(
    "merge 500 / merge 50",
    (merge500.ms / merge50.ms).toFixed(2) + "x",
    "<= 11x",
    merge500.ms <= 11 * merge50.ms
  );
  row("peak RSS, merge of 500", merge500.maxRssMb + " MB", "<= 300 MB", merge500.maxRssMb <= 300);
  row(
    "read one whole-column-validation file (ours)",
    wcRead.ms + " ms",
    "< 1000 ms",
    wcRead.ms < 1000
  );
  console.log(
    `${"ExcelJS load of that file".padEnd(52)} ${String(wcExcel.timedOut ? "> 30000 ms (stopped)" : wcExcel.ms + " ms").padStart(12)}`
  );
  console.log(
    `(peak RSS of ExcelJS bare load of 500: ${bare500.maxRssMb} MB; merged ${merge500.last.merged}/${merge500.last.files} files)`
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
