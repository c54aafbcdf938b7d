/**
 * What Excel makes of a value written through `Range.values`, and what it gives back.
 *
 * Documented (Excel.Range.values, https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member):
 * - a string starting with "=", "+" or "-" is taken as a formula;
 * - reading `values` gives a formula's result, `formulas` gives the formula
 *   (Excel.Range.formulas, same page).
 * Documented for typing in Excel, and assumed here for `values` too (docs/real-excel-checklist.md):
 * - a cell formatted as Text ("@") keeps what is entered as text ("Format numbers as text",
 *   https://support.microsoft.com/office/format-numbers-as-text-583160db-29c4-4a8d-b8aa-6a6a7c2fd7ad);
 * - a leading apostrophe makes the rest text and is not part of the value (same page);
 * - in a General cell, text that looks like a number becomes a number ("1,234", "50%", "-5");
 * - a string starting with "@" is a formula too (Excel 365 reads "@" as the implicit intersection
 *   operator at the start of a formula).
 * A cell holds at most 32,767 characters ("Excel specifications and limits",
 * https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3);
 * NaN and ±Infinity are not cell values (JSON, the request format, cannot carry them): both are refused
 * with InvalidArgument here.
 */
import ExcelJS from "exceljs";
import { officeError } from "./errors";

export const TEXT_FORMAT = "@";
export const MAX_CELL_CHARS = 32_767;

const NUMBER = /^\s*[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?\s*$/;

/** A string Excel would take as a number in a General cell, or null. */
export function numberFromText(s: string): number | null {
  if (!NUMBER.test(s) || !/\d/.test(s)) return null;
  const t = s.trim();
  const pct = t.endsWith("%");
  const n = Number(t.replace(/[,%]/g, ""));
  if (!Number.isFinite(n)) return null;
  return pct ? n / 100 : n;
}

/** Refuse what Excel refuses: non-finite numbers, over-long strings, objects. */
export function checkValue(x: unknown, where: string): void {
  if (typeof x === "number" && !Number.isFinite(x))
    throw officeError("InvalidArgument", `${where}: ${x} is not a cell value`);
  if (typeof x === "string" && x.length > MAX_CELL_CHARS)
    throw officeError(
      "InvalidArgument",
      `${where}: ${x.length} characters, a cell holds at most ${MAX_CELL_CHARS}`
    );
  if (x !== null && typeof x === "object")
    throw officeError("InvalidArgument", `${where}: an object is not a cell value`);
}

/**
 * Write one value into a cell as Excel does for `Range.values` (null leaves the cell as it is), under
 * the cell's number format `numFmt`.
 */
export function enter(cell: ExcelJS.Cell, x: unknown, numFmt: string | undefined): void {
  if (x === null || x === undefined) return;
  if (typeof x !== "string") {
    cell.value = x as ExcelJS.CellValue;
    return;
  }
  if (x === "") {
    cell.value = null;
    return;
  }
  if (numFmt === TEXT_FORMAT) {
    cell.value = x;
    return;
  }
  if (x.startsWith("'")) {
    cell.value = x.slice(1);
    return;
  }
  const n = numberFromText(x);
  if (n !== null) {
    cell.value = n;
    return;
  }
  if (/^[=+\-@]/.test(x)) {
    const formula = x.startsWith("=") ? x.slice(1) : x;
    cell.value = { formula, result: evaluate(formula) } as ExcelJS.CellFormulaValue;
    return;
  }
  cell.value = x;
}

/** What `values` gives for a cell: numbers, strings, booleans, "" for empty, a formula's result. */
export function valueOf(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (cell.type === ExcelJS.ValueType.Merge) return "";
  if (typeof v === "object") {
    if (v instanceof Date) return v.toISOString();
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v) {
      const f = v as ExcelJS.CellFormulaValue;
      return f.result === undefined ? evaluate(f.formula ?? "") : resultValue(f.result);
    }
    if ("hyperlink" in v) return String(v.text);
    if ("error" in v) return String(v.error);
  }
  return v;
}

/** What `formulas` gives for a cell: the formula with its "=", or the value. */
export function formulaOf(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v && typeof v === "object" && "formula" in v)
    return `=${(v as ExcelJS.CellFormulaValue).formula}`;
  return valueOf(cell);
}

function resultValue(r: unknown): unknown {
  if (r && typeof r === "object" && "error" in r) return String((r as { error: string }).error);
  return r;
}

/**
 * The result of a formula the way Excel would show it, for the formulas text can turn into: numeric
 * arithmetic is computed, anything else (names, Thai words, text) is #NAME? — what a district sees
 * when its text became a formula.
 */
export function evaluate(formula: string): number | string {
  const src = formula.replace(/^@/, "");
  let i = 0;
  const peek = () => src[i];
  const skip = () => {
    while (src[i] === " ") i++;
  };
  const fail = (): never => {
    throw new Error("not arithmetic");
  };
  const primary = (): number => {
    skip();
    const c = peek();
    if (c === "(") {
      i++;
      const v = expr();
      skip();
      if (peek() !== ")") fail();
      i++;
      return v;
    }
    if (c === "+" || c === "-") {
      i++;
      const v = primary();
      return c === "-" ? -v : v;
    }
    const m = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?%?/.exec(src.slice(i));
    if (!m) fail();
    i += m![0].length;
    const t = m![0];
    return t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
  };
  const power = (): number => {
    let v = primary();
    skip();
    while (peek() === "^") {
      i++;
      v = v ** primary();
      skip();
    }
    return v;
  };
  const term = (): number => {
    let v = power();
    skip();
    while (peek() === "*" || peek() === "/") {
      const op = src[i++];
      const r = power();
      v = op === "*" ? v * r : v / r;
      skip();
    }
    return v;
  };
  const expr = (): number => {
    let v = term();
    skip();
    while (peek() === "+" || peek() === "-") {
      const op = src[i++];
      const r = term();
      v = op === "+" ? v + r : v - r;
      skip();
    }
    return v;
  };
  try {
    const v = expr();
    skip();
    if (i < src.length) fail();
    return Number.isFinite(v) ? v : "#DIV/0!";
  } catch {
    return "#NAME?";
  }
}
