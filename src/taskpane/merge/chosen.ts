/**
 * The files chosen for a merge: each pick or drop adds to the list; the same file twice is kept once.
 * Every file is taken (a Word report or a PDF dropped with the workbooks is named by the merge with
 * its reason, as `ita merge` names it), but for Office's lock files and hidden files.
 */
import { ignoredName } from "../../app/files";

/** The same file as far as the pane can tell: name and size (a browser gives no path). */
export const fileKey = (f: File) => `${f.name}\u0000${f.size}`;

export interface Added {
  files: File[];
  /** Files not added: Office's lock files (`~$…`) and hidden files (`.…`). */
  ignored: string[];
  /** Files already in the list. */
  already: string[];
}

/** The list after a pick or drop: the new spreadsheets appended in the order given, duplicates left out. */
export function addFiles(current: readonly File[], picked: Iterable<File> | null): Added {
  const files = [...current];
  const seen = new Set(current.map(fileKey));
  const ignored: string[] = [];
  const already: string[] = [];
  for (const f of picked ?? []) {
    if (ignoredName(f.name)) ignored.push(f.name);
    else if (seen.has(fileKey(f))) already.push(f.name);
    else {
      seen.add(fileKey(f));
      files.push(f);
    }
  }
  return { files, ignored, already };
}
