/** `range.dataValidation`: decimal rules (with prompt and error alert) and clear. */
import type ExcelJS from "exceljs";
import { officeError } from "./errors";
import type { FakeRange } from "./range";

type Prompt = { showPrompt: boolean; title: string; message: string };
type Alert = { showAlert: boolean; style: string; title: string; message: string };

export class FakeDataValidation {
  readonly _path: number;
  private promptV?: Prompt;
  private alertV?: Alert;
  private ignoreBlanksV = true;
  constructor(private readonly range: FakeRange) {
    this._path = range.ctx.request.object("property", "DataValidation", range._path);
  }
  private sent(name: string, v: unknown) {
    this.range.ctx.request.action("set", name, this._path, [v]);
  }
  set prompt(v: Prompt) {
    this.promptV = v;
    this.sent("Prompt", v);
  }
  set errorAlert(v: Alert) {
    this.alertV = v;
    this.sent("ErrorAlert", v);
  }
  set ignoreBlanks(v: boolean) {
    this.ignoreBlanksV = v;
    this.sent("IgnoreBlanks", v);
  }
  set rule(rule: {
    decimal?: { formula1: number | string; formula2?: number | string; operator: string };
  }) {
    const prompt = this.promptV;
    const alert = this.alertV;
    const allowBlank = this.ignoreBlanksV;
    this.range.eachCell(
      (cell) => {
        const d = rule.decimal;
        if (!d) throw officeError("InvalidArgument", "Only decimal validation is faked");
        cell.dataValidation = {
          type: "decimal",
          operator:
            d.operator === "Between"
              ? "between"
              : (d.operator.toLowerCase() as ExcelJS.DataValidationOperator),
          allowBlank,
          showInputMessage: Boolean(prompt?.showPrompt),
          showErrorMessage: Boolean(alert?.showAlert),
          formulae: [Number(d.formula1), Number(d.formula2)],
          promptTitle: prompt?.title,
          prompt: prompt?.message,
          errorStyle: alert?.style === "Stop" ? "stop" : "warning",
          errorTitle: alert?.title,
          error: alert?.message,
        };
      },
      "dataValidation.rule",
      { kind: "set", name: "Rule", path: this._path, args: [rule] }
    );
  }
  clear(): void {
    this.range.eachCell(
      (cell) => (cell.dataValidation = undefined as unknown as ExcelJS.DataValidation),
      "dataValidation.clear",
      { kind: "method", name: "Clear", path: this._path, args: [] }
    );
  }
}
