/** `range.dataValidation`: decimal rules (with prompt and error alert) and clear. */
import type ExcelJS from "exceljs";
import { officeError } from "./errors";
import type { FakeRange } from "./range";

export class FakeDataValidation {
  prompt?: { showPrompt: boolean; title: string; message: string };
  errorAlert?: { showAlert: boolean; style: string; title: string; message: string };
  ignoreBlanks = true;
  constructor(private readonly range: FakeRange) {}
  set rule(rule: {
    decimal?: { formula1: number | string; formula2?: number | string; operator: string };
  }) {
    this.range.eachCell((cell) => {
      const d = rule.decimal;
      if (!d) throw officeError("InvalidArgument", "Only decimal validation is faked");
      cell.dataValidation = {
        type: "decimal",
        operator:
          d.operator === "Between"
            ? "between"
            : (d.operator.toLowerCase() as ExcelJS.DataValidationOperator),
        allowBlank: this.ignoreBlanks,
        showInputMessage: Boolean(this.prompt?.showPrompt),
        showErrorMessage: Boolean(this.errorAlert?.showAlert),
        formulae: [Number(d.formula1), Number(d.formula2)],
        promptTitle: this.prompt?.title,
        prompt: this.prompt?.message,
        errorStyle: this.errorAlert?.style === "Stop" ? "stop" : "warning",
        errorTitle: this.errorAlert?.title,
        error: this.errorAlert?.message,
      };
    }, "dataValidation.rule");
  }
  clear(): void {
    this.range.eachCell(
      (cell) => (cell.dataValidation = undefined as unknown as ExcelJS.DataValidation),
      "dataValidation.clear"
    );
  }
}
