import { FormItem } from "../catalog";
import { Comparison } from "../compare";
import { changesSection, ReportChanges } from "./changes";
import { MergeResult } from "../merge";
import { unitDisplayName, unitsByKind } from "../units";
import { DEFAULT_OFFICE } from "./office";
import { sinceRound6Paragraphs } from "./sinceRound6";
import { GroupMeasures, matchUnitMeasures, numbersInText, UnitEntry } from "./unitMeasures";

/**
 * The central office's report (the shape of the central summary, seed 000) as a writer-neutral model:
 * title, opening, then tool → indicator → measure group with one row per measure (measure | summary
 * of results | outcomes), the items under the pass mark, and the compiling office.
 */

export { DEFAULT_OFFICE };

export interface ReportOptions {
  /** The compiling office, printed in the opening and the closing line. */
  office?: string;
  /** Named units per measure as examples of outcomes (default 3). */
  examples?: number;
  /** The comparison with a previous period: the report then says what changed. */
  comparison?: Comparison | null;
}

export interface ReportRow {
  /** "1.1", "1.2"… within the indicator. */
  number: string;
  kind: "standard" | "own";
  measure: string;
  summary: string[];
  outcomes: string[];
}

export interface ReportGroup {
  /** "ข้อ I1–I4" or "ข้อ I5". */
  heading: string;
  rows: ReportRow[];
  /** Units whose text for this group only points to another group's measures. */
  references: string[];
}

export interface BelowPassItem {
  label: string;
  units: { unit: string; score: number; did: string }[];
}

export interface ReportIndicator {
  heading: string;
  groups: ReportGroup[];
  belowPass: BelowPassItem[];
}

export interface ReportTool {
  heading: string;
  indicators: ReportIndicator[];
}

export interface ReportStats {
  units: number;
  /** Units with at least one entry matching a standard measure. */
  unitsMatched: number;
  /** Units with any measures written. */
  unitsWithMeasures: number;
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
  closing: string[];
  /** The missing units' list printed after the closing when too long for the opening. */
  missing: string | null;
  stats: ReportStats;
  /** Results since the 6-month report (issue 26), after the opening; null when no report tells them. */
  sinceRound6: string[] | null;
}

/** Units named in a summary cell before "และอีก n หน่วยงาน". */
const NAMES = 6;
/** Missing units named in the opening; more are listed at the end. */
const MISSING_INLINE = 8;

const fmt = (n: number) => n.toLocaleString("en-US");

function codeSpan(items: FormItem[]): string {
  const first = items[0].label.split(" ")[0];
  if (items.length === 1) return first;
  return `${first}–${items[items.length - 1].code}`;
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

/** The summary cell of a measure row: how many units, who, and numbers found in their results. */
function summaryOf(units: UnitEntry[], reported: number): string[] {
  const lines = [`ดำเนินการ ${fmt(units.length)} จาก ${fmt(reported)} หน่วยงาน`];
  const names = units.map((u) => u.unit);
  if (names.length)
    lines.push(
      `ได้แก่ ${names.slice(0, NAMES).join(", ")}${names.length > NAMES ? ` และอีก ${fmt(names.length - NAMES)} หน่วยงาน` : ""}`
    );
  let people = 0;
  let peopleUnits = 0;
  let times = 0;
  let timesUnits = 0;
  const dates: string[] = [];
  for (const u of units) {
    const n = numbersInText(u.result);
    if (n.people.length) {
      people += n.people.reduce((a, b) => a + b, 0);
      peopleUnits++;
    }
    if (n.times.length) {
      times += n.times.reduce((a, b) => a + b, 0);
      timesUnits++;
    }
    for (const d of n.dates) if (!dates.includes(d)) dates.push(d);
  }
  const found: string[] = [];
  if (peopleUnits) found.push(`ผู้เข้าร่วมรวม ${fmt(people)} คน (${fmt(peopleUnits)} หน่วยงานระบุ)`);
  if (timesUnits) found.push(`รวม ${fmt(times)} ครั้ง (${fmt(timesUnits)} หน่วยงานระบุ)`);
  if (dates.length)
    found.push(`วันที่ ${dates.slice(0, 3).join(", ")}${dates.length > 3 ? " เป็นต้น" : ""}`);
  if (found.length) lines.push(`ตัวเลขที่พบในข้อความผลการดำเนินการ: ${found.join("; ")}`);
  return lines;
}

function outcomesOf(units: UnitEntry[], examples: number): string[] {
  return units.slice(0, examples).map((u) => `- ${u.unit} ${clip(u.result || u.entry, 160)}`);
}

function groupRows(
  g: GroupMeasures,
  reported: number,
  examples: number,
  next: () => string
): ReportRow[] {
  const rows: ReportRow[] = g.standard.map((s) => ({
    number: next(),
    kind: "standard",
    measure: s.text,
    summary: summaryOf(s.units, reported),
    outcomes: s.units.length ? outcomesOf(s.units, examples) : ["- ไม่มีหน่วยงานรายงานมาตรการนี้"],
  }));
  for (const own of g.own)
    rows.push({
      number: next(),
      kind: "own",
      measure: `มาตรการเพิ่มเติม: ${clip(own[0].entry, 300)}`,
      summary: summaryOf(own, reported),
      outcomes: outcomesOf(own, examples),
    });
  return rows;
}

function belowPass(result: MergeResult, items: FormItem[]): BelowPassItem[] {
  const out: BelowPassItem[] = [];
  for (const it of items) {
    const units: BelowPassItem["units"] = [];
    for (const m of result.merged) {
      const read = m.form.items.find((x) => x.code === it.code);
      if (!read || read.score === null || read.score >= result.passMark) continue;
      // The item's own measures, else those its measure group wrote for it (a shared cell).
      const group = m.form.items.filter(
        (x) =>
          x === read ||
          read.sharedWith.includes(x.code) ||
          result.formDef.byCode.get(x.code)?.measureGroup === it.measureGroup
      );
      const text = [read, ...group].find((x) => x.measures.trim())?.measures ?? "";
      const did = text ? clip(text.trim().replace(/\s*\n\s*/g, " "), 300) : "";
      units.push({ unit: m.label, score: read.score, did });
    }
    if (units.length) out.push({ label: clip(it.label, 160), units });
  }
  return out;
}

/** Build the central report from a merge. Pure: the same merge gives the same report. */
export function buildCentralReport(result: MergeResult, opts: ReportOptions = {}): CentralReport {
  const office = opts.office?.trim() || DEFAULT_OFFICE;
  const examples = opts.examples ?? 2;
  const { formDef: formDef, merged } = result;
  const year = result.period?.fiscalYear ?? formDef.fiscalYear;
  const round = result.period?.round ?? null;
  const roundText = round ? ` รอบ ${round} เดือน` : "";
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
          ? ` ยังไม่ได้รับรายงานจาก ${fmt(result.missing.length)} หน่วยงาน ได้แก่ ${result.missing.map(unitDisplayName).join(", ")}`
          : " ได้รับรายงานครบทุกหน่วยงานที่กำหนด"
    }${result.rejected.length ? ` และมีไฟล์ที่รับไม่ได้ ${fmt(result.rejected.length)} ไฟล์ (ดูชีตสถานะการส่งในไฟล์สรุป)` : ""} ดังนี้`,
  ];

  const groups = matchUnitMeasures(result);
  const byGroup = new Map(groups.map((g) => [g.group, g]));
  const matchedUnits = new Set<string>();
  for (const g of groups)
    for (const s of g.standard) for (const u of s.units) matchedUnits.add(u.unit);
  const withMeasures = new Set<string>();
  for (const m of merged)
    if (m.form.items.some((i) => i.measures.trim())) withMeasures.add(m.label);

  let standardRows = 0;
  let ownRows = 0;
  const tools: ReportTool[] = formDef.tools.map((t) => ({
    heading: `${t.name.th} (${t.name.en} : ${t.id})`,
    indicators: t.indicators.map((ind) => {
      let k = 0;
      const next = () => `${ind.number}.${++k}`;
      const seen = new Set<string>();
      const rgroups: ReportGroup[] = [];
      for (const it of ind.items) {
        if (seen.has(it.measureGroup)) continue;
        seen.add(it.measureGroup);
        const g = byGroup.get(it.measureGroup);
        if (!g || (!g.standard.length && !g.own.length)) continue;
        const rows = groupRows(g, reported, examples, next);
        standardRows += rows.filter((r) => r.kind === "standard").length;
        ownRows += rows.filter((r) => r.kind === "own").length;
        rgroups.push({
          heading: `ข้อ ${codeSpan(g.items)}`,
          rows,
          references: g.references.map(
            (r) =>
              `${r.unit} ระบุว่าดำเนินการตามมาตรการในข้อ ${codeSpan(byGroup.get(r.to)?.items ?? [])}`
          ),
        });
      }
      return {
        heading: `ตัวชี้วัดที่ ${ind.number} ${ind.name.th}`,
        groups: rgroups,
        belowPass: belowPass(result, ind.items),
      };
    }),
  }));

  return {
    title,
    opening,
    changes: opts.comparison ? changesSection(opts.comparison) : null,
    columns: [
      "มาตรการหรือกิจกรรมที่ดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
      "สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม",
      "ผลลัพธ์หรือความสำเร็จของการดำเนินการ",
    ],
    belowPassHeading: `ข้อที่มีหน่วยงานได้คะแนนต่ำกว่าเกณฑ์ (${result.passMark}) และสิ่งที่หน่วยงานนั้นดำเนินการ`,
    tools,
    closing: office.split(/\s{2,}|\n/).filter(Boolean),
    missing:
      result.missing.length > MISSING_INLINE
        ? `หน่วยงานที่ยังไม่ได้ส่งรายงาน ${fmt(result.missing.length)} หน่วยงาน: ${result.missing.map(unitDisplayName).join(", ")}`
        : null,
    stats: {
      units: reported,
      unitsMatched: matchedUnits.size,
      unitsWithMeasures: withMeasures.size,
      standardRows,
      ownRows,
    },
    sinceRound6: sinceRound6Paragraphs(result),
  };
}
