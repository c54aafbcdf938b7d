import path from "path";
import {
  addr,
  CellGrid,
  columnWidthPt,
  countEn,
  fitModel,
  fitRefusal,
  fittedPoint,
  META_SHEET,
  modelGrid,
  msg,
  readForm,
} from "../domain";
import { readFileBytes } from "../xlsx/files";
import { nodeInflate } from "../xlsx/nodeInflate";
import { FormFileError } from "../xlsx/read/errors";
import { formsOfBook } from "../xlsx/read/readForm";
import type { SheetImage } from "../xlsx/read/pictures";
import { openXlsx } from "../xlsx/read/xlsxRead";
import { oneFile, parse, UserError } from "./args";
import type { Io } from "./io";
import { refuseUnitReport, sameFile } from "./outputFile";

/** The size of a picture anchored from one cell to another, from the sheet's widths and heights. */
function spanned(grid: CellGrid, img: SheetImage): { widthPt: number; heightPt: number } | null {
  const g = grid.geometry;
  if (!img.to || !g) return null;
  let widthPt = img.to.colOffPt - img.colOffPt;
  for (let c = img.col; c < img.to.col; c++) widthPt += columnWidthPt(g.colWidth(c));
  let heightPt = img.to.rowOffPt - img.rowOffPt;
  for (let r = img.row; r < img.to.row; r++) heightPt += g.rowHeight(r).pt;
  return widthPt > 0 && heightPt > 0 ? { widthPt, heightPt } : null;
}

/**
 * `ita fit FORM.xlsx -o FITTED.xlsx [--sheet NAME]`: the form laid out again for print from what it
 * holds (row heights, continuation rows "(ต่อ)", page breaks), as a new workbook — every form sheet
 * of the file (or the one named), each picture in the same item's cell. The file given is only
 * read; the output is written whole and then renamed into place. A sheet with text the form does
 * not carry (a note beside the table), rows of the form missing or repeated, or pictures placed in
 * cells (which cannot be carried over) is refused with the cells to fix, and nothing is written.
 */
export async function fitCmd(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    command: "ita fit",
    options: { out: { type: "string", short: "o" }, sheet: { type: "string" } },
    positionals: true,
  });
  const file = oneFile(positionals, ".xlsx");
  if (!values.out)
    throw new UserError(msg("ต้องระบุไฟล์ผลลัพธ์ด้วย -o FILE", "Give the output file with -o FILE"));
  const out = String(values.out);
  if (sameFile(out, file))
    throw new UserError(
      msg(
        `ไฟล์ผลลัพธ์ ${out} เป็นไฟล์เดียวกับไฟล์ที่อ่าน (${file}) จึงไม่เขียนทับ: ระบุชื่ออื่น เช่น -o ${path.basename(file, ".xlsx")}-จัดหน้า.xlsx`,
        `The output ${out} is the file being read (${file}); it is not overwritten: give another name, such as -o ${path.basename(file, ".xlsx")}-fitted.xlsx`
      )
    );
  await refuseUnitReport(out);
  const book = openXlsx(file, await readFileBytes(file), nodeInflate);
  const { sheets } = formsOfBook(book);
  const wanted = values.sheet === undefined ? null : String(values.sheet);
  const chosen = wanted === null ? sheets : sheets.filter((s) => s.form.sheet === wanted);
  if (!chosen.length)
    throw new FormFileError(
      file,
      msg(
        `ไม่พบชีตแบบรายงานชื่อ "${wanted}" (มี: ${sheets.map((s) => s.form.sheet).join(", ")})`,
        `No report sheet named "${wanted}" (found: ${sheets.map((s) => s.form.sheet).join(", ")})`
      )
    );

  const name = path.basename(file);
  const models = [];
  const pictures = [];
  const lines: string[] = [];
  for (const s of chosen) {
    const { form, grid } = s;
    const refused = fitRefusal(form, grid);
    if (refused) throw new UserError(msg(`${name}: ${refused.th}`, `${name}: ${refused.en}`));
    const sheet = book.sheets.find((x) => x.name === form.sheet)!;
    const images = book.images(sheet);
    // Pictures placed in a cell (Excel 365's "Place in Cell") are cell values no writer here makes:
    // the pictures the reader counts that are not floating ones with their bytes.
    const left = [...images];
    const lost = (grid.pictures ?? []).filter((p) => {
      const k = left.findIndex((i) => i.row === p.row && i.col === p.col);
      if (k >= 0) left.splice(k, 1);
      return k < 0;
    });
    if (lost.length) {
      const cells = [...new Set(lost.map((p) => addr(p.row, p.col)))].join(", ");
      throw new UserError(
        msg(
          `${name} ชีต "${form.sheet}": รูปภาพในเซลล์ ${cells} คัดลอกไปไม่ได้ (รูปที่วางในเซลล์): ใน Excel คลิกขวาที่รูป > วางเหนือเซลล์ แล้วบันทึกและลองอีกครั้ง`,
          `${name}, sheet "${form.sheet}": the pictures in cells ${cells} cannot be carried over (placed in the cell): in Excel, right-click the picture > Place over Cells, save and try again`
        )
      );
    }
    const model = fitModel(form, grid);
    const after = readForm(modelGrid(model), form.formDef);
    const heights = (r: number) => model.rowHeights[r - 1]?.pt ?? 0;
    for (const img of images) {
      const p = fittedPoint(form, grid, after, heights, img);
      const size = img.widthPt !== null ? null : spanned(grid, img);
      pictures.push({
        ...img,
        widthPt: img.widthPt ?? size?.widthPt ?? null,
        heightPt: img.heightPt ?? size?.heightPt ?? null,
        sheet: form.sheet,
        row: p.row,
        col: p.col,
        rowOffPt: p.rowOffPt,
      });
    }
    models.push(model);
    const cut = form.cutOffs?.length ?? 0;
    const pages = model.print.breaksBefore.length + 1;
    lines.push(
      `  "${form.sheet}": หน้า ${pages} หน้า, ข้อความที่ถูกตัด ${cut} ช่อง → 0, รูปภาพ ${images.length} รูป / ` +
        `${countEn(pages, "page")}, ${countEn(cut, "cell")} cut off before → 0, ${countEn(images.length, "picture")}`
    );
  }
  const others = book.sheets
    .filter((s) => s.name !== META_SHEET && !chosen.some((c) => c.form.sheet === s.name))
    .map((s) => `"${s.name}"`);
  // The writer (ExcelJS) is loaded only to write.
  const { writeFittedWorkbook } =
    require("../xlsx/write/fitted") as typeof import("../xlsx/write/fitted");
  const { skipped } = await writeFittedWorkbook(out, models, pictures);
  io.out(`จัดหน้าพิมพ์แล้ว / Fitted for printing: ${out} (จาก / from ${file})\n${lines.join("\n")}\n`);
  if (skipped.length)
    io.err(
      `รูปภาพ ${skipped.length} รูปเป็นชนิดที่คัดลอกไม่ได้ (${[...new Set(skipped.map((p) => p.extension))].join(", ")}) จึงไม่อยู่ในไฟล์ใหม่\n` +
        `${countEn(skipped.length, "picture")} of a type that cannot be carried over (${[...new Set(skipped.map((p) => p.extension))].join(", ")}) ${skipped.length === 1 ? "is" : "are"} not in the new file\n`
    );
  if (others.length)
    io.err(
      `ไฟล์ใหม่มีเฉพาะชีตแบบรายงาน: ชีต ${others.join(", ")} ไม่ได้คัดลอกไป (ยังอยู่ใน ${name} ซึ่งไม่ถูกแก้ไข)\n` +
        `The new file holds the report sheets only: ${others.join(", ")} ${others.length === 1 ? "is" : "are"} not copied (still in ${name}, which is unchanged)\n`
    );
  return 0;
}
