import ExcelJS from "exceljs";
import { strFromU8, strToU8, Unzipped, unzipSync, zipSync } from "fflate";
import { promises as fs } from "fs";
import path from "path";
import { addCharts, ChartSpec } from "./chart";

/**
 * Row heights ExcelJS writes are marked as set by hand (customHeight), which stops Excel from re-fitting
 * a row when its text changes. Ours are estimates: keep them, drop the mark.
 */
export function unmarkRowHeights(files: Unzipped): void {
  for (const name of Object.keys(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = strFromU8(files[name]);
    if (!xml.includes('customHeight="1"')) continue;
    files[name] = strToU8(
      xml.replace(/<row\b[^>]*>/g, (tag) => tag.replace(' customHeight="1"', ""))
    );
  }
}

/** Finish a package ExcelJS wrote uncompressed: row heights, charts, then one compression pass. */
export function finishPackage(stored: Uint8Array, charts: ChartSpec[] = []): Uint8Array {
  const files = unzipSync(stored);
  unmarkRowHeights(files);
  addCharts(files, charts);
  return zipSync(files, { level: 5 });
}

/** Write bytes to a path; the target is replaced only once the whole file is written. */
export async function writeBytesAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** Write a workbook (and its charts) to a path, replacing the target only after success. */
export async function writeWorkbookFile(
  wb: ExcelJS.Workbook,
  target: string,
  charts: ChartSpec[] = []
): Promise<void> {
  const options = { zip: { compression: "STORE" } } as unknown as Partial<ExcelJS.XlsxWriteOptions>;
  const stored = new Uint8Array(await wb.xlsx.writeBuffer(options));
  await writeBytesAtomic(target, finishPackage(stored, charts));
}
