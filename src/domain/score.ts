import { Msg, msg, thaiDigitsToAscii } from "./text";

export const DEFAULT_PASS_MARK = 85;

export type ScoreParse =
  | { kind: "empty" }
  | { kind: "ok"; value: number; warnings: ScoreWarning[]; normalized: boolean }
  | { kind: "error"; error: "not-a-number" | "below-zero" | "above-100"; message: Msg };

/**
 * `precision`: more than two decimals; `percent`: a number shown as a percentage (0.85 formatted as
 * 85%, what Excel stores when "85%" is typed), read as 85; `date`: a number shown as a date (the
 * cell is formatted as one), read as the number it is; `fraction`: above 0 and at most 1, which no
 * ITA score is but a percentage pasted as a fraction (0.94 for 94%) is.
 */
export type ScoreWarning = "precision" | "percent" | "date" | "fraction";

/**
 * Parse a score as districts write it: `96.31`, `๙๖.๓๑`, `96,31`, `96.31 คะแนน`, `(96.31 คะแนน)`,
 * a number stored as text, or a real number. More than two decimals is accepted with a warning.
 */
export function parseScore(input: unknown): ScoreParse {
  if (input === null || input === undefined) return { kind: "empty" };
  if (typeof input === "number") return checkRange(input, false, countDecimals(String(input)));
  if (typeof input !== "string") return notNumber(String(input));
  let s = thaiDigitsToAscii(input.normalize("NFC"))
    .replace(/[\u200b\u00a0]/g, " ")
    .trim();
  if (s === "") return { kind: "empty" };
  // Strip one pair of surrounding brackets and the unit word.
  const bracket = /^\((.*)\)$/s.exec(s);
  if (bracket) s = bracket[1].trim();
  s = s.replace(/\s*(คะแนน|คะแนนเต็ม|points?|pts\.?)\s*$/i, "").trim();
  // "85%" typed into a Text cell (or by a program): the score is 85.
  s = s.replace(/\s*%$/, "");
  // Three digits after a comma group thousands in Thai ("1,000", "9,631"): read as a decimal comma
  // it was a score (1, 9.631) the unit never gave. Which one was meant is asked, not guessed.
  if (/^[+-]?\d{1,3}(?:,\d{3})+$/.test(s))
    return {
      kind: "error",
      error: "not-a-number",
      message: msg(
        `"${short(input)}" อ่านเป็นคะแนนไม่ได้แน่ชัด (จุลภาคคั่นหลักพัน หรือจุดทศนิยม): พิมพ์คะแนนเป็นตัวเลขที่ใช้จุดทศนิยม เช่น 96.31`,
        `"${short(input)}" is not clearly a score (a thousands comma, or a decimal one?): type the score with a decimal point, such as 96.31`
      ),
    };
  // A decimal comma, as in 96,31 (scores are at most 100).
  if (/^[+-]?\d+,\d+$/.test(s)) s = s.replace(",", ".");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return notNumber(input);
  const value = Number(s);
  const decimals = s.includes(".") ? s.split(".")[1].length : 0;
  return checkRange(value, s !== input.trim(), decimals);
}

/** What a number format shows a number as: a percentage, a date (or time), or a number. */
export function numberFormatKind(numFmt: string | null | undefined): "percent" | "date" | "number" {
  if (!numFmt || /^general$/i.test(numFmt)) return "number";
  // Quoted text, escaped characters and bracketed parts ([Red], [$-th-TH]) are not format codes.
  const codes = numFmt.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, "");
  if (codes.includes("%")) return "percent";
  // Day, month, year, hour, minute, second, Buddhist year (b, e), and Thai builds' own (ว ด ป ช น ท).
  if (/[dmyhsbeวดปชนท]/i.test(codes.replace(/[eE][+-]/g, ""))) return "date";
  return "number";
}

/**
 * A score cell as the spreadsheet holds it: its value and its number format. A number formatted as a
 * percentage is read as the percentage it shows (0.85 → 85), with a warning to type it as a number;
 * a number formatted as a date is read as the number it is, with a warning; the rest as `parseScore`.
 */
export function parseScoreCell(raw: unknown, numFmt?: string | null): ScoreParse {
  if (typeof raw !== "number") return parseScore(raw);
  const kind = numberFormatKind(numFmt);
  if (kind === "number") return parseScore(raw);
  const p = parseScore(kind === "percent" ? raw * 100 : raw);
  if (p.kind !== "ok") return p;
  return { ...p, warnings: [...p.warnings, kind] };
}

function countDecimals(s: string): number {
  if (/e/i.test(s)) return 0;
  const i = s.indexOf(".");
  return i < 0 ? 0 : s.length - i - 1;
}

function notNumber(raw: string): ScoreParse {
  return {
    kind: "error",
    error: "not-a-number",
    message: msg(`"${short(raw)}" ไม่ใช่ตัวเลขคะแนน`, `"${short(raw)}" is not a score`),
  };
}

function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function checkRange(value: number, normalized: boolean, decimals: number): ScoreParse {
  if (!Number.isFinite(value)) return notNumber(String(value));
  if (value < 0) {
    return {
      kind: "error",
      error: "below-zero",
      message: msg(
        `คะแนน ${value} ติดลบ (ต้องอยู่ระหว่าง 0–100)`,
        `Score ${value} is below 0 (must be 0–100)`
      ),
    };
  }
  if (value > 100) {
    return {
      kind: "error",
      error: "above-100",
      message: msg(
        `คะแนน ${value} เกิน 100 (ต้องอยู่ระหว่าง 0–100)`,
        `Score ${value} is above 100 (must be 0–100)`
      ),
    };
  }
  // Floating-point noise from spreadsheets (82.01000000000001) is not a precision problem.
  const rounded = round2(value);
  const noisy = Math.abs(rounded - value) < 1e-9;
  const warnings: ScoreWarning[] = decimals > 2 && !noisy ? ["precision"] : [];
  if (value > 0 && value <= 1) warnings.push("fraction");
  return { kind: "ok", value: noisy ? rounded : value, warnings, normalized };
}

/** A score or a mean to two decimals, as every figure of the project is shown. */
export const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * ITA bands, official until FY2565 only: since FY2566 the assessment is pass/fail against the pass
 * mark. Kept for reports of those years; today's views show pass/fail and the gap to the pass mark.
 */
export type Band = "AA" | "A" | "B" | "C" | "D" | "E" | "F";

const BANDS: { band: Band; min: number }[] = [
  { band: "AA", min: 95 },
  { band: "A", min: 85 },
  { band: "B", min: 75 },
  { band: "C", min: 65 },
  { band: "D", min: 55 },
  { band: "E", min: 50 },
  { band: "F", min: -Infinity },
];

export function band(score: number): Band {
  return BANDS.find((b) => score >= b.min)!.band;
}

/**
 * How far a score is under the pass mark, in points (0 when it passes): to the sixth decimal, so
 * that 84.999 is short by 0.001, never by "0.00" (to two, it was).
 */
export function shortBy(score: number, passMark = DEFAULT_PASS_MARK): number {
  return Math.max(0, Math.round((passMark - score) * 1e6) / 1e6);
}

/**
 * A score (or a shortfall) as printed: two decimals as the ITA gives them, more when it has more
 * (up to six) — 84.999 is "84.999", not "85.00" in a list of items under 85.
 */
export function scoreText(n: number): string {
  let s = n.toFixed(6);
  while (s.endsWith("0") && s.length - s.indexOf(".") > 3) s = s.slice(0, -1);
  return s;
}

export function passes(score: number, passMark = DEFAULT_PASS_MARK): boolean {
  return score >= passMark;
}

/** Parse a pass mark given by a user or stored in a workbook; null when unusable. */
export function parsePassMark(input: unknown): number | null {
  const p = parseScore(input);
  return p.kind === "ok" ? p.value : null;
}
