/**
 * The 12-month report's results against the 6-month report (issue 26), kept apart from the rest of
 * the report model: a unit's results still word for word its 6-month report's are not presented as
 * new work of the 12-month round (`carriedSince6` leaves them out of the units' outcomes), and the
 * report says how many groups have new results and which units reported only the earlier ones.
 */
import { MergedUnit, MergeResult } from "../merge";

/** Whether a unit's results for an item are still its 6-month report's (carried, unchanged). */
export const carriedSince6 = (m: MergedUnit, code: string) =>
  m.sinceRound6?.unchangedCodes.includes(code) ?? false;

const fmt = (n: number) => n.toLocaleString("en-US");

/** The report's paragraph on results since the 6-month report; null when no unit's report tells them. */
export function sinceRound6Paragraphs(result: MergeResult): string[] | null {
  if (result.period?.round !== 12) return null;
  const told = result.merged.filter((m) => m.sinceRound6);
  if (!told.length) return null;
  const fresh = told.reduce((n, m) => n + m.sinceRound6!.newGroups, 0);
  const same = told.filter((m) => m.sinceRound6!.unchangedGroups > 0);
  const unchanged = same.reduce((n, m) => n + m.sinceRound6!.unchangedGroups, 0);
  const out = [
    `หน่วยงานที่จัดทำรายงานรอบ 12 เดือนต่อจากรายงานรอบ 6 เดือน ${fmt(told.length)} หน่วยงาน รายงานผลการดำเนินงานใหม่หลังรอบ 6 เดือน รวม ${fmt(fresh)} กลุ่มมาตรการ` +
      (unchanged
        ? ` ส่วนอีก ${fmt(unchanged)} กลุ่มมาตรการยังเป็นผลการดำเนินงานเดิมของรอบ 6 เดือน จึงไม่นำมาสรุปเป็นผลใหม่ของรอบนี้`
        : ""),
  ];
  if (same.length)
    out.push(
      `หน่วยงานที่ยังรายงานผลเดิมของรอบ 6 เดือน: ${same.map((m) => `${m.label} (${fmt(m.sinceRound6!.unchangedGroups)} กลุ่ม)`).join(", ")}`
    );
  return out;
}
