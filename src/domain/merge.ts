import { FormDef } from "./catalog";
import { SinceRound6, sinceRound6 } from "./carried";
import { toMergeForm } from "./formMapping";
import { FormSheet, scoresOf } from "./layout/read";
import { saysSomething } from "./report/measureMatch";
import {
  otherPeriodReason,
  Period,
  periodOf,
  periodsFound,
  periodWords,
  samePeriod,
} from "./period";
import { Issue, validate, ValidationResult } from "./rules";
import { Resolution, resolveResubmission, SavedTime, supersededNote } from "./resubmission";
import { ScoreSummary, summarizeScores } from "./summary";
import { baseName, Msg, msg } from "./text";
import { DISTRICTS, findDistrict, resolveUnit, Unit, unitDisplayName, unitKey } from "./units";

/** One form read from a district file, or the reason the file could not be read. */
export interface Submission {
  file: string;
  form?: FormSheet;
  error?: Msg;
  /** A refused file's unit, when its sheets all name one (it is listed under that unit, not as missing). */
  unit?: Unit;
  /** When the file was saved; decides between a report and its corrected resubmission. */
  saved?: SavedTime | null;
}

export interface MergeOptions {
  formDef: FormDef;
  /** The central office's pass mark for every unit (default 85). */
  passMark?: number;
  /** Which units are expected: the 50 districts, none (only what was received), or a list. */
  expect: "districts" | "none" | readonly Unit[];
  /** Files the user chose among copies of one report (instead of the latest saved). */
  prefer?: readonly string[];
  /**
   * The period merged (the user's choice); without it, the period most sheets give. Sheets of any
   * other period are rejected, naming both periods: one merge is one period.
   */
  period?: Period | null;
  now?: Date;
}

export interface MergedUnit {
  /** District code, or the free-text unit name. */
  key: string;
  unit: Unit;
  label: string;
  file: string;
  sheet: string;
  round: number | null;
  fiscalYear: number | null;
  formVersion: string | null;
  /** The sheet as the merged form reads it (mapped when it was written on another form). */
  form: FormSheet;
  /** The form the sheet was written on when it is not the merged one (`formId version`). */
  mappedFrom: string | null;
  /** Item scores by code, and the unit's averages and estimated total: computed here, once. */
  scores: ReadonlyMap<string, number | null>;
  summary: ScoreSummary;
  validation: ValidationResult;
  saved: SavedTime | null;
  /**
   * A 12-month report started from the same year's 6-month report: how many groups (results cells)
   * have new results since, and which items' results are still the 6-month report's. Null for any
   * other sheet (nothing to tell new results from carried ones).
   */
  sinceRound6: SinceRound6 | null;
}

/** A report replaced by another copy for the same unit, year and round (its correction, as a rule). */
export interface Superseded {
  file: string;
  sheet: string;
  unit: string;
  round: number | null;
  fiscalYear: number | null;
  saved: SavedTime | null;
  /** The file merged instead, and its sheet. */
  by: string;
  bySheet: string;
  bySaved: SavedTime | null;
  /** "latest": saved later; "chosen": the user picked the other one. */
  reason: "latest" | "chosen";
  note: Msg;
}

export type SubmissionStatus = "received" | "missing" | "rejected" | "duplicate" | "superseded";

/** Errors named in a received unit's status row: this many, the rest counted. */
const ERRORS_NAMED = 3;

/**
 * What a received unit must correct, by cell, as its status row says it (the count alone did not
 * tell the central office whom to ask for what): its first errors, the rest counted; and the cells
 * of text it typed outside the form's cells, which the summary does not have.
 */
function statusNote(m: {
  validation: { issues: readonly Issue[] };
  file: string;
  unit: Unit;
}): Msg | null {
  const errors = m.validation.issues.filter((i) => i.severity === "error");
  const unread = m.validation.issues.filter((i) => i.rule === "form.stray-text" && i.cell);
  const misnamed = namedOtherUnit(m.file, m.unit);
  if (!errors.length && !unread.length && !misnamed) return null;
  const at = (i: Issue, lang: "th" | "en") => `${i.cell ? `${i.cell} ` : ""}${i.message[lang]}`;
  const named = errors.slice(0, ERRORS_NAMED);
  const more = errors.length - named.length;
  const cells = unread.map((i) => i.cell).join(", ");
  const parts = [
    errors.length &&
      msg(
        `ต้องแก้ไข: ${named.map((i) => at(i, "th")).join("; ")}${more ? `; และอีก ${more} รายการ` : ""}`,
        `to correct: ${named.map((i) => at(i, "en")).join("; ")}${more ? `; and ${more} more` : ""}`
      ),
    unread.length &&
      msg(
        `ข้อความที่พิมพ์นอกช่องของแบบรายงาน ไม่ได้นำมารวม: ${cells}`,
        `text typed outside the form's cells, not merged: ${cells}`
      ),
    misnamed &&
      msg(
        `ชื่อไฟล์ระบุ${unitDisplayName(misnamed)} แต่รายงานในไฟล์เป็นของ${unitDisplayName(m.unit)}`,
        `the file's name gives ${misnamed.en}, but the report in it is ${m.unit.en}'s`
      ),
  ].filter((x): x is Msg => Boolean(x));
  return msg(parts.map((p) => p.th).join(" — "), parts.map((p) => p.en).join(" — "));
}

export interface StatusRow {
  code: string | null;
  unit: string;
  status: SubmissionStatus;
  file: string;
  sheet: string;
  formVersion: string;
  round: number | null;
  errors: number | null;
  warnings: number | null;
  note: Msg | null;
}

export interface MergeResult {
  passMark: number;
  formDef: FormDef;
  /** The period merged: the one asked for, else the one most sheets give; null when none gives one. */
  period: Period | null;
  /** Whether the period was the user's choice (else: the one most sheets give). */
  periodAsked: boolean;
  /** The periods the readable sheets give, most common first, with how many sheets give each. */
  periodsFound: { period: Period; count: number }[];
  merged: MergedUnit[];
  /**
   * Files refused, with why; `otherPeriod`: a report of another period (its unit still counts as
   * missing for this one).
   */
  rejected: { file: string; unit: string | null; reason: Msg; otherPeriod?: boolean }[];
  duplicates: { unit: string; files: string[] }[];
  superseded: Superseded[];
  missing: Unit[];
  status: StatusRow[];
}

/** A status row for a unit with no form read: missing, or its file rejected. */
function unread(
  code: string | null,
  unit: string,
  status: SubmissionStatus,
  file: string,
  note: Msg | null
): StatusRow {
  return {
    code,
    unit,
    status,
    file,
    sheet: "",
    formVersion: "",
    round: null,
    errors: null,
    warnings: null,
    note,
  };
}

/** Districts in code order, then other units by Thai name. */
export function compareUnits(a: Unit, b: Unit): number {
  if (a.code && b.code) return a.code.localeCompare(b.code);
  if (a.code) return -1;
  if (b.code) return 1;
  return a.th.localeCompare(b.th, "th");
}

/**
 * The periods the readable sheets give, most common first: the merge's period unless the user
 * chooses another (the pane shows them before merging, from the same function).
 */
export function periodsOfSubmissions(subs: readonly Submission[]) {
  return periodsFound(
    subs.flatMap((s) =>
      s.form ? [{ fiscalYear: s.form.fiscalYear.value, round: s.form.round.value }] : []
    )
  );
}

/**
 * The district a file's name gives when the report in it is another unit's (renamed, or sent by
 * mistake): the report is merged as what it says, and the district the name gives may be missing.
 */
export function namedOtherUnit(file: string, unit: Unit): Unit | null {
  const byName = districtOfFileName(file);
  return byName && byName.code !== unit.code ? byName : null;
}

/**
 * The district a file's name names ("1022-ภาษีเจริญ.xlsx", "ITA_บางรัก_2568.xlsx"): its code
 * (1001–1050) or its name as a part of the name between separators; null when none or several do.
 */
export function districtOfFileName(file: string): Unit | null {
  const name = baseName(file).replace(/\.[^.]*$/, "");
  const found = new Set<Unit>();
  for (const part of name.split(/[\s_\-.,()[\]]+/u)) {
    const u = part && /^(?:10\d\d|\D.*)$/u.test(part) ? findDistrict(part) : null;
    if (u) found.add(u);
  }
  return found.size === 1 ? [...found][0] : null;
}

/**
 * A later copy in a file named for another district is no correction of the unit's own file: most
 * often that district saved the wrong report under its name (its own is then missing). Taking it as
 * the later copy listed the unit's own file as superseded and the other district as not sent; both
 * copies are refused until the user chooses (`prefer`).
 */
function byFileNames(choice: Resolution<MergedUnit>): Resolution<MergedUnit> {
  if (choice.kind !== "latest") return choice;
  const other = namedOtherUnit(choice.keep.file, choice.keep.unit);
  const own = choice.superseded.find((c) => !namedOtherUnit(c.file, c.unit));
  if (!other || !own) return choice;
  const name = baseName(choice.keep.file);
  return {
    kind: "refused",
    why: msg(
      `ไฟล์ ${name} ซึ่งตั้งชื่อเป็นของ${unitDisplayName(other)} มีรายงานของ${choice.keep.label} ที่ส่งมาแล้วในไฟล์ ${baseName(own.file)} จึงไม่ถือว่าเป็นฉบับแก้ไข: ตรวจสอบกับหน่วยงาน แล้วเลือกฉบับที่จะใช้ หรือนำฉบับที่ไม่ใช้ออก`,
      `${name}, named for ${other.en}, holds ${choice.keep.unit.en}'s report, which came in ${baseName(own.file)} too, so it is not taken for a correction: check with the units, then choose the copy to use or take the other out`
    ),
  };
}

/**
 * A form with nothing of the unit's in it (a blank form sent by mistake): no score, and no measure,
 * result or evidence ("-" and "ไม่มี" say nothing) in any item. Merged, it made the unit "received"
 * in the summary and the report.
 */
const isBlank = (f: FormSheet) =>
  f.items.every(
    (it) =>
      it.scoreParse.kind === "empty" &&
      it.photos === 0 &&
      !saysSomething(it.measures) &&
      !saysSomething(it.results) &&
      !saysSomething(it.evidence)
  );

/**
 * Merge district forms: reject what cannot be merged (unreadable, another form version, no unit, a
 * blank form);
 * of two files for the same unit, round and year merge the later saved (or the one the user chose) and
 * list the other as superseded, or, when the later cannot be told, report both as duplicates (neither
 * is merged); validate with the central pass mark, and list every expected unit's submission status.
 */
export function mergeForms(subs: readonly Submission[], opts: MergeOptions): MergeResult {
  const { formDef: formDef } = opts;
  const passMark = opts.passMark ?? formDef.passMark;
  const rejected: MergeResult["rejected"] = [];
  const readable: { s: Submission; f: FormSheet; from: string | null }[] = [];
  for (const s of subs) {
    if (!s.form) {
      // The unit its sheets name, when the file was refused for how they are; else the district its
      // file's name names, if one does, said so.
      const reason = s.error ?? msg("อ่านไฟล์ไม่ได้", "The file could not be read");
      if (s.unit) {
        rejected.push({ file: s.file, unit: unitDisplayName(s.unit), reason });
        continue;
      }
      const named = districtOfFileName(s.file);
      rejected.push({
        file: s.file,
        unit: named ? unitDisplayName(named) : null,
        reason: named
          ? msg(
              `${reason.th} (หน่วยงานตามชื่อไฟล์: ${unitDisplayName(named)})`,
              `${reason.en} (the unit its file's name gives: ${named.en})`
            )
          : reason,
      });
      continue;
    }
    const unitLabel = s.form.unit.value
      ? unitDisplayName(s.form.unit.value)
      : s.form.unit.raw || null;
    const mapped = toMergeForm(s.form, formDef);
    if ("reason" in mapped) {
      rejected.push({ file: s.file, unit: unitLabel, reason: mapped.reason });
      continue;
    }
    const f = mapped.form;
    if (!f.unit.value) {
      rejected.push({
        file: s.file,
        unit: null,
        reason: msg(
          `ไม่ได้ระบุหน่วยงาน (ชีต "${f.sheet}" เซลล์ ${f.unit.cell ?? "-"})`,
          `No unit given (sheet "${f.sheet}", cell ${f.unit.cell ?? "-"})`
        ),
      });
      continue;
    }
    readable.push({ s, f, from: mapped.from });
  }
  const periodOfSheet = (f: FormSheet) => ({
    fiscalYear: f.fiscalYear.value,
    round: f.round.value,
  });
  const found = periodsOfSubmissions(subs);
  const period = opts.period ?? found[0]?.period ?? null;
  const candidates: MergedUnit[] = [];
  for (const { s, f, from } of readable) {
    const label = unitDisplayName(f.unit.value!);
    const where = msg(`ชีต "${f.sheet}"`, `sheet "${f.sheet}"`);
    const own = periodOf(periodOfSheet(f));
    if (!own) {
      const cells = [f.fiscalYear.cell, f.round.cell].filter(Boolean).join(", ") || "-";
      const given = periodWords(periodOfSheet(f));
      rejected.push({
        file: s.file,
        unit: label,
        reason: msg(
          `${where.th}: ไม่ได้ระบุปีงบประมาณหรือรอบการรายงาน (${given.th}; เซลล์ ${cells}) จึงไม่ทราบว่าเป็นรายงานของรอบใด ไม่นำมารวม`,
          `${where.en}: no fiscal year or round given (${given.en}; cells ${cells}), so the report's period is unknown; not merged`
        ),
      });
      continue;
    }
    if (period && !samePeriod(own, period)) {
      rejected.push({
        file: s.file,
        unit: label,
        reason: otherPeriodReason(own, period, where),
        otherPeriod: true,
      });
      continue;
    }
    if (isBlank(f)) {
      rejected.push({
        file: s.file,
        unit: label,
        reason: msg(
          `${where.th}: ยังไม่ได้กรอกรายงาน (ไม่มีคะแนน มาตรการ ผลการดำเนินการ หรือหลักฐานในข้อใดเลย) จึงเป็นแบบฟอร์มเปล่า ไม่นำมารวม`,
          `${where.en}: nothing is filled in (no score, measure, result or evidence in any item): a blank form, not merged`
        ),
      });
      continue;
    }
    const scores = scoresOf(f);
    candidates.push({
      key: unitKey(f.unit.value!),
      unit: f.unit.value!,
      label,
      file: s.file,
      sheet: f.sheet,
      round: f.round.value,
      fiscalYear: f.fiscalYear.value,
      formVersion: f.formVersion,
      form: f,
      mappedFrom: from,
      scores,
      // A unit with a score missing has no average where it is missing (nor a total).
      summary: summarizeScores(formDef, scores, passMark, { whole: true }),
      // What the unit reported, not how its copy prints (that is the unit's own check).
      validation: validate(f, { threshold: passMark, now: opts.now, print: false }),
      saved: s.saved ?? null,
      sinceRound6: sinceRound6(f),
    });
  }

  const groups = new Map<string, MergedUnit[]>();
  for (const c of candidates) {
    const k = `${c.key}|${c.round}|${c.fiscalYear}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  const merged: MergedUnit[] = [];
  const duplicates: MergeResult["duplicates"] = [];
  const superseded: Superseded[] = [];
  const dupFiles = new Map<string, MergedUnit[]>();
  const prefer = new Set(opts.prefer ?? []);
  for (const g of groups.values()) {
    if (g.length === 1) {
      merged.push(g[0]);
      continue;
    }
    const choice = byFileNames(resolveResubmission(g, prefer));
    if (choice.kind !== "refused") {
      const by = choice.keep;
      merged.push(by);
      for (const old of choice.superseded)
        superseded.push({
          file: old.file,
          sheet: old.sheet,
          unit: old.label,
          round: old.round,
          fiscalYear: old.fiscalYear,
          saved: old.saved,
          by: by.file,
          bySheet: by.sheet,
          bySaved: by.saved,
          reason: choice.kind,
          note: supersededNote(old, by, choice.kind, old.label),
        });
      continue;
    }
    duplicates.push({ unit: g[0].label, files: g.map((x) => x.file) });
    dupFiles.set(g[0].key, [...(dupFiles.get(g[0].key) ?? []), ...g]);
    for (const x of g) {
      // The other copies: by sheet when they are in this same file, else by file name (once,
      // with its sheets when that file holds several copies).
      const byFile = new Map<string, string[]>();
      for (const o of g)
        if (o !== x) byFile.set(o.file, [...(byFile.get(o.file) ?? []), `"${o.sheet}"`]);
      const where = (sheetWord: string) =>
        [...byFile]
          .map(([file, sheets]) => {
            if (file === x.file) return sheets.map((s) => `${sheetWord} ${s}`).join(", ");
            const name = baseName(file);
            return sheets.length > 1 ? `${name} (${sheets.join(", ")})` : name;
          })
          .join(", ");
      const th = where("ชีต");
      const en = where("sheet");
      rejected.push({
        file: x.file,
        unit: x.label,
        reason: msg(
          `ซ้ำ: ${x.label} รอบ ${x.round ?? "?"} ปี ${x.fiscalYear ?? "?"} ส่งมามากกว่าหนึ่งฉบับ (${th}) จึงไม่นำมารวม: ${choice.why.th}`,
          `Duplicate: ${x.label} round ${x.round ?? "?"} year ${x.fiscalYear ?? "?"} came in more than one file (${en}); not merged: ${choice.why.en}`
        ),
      });
    }
  }
  merged.sort((a, b) => compareUnits(a.unit, b.unit) || (a.round ?? 0) - (b.round ?? 0));
  // Refused files in the order they were given, whatever refused them.
  const given = new Map<string, number>();
  subs.forEach((s, i) => given.set(s.file, given.get(s.file) ?? i));
  rejected.sort((a, b) => given.get(a.file)! - given.get(b.file)!);

  const status: StatusRow[] = [];
  const row = (m: MergedUnit, st: SubmissionStatus, note: Msg | null): StatusRow => ({
    code: m.unit.code,
    unit: m.label,
    status: st,
    file: m.file,
    sheet: m.sheet,
    formVersion: m.formVersion ?? "",
    round: m.round,
    errors: m.validation.errors,
    warnings: m.validation.warnings,
    note,
  });
  const supersededRows = (key: string) =>
    superseded
      .filter((x) =>
        candidates.some((c) => c.key === key && c.file === x.file && c.sheet === x.sheet)
      )
      .map((x) => {
        const c = candidates.find((m) => m.file === x.file && m.sheet === x.sheet)!;
        return row(c, "superseded", x.note);
      });
  const expected =
    opts.expect === "districts" ? DISTRICTS : opts.expect === "none" ? [] : opts.expect;
  const missing: Unit[] = [];
  const seen = new Set<string>();
  for (const u of expected) {
    const key = unitKey(u);
    if (seen.has(key)) continue; // a unit listed twice
    seen.add(key);
    const got = merged.filter((m) => m.key === key);
    const dups = dupFiles.get(key) ?? [];
    // A rejected file names its unit as written: matched as units are (code, name without spaces).
    const rej = rejected.filter((r) => {
      if (dups.some((d) => d.file === r.file) || r.unit === null) return false;
      const named = resolveUnit(r.unit);
      return named !== null && unitKey(named) === key;
    });
    for (const m of got) status.push(row(m, "received", statusNote(m)));
    status.push(...supersededRows(key));
    for (const d of dups)
      status.push(row(d, "duplicate", rejected.find((r) => r.file === d.file)?.reason ?? null));
    for (const r of rej)
      status.push(unread(u.code, unitDisplayName(u), "rejected", r.file, r.reason));
    // A report of another period is not this period's: the unit is missing, its file listed above.
    const refusedHere = rej.filter((r) => !r.otherPeriod);
    if (!got.length && !dups.length && !refusedHere.length && !supersededRows(key).length) {
      missing.push(u);
      status.push(unread(u.code, unitDisplayName(u), "missing", "", null));
    }
  }
  const others = new Set<string>();
  for (const m of merged)
    if (!seen.has(m.key)) {
      status.push(row(m, "received", statusNote(m)));
      if (!others.has(m.key)) status.push(...supersededRows(m.key));
      others.add(m.key);
    }
  for (const [key, dups] of dupFiles)
    if (!seen.has(key))
      for (const d of dups)
        status.push(row(d, "duplicate", rejected.find((r) => r.file === d.file)?.reason ?? null));
  const listed = new Set(status.map((s) => s.file));
  for (const r of rejected) {
    if (listed.has(r.file)) continue;
    status.push(unread(null, r.unit ?? "-", "rejected", r.file, r.reason));
  }
  return {
    passMark,
    formDef: formDef,
    period,
    periodAsked: Boolean(opts.period),
    periodsFound: found,
    merged,
    rejected,
    duplicates,
    superseded,
    missing,
    status,
  };
}
