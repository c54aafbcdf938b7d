import { FormItem } from "../catalog";
import { Comparison } from "../compare";
import { changesSection, ReportChanges } from "./changes";
import { MergedUnit, MergeResult } from "../merge";
import { scoreText } from "../score";
import { Round, roundPeriod } from "../fiscal";
import { kindOf, unitDisplayName, unitsByKind } from "../units";
import { words } from "./measureMatch";
import {
  GroupNumbers,
  groupSpan,
  itemList,
  measureNumbers,
  numberList,
  numberSpan,
  rowNumbers,
  unitDid,
} from "./numbers";
import { DEFAULT_OFFICE } from "./office";
import { sinceRound6Paragraphs } from "./sinceRound6";
import {
  afterName,
  commonAction,
  didCommon,
  exampleText,
  markersOf,
  namesOf,
  phrases,
  squash,
  tellingTexts,
  unitsIn,
  whoOf,
} from "./sentences";
import {
  Credit,
  GroupMeasures,
  calledOff,
  matchUnitMeasures,
  MeasureUse,
  NotCounted,
  ownText,
  PlannedOnly,
  unitInGroup,
} from "./unitMeasures";

/**
 * The central office's report (the shape of the central summary, seed 000) as a writer-neutral model:
 * title, opening, then tool → indicator → measure group with one row per measure (measure | what was
 * done, in sentences | the telling examples, each a unit's own words under its name), the items under
 * the pass mark grouped by what those units did, and the compiling office. Units are counted under a
 * measure only from their results (`matchUnitMeasures`); no figure is added up across units.
 */

export { DEFAULT_OFFICE };

export interface ReportOptions {
  /** The compiling office, printed in the opening and the closing line. */
  office?: string;
  /** The comparison with a previous period: the report then says what changed. */
  comparison?: Comparison | null;
}

export interface ReportRow {
  /** "1.1", "1.2"… within the indicator, the form's; "" for the row of the units' other work. */
  number: string;
  kind: "standard" | "own";
  measure: string;
  summary: string[];
  outcomes: string[];
}

export interface ReportGroup {
  /** "ข้อ I1–I4", "ข้อ I5", "ข้อ O1–O22". */
  heading: string;
  rows: ReportRow[];
  /** Units whose text for this group points to another group's measures, resolved to those measures. */
  references: string[];
}

/** The items of one measure group under the pass mark in some units, and what those units did. */
export interface BelowPassGroup {
  heading: string;
  /** Each item under the pass mark: its label and the units under it with their scores. */
  items: { label: string; units: string }[];
  /** What those units did, units that did the same in one line. */
  lines: string[];
}

export interface ReportIndicator {
  heading: string;
  groups: ReportGroup[];
  belowPass: BelowPassGroup[];
}

export interface ReportTool {
  heading: string;
  indicators: ReportIndicator[];
}

export interface ReportStats {
  units: number;
  /** Units counted under at least one measure (from their results). */
  unitsCredited: number;
  /** Units that wrote measures or results. */
  unitsWithText: number;
  standardRows: number;
  ownRows: number;
}

export interface CentralReport {
  title: string;
  opening: string[];
  /** The changes since the previous period, after the opening; null without a comparison. */
  changes: ReportChanges | null;
  columns: [string, string, string];
  /** Heading of each indicator's list of items under the pass mark. */
  belowPassHeading: string;
  tools: ReportTool[];
  /** Notes printed after the tables (how the units are told under each measure). */
  notes: string[];
  closing: string[];
  /** The missing units' list, printed after the notes, when too long for the opening. */
  missing: string | null;
  /** The units' own names (without their kind's prefix: "บางบอน"): a writer keeps each on one line. */
  unitNames: string[];
  stats: ReportStats;
  /** Results since the 6-month report (issue 26), after the opening; null when no report tells them. */
  sinceRound6: string[] | null;
}

/** Missing units named in the opening; more are listed at the end. */
const MISSING_INLINE = 8;

const fmt = (n: number) => n.toLocaleString("en-US");

/** What the report builder keeps across rows: the units, and the texts already printed. */
interface Ctx {
  merged: readonly MergedUnit[];
  byKey: ReadonlyMap<string, MergedUnit>;
  /** The units' names, words that never make a text telling. */
  nameWords: ReadonlySet<string>;
  /** `unit key|text` of every example printed, and the measure it is under: nobody's text twice. */
  shown: Map<string, string>;
}

const unitOf = (ctx: Ctx, key: string) => ctx.byKey.get(key)!;
const who = (ctx: Ctx, keys: Iterable<string>) => whoOf(unitsIn(ctx.merged, keys), ctx.merged);
const names = (ctx: Ctx, keys: Iterable<string>) => namesOf(unitsIn(ctx.merged, keys));

/** Why a planned measure is not counted, in the report's words: "not done" apart from "called off". */
type NotCountedSaid = NotCounted | "called-off";

const NOT_COUNTED: Record<NotCountedSaid, string> = {
  "no-results": "มีแผนดำเนินการ แต่ยังไม่ได้รายงานผลการดำเนินการ",
  "not-mentioned": "มีแผนดำเนินการ แต่ผลการดำเนินการที่รายงานไม่ได้กล่าวถึง",
  "not-done": "รายงานว่ายังไม่ได้ดำเนินการ",
  // "ยกเลิกโครงการ…", "งดจัดกิจกรรม": not done, and not to be done either ("ยังไม่ได้" would say it is).
  "called-off": "รายงานว่ายกเลิกหรืองดการดำเนินการ",
  "in-progress": "รายงานว่าอยู่ระหว่างดำเนินการหรือจะดำเนินการต่อไป",
};

const saidWhy = (p: PlannedOnly): NotCountedSaid => (calledOff(p) ? "called-off" : p.why);

/** Lines for the units that planned a measure and are not counted, by why. */
function plannedLines(ctx: Ctx, planned: readonly PlannedOnly[]): string[] {
  const out: string[] = [];
  for (const why of Object.keys(NOT_COUNTED) as NotCountedSaid[]) {
    const keys = planned.filter((p) => saidWhy(p) === why).map((p) => p.key);
    if (keys.length) out.push(`- ${names(ctx, keys)} ${NOT_COUNTED[why]}`);
  }
  return out;
}

/**
 * The telling examples among credits: per unit its most telling entry, whole (or its clauses with
 * the telling words), under its name, the most telling first; a text already printed is not again.
 */
function examples(
  ctx: Ctx,
  credits: readonly Credit[],
  known: ReadonlySet<string>,
  /** Where the examples are printed ("มาตรการ 3.5"), for the pointers to them after. */
  where: string,
  restated: readonly string[],
  /** The units given an example here, added to. */
  printed?: Set<string>
): string[] {
  const texts: string[] = [];
  const groupOf: string[] = [];
  for (const c of credits)
    for (const e of c.entries) {
      texts.push(e.text);
      groupOf.push(c.key);
    }
  const telling = tellingTexts(texts, groupOf, known);
  const best = new Map<string, (typeof telling)[number]>();
  for (const t of telling) {
    const b = best.get(groupOf[t.index]);
    if (!b || t.score > b.score) best.set(groupOf[t.index], t);
  }
  const order = new Map(ctx.merged.map((m, i) => [m.key, i]));
  // Units whose examples read the same ("… ผ่านเพจ Facebook ของสำนักงานเขต") share one line.
  const lines = new Map<string, string[]>();
  for (const [key, t] of [...best.entries()].sort(
    (a, b) => b[1].score - a[1].score || order.get(a[0])! - order.get(b[0])!
  )) {
    const id = `${key}|${squash(texts[t.index])}`;
    if (ctx.shown.has(id)) continue;
    ctx.shown.set(id, where);
    printed?.add(key);
    const text = afterName(exampleText(texts[t.index], t.rare, restated));
    lines.set(text, [...(lines.get(text) ?? []), key]);
  }
  // Units whose examples differ only in their figures (a meeting, each with its own date and
  // people) share one line: what they did, then each unit with its own figures.
  const byFrame = new Map<string, { frame: string; units: { key: string; detail: string }[] }>();
  const out: { at: string; line: string }[] = [];
  for (const [text, keys] of lines) {
    if (keys.length > 1) {
      out.push({ at: text, line: `- ${names(ctx, keys)} ${text}` });
      continue;
    }
    // What they did (the phrases before the first with a figure, a date or a channel) and the
    // unit's own rest, in its order.
    const ps = phrases(text);
    const first = ps.findIndex((p) => markersOf(p).length > 0);
    const frame = first < 0 ? ps : ps.slice(0, first);
    const detail = first < 0 ? [] : ps.slice(first);
    if (!detail.length || frame.filter((p) => p !== "…").length === 0) {
      out.push({ at: text, line: `- ${unitOf(ctx, keys[0]).label} ${text}` });
      continue;
    }
    const k = squash(frame.join(" "));
    const f = byFrame.get(k);
    // After the name, the unit's own words ("พระนคร ตามคำสั่ง…", not "พระนคร … ตามคำสั่ง…").
    const own = detail.join(" ").replace(/^…\s*/u, "");
    if (f) f.units.push({ key: keys[0], detail: own });
    else {
      byFrame.set(k, {
        frame: frame.join(" "),
        units: [{ key: keys[0], detail: own }],
      });
      out.push({ at: `frame:${k}`, line: text });
    }
  }
  return out.map(({ at, line }) => {
    if (!at.startsWith("frame:")) return line;
    const f = byFrame.get(at.slice("frame:".length))!;
    if (f.units.length === 1) return `- ${unitOf(ctx, f.units[0].key).label} ${line}`;
    const each = f.units.map((u) => `${shortName(unitOf(ctx, u.key))} ${u.detail}`);
    return `- ${names(
      ctx,
      f.units.map((u) => u.key)
    )} ${f.frame.replace(/ …$/u, "")} ดังนี้ ${each.join("; ")}`;
  });
}

/** A unit's name in a list after its kind's prefix was said once: "บึงกุ่ม", or a unit's full name. */
const shortName = (m: MergedUnit) => (kindOf(m.unit).prefix ? m.unit.th : m.label);

/** Words that make nothing telling: the measure's own, the shared action's, the units' names. */
function knownWords(ctx: Ctx, ...texts: string[]): Set<string> {
  const out = new Set(ctx.nameWords);
  for (const t of texts) for (const w of words(t)) out.add(w);
  return out;
}

/**
 * Lines for the units counted under a measure from some items' results whose results for other
 * items say it was not done or is under way: "รายงานว่ายังไม่ได้ดำเนินการในข้อ I20".
 */
function elsewhereLines(
  ctx: Ctx,
  elsewhere: readonly PlannedOnly[],
  items: readonly FormItem[]
): string[] {
  const by = new Map<string, string[]>();
  for (const p of elsewhere) {
    // Counted from its other items: what it said of these is not what it did, and says so.
    const line = `ดำเนินการแล้วในข้ออื่น ส่วนในข้อ ${itemList(p.items, items)} ${NOT_COUNTED[saidWhy(p)]}`;
    by.set(line, [...(by.get(line) ?? []), p.key]);
  }
  return [...by].map(([line, keys]) => `- ${names(ctx, keys)} ${line}`);
}

function standardRow(
  ctx: Ctx,
  s: MeasureUse,
  number: string,
  items: readonly FormItem[]
): ReportRow {
  const fromResults = s.done.filter((c) => c.how === "results");
  const asPlanned = s.done.filter((c) => c.how === "as-planned");
  const summary: string[] = [];
  const outcomes: string[] = [];
  if (fromResults.length) {
    /** Units said to have reported the measure "in other details": their words belong in column 3. */
    let differing: string[] = [];
    const common = commonAction(fromResults.map((c) => c.evidence.text));
    const all = fromResults.map((c) => c.key);
    const whoAll = who(ctx, all);
    if (!common.action) summary.push(`- ${whoAll} รายงานผลการดำเนินการตามมาตรการนี้`);
    else if (common.support.length === fromResults.length)
      summary.push(`- ${whoAll} ${didCommon(common)}`);
    else {
      // Most of them: the few others named ("ทุกหน่วยงานข้างต้น ยกเว้น…", and that they reported the
      // measure in words of their own: counted, not left out), else those that did.
      const some = common.support.map((i) => all[i]);
      const others = all.filter((k) => !some.includes(k));
      const few = others.length < some.length;
      const by = few ? `ทุกหน่วยงานข้างต้น ยกเว้น${names(ctx, others)}` : who(ctx, some);
      if (few) differing = others;
      const rest = few
        ? ` ส่วน${names(ctx, others)} รายงานผลตามมาตรการนี้โดยระบุรายละเอียดต่างออกไป`
        : "";
      summary.push(
        `- ${whoAll} รายงานผลการดำเนินการตามมาตรการนี้ โดย${by} ${didCommon(common)}${rest}`
      );
    }
    const printed = new Set<string>();
    outcomes.push(
      ...examples(
        ctx,
        fromResults,
        knownWords(ctx, s.text, common.action),
        `มาตรการ ${number}`,
        [s.text, common.action],
        printed
      )
    );
    // The units said to have given other details, in their words when the examples gave none of
    // them (column 2 said they differ while column 3 said no unit did).
    for (const k of differing.filter((x) => !printed.has(x))) {
      const said = fromResults.find((c) => c.key === k)!.evidence.text;
      outcomes.push(once(ctx, k, said, `มาตรการ ${number}`) ?? `- ${unitOf(ctx, k).label} ${said}`);
    }
    // Nothing one unit said that the others did not (what all said is the summary's).
    if (!outcomes.length && fromResults.length > 1)
      outcomes.push("- ไม่มีหน่วยงานใดรายงานรายละเอียดที่ต่างจากหน่วยงานอื่น");
  }
  // With units counted from their results too: the total, the count the summary's sheet gives.
  if (asPlanned.length)
    summary.push(
      `- ${who(
        ctx,
        asPlanned.map((c) => c.key)
      )} รายงานว่าได้ดำเนินการตามมาตรการนี้ตามที่วางแผนไว้${
        fromResults.length ? ` รวมเป็น ${s.done.length} หน่วยงานที่ดำเนินการตามมาตรการนี้` : ""
      }`
    );
  if (!s.done.length) summary.push("- ยังไม่มีหน่วยงานรายงานผลการดำเนินการตามมาตรการนี้");
  summary.push(...plannedLines(ctx, s.planned));
  summary.push(...elsewhereLines(ctx, s.elsewhere, items));
  if (!outcomes.length) outcomes.push("-");
  return { number, kind: "standard", measure: s.text, summary, outcomes };
}

/**
 * A unit's text printed once: null the first time (the caller prints it), and a pointer to where it
 * is printed after that ("ตามที่กล่าวไว้ในมาตรการ 3.5", "…ในการดำเนินการอื่นของข้อ I13–I17").
 */
function once(ctx: Ctx, key: string, text: string, where: string): string | null {
  const id = `${key}|${squash(text)}`;
  const at = ctx.shown.get(id);
  if (at === undefined) {
    ctx.shown.set(id, where);
    return null;
  }
  return `- ${unitOf(ctx, key).label} ดำเนินการตามที่กล่าวไว้ใน${at}`;
}

/**
 * The row of what units did beyond the form's measures (results matching none of them): no number
 * of its own; `where` names it for the lines that point back to it.
 */
function ownRow(ctx: Ctx, g: GroupMeasures, where: string): ReportRow {
  const summary: string[] = [];
  const outcomes: string[] = [];
  const singles: Credit[] = [];
  for (const cluster of g.own) {
    const reported = cluster.filter((c) => c.how === "results");
    for (const c of cluster.filter((x) => x.how === "as-planned")) {
      const line = once(ctx, c.key, ownText(c), where);
      outcomes.push(
        line ?? `- ${unitOf(ctx, c.key).label} ${afterName(ownText(c))} (ตามที่วางแผนไว้)`
      );
    }
    if (reported.length < 2) {
      singles.push(...reported);
      continue;
    }
    const common = commonAction(reported.map((c) => c.evidence.text));
    if (!common.action) {
      singles.push(...reported);
      continue;
    }
    const keys = common.support.map((i) => reported[i].key);
    summary.push(`- ${who(ctx, keys)} ${didCommon(common)}`);
    const rest = reported.filter((_, i) => !common.support.includes(i));
    singles.push(...rest);
    outcomes.push(
      ...examples(
        ctx,
        reported.filter((_, i) => common.support.includes(i)),
        knownWords(ctx, common.action),
        where,
        [common.action]
      )
    );
  }
  // What one unit alone did is telling by itself: each under its name.
  const order = new Map(ctx.merged.map((m, i) => [m.key, i]));
  for (const c of singles.sort((a, b) => order.get(a.key)! - order.get(b.key)!))
    outcomes.push(
      once(ctx, c.key, c.evidence.text, where) ??
        `- ${unitOf(ctx, c.key).label} ${afterName(exampleText(c.evidence.text, []))}`
    );
  if (singles.length)
    summary.push(
      `- ${who(
        ctx,
        new Set(singles.map((c) => c.key))
      )} รายงานการดำเนินการของหน่วยงานเองเพิ่มเติม (รายละเอียดในช่องผลลัพธ์)`
    );
  const plannedBy = new Map<string, PlannedOnly[]>();
  for (const p of g.ownPlanned) plannedBy.set(p.key, [...(plannedBy.get(p.key) ?? []), p]);
  for (const [key, ps] of plannedBy)
    summary.push(
      `- ${unitOf(ctx, key).label} มีแผน ${ps.map((p) => `“${p.plan.text}”`).join(" ")} ${NOT_COUNTED[
        saidWhy(ps[0])
      ].replace(/^มีแผนดำเนินการ /, "")}`
    );
  if (!outcomes.length) outcomes.push("-");
  return {
    number: "",
    kind: "own",
    measure: "การดำเนินการอื่นที่หน่วยงานรายงาน นอกเหนือจากมาตรการตามแบบฟอร์มข้างต้น",
    summary,
    outcomes,
  };
}

/** Build the central report from a merge. Pure: the same merge gives the same report. */
export function buildCentralReport(result: MergeResult, opts: ReportOptions = {}): CentralReport {
  const office = opts.office?.trim() || DEFAULT_OFFICE;
  const { formDef, merged } = result;
  const year = result.period?.fiscalYear ?? formDef.fiscalYear;
  const round = result.period?.round ?? null;
  // The round with the months it covers, as the district form names it.
  const roundText = round ? ` ${roundPeriod(year, round as Round).th}` : "";
  const title = `ผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานของกรุงเทพมหานคร ประจำปีงบประมาณ พ.ศ. ${year}${roundText}`;

  const reported = merged.length;
  const byKind = unitsByKind(
    merged.map((m) => m.unit),
    fmt
  );
  const opening = [
    `ตามที่กรุงเทพมหานครกำหนดให้หน่วยงานดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${year} และรายงานผลการดำเนินการ${roundText} นั้น`,
    `${office} ได้รวบรวมผลการดำเนินการจากรายงานของ ${fmt(reported)} หน่วยงาน (${byKind})${
      result.missing.length > MISSING_INLINE
        ? ` ยังไม่ได้รับรายงานจาก ${fmt(result.missing.length)} หน่วยงาน (รายชื่อท้ายรายงาน)`
        : result.missing.length
          ? ` ยังไม่ได้รับรายงานจาก ${fmt(result.missing.length)} หน่วยงาน ได้แก่ ${result.missing.map(unitDisplayName).join(" ")}`
          : " ได้รับรายงานครบทุกหน่วยงานที่กำหนด"
    }${result.rejected.length ? ` และมีไฟล์ที่รับไม่ได้ ${fmt(result.rejected.length)} ไฟล์ (ดูชีตสถานะการส่งในไฟล์สรุป)` : ""} ดังนี้`,
  ];
  // How the units are told under each measure: after the tables, as a note (after "ดังนี้" it stood
  // between the opening and what it opens).
  const notes = [
    "หมายเหตุ หน่วยงานที่กล่าวถึงในแต่ละมาตรการ คือหน่วยงานที่ผลการดำเนินการระบุถึงมาตรการนั้น หรือระบุว่าได้ดำเนินการตามที่วางแผนไว้ หน่วยงานที่มีแผนแต่ผลการดำเนินการไม่ได้ระบุถึง ได้แยกไว้ต่างหาก",
  ];

  const groups = matchUnitMeasures(result);
  const byGroup = new Map(groups.map((g) => [g.group, g]));
  const ctx: Ctx = {
    merged,
    byKey: new Map(merged.map((m) => [m.key, m])),
    nameWords: new Set(merged.flatMap((m) => [...words(m.label)])),
    shown: new Map(),
  };
  const credited = new Set<string>();
  for (const g of groups) {
    for (const s of g.standard) for (const c of s.done) credited.add(c.key);
    for (const cl of g.own) for (const c of cl) credited.add(c.key);
  }
  const withText = new Set(groups.flatMap((g) => g.units.map((u) => u.key)));

  // The report's numbers of every group's rows first: items under the pass mark and references
  // point to them, wherever the group is printed.
  const numbers = measureNumbers(formDef, groups);
  const rowsOf = (group: string) => rowNumbers(numbers.get(group));

  let standardRows = 0;
  let ownRows = 0;
  const tools: ReportTool[] = formDef.tools.map((t) => ({
    // "Assessment : EIT)" kept together: the tool's code never starts a line alone.
    heading: `${t.name.th} (${t.name.en}\u00a0:\u00a0${t.id})`,
    indicators: t.indicators.map((ind) => {
      const seen = new Set<string>();
      const rgroups: ReportGroup[] = [];
      for (const it of ind.items) {
        if (seen.has(it.measureGroup)) continue;
        seen.add(it.measureGroup);
        const g = byGroup.get(it.measureGroup);
        if (!g) continue;
        const n = numbers.get(g.group)!;
        const rows = g.standard.map((s, k) => standardRow(ctx, s, n.standard[k], g.items));
        if (n.own) rows.push(ownRow(ctx, g, n.own));
        if (!rows.length) continue;
        standardRows += g.standard.length;
        ownRows += n.own ? 1 : 0;
        rgroups.push({
          heading: `ข้อ ${groupSpan(g.items)}`,
          rows,
          references: referenceLines(ctx, g, byGroup, rowsOf),
        });
      }
      return {
        heading: `ตัวชี้วัดที่ ${ind.number} ${ind.name.th}`,
        groups: rgroups,
        belowPass: belowPass(ctx, result, ind.items, byGroup, numbers, rowsOf),
      };
    }),
  }));

  return {
    title,
    opening,
    notes,
    changes: opts.comparison ? changesSection(opts.comparison) : null,
    columns: [
      "มาตรการหรือกิจกรรมที่ดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
      "สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม",
      "ผลลัพธ์หรือความสำเร็จของการดำเนินการ",
    ],
    belowPassHeading: `ข้อที่มีหน่วยงานได้คะแนนต่ำกว่าเกณฑ์ (${result.passMark} คะแนน) และสิ่งที่หน่วยงานนั้นได้ดำเนินการ`,
    tools,
    closing: office.split(/\s{2,}|\n/).filter(Boolean),
    missing:
      result.missing.length > MISSING_INLINE
        ? `หน่วยงานที่ยังไม่ได้ส่งรายงาน ${fmt(result.missing.length)} หน่วยงาน ได้แก่ ${namesOf(result.missing.map((unit) => ({ unit })))}`
        : null,
    unitNames: [...new Set([...merged.map((m) => m.unit.th), ...result.missing.map((u) => u.th)])],
    stats: {
      units: reported,
      unitsCredited: credited.size,
      unitsWithText: withText.size,
      standardRows,
      ownRows,
    },
    sinceRound6: sinceRound6Paragraphs(result),
  };
}

/** "ข้อ I21–I24 (มาตรการ 5.1–5.5)": another group's measures, by the report's numbers. */
function groupRef(group: GroupMeasures | undefined, rowsOf: (g: string) => string[]): string {
  if (!group) return "";
  const rows = rowsOf(group.group);
  return `ข้อ ${groupSpan(group.items)}${rows.length ? ` (มาตรการ ${numberSpan(rows)})` : ""}`;
}

function referenceLines(
  ctx: Ctx,
  g: GroupMeasures,
  byGroup: ReadonlyMap<string, GroupMeasures>,
  rowsOf: (g: string) => string[]
): string[] {
  const reported = new Set(
    g.references.filter((x) => x.where === "results").map((x) => `${x.key}|${x.to}`)
  );
  /**
   * What a unit that reported "as in item X" did there: the measures it is counted under in X's
   * group, by the report's numbers ("ข้อ I5 (มาตรการ 1.6)"); not X's whole range, which would name
   * measures it said it did not do.
   */
  const didThere = (key: string, to: string): string => {
    const target = byGroup.get(to);
    if (!target) return `รายงานผลในข้อนี้โดยอ้างถึงข้อ ${to}`;
    const there = unitInGroup(target, key);
    const rows = rowsOf(to);
    const did = there ? there.standard.map((k) => rows[k]).filter(Boolean) : [];
    // Only what it is counted under there is said done: "as in I1" of a unit that did not do I1's
    // measures said it had done them.
    return did.length
      ? `รายงานว่าได้ดำเนินการในข้อนี้ตามมาตรการของข้อ ${groupSpan(target.items)} (มาตรการ ${numberList(did)})`
      : `รายงานผลในข้อนี้โดยอ้างถึงข้อ ${groupSpan(target.items)} ซึ่งไม่มีมาตรการที่นับว่าได้ดำเนินการแล้ว`;
  };
  // Units saying the same thing share one line (the line's words are its key, in first-seen order).
  const by = new Map<string, string[]>();
  for (const r of g.references) {
    // A unit that planned it so and reported it so is said once, as reported.
    if (r.where === "measures" && reported.has(`${r.key}|${r.to}`)) continue;
    const line =
      r.where === "results"
        ? didThere(r.key, r.to)
        : `มีแผนดำเนินการในข้อนี้ตามมาตรการของ${groupRef(byGroup.get(r.to), rowsOf)}`;
    by.set(line, [...(by.get(line) ?? []), r.key]);
  }
  return [...by].map(([line, keys]) => `${names(ctx, keys)} ${line}`);
}

/**
 * The items under the pass mark, per measure group: each item with the units under it (and their
 * scores), then what those units did — the measures they are counted under (by the report's numbers;
 * "as in item X" resolved to what they did there), units that did the same in one line.
 */
function belowPass(
  ctx: Ctx,
  result: MergeResult,
  items: readonly FormItem[],
  byGroup: ReadonlyMap<string, GroupMeasures>,
  numbers: ReadonlyMap<string, GroupNumbers>,
  rowsOf: (g: string) => string[]
): BelowPassGroup[] {
  const out: BelowPassGroup[] = [];
  const seen = new Set<string>();
  for (const first of items) {
    if (seen.has(first.measureGroup)) continue;
    seen.add(first.measureGroup);
    const members = items.filter((i) => i.measureGroup === first.measureGroup);
    const below = new Map<string, MergedUnit>();
    const lowIn = new Map<string, string[]>();
    const itemLines: BelowPassGroup["items"] = [];
    for (const it of members) {
      const low = result.merged
        .map((m) => ({ m, score: m.scores.get(it.code) ?? null }))
        .filter(
          (x): x is { m: MergedUnit; score: number } =>
            x.score !== null && x.score < result.passMark
        );
      if (!low.length) continue;
      for (const x of low) {
        below.set(x.m.key, x.m);
        lowIn.set(x.m.key, [...(lowIn.get(x.m.key) ?? []), it.code]);
      }
      itemLines.push({
        label: it.label.replace(/^(O\d+) – (O\d+)/u, "$1–$2"),
        units: low.map((x) => `${x.m.label} ${scoreText(x.score)} คะแนน`).join(", "),
      });
    }
    if (!below.size) continue;
    const g = byGroup.get(first.measureGroup);
    const sig = new Map<string, string[]>();
    for (const [key] of below) {
      // What its results for the items under the pass mark say (the group's, when it wrote none there).
      const did = unitDid(byGroup, numbers, first.measureGroup, key, lowIn.get(key)).text;
      sig.set(did, [...(sig.get(did) ?? []), key]);
    }
    out.push({
      heading: `ข้อ ${groupSpan(g?.items ?? members)}${
        rowsOf(first.measureGroup).length
          ? ` (มาตรการ ${numberSpan(rowsOf(first.measureGroup))})`
          : ""
      }`,
      items: itemLines,
      lines: [...sig].map(([did, keys]) => `- ${names(ctx, keys)} ${did}`),
    });
  }
  return out;
}
