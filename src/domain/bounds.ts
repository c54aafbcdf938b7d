import { Msg, msg } from "./text";

/**
 * The accepted ranges of what users type, checked in one place by the CLI, the task pane, the form
 * schema and the rules: fiscal years in B.E. and pass marks (scores are 0–100).
 */
export const FISCAL_YEAR_RANGE = { min: 2560, max: 2700 } as const;
export const PASS_MARK_RANGE = { min: 0, max: 100 } as const;
export const ROUNDS = [6, 12] as const;

export function isFiscalYear(n: number): boolean {
  return Number.isInteger(n) && n >= FISCAL_YEAR_RANGE.min && n <= FISCAL_YEAR_RANGE.max;
}

export function isPassMark(n: number): boolean {
  return Number.isFinite(n) && n >= PASS_MARK_RANGE.min && n <= PASS_MARK_RANGE.max;
}

export function isRound(n: number): n is (typeof ROUNDS)[number] {
  return (ROUNDS as readonly number[]).includes(n);
}

export const BOUND_HINTS = {
  fiscalYear: msg(
    `ต้องเป็นปี พ.ศ. ${FISCAL_YEAR_RANGE.min}–${FISCAL_YEAR_RANGE.max} เช่น 2569`,
    `must be a B.E. year from ${FISCAL_YEAR_RANGE.min} to ${FISCAL_YEAR_RANGE.max}, such as 2569`
  ),
  passMark: msg(
    `ต้องเป็นตัวเลข ${PASS_MARK_RANGE.min}–${PASS_MARK_RANGE.max}`,
    `must be a number from ${PASS_MARK_RANGE.min} to ${PASS_MARK_RANGE.max}`
  ),
  round: msg("ต้องเป็น 6 หรือ 12", "must be 6 or 12"),
} satisfies Record<string, Msg>;

/** A number typed in a text box: null when blank or not a number. */
export function typedNumber(text: string): number | null {
  if (text.trim() === "") return null;
  const n = Number(text.trim());
  return Number.isFinite(n) ? n : null;
}
