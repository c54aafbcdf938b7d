import { FormSheet } from "./layout/read";
import { SCORE_FORMAT } from "./layout/spec";
import { parseScore } from "./score";

/** One score cell to rewrite: what it holds now and the number it gets. */
export interface ScoreChange {
  code: string;
  cell: string;
  before: string;
  after: number;
  /** The number format the cell gets with it: the score's own, for a cell shown as a percentage or a date. */
  numFmt?: string;
}

/** The cells a list of scores would change (for the preview), skipping scores already there. */
export function plannedScoreChanges(
  form: FormSheet,
  scores: readonly { code: string; score: number }[]
): ScoreChange[] {
  const out: ScoreChange[] = [];
  for (const s of scores) {
    const it = form.items.find((i) => i.code === s.code);
    if (!it || it.score === s.score) continue;
    out.push({
      code: s.code,
      cell: it.cells.score,
      before: it.scoreRaw === null ? "" : String(it.scoreRaw),
      after: s.score,
    });
  }
  return out;
}

/**
 * Scores that can be rewritten as the numbers they are read as: typed as text (`๙๖.๓๑`,
 * `96.31 คะแนน`, `85%`), or numbers shown as a percentage (0.85 as 85%: the cell gets 85 and the
 * score's number format) or as a date.
 */
export function normalizableScores(form: FormSheet): ScoreChange[] {
  const out: ScoreChange[] = [];
  for (const it of form.items) {
    const p = it.scoreParse;
    if (typeof it.scoreRaw === "string") {
      const parsed = parseScore(it.scoreRaw);
      if (parsed.kind === "ok")
        out.push({ code: it.code, cell: it.cells.score, before: it.scoreRaw, after: parsed.value });
    } else if (p.kind === "ok" && (p.warnings.includes("percent") || p.warnings.includes("date")))
      out.push({
        code: it.code,
        cell: it.cells.score,
        before: p.warnings.includes("percent") ? `${p.value}%` : String(it.scoreRaw),
        after: p.value,
        numFmt: SCORE_FORMAT,
      });
  }
  return out;
}
