/**
 * A new report started from an earlier one, for both shells (`ita scaffold --from EARLIER.xlsx`, and the
 * create view's "start from an earlier report"): the 12-month report from the 6-month one repeats its
 * items, scores, issues, measures, results and evidence and adds what was done since; next year's
 * report takes the unit, issues and measures as a starting plan, with results and evidence left empty
 * (last year's work is not this year's) and this year's scores from a list, or none (said so).
 *
 * The plan is made before anything is written, so that each shell says what it will do: the period
 * (by default the one after the earlier report's, `nextPeriod`), what is carried, the items of the
 * earlier report that the new form has no place for (listed, never dropped in silence), and the
 * digests the new sheet keeps of every carried text (see carried.ts).
 */
import { FormDef, formForYear, formLabel } from "./catalog";
import { CarriedRecord, earlierReportName, textDigest } from "./carried";
import { countEn, Msg, msg } from "./text";
import { ReasonError } from "./errors";
import { Round } from "./fiscal";
import { carryItems, CarriedItems } from "./formMapping";
import { parseRange, rangeAddr } from "./layout/a1";
import { FormMeta, modelGrid, SheetModel } from "./layout/render";
import { FormSheet, ReadItem, readForm } from "./layout/read";
import { nextPeriod, Period, periodOf, periodOrder, periodWords } from "./period";
import type { Report } from "./report";
import { TEXT_FIELDS, TextField } from "./reportFields";
import { parseScoresList, UnmatchedLine } from "./scoresList";
import { Unit, unitDisplayName } from "./units";

/** Why a report cannot be started from the one given (named in the message). */
export class CarryError extends ReasonError {}

/** Same fiscal year (6 → 12 months): everything carried. A new year: a starting plan. */
export type CarryKind = "sameYear" | "newYear";

export interface CarryOptions {
  /** How the earlier report is named in messages: its file, or (in each language) this workbook. */
  source: string | Msg;
  /** The new report's period; by default the one after the earlier report's. */
  to?: Period;
  /** The new report's form; by default the earlier report's within a year, else the new year's form. */
  form?: FormDef;
  /** The forms to choose a new year's form from (the bundled ones and any given). */
  forms?: readonly FormDef[];
  /** A scores list for the new report (`--scores`, or pasted in the pane), named for its messages. */
  scores?: { name: string; text: string };
  passMark?: number;
  preparer?: string;
  /** The unit, when the user names it (else the earlier report's). */
  unit?: Unit;
}

export interface CarryPlan {
  from: Period;
  to: Period;
  kind: CarryKind;
  /** Whether the period was the default (the one after the earlier report's). */
  periodDefault: boolean;
  form: FormDef;
  /** The form chosen for a year without its own form (which form, and why). */
  formNotice: Msg | null;
  meta: FormMeta;
  report: Report;
  carried: CarriedRecord;
  items: Omit<CarriedItems, "items">;
  scores: {
    /** Scores taken from the earlier report (same year only). */
    carried: number;
    /** Scores taken from the list (they replace carried ones). */
    listed: number;
    /** Lines of the list that gave no score. */
    unmatched: UnmatchedLine[];
  };
  /** Evidence cells of the earlier report holding photos: the cell there, the item here, how many. */
  photos: { cell: string; code: string; count: number }[];
  /** What the user is told before anything is written, in order. */
  notes: Msg[];
}

const fieldWords: Record<TextField, Msg> = {
  issue: msg("ประเด็น", "issues"),
  measures: msg("มาตรการ", "measures"),
  results: msg("ผลการดำเนินงาน", "results"),
  evidence: msg("หลักฐาน", "evidence"),
};

/** The earlier report's period, or why it has none (naming the cells). */
function sourcePeriod(f: FormSheet, source: Msg): Period {
  const p = periodOf({ fiscalYear: f.fiscalYear.value, round: f.round.value });
  if (p) return p;
  const cells = [f.fiscalYear.cell, f.round.cell].filter(Boolean).join(", ") || "-";
  const given = periodWords({ fiscalYear: f.fiscalYear.value, round: f.round.value });
  throw new CarryError(
    msg(
      `${source.th} ชีต "${f.sheet}" ไม่ได้ระบุปีงบประมาณหรือรอบการรายงาน (${given.th}; เซลล์ ${cells}) จึงไม่ทราบว่ารายงานใหม่เป็นรอบใด: กรอกในรายงานเดิม หรือระบุปีและรอบของรายงานใหม่`,
      `${source.en}, sheet "${f.sheet}", gives no fiscal year or round (${given.en}; cells ${cells}), so the new report's period is unknown: fill them in, or give the new report's year and round`
    )
  );
}

/** The new report's form: the one given; within a year the earlier report's; else the new year's. */
export function carryForm(
  f: FormSheet,
  to: Period,
  opts: Pick<CarryOptions, "form" | "forms">
): { form: FormDef; notice: Msg | null } {
  if (opts.form) return { form: opts.form, notice: null };
  if (f.fiscalYear.value === to.fiscalYear) return { form: f.formDef, notice: null };
  return formForYear(to.fiscalYear, opts.forms);
}

/** The period the new report defaults to, or null when the earlier report gives none. */
export function defaultCarryPeriod(f: FormSheet): Period | null {
  const p = periodOf({ fiscalYear: f.fiscalYear.value, round: f.round.value });
  return p ? nextPeriod(p) : null;
}

/**
 * Items that share their measure group's cells with the item before them (one merged cell in the
 * earlier report) are written without texts of their own, so that the new form merges them again.
 */
function followsShared(items: readonly ReadItem[], form: FormDef): Set<string> {
  const out = new Set<string>();
  const byCode = new Map(items.map((i) => [i.code, i]));
  for (let k = 1; k < form.items.length; k++) {
    const t = form.items[k];
    const p = form.items[k - 1];
    const it = byCode.get(t.code);
    if (!it || t.indicator !== p.indicator || t.tool !== p.tool) continue;
    if (t.measureGroup !== p.measureGroup || t.measureGroup === t.code) continue;
    // Following a follower is following its group's first item: the chain is one cell.
    if (it.sharedWith.includes(p.code)) out.add(t.code);
  }
  return out;
}

/**
 * Plan the new report from an earlier one: throws CarryError when the earlier report gives no period
 * or unit, or the new period is not after it, or the new form has no such round.
 */
export function planCarry(f: FormSheet, opts: CarryOptions): CarryPlan {
  const src: Msg = typeof opts.source === "string" ? msg(opts.source, opts.source) : opts.source;
  const from = sourcePeriod(f, src);
  const to = opts.to ?? nextPeriod(from);
  const fromWords = periodWords(from);
  const toWords = periodWords(to);
  if (periodOrder(to.fiscalYear, to.round) <= periodOrder(from.fiscalYear, from.round))
    throw new CarryError(
      msg(
        `รายงานใหม่ต้องเป็นรอบหลังรายงานเดิม: ${src.th} เป็นรายงาน${fromWords.th} แต่รายงานใหม่ที่ระบุเป็น${toWords.th} (รอบถัดไปคือ${periodWords(nextPeriod(from)).th})`,
        `The new report must come after the earlier one: ${src.en} is the report of ${fromWords.en}, but the new report asked for is of ${toWords.en} (the next one is ${periodWords(nextPeriod(from)).en})`
      )
    );
  const unit = opts.unit ?? f.unit.value;
  if (!unit)
    throw new CarryError(
      msg(
        `${src.th} ชีต "${f.sheet}" ไม่ได้ระบุหน่วยงาน (เซลล์ ${f.unit.cell ?? "-"}): กรอกในรายงานเดิม หรือระบุหน่วยงาน`,
        `${src.en}, sheet "${f.sheet}", names no unit (cell ${f.unit.cell ?? "-"}): fill it in, or give the unit`
      )
    );
  const kind: CarryKind = to.fiscalYear === from.fiscalYear ? "sameYear" : "newYear";
  const { form, notice } = carryForm(f, to, opts);
  if (!form.rounds.includes(to.round))
    throw new CarryError(
      msg(
        `แบบฟอร์ม ${formLabel(form)} ไม่มีรอบ ${to.round} (มีรอบ ${form.rounds.join(", ")})`,
        `The form ${formLabel(form)} has no round ${to.round} (its rounds: ${form.rounds.join(", ")})`
      )
    );
  const sameYear = kind === "sameYear";
  const mapped = carryItems(f, form);
  const byCode = new Map(mapped.items.map((i) => [i.code, i]));
  const followers = followsShared(mapped.items, form);
  const fields: readonly TextField[] = sameYear ? TEXT_FIELDS : ["issue", "measures"];

  const list = opts.scores ? parseScoresList(opts.scores.text, form) : null;
  const listed = new Map((list?.scores ?? []).map((s) => [s.code, s.score]));
  const digests = Object.fromEntries(TEXT_FIELDS.map((k) => [k, new Map<string, string>()])) as {
    [K in TextField]: Map<string, string>;
  };
  let carriedScores = 0;
  const items: Report["items"] = form.items.map((t) => {
    const it = byCode.get(t.code);
    const own = !followers.has(t.code);
    const score = sameYear ? (it?.score ?? null) : null;
    if (score !== null && !listed.has(t.code)) carriedScores++;
    const text = (k: TextField): string => {
      if (!it || !fields.includes(k)) return "";
      let v = it[k];
      // The earlier form's own wording of an issue is the new form's wording.
      if (k === "issue" && v === f.formDef.byCode.get(t.code)?.issue) v = t.issue;
      if (v.trim()) digests[k].set(t.code, textDigest(v));
      return own || k === "issue" ? v : "";
    };
    return {
      code: t.code,
      score: listed.get(t.code) ?? score,
      issue: it ? text("issue") || "" : t.issue,
      measures: text("measures"),
      results: text("results"),
      evidence: text("evidence"),
    };
  });
  const passMark =
    opts.passMark ?? (sameYear ? (f.passMark.value ?? form.passMark) : form.passMark);
  const meta: FormMeta = {
    unit,
    fiscalYear: to.fiscalYear,
    round: to.round as Round,
    passMark,
    preparer: opts.preparer ?? (sameYear ? (f.preparer.value ?? "") : ""),
  };
  const report: Report = {
    formId: form.formId,
    formVersion: form.version,
    unit: unitDisplayName(unit),
    unitCode: unit.code,
    fiscalYear: to.fiscalYear,
    round: to.round,
    passMark,
    preparer: meta.preparer,
    items,
  };

  // Photos: each evidence area of the earlier report once, carried to the item that continues it.
  const photos: CarryPlan["photos"] = [];
  if (sameYear) {
    const seen = new Set<string>();
    for (const t of mapped.items) {
      if (!t.photos || seen.has(t.cells.evidence)) continue;
      seen.add(t.cells.evidence);
      photos.push({ cell: t.cells.evidence, code: t.code, count: t.photos });
    }
  }

  const unitName = unitDisplayName(unit);
  const notes: Msg[] = [
    msg(
      `เริ่มจาก ${src.th} (ชีต "${f.sheet}"): ${unitName} ${fromWords.th} → รายงานใหม่${toWords.th}${opts.to ? "" : " (รอบถัดไป)"}`,
      `Starting from ${src.en} (sheet "${f.sheet}"): ${unit.en || unitName}, ${fromWords.en} → new report of ${toWords.en}${opts.to ? "" : " (the next one)"}`
    ),
  ];
  if (notice) notes.push(notice);
  const counted = (k: TextField) =>
    form.items.filter((t) => {
      const it = byCode.get(t.code);
      return it && it[k].trim();
    }).length;
  if (sameYear) {
    const texts = fields.filter((k) => counted(k) > 0);
    const earlier = earlierReportName(from, to.fiscalYear);
    // The preparer is carried too (unless given): said with the rest, as the form will show it.
    const preparer = !opts.preparer && f.preparer.value ? f.preparer.value : null;
    const th = [
      `คะแนน ${carriedScores} ข้อ`,
      ...texts.map((k) => fieldWords[k].th),
      ...(preparer ? [`ผู้จัดทำ (${preparer})`] : []),
    ];
    const en = [
      ...texts.map((k) => fieldWords[k].en),
      ...(preparer ? [`the preparer (${preparer})`] : []),
    ];
    notes.push(
      msg(
        `ยกมา: ${th.length > 1 ? `${th.slice(0, -1).join(" ")} และ${th[th.length - 1]}` : th[0]} — เพิ่มผลที่ดำเนินการหลัง${earlier.th}`,
        `Carried: ${countEn(carriedScores, "score")}${en.length ? `, ${en.join(", ")}` : ""} — add what was done after ${earlier.en}`
      )
    );
  } else
    notes.push(
      msg(
        `ปีงบประมาณใหม่: ยกหน่วยงาน ประเด็น และมาตรการมาเป็นแผนเริ่มต้น ผลการดำเนินงาน หลักฐาน และผู้จัดทำเว้นว่าง (งานของปีก่อนไม่ใช่งานของปีนี้)`,
        `A new fiscal year: the unit, issues and measures are carried as a starting plan; results, evidence and the preparer are left empty (last year's work is not this year's)`
      )
    );
  if (list) {
    notes.push(
      msg(
        `คะแนนจาก ${opts.scores!.name} ${listed.size} ข้อ${sameYear && carriedScores ? ` (ข้ออื่นใช้คะแนนเดิม)` : ""}`,
        `${countEn(listed.size, "score")} from ${opts.scores!.name}${sameYear && carriedScores ? " (the other items keep the earlier scores)" : ""}`
      )
    );
  } else if (!sameYear)
    notes.push(
      msg(
        "ยังไม่มีคะแนนของปีนี้: คะแนนเว้นว่างไว้ ใส่รายการคะแนนได้ในขั้นนี้ หรือกรอกในแบบภายหลัง",
        "No scores for this year yet: the scores are left empty; give a scores list in this step, or fill them in the form later"
      )
    );
  if (mapped.how === "map")
    notes.push(
      msg(
        `รายงานเดิมใช้แบบฟอร์ม ${f.formId ?? "?"} ${f.formVersion ?? "?"}: จับคู่ข้อกับแบบฟอร์ม ${formLabel(form)} ตามที่แบบฟอร์มระบุ`,
        `The earlier report is on the form ${f.formId ?? "?"} ${f.formVersion ?? "?"}: its items are matched to ${formLabel(form)} by the form's item map`
      )
    );
  else if (mapped.how === "code")
    notes.push(
      msg(
        `รายงานเดิมใช้แบบฟอร์ม ${f.formId ?? "?"} ${f.formVersion ?? "?"} ซึ่งแบบฟอร์ม ${formLabel(form)} ไม่ได้ระบุการจับคู่ข้อ จึงจับคู่ตามรหัสข้อ`,
        `The earlier report is on the form ${f.formId ?? "?"} ${f.formVersion ?? "?"}, which ${formLabel(form)} gives no item map for: items are matched by code`
      )
    );
  if (mapped.unmatched.length)
    notes.push(
      msg(
        `ข้อของรายงานเดิมที่ไม่มีข้อต่อเนื่องในแบบฟอร์มใหม่ จึงไม่ได้ยกมา: ${mapped.unmatched.join(", ")}`,
        `Items of the earlier report with no counterpart in the new form, not carried: ${mapped.unmatched.join(", ")}`
      )
    );
  if (mapped.added.length)
    notes.push(
      msg(
        `ข้อใหม่ของแบบฟอร์มที่ต้องกรอกเอง: ${mapped.added.join(", ")}`,
        `New items of the form, to fill in: ${mapped.added.join(", ")}`
      )
    );

  return {
    from,
    to,
    kind,
    periodDefault: !opts.to,
    form,
    formNotice: notice,
    meta,
    report,
    carried: { from, source: src.th, digests },
    items: { unmatched: mapped.unmatched, added: mapped.added, how: mapped.how },
    scores: { carried: carriedScores, listed: listed.size, unmatched: list?.unmatched ?? [] },
    photos,
    notes,
  };
}

/**
 * Where each item's evidence goes on a new sheet: the cell the reader names (the top-left of a
 * measure group's cell, or of its part on a page) and the area it covers, by item code.
 */
export function evidenceTargets(
  model: SheetModel,
  form: FormDef
): Map<string, { cell: string; area: string }> {
  const sheet = readForm(modelGrid(model), form);
  const out = new Map<string, { cell: string; area: string }>();
  for (const it of sheet.items) {
    const at = parseRange(it.cells.evidence)!;
    const m = model.merges.find((x) => x.r1 === at.r1 && x.c1 === at.c1);
    out.set(it.code, { cell: it.cells.evidence, area: m ? rangeAddr(m) : it.cells.evidence });
  }
  return out;
}
