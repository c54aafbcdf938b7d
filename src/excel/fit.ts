import {
  CellGrid,
  CellRange,
  cellText,
  DEFAULT_FORM,
  fitModel,
  fitRefusal,
  fittedPoint,
  FONT,
  FormDef,
  FormSheet,
  grownHeights,
  isFormula,
  META_SHEET,
  modelCellText,
  modelGrid,
  msg,
  NotAFormError,
  parseRange,
  rangeAddr,
  readForm,
  SheetModel,
  STYLES,
  TEXT_FIELDS,
} from "../domain";
import { chunkRows, DEFAULT_CHUNK_BYTES, jsonBytes, RequestBudget } from "./chunks";
import { ExcelActionError, guarded } from "./errors";
import { protectionOptions } from "./format";
import { gridFromValues } from "./readForm";
import { applyStyle, numberFormats, rangeOf, styleCost } from "./writeForm";

/** What laying a form sheet out again for print did. */
export interface FitResult {
  /** Nothing needed changing. */
  unchanged: boolean;
  /** The rows written anew (from the first whose layout changed to the form's end), if any. */
  rewritten: [number, number] | null;
  /** Rows whose height changed. */
  heights: number;
  /** The page breaks were replaced. */
  breaks: boolean;
  /** Pictures moved with their items. */
  pictures: number;
  /** Printed cells cut off before; pages after. */
  cutBefore: number;
  pages: number;
  syncs: number;
}

/** The sheet as read for laying it out: cells, merges, formats, row heights, widths, breaks, pictures. */
interface SheetLayout {
  grid: CellGrid;
  form: FormSheet;
  protectedSheet: boolean;
  /** Heights of rows 1…, points. */
  heights: number[];
  breaksBefore: number[];
  pictures: { id: string; top: number; left: number }[];
  lastRow: number;
}

/** Characters of the layout's unit for a column width in points (the inverse of `columnWidthPt`). */
const widthChars = (pt: number) => Math.round(((pt / 0.75 - 5) / 7) * 100) / 100;

function storedFrom(values: unknown[][] | null, sheet: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of values ?? [])
    if (String(row[0]) === sheet && row[1]) out.set(String(row[1]), String(row[2] ?? ""));
  return out;
}

/**
 * Read a form sheet for fitting in two requests: its cells, number formats, merged areas (ExcelApi
 * 1.13), protection, page breaks, pictures and hidden metadata; then the height of each row and the
 * width of each column (one range each: a range of several rows has no single height).
 */
async function readLayout(
  context: Excel.RequestContext,
  sheet: string,
  opts: { mergedAreas: boolean; formDef?: FormDef }
): Promise<SheetLayout> {
  const ws = context.workbook.worksheets.getItem(sheet);
  const used = ws
    .getUsedRangeOrNullObject(true)
    .load("values,numberFormat,rowIndex,columnIndex,rowCount,columnCount");
  const merged = opts.mergedAreas
    ? ws.getRange().getMergedAreasOrNullObject().load("areas/items/address")
    : null;
  const protection = ws.protection.load("protected");
  const breaks = ws.horizontalPageBreaks.load("items/rowIndex");
  const shapes = ws.shapes.load("items/id,items/type,items/top,items/left");
  const meta = context.workbook.worksheets
    .getItemOrNullObject(META_SHEET)
    .getUsedRangeOrNullObject(true)
    .load("values");
  await context.sync();
  if (used.isNullObject)
    throw new NotAFormError(sheet, msg(`ชีต "${sheet}" ว่างเปล่า`, `Sheet "${sheet}" is empty`));
  const lastRow = used.rowIndex + used.rowCount;
  const lastCol = Math.max(7, used.columnIndex + used.columnCount);
  const rows = Array.from({ length: lastRow }, (_, r) =>
    ws.getRangeByIndexes(r, 0, 1, 1).load("height")
  );
  const cols = Array.from({ length: lastCol }, (_, c) =>
    ws.getRangeByIndexes(0, c, 1, 1).load("width")
  );
  await context.sync();

  const merges: CellRange[] | null = merged ? [] : null;
  if (merges && merged && !merged.isNullObject)
    for (const a of merged.areas.items) {
      const r = parseRange(a.address.split("!").pop()!);
      if (r) merges.push(r);
    }
  const grid = gridFromValues(sheet, used.values, used.rowIndex, used.columnIndex, merges);
  const heights = rows.map((r) => r.height);
  const breaksBefore = breaks.items.map((b) => b.rowIndex + 1).sort((a, b) => a - b);
  const formats = used.numberFormat as string[][];
  grid.numFmt = (r, c) => formats[r - 1 - used.rowIndex]?.[c - 1 - used.columnIndex] ?? null;
  grid.geometry = {
    // Excel has fitted every row it fits already: a row's height is what it shows.
    rowHeight: (r) => ({ pt: heights[r - 1] ?? 15, auto: false }),
    colWidth: (c) => widthChars(cols[c - 1]?.width ?? 48),
    breaksBefore,
  };
  const form = readForm(
    grid,
    opts.formDef ?? DEFAULT_FORM,
    storedFrom(meta.isNullObject ? null : (meta.values as unknown[][]), sheet)
  );
  return {
    grid,
    form,
    protectedSheet: protection.protected,
    heights,
    breaksBefore,
    pictures: shapes.items
      .filter((s) => s.type === "Image")
      .map((s) => ({ id: s.id, top: s.top, left: s.left })),
    lastRow,
  };
}

/** A cell's text as the sheet shows it and as the model would write it, for comparing the two. */
const sheetText = (grid: CellGrid, r: number, c: number) => cellText(grid.raw(r, c));
const modelText = (m: SheetModel, r: number, c: number) => {
  const v = m.values[r - 1]?.[c - 1] ?? null;
  return typeof v === "number" ? String(v) : modelCellText(v).trim();
};
const key = (m: CellRange) => `${m.r1}:${m.c1}:${m.r2}:${m.c2}`;

/** The cell (and offset into it) a point of the sheet lies in, from the rows' heights and columns' widths. */
function cellAt(sizes: (i: number) => number, pos: number): { index: number; offset: number } {
  let i = 1;
  let at = pos;
  while (at >= sizes(i) && i < 100000) at -= sizes(i++);
  return { index: i, offset: at };
}

/**
 * Lay a form sheet out again for print from what it holds (`fitModel`) and write only what differs:
 * the heights of rows that changed, and from the first row whose cells or merged areas changed to
 * the form's end, the rows anew (unmerged, formats, then values, styles, merges), the print area, the
 * page breaks, and the pictures moved with their items; the sheet's protection lifted for that and
 * put back. A sheet with text outside the form's cells, or rows of the form missing or repeated, is
 * refused (nothing written). Syncs: two reads, then one write (heights and breaks only) or two (the
 * formats of the rows rewritten before their values), more only for a form too large for one request.
 */
export async function fitFormSheet(
  context: Excel.RequestContext,
  sheet: string,
  opts: { mergedAreas: boolean; formDef?: FormDef; maxChunkBytes?: number }
): Promise<FitResult> {
  return guarded(async () => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    const layout = await readLayout(context, sheet, opts);
    syncs += 2;
    const { grid, form } = layout;
    const refused = fitRefusal(form, grid);
    if (refused) throw new ExcelActionError(refused, "FitRefused");
    const model = fitModel(form, grid);
    const after = readForm(modelGrid(model), form.formDef);
    const cols = model.colCount;

    // The first row (from the header down) whose cells or merged areas differ.
    const curMerges = new Map<number, Set<string>>();
    for (const m of grid.merges)
      if (m.c1 <= cols) curMerges.set(m.r1, (curMerges.get(m.r1) ?? new Set()).add(key(m)));
    const newMerges = new Map<number, Set<string>>();
    for (const m of model.merges)
      newMerges.set(m.r1, (newMerges.get(m.r1) ?? new Set()).add(key(m)));
    const sameSet = (a?: Set<string>, b?: Set<string>) =>
      (a?.size ?? 0) === (b?.size ?? 0) && [...(a ?? [])].every((x) => b?.has(x));
    const end = Math.max(layout.lastRow, model.rowCount);
    let first = 0;
    for (let r = form.headerRow; r <= end && !first; r++) {
      let same = sameSet(curMerges.get(r), newMerges.get(r));
      for (let c = 1; c <= cols && same; c++)
        same = sheetText(grid, r, c) === modelText(model, r, c);
      if (!same) first = r;
    }
    const heightRows: number[] = [];
    for (let r = 1; r <= model.rowCount; r++)
      if (Math.abs((layout.heights[r - 1] ?? 15) - model.rowHeights[r - 1].pt) > 0.3)
        heightRows.push(r);
    const breaksChanged =
      layout.breaksBefore.join() !== model.print.breaksBefore.join() || first > 0;
    const result: FitResult = {
      unchanged: !first && !heightRows.length && !breaksChanged,
      rewritten: first ? [first, model.rowCount] : null,
      heights: heightRows.length,
      breaks: breaksChanged,
      pictures: 0,
      cutBefore: form.cutOffs?.length ?? 0,
      pages: model.print.breaksBefore.length + 1,
      syncs: 0,
    };
    if (result.unchanged) return { ...result, syncs };

    const ws = context.workbook.worksheets.getItem(sheet);
    const lift = layout.protectedSheet && (first > 0 || breaksChanged);
    const budget = new RequestBudget(sync, opts.maxChunkBytes ?? DEFAULT_CHUNK_BYTES);
    if (lift) ws.protection.unprotect();
    if (first) {
      // Request 1: the rows to rewrite unmerged, rows the form no longer uses cleared, and the
      // number formats of the rows rewritten, so that text cells are Text before their values.
      const lastOld = Math.max(layout.lastRow, first);
      ws.getRangeByIndexes(first - 1, 0, lastOld - first + 1, cols).unmerge();
      if (layout.lastRow > model.rowCount)
        ws.getRangeByIndexes(model.rowCount, 0, layout.lastRow - model.rowCount, cols).clear("All");
      const formats = numberFormats(model).slice(first - 1);
      for (const c of chunkRows(formats, opts.maxChunkBytes ?? DEFAULT_CHUNK_BYTES)) {
        await budget.reserve(1, 1, jsonBytes(c.rows));
        ws.getRangeByIndexes(first - 1 + c.start, 0, c.rows.length, cols).numberFormat = c.rows;
      }
      await budget.flush();

      // Request 2: values, styles, merges of the rows rewritten.
      const values = model.values
        .slice(first - 1)
        .map((row) => row.map((v) => (v === null ? "" : isFormula(v) ? `=${v.formula}` : v)));
      for (const c of chunkRows(values, opts.maxChunkBytes ?? DEFAULT_CHUNK_BYTES)) {
        await budget.reserve(1, 1, jsonBytes(c.rows));
        ws.getRangeByIndexes(first - 1 + c.start, 0, c.rows.length, cols).values = c.rows;
      }
      const rows = { r1: first, c1: 1, r2: model.rowCount, c2: cols };
      await budget.reserve(3, 2);
      const all = rangeOf(ws, rows);
      all.format.font.name = FONT.name;
      all.format.font.size = FONT.size;
      await budget.reserve(...styleCost(STYLES.base));
      applyStyle(all, STYLES.base);
      for (const { range, style } of model.styles) {
        if (range.r2 < first) continue;
        await budget.reserve(...styleCost(STYLES[style]));
        applyStyle(rangeOf(ws, { ...range, r1: Math.max(first, range.r1) }), STYLES[style]);
      }
      for (const m of model.merges) {
        if (m.r1 < first) continue;
        await budget.reserve(1, 1);
        rangeOf(ws, m).merge(false);
      }
      if (model.rowCount !== layout.lastRow) {
        await budget.reserve(2, 1);
        ws.pageLayout.setPrintArea(rangeAddr(model.print.area));
      }
    }
    // Heights, one action per run of rows of one height.
    for (let i = 0; i < heightRows.length;) {
      let j = i + 1;
      const pt = model.rowHeights[heightRows[i] - 1].pt;
      while (
        j < heightRows.length &&
        heightRows[j] === heightRows[j - 1] + 1 &&
        model.rowHeights[heightRows[j] - 1].pt === pt
      )
        j++;
      await budget.reserve(2, 1);
      ws.getRangeByIndexes(heightRows[i] - 1, 0, j - i, 1).format.rowHeight = pt;
      i = j;
    }
    if (breaksChanged) {
      await budget.reserve(1, 1);
      ws.horizontalPageBreaks.removePageBreaks();
      for (const r of model.print.breaksBefore) {
        await budget.reserve(1, 1);
        ws.horizontalPageBreaks.add(`A${r}`);
      }
    }
    // Pictures stay in their item's cell: each moved as far as its cell moved.
    const newHeight = (r: number) => model.rowHeights[r - 1]?.pt ?? 15;
    const oldHeight = (r: number) => layout.heights[r - 1] ?? 15;
    const widthPt = (c: number) =>
      (Math.trunc((grid.geometry?.colWidth(c) ?? 8.43) * 7 + 5) * 3) / 4;
    for (const p of layout.pictures) {
      const row = cellAt(oldHeight, p.top);
      const col = cellAt(widthPt, p.left);
      if (row.index > layout.lastRow) continue;
      const to = fittedPoint(form, grid, after, newHeight, {
        row: row.index,
        col: col.index,
        rowOffPt: row.offset,
      });
      let top = to.rowOffPt;
      for (let r = 1; r < to.row; r++) top += newHeight(r);
      if (Math.abs(top - p.top) < 0.5) continue;
      await budget.reserve(2, 1);
      ws.shapes.getItem(p.id).top = top;
      result.pictures++;
    }
    if (lift) {
      await budget.reserve(1, 1);
      ws.protection.protect(protectionOptions());
    }
    await budget.flush();
    return { ...result, syncs };
  });
}

/** What growing the rows of changed cells did. */
export interface GrowResult {
  /** Rows made taller. */
  heights: number;
  /** The sheet still needs fitting for print (texts longer than their pages, page breaks). */
  fitNeeded: boolean;
  syncs: number;
}

/**
 * After the user typed: the rows of the changed cells made as tall as their texts need (growing
 * only, never a row the user is not typing in, never moving a cell), so the text shows on screen
 * and in print. Whether the sheet would still change if laid out again is said (`fitNeeded`) for
 * the pane to offer "จัดหน้าพิมพ์". Syncs: two reads, one write when a row grows.
 */
export async function growChangedRows(
  context: Excel.RequestContext,
  sheet: string,
  rows: readonly number[],
  opts: { mergedAreas: boolean; formDef?: FormDef }
): Promise<GrowResult> {
  return guarded(async () => {
    const layout = await readLayout(context, sheet, opts);
    let syncs = 2;
    const { grid, form } = layout;
    const c = form.columns;
    const wide = new Set(grid.merges.filter((m) => m.c2 > m.c1).map((m) => `${m.r1}:${m.c1}`));
    const grown = grownHeights(
      grid,
      {
        firstRow: form.headerRow,
        lastRow: grid.rowCount,
        cols: [c.item, ...TEXT_FIELDS.map((f) => c[f])],
        font: (r, col) => ({
          size: FONT.size,
          bold: r <= form.headerRow || wide.has(`${r}:${col}`),
        }),
      },
      rows.filter((r) => r > form.headerRow)
    );
    if (grown.size) {
      const ws = context.workbook.worksheets.getItem(sheet);
      for (const [r, pt] of grown) ws.getRangeByIndexes(r - 1, 0, 1, 1).format.rowHeight = pt;
      await context.sync();
      syncs++;
    }
    // Laid out again, would the sheet change beyond these heights?
    let fitNeeded = false;
    if (!fitRefusal(form, grid)) {
      const model = fitModel(form, grid);
      const height = (r: number) => grown.get(r) ?? layout.heights[r - 1] ?? 15;
      fitNeeded =
        model.rowCount !== layout.lastRow ||
        model.print.breaksBefore.join() !== layout.breaksBefore.join() ||
        model.rowHeights.some((h, i) => Math.abs(h.pt - height(i + 1)) > 0.3);
    }
    return { heights: grown.size, fitNeeded, syncs };
  });
}
