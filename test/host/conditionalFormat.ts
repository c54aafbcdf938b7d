/** What `range.conditionalFormats.add` returns: a custom (formula) or colour-scale format to fill in. */
type Criterion = { formula: string | null; type: string; color: string };

export class FakeConditionalFormat {
  readonly custom = { rule: { formula: "" }, format: { fill: { color: "" }, font: { color: "" } } };
  readonly colorScale: {
    criteria: { minimum: Criterion; midpoint: Criterion; maximum: Criterion };
  } = {
    criteria: {
      minimum: { formula: null, type: "LowestValue", color: "" },
      midpoint: { formula: "50", type: "Percentile", color: "" },
      maximum: { formula: null, type: "HighestValue", color: "" },
    },
  };
  constructor(readonly type: string) {}
}
