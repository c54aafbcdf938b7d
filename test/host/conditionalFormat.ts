/** What `range.conditionalFormats.add` returns: a custom (formula) or colour-scale format to fill in. */
import type ExcelJS from "exceljs";
import { officeError } from "./errors";
import { argb } from "./format";

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
  constructor(
    readonly type: string,
    readonly _path: number
  ) {}

  /** Add the format to the sheet as it stands at sync (its properties are set before the sync). */
  applyTo(s: ExcelJS.Worksheet, ref: string): void {
    if (this.type === "ColorScale") {
      const c = this.colorScale.criteria;
      const cfvo = (x: { type: string; formula: string | null }) =>
        x.type === "LowestValue"
          ? { type: "min" }
          : x.type === "HighestValue"
            ? { type: "max" }
            : // Excel.ConditionalFormatColorCriterionType "Number" is SpreadsheetML's cfvo "num".
              {
                type: x.type === "Number" ? "num" : x.type.toLowerCase(),
                value: Number(x.formula),
              };
      s.addConditionalFormatting({
        ref,
        rules: [
          {
            type: "colorScale",
            priority: 1,
            cfvo: [c.minimum, c.midpoint, c.maximum].map(cfvo),
            color: [c.minimum, c.midpoint, c.maximum].map((x) => argb(x.color)),
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
      return;
    }
    if (this.type !== "Custom")
      throw officeError("InvalidArgument", `Conditional format ${this.type} is not faked`);
    if (!this.custom.rule.formula.startsWith("="))
      throw officeError("InvalidArgument", "A custom rule's formula starts with =");
    s.addConditionalFormatting({
      ref,
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [this.custom.rule.formula.replace(/^=/, "")],
          style: {
            fill: {
              type: "pattern",
              pattern: "solid",
              bgColor: argb(this.custom.format.fill.color),
            },
            font: { color: argb(this.custom.format.font.color) },
          },
        },
      ],
    });
  }
}
