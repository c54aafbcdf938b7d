/**
 * A sheet written on another form than the one a merge summarises: merged where its items map onto
 * the merge's form, refused (naming both forms) where they do not. Items map when the merge's form
 * says how its items continue the sheet's form (`previous` of the form file: renumbered, split,
 * merged, new), or when both forms have the same items under the same tools (a corrected edition).
 */
import { FormDef, formLabel } from "./catalog";
import { FormSheet, ReadItem } from "./layout/read";
import { round2 } from "./score";
import { Msg, msg } from "./text";

export type MappedForm =
  | {
      form: FormSheet;
      /** `formId version` the sheet was written on, when not the merge's. */ from: string | null;
    }
  | { reason: Msg };

const sameForm = (f: FormSheet, c: FormDef) => f.formId === c.formId && f.formVersion === c.version;

const sheetForm = (f: FormSheet) =>
  f.formVersion ? `${f.formId ?? "?"} ${f.formVersion}` : "ไม่ระบุ / none";

/** The same item codes, in the same tools: one form is an edition of the other (wording, typing errors). */
function sameItems(a: FormDef, b: FormDef): boolean {
  if (a.items.length !== b.items.length) return false;
  return a.items.every((it) => b.byCode.get(it.code)?.tool === it.tool);
}

/** The mean of the known scores (null when none is), as a merged item is compared and merged. */
function meanScore(items: readonly ReadItem[]): number | null {
  const known = items.map((i) => i.score).filter((s): s is number => s !== null);
  return known.length ? round2(known.reduce((a, b) => a + b, 0) / known.length) : null;
}

const joined = (items: readonly ReadItem[], field: "issue" | "measures" | "results" | "evidence") =>
  [...new Set(items.map((i) => i[field].trim()).filter(Boolean))].join("\n");

/** The sheet's items as the target form's: each target item from the sheet's items it continues. */
function mapItems(f: FormSheet, target: FormDef, sourcesOf: (code: string) => readonly string[]) {
  const byCode = new Map(f.items.map((i) => [i.code, i]));
  const items: ReadItem[] = [];
  for (const t of target.items) {
    const from = sourcesOf(t.code)
      .map((c) => byCode.get(c))
      .filter((i): i is ReadItem => i !== undefined);
    if (!from.length) continue; // a new item: the sheet has nothing for it (read as not filled in)
    if (from.length === 1) {
      items.push({ ...from[0], code: t.code, sharedWith: [] });
      continue;
    }
    const score = meanScore(from);
    items.push({
      ...from[0],
      code: t.code,
      score,
      scoreRaw: score,
      scoreParse:
        score === null
          ? from[0].scoreParse
          : { kind: "ok", value: score, warnings: [], normalized: false },
      issue: joined(from, "issue"),
      measures: joined(from, "measures"),
      results: joined(from, "results"),
      evidence: joined(from, "evidence"),
      sharedWith: [],
      photos: from.reduce((n, i) => n + i.photos, 0),
    });
  }
  return items;
}

/**
 * The sheet as the merge's form reads it, or why it cannot be merged. A sheet of the merge's own form
 * is itself; a sheet of the form the merge's form continues is mapped item by item; a sheet of another
 * edition with the same items is taken by code; anything else is refused naming both forms.
 */
export function toMergeForm(f: FormSheet, target: FormDef): MappedForm {
  if (sameForm(f, target)) return { form: f, from: null };
  const prev = target.definition.previous;
  const source = f.formDef;
  if (prev && f.formId === prev.formId && f.formVersion === prev.version && sameForm(f, source)) {
    const map = prev.items;
    const sourcesOf = (code: string) =>
      Object.prototype.hasOwnProperty.call(map, code) ? map[code] : [code];
    return {
      form: {
        ...f,
        formDef: target,
        formId: target.formId,
        formVersion: target.version,
        items: mapItems(f, target, sourcesOf),
      },
      from: sheetForm(f),
    };
  }
  if (sameForm(f, source) && f.formId === target.formId && sameItems(source, target))
    return {
      form: {
        ...f,
        formDef: target,
        formVersion: target.version,
        items: mapItems(f, target, (c) => [c]),
      },
      from: sheetForm(f),
    };
  return {
    reason: msg(
      `ชีต "${f.sheet}" ใช้แบบฟอร์ม ${sheetForm(f)} ซึ่งไม่ใช่แบบฟอร์มที่รวม (${formLabel(target)}) และแบบฟอร์มที่รวมไม่ได้ระบุว่าข้อของแบบฟอร์มนั้นต่อเนื่องกับข้อใด จึงไม่นำมารวม — ให้หน่วยงานกรอกแบบฟอร์ม ${formLabel(target)} หรือรวมไฟล์เหล่านั้นแยกต่างหากตามแบบฟอร์มของไฟล์`,
      `sheet "${f.sheet}" uses the form ${sheetForm(f)}, not the merged form (${formLabel(target)}), and the merged form does not say how that form's items continue; not merged — have the unit fill in the form ${formLabel(target)}, or merge those files separately, by their own form`
    ),
  };
}
