import { promises as fs } from "fs";
import path from "path";
import {
  DEFAULT_CATALOG,
  formMarker,
  metaFromReport,
  renderForm,
  reportSchema,
  resolveUnit,
  validate,
} from "../domain";
import { readFormFile, writeFormFile } from "../xlsx";
import { parse } from "./args";
import { formatValidation, Io } from "./commands";

/** Bundled sample data: the Chom Thong FY2567 6-month report (seed 003). */
export const SAMPLES_DIR = path.resolve(__dirname, "../../samples");

/**
 * `ita demo [--out DIR]`: the main job on bundled data, no Excel needed. Scaffolds a blank form,
 * writes the Chom Thong report into a form, reads it back, validates it and prints flags and issues.
 */
export async function demo(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { out: { type: "string" } });
  const outDir = path.resolve(String(values.out ?? "out/demo"));
  await fs.mkdir(outDir, { recursive: true });

  const sample = reportSchema.parse(
    JSON.parse(await fs.readFile(path.join(SAMPLES_DIR, "chom-thong-2567-r6.json"), "utf8"))
  );
  const meta = metaFromReport(sample);

  const blank = path.join(outDir, "blank-form-chom-thong-2567-r6.xlsx");
  await writeFormFile(blank, renderForm(DEFAULT_CATALOG, { ...meta, unit: resolveUnit("1035") }));
  io.out(`1. แบบรายงานเปล่า / Blank form (${formMarker(DEFAULT_CATALOG)}): ${blank}\n`);

  const filled = path.join(outDir, "chom-thong-2567-r6.xlsx");
  await writeFormFile(filled, renderForm(DEFAULT_CATALOG, meta, sample));
  io.out(`2. กรอกรายงานตัวอย่างเขตจอมทอง / Filled with the Chom Thong sample: ${filled}\n`);

  const { form } = await readFormFile(filled);
  const result = validate(form);
  io.out(`3. ตรวจสอบ / Validation:\n`);
  io.out(formatValidation(filled, form, result));
  io.out(`\nไฟล์ทั้งหมดอยู่ที่ / All files are in: ${outDir}\n`);
  return 0;
}
