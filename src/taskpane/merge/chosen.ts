/** The files chosen for a merge: each pick or drop adds to the list; the same file twice is kept once. */

/** What the merge reads: Excel workbooks and the spreadsheet formats the reader names when it refuses them. */
const SPREADSHEET = /\.(xlsx|xls|xlsm|xlsb|ods|numbers)$/i;

export const isSpreadsheet = (f: File) => SPREADSHEET.test(f.name) || f.type.includes("sheet");

/** The same file as far as the pane can tell: name and size (a browser gives no path). */
export const fileKey = (f: File) => `${f.name}\u0000${f.size}`;

export interface Added {
  files: File[];
  /** Files not added because they are not spreadsheets (a PDF dropped with the workbooks). */
  notSpreadsheets: string[];
  /** Files already in the list. */
  already: string[];
}

/** The list after a pick or drop: the new spreadsheets appended in the order given, duplicates left out. */
export function addFiles(current: readonly File[], picked: Iterable<File> | null): Added {
  const files = [...current];
  const seen = new Set(current.map(fileKey));
  const notSpreadsheets: string[] = [];
  const already: string[] = [];
  for (const f of picked ?? []) {
    if (!isSpreadsheet(f)) notSpreadsheets.push(f.name);
    else if (seen.has(fileKey(f))) already.push(f.name);
    else {
      seen.add(fileKey(f));
      files.push(f);
    }
  }
  return { files, notSpreadsheets, already };
}
