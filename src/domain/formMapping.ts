/**
 * A sheet written on another form than the one a merge summarises: merged where its items map onto
 * the merge's form, refused (naming both forms) where they do not. Items map when the merge's form
 * says how its items continue the sheet's form (`previous` of the form file: renumbered, split,
 * merged, new), or when both forms have the same items under the same tools (a corrected edition).
 */
import { FormDef, formLabel } from "./catalog";
import { FormSheet, ReadItem } from "./layout/read";
import { TEXT_FIELDS, TextField } from "./reportFields";
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

/**
 * The sheet's items as the target form's: each target item from the sheet's items it continues. With
 * `keepShared`, an item continued from one item keeps which items share its cells (as the target's
 * codes), so that a measure group stays one group; otherwise mapped items share nothing.
 */
function mapItems(
  f: FormSheet,
  target: FormDef,
  sourcesOf: (code: string) => readonly string[],
  keepShared = false
) {
  const byCode = new Map(f.items.map((i) => [i.code, i]));
  // The target items continued from exactly one item of the sheet, by that item's code.
  const onlyFrom = new Map<string, string[]>();
  if (keepShared)
    for (const t of target.items) {
      const from = sourcesOf(t.code);
      if (from.length === 1) onlyFrom.set(from[0], [...(onlyFrom.get(from[0]) ?? []), t.code]);
    }
  const items: ReadItem[] = [];
  for (const t of target.items) {
    const from = sourcesOf(t.code)
      .map((c) => byCode.get(c))
      .filter((i): i is ReadItem => i !== undefined);
    if (!from.length) continue; // a new item: the sheet has nothing for it (read as not filled in)
    if (from.length === 1) {
      const sharedWith = keepShared
        ? from[0].sharedWith.flatMap((c) => onlyFrom.get(c) ?? []).filter((c) => c !== t.code)
        : [];
      items.push({ ...from[0], code: t.code, sharedWith });
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

/** How the target form's items continue the sheet's form: its map (`previous`), when it names that form. */
function previousMap(f: FormSheet, target: FormDef): ((code: string) => readonly string[]) | null {
  const prev = target.definition.previous;
  if (!prev || f.formId !== prev.formId || f.formVersion !== prev.version) return null;
  const map = prev.items;
  return (code: string) => (Object.prototype.hasOwnProperty.call(map, code) ? map[code] : [code]);
}

/**
 * What was carried into a sheet, re-keyed by the target form's codes: an item continued from one
 * item keeps that item's digests; an item made of several has none (its text is theirs joined).
 */
function mapCarried(
  f: FormSheet,
  target: FormDef,
  sourcesOf: (code: string) => readonly string[]
): FormSheet["carried"] {
  const c = f.carried;
  if (!c) return c;
  const digests = {} as Record<TextField, Map<string, string>>;
  for (const field of TEXT_FIELDS) {
    digests[field] = new Map();
    for (const t of target.items) {
      const from = sourcesOf(t.code);
      const d = from.length === 1 ? c.digests[field].get(from[0]) : undefined;
      if (d) digests[field].set(t.code, d);
    }
  }
  return { ...c, digests };
}

/** A report's items carried into a (possibly other) form: see carryItems. */
export interface CarriedItems {
  /** The sheet's items as the target form's, in the target's order (new items left out). */
  items: ReadItem[];
  /** The sheet's items that no item of the target form continues: listed, never dropped in silence. */
  unmatched: string[];
  /** The target form's items that continue nothing of the sheet (new items, to fill in). */
  added: string[];
  /** How the items were matched: the same form, the target form's map of the sheet's form, or by code. */
  how: "same" | "map" | "code";
}

/**
 * A report's items as another form's, to start a new report from it: the same form's items as they
 * are; a form whose map (`previous`) names the sheet's form item by item through that map; any
 * other form by code. Items of a measure group stay one group where they map one to one.
 */
export function carryItems(f: FormSheet, target: FormDef): CarriedItems {
  if (sameForm(f, target)) return { items: f.items, unmatched: [], added: [], how: "same" };
  const map = previousMap(f, target);
  const sourcesOf = map ?? ((code: string) => [code]);
  const items = mapItems(f, target, sourcesOf, true);
  const used = new Set(target.items.flatMap((t) => sourcesOf(t.code)));
  const have = new Set(f.items.map((i) => i.code));
  return {
    items,
    unmatched: f.items.map((i) => i.code).filter((c) => !used.has(c)),
    added: target.items
      .filter((t) => !sourcesOf(t.code).some((c) => have.has(c)))
      .map((t) => t.code),
    how: map ? "map" : "code",
  };
}

/**
 * The sheet as the merge's form reads it, or why it cannot be merged. A sheet of the merge's own form
 * is itself; a sheet of the form the merge's form continues is mapped item by item; a sheet of another
 * edition with the same items is taken by code; anything else is refused naming both forms.
 */
export function toMergeForm(f: FormSheet, target: FormDef): MappedForm {
  if (sameForm(f, target)) return { form: f, from: null };
  const source = f.formDef;
  const sourcesOf = previousMap(f, target);
  if (sourcesOf && sameForm(f, source)) {
    return {
      form: {
        ...f,
        formDef: target,
        formId: target.formId,
        formVersion: target.version,
        items: mapItems(f, target, sourcesOf),
        carried: mapCarried(f, target, sourcesOf),
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
