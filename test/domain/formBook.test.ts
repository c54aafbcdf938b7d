import { readFileSync } from "fs";
import path from "path";
import {
  arrayGrid,
  BookProblem,
  BookSheetModel,
  bookSheetName,
  CellGrid,
  formBookModel,
  formFileText,
  formFromBook,
  GridCell,
  ITEM_COLUMNS,
  loadFormDef,
  PROPERTY_ROWS,
} from "../../src/domain";
import type { FormDefJson } from "../../src/domain/catalog/schema";
import { FY2567, mappedFormDef } from "../forms";

const BUNDLED = path.join(__dirname, "../../src/domain/catalog/forms/bkk-district-2567.json");

function sheetsOf(form: FormDefJson): BookSheetModel[] {
  const m = formBookModel(form);
  if (!m.sheets) throw new Error(JSON.stringify(m.problems));
  return m.sheets;
}

/** The book as a reader hands it over: header row, then the rows. */
function grids(sheets: BookSheetModel[]): GridCell[][][] {
  return sheets.map((s) => [s.columns.map((c) => c.header), ...s.rows.map((r) => [...r])]);
}

function toGrids(sheets: BookSheetModel[], values: GridCell[][][]): CellGrid[] {
  return sheets.map((s, i) => arrayGrid(s.name, values[i]));
}

const items = bookSheetName("items");
const props = bookSheetName("properties");
const col = (key: string) => ITEM_COLUMNS.findIndex((c) => c.key === key);
const letter = (key: string) => String.fromCharCode(65 + col(key));

/** Import after an edit of the cells; the problems (none expected to be empty when edited badly). */
function importEdited(edit: (book: GridCell[][][], sheets: BookSheetModel[]) => void) {
  const sheets = sheetsOf(FY2567.definition);
  const values = grids(sheets);
  edit(values, sheets);
  return formFromBook(toGrids(sheets, values));
}

const sheetIndex = (sheets: BookSheetModel[], key: BookSheetModel["key"]) =>
  sheets.findIndex((s) => s.key === key);
const itemRow = (book: GridCell[][][], sheets: BookSheetModel[], code: string) => {
  const rows = book[sheetIndex(sheets, "items")];
  return rows.findIndex((r) => r[col("code")] === code);
};
/** The row of an item on the items sheet of the FY2567 book (1-based, under the header). */
const itemRowOf = (code: string) => FY2567.items.findIndex((i) => i.code === code) + 2;
const where = (ps: BookProblem[]) => ps.map((p) => `${p.sheet}!${p.cell}`);

describe("the form book: one description, written and imported", () => {
  it("round-trips the FY2567 form exactly, and its file text is the bundled file's", () => {
    const r = formFromBook(
      toGrids(sheetsOf(FY2567.definition), grids(sheetsOf(FY2567.definition)))
    );
    expect(r.problems).toEqual([]);
    expect(r.form).toEqual(FY2567.definition);
    expect(formFileText(r.form!)).toBe(readFileSync(BUNDLED, "utf8"));
  });

  it("lays the book out for people: Thai and English headers, one row per item and property", () => {
    const sheets = sheetsOf(FY2567.definition);
    const itemSheet = sheets[sheetIndex(sheets, "items")];
    expect(itemSheet.rows).toHaveLength(FY2567.items.length);
    expect(itemSheet.columns[col("text")].header).toBe("ข้อคำถาม\nQuestion");
    expect(itemSheet.freeze.rows).toBe(1);
    const i1 = itemSheet.rows[0];
    expect(i1[col("measures")]).toBe(FY2567.byCode.get("I1")!.standardMeasures.join("\n"));
    expect(itemSheet.rows[1][col("group")]).toBe("I1");
    expect(sheets[sheetIndex(sheets, "properties")].rows).toHaveLength(PROPERTY_ROWS.length);
    // Every row is as tall as its longest wrapped text needs.
    expect(itemSheet.heights[1]).toBeGreaterThan(itemSheet.heights[2] / 10);
    expect(Math.max(...itemSheet.heights)).toBeGreaterThan(100);
  });

  it("takes the edits a central officer makes: a question reworded, an item added, version and year", () => {
    const r = importEdited((book, sheets) => {
      const rows = book[sheetIndex(sheets, "items")];
      rows[itemRow(book, sheets, "I1")][col("text")] = "  คำถามข้อ I1 ที่ปรับถ้อยคำ  ";
      const e15 = itemRow(book, sheets, "E15");
      const added = [...rows[e15]];
      added[col("code")] = "e 16"; // typed loosely: normalised
      added[col("text")] = "คำถามใหม่";
      added[col("indicatorTh")] = null; // the indicator's name from its first row
      added[col("indicatorEn")] = null;
      added[col("measures")] = "มาตรการใหม่ 1\r\n\r\nมาตรการใหม่ 2";
      added[col("group")] = null;
      rows.splice(e15 + 1, 0, added);
      const p = book[sheetIndex(sheets, "properties")];
      p.find((row) => row[2] === "version")![1] = 2569.1; // typed as a number
      p.find((row) => row[2] === "fiscalYear")![1] = "๒๕๖๙"; // Thai digits
      p.find((row) => row[2] === "rounds")![1] = "12";
    });
    expect(r.problems).toEqual([]);
    const f = loadFormDef(r.form, "edited");
    expect(f).toMatchObject({ version: "2569.1", fiscalYear: 2569, rounds: [12] });
    expect(f.items).toHaveLength(43);
    expect(f.byCode.get("I1")!.text).toBe("คำถามข้อ I1 ที่ปรับถ้อยคำ");
    expect(f.byCode.get("E16")).toMatchObject({
      indicator: 8,
      standardMeasures: ["มาตรการใหม่ 1", "มาตรการใหม่ 2"],
      order: 40,
    });
  });

  it("names the sheet and cell of each problem, in Thai and English, and returns no form", () => {
    const r = importEdited((book, sheets) => {
      const rows = book[sheetIndex(sheets, "items")];
      rows[itemRow(book, sheets, "I5")][col("code")] = "I3"; // duplicate
      rows[itemRow(book, sheets, "I8")][col("text")] = null; // empty question
      rows[itemRow(book, sheets, "I9")][col("issue")] = " "; // empty issue
      rows[itemRow(book, sheets, "E2")][col("group")] = "E99"; // group of no item
      rows[itemRow(book, sheets, "E7")][col("tool")] = "XIT";
      rows[itemRow(book, sheets, "E8")][col("indicator")] = "seven";
      rows[itemRow(book, sheets, "I20")][col("indicatorTh")] = "อื่น"; // differs from its first row
      const p = book[sheetIndex(sheets, "properties")];
      p.find((row) => row[2] === "passMark")![1] = "สูง";
      p.find((row) => row[2] === "title.en")!.push("x");
      p.push(["", "", "tittle.th"]);
    });
    expect(r.form).toBeNull();
    const at = (cell: string) => r.problems.find((p) => p.cell === cell);
    const rowOf = (code: string) => {
      const sheets = sheetsOf(FY2567.definition);
      return itemRow(grids(sheets), sheets, code) + 1;
    };
    expect(at(`${letter("code")}${rowOf("I5")}`)!.problem).toEqual({
      th: expect.stringContaining(`รหัสข้อ I3 ซ้ำกับเซลล์ ${letter("code")}${rowOf("I3")}`),
      en: expect.stringContaining(`item I3 repeats ${letter("code")}${rowOf("I3")}`),
    });
    expect(at(`${letter("text")}${rowOf("I8")}`)!.problem.en).toMatch(
      /I8: the question must not be empty/
    );
    expect(at(`${letter("text")}${rowOf("I8")}`)!.problem.th).toMatch(/ข้อคำถามต้องไม่ว่าง/);
    expect(at(`${letter("issue")}${rowOf("I9")}`)!.problem.en).toMatch(/issue must not be empty/);
    expect(at(`${letter("group")}${rowOf("E2")}`)!.problem.en).toMatch(
      /measure group E99 is not an item of the form/
    );
    expect(at(`${letter("tool")}${rowOf("E7")}`)!.problem.th).toMatch(/IIT, EIT หรือ OIT/);
    expect(at(`${letter("indicator")}${rowOf("E8")}`)).toBeDefined();
    expect(at(`${letter("indicatorTh")}${rowOf("I20")}`)!.problem.en).toMatch(
      /name of indicator 4 differs from its first row/
    );
    const pRow = (key: string) => PROPERTY_ROWS.findIndex((p) => p.key === key) + 2;
    expect(r.problems).toContainEqual({
      sheet: props,
      cell: `B${pRow("passMark")}`,
      problem: { th: "ต้องเป็นตัวเลข", en: "must be a number" },
    });
    expect(where(r.problems)).toContain(`${props}!C${PROPERTY_ROWS.length + 2}`); // unknown key
    expect(r.problems.every((p) => p.sheet && p.cell && p.problem.th && p.problem.en)).toBe(true);
    expect(
      r.problems.filter((p) => p.sheet === items).every((p) => /^[A-Z]+\d+$/.test(p.cell))
    ).toBe(true);
  });

  it("maps the schema's and the cross-item rules' findings to cells: weights, version, a group not preceding", () => {
    const r = importEdited((book, sheets) => {
      const p = book[sheetIndex(sheets, "properties")];
      p.find((row) => row[2] === "tools.OIT.weight")![1] = 50;
      p.find((row) => row[2] === "version")![1] = "v2";
    });
    expect(r.form).toBeNull();
    const pRow = (key: string) => PROPERTY_ROWS.findIndex((p) => p.key === key) + 2;
    // Both at once, in the order of the sheet: the version's format (with the hint), the weights.
    expect(r.problems).toEqual([
      {
        sheet: props,
        cell: `B${pRow("version")}`,
        problem: {
          th: "รูปแบบไม่ถูกต้อง (ปี.ลำดับ เช่น 2568.1)",
          en: "wrong format (year.number, e.g. 2568.1)",
        },
      },
      {
        sheet: props,
        cell: `B${pRow("tools.IIT.weight")}, B${pRow("tools.EIT.weight")}, B${pRow("tools.OIT.weight")}`,
        problem: {
          th: "น้ำหนักของแบบวัดรวมได้ 110 ไม่ใช่ 100",
          en: "tool weights add up to 110, not 100",
        },
      },
    ]);
    const w = importEdited((book, sheets) => {
      book[sheetIndex(sheets, "properties")].find((row) => row[2] === "tools.OIT.weight")![1] = 50;
    });
    expect(w.problems).toHaveLength(1);
    expect(w.problems[0].cell).toBe(
      ["IIT", "EIT", "OIT"].map((t) => `B${pRow(`tools.${t}.weight`)}`).join(", ")
    );
    expect(w.problems[0].problem.en).toBe("tool weights add up to 110, not 100");
    // E12 takes the measures of E11; moved to after E13 (which has its own), E11 no longer precedes it.
    const g = importEdited((book, sheets) => {
      const rows = book[sheetIndex(sheets, "items")];
      const e12 = itemRow(book, sheets, "E12");
      const [row] = rows.splice(e12, 1);
      rows.splice(e12 + 1, 0, row);
    });
    expect(g.problems).toHaveLength(1);
    expect(g.problems[0].problem.en).toMatch(/measuresFrom E11 is not the preceding measure group/);
    expect(g.problems[0].cell).toMatch(new RegExp(`^${letter("group")}\\d+$`));
  });

  it("refuses a book without its sheets or columns, naming what is missing", () => {
    const sheets = sheetsOf(FY2567.definition);
    const values = grids(sheets);
    const none = formFromBook([arrayGrid("Sheet1", [["x"]])]);
    expect(none.form).toBeNull();
    expect(none.problems.map((p) => p.problem.en)).toEqual([
      expect.stringContaining(`no sheet "${props}" (sheets found: Sheet1)`),
      expect.stringContaining(`no sheet "${items}"`),
    ]);
    values[sheetIndex(sheets, "items")][0][col("issue")] = "Notes";
    const noCol = formFromBook(toGrids(sheets, values));
    expect(noCol.problems).toEqual([
      {
        sheet: items,
        cell: "A1",
        problem: {
          th: 'ไม่พบหัวคอลัมน์ "ประเด็นที่ต้องปรับปรุง"',
          en: 'no column headed "Issue to improve"',
        },
      },
    ]);
  });

  it("reads cells merged for looks: an indicator's cells, a measure group's measures and group", () => {
    const sheets = sheetsOf(FY2567.definition);
    const values = grids(sheets);
    const k = sheetIndex(sheets, "items");
    const rows = values[k];
    const first = itemRow(values, sheets, "I1"); // 0-based in values, 1-based row = +1
    const last = itemRow(values, sheets, "I7");
    const i4 = itemRow(values, sheets, "I4");
    const merges: { r1: number; c1: number; r2: number; c2: number }[] = [];
    for (const key of ["tool", "indicator", "indicatorTh", "indicatorEn"]) {
      for (let r = first + 1; r <= last; r++) rows[r][col(key)] = null;
      merges.push({ r1: first + 1, r2: last + 1, c1: col(key) + 1, c2: col(key) + 1 });
    }
    for (const key of ["group", "measures"]) {
      for (let r = first + 1; r <= i4; r++) rows[r][col(key)] = null;
      merges.push({ r1: first + 1, r2: i4 + 1, c1: col(key) + 1, c2: col(key) + 1 });
    }
    const book = sheets.map((s, i) => arrayGrid(s.name, values[i], i === k ? merges : []));
    const r = formFromBook(book);
    expect(r.problems).toEqual([]);
    expect(r.form).toEqual(FY2567.definition);
    // Without the merges the same cells are empty: the rows are refused, not read as other items.
    const plain = formFromBook(sheets.map((s, i) => arrayGrid(s.name, values[i])));
    expect(plain.form).toBeNull();
    expect(plain.problems[0].problem.en).toBe("the tool must be IIT, EIT or OIT");
  });

  it("carries a form's map of the previous form's items: a column of items, two property rows", () => {
    const mapped = mappedFormDef({ E16: ["E15"], I26: ["I5"], I24: ["I23", "I24"], I25: [] });
    const sheets = sheetsOf(mapped);
    const values = grids(sheets);
    const rows = values[sheetIndex(sheets, "items")];
    const cellOf = (code: string) => rows.find((r) => r[col("code")] === code)![col("previous")];
    expect([cellOf("E16"), cellOf("I26"), cellOf("I24"), cellOf("I25"), cellOf("I5")]).toEqual([
      "E15",
      "I5",
      "I23, I24",
      "-",
      null,
    ]);
    const p = values[sheetIndex(sheets, "properties")];
    expect(p.find((r) => r[2] === "previous.formId")![1]).toBe("bkk-district-ita");
    expect(p.find((r) => r[2] === "previous.version")![1]).toBe("2567.1");
    const r = formFromBook(toGrids(sheets, values));
    expect(r.problems).toEqual([]);
    expect(r.form).toEqual(mapped);
    expect(Object.keys(r.form!).slice(-1)).toEqual(["previous"]);
    expect(loadFormDef(r.form).definition.previous!.items.I24).toEqual(["I23", "I24"]);
    // Without a map the rows and column stay empty and the form has no `previous` at all.
    const plain = sheetsOf(FY2567.definition);
    expect(plain[sheetIndex(plain, "items")].rows.every((x) => x[col("previous")] === null)).toBe(
      true
    );
  });

  it("imports a book written before the previous-form column, and places a map's problems in cells", () => {
    const sheets = sheetsOf(FY2567.definition);
    const values = grids(sheets);
    const k = sheetIndex(sheets, "items");
    values[k] = values[k].map((r) => r.filter((_, c) => c !== col("previous")));
    const old = formFromBook(toGrids(sheets, values));
    expect(old.problems).toEqual([]);
    expect(old.form).toEqual(FY2567.definition);

    const r = importEdited((book, sh) => {
      const rows = book[sheetIndex(sh, "items")];
      rows[itemRow(book, sh, "E15")][col("previous")] = "E14, X1";
    });
    expect(where(r.problems)).toEqual([`${items}!${letter("previous")}${itemRowOf("E15")}`]);
    expect(r.problems[0].problem.en).toMatch(/"X1" is not an item code/);
    // Codes given but no previous form named: the schema's finding lands on its property row.
    const s = importEdited((book, sh) => {
      book[sheetIndex(sh, "items")][itemRow(book, sh, "E15")][col("previous")] = "E14";
    });
    expect(s.form).toBeNull();
    const propRow = PROPERTY_ROWS.findIndex((x) => x.key === "previous.formId") + 2;
    expect(where(s.problems)).toContain(`${props}!B${propRow}`);
  });

  it("will not write a form the book cannot hold", () => {
    const f = JSON.parse(JSON.stringify(FY2567.definition)) as FormDefJson;
    f.tools[0].indicators[0].items[0].standardMeasures![0] = "ข้อหนึ่ง\nต่อบรรทัด";
    f.tools[2].indicators[0].items[0].range = { from: 1, to: 21 };
    const m = formBookModel(f);
    expect(m.sheets).toBeNull();
    expect(m.problems.map((p) => p.problem.en)).toEqual([
      expect.stringMatching(/I1: a measure holds a line break/),
      expect.stringMatching(/O1-O22: its range does not match its code/),
    ]);
  });
});
