import { FormDef, ToolId } from "./catalog";
import { band, Band, round2 } from "./score";

/** How many assessment questions a row stands for: 1, or the size of an OIT range (O1–O22 → 22). */
export function itemWeight(code: string): number {
  const m = /^O(\d+)-O(\d+)$/.exec(code);
  return m ? Number(m[2]) - Number(m[1]) + 1 : 1;
}

export interface Average {
  /** Mean score weighted by questions per row; null when no row has a score. */
  mean: number | null;
  scored: number;
  total: number;
}

export interface IndicatorSummary extends Average {
  number: number;
  tool: ToolId;
  name: { th: string; en: string };
}

export interface ToolSummary extends Average {
  id: ToolId;
  weight: number;
  passes: boolean | null;
  band: Band | null;
}

export interface ScoreSummary {
  indicators: IndicatorSummary[];
  tools: ToolSummary[];
  /** Weighted ITA total (IIT 30, EIT 30, OIT 40); null until every tool has scores. */
  total: number | null;
  totalBand: Band | null;
  passes: boolean | null;
}

/** An item as scoring needs it: its code (an OIT range counts its questions) and its tool. */
export interface ScoredItem {
  code: string;
  tool: ToolId;
}

/**
 * How averages treat missing scores. `whole`: an average over items some of whose scores are missing
 * is left out (null), as are the total and the pass/fail that need it — a unit in the central summary
 * is never ranked by the items present (a missing low score raised its means); without it (the pane,
 * while a unit types its scores), an average is of the items scored so far (`scored` of `total`).
 */
export interface Averaging {
  whole?: boolean;
}

function average(
  items: readonly ScoredItem[],
  scores: ReadonlyMap<string, number | null>,
  { whole = false }: Averaging = {}
): Average {
  let sum = 0;
  let weight = 0;
  let scored = 0;
  for (const it of items) {
    const s = scores.get(it.code);
    if (s === null || s === undefined) continue;
    const w = itemWeight(it.code);
    sum += s * w;
    weight += w;
    scored++;
  }
  const mean = weight && (!whole || scored === items.length) ? round2(sum / weight) : null;
  return { mean, scored, total: items.length };
}

/**
 * Each tool's mean (weighted by questions per row) and the estimated ITA total (the tools' means by
 * their weights, over the sum of the weights; null until every tool has a score). The one place a
 * unit's tool means and total are computed: the unit's summary (merge), the score matrix, the
 * comparison with a previous period (whose items and weights may be another form's) all take it.
 */
export function toolScores(
  tools: readonly { id: ToolId; weight: number }[],
  items: readonly ScoredItem[],
  scores: ReadonlyMap<string, number | null>,
  averaging: Averaging = {}
): { tools: Map<ToolId, Average>; total: number | null } {
  const out = new Map<ToolId, Average>();
  for (const t of tools)
    out.set(
      t.id,
      average(
        items.filter((i) => i.tool === t.id),
        scores,
        averaging
      )
    );
  const weights = tools.reduce((s, t) => s + t.weight, 0);
  const complete = tools.length > 0 && tools.every((t) => out.get(t.id)!.mean !== null);
  const total = complete
    ? round2(tools.reduce((s, t) => s + out.get(t.id)!.mean! * t.weight, 0) / weights)
    : null;
  return { tools: out, total };
}

/** Indicator and tool averages, the estimated total and the unit's pass/fail, from item scores. */
export function summarizeScores(
  formDef: FormDef,
  scores: ReadonlyMap<string, number | null>,
  passMark: number,
  averaging: Averaging = {}
): ScoreSummary {
  const indicators: IndicatorSummary[] = [];
  for (const t of formDef.tools)
    for (const ind of t.indicators)
      indicators.push({
        number: ind.number,
        tool: t.id,
        name: ind.name,
        ...average(ind.items, scores, averaging),
      });
  const byTool = toolScores(formDef.tools, formDef.items, scores, averaging);
  const tools: ToolSummary[] = formDef.tools.map((t) => {
    const avg = byTool.tools.get(t.id)!;
    return {
      id: t.id,
      weight: t.weight,
      ...avg,
      passes: avg.mean === null ? null : avg.mean >= passMark,
      band: avg.mean === null ? null : band(avg.mean),
    };
  });
  const { total } = byTool;
  return {
    indicators,
    tools,
    total,
    totalBand: total === null ? null : band(total),
    passes: total === null ? null : total >= passMark,
  };
}

/** The standard measures of an item as the text written into its measures cell. */
export function standardMeasuresText(measures: readonly string[]): string {
  return measures.map((m, i) => `${i + 1}. ${m}`).join("\n");
}
