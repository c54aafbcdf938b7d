import ExcelJS from "exceljs";
import { writeWorkbookFile } from "./output";
import {
  CellStyle,
  colLetter,
  FONT,
  imageInfo,
  isFormula,
  parseRange,
  photoSlots,
  META_SHEET,
  META_SHEET_HEADER,
  rangeAddr,
  SheetModel,
  STYLES,
} from "../../domain";
import { cellValue } from "./cellText";

const argb = (hex: string) => ({ argb: `FF${hex}` });
const THIN = { style: "thin" as const, color: argb("808080") };

/** Convert a layout style to ExcelJS style properties. */
export function excelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: {
      name: FONT.name,
      size: FONT.size,
      bold: Boolean(s.bold),
      ...(s.fontColor ? { color: argb(s.fontColor) } : {}),
    },
    alignment: { horizontal: s.hAlign, vertical: s.vAlign, wrapText: Boolean(s.wrap) },
    protection: { locked: s.locked },
  };
  if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: argb(s.fill) };
  if (s.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (s.numFmt) style.numFmt = s.numFmt;
  return style;
}

/** The layout style each cell ends up with: the ranges applied in order, later properties winning. */
export function resolvedStyles(model: SheetModel): CellStyle[][] {
  const grid: CellStyle[][] = Array.from({ length: model.rowCount }, () =>
    Array.from({ length: model.colCount }, () => ({ ...STYLES.base }))
  );
  for (const { range, style } of model.styles) {
    for (let r = range.r1; r <= range.r2; r++)
      for (let c = range.c1; c <= range.c2; c++) Object.assign(grid[r - 1][c - 1], STYLES[style]);
  }
  return grid;
}

/** Add a form sheet rendered from the layout to a workbook (and its rows in the hidden metadata sheet). */
export async function addFormSheet(
  wb: ExcelJS.Workbook,
  model: SheetModel
): Promise<ExcelJS.Worksheet> {
  const ws = wb.addWorksheet(model.name, {
    views: model.freezeRows
      ? [
          {
            state: "frozen",
            ySplit: model.freezeRows,
            xSplit: 0,
            topLeftCell: `A${model.freezeRows + 1}`,
          },
        ]
      : [{ state: "normal" }],
    pageSetup: {
      paperSize: 9,
      orientation: model.print.orientation,
      fitToPage: true,
      fitToWidth: model.print.fitToWidth,
      fitToHeight: 0,
      margins: model.print.margins,
      // ExcelJS puts "$" before each end: "C$8:G$120" becomes $C$8:$G$120.
      printArea: `${colLetter(model.print.area.c1)}$${model.print.area.r1}:${colLetter(model.print.area.c2)}$${model.print.area.r2}`,
      printTitlesRow: `${model.print.titleRows.first}:${model.print.titleRows.last}`,
    },
  });
  model.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const styles = resolvedStyles(model);
  for (let r = 1; r <= model.rowCount; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= model.colCount; c++) {
      const cell = row.getCell(c);
      const v = model.values[r - 1][c - 1];
      // Strings are always stored as text: ExcelJS never turns "=…" into a formula. Formulas are the
      // layout's own (the item text with its score, the subtitle), written with their result.
      if (isFormula(v)) cell.value = { formula: v.formula, result: cellValue(v.result) };
      else if (v !== null) cell.value = cellValue(v);
      cell.style = excelStyle(styles[r - 1][c - 1]) as ExcelJS.Style;
    }
  }
  for (const f of model.numFmts ?? []) ws.getCell(f.row, f.col).numFmt = f.numFmt;
  for (const m of model.merges) ws.mergeCells(m.r1, m.c1, m.r2, m.c2);
  model.rowHeights.forEach((h, i) => (ws.getRow(i + 1).height = h.pt));
  // ExcelJS's addPageBreak puts the break after the row it is called on.
  for (const r of model.print.breaksBefore) ws.getRow(r - 1).addPageBreak();
  for (const v of model.validations) {
    for (let r = v.range.r1; r <= v.range.r2; r++) {
      for (let c = v.range.c1; c <= v.range.c2; c++) {
        ws.getCell(r, c).dataValidation = {
          type: "decimal",
          operator: "between",
          allowBlank: true,
          showInputMessage: true,
          showErrorMessage: true,
          formulae: [v.min, v.max],
          promptTitle: v.title,
          prompt: v.prompt,
          errorStyle: "stop",
          errorTitle: v.title,
          error: v.error,
        };
      }
    }
  }
  model.conditionalFormats.forEach((cf, i) =>
    ws.addConditionalFormatting({
      ref: rangeAddr(cf.range),
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [cf.formula],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: argb(cf.fill) },
            font: { color: argb(cf.fontColor) },
          },
        },
      ],
    })
  );
  const { editObjects, ...protection } = model.protection;
  // ExcelJS's `objects: false` writes objects="1" (pictures locked); leaving it out lets districts
  // insert and move activity photos.
  await ws.protect("", { ...protection, ...(editObjects ? {} : { objects: false }) });
  writeMetadata(wb, model);
  return ws;
}

function writeMetadata(wb: ExcelJS.Workbook, model: SheetModel) {
  let meta = wb.getWorksheet(META_SHEET);
  if (!meta) {
    meta = wb.addWorksheet(META_SHEET, { state: "veryHidden" });
    meta.addRow([...META_SHEET_HEADER]);
  }
  for (const [key, value] of model.metadata)
    meta.addRow([model.name, key, value === "" ? null : cellValue(String(value))]);
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ITA report add-in";
  wb.created = new Date(0);
  wb.modified = new Date(0);
  // The item labels' "(xx.xx คะแนน)" are formulas: a file whose scores another program typed (without
  // calculating) keeps our cached values, and LibreOffice does not calculate on opening unless asked.
  wb.calcProperties.fullCalcOnLoad = true;
  return wb;
}

/** Rows of a sheet whose height must stay as written (under merged cells, which no app re-fits). */
export function fixedRows(model: SheetModel): Set<number> {
  return new Set(model.rowHeights.flatMap((h, i) => (h.fixed ? [i + 1] : [])));
}

/** Photos to put in a cell of the form (the top-left cell of its area): PNG or JPEG bytes. */
export interface CellPhotos {
  cell: string;
  images: { bytes: Uint8Array; format: "png" | "jpeg" }[];
}

/** Points to EMU (the drawing's unit): 12,700 a point. */
const EMU_PER_PT = 12700;

/**
 * Put photos in their cells, side by side and fitted (`photoSlots`), anchored in the cell so that the
 * reader counts them as the item's evidence: the same placement as the pane's (excel/photos.ts).
 */
export function addPhotos(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  model: SheetModel,
  photos: readonly CellPhotos[]
): void {
  const colPt = (c: number) => (model.columnWidths[c - 1] * 7 + 5) * 0.75;
  const rowPt = (r: number) => model.rowHeights[r - 1]?.pt ?? 15;
  for (const p of photos) {
    const at = parseRange(p.cell);
    if (!at || !p.images.length) continue;
    const area = model.merges.find((m) => m.r1 === at.r1 && m.c1 === at.c1) ?? at;
    let width = 0;
    for (let c = area.c1; c <= area.c2; c++) width += colPt(c);
    let height = 0;
    for (let r = area.r1; r <= area.r2; r++) height += rowPt(r);
    const slots = photoSlots(
      { width, height },
      p.images.map((img) => {
        const info = imageInfo(img.bytes);
        return info ? { width: info.width * 0.75, height: info.height * 0.75 } : null;
      })
    );
    p.images.forEach((img, k) => {
      const id = wb.addImage({ buffer: Buffer.from(img.bytes) as never, extension: img.format });
      const s = slots[k];
      ws.addImage(id, {
        tl: {
          nativeCol: area.c1 - 1,
          nativeColOff: Math.round(s.dx * EMU_PER_PT),
          nativeRow: area.r1 - 1,
          nativeRowOff: Math.round(s.dy * EMU_PER_PT),
        },
        // ExcelJS takes the size in pixels (96 to the inch).
        ext: { width: (s.width * 4) / 3, height: (s.height * 4) / 3 },
        editAs: "oneCell",
      } as unknown as ExcelJS.ImageRange);
    });
  }
}

export async function writeFormWorkbook(
  target: string,
  model: SheetModel,
  photos: readonly CellPhotos[] = []
): Promise<void> {
  const wb = newWorkbook();
  const ws = await addFormSheet(wb, model);
  addPhotos(wb, ws, model, photos);
  await writeWorkbookFile(wb, target, [], new Map([[ws.id, fixedRows(model)]]));
}
