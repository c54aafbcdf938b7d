/**
 * Reading one file for a merge, wherever it runs: in the thread that merges, or in a worker (the
 * command's worker threads, the pane's Web Worker) that then sends the result back (readWire.ts).
 * Small on purpose: a worker loads this and the reader, not the merge or the summary.
 */
import type { FormDef } from "../domain/catalog";
import { ReasonError } from "../domain/errors";
import type { Submission } from "../domain/merge";
import { baseName, msg } from "../domain/text";
import { readUnitFile, UnitFile } from "../xlsx/read/submission";
import type { Inflater } from "../xlsx/read/zip";
import { Cancelled, fingerprint, PickedFile, SourceError } from "./files";
import type { ReadOne } from "./readWire";

/**
 * Where files are read: this thread by default, or a pool of workers that read several at once. A
 * pool answers each file with its ReadOne, in any order; `cancel` stops what is under way.
 */
export interface ReadPool {
  read(file: PickedFile, index: number): Promise<ReadOne>;
  cancel(): void;
}

/**
 * Reads of files that are not on this machine (downloaded from the library), one after another: a
 * pool is handed every file at once, and a burst of downloads is what Microsoft 365 answers by
 * throttling (https://learn.microsoft.com/graph/throttling). Each pool keeps its own turn.
 */
export function inTurn(): ((read: () => Promise<ReadOne>) => Promise<ReadOne>) & {
  /** The reads not yet started are not started (each rejects with Cancelled). */
  cancel(): void;
} {
  let last: Promise<unknown> = Promise.resolve();
  let cancelled = false;
  const turn = (read: () => Promise<ReadOne>) => {
    const one = last.then(() => {
      if (cancelled) throw new Cancelled();
      return read();
    });
    last = one.catch(() => undefined);
    return one;
  };
  return Object.assign(turn, {
    cancel: () => {
      cancelled = true;
    },
  });
}

/** A file the reader could not take for a reason it did not foresee: refused, in words a user reads. */
function unreadable(file: string, e: unknown): Submission {
  const name = baseName(file);
  const detail = e instanceof Error ? e.message.slice(0, 160) : String(e);
  return {
    file,
    error: msg(
      `ไฟล์ ${name} อ่านไม่ได้: ไฟล์อาจถูกย้ายหรือเสียหาย ลองเปิดใน Excel แล้วบันทึกใหม่ หรือขอไฟล์ใหม่จากหน่วยงาน`,
      `${name} could not be read (${detail}); open it in Excel and save it again, or ask the unit for a new copy`
    ),
  };
}

/** Read one file here: its bytes, its fingerprint and what it is. */
export async function readOne(
  f: PickedFile,
  opts: { inflate: Inflater; form?: FormDef }
): Promise<ReadOne> {
  let bytes: Uint8Array;
  try {
    bytes = await f.bytes();
  } catch (e) {
    // The source failed (signed out, offline): not this file's fault, the reading stops.
    if (e instanceof SourceError) throw e;
    return { error: e instanceof ReasonError ? e.reason : unreadable(f.name, e).error! };
  }
  let unit: UnitFile;
  try {
    unit = forMerge(readUnitFile(f.name, bytes, { inflate: opts.inflate, formDef: opts.form }));
  } catch (e) {
    unit = { kind: "report", subs: [unreadable(f.name, e)] };
  }
  return { fingerprint: fingerprint(bytes), unit };
}

/**
 * What a merge keeps of a file: each sheet copied without its print measurement (a merge never
 * measures print), which held the sheet's cell grid and through it the file's bytes and parts — a
 * merge read in this thread (few files, one core) kept every file whole until it was written.
 */
function forMerge(unit: UnitFile): UnitFile {
  if (unit.kind !== "report") return unit;
  return { ...unit, subs: unit.subs.map((s) => (s.form ? { ...s, form: { ...s.form } } : s)) };
}
