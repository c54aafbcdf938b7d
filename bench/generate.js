"use strict";
// Unit workbooks for the bench, all of one period (FY2567, 6-month round), as a merge receives them:
// the 50 districts, then other units of the city ("หน่วยงานทดสอบ 0051" …) up to the count asked.
// The districts and 50 unit templates are written by the project's own scaffold (distinct scores
// and texts); the other units are those templates with the unit's number put in (the same bytes
// otherwise, each zipped again), which makes 5,000 files in about a minute.
const fs = require("fs");
const path = require("path");
const { strFromU8, strToU8, unzipSync, zipSync } = require("fflate");
const {
  DEFAULT_FORM,
  DISTRICTS,
  LAYOUT_VERSION,
  metaFromReport,
  namedUnit,
  renderForm,
} = require("../lib/domain");
const { reportSchema } = require("../lib/domain/report");
const { writeFormWorkbook } = require("../lib/xlsx/write/writeForm");
const { syntheticReport } = require("../lib/domain/sampleData");

const ROOT = path.resolve(__dirname, "..");
/** What the generated files depend on: they are made again when it changes. */
const STAMP = JSON.stringify({ form: DEFAULT_FORM.version, layout: LAYOUT_VERSION, generator: 2 });
const TOKEN = "QQQQ";

async function templates(dir) {
  const base = reportSchema.parse(
    JSON.parse(fs.readFileSync(path.join(ROOT, "samples", "chom-thong-2567-r6.json"), "utf8"))
  );
  const write = async (file, unit, seed) => {
    const report = syntheticReport(base, DEFAULT_FORM, unit, seed);
    await writeFormWorkbook(file, renderForm(DEFAULT_FORM, metaFromReport(report), report));
  };
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 50; i++) {
    const d = path.join(dir, `${DISTRICTS[i].code}.xlsx`);
    if (!fs.existsSync(d)) await write(d, DISTRICTS[i], i + 1);
    const t = path.join(dir, `template-${i}.xlsx`);
    if (!fs.existsSync(t)) await write(t, namedUnit(`หน่วยงานทดสอบ ${TOKEN}`), 1000 + i);
  }
}

/** `count` unit files in `dir` (made again only when the stamp or the count changed). */
async function generate(root, dir, count) {
  const stamp = path.join(dir, ".generated");
  if (
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === `${STAMP}:${count}` &&
    fs.readdirSync(dir).filter((n) => n.endsWith(".xlsx")).length === count
  )
    return;
  const tdir = path.join(root, "templates");
  if (
    !fs.existsSync(path.join(tdir, ".stamp")) ||
    fs.readFileSync(path.join(tdir, ".stamp"), "utf8") !== STAMP
  ) {
    fs.rmSync(tdir, { recursive: true, force: true });
    await templates(tdir);
    fs.writeFileSync(path.join(tdir, ".stamp"), STAMP);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const parts = Array.from({ length: 50 }, (_, i) =>
    unzipSync(new Uint8Array(fs.readFileSync(path.join(tdir, `template-${i}.xlsx`))))
  );
  for (let j = 0; j < count; j++) {
    if (j < 50) {
      const code = DISTRICTS[j].code;
      fs.copyFileSync(path.join(tdir, `${code}.xlsx`), path.join(dir, `${code}.xlsx`));
      continue;
    }
    const number = String(j + 1).padStart(4, "0");
    const files = {};
    for (const [name, bytes] of Object.entries(parts[j % 50])) {
      const text = /\.xml$/.test(name) ? strFromU8(bytes) : null;
      files[name] = text && text.includes(TOKEN) ? strToU8(text.split(TOKEN).join(number)) : bytes;
    }
    fs.writeFileSync(path.join(dir, `unit-${number}.xlsx`), zipSync(files, { level: 6 }));
  }
  fs.writeFileSync(stamp, `${STAMP}:${count}`);
}

module.exports = { generate };
