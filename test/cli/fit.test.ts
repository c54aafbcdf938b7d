import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import { nodeInflate } from "../../src/xlsx/nodeInflate";
import { openXlsx } from "../../src/xlsx/read/xlsxRead";
import { runCli, tmpDir } from "../helpers";
import { typeIntoXlsx, Typed } from "../typedFile";
import sampleJson from "../../samples/chom-thong-2567-r6.json";

/** A 1×1 PNG (red), as bytes. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC",
  "base64"
);

const i1 = sampleJson.items[0];
const LONG_ISSUE = "ประเด็นที่ต้องปรับปรุงซึ่งเขียนไว้ยาวมาก ".repeat(30).trim();

/**
 * Chom Thong's scores and I1–I4's measures and results typed into a blank FY2569 form by another
 * program (row heights as the blank form has them): I1's group cell E13:E18 (merged), I5's issue
 * D19 (a row under merged cells, its height set).
 */
function edits(): Typed[] {
  // The score cells of I1–I4 in the blank form (I2's question runs on over rows 15–16).
  const scores: Typed[] = ["B13", "B14", "B17", "B18"].map((cell, k) => ({
    cell,
    number: sampleJson.items[k].score,
  }));
  return [
    ...scores,
    { cell: "E13", text: i1.measures },
    { cell: "F13", text: i1.results },
    { cell: "D19", text: LONG_ISSUE },
  ];
}

async function blankForm(dir: string): Promise<string> {
  const file = path.join(dir, "blank.xlsx");
  const r = await runCli(
    "scaffold",
    "-o",
    file,
    "--unit",
    "1035",
    "--year",
    "2569",
    "--round",
    "12"
  );
  expect(r.code).toBe(0);
  return file;
}

describe("ita fit", () => {
  it("validate names the cells a typed form prints cut off; fit writes a copy with none, the file given untouched", async () => {
    const dir = await tmpDir();
    const typed = path.join(dir, "typed.xlsx");
    await fs.writeFile(typed, typeIntoXlsx(await fs.readFile(await blankForm(dir)), edits()));
    const before = await fs.readFile(typed);

    const v = await runCli("validate", typed, "--json");
    const clipped = (out: string) =>
      (JSON.parse(out).issues as { rule: string; cell: string; code: string }[])
        .filter((i) => i.rule === "print.clipped")
        .map((i) => [i.cell, i.code]);
    expect(clipped(v.out)).toEqual([
      ["E13", "I1"],
      ["F13", "I1"],
      ["D19", "I5"],
    ]);
    const text = await runCli("validate", typed);
    expect(text.out).toContain(
      "The text in E13:E18 (I1–I4) takes 53 lines but its rows give 12: the rest will be cut off in print"
    );
    expect(text.out).toContain(
      "ข้อความในเซลล์ E13:E18 (ข้อ I1–I4) ยาว 53 บรรทัด แต่แถวสูงพอเพียง 12 บรรทัด"
    );

    const out = path.join(dir, "fitted.xlsx");
    const r = await runCli("fit", typed, "-o", out);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toBe(
      `จัดหน้าพิมพ์แล้ว / Fitted for printing: ${out} (จาก / from ${typed})\n` +
        `  "ITA 2569 รอบ 12": หน้า 42 หน้า, ข้อความที่ถูกตัด 3 ช่อง → 0, รูปภาพ 0 รูป / 42 pages, 3 cells cut off before → 0, 0 pictures\n`
    );
    expect((await fs.readFile(typed)).equals(before)).toBe(true);
    expect(clipped((await runCli("validate", out, "--json")).out)).toEqual([]);
    // It reads as the typed file does, field by field (the cells are where the new layout put them).
    const fields = (json: string) =>
      (JSON.parse(json).items as Record<string, unknown>[]).map(({ cells: _c, ...rest }) => rest);
    expect(fields((await runCli("read", out)).out)).toEqual(
      fields((await runCli("read", typed)).out)
    );
  });

  it("keeps a picture in the same item's evidence cell", async () => {
    const dir = await tmpDir();
    // A photo put over I5's evidence cell (G19) by ExcelJS, then texts typed in by another program.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await blankForm(dir));
    const ws = wb.worksheets[0];
    const id = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
    ws.addImage(id, { tl: { col: 6, row: 18 } as ExcelJS.Anchor, ext: { width: 80, height: 60 } });
    const photo = path.join(dir, "photo.xlsx");
    await wb.xlsx.writeFile(photo);
    const typed = path.join(dir, "typed.xlsx");
    await fs.writeFile(typed, typeIntoXlsx(await fs.readFile(photo), edits()));
    const r0 = JSON.parse((await runCli("read", typed)).out);
    expect(r0.items.find((i: { code: string }) => i.code === "I5").photos).toBe(1);

    const out = path.join(dir, "fitted.xlsx");
    const r = await runCli("fit", typed, "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain("1 picture");
    const read = JSON.parse((await runCli("read", out)).out);
    const i5 = read.items.find((i: { code: string }) => i.code === "I5");
    // I1's measures took a continuation row above I5: its evidence cell moved down, the photo with it.
    expect(i5.cells.evidence).toBe("G20");
    expect(i5.photos).toBe(1);
    const book = openXlsx(out, new Uint8Array(await fs.readFile(out)), nodeInflate);
    const images = book.images(book.sheets[0]);
    expect(
      images.map((i) => [i.row, i.col, i.extension, Buffer.from(i.bytes).equals(PNG)])
    ).toEqual([[20, 7, "png", true]]);
    expect([Math.round(images[0].widthPt!), Math.round(images[0].heightPt!)]).toEqual([60, 45]);
  });

  it("refuses to write over the file it reads, and a sheet with text outside the form", async () => {
    const dir = await tmpDir();
    const blank = await blankForm(dir);
    const same = await runCli("fit", blank, "-o", blank);
    expect(same.code).toBe(2);
    expect(same.err).toContain(
      `The output ${blank} is the file being read (${blank}); it is not overwritten`
    );

    const note = path.join(dir, "note.xlsx");
    await fs.writeFile(
      note,
      typeIntoXlsx(await fs.readFile(blank), [{ cell: "H20", text: "โทร 02-000-0000" }])
    );
    const r = await runCli("fit", note, "-o", path.join(dir, "out.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'note.xlsx: Sheet "ITA 2569 รอบ 12" cannot be fitted for printing: text outside the cells of any item would be lost when it is laid out again: H20 "โทร 02-000-0000"'
    );
    await expect(fs.access(path.join(dir, "out.xlsx"))).rejects.toThrow();
  });

  it("keeps what a report started from an earlier one carried: its results still said to be unchanged", async () => {
    const dir = await tmpDir();
    const r6 = path.join(dir, "r6.xlsx");
    const sample = path.join(__dirname, "../../samples/chom-thong-2567-r6.json");
    expect((await runCli("scaffold", "-o", r6, "--from", sample)).code).toBe(0);
    const r12 = path.join(dir, "r12.xlsx");
    expect((await runCli("scaffold", "--from", r6, "-o", r12)).code).toBe(0);
    const fitted = path.join(dir, "fitted.xlsx");
    expect((await runCli("fit", r12, "-o", fitted)).code).toBe(0);
    const carried = async (file: string) =>
      (
        JSON.parse((await runCli("validate", file, "--json")).out).issues as { rule: string }[]
      ).filter((i) => i.rule === "results.carried").length;
    // The sample's 24 results cells with text, before fitting and after.
    expect([await carried(r12), await carried(fitted)]).toEqual([24, 24]);
  });
});
