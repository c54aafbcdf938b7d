import { FormDef, compareForms } from "./catalog";
import { Submission } from "./merge";

export interface MergeFormChoice {
  form: FormDef;
  /** How many forms read carry this form, and how many another one (rejected by the merge). */
  matching: number;
  other: number;
}

const sameForm = (f: { formId: string | null; formVersion: string | null }, c: FormDef) =>
  f.formId === c.formId && f.formVersion === c.version;

/**
 * The form a merge summarises when none was chosen: the form most of the read forms carry (a form
 * this build knows, or the one the reader was given), the newer one on a tie; `fallback` when no
 * form names a known one. One summary is one form: the others' files are rejected by mergeForms.
 */
export function chooseMergeForm(subs: readonly Submission[], fallback: FormDef): MergeFormChoice {
  // By id and version: each workbook that carries its form has its own copy of it.
  const first = new Map<string, FormDef>();
  const counts = new Map<FormDef, number>();
  let read = 0;
  for (const s of subs) {
    if (!s.form) continue;
    read++;
    if (!sameForm(s.form, s.form.formDef)) continue;
    const key = `${s.form.formDef.formId}@${s.form.formDef.version}`;
    if (!first.has(key)) first.set(key, s.form.formDef);
    const c = first.get(key)!;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || compareForms(b[0], a[0]));
  const form = ranked.length ? ranked[0][0] : fallback;
  const matching = counts.get(form) ?? 0;
  return { form, matching, other: read - matching };
}
