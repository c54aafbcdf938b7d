import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import { bookSheetName, formFileText, ITEM_COLUMNS, META_SHEET } from "../../src/domain";
import { nodeInflate } from "../../src/xlsx/nodeInflate";
import { openXlsx } from "../../src/xlsx/read/xlsxRead";
import { FY2567, mappedFormDef } from "../forms";
import { oneScoreList, runCli, tmpDir } from "../helpers";

const BUNDLED = path.join(__dirname, "../../src/domain/catalog/forms/bkk-district-2567.json");
const col = (key: string) => ITEM_COLUMNS.findIndex((c) => c.key === key) + 1;

/** The row of an item on the items sheet. */
function rowOf(ws: ExcelJS.Worksheet, code: string): number {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, col("code")).value === code) return r;
  throw new Error(`no ${code}`);
}

/** A property's value cell. */
function propCell(ws: ExcelJS.Worksheet, key: string): ExcelJS.Cell {
  for (let r = 2; r <= ws.rowCount; r++)
    if (ws.getCell(r, 3).value === key) return ws.getCell(r, 2);
  throw new Error(`no ${key}`);
}

/** Change one value of the hidden metadata sheet, as a damaged or hand-edited copy would have it. */
async function editMeta(file: string, key: string, value: string | null, out: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const meta = wb.getWorksheet(META_SHEET)!;
  let found = false;
  meta.eachRow((row) => {
    if (row.getCell(2).value === key) {
      row.getCell(3).value = value;
      found = true;
    }
  });
  expect(found).toBe(true);
  await wb.xlsx.writeFile(out);
}

describe("ita form export / import", () => {
  let dir: string;
  let exported: string;
  beforeAll(async () => {
    dir = await tmpDir();
    exported = path.join(dir, "form-2567.xlsx");
    const r = await runCli("form", "export", "--form", "bkk-district-ita@2567.1", "-o", exported);
    expect(r.code).toBe(0);
    expect(r.out).toContain("bkk-district-ita 2567.1, 42 items");
  });

  it("exports a readable workbook: its sheets, Thai fonts, wrapped text, a frozen header", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      bookSheetName("guide"),
      bookSheetName("properties"),
      bookSheetName("items"),
      bookSheetName("corrections"),
    ]);
    const items = wb.getWorksheet(bookSheetName("items"))!;
    expect(items.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const i1 = rowOf(items, "I1");
    expect(items.getCell(i1, col("text")).value).toBe(FY2567.byCode.get("I1")!.text);
    expect(items.getCell(i1, col("text")).style).toMatchObject({
      font: { name: "TH Sarabun New", size: 16 },
      alignment: { wrapText: true, vertical: "top" },
      numFmt: "@",
    });
    expect(items.getColumn(col("text")).width).toBeGreaterThan(30);
    const version = propCell(wb.getWorksheet(bookSheetName("properties"))!, "version");
    expect(version.value).toBe("2567.1"); // text, never the number 2567.1
  });

  it("round trip: export FY2567 → import gives the bundled form file, byte for byte", async () => {
    const out = path.join(dir, "back.json");
    const r = await runCli("form", "import", exported, "-o", out);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const back = await fs.readFile(out, "utf8");
    expect(JSON.parse(back)).toEqual(FY2567.definition);
    expect(back).toBe(await fs.readFile(BUNDLED, "utf8"));
  });

  it("round trip of a form that maps the previous form's items: the map comes back whole", async () => {
    const mapped = mappedFormDef({ E16: ["E15"], I26: ["I5"], I24: ["I23", "I24"] });
    const src = path.join(dir, "mapped-2569.json");
    await fs.writeFile(src, formFileText(mapped));
    const book = path.join(dir, "mapped-2569.xlsx");
    expect((await runCli("form", "export", "--form", src, "-o", book)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const items = wb.getWorksheet(bookSheetName("items"))!;
    expect(items.getCell(rowOf(items, "I24"), col("previous")).value).toBe("I23, I24");
    const out = path.join(dir, "mapped-back.json");
    const r = await runCli("form", "import", book, "-o", out);
    expect(r.err).toBe("");
    expect(JSON.parse(await fs.readFile(out, "utf8"))).toEqual(mapped);
  });

  it("an edited copy imports, scaffolds, reads, validates and merges — also where no copy bundles it", async () => {
    // The central officer's edits, in Excel: a question reworded, an item added, version and year.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    const items = wb.getWorksheet(bookSheetName("items"))!;
    items.getCell(rowOf(items, "I1"), col("text")).value = "คำถามข้อ I1 ที่ปรับถ้อยคำสำหรับปี 2569";
    const e15 = rowOf(items, "E15");
    const values = (items.getRow(e15).values as ExcelJS.CellValue[]).slice(1);
    values[col("code") - 1] = "E16";
    values[col("text") - 1] = "คำถามใหม่ของปี 2569";
    values[col("issue") - 1] = "ประเด็นใหม่ของปี 2569";
    values[col("measures") - 1] = "มาตรการใหม่ข้อหนึ่ง\nมาตรการใหม่ข้อสอง";
    values[col("group") - 1] = null;
    items.insertRow(e15 + 1, values, "i");
    const props = wb.getWorksheet(bookSheetName("properties"))!;
    propCell(props, "version").value = "2569.1";
    propCell(props, "fiscalYear").value = 2569;
    const editedBook = path.join(dir, "form-2569.xlsx");
    await wb.xlsx.writeFile(editedBook);

    const formFile = path.join(dir, "bkk-district-2569.json");
    const imp = await runCli("form", "import", editedBook, "-o", formFile);
    expect(imp.err).toBe("");
    expect(imp.out).toContain("bkk-district-ita 2569.1, ปี / FY 2569, 43 items");
    const listed = JSON.parse((await runCli("forms", "--json", "--form", formFile)).out);
    expect(listed[1]).toMatchObject({ version: "2569.1", fiscalYear: 2569, items: 43 });

    const a = path.join(dir, "2569-1035.xlsx");
    const b = path.join(dir, "2569-1001.xlsx");
    for (const [file, unit] of [
      [a, "1035"],
      [b, "1001"],
    ]) {
      const s = await runCli(
        ...["scaffold", "--form", formFile, "--year", "2569", "--unit", unit, "-o", file],
        ...["--from", await oneScoreList(dir)]
      );
      expect(s.code).toBe(0);
      expect(s.out).toContain("bkk-district-ita 2569.1, 43 items");
    }
    // From here on no --form: the workbooks carry the form (this copy bundles only FY2567).
    const read = JSON.parse((await runCli("read", a)).out);
    expect(read).toMatchObject({ formVersion: "2569.1", fiscalYear: 2569 });
    expect(read.items.map((i: { code: string }) => i.code)).toContain("E16");
    // The form sheet shows the new wording and the new item (read with our reader).
    const book = openXlsx(a, await fs.readFile(a), nodeInflate);
    const grid = book.grid(book.sheets[0]);
    const texts: string[] = [];
    for (let r = 1; r <= grid.rowCount; r++)
      for (let c = 1; c <= grid.colCount; c++) texts.push(String(grid.raw(r, c) ?? ""));
    expect(texts.some((t) => t.includes("I1 คำถามข้อ I1 ที่ปรับถ้อยคำสำหรับปี 2569"))).toBe(true);
    expect(texts.some((t) => t.startsWith("E16 คำถามใหม่ของปี 2569"))).toBe(true);
    const v = await runCli("validate", a, "--json");
    expect(JSON.parse(v.out)).toMatchObject({ items: 43, fiscalYear: 2569 });
    const old = path.join(dir, "2567-1006.xlsx");
    expect((await runCli("scaffold", "--unit", "1006", "--year", "2567", "-o", old)).code).toBe(0);
    const summary = path.join(dir, "summary.xlsx");
    const m = await runCli("merge", a, b, old, "-o", summary, "--expect", "none", "--json");
    expect(m.code).toBe(3); // the FY2567 file is of another form: reported, not merged
    const mj = JSON.parse(m.out);
    expect(mj.merged.map((x: { unitCode: string }) => x.unitCode)).toEqual(["1001", "1035"]);
    expect(mj.rejected).toHaveLength(1);
    expect(mj.rejected[0].reason.en).toMatch(
      /uses the form bkk-district-ita 2567\.1, not the merged form \(bkk-district-ita 2569\.1\)/
    );
    // The edited workbook itself serves as --form, checked as by ita form import.
    const direct = path.join(dir, "direct-1035.xlsx");
    const d = await runCli(
      ...["scaffold", "--form", editedBook, "--year", "2569", "--unit", "1035", "-o", direct]
    );
    expect(d.code).toBe(0);
    expect(d.out).toContain("bkk-district-ita 2569.1, 43 items");
    const notBook = await runCli(
      ...["scaffold", "--form", a, "--unit", "1035", "-o", path.join(dir, "never.xlsx")]
    );
    expect(notBook.code).toBe(2);
    expect(notBook.err).toMatch(/2569-1035\.xlsx: no sheet "แบบฟอร์ม Form" \(sheets found: /);
    // And with the form given explicitly.
    const m2 = await runCli("merge", a, b, "-o", summary, "--expect", "none", "--form", formFile);
    expect(m2.code).toBe(0);
  });

  it("a book with problems: exit 2, each problem's sheet and cell in Thai and English, nothing written", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    const items = wb.getWorksheet(bookSheetName("items"))!;
    const i5 = rowOf(items, "I5");
    const i8 = rowOf(items, "I8");
    items.getCell(i5, col("code")).value = "I3";
    items.getCell(i8, col("text")).value = null;
    const bad = path.join(dir, "bad.xlsx");
    await wb.xlsx.writeFile(bad);
    const out = path.join(dir, "kept.json");
    await fs.writeFile(out, "previous");
    const r = await runCli("form", "import", bad, "-o", out);
    expect(r.code).toBe(2);
    const codeCell = `${String.fromCharCode(64 + col("code"))}${i5}`;
    const textCell = `${String.fromCharCode(64 + col("text"))}${i8}`;
    const sheet = bookSheetName("items");
    expect(r.err).toContain(`bad.xlsx ชีต "${sheet}" เซลล์ ${codeCell}: รหัสข้อ I3 ซ้ำกับเซลล์`);
    expect(r.err).toContain(`bad.xlsx, sheet "${sheet}", cell ${codeCell}: item I3 repeats`);
    expect(r.err).toContain(`cell ${textCell}: item I8: the question must not be empty`);
    // I5's group cell still names I5, which is no longer this row's code: said too.
    expect(r.err).toContain("item I3 has its own measures, so it cannot use those of I5");
    expect(r.err).toMatch(/Error: bad\.xlsx is not a usable form yet \(3 problems to fix\)/);
    expect(await fs.readFile(out, "utf8")).toBe("previous");
    // Not a workbook at all: the reader's message, naming the file.
    const notXlsx = await runCli("form", "import", out, "-o", path.join(dir, "x.json"));
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.err).toMatch(/kept\.json/);
  });
});

describe("a form file that fails the schema never half-loads", () => {
  it("is refused whole by every command that takes --form, and nothing is written", async () => {
    const dir = await tmpDir();
    const bad = path.join(dir, "bad.json");
    const f = JSON.parse(await fs.readFile(BUNDLED, "utf8"));
    f.tools[1].indicators[0].items[2].code = "E 3"; // not a code
    await fs.writeFile(bad, JSON.stringify(f));
    const sheet = path.join(dir, "ok.xlsx");
    expect((await runCli("scaffold", "--year", "2567", "--unit", "1035", "-o", sheet)).code).toBe(
      0
    );
    for (const args of [
      ["form", "export", "--form", bad, "-o", path.join(dir, "never.xlsx")],
      ["validate", sheet, "--form", bad],
      ["merge", sheet, "--form", bad, "-o", path.join(dir, "never.xlsx"), "--expect", "none"],
    ]) {
      const r = await runCli(...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(
        /Form file .*bad\.json is invalid at tools\[1\]\.indicators\[0\]\.items\[2\]\.code/
      );
    }
    await expect(fs.stat(path.join(dir, "never.xlsx"))).rejects.toThrow();
  });
});

describe("a workbook whose carried form definition is damaged", () => {
  let dir: string;
  let formFile: string;
  beforeAll(async () => {
    dir = await tmpDir();
    const f = JSON.parse(await fs.readFile(BUNDLED, "utf8"));
    f.version = "2569.1";
    f.fiscalYear = 2569;
    formFile = path.join(dir, "f2569.json");
    await fs.writeFile(formFile, JSON.stringify(f));
  });

  it("of a bundled form: read with the bundled form of the same id and version", async () => {
    const file = path.join(dir, "bundled.xlsx");
    await runCli("scaffold", "--year", "2567", "--unit", "1035", "-o", file);
    const damaged = path.join(dir, "bundled-damaged.xlsx");
    await editMeta(file, "formDefinition.1", "ITAFORM:{not json", damaged);
    const v = await runCli("validate", damaged, "--json");
    expect(v.err).toBe("");
    expect(JSON.parse(v.out)).toMatchObject({ items: 42, fiscalYear: 2567 });
  });

  it("of a form this copy does not have: refused with the reason, in validate and merge", async () => {
    const file = path.join(dir, "carried.xlsx");
    const started = ["--from", await oneScoreList(dir)];
    expect(
      (await runCli("scaffold", "--form", formFile, "--unit", "1035", "-o", file, ...started)).code
    ).toBe(0);
    expect((await runCli("validate", file)).code).toBe(1); // readable: only the empty scores
    const cases: [string, string | null, RegExp][] = [
      ["cut.xlsx", "ITAFORM:{", /not complete JSON/],
      ["formula.xlsx", "=1+1", /piece 1 of the form definition was altered/],
      ["schema.xlsx", `ITAFORM:${JSON.stringify({ formId: "bkk-district-ita" })}`, /invalid at/],
    ];
    for (const [name, value, why] of cases) {
      const damaged = path.join(dir, name);
      await editMeta(file, "formDefinition.1", value, damaged);
      const r = await runCli("validate", damaged);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(
        new RegExp(
          `ข้อผิดพลาด: ไฟล์ ${name}: ชีต ".*" ใช้แบบฟอร์ม bkk-district-ita 2569\\.1 ซึ่งโปรแกรมนี้ไม่มี`
        )
      );
      expect(r.err).toMatch(
        /which this copy does not bundle, and the form definition the workbook carries/
      );
      expect(r.err).toMatch(why);
      // With the form file given, it reads.
      expect((await runCli("validate", damaged, "--form", formFile, "--json")).code).toBe(1);
    }
    const m = await runCli(
      "merge",
      path.join(dir, "cut.xlsx"),
      file,
      "-o",
      path.join(dir, "s.xlsx"),
      "--expect",
      "none",
      "--json"
    );
    expect(m.code).toBe(3);
    const mj = JSON.parse(m.out);
    expect(mj.merged).toHaveLength(1);
    expect(mj.rejected[0].reason.en).toMatch(/cut\.xlsx: .*damaged: .*not complete JSON/);
  });
});
