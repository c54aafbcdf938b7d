#!/usr/bin/env node
"use strict";
/**
 * Writes src/domain/catalog/forms/index.ts: the list of the form files in that folder, so that a new
 * year's form is a new JSON file and `npm run forms`, not new code. `--check` exits 1 when the list
 * is out of date (a test runs it).
 */
const fs = require("fs");
const path = require("path");
const prettier = require("prettier");

const dir = path.join(__dirname, "../src/domain/catalog/forms");
const target = path.join(dir, "index.ts");

async function generate() {
  const files = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .map((file) => {
      const data = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
      return { file, formId: data.formId, version: data.version, fiscalYear: data.fiscalYear };
    })
    .sort(
      (a, b) =>
        a.fiscalYear - b.fiscalYear ||
        a.version.localeCompare(b.version, "en", { numeric: true }) ||
        a.file.localeCompare(b.file)
    );
  const id = (i) => `form${i}`;
  const text = [
    "// Written by `npm run forms` (scripts/forms-index.js) from the JSON files in this folder.",
    "// A new year's form is a new JSON file here; run `npm run forms` to list it. Do not edit by hand.",
    ...files.map((f, i) => `import ${id(i)} from "./${f.file}";`),
    "",
    "/** The form files this build bundles, oldest first (by fiscal year, then version). */",
    "export const BUNDLED_FORM_FILES: readonly { file: string; data: unknown }[] = [",
    ...files.map((f, i) => `{ file: ${JSON.stringify(f.file)}, data: ${id(i)} },`),
    "];",
    "",
  ].join("\n");
  const config = (await prettier.resolveConfig(target)) ?? {};
  return prettier.format(text, { ...config, filepath: target });
}

generate().then(
  (text) => {
    if (process.argv.includes("--check")) {
      const now = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
      if (now !== text) {
        process.stderr.write(`${target} is out of date: run npm run forms\n`);
        process.exit(1);
      }
      return;
    }
    fs.writeFileSync(target, text);
    process.stdout.write(`wrote ${target}\n`);
  },
  (e) => {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
);
