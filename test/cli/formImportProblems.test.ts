import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import { runCli, tmpDir } from "../helpers";

/*
 * `ita form import` lists every problem of an edited form book at once — the cells', the weights'
 * sum and the schema's — each with its sheet and cell, so one round of corrections is enough.
 */

const PROPS = "แบบฟอร์ม Form";
const ITEMS = "ข้อคำถาม Items";
const dirs = tmpDir;

/** The FY2567 form exported, edited cell by cell (each cell checked to be the one meant), saved. */
async function editedBook(
  dir: string,
  name: string,
  edits: { sheet: string; cell: string; was: string | number; now: string | number }[]
): Promise<string> {
  const exported = path.join(dir, "form-2567.xlsx");
  await fs.access(exported).catch(async () => {
    const r = await runCli("form", "export", "--form", "bkk-district-ita@2567.1", "-o", exported);
    expect(r.code).toBe(0);
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(exported);
  for (const e of edits) {
    const ws = wb.getWorksheet(e.sheet)!;
    expect(ws.getCell(e.cell).value).toBe(e.was);
    ws.getCell(e.cell).value = e.now;
  }
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The EIT weight (B14, key tools.EIT.weight in C14) from 30 to 35: the three add up to 105. */
const EIT_WEIGHT_35 = { sheet: PROPS, cell: "B14", was: 30, now: 35 };
/** Item E4's code (E30) made E3, which E29 already holds. */
const E4_AS_E3 = { sheet: ITEMS, cell: "E30", was: "E4", now: "E3" };

describe("ita form import: every problem in one list", () => {
  it("a cell's problem and the weights' sum together, in the order of the book, nothing written", async () => {
    const dir = await dirs();
    const book = await editedBook(dir, "two.xlsx", [E4_AS_E3, EIT_WEIGHT_35]);
    const out = path.join(dir, "two.json");
    const r = await runCli("form", "import", book, "-o", out);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(
      `two.xlsx ชีต "${PROPS}" เซลล์ B11, B14, B17: น้ำหนักของแบบวัดรวมได้ 105 ไม่ใช่ 100\n` +
        `two.xlsx, sheet "${PROPS}", cells B11, B14, B17: tool weights add up to 105, not 100\n` +
        `two.xlsx ชีต "${ITEMS}" เซลล์ E30: รหัสข้อ E3 ซ้ำกับเซลล์ E29\n` +
        `two.xlsx, sheet "${ITEMS}", cell E30: item E3 repeats E29\n` +
        `ข้อผิดพลาด: two.xlsx ยังไม่ใช่แบบฟอร์มที่ใช้ได้ (ต้องแก้ 2 จุด) จึงไม่ได้เขียน ${out}\n` +
        `Error: two.xlsx is not a usable form yet (2 problems to fix); ${out} was not written\n`
    );
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it("a value the schema refuses is listed with the cells' problems, not after they are fixed", async () => {
    const dir = await dirs();
    const book = await editedBook(dir, "three.xlsx", [
      { sheet: PROPS, cell: "B3", was: "2567.1", now: "2569" }, // version: year.number
      EIT_WEIGHT_35,
      E4_AS_E3,
    ]);
    const r = await runCli("form", "import", book, "-o", path.join(dir, "three.json"));
    expect(r.code).toBe(2);
    expect(r.err.split("\n").filter((l) => l.startsWith("three.xlsx, sheet"))).toEqual([
      `three.xlsx, sheet "${PROPS}", cell B3: wrong format (year.number, e.g. 2568.1)`,
      `three.xlsx, sheet "${PROPS}", cells B11, B14, B17: tool weights add up to 105, not 100`,
      `three.xlsx, sheet "${ITEMS}", cell E30: item E3 repeats E29`,
    ]);
    expect(r.err).toContain("(ต้องแก้ 3 จุด)");
    expect(r.err).toContain("(3 problems to fix)");
  });

  it("one problem: said in the singular", async () => {
    const dir = await dirs();
    const book = await editedBook(dir, "one.xlsx", [EIT_WEIGHT_35]);
    const out = path.join(dir, "one.json");
    const r = await runCli("form", "import", book, "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `one.xlsx ชีต "${PROPS}" เซลล์ B11, B14, B17: น้ำหนักของแบบวัดรวมได้ 105 ไม่ใช่ 100\n` +
        `one.xlsx, sheet "${PROPS}", cells B11, B14, B17: tool weights add up to 105, not 100\n` +
        `ข้อผิดพลาด: one.xlsx ยังไม่ใช่แบบฟอร์มที่ใช้ได้ (ต้องแก้ 1 จุด) จึงไม่ได้เขียน ${out}\n` +
        `Error: one.xlsx is not a usable form yet (1 problem to fix); ${out} was not written\n`
    );
  });

  it("a cell that is not a number is one problem, not also the schema's", async () => {
    const dir = await dirs();
    const book = await editedBook(dir, "mark.xlsx", [
      { sheet: PROPS, cell: "B5", was: 85, now: "สูง" }, // the pass mark
    ]);
    const r = await runCli("form", "import", book, "-o", path.join(dir, "mark.json"));
    expect(r.code).toBe(2);
    expect(r.err.split("\n").filter((l) => l.startsWith("mark.xlsx"))).toEqual([
      `mark.xlsx ชีต "${PROPS}" เซลล์ B5: ต้องเป็นตัวเลข`,
      `mark.xlsx, sheet "${PROPS}", cell B5: must be a number`,
    ]);
    expect(r.err).toContain("(1 problem to fix)");
  });
});
