"use strict";
// npm run bench: generates 50 and 500 realistic district workbooks with the project's own scaffold,
// then times whole processes against the floor (Node start, reading the bytes, inflating only the
// parts the merge needs): our reader on 50 files, `ita merge` of 50 and 500 files with its peak
// memory, `ita --help`, and our reader on a file whose data validation covers whole columns.
// Prints the numbers beside the floor and the targets; exits 0 either way.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { strFromU8, strToU8, unzipSync, zipSync } = require("fflate");
const {
  DEFAULT_FORM,
  DISTRICTS,
  LAYOUT_VERSION,
  metaFromReport,
  renderForm,
} = require("../lib/domain");
const { reportSchema } = require("../lib/domain/report");
const { writeFormWorkbook } = require("../lib/xlsx/write/writeForm");
const { prng, syntheticReport } = require("../lib/cli/sampleData");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "out", "bench");
const RUNS = Number(process.env.BENCH_RUNS || 3);

/** What the generated files depend on: they are made again when it changes. */
const STAMP = JSON.stringify({
  form: DEFAULT_FORM.version,
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
      ...syntheticReport(base, DEFAULT_FORM, unit, i + 1),
      fiscalYear: 2567 - Math.floor(k / 2),
      round: k % 2 ? 12 : 6,
    };
    await writeFormWorkbook(
      path.join(dir, `${unit.code}-${report.fiscalYear}-r${report.round}.xlsx`),
      renderForm(DEFAULT_FORM, metaFromReport(report), report)
    );
  }
  fs.writeFileSync(stamp, STAMP);
}

/** Run a script in a fresh process; wall time of the whole process, as a user waits for it. */
function measure(script, args, timeoutMs = 600000) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-r", CPU_EXIT, script, ...args], {
    encoding: "utf8",
    timeout: timeoutMs,
  });
  const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.error && r.error.code === "ETIMEDOUT") return { timedOut: true, ms: timeoutMs, wallMs };
  if (r.status !== 0 && !(args[0] === "ita" && r.status === 3))
    throw new Error(`${path.basename(script)} ${args.join(" ")} failed: ${r.stderr}`);
  const last = r.stdout.trim().split("\n").pop();
  const cpu = JSON.parse(r.stderr.trim().split("\n").pop());
  return { ...(last && last.startsWith("{") ? JSON.parse(last) : {}), wallMs, cpuMs: cpu.cpuMs };
}

/** Preloaded into each measured process: prints its CPU time on exit. */
const CPU_EXIT = path.join(__dirname, "cpu-exit.js");

const RUN = path.join(__dirname, "merge-run.js");
const FLOOR = path.join(__dirname, "floor-run.js");
const ITA = path.join(ROOT, "bin", "ita.js");

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function best(script, args) {
  const runs = Array.from({ length: RUNS }, () => measure(script, args));
  return {
    wallMs: Math.round(median(runs.map((r) => r.wallMs))),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    ms: median(runs.map((r) => r.ms ?? 0)),
    maxRssMb: Math.max(...runs.map((r) => r.maxRssMb ?? 0)),
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

  const floor50 = best(FLOOR, [d50]);
  const floor500 = best(FLOOR, [d500]);
  const read50 = best(RUN, ["read-dir", d50]);
  const merge50 = best(RUN, ["ita", d50, path.join(OUT, "summary-50.xlsx")]);
  const merge500 = best(RUN, ["ita", d500, path.join(OUT, "summary-500.xlsx")]);
  const help = best(ITA, ["--help"]);
  const bare50 = best(RUN, ["exceljs", d50]);

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
  const wcRead = best(RUN, ["read", wc]);

  // The heaviest file the reader accepts: a sheet and shared strings just under the part limit,
  // filled with text that does not compress (so that the ratio cap does not stop it first).
  const heavy = path.join(OUT, "heaviest-within-limits.xlsx");
  const { READ_LIMITS } = require("../lib/xlsx/read/limits");
  const budget = Math.floor(READ_LIMITS.partBytes * 0.95);
  const rnd = prng(7);
  const noise = () => Math.floor(rnd() * 1e9).toString(36);
  const base = unzipSync(new Uint8Array(fs.readFileSync(path.join(d50, first))));
  let sheetXml = strFromU8(base["xl/worksheets/sheet1.xml"]);
  let rows = "";
  for (let r = 1000; sheetXml.length + rows.length < budget; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < 2000; c++) row += `<c s="${noise()}"/>`;
    rows += `${row}</row>`;
  }
  base["xl/worksheets/sheet1.xml"] = strToU8(
    sheetXml.replace("</sheetData>", `${rows}</sheetData>`)
  );
  sheetXml = rows = "";
  let sst = strFromU8(base["xl/sharedStrings.xml"]);
  const items = [];
  for (let n = sst.length; n < budget;) {
    const item = `<si><t>${Array.from({ length: 16 }, noise).join("")}</t></si>`; // under the count limit
    items.push(item);
    n += item.length;
  }
  base["xl/sharedStrings.xml"] = strToU8(sst.replace("</sst>", `${items.join("")}</sst>`));
  sst = "";
  fs.writeFileSync(heavy, zipSync(base, { level: 6 }));
  const heavyRead = best(RUN, ["read", heavy]);
  const wcExcel = measure(RUN, ["exceljs-one", wc], 30000);

  const ms = (x) => `${x} ms`;
  const row = (name, value, floor, target, ok, cpu = "", cpuFloor = "") =>
    console.log(
      `${name.padEnd(44)} ${String(value).padStart(10)} ${String(floor).padStart(10)}   ${target.padEnd(18)} ${(ok === undefined ? "" : ok ? "ok" : "MISSED").padEnd(6)} ${String(cpu).padStart(10)} ${String(cpuFloor).padStart(10)}`
    );
  console.log(
    `\nwhole processes (Node start included), median of ${RUNS} runs each, on this machine (${require("os").cpus().length} cores, load average ${require("os").loadavg()[0].toFixed(1)})`
  );
  console.log(
    "wall time is what a user waits for (the targets); CPU time (user + system) is the process's own work, which other load on the machine changes much less"
  );
  console.log(
    `the floor: Node starts, reads the bytes and inflates only the parts the merge needs (bench/floor-run.js)\n`
  );
  row("", "ours", "floor", "target (wall)", undefined, "ours, CPU", "floor, CPU");
  row(
    "read 50 district files",
    ms(read50.wallMs),
    ms(floor50.wallMs),
    `<= 2x floor (${2 * floor50.wallMs})`,
    read50.wallMs <= 2 * floor50.wallMs,
    ms(read50.cpuMs),
    ms(floor50.cpuMs)
  );
  row(
    "ita merge, 50 files",
    ms(merge50.wallMs),
    ms(floor50.wallMs),
    "<= 500 ms",
    merge50.wallMs <= 500,
    ms(merge50.cpuMs),
    ms(floor50.cpuMs)
  );
  row(
    "ita merge, 500 files",
    ms(merge500.wallMs),
    ms(floor500.wallMs),
    "<= 1500 ms",
    merge500.wallMs <= 1500,
    ms(merge500.cpuMs),
    ms(floor500.cpuMs)
  );
  row(
    "peak memory, ita merge of 500",
    `${merge500.maxRssMb} MB`,
    "",
    "<= 250 MB",
    merge500.maxRssMb <= 250
  );
  row(
    "ita --help (start-up)",
    ms(help.wallMs),
    "",
    "<= 150 ms",
    help.wallMs <= 150,
    ms(help.cpuMs)
  );
  row(
    "read one whole-column-validation file",
    ms(wcRead.wallMs),
    "",
    "< 1000 ms",
    wcRead.wallMs < 1000,
    ms(wcRead.cpuMs)
  );
  row(
    `heaviest file within the limits (${(fs.statSync(heavy).size / 1048576).toFixed(1)} MB)`,
    ms(heavyRead.wallMs),
    "",
    "<= 2000 ms",
    heavyRead.wallMs <= 2000,
    ms(heavyRead.cpuMs)
  );
  row(
    "peak memory, that file",
    `${heavyRead.maxRssMb} MB`,
    "",
    "<= 300 MB",
    heavyRead.maxRssMb <= 300
  );
  console.log("\nfor comparison");
  row("ExcelJS bare load, 50 files", ms(bare50.wallMs), ms(floor50.wallMs), "");
  row(
    "ExcelJS load of the whole-column file",
    wcExcel.timedOut ? "> 30000 ms" : ms(Math.round(wcExcel.wallMs)),
    "",
    ""
  );
  console.log(
    `(merged ${merge500.last.merged}/${merge500.last.merged + merge500.last.rejected} of the 500 files; read ${read50.last.forms} forms from 50 files)`
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
