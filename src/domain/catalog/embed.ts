import { msg, Msg } from "../text";
import { bundledByDefinition, definitionOf } from "./bundled";
import { FormDef, FormDefError, loadFormDef } from "./catalog";

/**
 * A form travels inside each workbook made with it: its definition (without the file's comment and
 * corrections list) as JSON in rows of the hidden metadata sheet, `formDefinition.1`, `.2`, … Each
 * value starts with `ITAFORM:` so that no piece is ever taken for a formula or a number, and stays
 * under Excel's 32,767 characters a cell.
 */
export const FORM_DEFINITION_KEY = "formDefinition";
const PREFIX = "ITAFORM:";
const CHUNK = 30000;

export function formDefinitionRows(form: FormDef): [string, string][] {
  const json = JSON.stringify(definitionOf(form));
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

const cache = new Map<string, FormDef | Msg>();

/**
 * What a workbook carries: `form` when its pieces are all there, parse, pass the schema and are the
 * form the marker names; else `problem` says what is wrong with it; both null when it carries no
 * definition at all (a workbook made before forms travelled). Checked once per distinct text.
 */
export function carriedForm(
  stored: ReadonlyMap<string, string>,
  formId: string,
  version: string
): { form: FormDef | null; problem: Msg | null } {
  let json = "";
  for (let n = 1; stored.has(`${FORM_DEFINITION_KEY}.${n}`); n++) {
    const piece = stored.get(`${FORM_DEFINITION_KEY}.${n}`)!;
    if (!piece.startsWith(PREFIX))
      return {
        form: null,
        problem: msg(
          `ส่วนที่ ${n} ของคำจำกัดความแบบฟอร์มถูกแก้ไข`,
          `piece ${n} of the form definition was altered`
        ),
      };
    json += piece.slice(PREFIX.length);
  }
  if (!json) {
    const pieces = [...stored.keys()].some((k) => k.startsWith(`${FORM_DEFINITION_KEY}.`));
    return pieces
      ? {
          form: null,
          problem: msg(
            "ส่วนแรกของคำจำกัดความแบบฟอร์มหายไป",
            "the first piece of the form definition is missing"
          ),
        }
      : { form: null, problem: null };
  }
  // JSON.stringify writes no line break: one in the text was put there by another program.
  // LibreOffice, saving a form a second time, broke a long piece with one ("การให้\nบริการ", inside a
  // string), and the workbook was refused as carrying a damaged form.
  json = json.replace(/[\r\n]/g, "");
  if (!cache.has(json)) {
    let result: FormDef | Msg;
    try {
      const data: unknown = JSON.parse(json);
      // A bundled form's own text needs no check; any other is checked like a form file.
      result = bundledByDefinition(data) ?? loadFormDef(data, "ITA_META");
    } catch (e) {
      result =
        e instanceof FormDefError
          ? e.reason
          : msg(
              "คำจำกัดความแบบฟอร์มไม่ใช่ JSON ที่สมบูรณ์ (ถูกตัดหรือแก้ไข)",
              "the form definition is not complete JSON (cut short or altered)"
            );
    }
    if (cache.size > 16) cache.clear();
    cache.set(json, result);
  }
  const found = cache.get(json)!;
  if (!("formId" in found)) return { form: null, problem: found };
  if (found.formId !== formId || found.version !== version)
    return {
      form: null,
      problem: msg(
        `คำจำกัดความที่ฝากมาเป็นของแบบฟอร์ม ${found.formId} ${found.version}`,
        `the definition carried is of the form ${found.formId} ${found.version}`
      ),
    };
  return { form: found, problem: null };
}

/** The form a workbook carries (see carriedForm), or null when it carries none that can be used. */
export function embeddedForm(
  stored: ReadonlyMap<string, string>,
  formId: string,
  version: string
): FormDef | null {
  return carriedForm(stored, formId, version).form;
}
