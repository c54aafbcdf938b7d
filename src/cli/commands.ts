import { promises as fs } from "fs";
import path from "path";
import {
  shortBy,
  BOUND_HINTS,
  isFiscalYear,
  isPassMark,
  isRound,
  currentFiscalYear,
  DEFAULT_CATALOG,
  DEFAULT_PASS_MARK,
  FormMeta,
  formToJson,
  metaFromReport,
  msg,
  parseScoresList,
  ReadForm,
  renderForm,
  Report,
  reportFromScores,
  reportSchema,
  resolveUnit,
  Round,
  unitDisplayName,
  validate,
  ValidationResult,
} from "../domain";
import { readFormFile } from "../xlsx/files";
import { numberOption, parse, UserError } from "./args";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** `ita scaffold -o FILE [--unit U] [--year 2567] [--round 6|12] [--threshold 85] [--from REPORT.json|SCORES.csv]` */
export async function scaffold(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    out: { type: "string", short: "o" },
    unit: { type: "string" },
    year: { type: "string" },
    round: { type: "string" },
    threshold: { type: "string" },
    preparer: { type: "string" },
    from: { type: "string" },
    sheet: { type: "string" },
  });
  if (!values.out)
    throw new UserError(msg("ต้องระบุไฟล์ผลลัพธ์ด้วย -o FILE", "Give the output file with -o FILE"));
  const year = numberOption("year", values.year, isFiscalYear, BOUND_HINTS.fiscalYear);
  const round = numberOption("round", values.round, isRound, BOUND_HINTS.round) as
    Round | undefined;
  const threshold = numberOption("threshold", values.threshold, isPassMark, BOUND_HINTS.passMark);
  const unitArg = values.unit === undefined ? undefined : resolveUnit(String(values.unit));

  let report: Report | undefined;
  let meta: FormMeta = {
    unit: unitArg ?? null,
    fiscalYear: year ?? currentFiscalYear(),
    round: round ?? 6,
    passMark: threshold ?? DEFAULT_PASS_MARK,
    preparer: (values.preparer as string | undefined) ?? "",
  };
  if (values.from) {
    const from = String(values.from);
    const text = await readText(from);
    if (/\.json$/i.test(from) || text.trimStart().startsWith("{")) {
      report = parseReportJson(from, text);
      const fromMeta = metaFromReport(report);
      meta = {
        unit: unitArg ?? fromMeta.unit,
        fiscalYear: year ?? fromMeta.fiscalYear,
        round: round ?? fromMeta.round,
        passMark: threshold ?? fromMeta.passMark,
        preparer: (values.preparer as string | undefined) ?? fromMeta.preparer,
      };
    } else {
      const { scores, unmatched } = parseScoresList(text, DEFAULT_CATALOG);
      for (const u of unmatched)
        io.err(`${from}:${u.line}: ${u.reason.th} / ${u.reason.en}: ${u.text}\n`);
      if (!scores.length)
        throw new UserError(msg(`ไม่พบคะแนนในไฟล์ ${from}`, `No scores found in ${from}`));
      report = reportFromScores(DEFAULT_CATALOG, meta, scores);
      io.err(`${scores.length} คะแนน / scores read from ${from}\n`);
    }
  }
  const model = renderForm(DEFAULT_CATALOG, meta, report, values.sheet as string | undefined);
  // The writer (ExcelJS) is loaded only by the command that writes.
  const { writeFormFile } =
    require("../xlsx/write/writeForm") as typeof import("../xlsx/write/writeForm");
  await writeFormFile(String(values.out), model);
  io.out(
    `เขียนแบบรายงานแล้ว / Form written: ${values.out} (sheet "${model.name}", ${DEFAULT_CATALOG.items.length} items)\n`
  );
  return 0;
}

async function readText(file: string): Promise<string> {
  try {
    return await fs.readFile(file, "utf8");
  } catch (e) {
    throw new UserError(
      msg(
        `อ่านไฟล์ ${file} ไม่ได้ (${(e as NodeJS.ErrnoException).code})`,
        `Cannot read ${file} (${(e as NodeJS.ErrnoException).code})`
      )
    );
  }
}

function parseReportJson(file: string, text: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UserError(
      msg(
        `ไฟล์ ${file} ไม่ใช่ JSON ที่ถูกต้อง: ${(e as Error).message}`,
        `${file} is not valid JSON: ${(e as Error).message}`
      )
    );
  }
  const r = reportSchema.safeParse(data);
  if (!r.success) {
    const where = r.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join(".")}: ${i.message}`)
      .join("; ");
    throw new UserError(
      msg(`ไฟล์ ${file} ไม่ใช่รายงานที่ถูกต้อง: ${where}`, `${file} is not a valid report: ${where}`)
    );
  }
  return r.data;
}

/** `ita read FILE [--sheet S]` prints the report as JSON. */
export async function read(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { sheet: { type: "string" } });
  const file = onlyFile(positionals);
  const { form } = await readFormFile(file, values.sheet as string | undefined);
  io.out(`${JSON.stringify({ file, ...formToJson(form) }, null, 2)}\n`);
  return 0;
}

function onlyFile(positionals: string[]): string {
  if (positionals.length !== 1)
    throw new UserError(msg("ต้องระบุไฟล์ .xlsx หนึ่งไฟล์", "Give exactly one .xlsx file"));
  return positionals[0];
}

export function validationJson(file: string, form: ReadForm, result: ValidationResult) {
  return {
    file,
    sheet: form.sheet,
    unit: form.unit.value ? unitDisplayName(form.unit.value) : form.unit.raw || null,
    unitCode: form.unit.value?.code ?? null,
    fiscalYear: form.fiscalYear.value,
    round: form.round.value,
    passMark: result.passMark,
    ok: result.ok,
    items: form.items.length,
    errors: result.errors,
    warnings: result.warnings,
    flags: result.flags.map((f) => ({
      code: f.code,
      score: f.score,
      shortBy: shortBy(f.score, result.passMark),
      cell: f.cell,
    })),
    issues: result.issues.map((i) => ({
      code: i.code,
      cell: i.cell,
      rule: i.rule,
      severity: i.severity,
      message: i.message,
    })),
  };
}

/** `ita validate FILE [--threshold N] [--json]`: exit 0 no errors, 1 errors, 2 unreadable. */
export async function validateCmd(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    threshold: { type: "string" },
    json: { type: "boolean" },
    sheet: { type: "string" },
  });
  const file = onlyFile(positionals);
  const threshold = numberOption("threshold", values.threshold, isPassMark, BOUND_HINTS.passMark);
  const { form } = await readFormFile(file, values.sheet as string | undefined);
  const result = validate(form, { threshold });
  if (values.json) io.out(`${JSON.stringify(validationJson(file, form, result), null, 2)}\n`);
  else io.out(formatValidation(file, form, result));
  return result.ok ? 0 : 1;
}

export function formatValidation(file: string, form: ReadForm, result: ValidationResult): string {
  const lines: string[] = [];
  const unit = form.unit.value
    ? unitDisplayName(form.unit.value)
    : form.unit.raw || "(ไม่ระบุหน่วยงาน / no unit)";
  lines.push(
    `${path.basename(file)} — ${unit}, ปีงบประมาณ / FY ${form.fiscalYear.raw || "?"}, รอบ / round ${form.round.raw || "?"} (sheet "${form.sheet}", ${form.items.length} items)`
  );
  if (result.flags.length) {
    lines.push(`ข้อที่ต่ำกว่าเกณฑ์ ${result.passMark} / Items under the pass mark ${result.passMark}:`);
    for (const f of result.flags)
      lines.push(
        `  ${f.code.padEnd(8)} ${f.score.toFixed(2).padStart(6)}  ขาด / short by ${shortBy(f.score, result.passMark).toFixed(2)}  ${f.cell}`
      );
  } else {
    lines.push(
      `ไม่มีข้อที่ต่ำกว่าเกณฑ์ ${result.passMark} / No item under the pass mark ${result.passMark}`
    );
  }
  for (const i of result.issues) {
    const sev = i.severity === "error" ? "ERROR  " : "WARNING";
    lines.push(`${sev} ${(i.cell ?? "-").padEnd(6)} ${(i.code ?? "-").padEnd(8)} ${i.rule}`);
    lines.push(`        ${i.message.th}`);
    lines.push(`        ${i.message.en}`);
  }
  lines.push(
    result.ok
      ? `พร้อมส่ง: ไม่มีข้อผิดพลาด, คำเตือน ${result.warnings} / Ready to submit: no errors, ${result.warnings} warnings`
      : `ยังส่งไม่ได้: ข้อผิดพลาด ${result.errors}, คำเตือน ${result.warnings} / Not ready: ${result.errors} errors, ${result.warnings} warnings`
  );
  return `${lines.join("\n")}\n`;
}
