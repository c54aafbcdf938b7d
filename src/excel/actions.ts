import { CatalogItem, parseScore, ReadForm, standardMeasuresText } from "../domain";
import { guarded } from "./errors";

/** Select a cell (and its sheet) so the user sees it: one sync. */
export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  cell: string
): Promise<void> {
  await guarded(async () => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}

export interface ScoreChange {
  code: string;
  cell: string;
  before: string;
  after: number;
}

/** The cells a list of scores would change (for the preview), skipping scores already there. */
export function plannedScoreChanges(
  form: ReadForm,
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

/** Write numbers into score cells: one sync whatever their number. */
export async function writeScores(
  context: Excel.RequestContext,
  sheet: string,
  changes: readonly { cell: string; after: number }[]
): Promise<void> {
  if (!changes.length) return;
  await guarded(async () => {
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const c of changes) ws.getRange(c.cell).values = [[c.after]];
    await context.sync();
  });
}

/** Scores typed as text (`๙๖.๓๑`, `96.31 คะแนน`) that can be rewritten as numbers. */
export function normalizableScores(form: ReadForm): ScoreChange[] {
  const out: ScoreChange[] = [];
  for (const it of form.items) {
    if (typeof it.scoreRaw !== "string") continue;
    const p = parseScore(it.scoreRaw);
    if (p.kind === "ok")
      out.push({ code: it.code, cell: it.cells.score, before: it.scoreRaw, after: p.value });
  }
  return out;
}

/**
 * Write the form's standard measures for an item into its measures cell (one sync); returns the text.
 * Only the value changes: the cell is an unlocked text cell of the protected form, and a format change
 * would need the protection lifted.
 */
export async function insertStandardMeasures(
  context: Excel.RequestContext,
  form: ReadForm,
  item: CatalogItem,
  chosen: readonly string[]
): Promise<string> {
  const it = form.items.find((i) => i.code === item.code);
  if (!it) throw new Error(`Item ${item.code} is not on the sheet`);
  const text = standardMeasuresText(chosen);
  await guarded(async () => {
    const range = context.workbook.worksheets.getItem(form.sheet).getRange(it.cells.measures);
    range.values = [[text]];
    await context.sync();
  });
  return text;
}
