/**
 * Spreadsheet files from other projects' test suites (test/fixtures/real-world, SOURCES.md there):
 * each is read correctly or refused with its own message. Every file in the folder must be listed
 * here: a new file fails the test until its outcome is written down.
 */
import { promises as fs } from "fs";
import path from "path";
import { nodeInflate, openXlsx, readSubmission } from "../../src/xlsx";
import { fixtureDir } from "../fixtures";

const DIR = fixtureDir("real-world");

type Cells = Record<string, string | number | boolean | null>;

interface Expected {
  /** The refusal (English part) for files that are not a readable workbook. */
  refused?: RegExp;
  /** Sheets and their states, in workbook order, for workbooks that read. */
  sheets?: [string, string][];
  /** Cells of the first sheet (A1 → value). */
  cells?: Cells;
  pictures?: { row: number; col: number }[];
  merges?: string[];
}

const NO_FORM = /has no ITA report sheet \(sheets found: /;

const EXPECTED: Record<string, Expected> = {
  "calamine__any_sheets.ods": { refused: /is an OpenDocument spreadsheet \(\.ods\)/ },
  "calamine__issue_594_dos.ods": { refused: /is an OpenDocument spreadsheet \(\.ods\)/ },
  "calamine__any_sheets.xlsb": { refused: /is an Excel binary workbook \(\.xlsb\)/ },
  "calamine__has_x000D_.xlsx": { sheets: [["Sheet1", "visible"]], cells: { A1: "ABC\r\nDEF" } },
  "calamine__inlineStr_cdata.xlsx": {
    cells: { A1: "Hello CDATA", B1: "World", A2: "12345", B2: "NormalText" },
  },
  // Zip entry names written with backslashes.
  "calamine__issue_530.xlsx": {
    sheets: [["出勤分类组织汇总表", "visible"]],
    cells: { A1: "报表导出人：", B1: "于国栋" },
  },
  // Parts at the package root, cells without references.
  "calamine__minimal_package.xlsx": {
    cells: { A1: "ARREST BOOKINGS for 01/30/17", A3: "BKG_NUM", B3: "BKG_DT" },
    merges: ["A1:AJ1", "A2:AJ2"],
  },
  "calamine__nonstandard-xml-ns-prefix.xlsx": { cells: { A1: "a", B1: "b", A2: 1, B2: 3, B3: 4 } },
  "calamine__pictures_in_cell_and_over_cell.xlsx": {
    // Two pictures in cells (A1, A3: not #VALUE! errors) and one over E9.
    cells: { A1: null, A3: null },
    pictures: [
      { row: 1, col: 1 },
      { row: 3, col: 1 },
      { row: 9, col: 5 },
    ],
  },
  "calamine__richtext-namespaced.xlsx": {
    sheets: [
      ["Sheet1", "visible"],
      ["Sheet2", "visible"],
      ["Sheet3", "visible"],
    ],
    cells: { A1: "inline string\nLine 2\nLine 3", H1: "shared string\nLine 2\nLine 3", B1: null },
    merges: ["A1:G3", "H1:M3"],
  },
  "calamine__strict_iso_paths.xlsx": {
    sheets: [["ml_out", "visible"]],
    cells: { A1: "Item", B1: "Thickness", A2: "150-031260-001_B", B2: 1.5, G2: 78.46 },
  },
  "calamine__vba.xlsm": {
    sheets: [
      ["Sheet1", "visible"],
      ["Sheet2", "visible"],
      ["Sheet3", "visible"],
    ],
  },
  "excelize__encryptAES.xlsx": { refused: /is password-protected \(encrypted\)/ },
  "exceljs__hidden-test_google-sheets.xlsx": {
    cells: { A1: "BEGIN", B1: "HIDDEN", C1: "VISIBLE", A2: "HIDDEN", A3: "VISIBLE" },
    pictures: [],
  },
  "exceljs__hidden-test_libre-calc-as-excel-2007-365.xlsx": {
    cells: { A1: "BEGIN", B1: "HIDDEN", C1: "VISIBLE", A2: "HIDDEN", A3: "VISIBLE" },
  },
  // Text before the root element of the sheet: not well-formed XML.
  "exceljs__invalid-xml.xlsx": {
    refused:
      /is corrupt or not a valid \.xlsx file \(xl\/worksheets\/sheet1\.xml:\d+:\d+: text data outside of root node/,
  },
  "exceljs__missing-bits.xlsx": { refused: /is incomplete: it has no _rels\/\.rels part/ },
  "sheetjs__comments_stress_test.xlsx": {
    sheets: [
      ["Sheet2", "visible"],
      ["Sheet1", "visible"],
      ["Sheet3", "visible"],
      ["Sheet4", "visible"],
      ["Sheet7", "visible"],
    ],
    cells: { A1: 1, C1: "foo", D4: "w" },
  },
  "sheetjs__sheet_visibility_strict.xlsx": {
    sheets: [
      ["Visible", "visible"],
      ["Hidden", "hidden"],
      ["VeryHidden", "veryHidden"],
    ],
    cells: { A1: "v", G1: "e", A2: 118 },
  },
  // A FIELDVALUE error stored as a rich value (_error): an error, not a picture.
  "sheetjs__wps_fn.xlsx": { cells: { A1: "Name", C2: 2, C3: "#VALUE!" }, pictures: [] },
  // The workbook in a folder named wtf/, found through _rels/.rels.
  "sheetjs__wtf_path.xlsx": {
    sheets: [
      ["SheetJS", "visible"],
      ["Hidden", "hidden"],
    ],
    cells: { A1: 1, B1: 2, A2: true, B2: false, D2: "sheetjs", D4: 3.14159 },
  },
};

const parseA1 = (a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
};

const colName = (n: number): string =>
  n ? colName(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)) : "";

describe("spreadsheet files from other projects' test suites", () => {
  let files: string[];
  beforeAll(async () => {
    files = (await fs.readdir(DIR)).filter((n) => n !== "SOURCES.md").sort();
  });

  it("has an expected outcome for every file in the folder", () => {
    expect(files.length).toBeGreaterThanOrEqual(21);
    expect(files.filter((f) => !EXPECTED[f])).toEqual([]);
  });

  it.each(Object.entries(EXPECTED))("%s", async (name, want) => {
    const bytes = new Uint8Array(await fs.readFile(path.join(DIR, name)));
    const [sub, ...more] = readSubmission(name, bytes, { inflate: nodeInflate });
    expect(more).toEqual([]);
    // None of them is a report form: each is refused, with its own reason, naming the file.
    expect(sub.form).toBeUndefined();
    expect(sub.error!.en.startsWith(name)).toBe(true);
    expect(sub.error!.th).toContain(name);
    expect(sub.error!.th).toMatch(/[ก-๙]/);
    if (want.refused) {
      expect(sub.error!.en).toMatch(want.refused);
      return;
    }
    expect(sub.error!.en).toMatch(NO_FORM);

    const book = openXlsx(name, bytes, nodeInflate);
    if (want.sheets) expect(book.sheets.map((s) => [s.name, s.state])).toEqual(want.sheets);
    // Every sheet reads.
    for (const s of book.sheets) book.grid(s);
    const grid = book.grid(book.sheets[0]);
    for (const [a1, value] of Object.entries(want.cells ?? {})) {
      const { row, col } = parseA1(a1);
      expect([a1, grid.raw(row, col)]).toEqual([a1, value]);
    }
    if (want.pictures) expect(grid.pictures).toEqual(want.pictures);
    if (want.merges)
      expect(grid.merges.map((m) => `${colName(m.c1)}${m.r1}:${colName(m.c2)}${m.r2}`)).toEqual(
        want.merges
      );
  });
});
