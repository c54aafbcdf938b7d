/**
 * An oracle for the district-file reader: LibreOffice headless exports every sheet of generated
 * variants of a filled form to CSV, and our reader must see the form sheet's cells exactly as
 * LibreOffice does (values, not formats; merged cells hold their value in the top-left cell only).
 */
import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { nodeInflate } from "../../src/xlsx";
import { readFormSheets, submittedForms } from "../../src/xlsx/read/readForm";
import { CORPUS } from "../corpus/cases";

/** Variants LibreOffice cannot stand in for, with the reason. */
const NOT_COMPARED: Record<string, string> = {
  "odd-picture-in-cell-1031.xlsx": "LibreOffice shows #VALUE! where Excel 365 shows a picture",
  "xml-hex-number-1014.xlsx": "LibreOffice turns a number it cannot parse into 0; we keep the text",
  "zip64-1022.xlsx":
    "LibreOffice refuses this zip64 package, which Info-ZIP and Python's zipfile read",
  "paths-relocated-1018.xlsx":
    "LibreOffice does not find parts whose names differ in case from their relationship targets",
};

/** LibreOffice's CSV export: UTF-8, every sheet to its own file (token 12 = -1), values not formats. */
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** A cell as text; a line break is compared as LF (LibreOffice drops the CR of Excel's CR LF). */
const show = (v: string | number | boolean | null): string =>
  v === null
    ? ""
    : typeof v === "boolean"
      ? v
        ? "TRUE"
        : "FALSE"
      : String(v).replace(/\r\n/g, "\n");

/** Cells agree when the texts are equal, or both are numbers within floating-point noise. */
const same = (ours: string, theirs: string) => {
  if (ours === theirs) return true;
  const a = Number(ours);
  const b = Number(theirs);
  return (
    ours !== "" &&
    theirs !== "" &&
    Number.isFinite(a) &&
    Number.isFinite(b) &&
    Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))
  );
};

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ita-oracle-"));
});

// The files made here (and LibreOffice's profile) are removed once the file has run.
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

it("LibreOffice and our reader see the same cells on every readable variant of a filled form", async () => {
  const cases = CORPUS.filter((c) => c.merges && !NOT_COMPARED[c.file]);
  expect(cases.length).toBeGreaterThanOrEqual(15);
  for (const c of cases) await c.make(dir);
  const files = cases.map((c) => path.join(dir, c.file));
  const out = path.join(dir, "csv");
  const r = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=file://${path.join(dir, "profile")}`,
      "--headless",
      "--norestore",
      "--convert-to",
      CSV_FILTER,
      "--outdir",
      out,
      ...files,
    ],
    { encoding: "utf8", timeout: 600000 }
  );
  expect(r.status).toBe(0);

  const report: string[] = [];
  for (const c of cases) {
    const bytes = new Uint8Array(await fs.readFile(path.join(dir, c.file)));
    const sheets = readFormSheets(c.file, bytes, { inflate: nodeInflate });
    const [form] = submittedForms(c.file, sheets);
    const grid = sheets.find((s) => s.form === form)!.grid;
    const base = c.file.replace(/\.[^.]+$/, "");
    const csvFile = path.join(out, `${base}-${form.sheet}.csv`);
    let csv: string[][];
    try {
      csv = parseCsv(await fs.readFile(csvFile, "utf8"));
    } catch {
      report.push(`${c.file}: LibreOffice wrote no CSV for sheet "${form.sheet}"`);
      continue;
    }
    const rows = Math.max(csv.length, grid.rowCount);
    const cols = Math.max(grid.colCount, ...csv.map((x) => x.length));
    let differences = 0;
    for (let row = 1; row <= rows; row++) {
      for (let col = 1; col <= cols; col++) {
        const ours = show(grid.raw(row, col));
        const theirs = csv[row - 1]?.[col - 1] ?? "";
        if (same(ours, theirs)) continue;
        if (differences++ < 3)
          report.push(
            `${c.file} R${row}C${col}: ours ${JSON.stringify(ours.slice(0, 60))}, LibreOffice ${JSON.stringify(theirs.slice(0, 60))}`
          );
      }
    }
  }
  expect(report).toEqual([]);
});
