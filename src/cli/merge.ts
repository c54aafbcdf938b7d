import { promises as fs } from "fs";
import path from "path";
import { Cancelled, DEEPER_FOLDER, ignoredName, SourceError } from "../app/files";
import type { LibraryListing } from "../app/library";
import { whenWords } from "../app/submit";
import { diskFile } from "./diskFile";
import {
  ExistingKind,
  existingKind,
  identity,
  sameFile,
  statOrNull,
  unitReportRefusal,
} from "./outputFile";
import { nodeReadPool } from "./readPool";
import {
  formChoiceNote,
  MergeOutcome,
  mergeRead,
  namesLabel,
  PreviousPeriod,
  readPreviousPeriod,
  readUnitFiles,
} from "../app/mergeSession";
import {
  BOUND_HINTS,
  isFiscalYear,
  isPassMark,
  isRound,
  MergeResult,
  Msg,
  namedOtherUnit,
  msg,
  comparedCode,
  Comparison,
  comparisonCounts,
  Period,
  countEn,
  periodName,
  periodWords,
  Round,
  SUMMARY_SHEETS,
  unitDisplayName,
} from "../domain";
import { reportTrace } from "../domain/report/trace";
import { writeBytesAtomic } from "../xlsx/write/atomic";
import { nodeInflate } from "../xlsx/nodeInflate";
import { numberOption, parse, UserError } from "./args";
import { readExpectList } from "./expectList";
import type { Io } from "./io";
import { formOption } from "./forms";
import { compareJson } from "./compareJson";
import { writeJson } from "./jsonOut";
import { cacheDir, cliGraph, libraryFiles } from "./graph";
import { GraphError, type GraphClient } from "../graph";

/**
 * Files to merge; the names in the given folders that are not files to read (lock and hidden files);
 * and the folders not read, with why.
 */
export interface Inputs {
  files: string[];
  ignored: { file: string; why: "lock" | "hidden" }[];
  notRead: { file: string; reason: Msg }[];
}

/**
 * Files to merge: files as given, folders expanded to every file in them and in their folders one
 * level down (a folder per unit, as the library keeps them: `2570-r6/1035/…`) — whatever its kind, so
 * that a CSV, a PDF or a Word report in the folder is named with its reason, not skipped — but for
 * Office's lock files (`~$…`) and hidden files (`.…`, our own temporary files among them), which are
 * listed as ignored. A folder deeper down is named as not read. The same file given twice (a path
 * and a link to it) is taken once.
 */
export async function expandInputs(inputs: string[], unitFolders = true): Promise<Inputs> {
  const out: string[] = [];
  const ignored: Inputs["ignored"] = [];
  const notRead: Inputs["notRead"] = [];
  const walk = async (dir: string, depth: number) => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      // A unit's folder that cannot be opened (no permission, a file only online) is named, not fatal.
      if (depth === 0) throw e;
      notRead.push({
        file: dir,
        reason: msg(
          `เปิดโฟลเดอร์ไม่ได้ (${(e as NodeJS.ErrnoException).code ?? "error"})`,
          `the folder could not be opened (${(e as NodeJS.ErrnoException).code ?? "error"})`
        ),
      });
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const file = path.join(dir, e.name);
      const why = ignoredName(e.name);
      if (why) ignored.push({ file, why });
      else if (!e.isDirectory()) out.push(file);
      else if (depth > 0) notRead.push({ file, reason: DEEPER_FOLDER });
      else if (unitFolders) await walk(file, 1);
    }
  };
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      out.push(input); // reported as missing by the reader
      continue;
    }
    if (stat.isDirectory()) await walk(input, 0);
    else out.push(input);
  }
  const seen = new Set<string>();
  const files: string[] = [];
  for (const f of out) {
    const id = identity(f);
    if (seen.has(id)) continue;
    seen.add(id);
    files.push(f);
  }
  return { files, ignored, notRead };
}

/**
 * An output must never be written over a unit's file: refuse, before anything is read, when the
 * output is one of the files this run reads (the same path, a link, the same inode) — unless that
 * file is a summary or a central report ita wrote, which the merge skips and may replace (`ita
 * merge DIR -o DIR/summary.xlsx --report DIR/report.docx`, run again). Nor over any other file ita
 * did not write (a workbook of the office's own, a note), nor under a name of another kind of file
 * (a summary written as "report.docx" opens in neither Word nor Excel).
 */
export async function checkOutput(
  out: string,
  files: readonly string[],
  what = msg("ไฟล์สรุป", "The summary file"),
  ext: ".xlsx" | ".docx" = ".xlsx"
): Promise<void> {
  if (path.extname(out).toLowerCase() !== ext) {
    const like = `${path.basename(out, path.extname(out)) || "summary"}${ext}`;
    throw new UserError(
      msg(
        `${what.th} ${out} ต้องเป็นไฟล์ ${ext} เช่น ${like}`,
        `${what.en} ${out} must be a ${ext} file, such as ${like}`
      )
    );
  }
  // Where it cannot be written at all: said before anything is written, so that neither output is
  // replaced when the other could not be (the summary was, and then the report failed on a folder).
  const resolved = path.resolve(out);
  const outStat = statOrNull(resolved);
  if (outStat?.isDirectory())
    throw new UserError(
      msg(
        `${what.th} ${out} เป็นชื่อโฟลเดอร์ที่มีอยู่แล้ว กรุณาระบุชื่อไฟล์`,
        `${what.en} ${out} is an existing folder: give a file name`
      )
    );
  for (let dir = path.dirname(resolved); ; dir = path.dirname(dir)) {
    const st = statOrNull(dir);
    if (st && !st.isDirectory())
      throw new UserError(
        msg(
          `${what.th} ${out} เขียนไม่ได้: ${dir} เป็นไฟล์ ไม่ใช่โฟลเดอร์`,
          `${what.en} ${out} cannot be written: ${dir} is a file, not a folder`
        )
      );
    if (st || path.dirname(dir) === dir) break;
  }
  const target = identity(out, outStat);
  // What the file there is, read once (an ita summary among the files merged, a unit's report).
  let kind: Promise<ExistingKind> | undefined;
  const kindOfOut = () =>
    (kind ??= outStat?.isFile() ? existingKind(out) : Promise.resolve<ExistingKind>("other"));
  for (const f of files) {
    if (path.resolve(f) !== resolved && identity(f) !== target) continue;
    if ((await kindOfOut()) === "ita") continue;
    throw new UserError(
      msg(
        `${what.th} ${out} เป็นไฟล์เดียวกับไฟล์ที่จะรวม (${f}) จึงไม่เขียนทับ กรุณาระบุชื่ออื่นหรือโฟลเดอร์อื่น`,
        `${what.en} ${out} is one of the files to merge (${f}); it is not overwritten. Give another name or folder`
      )
    );
  }
  // Nor over a unit's report that is not among them (an output name typed onto one), nor over a
  // file ita did not write.
  const existing = await kindOfOut();
  if (existing === "unit") throw unitReportRefusal(out, what);
  if (existing === "other" && outStat?.isFile())
    throw new UserError(
      msg(
        `${what.th} ${out} มีอยู่แล้วและไม่ใช่ไฟล์ที่ ita เขียน จึงไม่เขียนทับ กรุณาระบุชื่ออื่นหรือโฟลเดอร์อื่น (หรือย้ายไฟล์เดิมออกก่อน)`,
        `${what.en} ${out} exists and is not a file ita wrote; it is not overwritten. Give another name or folder (or move the existing file first)`
      )
    );
}

/**
 * `--prefer FILE`: the copy to merge of a unit's copies whose order cannot be told (the choice the
 * pane offers), as the merge names its files — any name of a file on disk, or a library file's name.
 */
function preferred(
  given: readonly string[],
  files: readonly string[],
  library: readonly string[]
): string[] {
  return given.map((p) => {
    const f = files.find((f) => sameFile(f, p)) ?? library.find((f) => f === p);
    if (f === undefined)
      throw new UserError(
        msg(
          `--prefer ${p}: ไม่ใช่ไฟล์ที่จะรวม (ระบุไฟล์ฉบับที่จะใช้จากไฟล์ที่รวม)`,
          `--prefer ${p} is not one of the files to merge (give the copy to use, from the files merged)`
        )
      );
    return f;
  });
}

export function mergeJson(o: MergeOutcome, inputs: Inputs, output: string | null) {
  const r = o.result;
  return {
    output,
    passMark: r.passMark,
    form: { id: o.form.form.formId, version: o.form.form.version, given: o.form.given },
    period: r.period,
    periodChosenBy: r.periodAsked ? "option" : "most files",
    periodsFound: r.periodsFound.map((p) => ({ ...p.period, sheets: p.count })),
    merged: r.merged.map((m) => ({
      file: m.file,
      sheet: m.sheet,
      unit: m.label,
      unitCode: m.unit.code,
      unitKind: m.unit.kind,
      round: m.round,
      fiscalYear: m.fiscalYear,
      ...(m.mappedFrom ? { mappedFrom: m.mappedFrom } : {}),
      // A 12-month report started from the 6-month one: groups with new results since, and those unchanged.
      ...(m.sinceRound6
        ? {
            sinceRound6: {
              newGroups: m.sinceRound6.newGroups,
              unchangedGroups: m.sinceRound6.unchangedGroups,
            },
          }
        : {}),
      errors: m.validation.errors,
      warnings: m.validation.warnings,
      // What to correct, by cell (validate's issues of the unit's sheet).
      issues: m.validation.issues.map((i) => ({
        severity: i.severity,
        rule: i.rule,
        code: i.code,
        cell: i.cell,
        message: i.message,
      })),
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
    skipped: o.skipped.map((s) => ({
      file: s.file,
      kind: s.kind,
      ...(s.as ? { as: s.as } : {}),
      reason: s.reason,
    })),
    ignored: inputs.ignored.map((i) => ({ file: i.file, kind: i.why })),
    notRead: inputs.notRead.map((n) => ({ file: n.file, reason: n.reason })),
  };
}

function periodOption(year: number | undefined, round: number | undefined): Period | null {
  if (year === undefined && round === undefined) return null;
  if (year === undefined || round === undefined)
    throw new UserError(
      msg(
        "ระบุรอบที่จะรวมด้วย --year และ --round ทั้งสองตัว (เช่น --year 2569 --round 6)",
        "Give the period to merge with both --year and --round (such as --year 2569 --round 6)"
      )
    );
  return { fiscalYear: year, round: round as Round };
}

/**
 * `ita merge FILES… -o SUMMARY.xlsx [--year Y --round R] [--report REPORT.docx [--office NAME]]
 * [--threshold N] [--expect districts|none|LIST] [--json] [--form FILE|ID] [--compare PREVIOUS…]
 * [--prefer FILE…]`:
 * exit 0 all merged, 3 some rejected (or a unit's library folder not listed), 2 none. The work is the merge use case's (`app/mergeSession`);
 * this shell gathers the files, prints the progress and writes the outputs.
 */
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
      year: { type: "string" },
      round: { type: "string" },
      graph: { type: "string", multiple: true },
      cache: { type: "string" },
      prefer: { type: "string", multiple: true },
    },
    positionals: true,
  });
  const graphUrls = (values.graph as unknown as string[] | undefined) ?? [];
  if (!values.out)
    throw new UserError(
      msg("ต้องระบุไฟล์สรุปด้วย -o SUMMARY.xlsx", "Give the summary file with -o SUMMARY.xlsx")
    );
  if (!positionals.length && !graphUrls.length)
    throw new UserError(
      msg(
        "ต้องระบุไฟล์หรือโฟลเดอร์ของหน่วยงาน หรือโฟลเดอร์ในไลบรารีด้วย --graph URL",
        "Give the units' files or folders, or a library folder with --graph URL"
      )
    );
  const expectArg = (values.expect as string | undefined) ?? "districts";
  // Anything but the two words is a file listing the expected units.
  const expect =
    expectArg === "districts" || expectArg === "none" ? expectArg : await readExpectList(expectArg);
  const passMark = numberOption("threshold", values.threshold, isPassMark, BOUND_HINTS.passMark);
  const period = periodOption(
    numberOption("year", values.year, isFiscalYear, BOUND_HINTS.fiscalYear),
    numberOption("round", values.round, isRound, BOUND_HINTS.round)
  );
  const out = String(values.out);
  const report = values.report === undefined ? null : String(values.report);
  if (report !== null && path.resolve(report) === path.resolve(out))
    throw new UserError(
      msg(
        `ไฟล์รายงาน ${report} ต้องไม่ใช่ไฟล์เดียวกับไฟล์สรุป`,
        `The report file ${report} must not be the summary file`
      )
    );
  const inputs = await expandInputs(positionals);
  if (!inputs.files.length && !graphUrls.length)
    throw new UserError(msg("ไม่พบไฟล์ที่จะรวม", "No file to merge"));
  const given = values.form === undefined ? undefined : formOption(String(values.form));
  const inflate = nodeInflate;
  await checkOutput(out, inputs.files);
  if (report !== null)
    await checkOutput(report, inputs.files, msg("ไฟล์รายงาน", "The report file"), ".docx");

  // The previous period is read before anything else: bad input stops the run with nothing written.
  const compareInputs = (values.compare as unknown as string[] | undefined) ?? [];
  let previous: PreviousPeriod | null = null;
  if (compareInputs.length) {
    // The previous period's files as given (a summary, or its folder's files): its subfolders are
    // not the period's units (a backup of an older summary would make two summaries).
    const prev = await expandInputs(compareInputs, false);
    if (!prev.files.length)
      throw new UserError(
        msg(
          `--compare ${compareInputs.join(", ")}: ไม่พบไฟล์ของครั้งก่อน`,
          `--compare ${compareInputs.join(", ")}: no previous file found`
        )
      );
    await checkOutput(out, prev.files);
    if (report !== null)
      await checkOutput(report, prev.files, msg("ไฟล์รายงาน", "The report file"), ".docx");
    previous = await readPreviousPeriod(prev.files.map(diskFile), {
      inflate,
      label: compareInputs.join(", "),
    });
    if (previous.problem) throw new UserError(previous.problem);
  }

  // The library's folders, listed (every page) before anything is read: a sign-in refused stops here.
  const libraries: LibraryListing[] = [];
  const graphEnv = io.env ?? process.env;
  let graph: GraphClient | null = null;
  for (const url of graphUrls) {
    graph ??= cliGraph(graphEnv, io, { quiet: Boolean(values.json) });
    libraries.push(
      await signInHint(
        libraryFiles(url, graph, io, {
          cache: cacheDir(values.cache as string | undefined, graphEnv),
          quiet: Boolean(values.json),
        })
      )
    );
  }
  for (const l of libraries)
    for (const i of l.ignored) inputs.ignored.push({ file: i.name, why: i.why });
  if (!inputs.files.length && !libraries.some((l) => l.files.length))
    throw new UserError(msg("ไม่พบไฟล์ที่จะรวม", "No file to merge"));

  const prefer = preferred(
    (values.prefer as unknown as string[] | undefined) ?? [],
    inputs.files,
    libraries.flatMap((l) => l.files.map((f) => f.name))
  );

  const read = await signInHint(
    readUnitFiles([...inputs.files.map(diskFile), ...libraries.flatMap((l) => l.files)], {
      inflate,
      form: given,
      // Files on disk are read in worker threads; the library's, downloaded, in this one.
      pool: nodeReadPool(inputs.files.length, given),
      onProgress: (_i, _n, file) => {
        if (!values.json) io.err(`อ่าน / reading  ${file}\n`);
      },
    })
  );

  const outcome = mergeRead(read, { expect, passMark, form: given, period, previous, prefer });
  if (outcome.compareProblem) throw new UserError(outcome.compareProblem);
  const wrote = outcome.result.merged.length > 0;
  let reportStats: { unitsCredited: number; unitsWithText: number } | null = null;
  if (wrote) {
    // The report is made before anything is written: if it fails, neither output is replaced.
    let reportBytes: Uint8Array | null = null;
    if (report !== null) {
      // The report model and the Word writer are loaded only when a report is asked for.
      const { centralReportBytes } =
        require("../app/centralReport") as typeof import("../app/centralReport");
      const office = values.office === undefined ? undefined : String(values.office);
      const made = await centralReportBytes(outcome, office);
      reportStats = made.stats;
      reportBytes = made.bytes;
    }
    const { writeSummaryFile } =
      require("../xlsx/write/writeSummary") as typeof import("../xlsx/write/writeSummary");
    // Each sheet written as it is made, and dropped (the measures sheet of 5,000 units is 130 MB).
    await writeSummaryFile(out, outcome.sheetsOneByOne());
    if (report !== null && reportBytes) await writeBytesAtomic(report, reportBytes);
  }
  const reportOut = wrote ? report : null;
  if (values.json)
    writeJson(
      {
        ...mergeJson(outcome, inputs, wrote ? out : null),
        // The report's file (when asked for) and where each of its counts comes from.
        report: { file: reportOut, ...reportTrace(outcome.result) },
        ...(libraries.length ? { library: libraries.map(libraryJson) } : {}),
        ...(outcome.comparison ? { compare: compareJson(outcome.comparison) } : {}),
        ...(compareInputs.length
          ? {
              compareRejected: outcome.previousRejected.map((x) => ({
                file: x.file,
                reason: x.reason,
              })),
            }
          : {}),
      },
      io.out
    );
  else {
    const note = formChoiceNote(outcome);
    if (note) io.err(`${note.th}\n${note.en}\n`);
    for (const l of libraries) io.out(formatLibrary(l, outcome));
    io.out(formatMerge(outcome, inputs, wrote ? out : null));
    if (outcome.comparison) io.out(formatCompare(outcome.comparison));
    for (const x of outcome.previousRejected)
      io.out(
        `  ครั้งก่อน อ่านไม่ได้ / previous, not read  ${path.basename(x.file)}: ${x.reason.th} / ${x.reason.en}\n`
      );
    if (reportOut && reportStats)
      io.out(
        `รายงานอยู่ที่ / Report written to: ${reportOut} (หน่วยงานที่ผลการดำเนินการนับได้ตามมาตรการ ${reportStats.unitsCredited} จาก ${reportStats.unitsWithText} หน่วยงานที่กรอกมาตรการหรือผล / units counted under a measure from their results: ${reportStats.unitsCredited} of ${reportStats.unitsWithText} that wrote measures or results)\n`
      );
  }
  if (!wrote) return 2;
  // A unit's library folder that could not be listed may hold files not merged: as a rejected file.
  const unlisted = libraries.some((l) => l.notRead.some((n) => n.failed));
  return outcome.result.rejected.length || unlisted ? 3 : 0;
}

/** The period line: which period, and whether the user chose it or most files give it. */
function periodLine(r: MergeResult): string {
  if (!r.period) return "รอบที่รวม / period: -";
  const w = periodWords(r.period);
  const others = r.periodsFound.filter(
    (p) => p.period.fiscalYear !== r.period!.fiscalYear || p.period.round !== r.period!.round
  );
  // As many files of another period: the latest is merged (periodsFound's order), and said so.
  const [first, second] = r.periodsFound;
  const tie = second !== undefined && second.count === first.count;
  const how = r.periodAsked
    ? "ตามที่ระบุ / as asked"
    : tie
      ? "ล่าสุดในรอบที่มีไฟล์มากที่สุดเท่ากัน เลือกรอบอื่นได้ด้วย --year และ --round / the latest of the periods as many files give; choose another with --year and --round"
      : "ที่ไฟล์ส่วนใหญ่ระบุ / the period most files give";
  const also = others.length
    ? ` · ไฟล์ของรอบอื่นไม่นำมารวม / files of other periods not merged: ${others.map((p) => `${periodName(p.period)} (${p.count})`).join(", ")}`
    : "";
  return `รอบที่รวม / period: ${w.th} / ${w.en} (${how})${also}`;
}

export function formatMerge(o: MergeOutcome, inputs: Inputs, output: string | null): string {
  const r = o.result;
  const lines: string[] = [periodLine(r)];
  lines.push(
    `รวมแล้ว / merged: ${r.merged.length} · ไม่รับ / rejected: ${r.rejected.length} · ซ้ำ / duplicates: ${r.duplicates.length} · ยังไม่ส่ง / missing: ${r.missing.length} · มีฉบับใหม่แทน / superseded: ${r.superseded.length} · ข้าม / skipped: ${o.skipped.length}`
  );
  for (const m of r.merged)
    if (m.mappedFrom)
      lines.push(
        `  รวมจากแบบฟอร์ม ${m.mappedFrom} ตามข้อที่ต่อเนื่องกัน / merged from the form ${m.mappedFrom} as its items map  ${path.basename(m.file)}`
      );
  // Merged with errors: what to correct is in the status sheet (and --json's issues), by cell.
  for (const m of r.merged) {
    if (!m.validation.errors) continue;
    const first = m.validation.issues[0];
    const cell = first.cell ? `${first.cell}: ` : "";
    const more =
      m.validation.errors > 1
        ? ` … (ดูชีต ${SUMMARY_SHEETS.status} / see the sheet ${SUMMARY_SHEETS.status})`
        : "";
    lines.push(
      `  รวมแล้วแต่มีข้อผิดพลาด / merged with errors  ${path.basename(m.file)} (${m.label}): ${m.validation.errors} จุด / ${countEn(m.validation.errors, "error")} — ${cell}${first.message.th} / ${first.message.en}${more}`
    );
  }
  for (const m of r.merged) {
    const other = namedOtherUnit(m.file, m.unit);
    if (other)
      lines.push(
        `  ชื่อไฟล์ไม่ตรงกับรายงาน / file named for another unit  ${path.basename(m.file)}: ชื่อไฟล์ระบุ${unitDisplayName(other)} แต่รายงานในไฟล์เป็นของ${m.label} / the name gives ${other.en}, but the report in it is ${m.unit.en}'s`
      );
  }
  for (const x of r.superseded)
    lines.push(`  มีฉบับใหม่แทน / superseded  ${path.basename(x.file)} → ${path.basename(x.by)}`);
  for (const x of r.rejected)
    lines.push(`  ไม่รับ / rejected  ${path.basename(x.file)}: ${x.reason.th} / ${x.reason.en}`);
  if (r.duplicates.length)
    lines.push(
      "  ฉบับซ้ำ: เลือกฉบับที่จะใช้ด้วย --prefer FILE หรือนำฉบับที่ไม่ใช้ออก / duplicates: choose the copy to use with --prefer FILE, or take the other out"
    );
  for (const x of o.skipped)
    lines.push(`  ข้าม / skipped  ${path.basename(x.file)}: ${x.reason.th} / ${x.reason.en}`);
  // Named, each kind on a line: a report saved as a hidden file (".1040.xlsx") is not lost unseen.
  for (const [why, label] of [
    ["lock", "ไม่อ่านไฟล์ล็อกของ Office / Office lock files not read"],
    ["hidden", "ไม่อ่านไฟล์ซ่อน (ชื่อขึ้นต้นด้วยจุด) / hidden files (names starting with a dot) not read"],
  ] as const) {
    const names = inputs.ignored.filter((i) => i.why === why).map((i) => i.file);
    if (names.length) lines.push(`  ${label}: ${namesLabel(names)}`);
  }
  for (const n of inputs.notRead)
    lines.push(`  ไม่อ่าน / not read  ${n.file}: ${n.reason.th} / ${n.reason.en}`);
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

export { Cancelled, diskFile };

/**
 * The submissions of files on disk, read as `ita merge` reads them (for the tests and the bench, which
 * merge with their own options); `form` is for sheets that name no form this copy knows.
 */
export async function readSubmissions(
  files: string[],
  onFile?: (file: string) => void,
  form?: import("../domain").FormDef
): Promise<import("../domain").Submission[]> {
  const read = await readUnitFiles(files.map(diskFile), {
    inflate: nodeInflate,
    form,
    onProgress: onFile && ((_i, _n, file) => onFile(file)),
  });
  return read.subs;
}

/**
 * A sign-in Microsoft 365 refused, said with what the command can do about it: a new ITA_GRAPH_TOKEN,
 * or none, to sign in with a code. Exit 2, as for any input the command cannot use.
 */
async function signInHint<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    const kind = e instanceof GraphError || e instanceof SourceError ? e.kind : null;
    if (kind !== "signin") throw e;
    const r = (e as GraphError | SourceError).reason;
    throw new UserError(
      msg(
        `${r.th} (ตั้งค่า ITA_GRAPH_TOKEN ใหม่ หรือลบออกเพื่อลงชื่อเข้าใช้ด้วยรหัส)`,
        `${r.en} (set a new ITA_GRAPH_TOKEN, or unset it to sign in with a code)`
      )
    );
  }
}

/** A library folder in the JSON output: each file with who sent it and when, and how it was got. */
export function libraryJson(l: LibraryListing) {
  return {
    folder: l.folder.name,
    webUrl: l.folder.webUrl,
    files: l.entries.map((e) => ({
      file: e.name,
      sentBy: e.modifiedBy,
      sentAt: e.modified,
      got: e.got,
    })),
    notRead: l.notRead.map((n) => ({ name: n.name, reason: n.reason })),
    ignored: l.ignored.map((i) => ({ file: i.name, kind: i.why })),
  };
}

/**
 * The library in the human output: the folder, how many files were downloaded or kept, and each
 * file with who sent it and when (who has sent; who has not is the merge's "missing" line).
 */
export function formatLibrary(l: LibraryListing, o: MergeOutcome): string {
  const downloaded = l.entries.filter((e) => e.got === "downloaded").length;
  const cached = l.entries.filter((e) => e.got === "cached").length;
  const merged = new Set(o.result.merged.map((m) => m.file));
  const lines = [
    `ไลบรารี / library: ${l.folder.name}${l.folder.webUrl ? ` (${l.folder.webUrl})` : ""} · ไฟล์ / files: ${l.entries.length} · ดาวน์โหลด / downloaded: ${downloaded} · ไม่เปลี่ยนแปลงตั้งแต่ครั้งก่อน ไม่ดาวน์โหลดซ้ำ / unchanged since the last merge, not downloaded: ${cached}`,
  ];
  for (const e of l.entries) {
    const when = whenWords(e.modified);
    lines.push(
      `  ${merged.has(e.name) ? "ส่งแล้ว / sent" : "ไฟล์ / file"}  ${e.name} · ${e.modifiedBy ?? "-"} · ${when.th} / ${when.en}`
    );
  }
  for (const n of l.notRead)
    lines.push(`  ไม่อ่าน / not read  ${n.name}: ${n.reason.th} / ${n.reason.en}`);
  return `${lines.join("\n")}\n`;
}
