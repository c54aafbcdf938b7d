/**
 * What Excel makes of what a user types into a cell (not what the add-in writes: entry.ts), so that
 * the pane is tested against the values and number formats a district's typing leaves in the sheet:
 * - a cell formatted as Text ("@") keeps what is typed as text; a leading apostrophe makes the rest
 *   text and is not part of the value ("Format numbers as text", support.microsoft.com,
 *   https://support.microsoft.com/office/format-numbers-as-text-583160db-29c4-4a8d-b8aa-6a6a7c2fd7ad);
 * - "85%" is the number 0.85 shown with a percentage format ("Percentage formats multiply the cell
 *   value by 100 and display the result with a percent symbol", Excel.NumberFormatCategory,
 *   https://learn.microsoft.com/javascript/api/excel/excel.numberformatcategory); Excel gives the
 *   cell a percentage format as it takes the entry, 0% or, with decimals typed, 0.00% (assumed for a
 *   cell already formatted as a number, as the score cells are: docs/real-excel-checklist.md, K1);
 * - in a cell already formatted as a percentage, a number of 1 or more typed without "%" is that
 *   percentage (85 → 0.85), one under 1 typed without a leading zero is the fraction (.85 → 0.85),
 *   one with a leading zero is taken as typed and shown ×100 (0.85 → 0.0085) — "automatic percent
 *   entry", on by default (Microsoft KB 215203, "XL: How to control automatic percent entry");
 * - a date ("3/15/2024", "2024-03-15") becomes its serial number with a date format ("Excel is
 *   preprogrammed to make it easier to enter dates", "Stop automatically changing numbers to dates",
 *   https://support.microsoft.com/office/stop-automatically-changing-numbers-to-dates-452bd2db-cc96-47d1-81e4-72cec11c4ed8);
 *   en-US month/day order, the host's locale;
 * - a number with thousands separators ("1,234.5") is the number, given a thousands format when the
 *   cell's format is General (docs/real-excel-checklist.md, K3); other number-like text is a number,
 *   the cell's format unchanged; "=…" is a formula (entry.ts).
 */
import type ExcelJS from "exceljs";
import { evaluate, TEXT_FORMAT } from "./entry";

const isPercentFormat = (f: string | undefined) =>
  Boolean(f && f.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "").includes("%"));
const isDateFormat = (f: string | undefined) =>
  Boolean(f && !/general/i.test(f) && /[dmy]/i.test(f.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "")));
const isGeneral = (f: string | undefined) => !f || /^general$/i.test(f);

/** Days since 1899-12-30, Excel's serial number of a date (1900 date system, after March 1900). */
function serial(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return (t - Date.UTC(1899, 11, 30)) / 86400000;
}

/** The value and number format a cell has after the user types `text` into it. */
export function typedEntry(
  text: string,
  numFmt: string | undefined
): { value: ExcelJS.CellValue; numFmt: string | undefined } {
  const keep = (value: ExcelJS.CellValue) => ({ value, numFmt });
  if (text === "") return keep(null);
  if (numFmt === TEXT_FORMAT) return keep(text);
  if (text.startsWith("'")) return keep(text.slice(1));
  if (text.startsWith("=")) {
    const formula = text.slice(1);
    return keep({ formula, result: evaluate(formula) } as ExcelJS.CellFormulaValue);
  }
  const t = text.trim();
  const pct = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?)\s*%$/.exec(t);
  if (pct && /\d/.test(pct[1])) {
    const n = Number(pct[1].replace(/,/g, "")) / 100;
    return { value: n, numFmt: isPercentFormat(numFmt) ? numFmt : pct[2] ? "0.00%" : "0%" };
  }
  const num = /^[+-]?(?:(\d{1,3}(?:,\d{3})+)|(\d*))(?:\.(\d+))?$/.exec(t);
  if (num && /\d/.test(t)) {
    const n = Number(t.replace(/,/g, ""));
    if (isPercentFormat(numFmt)) {
      // Automatic percent entry: 85 → 85 %, .85 → 85 %, 0.85 → 0.85 %.
      const fraction = Math.abs(n) < 1 && !/^[+-]?0/.test(t);
      return keep(fraction ? n : n / 100);
    }
    if (num[1] && isGeneral(numFmt))
      return { value: n, numFmt: num[3] ? `#,##0.${"0".repeat(num[3].length)}` : "#,##0" };
    return keep(n);
  }
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (us || iso) {
    const [y, m, d] = us
      ? [Number(us[3].length === 2 ? `20${us[3]}` : us[3]), Number(us[1]), Number(us[2])]
      : [Number(iso![1]), Number(iso![2]), Number(iso![3])];
    const s = serial(y, m, d);
    if (s !== null) return { value: s, numFmt: isDateFormat(numFmt) ? numFmt : "m/d/yyyy" };
  }
  return keep(text);
}
