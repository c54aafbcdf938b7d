import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { promises as fs } from "fs";
import path from "path";
import { syntheticReport } from "../../src/domain/sampleData";
import { findDistrict, metaFromReport, renderForm, Report } from "../../src/domain";
import { FY2567 } from "../forms";
import { writeFormWorkbook } from "../../src/xlsx";
import { sampleReport } from "../helpers";

/** A district's report: Chom Thong's as it is, others derived from it deterministically. */
export function districtReport(code: string, seed = Number(code)): Report {
  if (code === "1035") return sampleReport();
  return syntheticReport(sampleReport(), FY2567, findDistrict(code)!, seed);
}

export async function writeDistrict(dir: string, name: string, report: Report): Promise<string> {
  const file = path.join(dir, name);
  await writeFormWorkbook(file, renderForm(FY2567, metaFromReport(report), report));
  return file;
}

/** Edit a written workbook with ExcelJS (as a user would in Excel) and save it under a new name. */
export async function editWorkbook(
  src: string,
  dest: string,
  edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  edit(wb.worksheets[0], wb);
  await wb.xlsx.writeFile(dest);
  return dest;
}

/** Rewrite one part of an xlsx package (for cases ExcelJS cannot produce). */
export async function patchPart(
  src: string,
  dest: string,
  part: string,
  patch: (xml: string) => string
): Promise<string> {
  const files = unzipSync(new Uint8Array(await fs.readFile(src)));
  files[part] = strToU8(patch(strFromU8(files[part])));
  await fs.writeFile(dest, zipSync(files));
  return dest;
}

/** Row of an item on the first sheet of a workbook written by the layout. */
export function itemRow(ws: ExcelJS.Worksheet, code: string): number {
  let row = 0;
  ws.eachRow((r, n) => {
    if (r.getCell(1).value === code) row = n;
  });
  return row;
}
