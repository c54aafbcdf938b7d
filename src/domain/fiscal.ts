import { Msg, msg } from "./text";

/** Buddhist era year = CE + 543. The Thai fiscal year runs October to September and is named by its end. */
export const BE_OFFSET = 543;

export function currentFiscalYear(now: Date = new Date()): number {
  const ce = now.getFullYear() + (now.getMonth() >= 9 ? 1 : 0);
  return ce + BE_OFFSET;
}

export type Round = 6 | 12;

/**
 * The report due at a date, the default of a new form: the latest round whose period has ended. The
 * 6-month round covers October–March and is due from April; the 12-month round covers the whole fiscal
 * year (October–September) and is due from October, until the next 6-month round ends. So from April
 * to September the 6-month round of the current fiscal year, from October to March the 12-month round
 * of the fiscal year that ended last September.
 */
export function dueReport(now: Date = new Date()): { fiscalYear: number; round: Round } {
  const month = now.getMonth(); // 0 = January
  const fy = currentFiscalYear(now);
  return month >= 3 && month <= 8
    ? { fiscalYear: fy, round: 6 }
    : { fiscalYear: fy - 1, round: 12 };
}

const TH_MONTHS = [
  "มกราคม",
  "กุมภาพันธ์",
  "มีนาคม",
  "เมษายน",
  "พฤษภาคม",
  "มิถุนายน",
  "กรกฎาคม",
  "สิงหาคม",
  "กันยายน",
  "ตุลาคม",
  "พฤศจิกายน",
  "ธันวาคม",
];

/** The period a round covers, as the form prints it: `รอบ 6 เดือนแรก (ตุลาคม 2566 - มีนาคม 2567)`. */
export function roundPeriod(fiscalYear: number, round: Round): Msg {
  const end = round === 6 ? "มีนาคม" : "กันยายน";
  const th = `รอบ ${round === 6 ? "6 เดือนแรก" : "12 เดือน"} (${TH_MONTHS[9]} ${fiscalYear - 1} - ${end} ${fiscalYear})`;
  const en = `${round}-month round (October ${fiscalYear - 1 - BE_OFFSET} – ${round === 6 ? "March" : "September"} ${fiscalYear - BE_OFFSET})`;
  return msg(th, en);
}
