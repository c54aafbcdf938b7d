/**
 * A file read in a worker, as it crosses back to the thread that merges: what the reader gave, with
 * each sheet's form definition replaced by its key (a definition is large and the same for most
 * files), and the definitions the other side may not know yet. Pure: the command's worker threads and
 * the pane's Web Worker use it on both sides.
 */
import { FormDef, formDefById, indexForm } from "../domain/catalog";
import type { FormDefJson } from "../domain/catalog/schema";
import type { FormSheet } from "../domain/layout/read";
import type { Submission } from "../domain/merge";
import type { SavedTime } from "../domain/resubmission";
import type { Msg } from "../domain/text";
import type { UnitFile } from "../xlsx/read/submission";

/** What one file gave: its fingerprint (files.ts) and what it is, or why its bytes could not be had. */
export type ReadOne = { fingerprint: string; unit: UnitFile } | { error: Msg };

type WireSheet = Omit<FormSheet, "formDef"> & { formDef: string };

type WireSub = {
  file: string;
  form?: WireSheet;
  error?: Msg;
  unit?: Submission["unit"];
  saved?: SavedTime | null;
};

export type WireUnit =
  | { kind: "report"; subs: WireSub[] }
  | Extract<UnitFile, { kind: "summary" } | { kind: "own-report" }>;

export type WireOne =
  { fingerprint: string; unit: WireUnit; defs: Record<string, FormDefJson> } | { error: Msg };

const keyOf = (f: FormDef) => `${f.formId}@${f.version}`;

/**
 * The worker's side: a read result with definitions by key. `sent` holds the keys this worker has
 * sent already (and the bundled ones, which the other side has), so each definition crosses once.
 */
export function toWire(one: ReadOne, sent: Set<string>): WireOne {
  if ("error" in one) return one;
  if (one.unit.kind !== "report") return { fingerprint: one.fingerprint, unit: one.unit, defs: {} };
  const defs: Record<string, FormDefJson> = {};
  const subs = one.unit.subs.map((s): WireSub => {
    if (!s.form) return s as WireSub;
    const def = s.form.formDef;
    const key = keyOf(def);
    if (!sent.has(key)) {
      sent.add(key);
      if (formDefById(def.formId, def.version) !== def) defs[key] = def.definition;
    }
    return { ...s, form: { ...s.form, formDef: key } };
  });
  return { fingerprint: one.fingerprint, unit: { kind: "report", subs }, defs };
}

/**
 * The merging side: the result with its definitions back. `known` holds the definitions received so
 * far (by key); bundled forms are this copy's own objects, so that a merge compares forms by identity
 * as it does for files read here.
 */
export function fromWire(wire: WireOne, known: Map<string, FormDef>): ReadOne {
  if ("error" in wire) return wire;
  for (const [key, json] of Object.entries(wire.defs))
    if (!known.has(key)) known.set(key, indexForm(json, key));
  if (wire.unit.kind !== "report") return { fingerprint: wire.fingerprint, unit: wire.unit };
  const subs = wire.unit.subs.map((s): Submission => {
    if (!s.form) return s as Submission;
    const key = s.form.formDef;
    const at = key.lastIndexOf("@");
    const def = known.get(key) ?? formDefById(key.slice(0, at), key.slice(at + 1));
    if (!def) throw new Error(`form definition ${key} did not cross with the file ${s.file}`);
    return { file: s.file, saved: s.saved, form: { ...s.form, formDef: def } };
  });
  return { fingerprint: wire.fingerprint, unit: { kind: "report", subs } };
}
