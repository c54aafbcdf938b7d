import path from "path";
import {
  scoreText,
  shortBy,
  BOUND_HINTS,
  checkUnitEntry,
  countEn,
  DISTRICTS,
  isFiscalYear,
  isPassMark,
  isRound,
  dueReport,
  FormDef,
  FormMeta,
  formDefById,
  formForYear,
  formLabel,
  formToJson,
  metaFromReport,
  Msg,
  msg,
  namedUnit,
  parseScoresList,
  FormSheet,
  renderForm,
  Report,
  reportFromScores,
  Round,
  Unit,
  unitDisplayName,
  validate,
  ValidationResult,
} from "../domain";
import { readFileBytes, readFormSheetFile } from "../xlsx/files";
import { kindWords, sniffKind } from "../xlsx/read/errors";
import { numberOption, oneFile, parse, UserError } from "./args";
import { formOption } from "./forms";
import type { Io } from "./io";
import { refuseUnitReport } from "./outputFile";
import { readTextFile, textOf } from "./textFile";

export type { Io } from "./io";

const FROM_TEXT = msg(
  "รายงานครั้งก่อน (.xlsx) รายงาน JSON หรือรายการคะแนน (ข้อความ)",
  "an earlier report (.xlsx), a report JSON or a scores list (text)"
);
const SCORES_TEXT = msg(
  "รายการคะแนน (ข้อความ เช่น CSV: I22,82.01 หนึ่งข้อต่อบรรทัด)",
  "a scores list (text such as CSV: I22,82.01, one item a line)"
);

/** `--from` given a file that is neither a workbook nor text: one line naming it, never its bytes. */
function refuseFrom(file: string, bytes: Uint8Array): never {
  const it = kindWords(sniffKind(bytes));
  const name = path.basename(file);
  throw new UserError(
    msg(
      `ไฟล์ ${name} เป็น${it.th} ไม่ใช่รายงานของหน่วยงาน: --from ต้องเป็น${FROM_TEXT.th}`,
      `${name} is ${it.en}, not a unit's report: --from takes ${FROM_TEXT.en}`
    )
  );
}

const SCAFFOLD_OPTIONS = {
  out: { type: "string", short: "o" },
  unit: { type: "string" },
  "other-unit": { type: "boolean" },
  year: { type: "string" },
  round: { type: "string" },
  threshold: { type: "string" },
  preparer: { type: "string" },
  from: { type: "string" },
  sheet: { type: "string" },
  form: { type: "string" },
  scores: { type: "string" },
  photos: { type: "boolean" },
  "from-sheet": { type: "string" },
} as const;

/**
 * `ita scaffold -o FILE [--form FILE|ID] [--unit U [--other-unit]] [--year 2567] [--round 6|12]
 * [--threshold 85] [--from REPORT.json|SCORES.csv|EARLIER.xlsx] [--scores SCORES.csv]`: the form is
 * the one given, else the year's (or the newest of an earlier year, said on stderr). The unit is
 * `--unit`, else the report's; a form without one, or for a misspelt district, is refused before
 * anything is written. An earlier report (.xlsx) starts the report after it (scaffoldFrom.ts).
 */
export async function scaffold(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    command: "ita scaffold",
    options: SCAFFOLD_OPTIONS,
    positionals: false,
  });
  if (!values.out)
    throw new UserError(msg("ต้องระบุไฟล์ผลลัพธ์ด้วย -o FILE", "Give the output file with -o FILE"));
  const year = numberOption("year", values.year, isFiscalYear, BOUND_HINTS.fiscalYear);
  const round = numberOption("round", values.round, isRound, BOUND_HINTS.round) as
    Round | undefined;
  const threshold = numberOption("threshold", values.threshold, isPassMark, BOUND_HINTS.passMark);
  const otherUnit = values["other-unit"] === true;
  const from = values.from === undefined ? undefined : String(values.from);
  // Refused before any file is read: no unit can come from anywhere.
  if (values.unit === undefined && from === undefined) throw noUnit(otherUnit, null);
  const unitArg =
    values.unit === undefined
      ? undefined
      : unitOf({ text: String(values.unit), where: "--unit" }, otherUnit, io);

  const preparer = values.preparer as string | undefined;
  // --from: an earlier report (a workbook) starts the next one; else a report JSON or a scores list
  // (text); anything else is refused by name, never printed.
  const fromBytes = from === undefined ? undefined : await readFileBytes(from);
  if (from !== undefined && sniffKind(fromBytes!) === "zip") {
    const { scaffoldFromEarlier } = require("./scaffoldFrom") as typeof import("./scaffoldFrom");
    return scaffoldFromEarlier(
      {
        out: String(values.out),
        from,
        bytes: fromBytes!,
        fromSheet: values["from-sheet"] as string | undefined,
        sheet: values.sheet as string | undefined,
        year,
        round,
        threshold,
        preparer,
        unit: unitArg,
        form: values.form === undefined ? null : formOption(String(values.form)),
        scores: values.scores as string | undefined,
        photos: values.photos === true,
      },
      io
    );
  }
  for (const only of ["photos", "from-sheet"] as const)
    if (values[only] !== undefined)
      throw new UserError(
        msg(
          `--${only} ใช้คู่กับ --from รายงานครั้งก่อน (.xlsx)`,
          `--${only} goes with --from EARLIER.xlsx (an earlier report)`
        )
      );
  let report: Report | undefined;
  let fromMeta: FormMeta | undefined;
  const fromText =
    from === undefined
      ? undefined
      : fromBytes!.length && !["text", "legacyText"].includes(sniffKind(fromBytes!))
        ? refuseFrom(from, fromBytes!)
        : textOf(from, fromBytes!, FROM_TEXT);
  const fromJson =
    from !== undefined && (/\.json$/i.test(from) || fromText!.trimStart().startsWith("{"));
  if (fromJson) {
    report = parseReportJson(from!, fromText!);
    fromMeta = metaFromReport(report);
  }
  // The unit the form is for: --unit, else the report's (its code, else its name, as
  // metaFromReport takes them), checked as --unit is.
  let unit: Unit;
  if (unitArg) unit = unitArg;
  else if (report?.unitCode?.trim())
    unit = unitOf(
      { text: report.unitCode, where: `${from}: "unitCode"`, file: from },
      otherUnit,
      io
    );
  else if (report?.unit.trim())
    unit = unitOf({ text: report.unit, where: `${from}: "unit"`, file: from }, otherUnit, io);
  else throw noUnit(otherUnit, { file: from!, json: fromJson });
  // Without a year or round the form is for the report due now (in November: the 12-month report of the
  // fiscal year just ended), as in the pane, and stderr says which one it is.
  const due = dueReport(io.now?.() ?? new Date());
  const given = values.form === undefined ? null : formOption(String(values.form));
  // A form given for a later year than the report due (issued ahead) makes that year's report.
  const dueYear = given && given.fiscalYear > due.fiscalYear ? given.fiscalYear : due.fiscalYear;
  const fiscalYear = year ?? fromMeta?.fiscalYear ?? dueYear;
  let form: FormDef;
  const reportForm =
    report?.formId && report.formVersion ? formDefById(report.formId, report.formVersion) : null;
  if (given) form = given;
  else if (reportForm) form = reportForm;
  else {
    const choice = formForYear(fiscalYear);
    form = choice.form;
    if (choice.notice) io.err(`${choice.notice.th}\n${choice.notice.en}\n`);
  }
  const dueRound =
    fiscalYear === due.fiscalYear && form.rounds.includes(due.round) ? due.round : null;
  const finalRound = round ?? fromMeta?.round ?? dueRound ?? form.rounds[0];
  if (year === undefined && round === undefined && !fromMeta)
    io.err(
      `ปีงบประมาณ ${fiscalYear} รอบ ${finalRound} เดือน (ระบุ --year และ --round เพื่อเปลี่ยน)\n` +
        `Fiscal year ${fiscalYear}, ${finalRound}-month round (give --year and --round to change it)\n`
    );
  if (!form.rounds.includes(finalRound))
    throw new UserError(
      msg(
        `แบบฟอร์ม ${formLabel(form)} ไม่มีรอบ ${finalRound} (มีรอบ ${form.rounds.join(", ")})`,
        `The form ${formLabel(form)} has no round ${finalRound} (its rounds: ${form.rounds.join(", ")})`
      )
    );
  const meta: FormMeta = {
    unit,
    fiscalYear,
    round: finalRound,
    passMark: threshold ?? (report?.passMark !== undefined ? fromMeta!.passMark : form.passMark),
    preparer: preparer ?? fromMeta?.preparer ?? "",
  };
  if (from !== undefined && !fromJson) {
    const { scores, unmatched } = parseScoresList(fromText!, form);
    for (const u of unmatched)
      io.err(`${from}:${u.line}: ${u.reason.th} / ${u.reason.en}: ${u.text}\n`);
    if (!scores.length)
      throw new UserError(msg(`ไม่พบคะแนนในไฟล์ ${from}`, `No scores found in ${from}`));
    report = reportFromScores(form, meta, scores);
    io.err(
      `อ่านคะแนนจาก ${from} ${scores.length} ข้อ / ${countEn(scores.length, "score")} read from ${from}\n`
    );
  }
  if (values.scores !== undefined) {
    // --scores: the list's scores over the report's (or a blank form's).
    const file = String(values.scores);
    const { scores, unmatched } = parseScoresList(await readTextFile(file, SCORES_TEXT), form);
    for (const u of unmatched)
      io.err(`${file}:${u.line}: ${u.reason.th} / ${u.reason.en}: ${u.text}\n`);
    if (!scores.length)
      throw new UserError(msg(`ไม่พบคะแนนในไฟล์ ${file}`, `No scores found in ${file}`));
    const base = report ?? reportFromScores(form, meta, []);
    const byCode = new Map(scores.map((x) => [x.code, x.score]));
    report = {
      ...base,
      items: base.items.map((it) =>
        byCode.has(it.code) ? { ...it, score: byCode.get(it.code)! } : it
      ),
    };
  }
  const model = renderForm(form, meta, report, values.sheet as string | undefined);
  await refuseUnitReport(String(values.out));
  // The writer (ExcelJS) is loaded only by the command that writes.
  const { writeFormWorkbook } =
    require("../xlsx/write/writeForm") as typeof import("../xlsx/write/writeForm");
  await writeFormWorkbook(String(values.out), model);
  io.out(
    `เขียนแบบรายงานแล้ว / Form written: ${values.out} (sheet "${model.name}", ${formLabel(form)}, ${countEn(form.items.length, "item")})\n`
  );
  return 0;
}

/** The district codes, for messages: `1001–1050`. */
function districtCodes(): string {
  const codes = DISTRICTS.map((d) => d.code!).sort();
  return `${codes[0]}–${codes[codes.length - 1]}`;
}

/** `สำนักงานเขตบางรัก (1004)` / `Bang Rak (1004)`, several joined by หรือ / or. */
function districtChoices(units: readonly Unit[]): Msg {
  return msg(
    units.map((u) => `${unitDisplayName(u)} (${u.code})`).join(" หรือ "),
    units.map((u) => `${u.en} (${u.code})`).join(" or ")
  );
}

/** No --unit, and no report that names one. */
function noUnit(otherUnit: boolean, from: { file: string; json: boolean } | null): UserError {
  const why = !from
    ? msg("", "")
    : from.json
      ? msg(` (รายงาน ${from.file} ไม่มีชื่อหรือรหัสหน่วยงาน)`, ` (the report ${from.file} names no unit)`)
      : msg(
          ` (รายการคะแนน ${from.file} ไม่มีชื่อหน่วยงาน)`,
          ` (the scores list ${from.file} names no unit)`
        );
  return new UserError(
    msg(
      `ต้องระบุหน่วยงานด้วย --unit${otherUnit ? " (--other-unit ใช้คู่กับ --unit)" : ""}${why.th}: รหัสเขต ${districtCodes()} หรือชื่อเขต เช่น --unit 1035 หรือ --unit จอมทอง หน่วยงานอื่นที่ไม่ใช่เขตใช้ชื่อเต็ม`,
      `Give the unit with --unit${otherUnit ? " (--other-unit goes with --unit)" : ""}${why.en}: a district code ${districtCodes()} or name, e.g. --unit 1035 or --unit "Chom Thong"; another unit by its full name`
    )
  );
}

/**
 * The unit a form is made for, from `--unit` or the report given with --from (`file`): a district,
 * or another unit (said on stderr); refused with the reason when empty, digits that are no district
 * code, or a name a few letters from a district's unless --other-unit confirms it is not a district.
 */
function unitOf(
  src: { text: string; where: string; file?: string },
  otherUnit: boolean,
  io: Io
): Unit {
  const entry = checkUnitEntry(src.text);
  const { where } = src;
  const fix = src.file
    ? msg(`แก้ไฟล์ ${src.file} หรือระบุ --unit`, `correct ${src.file} or give --unit`)
    : msg("ระบุ --unit", "give --unit");
  switch (entry.kind) {
    case "district":
      if (otherUnit)
        throw new UserError(
          msg(
            `--other-unit ใช้กับหน่วยงานที่ไม่ใช่เขต แต่ ${where} "${src.text}" คือ${unitDisplayName(entry.unit)} (${entry.unit.code}): ให้ลบ --other-unit`,
            `--other-unit is for a unit that is not a district, but ${where} "${src.text}" is the district ${entry.unit.en} (${entry.unit.code}): drop --other-unit`
          )
        );
      return entry.unit;
    case "empty":
      throw new UserError(
        msg(
          `${where} ${entry.text ? `"${entry.text}" ไม่มีชื่อหน่วยงาน` : "ว่าง"}: ${fix.th} เป็นรหัสเขต ${districtCodes()} หรือชื่อหน่วยงาน เช่น --unit 1035`,
          `${where} ${entry.text ? `"${entry.text}" names no unit` : "is empty"}: ${fix.en} with a district code ${districtCodes()} or the unit's name, e.g. --unit 1035`
        )
      );
    case "not-a-code":
      throw new UserError(
        msg(
          `${where} "${entry.text}" ไม่ใช่รหัสเขต (รหัสเขตคือ ${districtCodes()} เช่น 1035 คือเขตจอมทอง)`,
          `${where} "${entry.text}" is not a district code (the codes are ${districtCodes()}, e.g. 1035 for Chom Thong)`
        )
      );
    case "near-miss": {
      if (!otherUnit) {
        const names = districtChoices(entry.near);
        const code = entry.near.length === 1 ? entry.near[0].code! : "CODE";
        throw new UserError(
          msg(
            `${where} "${entry.text}" ไม่ตรงกับชื่อเขตใด หมายถึง ${names.th} หรือไม่ ถ้าใช่ ให้${fix.th} ${code} ถ้าเป็นหน่วยงานอื่นที่ไม่ใช่เขต ให้เพิ่ม --other-unit`,
            `${where} "${entry.text}" matches no district: did you mean ${names.en}? If so, ${fix.en} ${code}; if it is a unit that is not a district, add --other-unit`
          )
        );
      }
      const unit: Unit = namedUnit(entry.text);
      io.err(
        `หน่วยงาน "${entry.text}" ไม่ใช่สำนักงานเขต (--other-unit) จึงใช้ชื่อตามที่ระบุ ตอนรวมผลจะนับเป็นหน่วยงานชื่อนี้ นอกจาก ${DISTRICTS.length} เขต\n` +
          `"${entry.text}" is not a district (--other-unit): the form is for a unit of that name, which the merge counts besides the ${DISTRICTS.length} districts\n`
      );
      return unit;
    }
    case "other":
      io.err(
        `หน่วยงาน "${entry.unit.th}" ไม่ใช่สำนักงานเขต จึงใช้ชื่อตามที่ระบุ ตอนรวมผลจะนับเป็นหน่วยงานชื่อนี้ นอกจาก ${DISTRICTS.length} เขต\n` +
          `"${entry.unit.th}" is not a district: the form is for a unit of that name, which the merge counts besides the ${DISTRICTS.length} districts\n`
      );
      return entry.unit;
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
  // The schema loads zod: only `scaffold --from REPORT.json` needs it.
  const { reportSchema } = require("../domain/report") as typeof import("../domain/report");
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
  const { values, positionals } = parse(argv, {
    command: "ita read",
    options: { sheet: { type: "string" } },
    positionals: true,
  });
  const file = oneFile(positionals, ".xlsx");
  const { form } = await readFormSheetFile(file, values.sheet as string | undefined);
  io.out(`${JSON.stringify({ file, ...formToJson(form) }, null, 2)}\n`);
  return 0;
}

export function validationJson(file: string, form: FormSheet, result: ValidationResult) {
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

/** `ita validate FILE [--threshold N] [--json] [--form FILE|ID]`: exit 0 no errors, 1 errors, 2 unreadable. */
export async function validateCmd(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    command: "ita validate",
    options: {
      threshold: { type: "string" },
      json: { type: "boolean" },
      sheet: { type: "string" },
      form: { type: "string" },
    },
    positionals: true,
  });
  const file = oneFile(positionals, ".xlsx");
  const threshold = numberOption("threshold", values.threshold, isPassMark, BOUND_HINTS.passMark);
  const given = values.form === undefined ? undefined : formOption(String(values.form));
  const { form } = await readFormSheetFile(file, values.sheet as string | undefined, given);
  if (given && form.formId && form.formVersion && form.formDef !== given)
    throw new UserError(
      msg(
        `${file} ชีต "${form.sheet}" ใช้แบบฟอร์ม ${form.formId} ${form.formVersion} ไม่ใช่ ${formLabel(given)} ที่ระบุด้วย --form`,
        `${file} sheet "${form.sheet}" uses the form ${form.formId} ${form.formVersion}, not ${formLabel(given)} given with --form`
      )
    );
  const result = validate(form, { threshold });
  if (values.json) io.out(`${JSON.stringify(validationJson(file, form, result), null, 2)}\n`);
  else io.out(formatValidation(file, form, result));
  return result.ok ? 0 : 1;
}

export function formatValidation(file: string, form: FormSheet, result: ValidationResult): string {
  const lines: string[] = [];
  const unit = form.unit.value
    ? unitDisplayName(form.unit.value)
    : form.unit.raw || "(ไม่ระบุหน่วยงาน / no unit)";
  lines.push(
    `${path.basename(file)} — ${unit}, ปีงบประมาณ / FY ${form.fiscalYear.raw || "?"}, รอบ / round ${form.round.raw || "?"} (sheet "${form.sheet}", ${countEn(form.items.length, "item")})`
  );
  if (result.flags.length) {
    lines.push(`ข้อที่ต่ำกว่าเกณฑ์ ${result.passMark} / Items under the pass mark ${result.passMark}:`);
    for (const f of result.flags)
      lines.push(
        `  ${f.code.padEnd(8)} ${scoreText(f.score).padStart(6)}  ขาด / short by ${scoreText(shortBy(f.score, result.passMark))}  ${f.cell}`
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
      ? `พร้อมส่ง: ไม่มีข้อผิดพลาด, คำเตือน ${result.warnings} / Ready to submit: no errors, ${countEn(result.warnings, "warning")}`
      : `ยังส่งไม่ได้: ข้อผิดพลาด ${result.errors}, คำเตือน ${result.warnings} / Not ready: ${countEn(result.errors, "error")}, ${countEn(result.warnings, "warning")}`
  );
  return `${lines.join("\n")}\n`;
}
