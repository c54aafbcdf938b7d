import { Msg, msg } from "./text";

/** Buddhist era year = CE + 543. The Thai fiscal year runs October to September and is named by its end. */
export const BE_OFFSET = 543;

export function currentFiscalYear(now: Date = new Date()): number {
  const ce = now.getFullYear() + (now.getMonth() >= 9 ? 1 : 0);
  return ce + BE_OFFSET;
}

export type Round = 6 | 12;

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
