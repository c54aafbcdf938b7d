import { promises as fs } from "fs";
import path from "path";
import {
  findDistrict,
  formForYear,
  formMarker,
  metaFromReport,
  renderForm,
  resolveUnit,
  validate,
} from "../domain";
import { reportSchema } from "../domain/report";
import { readFormSheetFile } from "../xlsx/files";
import { writeFormWorkbook } from "../xlsx/write/writeForm";
import { parse } from "./args";
import { formatValidation } from "./commands";
import type { Io } from "./io";
import { merge } from "./merge";
import { syntheticReport } from "../domain/sampleData";

/** Bundled sample data: the Chom Thong FY2567 6-month report (seed 003). */
export const SAMPLES_DIR = path.resolve(__dirname, "../../samples");

/** The districts the demo makes sample workbooks for, besides Chom Thong. */
const DEMO_DISTRICTS = ["1001", "1002", "1006", "1040"];

/**
 * `ita demo [--out DIR]`: the main job on bundled data, no Excel needed. Scaffolds a blank form,
 * writes the Chom Thong report into a form, reads it back, validates it and prints flags and issues;
 * then writes four more district workbooks (results written as districts write them: details of their
 * own, some measures not done yet) and a broken file, and merges them into the central summary.
 */
export async function demo(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    command: "ita demo",
    options: { out: { type: "string" } },
    positionals: false,
  });
  const outDir = path.resolve(String(values.out ?? "out/demo"));
  const districtsDir = path.join(outDir, "districts");
  await fs.rm(districtsDir, { recursive: true, force: true });
  await fs.mkdir(districtsDir, { recursive: true });

  const sample = reportSchema.parse(
    JSON.parse(await fs.readFile(path.join(SAMPLES_DIR, "chom-thong-2567-r6.json"), "utf8"))
  );
  const meta = metaFromReport(sample);
  const formDef = formForYear(sample.fiscalYear).form; // the sample's year has its own form

  const blank = path.join(outDir, "blank-form-chom-thong-2567-r6.xlsx");
  await writeFormWorkbook(blank, renderForm(formDef, { ...meta, unit: resolveUnit("1035") }));
  io.out(`1. แบบรายงานเปล่า / Blank form (${formMarker(formDef)}): ${blank}\n`);

  const filled = path.join(districtsDir, "1035-chom-thong-2567-r6.xlsx");
  await writeFormWorkbook(filled, renderForm(formDef, meta, sample));
  io.out(`2. กรอกรายงานตัวอย่างเขตจอมทอง / Filled with the Chom Thong sample: ${filled}\n`);

  const { form } = await readFormSheetFile(filled);
  const result = validate(form);
  io.out(`3. ตรวจสอบ / Validation:\n`);
  io.out(formatValidation(filled, form, result));

  for (const [i, code] of DEMO_DISTRICTS.entries()) {
    const unit = findDistrict(code)!;
    const report = syntheticReport(sample, formDef, unit, i + 1, { results: "varied" });
    const file = path.join(
      districtsDir,
      `${code}-${unit.en.toLowerCase().replace(/\s+/g, "-")}-2567-r6.xlsx`
    );
    await writeFormWorkbook(file, renderForm(formDef, metaFromReport(report), report));
  }
  await fs.writeFile(
    path.join(districtsDir, "9999-not-a-workbook.xlsx"),
    "this file is not a workbook\n"
  );
  const summary = path.join(outDir, "central-summary-2567-r6.xlsx");
  io.out(
    `\n4. รวมรายงาน ${DEMO_DISTRICTS.length + 1} เขต และไฟล์เสีย 1 ไฟล์ / Merging ${DEMO_DISTRICTS.length + 1} districts and one broken file:\n`
  );
  const report = path.join(outDir, "central-report-2567-r6.docx");
  const code = await merge([districtsDir, "-o", summary, "--report", report], {
    out: io.out,
    err: () => undefined,
  });
  io.out(`\nไฟล์ทั้งหมดอยู่ที่ / All files are in: ${outDir}\n`);
  return code === 2 ? 2 : 0;
}
