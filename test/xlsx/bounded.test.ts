/**
 * Work bounded by what a file holds, not by its sheet's height: a stray value typed in A1048576 (a
 * valid sheet Excel opens) once made the reader walk a million rows per text column (6.7 s, 340 MB).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { promises as fs } from "fs";
import path from "path";
import { readForm } from "../../src/domain";
import { nodeInflate } from "../../src/xlsx/nodeInflate";
import { openXlsx } from "../../src/xlsx/read/xlsxRead";
import { FY2567 } from "../forms";
import { tmpDir } from "../helpers";
import { districtReport, writeDistrict } from "../merge/districts";

it("reads a form with a stray value in A1048576 as the form, looking at the rows that hold cells only", async () => {
  const dir = await tmpDir();
  const file = await writeDistrict(dir, "1035.xlsx", districtReport("1035"));
  const parts = unzipSync(new Uint8Array(await fs.readFile(file)));
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"])
    .replace(
      "</sheetData>",
      '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    )
    .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:H1048576"/>');
  parts["xl/worksheets/sheet1.xml"] = strToU8(sheet);
  const stray = path.join(dir, "stray.xlsx");
  await fs.writeFile(stray, zipSync(parts));

  const book = openXlsx(stray, new Uint8Array(await fs.readFile(stray)), nodeInflate);
  const grid = book.grid(book.sheets[0]);
  expect(grid.rowCount).toBe(1048576);
  let looks = 0;
  const counted = { ...grid, raw: (r: number, c: number) => (looks++, grid.raw(r, c)) };
  const form = readForm(counted, FY2567);
  expect(form.items).toHaveLength(42);
  expect(form.items.find((i) => i.code === "I22")!.score).toBe(82.01);
  expect(form.unit.value?.code).toBe("1035");
  // The form's own rows (about 100) times its columns, not a million rows: a few thousand looks.
  expect(looks).toBeLessThan(20000);
});
