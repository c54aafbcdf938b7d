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
      // Computed again with the sheet as it is now, as Excel recalculates: the item text shows the
      // score typed since it was written.
      const f = v as ExcelJS.CellFormulaValue;
      const ws = cell.worksheet;
      return f.formula
        ? evaluate(f.formula, (a1) => valueOf(ws.getCell(a1)))
        : resultValue(f.result);
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

/** A cell's value as a formula sees it (a reference's target), or undefined when none is given. */
export type RefLookup = (a1: string) => unknown;

type V = number | string | boolean;
const ERRORS = new Set(["#NAME?", "#VALUE!", "#DIV/0!", "#REF!", "#N/A", "#NUM!"]);
const isErr = (v: V) => typeof v === "string" && ERRORS.has(v);
class FormulaError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** A number as text in a formula ("&" of a number), as Excel's General format shows it. */
const numText = (n: number) => String(Math.round(n * 1e10) / 1e10);
const toText = (v: V) =>
  typeof v === "number" ? numText(v) : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v;
function toNumber(v: V): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === "") return 0;
  const n = numberFromText(v);
  if (n === null) throw new FormulaError("#VALUE!");
  return n;
}

/** Code page 1252's characters 128–159 (where it differs from Latin-1). */
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * The result of a formula the way Excel computes it, for the formulas the add-in writes and the
 * ones text can turn into: numbers and arithmetic, text in quotes joined with "&", comparisons, cell
 * references of the same sheet (through `ref`), and the functions the layout uses — IF, ISNUMBER,
 * IFERROR, FIXED, INT, SEARCH, VALUE, CHAR (each as the Excel function reference describes it,
 * https://support.microsoft.com/office/excel-functions-alphabetical-b3944572-255d-4efb-bb96-c6d90033e188).
 * A name Excel does not know (Thai words, text) is #NAME?, what a district sees when its text became
 * a formula; an error in an argument is the result, as in Excel.
 */
export function evaluate(formula: string, ref?: RefLookup): number | string | boolean {
  const src = formula.replace(/^@/, "");
  let i = 0;
  const skip = () => {
    while (src[i] === " ") i++;
  };
  const peek = () => (skip(), src[i]);
  const fail = (code = "#NAME?"): never => {
    throw new FormulaError(code);
  };
  const args = (): V[] => {
    const out: V[] = [];
    if (peek() === ")") {
      i++;
      return out;
    }
    for (;;) {
      out.push(compare());
      const c = peek();
      i++;
      if (c === ")") return out;
      if (c !== ",") fail();
    }
  };
  const call = (name: string): V => {
    const upper = name.toUpperCase();
    const a = args();
    // A value an argument cannot be (text for a number) is #VALUE! here, not in the whole formula:
    // IF's other branch stays as it is.
    try {
      return fn(upper, a);
    } catch (e) {
      if (e instanceof FormulaError && e.code === "#VALUE!") return "#VALUE!";
      throw e;
    }
  };
  const fn = (upper: string, a: V[]): V => {
    switch (upper) {
      case "IF": {
        if (isErr(a[0])) return a[0];
        return toNumber(a[0]) !== 0 ? (a[1] ?? true) : (a[2] ?? false);
      }
      case "ISNUMBER":
        return typeof a[0] === "number";
      case "IFERROR":
        return isErr(a[0]) ? (a[1] ?? "") : a[0];
      case "FIXED": {
        if (isErr(a[0])) return a[0];
        const d = a[1] === undefined ? 2 : toNumber(a[1]);
        const s = toNumber(a[0]).toFixed(Math.max(0, d));
        const [int, dec] = s.split(".");
        const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
        return dec === undefined ? grouped : `${grouped}.${dec}`;
      }
      case "INT":
        // Rounded down to the nearest integer (INT(-8.9) is -9).
        return isErr(a[0]) ? a[0] : Math.floor(toNumber(a[0]));
      case "SEARCH": {
        const at = toText(a[1]).toLowerCase().indexOf(toText(a[0]).toLowerCase());
        return at < 0 ? "#VALUE!" : at + 1;
      }
      case "VALUE":
        return isErr(a[0]) ? a[0] : toNumber(a[0]);
      case "CHAR": {
        // The character of a code 1–255 in Windows' character set (code page 1252; 128–159 differ
        // from Latin-1), #VALUE! outside it; a fraction is truncated.
        if (isErr(a[0])) return a[0];
        const code = Math.trunc(toNumber(a[0]));
        if (code < 1 || code > 255) return "#VALUE!";
        return code >= 128 && code < 160 ? CP1252_HIGH[code - 128] : String.fromCharCode(code);
      }
      default:
        return fail();
    }
  };
  const primary = (): V => {
    const c = peek();
    if (c === "(") {
      i++;
      const v = compare();
      if (peek() !== ")") fail();
      i++;
      return v;
    }
    if (c === '"') {
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length) fail();
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          return s;
        }
        s += src[i++];
      }
    }
    if (c === "+" || c === "-") {
      i++;
      const v = primary();
      if (isErr(v)) return v;
      try {
        return c === "-" ? -toNumber(v) : toNumber(v);
      } catch {
        return "#VALUE!";
      }
    }
    const num = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?%?/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      const t = num[0];
      return t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*|^\$?[A-Za-z]{1,3}\$?\d+/.exec(src.slice(i));
    if (!word) return fail();
    i += word[0].length;
    if (peek() === "(") {
      i++;
      return call(word[0]);
    }
    if (/^true$/i.test(word[0])) return true;
    if (/^false$/i.test(word[0])) return false;
    const a1 = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(word[0]);
    if (a1 && ref) {
      const v = ref(`${a1[1].toUpperCase()}${a1[2]}`);
      return v === null || v === undefined ? "" : (v as V);
    }
    return fail();
  };
  const binary = (next: () => V, ops: string[], apply: (op: string, l: V, r: V) => V) => (): V => {
    let v = next();
    for (;;) {
      skip();
      const op = ops.find((o) => src.startsWith(o, i));
      if (!op) return v;
      i += op.length;
      const r = next();
      try {
        v = isErr(v) ? v : isErr(r) ? r : apply(op, v, r);
      } catch (e) {
        if (!(e instanceof FormulaError && e.code === "#VALUE!")) throw e;
        v = "#VALUE!";
      }
    }
  };
  const power = binary(primary, ["^"], (_o, l, r) => toNumber(l) ** toNumber(r));
  const term = binary(power, ["*", "/"], (o, l, r) => {
    if (o === "*") return toNumber(l) * toNumber(r);
    const d = toNumber(r);
    return d === 0 ? "#DIV/0!" : toNumber(l) / d;
  });
  const sum = binary(term, ["+", "-"], (o, l, r) =>
    o === "+" ? toNumber(l) + toNumber(r) : toNumber(l) - toNumber(r)
  );
  const concat = binary(sum, ["&"], (_o, l, r) => toText(l) + toText(r));
  const compare = binary(concat, ["<>", "<=", ">=", "=", "<", ">"], (o, l, r) => {
    const a = typeof l === "string" ? l.toLowerCase() : l;
    const b = typeof r === "string" ? r.toLowerCase() : r;
    const cmp = a === b ? 0 : a < b ? -1 : 1;
    return {
      "=": cmp === 0,
      "<>": cmp !== 0,
      "<": cmp < 0,
      ">": cmp > 0,
      "<=": cmp <= 0,
      ">=": cmp >= 0,
    }[o]!;
  });
  try {
    const v = compare();
    skip();
    if (i < src.length) fail();
    return typeof v === "number" && !Number.isFinite(v) ? "#DIV/0!" : v;
  } catch (e) {
    return e instanceof FormulaError ? e.code : "#VALUE!";
  }
}
