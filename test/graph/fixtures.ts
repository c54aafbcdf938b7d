/** District workbooks as bytes, for the library's stand-in. */
import { promises as fs } from "fs";
import { Report } from "../../src/domain";
import { cleanReport } from "../helpers";
import { districtReport, writeDistrict } from "../merge/districts";
import { tmpDir } from "../tmp";

/** A district's report workbook (Chom Thong's sample, others derived from it), as its bytes. */
export async function districtBytes(code: string, edit?: (r: Report) => void): Promise<Uint8Array> {
  const r = districtReport(code);
  edit?.(r);
  const file = await writeDistrict(await tmpDir(), `${code}.xlsx`, r);
  return new Uint8Array(await fs.readFile(file));
}

/** Chom Thong's report that every rule passes (FY2567, 6-month round), as its bytes. */
export async function cleanBytes(edit?: (r: Report) => void): Promise<Uint8Array> {
  const r = cleanReport(6);
  edit?.(r);
  const file = await writeDistrict(await tmpDir(), "clean.xlsx", r);
  return new Uint8Array(await fs.readFile(file));
}
