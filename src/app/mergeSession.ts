/**
 * The central office's job, once for both shells: read the units' files, merge them as one period by
 * one form, compare with a previous period, and hand back everything a shell shows or writes. The
 * command (`ita merge`) and the task pane's merge view only gather files, show progress and write the
 * outputs; the same files and choices give the same answer in both.
 *
 * Two steps, so that the pane can show what it found (the periods, the forms) before it merges, and
 * merge again (another period, a file taken instead of its later copy) without reading again:
 * `readUnitFiles` reads, `mergeRead` merges what was read.
 */
import { FormDef, DEFAULT_FORM, formLabel } from "../domain/catalog";
import {
  Comparison,
  compareWithPrevious,
  PeriodScores,
  previousFromSubmissions,
} from "../domain/compare";
import { ReasonError } from "../domain/errors";
import { mergeForms, MergeResult, Submission } from "../domain/merge";
import { chooseMergeForm } from "../domain/mergeForm";
import { Period } from "../domain/period";
import type { SummarySheet } from "../domain/summarySheets/table";
import { summarySheetMakers } from "../domain/summarySheets";
import { creditInSteps } from "../domain/report/unitMeasures";
import { baseName, countEn, Msg, msg } from "../domain/text";
import { Unit } from "../domain/units";
import type { FormSheet } from "../domain/layout/read";
import { TEXT_FIELDS } from "../domain/reportFields";
import { Inflater } from "../xlsx/read/zip";
import { CancelSignal, Cancelled, PickedFile, ReadProgress } from "./files";
import { readOne, ReadPool } from "./readOne";

export type { ReadPool };

/** A file that was not read as a unit's report, and why (it is listed, never dropped in silence). */
export interface SkippedFile {
  file: string;
  /**
   * summary: a summary ita wrote (a merge's own output); report: a central report ita wrote (Word);
   * same: the same file as `as`.
   */
  kind: "summary" | "report" | "same";
  /** For `same`: the file read instead. */
  as?: string;
  reason: Msg;
}

/** What reading the chosen files gave: the submissions, and the files skipped with their reason. */
export interface ReadSet {
  /** In the order the files were given: a form sheet each, or a file's rejection. */
  subs: Submission[];
  skipped: SkippedFile[];
  /** Summaries ita wrote among the files, with their periods (a previous period for a comparison). */
  summaries: { file: string; period: PeriodScores | null; problem: Msg | null }[];
  /** How many files were given. */
  files: number;
}

export interface ReadFilesOptions {
  inflate: Inflater;
  /** The form given by the user: sheets that name no form this copy knows are read against it. */
  form?: FormDef;
  onProgress?: ReadProgress;
  signal?: CancelSignal;
  /** Workers to read in (the pool reads with its own inflater and form, given when it was made). */
  pool?: ReadPool;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The sheet's texts replaced by the same texts read from earlier files, so that a text many units
 * wrote word for word (the standard measures copied into their cells) is held once for the merge: the
 * forms of 500 generated district files took 61 MB of heap, 29 MB after this. So are the short
 * strings every sheet has — item codes, cell addresses, a score's "ok" — which a read in a worker
 * (or of each file) makes anew: 3.8 MB of the forms of 500 files, 0.2 MB after this.
 */
function shareTexts(form: FormSheet, texts: Map<string, string>): void {
  const shared = (t: string) => {
    if (t === "") return t;
    const hit = texts.get(t);
    if (hit !== undefined) return hit;
    texts.set(t, t);
    return t;
  };
  for (const it of form.items) {
    for (const field of TEXT_FIELDS) {
      it[field] = shared(it[field]);
      it.cells[field] = shared(it.cells[field]);
    }
    it.code = shared(it.code);
    it.cells.score = shared(it.cells.score);
    it.sharedWith = it.sharedWith.map(shared);
    (it.scoreParse as { kind: string }).kind = shared(it.scoreParse.kind);
  }
}

/**
 * Read every file: each becomes the forms it submits, a rejection with its reason (not a workbook,
 * a Word report, damaged …), or a skipped file (a summary ita wrote; the same file given twice). The
 * saved time of a report is the file's own (`dcterms:modified`), else the file's modification time.
 * With a pool the files are read in parallel; what comes back is taken in the order given.
 */
export async function readUnitFiles(
  files: readonly PickedFile[],
  opts: ReadFilesOptions
): Promise<ReadSet> {
  const out: ReadSet = { subs: [], skipped: [], summaries: [], files: files.length };
  const seen = new Map<string, PickedFile>();
  const texts = new Map<string, string>();
  const pool = opts.pool;
  const pending = pool ? files.map((f, i) => pool.read(f, i)) : null;
  // A refusal of one file must not leave the others' promises unobserved.
  pending?.forEach((p) => p.catch(() => undefined));
  try {
    for (const [i, f] of files.entries()) {
      if (opts.signal?.aborted) throw new Cancelled();
      opts.onProgress?.(i + 1, files.length, f.name);
      const one = pending ? await pending[i] : await readOne(f, opts);
      if (opts.signal?.aborted) throw new Cancelled();
      if ("error" in one) {
        out.subs.push({ file: f.name, error: one.error });
        continue;
      }
      const first = seen.get(one.fingerprint);
      if (first && sameBytes(await first.bytes(), await f.bytes())) {
        out.skipped.push({
          file: f.name,
          kind: "same",
          as: first.name,
          reason: msg(
            `ไฟล์เดียวกับ ${baseName(first.name)} (เนื้อหาเหมือนกันทุกไบต์) จึงอ่านเพียงครั้งเดียว`,
            `the same file as ${baseName(first.name)} (identical content), read once`
          ),
        });
        continue;
      }
      if (!first) seen.set(one.fingerprint, f);
      const read = one.unit;
      if (read.kind === "summary") {
        out.summaries.push({ file: f.name, period: read.period, problem: read.problem });
        out.skipped.push({
          file: f.name,
          kind: "summary",
          reason: msg(
            "เป็นไฟล์สรุปที่ ita เขียน (ผลการรวมครั้งก่อน) ไม่ใช่รายงานของหน่วยงาน จึงไม่นำมารวม",
            "a summary written by ita (an earlier merge's output), not a unit's report; not merged"
          ),
        });
        continue;
      }
      if (read.kind === "own-report") {
        out.skipped.push({
          file: f.name,
          kind: "report",
          reason: msg(
            "เป็นรายงาน Word ที่ ita เขียน (ผลการรวมครั้งก่อน) ไม่ใช่รายงานของหน่วยงาน จึงไม่นำมารวม",
            "a Word report written by ita (an earlier merge's output), not a unit's report; not merged"
          ),
        });
        continue;
      }
      for (const s of read.subs) {
        if (s.form && !s.saved && f.modified !== null)
          s.saved = { at: new Date(f.modified).toISOString(), source: "filesystem" };
        if (s.form) shareTexts(s.form, texts);
      }
      out.subs.push(...read.subs);
    }
  } catch (e) {
    pool?.cancel();
    throw e;
  }
  return out;
}

/** The previous period to compare with, or why there is none (the merge goes on without it). */
export type PreviousPeriod =
  | { period: PeriodScores; problem: null; rejected: { file: string; reason: Msg }[] }
  | { period: null; problem: Msg; rejected: { file: string; reason: Msg }[] };

export interface MergeChoices {
  /** Which units should have reported: the 50 districts, none (only what came), or a list. */
  expect: "districts" | "none" | readonly Unit[];
  /** The central office's pass mark (default: the form's). */
  passMark?: number;
  /** The form the user chose; otherwise the form most sheets carry, else the default form. */
  form?: FormDef;
  /** The period the user chose; otherwise the period most sheets give. */
  period?: Period | null;
  /** Files the user took instead of their later copies. */
  prefer?: readonly string[];
  /** The previous period, read by `readPreviousPeriod`. */
  previous?: PreviousPeriod | null;
  now?: Date;
}

export interface MergeOutcome {
  result: MergeResult;
  /** How the form was chosen: given by the user, or the form most sheets carry (`matching` of them). */
  form: { form: FormDef; given: boolean; matching: number; other: number };
  /** Files not read as reports (summaries, the same file twice), each with its reason. */
  skipped: SkippedFile[];
  comparison: Comparison | null;
  /** Why the previous period could not be compared with (the merge is written without it). */
  compareProblem: Msg | null;
  /** Files of the previous period that could not be read, each with its reason. */
  previousRejected: { file: string; reason: Msg }[];
  /** The summary sheets, built on first use (null when nothing was merged). */
  summary(): SummarySheet[] | null;
  /**
   * The same sheets one at a time, each made when it is asked for and not kept (the ones `summary()`
   * or `steps()` built are given as they are): a shell that writes each sheet as it comes — the
   * command — never holds them all. Nothing when nothing was merged.
   */
  sheetsOneByOne(): Iterable<SummarySheet>;
  /**
   * What `summary()` does, in steps, `[done, of]`: crediting each unit's results to the measures a
   * measure group at a time, then each sheet. A shell that must stay responsive runs them first,
   * between frames; `summary()` then gives the sheets they built (or builds what is left).
   */
  steps(): Iterator<[done: number, of: number], unknown, void>;
}

/** How many read sheets carry the form, and how many another one. */
function formCounts(subs: readonly Submission[], form: FormDef) {
  let matching = 0;
  let other = 0;
  for (const s of subs) {
    if (!s.form) continue;
    if (s.form.formId === form.formId && s.form.formVersion === form.version) matching++;
    else other++;
  }
  return { matching, other };
}

/** Merge what was read, as one period by one form, and compare with the previous period if given. */
export function mergeRead(read: ReadSet, choices: MergeChoices): MergeOutcome {
  const form = choices.form ?? chooseMergeForm(read.subs, DEFAULT_FORM).form;
  const result = mergeForms(read.subs, {
    formDef: form,
    passMark: choices.passMark,
    expect: choices.expect,
    prefer: choices.prefer,
    period: choices.period ?? null,
    now: choices.now,
  });
  let comparison: Comparison | null = null;
  let compareProblem = choices.previous?.problem ?? null;
  if (choices.previous?.period && result.merged.length) {
    try {
      comparison = compareWithPrevious(choices.previous.period, result);
    } catch (e) {
      if (!(e instanceof ReasonError)) throw e;
      compareProblem = e.reason;
    }
  }
  let sheets: SummarySheet[] | null | undefined;
  function* steps(): Generator<[number, number], void, void> {
    if (sheets !== undefined) return;
    if (!result.merged.length) return void (sheets = null);
    const makers = summarySheetMakers(result, comparison);
    const credit = creditInSteps(result);
    let groups = 0;
    for (let s = credit.next(); !s.done; s = credit.next()) {
      groups = s.value[1];
      yield [s.value[0], groups + makers.length];
    }
    const made: SummarySheet[] = [];
    for (const make of makers) {
      made.push(make());
      yield [groups + made.length, groups + makers.length];
    }
    sheets = made;
  }
  return {
    result,
    form: { form, given: Boolean(choices.form), ...formCounts(read.subs, form) },
    skipped: read.skipped,
    comparison,
    compareProblem,
    previousRejected: choices.previous?.rejected ?? [],
    // The sheets are what the steps build: run to their end when no shell ran them first.
    summary: () => {
      if (sheets === undefined) for (const _ of steps());
      return sheets ?? null;
    },
    *sheetsOneByOne() {
      if (sheets !== undefined) return yield* sheets ?? [];
      if (!result.merged.length) return;
      for (const make of summarySheetMakers(result, comparison)) yield make();
    },
    steps,
  };
}

/** The line a shell shows when the merge took the form most sheets carry and others were refused. */
export function formChoiceNote(o: MergeOutcome): Msg | null {
  if (o.form.given || o.form.other === 0) return null;
  const label = formLabel(o.form.form);
  return msg(
    `รวมตามแบบฟอร์ม ${label} (${o.form.matching} ชีต) ซึ่งเป็นแบบฟอร์มที่ไฟล์ส่วนใหญ่ใช้; ชีตของแบบฟอร์มอื่น ${o.form.other} ชีตรวมได้เฉพาะที่ข้อต่อเนื่องกัน นอกนั้นไม่นำมารวม (ดูเหตุผลในรายการที่ไม่รับ)`,
    `Merged by the form ${label} (${countEn(o.form.matching, "sheet")}), the one most files carry; ${countEn(o.form.other, "sheet")} of other forms ${o.form.other === 1 ? "is merged only where its items map onto it, or else refused" : "are merged only where their items map onto it, the rest refused"} (see the reasons among the rejected files)`
  );
}

/** The names of files in a message: the first few, then how many in all. */
export function namesLabel(names: readonly string[]): string {
  const shown = names.slice(0, 3).map(baseName).join(", ");
  return names.length > 3 ? `${shown} … (${names.length})` : shown;
}

/**
 * The previous period the user gave to compare with: one summary ita wrote (its data sheet), or the
 * previous year's or round's unit files, read and merged as a merge reads them (each sheet against
 * the form it carries). Never throws for what the files hold: a period, or the problem in words, and
 * every file that could not be read with its reason.
 */
export async function readPreviousPeriod(
  files: readonly PickedFile[],
  opts: ReadFilesOptions & {
    /** What the user gave, for messages (the command: the paths as typed); else the files' names. */
    label?: string;
  }
): Promise<PreviousPeriod> {
  const read = await readUnitFiles(files, opts);
  const rejected = read.subs
    .filter((s) => !s.form)
    .map((s) => ({
      file: s.file,
      reason: s.error ?? msg("อ่านไฟล์ไม่ได้", "The file could not be read"),
    }));
  const label = opts.label ?? namesLabel(files.map((f) => f.name));
  if (read.summaries.length) {
    const reports = read.subs.filter((s) => s.form).length;
    if (read.summaries.length > 1 || reports) {
      const found = read.summaries.map((s) => baseName(s.file)).join(", ");
      return {
        period: null,
        rejected,
        problem: msg(
          `ไฟล์ครั้งก่อน ${label}: ระบุไฟล์สรุปได้ไฟล์เดียว หรือไฟล์รายงานของหน่วยงาน ไม่ใช่ทั้งสองอย่างรวมกัน (พบไฟล์สรุป ${found})`,
          `Previous files ${label}: give one summary file, or the units' files, not both (summaries found: ${found})`
        ),
      };
    }
    const only = read.summaries[0];
    return only.period
      ? { period: only.period, problem: null, rejected }
      : { period: null, problem: only.problem!, rejected };
  }
  try {
    return {
      period: previousFromSubmissions(read.subs, label, DEFAULT_FORM),
      problem: null,
      rejected,
    };
  } catch (e) {
    if (!(e instanceof ReasonError)) throw e;
    return { period: null, problem: e.reason, rejected };
  }
}
