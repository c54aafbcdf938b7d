import { statSync } from "fs";
import type { PickedFile } from "../app/files";
import { readFileBytes } from "../xlsx/files";

/** A file on disk as the use cases take it: its path, its bytes, its modification time. */
export function diskFile(file: string): PickedFile {
  let modified: number | null;
  try {
    modified = statSync(file).mtimeMs;
  } catch {
    modified = null;
  }
  return { name: file, bytes: () => readFileBytes(file), modified };
}
