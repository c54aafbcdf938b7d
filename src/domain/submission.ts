import { FormSheet } from "./layout/read";

/** Characters no file name may hold on Windows or the Mac. */
// eslint-disable-next-line no-control-regex -- control characters are what is removed
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]+/g;

/**
 * The name of the copy a unit sends, one convention for every unit: `ITA-{fiscal year}-{round}-
 * {district code}-{district}` (`ITA-2569-12-1035-จอมทอง.xlsx`); a unit that is not a district by
 * its name alone (`ITA-2569-12-สำนักการคลัง.xlsx`). What the sheet does not give is left out.
 */
export function submissionName(form: FormSheet, ext: "xlsx" | "pdf"): string {
  const u = form.unit.value;
  const unit = u ? (u.code ? [u.code, u.th] : [u.th]) : form.unit.raw ? [form.unit.raw] : [];
  const parts = [
    "ITA",
    form.fiscalYear.value ?? "",
    form.round.value ?? "",
    ...unit.map((p) => p.replace(UNSAFE, " ").replace(/\s+/g, " ").trim()),
  ]
    .map(String)
    .filter(Boolean);
  return `${parts.join("-")}.${ext}`;
}
