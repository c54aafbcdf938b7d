/**
 * A reporting period: a fiscal year (พ.ศ.) and a round (6 or 12 months). A merge, a summary and a
 * report are of one period; this module is the one place that names, orders and chooses periods.
 */
import { isRound } from "./bounds";
import { Round } from "./fiscal";
import { Msg, msg } from "./text";

export interface Period {
  fiscalYear: number;
  round: Round;
}

/** What a form sheet says of its period: either may be missing (an unfilled cell). */
export interface PeriodOf {
  fiscalYear: number | null;
  round: number | null;
}

/** The period a sheet gives, or null when its year or round is missing or not a round. */
export function periodOf(p: PeriodOf): Period | null {
  return p.fiscalYear !== null && p.round !== null && isRound(p.round)
    ? { fiscalYear: p.fiscalYear, round: p.round }
    : null;
}

export const periodKey = (p: Period) => `${p.fiscalYear}-${p.round}`;

export const samePeriod = (a: Period | null, b: Period | null) =>
  a !== null && b !== null && a.fiscalYear === b.fiscalYear && a.round === b.round;

/** Order of periods: by fiscal year, then round (an unknown round counts as the year's last). */
export const periodOrder = (year: number, round: number | null) => year * 100 + (round ?? 12);

/** The period after a report's: round 6 → round 12 of the same year; round 12 → round 6 of the next. */
export const nextPeriod = (p: Period): Period =>
  p.round === 6
    ? { fiscalYear: p.fiscalYear, round: 12 }
    : { fiscalYear: p.fiscalYear + 1, round: 6 };

/**
 * The period a new report is of, from the earlier report's and what the user gave: the next one by
 * default; a round alone is that round's first period after the earlier one; a year alone is its
 * first round (the next period's round when the year is the next period's).
 */
export function periodAfter(from: Period, given: { fiscalYear?: number; round?: Round }): Period {
  const next = nextPeriod(from);
  if (given.fiscalYear !== undefined && given.round !== undefined)
    return { fiscalYear: given.fiscalYear, round: given.round };
  if (given.round !== undefined)
    return {
      fiscalYear: given.round > from.round ? from.fiscalYear : from.fiscalYear + 1,
      round: given.round,
    };
  if (given.fiscalYear !== undefined)
    return {
      fiscalYear: given.fiscalYear,
      round: given.fiscalYear === next.fiscalYear ? next.round : 6,
    };
  return next;
}

/** `ปีงบประมาณ 2567 รอบ 6 เดือน` / `fiscal year 2567, 6-month round`; the parts known. */
export function periodWords(p: PeriodOf): Msg {
  return msg(
    `ปีงบประมาณ ${p.fiscalYear ?? "?"}${p.round ? ` รอบ ${p.round} เดือน` : ""}`,
    `fiscal year ${p.fiscalYear ?? "?"}${p.round ? `, ${p.round}-month round` : ""}`
  );
}

/** Thai name of a period, as the summary and the report print it. */
export const periodName = (p: PeriodOf) => periodWords(p).th;

/** The periods found among sheets, most common first (on a tie the later period first), with counts. */
export function periodsFound(list: readonly PeriodOf[]): { period: Period; count: number }[] {
  const counts = new Map<string, { period: Period; count: number }>();
  for (const x of list) {
    const p = periodOf(x);
    if (!p) continue;
    const k = periodKey(p);
    const had = counts.get(k);
    if (had) had.count++;
    else counts.set(k, { period: p, count: 1 });
  }
  return [...counts.values()].sort(
    (a, b) =>
      b.count - a.count ||
      periodOrder(b.period.fiscalYear, b.period.round) -
        periodOrder(a.period.fiscalYear, a.period.round)
  );
}

/** The period most sheets give (the later on a tie), null when none gives one. */
export const mostCommonPeriod = (list: readonly PeriodOf[]): Period | null =>
  periodsFound(list)[0]?.period ?? null;

/** Why a sheet of another period is not merged, naming both periods. */
export function otherPeriodReason(sheet: PeriodOf, merged: Period, where: Msg): Msg {
  const s = periodWords(sheet);
  const m = periodWords(merged);
  // A year typed in C.E. (2026 for 2569): said as validate says it, with the year to type.
  const ce =
    sheet.fiscalYear !== null && sheet.fiscalYear + 543 === merged.fiscalYear
      ? msg(
          ` (ปี ${sheet.fiscalYear} ดูเป็น ค.ศ.: แก้เป็น พ.ศ. ${merged.fiscalYear} แล้วส่งใหม่)`,
          ` (${sheet.fiscalYear} looks like C.E.: correct it to B.E. ${merged.fiscalYear} and send it again)`
        )
      : msg("", "");
  return msg(
    `${where.th}: ไฟล์นี้เป็น${s.th.replace("ปีงบประมาณ ", "ปี ")} แต่การรวมนี้เป็น${m.th.replace("ปีงบประมาณ ", "ปี ")} จึงไม่นำมารวม${ce.th}`,
    `${where.en}: this file is of ${s.en}, but this merge is of ${m.en}; not merged${ce.en}`
  );
}
