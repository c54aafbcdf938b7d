import { FormSheet } from "./layout/read";
import { parseScore } from "./score";

/** One score cell to rewrite: what it holds now and the number it gets. */
export interface ScoreChange {
  code: string;
  cell: string;
  before: string;
  after: number;
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

/** Scores typed as text (`๙๖.๓๑`, `96.31 คะแนน`) that can be rewritten as numbers. */
export function normalizableScores(form: FormSheet): ScoreChange[] {
  const out: ScoreChange[] = [];
  for (const it of form.items) {
    if (typeof it.scoreRaw !== "string") continue;
    const p = parseScore(it.scoreRaw);
    if (p.kind === "ok")
      out.push({ code: it.code, cell: it.cells.score, before: it.scoreRaw, after: p.value });
  }
  return out;
}
