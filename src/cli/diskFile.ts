import { statSync } from "fs";
import type { PickedFile } from "../app/files";
import { readFileBytes } from "../xlsx/files";

/** A file on disk: a worker thread reads it by its path. */
export type DiskFile = PickedFile & { path: string };

export const isDiskFile = (f: PickedFile): f is DiskFile =>
  typeof (f as DiskFile).path === "string";

/** A file on disk as the use cases take it: its path, its bytes, its modification time. */
export function diskFile(file: string): DiskFile {
  let modified: number | null;
  try {
    modified = statSync(file).mtimeMs;
  } catch {
    modified = null;
  }
  return { name: file, path: file, bytes: () => readFileBytes(file), modified };
}
