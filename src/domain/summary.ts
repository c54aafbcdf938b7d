import { Catalog, CatalogItem, ToolId } from "./catalog";
import { band, Band } from "./score";

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

function average(
  items: readonly CatalogItem[],
  scores: ReadonlyMap<string, number | null>
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
  return { mean: weight ? round2(sum / weight) : null, scored, total: items.length };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Indicator and tool averages and the unit's pass/fail per tool, from item scores. */
export function summarizeScores(
  catalog: Catalog,
  scores: ReadonlyMap<string, number | null>,
  passMark: number
): ScoreSummary {
  const indicators: IndicatorSummary[] = [];
  const tools: ToolSummary[] = catalog.tools.map((t) => {
    for (const ind of t.indicators)
      indicators.push({
        number: ind.number,
        tool: t.id,
        name: ind.name,
        ...average(ind.items, scores),
      });
    const avg = average(
      t.indicators.flatMap((i) => i.items),
      scores
    );
    return {
      id: t.id,
      weight: t.weight,
      ...avg,
      passes: avg.mean === null ? null : avg.mean >= passMark,
      band: avg.mean === null ? null : band(avg.mean),
    };
  });
  const complete = tools.every((t) => t.mean !== null);
  const total = complete
    ? round2(tools.reduce((s, t) => s + (t.mean as number) * t.weight, 0) / 100)
    : null;
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
