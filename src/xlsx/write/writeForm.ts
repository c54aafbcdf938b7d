import ExcelJS from "exceljs";
import { writeWorkbookFile } from "./output";
import {
  CellStyle,
  estimateRowHeight,
  FONT,
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
    views: [
      {
        state: "frozen",
        ySplit: model.freezeRows,
        xSplit: 0,
        topLeftCell: `A${model.freezeRows + 1}`,
      },
    ],
    pageSetup: {
      paperSize: 9,
      orientation: model.print.orientation,
      fitToPage: true,
      fitToWidth: model.print.fitToWidth,
      fitToHeight: 0,
      margins: model.print.margins,
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
      // Strings are always stored as text: ExcelJS never turns "=…" into a formula.
      if (v !== null) cell.value = cellValue(v);
      cell.style = excelStyle(styles[r - 1][c - 1]) as ExcelJS.Style;
    }
  }
  for (const m of model.merges) ws.mergeCells(m.r1, m.c1, m.r2, m.c2);
  setRowHeights(ws, model);
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
  await ws.protect("", { ...model.protection });
  writeMetadata(wb, model);
  return ws;
}

/** Estimated heights for wrapped rows (merged cells count with the width of their whole area). */
function setRowHeights(ws: ExcelJS.Worksheet, model: SheetModel): void {
  const mergedWidth = new Map<string, number>();
  for (const m of model.merges) {
    let w = 0;
    for (let c = m.c1; c <= m.c2; c++) w += model.columnWidths[c - 1];
    mergedWidth.set(`${m.r1}:${m.c1}`, w);
  }
  for (let r = 1; r <= model.rowCount; r++) {
    const cells = model.values[r - 1].map((v, i) => ({
      text: typeof v === "string" ? v : "",
      width: mergedWidth.get(`${r}:${i + 1}`) ?? model.columnWidths[i],
    }));
    const h = estimateRowHeight(cells);
    if (h) ws.getRow(r).height = h;
  }
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
  return wb;
}

export async function writeFormFile(target: string, model: SheetModel): Promise<void> {
  const wb = newWorkbook();
  await addFormSheet(wb, model);
  await writeWorkbookFile(wb, target);
}
