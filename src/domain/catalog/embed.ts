import { Catalog, loadCatalog } from "./catalog";

/**
 * A form travels inside each workbook made with it: its definition (without the file's comment and
 * corrections list) as JSON in rows of the hidden metadata sheet, `formDefinition.1`, `.2`, … Each
 * value starts with `ITAFORM:` so that no piece is ever taken for a formula or a number, and stays
 * under Excel's 32,767 characters a cell.
 */
export const FORM_DEFINITION_KEY = "formDefinition";
const PREFIX = "ITAFORM:";
const CHUNK = 30000;

export function formDefinitionRows(form: Catalog): [string, string][] {
  const { $comment: _comment, corrections: _corrections, ...rest } = form.definition;
  const json = JSON.stringify(rest);
  const rows: [string, string][] = [];
  for (let i = 0, n = 1; i < json.length; n++) {
    let end = Math.min(i + CHUNK, json.length);
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end--; // never split a surrogate pair
    rows.push([`${FORM_DEFINITION_KEY}.${n}`, PREFIX + json.slice(i, end)]);
    i = end;
  }
  return rows;
}

const cache = new Map<string, Catalog | null>();

/**
 * The form a workbook carries, when its pieces are all there, parse, pass the schema and are the
 * form the marker names; null otherwise (the caller falls back). Checked once per distinct text.
 */
export function embeddedForm(
  stored: ReadonlyMap<string, string>,
  formId: string,
  version: string
): Catalog | null {
  let json = "";
  for (let n = 1; stored.has(`${FORM_DEFINITION_KEY}.${n}`); n++) {
    const piece = stored.get(`${FORM_DEFINITION_KEY}.${n}`)!;
    if (!piece.startsWith(PREFIX)) return null;
    json += piece.slice(PREFIX.length);
  }
  if (!json) return null;
  if (!cache.has(json)) {
    let form: Catalog | null = null;
    try {
      form = loadCatalog(JSON.parse(json), "ITA_META");
    } catch {
      form = null;
    }
    if (cache.size > 16) cache.clear();
    cache.set(json, form);
  }
  const form = cache.get(json)!;
  return form && form.formId === formId && form.version === version ? form : null;
}
