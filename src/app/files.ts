import { ReasonError } from "../domain/errors";
import { Msg, msg } from "../domain/text";

/**
 * Files as the use cases take them, whatever gathered them: the command (paths on disk) or the task
 * pane (files the user picked or dropped). The shells only say how to get a file's bytes.
 */

export interface PickedFile {
  /** The name messages use: a path in the command, the file's name in the pane. */
  name: string;
  bytes(): Promise<Uint8Array>;
  /** When the file system (or the browser) says the file was last changed, ms since 1970; null unknown. */
  modified: number | null;
}

/**
 * A failure of where the files come from rather than of one file (signed out of Microsoft 365, no
 * connection, throttled past the retries): reading stops with it, and no file is refused for it.
 */
export class SourceError extends ReasonError {
  constructor(
    reason: Msg,
    /** What failed, where the source says (`signin`, `offline`, `throttled` for Microsoft 365). */
    readonly kind: string | null = null
  ) {
    super(reason);
    this.name = "SourceError";
  }
}

/** Called before each file is read: how far the reading is. */
export type ReadProgress = (done: number, of: number, file: string) => void;

/** Set `aborted` to stop a use case between two files; it then throws `Cancelled`. */
export interface CancelSignal {
  aborted: boolean;
}

/** The user stopped the work: not an error, nothing was written. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

/** Why a name in a folder is not a file to read: Office's lock files (`~$…`) and hidden files (`.…`). */
/**
 * Why a folder inside a unit's folder is not read (a folder of files on disk, or of the library, is
 * read with its units' folders, one level down: the library's layout, synced or downloaded).
 */
export const DEEPER_FOLDER: Msg = msg(
  "โฟลเดอร์ย่อยในโฟลเดอร์ของหน่วยงานไม่ถูกอ่าน ให้วางไฟล์รายงานไว้ในโฟลเดอร์ของหน่วยงานโดยตรง",
  "a folder inside a unit's folder is not read; put the report directly in the unit's folder"
);

export function ignoredName(name: string): "lock" | "hidden" | null {
  const base = name.split(/[\\/]/).pop() ?? name;
  if (base.startsWith("~$")) return "lock";
  if (base.startsWith(".")) return "hidden";
  return null;
}

/**
 * A fingerprint of a file's content: its length and an FNV-1a hash (64 bits, as two 32-bit lanes) of
 * its last 16 KB. A workbook is a zip whose directory, at the end, holds every part's CRC-32 and sizes,
 * so two workbooks with the same fingerprint are the same file in practice; other files are compared
 * by length and their end, which tells different files apart as well for what a merge receives.
 */
export function fingerprint(bytes: Uint8Array): string {
  const from = Math.max(0, bytes.length - 16384);
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = from; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[i] ^ (a >>> 24), 0x01000193);
  }
  return `${bytes.length}:${(a >>> 0).toString(16)}${(b >>> 0).toString(16)}`;
}
