import { msg, Msg } from "../text";
import { FormDef } from "./catalog";
import { compareForms, FORMS } from "./bundled";

export * from "./catalog";
export { allForms, compareForms } from "./bundled";
export * from "./embed";
export * from "./formBook";
export * from "./formBookImport";
export type { ToolId } from "./schema";

/** `bkk-district-ita 2567.1`: how a form is named to users and in the workbook's marker. */
export function formLabel(form: FormDef): string {
  return `${form.formId} ${form.version}`;
}

/**
 * The newest bundled form. Only for places that have no year or file to choose by yet; everything
 * that creates, reads or merges chooses its form explicitly (formForYear, formDefById, --form).
 */
export const DEFAULT_FORM: FormDef = FORMS[FORMS.length - 1];

/** The form with this id and version among `forms` (the bundled ones by default), or null. */
export function formDefById(
  formId: string,
  version: string,
  forms: readonly FormDef[] = FORMS
): FormDef | null {
  return forms.find((f) => f.formId === formId && f.version === version) ?? null;
}

export interface FormChoice {
  form: FormDef;
  /** Set when the form is not the year's own: which form is used, and why. */
  notice: Msg | null;
}

/**
 * The form for a fiscal year: the newest form of that year; when there is none, the newest form of
 * an earlier year, with a notice naming it; when every form is newer, the oldest, with a notice.
 */
export function formForYear(fiscalYear: number, forms: readonly FormDef[] = FORMS): FormChoice {
  const sorted = [...forms].sort(compareForms);
  const own = sorted.filter((f) => f.fiscalYear === fiscalYear);
  if (own.length) return { form: own[own.length - 1], notice: null };
  const earlier = sorted.filter((f) => f.fiscalYear < fiscalYear);
  const form = earlier.length ? earlier[earlier.length - 1] : sorted[0];
  return {
    form,
    notice: msg(
      `ใช้แบบฟอร์มปี ${form.fiscalYear} (${form.version}) เพราะยังไม่มีแบบฟอร์มของปี ${fiscalYear}`,
      `Using the FY${form.fiscalYear} form (${form.version}) because there is no form for FY${fiscalYear} yet`
    ),
  };
}

/** The fiscal years a form is used for: from its own year until the year before the next form's. */
export function formYears(form: FormDef, forms: readonly FormDef[] = FORMS): string {
  const next = [...forms]
    .sort(compareForms)
    .find((f) => f.formId === form.formId && f.fiscalYear > form.fiscalYear);
  if (!next) return `${form.fiscalYear}–`;
  return next.fiscalYear - 1 === form.fiscalYear
    ? String(form.fiscalYear)
    : `${form.fiscalYear}–${next.fiscalYear - 1}`;
}
