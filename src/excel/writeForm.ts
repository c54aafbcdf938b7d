import {
  CellRange,
  CellStyle,
  FONT,
  isFormula,
  META_SHEET,
  META_SHEET_HEADER,
  Msg,
  msg,
  rangeAddr,
  SheetModel,
  STYLES,
  TEXT_FORMAT,
} from "../domain";
import {
  chunkRows,
  DEFAULT_CHUNK_BYTES,
  jsonBytes,
  OBJECT_BYTES,
  RequestBudget,
  SET_BYTES,
} from "./chunks";
import { ExcelActionError, guarded, stepNote } from "./errors";
import { landscapeA4, protectionOptions, thinBorders } from "./format";

/** Excel column width in points for a width in characters (the unit ExcelJS and the layout use). */
export const widthToPoints = (chars: number) => (chars * 7 + 5) * 0.75;

const color = (hex: string) => `#${hex}`;
const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center" } as const;

export function rangeOf(ws: Excel.Worksheet, r: CellRange): Excel.Range {
  return ws.getRangeByIndexes(r.r1 - 1, r.c1 - 1, r.r2 - r.r1 + 1, r.c2 - r.c1 + 1);
}

/** How many objects and property sets `applyStyle` queues for a style (for the request budget). */
export function styleCost(s: Partial<CellStyle>): [number, number] {
  let objects = 3; // range, format, protection
  let sets = 1; // locked
  if (s.bold !== undefined || s.fontColor) objects++;
  if (s.bold !== undefined) sets++;
  if (s.fontColor) sets++;
  if (s.fill) (objects++, sets++);
  if (s.hAlign) sets++;
  if (s.vAlign) sets++;
  if (s.wrap !== undefined) sets++;
  if (s.border) ((objects += 7), (sets += 12));
  return [objects, sets];
}

export function applyStyle(range: Excel.Range, s: Partial<CellStyle>): void {
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
export function numberFormats(model: SheetModel): string[][] {
  const out = Array.from({ length: model.rowCount }, () =>
    new Array<string>(model.colCount).fill("General")
  );
  for (const { range, style } of model.styles) {
    const f = STYLES[style].numFmt;
    if (!f) continue;
    for (let r = range.r1; r <= range.r2; r++)
      for (let c = range.c1; c <= range.c2; c++) out[r - 1][c - 1] = f;
  }
  for (const f of model.numFmts ?? []) out[f.row - 1][f.col - 1] = f.numFmt;
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

export interface ScaffoldResult {
  /** Finishing steps Excel refused: the form is complete without them (Thai/English, what to do). */
  notes: Msg[];
}

/**
 * The finishing steps of a form: each is its own request, and a failure only costs a note that says
 * how to do it by hand (freeze panes fail with GeneralException in some builds, OfficeDev/office-js#2196;
 * protect() fails on builds with OfficeDev/office-js#6784). The layout is complete without them.
 */
function finishingSteps(
  ws: Excel.Worksheet,
  model: SheetModel,
  budgetBytes: number
): { missing: Msg; run: () => void }[] {
  // Heights computed from the text (Excel never fits rows under merged cells): one action per run
  // of rows of the same height (a long text's full pages are such a run), in as many requests as
  // keep each under the budget — one for any ordinary form, more for one of thousands of rows.
  const h = model.rowHeights;
  const runs: [number, number, number][] = [];
  for (let i = 0; i < h.length;) {
    let j = i + 1;
    while (j < h.length && h[j].pt === h[i].pt) j++;
    runs.push([i, j - i, h[i].pt]);
    i = j;
  }
  const perRequest = Math.max(1, Math.floor(budgetBytes / (2 * OBJECT_BYTES + SET_BYTES)));
  const heights = [];
  for (let k = 0; k < runs.length; k += perRequest) {
    const part = runs.slice(k, k + perRequest);
    heights.push({
      missing: msg(
        "ความสูงของแถวยังไม่ปรับตามข้อความ: เลือกแถวที่ข้อความถูกตัดแล้วลากเส้นขอบแถวให้สูงขึ้น",
        "Row heights are not set for the text: select rows whose text is cut and drag their border down"
      ),
      run: () => {
        for (const [first, count, pt] of part)
          ws.getRangeByIndexes(first, 0, count, 1).format.rowHeight = pt;
      },
    });
  }
  return [
    ...heights,
    ...(model.freezeRows > 0
      ? [
          {
            missing: msg(
              `หัวตารางยังไม่ถูกตรึง: มุมมอง > ตรึงแนว ที่แถว ${model.freezeRows + 1}`,
              `The header is not frozen: View > Freeze Panes with row ${model.freezeRows + 1} selected`
            ),
            run: () => ws.freezePanes.freezeRows(model.freezeRows),
          },
        ]
      : []),
    {
      missing: msg(
        "ยังไม่ได้ตั้งค่าการพิมพ์ (A4 แนวนอน พื้นที่พิมพ์ หัวตารางทุกหน้า ตัวแบ่งหน้า): ตั้งที่ เค้าโครงหน้ากระดาษ",
        "Print settings (A4 landscape, print area, header on every page, page breaks) are not set: set them in Page Layout"
      ),
      run: () => {
        const pl = ws.pageLayout;
        landscapeA4(pl, model.print.margins);
        pl.zoom = { horizontalFitToPages: model.print.fitToWidth, verticalFitToPages: 0 };
        pl.setPrintTitleRows(`$${model.print.titleRows.first}:$${model.print.titleRows.last}`);
        pl.setPrintArea(rangeAddr(model.print.area));
        for (const r of model.print.breaksBefore) ws.horizontalPageBreaks.add(`A${r}`);
      },
    },
    {
      missing: msg(
        "ชีตยังไม่ถูกป้องกัน ช่องที่ไม่ใช่ช่องกรอกจึงแก้ไขได้: รีวิว > ป้องกันแผ่นงาน (ไม่ต้องใส่รหัสผ่าน)",
        "The sheet is not protected, so cells outside the entry cells can be edited: Review > Protect Sheet (no password)"
      ),
      run: () => ws.protection.protect(protectionOptions()),
    },
    {
      missing: msg(
        `สร้างชีตแล้วแต่ Excel ไม่ยอมเปิดให้: คลิกแท็บ "${model.name}" ด้านล่าง`,
        `The sheet is created but Excel did not show it: click the "${model.name}" tab at the bottom`
      ),
      run: () => ws.activate(),
    },
  ];
}

/**
 * Write a rendered form into a new worksheet. Never writes over an existing sheet and never leaves half
 * a form: the essential part (the sheet, its number formats, then values, styles, merges, widths,
 * validation, conditional format and the metadata rows in the hidden metadata sheet) goes first, and if
 * Excel refuses any of it the new sheet and metadata rows are removed again. Number formats go in a
 * request before the values, so that text cells are text when district text arrives. The finishing
 * steps follow one request each (see `finishingSteps`). Syncs: sheet names, the metadata sheet's size
 * (when it exists), formats, values and styles (more only for a form too large for one request), then
 * one per finishing step.
 */
export async function scaffoldSheet(
  context: Excel.RequestContext,
  model: SheetModel,
  opts: { maxChunkBytes?: number } = {}
): Promise<ScaffoldResult> {
  return guarded(async () => {
    const budgetBytes = opts.maxChunkBytes ?? DEFAULT_CHUNK_BYTES;
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
    const metaValues: string[][] = [
      ...(hasMeta ? [] : [[...META_SHEET_HEADER]]),
      ...model.metadata.map(([k, v]) => [model.name, k, String(v)]),
    ];

    const ws = context.workbook.worksheets.add(model.name);
    try {
      await writeEssentials(context, ws, model, hasMeta, metaRows, metaValues, budgetBytes);
    } catch (e) {
      await removeForm(context, model.name, hasMeta, metaRows, metaValues.length);
      throw e;
    }
    const notes: Msg[] = [];
    for (const step of finishingSteps(ws, model, budgetBytes)) {
      try {
        step.run();
        // One request per finishing step, so that a refused one costs only itself (five for an
        // ordinary form; the row heights of a very long one take more).
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (e) {
        notes.push(stepNote(step.missing, e));
      }
    }
    return { notes };
  });
}

async function writeEssentials(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  model: SheetModel,
  hasMeta: boolean,
  metaRows: number,
  metaValues: string[][],
  budgetBytes: number
): Promise<void> {
  const meta = hasMeta
    ? context.workbook.worksheets.getItem(META_SHEET)
    : context.workbook.worksheets.add(META_SHEET);
  const metaTarget = meta.getRangeByIndexes(metaRows, 0, metaValues.length, 3);
  const formats = numberFormats(model);
  // The values as Excel takes them: the layout's own formulas as "=…" (the item text with its score,
  // the subtitle); every other text cell is Text by the time values arrive, so a district's text
  // that starts with "=" stays text.
  const cellValues = model.values.map((row) =>
    row.map((v) => (v === null ? "" : isFormula(v) ? `=${v.formula}` : v))
  );
  const chunks = chunkRows(cellValues, budgetBytes);
  const chunkRange = (c: (typeof chunks)[number]) =>
    ws.getRangeByIndexes(c.start, 0, c.rows.length, model.colCount);
  // Request 1: the sheets and number formats, so that text cells are Text before any value arrives.
  for (const c of chunks)
    chunkRange(c).numberFormat = formats.slice(c.start, c.start + c.rows.length);
  metaTarget.numberFormat = metaValues.map((r) => r.map(() => TEXT_FORMAT));
  await context.sync();

  // Then values (one request unless the form is very large), styles, merges, widths, rules.
  const budget = new RequestBudget(() => context.sync(), budgetBytes);
  for (const c of chunks) {
    const values = c.rows;
    await budget.reserve(1, 1, jsonBytes(values));
    chunkRange(c).values = values;
  }
  await budget.reserve(1, 1, jsonBytes(metaValues));
  metaTarget.values = metaValues;
  const all = rangeOf(ws, { r1: 1, c1: 1, r2: model.rowCount, c2: model.colCount });
  await budget.reserve(3, 2);
  all.format.font.name = FONT.name;
  all.format.font.size = FONT.size;
  await budget.reserve(...styleCost(STYLES.base));
  applyStyle(all, STYLES.base);
  for (const { range, style } of model.styles) {
    await budget.reserve(...styleCost(STYLES[style]));
    applyStyle(rangeOf(ws, range), STYLES[style]);
  }
  for (const m of model.merges) {
    await budget.reserve(1, 1);
    rangeOf(ws, m).merge(false);
  }
  for (const [i, w] of model.columnWidths.entries()) {
    await budget.reserve(2, 1);
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthToPoints(w);
  }
  for (const v of model.validations) {
    await budget.reserve(2, 4, jsonBytes(v));
    const dv = rangeOf(ws, v.range).dataValidation;
    dv.ignoreBlanks = true;
    dv.prompt = { showPrompt: true, title: v.title, message: v.prompt };
    dv.errorAlert = { showAlert: true, style: "Stop", title: v.title, message: v.error };
    dv.rule = { decimal: { formula1: v.min, formula2: v.max, operator: "Between" } };
  }
  for (const cf of model.conditionalFormats) {
    await budget.reserve(8, 3, jsonBytes(cf.formula));
    const f = rangeOf(ws, cf.range).conditionalFormats.add("Custom");
    f.custom.rule.formula = `=${cf.formula}`;
    f.custom.format.fill.color = color(cf.fill);
    f.custom.format.font.color = color(cf.fontColor);
  }
  await budget.reserve(1, 1);
  meta.visibility = "VeryHidden";
  await budget.flush();
}

/**
 * Undo a form whose essential part failed (Excel applies a failed request up to the failing
 * operation): delete the new sheet, and the metadata rows written for it (or the metadata sheet, when
 * this form created it; a very hidden sheet cannot be deleted, so it is made hidden first).
 */
async function removeForm(
  context: Excel.RequestContext,
  name: string,
  hadMeta: boolean,
  metaRows: number,
  metaCount: number
): Promise<void> {
  try {
    const names = await sheetNames(context);
    if (names.includes(name)) context.workbook.worksheets.getItem(name).delete();
    if (names.includes(META_SHEET)) {
      const meta = context.workbook.worksheets.getItem(META_SHEET);
      if (hadMeta)
        meta.getRangeByIndexes(metaRows, 0, metaCount, 3).values = Array.from(
          { length: metaCount },
          () => ["", "", ""]
        );
      else {
        meta.visibility = "Hidden";
        meta.delete();
      }
    }
    await context.sync();
  } catch {
    // Nothing more can be done in this batch; the error that caused the removal is reported.
  }
}
