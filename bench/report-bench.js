"use strict";
// npm run bench (report part): the central report (model + Word file) for 50 and 500 units, built
// in-process from forms read back from the project's own rendered sheets (no files: the reading and
// merging of files is timed by merge-bench.js). Prints the numbers beside the targets; exits 0.
const fs = require("fs");
const path = require("path");
const {
  buildCentralReport,
  DEFAULT_FORM,
  DISTRICTS,
  mergeForms,
  metaFromReport,
  modelGrid,
  readForm,
  renderForm,
} = require("../lib/domain");
const { reportSchema } = require("../lib/domain/report");
const { reportDocxBytes } = require("../lib/docx/reportDocx");
const { syntheticReport } = require("../lib/domain/sampleData");

const ROOT = path.resolve(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS || 3);
const TARGET = { 50: 2000, 500: 15000 };

function submissions(count) {
  const base = reportSchema.parse(
    JSON.parse(fs.readFileSync(path.join(ROOT, "samples", "chom-thong-2567-r6.json"), "utf8"))
  );
  const subs = [];
  for (let i = 0; i < count; i++) {
    // 50 districts, then other units under their own names.
    const unit =
      i < 50 ? DISTRICTS[i] : { code: null, th: `หน่วยงานทดสอบที่ ${i - 49}`, en: `Unit ${i - 49}` };
    const report = syntheticReport(base, DEFAULT_FORM, unit, i + 1);
    const model = renderForm(DEFAULT_FORM, metaFromReport(report), report);
    subs.push({ file: `u${i}.xlsx`, form: readForm(modelGrid(model), DEFAULT_FORM) });
  }
  return subs;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  for (const count of [50, 500]) {
    const subs = submissions(count);
    const model = [];
    const docx = [];
    let bytes = 0;
    let report;
    for (let r = 0; r < RUNS; r++) {
      // A merge of its own each run: the units' measures are matched once per merge (and kept with
      // it), so a second report of the same merge would not time the matching.
      const merged = mergeForms(subs, { formDef: DEFAULT_FORM, expect: "districts" });
      let t = performance.now();
      report = buildCentralReport(merged);
      model.push(performance.now() - t);
      t = performance.now();
      bytes = (await reportDocxBytes(report)).length;
      docx.push(performance.now() - t);
    }
    const total = median(model) + median(docx);
    const s = report.stats;
    console.log(
      `report for ${count} units (median of ${RUNS}; first run ${(model[0] + docx[0]).toFixed(0)} ms): model ${median(model).toFixed(0)} ms + Word ${median(docx).toFixed(0)} ms = ${total.toFixed(0)} ms (target < ${TARGET[count]} ms${total < TARGET[count] ? ", met" : ", NOT MET"}); ` +
        `${bytes.toLocaleString("en-US")} bytes; ${s.standardRows} standard-measure rows, ${s.ownRows} own-measure rows; ` +
        `units counted under a measure from their results: ${s.unitsCredited} of ${s.unitsWithText} that wrote measures or results`
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(0);
});
