import { promises as fs, statSync } from "fs";
import path from "path";
import {
  BOUND_HINTS,
  isPassMark,
  buildSummary,
  buildCentralReport,
  Catalog,
  chooseMergeForm,
  DEFAULT_CATALOG,
  formLabel,
  mergeForms,
  MergeResult,
  msg,
  comparedCode,
  Comparison,
  compareWithPrevious,
  comparisonCounts,
  countEn,
  PeriodScores,
  periodName,
  Submission,
  unitDisplayName,
} from "../domain";
import { readFileBytes } from "../xlsx/files";
import { writeBytesAtomic } from "../xlsx/write/atomic";
import { nodeInflate } from "../xlsx/nodeInflate";
import { FormFileError } from "../xlsx/read/errors";
import { readSubmission } from "../xlsx/read/submission";
import { numberOption, parse, UserError } from "./args";
import { readExpectList } from "./expectList";
import { Io } from "./commands";
import { formOption } from "./forms";

const SPREADSHEET = /\.(xlsx|xlsm|xltx|xltm|xls|xlsb|ods|numbers)$/i;

/** Files to merge: files as given, folders expanded to the spreadsheet files directly in them. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      out.push(input); // reported as missing by the reader
      continue;
    }
    if (stat.isDirectory()) {
      // Other spreadsheet files are taken too, so that an .xls in the folder is reported, not skipped.
      // Hidden files (Excel's ~$ lock files, our own .NAME.tmp) are not district files.
      const names = (await fs.readdir(input))
        .filter((n) => SPREADSHEET.test(n) && !n.startsWith("~$") && !n.startsWith("."))
        .sort();
      out.push(...names.map((n) => path.join(input, n)));
    } else out.push(input);
  }
  // The same file given twice (a.xlsx and ./a.xlsx, a folder and a file in it, a link) is read once.
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const f of out) {
    const id = await identity(f);
    if (seen.has(id)) continue;
    seen.add(id);
    unique.push(f);
  }
  return unique;
}

/** What makes two paths the same file: device and inode when it exists, else the resolved path. */
async function identity(file: string): Promise<string> {
  try {
    const st = statSync(file); // a sync stat: hundreds of them cost less than the thread pool
    return `${st.dev}:${st.ino}`;
  } catch {
    return path.resolve(file);
  }
}

/**
 * The summary must never be written over a district file: refuse when the output is one of the files
 * this run reads (the same path, the same file through a link, the same inode).
 */
export async function checkOutput(out: string, files: string[]): Promise<void> {
  const target = await identity(out);
  const resolved = path.resolve(out);
  for (const f of files) {
    if (path.resolve(f) !== resolved && (await identity(f)) !== target) continue;
    throw new UserError(
      msg(
        `ไฟล์สรุป ${out} เป็นไฟล์เดียวกับไฟล์ที่จะรวม (${f}) จึงไม่เขียนทับ กรุณาระบุไฟล์สรุปชื่ออื่นหรือในโฟลเดอร์อื่น`,
        `The summary file ${out} is one of the files to merge (${f}); it is not overwritten. Give the summary another name or folder`
      )
    );
  }
}

/**
 * Read every file into submissions (one per form sheet); a file that fails becomes a rejection. The
 * saved time is the file's own (`dcterms:modified`), else the file system's modification time.
 * Each sheet is read against the form its marker names; `form` is for sheets without one (and for
 * a form this build does not bundle, given with --form).
 */
export async function readSubmissions(
  files: string[],
  onFile?: (file: string, ok: boolean) => void,
  form: Catalog = DEFAULT_CATALOG
): Promise<Submission[]> {
  const subs: Submission[] = [];
  for (const file of files) {
    let read: Submission[];
    try {
      read = readSubmission(file, await readFileBytes(file), {
        inflate: nodeInflate,
        catalog: form,
      });
    } catch (e) {
      if (!(e instanceof FormFileError)) throw e;
      read = [{ file, error: e.reason }];
    }
    for (const s of read) if (s.form && !s.saved) s.saved = fileTime(file);
    subs.push(...read);
    onFile?.(file, !read.some((s) => s.error));
  }
  return subs;
}

function fileTime(file: string): Submission["saved"] {
  try {
    return { at: statSync(file).mtime.toISOString(), source: "filesystem" };
  } catch {
    return null;
  }
}

export function mergeJson(r: MergeResult, output: string | null) {
  return {
    output,
    passMark: r.passMark,
    merged: r.merged.map((m) => ({
      file: m.file,
      sheet: m.sheet,
      unit: m.label,
      unitCode: m.unit.code,
      round: m.round,
      fiscalYear: m.fiscalYear,
      errors: m.validation.errors,
      warnings: m.validation.warnings,
    })),
    rejected: r.rejected.map((x) => ({ file: x.file, unit: x.unit, reason: x.reason })),
    missing: r.missing.map((u) => unitDisplayName(u)),
    duplicates: r.duplicates.map((d) => d.unit),
    superseded: r.superseded.map((x) => ({
      file: x.file,
      by: x.by,
      unit: x.unit,
      round: x.round,
      fiscalYear: x.fiscalYear,
      savedAt: x.saved?.at ?? null,
      bySavedAt: x.bySaved?.at ?? null,
      reason: x.reason,
    })),
  };
}

/** `ita merge FILES… -o SUMMARY.xlsx [--report REPORT.docx [--office NAME]] [--threshold N] [--expect districts|none|LIST] [--json] [--form FILE|ID] [--compare PREVIOUS…]`: exit 0 all merged, 3 some rejected, 2 none. */
export async function merge(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    command: "ita merge",
    options: {
      out: { type: "string", short: "o" },
      threshold: { type: "string" },
      expect: { type: "string" },
      json: { type: "boolean" },
      report: { type: "string" },
      office: { type: "string" },
      form: { type: "string" },
      compare: { type: "string", multiple: true },
    },
    positionals: true,
  });
  if (!values.out)
    throw new UserError(
      msg("ต้องระบุไฟล์สรุปด้วย -o SUMMARY.xlsx", "Give the summary file with -o SUMMARY.xlsx")
    );
  if (!positionals.length)
    throw new UserError(msg("ต้องระบุไฟล์หรือโฟลเดอร์ของเขต", "Give the district files or folders"));
  const expectArg = (values.expect as string | undefined) ?? "districts";
  // Anything but the two words is a file listing the expected units.
  const expect =
    expectArg === "districts" || expectArg === "none" ? expectArg : await readExpectList(expectArg);
  const passMark = numberOption("threshold", values.threshold, isPassMark, BOUND_HINTS.passMark);
  const out = String(values.out);
  const files = await expandInputs(positionals);
  if (!files.length) throw new UserError(msg("ไม่พบไฟล์ .xlsx ที่จะรวม", "No .xlsx file to merge"));
  await checkOutput(out, files);
  const report = values.report === undefined ? null : String(values.report);
  if (report !== null) {
    if (path.resolve(report) === path.resolve(out))
      throw new UserError(
        msg(
          `ไฟล์รายงาน ${report} ต้องไม่ใช่ไฟล์เดียวกับไฟล์สรุป`,
          `The report file ${report} must not be the summary file`
        )
      );
    await checkOutput(report, files);
  }
  const given = values.form === undefined ? undefined : formOption(String(values.form));
  // The previous period is read before anything else is: bad input stops the run with nothing written.
  const compareInputs = (values.compare as unknown as string[] | undefined) ?? [];
  let previous: PeriodScores | null = null;
  if (compareInputs.length) {
    const prevFiles = await expandInputs(compareInputs);
    await checkOutput(out, prevFiles);
    if (report !== null) await checkOutput(report, prevFiles);
    const { readPrevious } = require("./compare") as typeof import("./compare");
    previous = await readPrevious(compareInputs);
  }

  const subs = await readSubmissions(
    files,
    (file, ok) => {
      if (!values.json) io.err(`${ok ? "อ่านแล้ว / read    " : "ไม่รับ / rejected"}  ${file}\n`);
    },
    given
  );
  const choice = chooseMergeForm(subs, given ?? DEFAULT_CATALOG);
  const catalog = given ?? choice.form;
  if (!given && choice.other > 0)
    io.err(
      `รวมตามแบบฟอร์ม ${formLabel(catalog)} (${choice.matching} ชีต); ชีตของแบบฟอร์มอื่น ${choice.other} ชีตไม่นำมารวม เลือกแบบฟอร์มด้วย --form\n` +
        `Merging by the form ${formLabel(catalog)} (${countEn(choice.matching, "sheet")}); ${countEn(choice.other, "sheet")} of other forms ${choice.other === 1 ? "is" : "are"} not merged; choose the form with --form\n`
    );
  const result = mergeForms(subs, { catalog, passMark, expect });
  const comparison =
    previous && result.merged.length ? compareWithPrevious(previous, result) : null;
  const wrote = result.merged.length > 0;
  let reportStats: ReturnType<typeof buildCentralReport>["stats"] | null = null;
  if (wrote) {
    // The writer (ExcelJS) is loaded only now, once there is something to write.
    const { writeSummaryFile } =
      require("../xlsx/write/writeSummary") as typeof import("../xlsx/write/writeSummary");
    // The report is made before anything is written: if it fails, neither output is replaced.
    let reportBytes: Uint8Array | null = null;
    let stats: ReturnType<typeof buildCentralReport>["stats"] | null = null;
    if (report !== null) {
      // The Word writer (docx) is loaded only when a report is asked for.
      const { reportDocxBytes } =
        require("../xlsx/write/reportDocx") as typeof import("../xlsx/write/reportDocx");
      const office = values.office === undefined ? undefined : String(values.office);
      const model = buildCentralReport(result, { office, comparison });
      stats = model.stats;
      reportBytes = await reportDocxBytes(model);
    }
    await writeSummaryFile(out, buildSummary(result, comparison));
    if (report !== null && reportBytes) await writeBytesAtomic(report, reportBytes);
    reportStats = stats;
  }
  const reportOut = wrote ? report : null;
  if (values.json)
    io.out(
      `${JSON.stringify(
        {
          ...mergeJson(result, wrote ? out : null),
          ...(report !== null ? { report: reportOut } : {}),
          ...(comparison
            ? {
                compare: (require("./compare") as typeof import("./compare")).compareJson(
                  comparison
                ),
              }
            : {}),
        },
        null,
        2
      )}\n`
    );
  else {
    io.out(formatMerge(result, wrote ? out : null));
    if (comparison) io.out(formatCompare(comparison));
    if (reportOut && reportStats)
      io.out(
        `รายงานอยู่ที่ / Report written to: ${reportOut} (มาตรการตรงกับมาตรการของแบบฟอร์ม ${reportStats.unitsMatched} จาก ${reportStats.unitsWithMeasures} หน่วยงานที่ระบุมาตรการ / units whose measures matched a standard measure: ${reportStats.unitsMatched} of ${reportStats.unitsWithMeasures} that wrote measures)\n`
      );
  }
  if (!wrote) return 2;
  return result.rejected.length ? 3 : 0;
}

export function formatMerge(r: MergeResult, output: string | null): string {
  const lines: string[] = [];
  lines.push(
    `รวมแล้ว / merged: ${r.merged.length} · ไม่รับ / rejected: ${r.rejected.length} · ซ้ำ / duplicates: ${r.duplicates.length} · ยังไม่ส่ง / missing: ${r.missing.length} · มีฉบับใหม่แทน / superseded: ${r.superseded.length}`
  );
  for (const x of r.superseded)
    lines.push(`  มีฉบับใหม่แทน / superseded  ${path.basename(x.file)} → ${path.basename(x.by)}`);
  for (const x of r.rejected)
    lines.push(`  ไม่รับ / rejected  ${path.basename(x.file)}: ${x.reason.th} / ${x.reason.en}`);
  if (r.missing.length) lines.push(`  ยังไม่ส่ง / missing: ${r.missing.map((u) => u.th).join(", ")}`);
  lines.push(
    output
      ? `สรุปอยู่ที่ / Summary written to: ${output}`
      : "ไม่มีไฟล์ที่รวมได้ จึงไม่สร้างสรุป / Nothing could be merged; no summary written"
  );
  return `${lines.join("\n")}\n`;
}

/** The comparison in the human output: the previous period, units compared, what rose and fell. */
export function formatCompare(c: Comparison): string {
  const n = comparisonCounts(c);
  const mapped = c.items.map(comparedCode).filter((code, k) => code !== c.items[k].code);
  return (
    `เทียบกับ / compared with: ${periodName(c.previous)} (${c.previous.source}) · ${c.units.length} หน่วยงาน / ${countEn(c.units.length, "unit")} · ` +
    `คะแนนรวมโดยประมาณดีขึ้น / estimated total up ${n.improved}, ลดลง / down ${n.declined} · ` +
    `ตกต่ำกว่าเกณฑ์ / fell under the pass mark: ${n.fell} · ขึ้นมาผ่านเกณฑ์ / rose to it: ${n.rose}` +
    (c.onlyPreviousItems.length || c.onlyCurrentItems.length
      ? ` · ข้อที่เทียบไม่ได้ / items not comparable: ${[...c.onlyPreviousItems, ...c.onlyCurrentItems].map((i) => i.code).join(", ")}`
      : "") +
    (mapped.length
      ? ` · เทียบตามข้อที่ต่อเนื่องกัน / compared as the form maps them: ${mapped.join(", ")}`
      : "") +
    `\n`
  );
}
