import { Catalog, loadCatalog } from "./catalog";
import form2567 from "./forms/bkk-district-2567.json";

export * from "./catalog";
export type { ToolId } from "./schema";

/** Every form this build knows, newest last. A new year's form is a new JSON file added here. */
const FORMS: Catalog[] = [loadCatalog(form2567)];

export const DEFAULT_CATALOG: Catalog = FORMS[FORMS.length - 1];

export function allForms(): readonly Catalog[] {
  return FORMS;
}

/** The form with this id and version, or null when this build does not know it. */
export function findForm(formId: string, version: string): Catalog | null {
  return FORMS.find((f) => f.formId === formId && f.version === version) ?? null;
}

/** The form to use for a fiscal year: the newest form not newer than that year. */
export function formForYear(fiscalYear: number): Catalog {
  const candidates = FORMS.filter((f) => f.fiscalYear <= fiscalYear);
  return candidates.length ? candidates[candidates.length - 1] : FORMS[0];
}
