import {
  CellRange,
  CellStyle,
  FONT,
  isFormula,
  META_SHEET,
  META_SHEET_HEADER,
  msg,
  rangeAddr,
  SheetModel,
  STYLES,
  TEXT_FORMAT,
} from "../domain";
import { ExcelActionError, guarded } from "./errors";
import { protectionOptions, thinBorders } from "./format";

/** Excel column width in points for a width in characters (the unit ExcelJS and the layout use). */
export const widthToPoints = (chars: number) => (chars * 7 + 5) * 0.75;

const color = (hex: string) => `#${hex}`;
const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center" } as const;

function rangeOf(ws: Excel.Worksheet, r: CellRange): Excel.Range {
  return ws.getRangeByIndexes(r.r1 - 1, r.c1 - 1, r.r2 - r.r1 + 1, r.c2 - r.c1 + 1);
}

function applyStyle(range: Excel.Range, s: Partial<CellStyle>): void {
  const f = range.format;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.fontColor) f.font.color = color(s.fontColor);
  if (s.fill) f.fill.color = color(s.fill);
  if (s.hAlign) f.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign) f.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.border) {
    thinBorders(range, "#808080");
  }
  f.protection.locked = s.locked ?? true;
}

/** Number formats of the whole sheet as one 2D array (entry text cells are text so "=…" stays text). */
function numberFormats(model: SheetModel): string[][] {
  const out = Array.from({ length: model.rowCount }, () =>
    new Array<string>(model.colCount).fill("General")
  );
  for (const { range, style } of model.styles) {
    const f = STYLES[style].numFmt;
    if (!f) continue;
    for (let r = range.r1; r <= range.r2; r++)
      for (let c = range.c1; c <= range.c2; c++) out[r - 1][c - 1] = f;
  }
  return out;
}

export class SheetExistsError extends ExcelActionError {
  constructor(readonly sheet: string) {
    super(
      msg(
        `มีชีตชื่อ "${sheet}" อยู่แล้ว กรุณาตั้งชื่ออื่น`,
        `A sheet named "${sheet}" already exists; choose another name`
      ),
      "ItemAlreadyExists"
    );
  }
}

/** Sheet names in the workbook (one sync). */
export async function sheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  return sheets.items.map((s) => s.name);
}

/**
 * Write a rendered form into a new worksheet: values in one 2D write, formats, merges, validation,
 * conditional format, frozen header, print setup, locked/unlocked cells, protection without a password,
 * and the metadata rows in the hidden metadata sheet. At most three syncs whatever the number of items:
 * sheet names, the metadata sheet's size, then the whole write. Never writes over an existing sheet.
 */
export async function scaffoldSheet(
  context: Excel.RequestContext,
  model: SheetModel
): Promise<void> {
  await guarded(async () => {
    const names = await sheetNames(context);
    if (names.some((n) => n.toLowerCase() === model.name.toLowerCase()))
      throw new SheetExistsError(model.name);
    const hasMeta = names.includes(META_SHEET);
    let metaRows = 0;
    if (hasMeta) {
      const used = context.workbook.worksheets
        .getItem(META_SHEET)
        .getUsedRangeOrNullObject(true)
        .load("rowCount,rowIndex");
      await context.sync();
      metaRows = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
    }

    const ws = context.workbook.worksheets.add(model.name);
    const all = rangeOf(ws, { r1: 1, c1: 1, r2: model.rowCount, c2: model.colCount });
    all.numberFormat = numberFormats(model);
    // The layout's own formulas go in as "=…"; every other text cell is formatted as text above, so a
    // district's text that starts with "=" stays text.
    all.values = model.values.map((row) =>
      row.map((v) => (v === null ? "" : isFormula(v) ? `=${v.formula}` : v))
    );
    all.format.font.name = FONT.name;
    all.format.font.size = FONT.size;
    applyStyle(all, STYLES.base);
    for (const { range, style } of model.styles) applyStyle(rangeOf(ws, range), STYLES[style]);
    for (const m of model.merges) rangeOf(ws, m).merge(false);
    model.columnWidths.forEach(
      (w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthToPoints(w))
    );

    for (const v of model.validations) {
      const dv = rangeOf(ws, v.range).dataValidation;
      dv.ignoreBlanks = true;
      dv.prompt = { showPrompt: true, title: v.title, message: v.prompt };
      dv.errorAlert = { showAlert: true, style: "Stop", title: v.title, message: v.error };
      dv.rule = { decimal: { formula1: v.min, formula2: v.max, operator: "Between" } };
    }
    for (const cf of model.conditionalFormats) {
      const f = rangeOf(ws, cf.range).conditionalFormats.add("Custom");
      f.custom.rule.formula = `=${cf.formula}`;
      f.custom.format.fill.color = color(cf.fill);
      f.custom.format.font.color = color(cf.fontColor);
    }

    // Heights computed from the text: Excel does not fit rows under merged cells.
    model.rowHeights.forEach((h, i) => (ws.getRangeByIndexes(i, 0, 1, 1).format.rowHeight = h.pt));
    if (model.freezeRows > 0) ws.freezePanes.freezeRows(model.freezeRows);
    const pl = ws.pageLayout;
    pl.orientation = "Landscape";
    pl.paperSize = "A4";
    pl.zoom = { horizontalFitToPages: model.print.fitToWidth, verticalFitToPages: 0 };
    const m = model.print.margins;
    pl.leftMargin = m.left * 72;
    pl.rightMargin = m.right * 72;
    pl.topMargin = m.top * 72;
    pl.bottomMargin = m.bottom * 72;
    pl.headerMargin = m.header * 72;
    pl.footerMargin = m.footer * 72;
    pl.setPrintTitleRows(`$${model.print.titleRows.first}:$${model.print.titleRows.last}`);
    pl.setPrintArea(rangeAddr(model.print.area));
    for (const r of model.print.breaksBefore) ws.horizontalPageBreaks.add(`A${r}`);

    ws.protection.protect(protectionOptions());

    const meta = hasMeta
      ? context.workbook.worksheets.getItem(META_SHEET)
      : context.workbook.worksheets.add(META_SHEET);
    const rows: string[][] = [
      ...(hasMeta ? [] : [[...META_SHEET_HEADER]]),
      ...model.metadata.map(([k, v]) => [model.name, k, String(v)]),
    ];
    const target = meta.getRangeByIndexes(metaRows, 0, rows.length, 3);
    target.numberFormat = rows.map((r) => r.map(() => TEXT_FORMAT));
    target.values = rows;
    meta.visibility = "VeryHidden";
    ws.activate();
    try {
      await context.sync();
    } catch (e) {
      // Excel applies a failed batch up to the failing operation: remove the half-written sheet.
      context.workbook.worksheets.getItemOrNullObject(model.name).delete();
      await context.sync().catch(() => undefined);
      throw e;
    }
  });
}
