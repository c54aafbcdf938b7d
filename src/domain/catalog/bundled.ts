import { FormDef, indexForm } from "./catalog";
import { BUNDLED_FORM_FILES } from "./forms";
import type { FormDefJson } from "./schema";

/** Oldest first: by fiscal year, then version. */
export function compareForms(a: FormDef, b: FormDef): number {
  return (
    a.fiscalYear - b.fiscalYear ||
    a.version.localeCompare(b.version, "en", { numeric: true }) ||
    a.formId.localeCompare(b.formId)
  );
}

/**
 * Every form this build bundles (the JSON files of `forms/`, listed by `npm run forms`), oldest first.
 * Indexed without the schema: the tests check each bundled file against it, unchanged by the check
 * (test/domain/bundledForms.test.ts), so reading and merging start without loading zod.
 */
export const FORMS: readonly FormDef[] = BUNDLED_FORM_FILES.map((f) =>
  indexForm(f.data as FormDefJson, f.file)
).sort(compareForms);

export function allForms(): readonly FormDef[] {
  return FORMS;
}

/**
 * The bundled form a workbook's carried definition (formDefinitionRows, parsed) is a copy of, if any: same
 * content, whatever the order of its keys (workbooks made by earlier builds carry it in the schema's
 * order). Such a definition needs no check.
 */
export function bundledByDefinition(data: unknown): FormDef | undefined {
  return FORMS.find((f) => sameJson(definitionOf(f), data));
}

/** The definition a workbook made with this form carries: the form file without its comment and corrections. */
export function definitionOf(form: FormDef): Omit<FormDefJson, "$comment" | "corrections"> {
  const { $comment: _comment, corrections: _corrections, ...rest } = form.definition;
  return rest;
}

/** Equal JSON values, objects compared key by key whatever their order. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ob = b as Record<string, unknown>;
  const oa = a as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(ob, k) && sameJson(oa[k], ob[k]));
}
