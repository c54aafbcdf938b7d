/**
 * Excel formulas the layout writes (the item text with its score, the subtitle from the metadata). Both
 * apps cap a string literal inside a formula at 255 characters, so long texts are joined from pieces.
 */

/** A cell whose value is computed: the formula (without "=") and the result it has when written. */
export interface Formula {
  formula: string;
  result: string;
}

export function isFormula(v: unknown): v is Formula {
  return typeof v === "object" && v !== null && "formula" in v;
}

const MAX_LITERAL = 250;

/** A text as a formula expression: `"…"&"…"`, quotes doubled, in pieces Excel accepts. */
export function textLiteral(text: string): string {
  const chars = Array.from(text);
  const parts: string[] = [];
  for (let i = 0; i < chars.length; i += MAX_LITERAL)
    parts.push(
      `"${chars
        .slice(i, i + MAX_LITERAL)
        .join("")
        .replace(/"/g, '""')}"`
    );
  return parts.length ? parts.join("&") : '""';
}

/**
 * The score as the form prints it after the item text, on a line of its own as the districts' reports
 * print it: "\n(96.31 คะแนน)", "\n(95.80 คะแนน)", and a whole score without decimals, "\n(100 คะแนน)"
 * (seed 003: O1–O22 and O23–O30) — never broken as "(96.31" at a line's end and "คะแนน)" on the next.
 */
export function scoreSuffix(score: number | null): string {
  if (score === null) return "";
  return `\n(${Number.isInteger(score) ? String(score) : score.toFixed(2)} คะแนน)`;
}

/** The widest score line an item's text is sized with (the layout leaves room for any score). */
export const SIZED_SCORE = "\n(100.00 คะแนน)";

/** The item cell: its label, then the score of `scoreCell` when that holds a number. */
export function itemFormula(label: string, scoreCell: string, score: number | null): Formula {
  const c = scoreCell;
  return {
    formula: `${textLiteral(label)}&IF(ISNUMBER(${c}),CHAR(10)&"("&FIXED(${c},IF(${c}=INT(${c}),0,2))&" คะแนน)","")`,
    result: `${label}${scoreSuffix(score)}`,
  };
}
