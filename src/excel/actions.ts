import { FormItem, codeSpan, msg, FormSheet, ReadItem, standardMeasuresText } from "../domain";
import { ExcelActionError, guarded } from "./errors";

/** Select a cell (and its sheet) so the user sees it: one sync. */
export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  cell: string
): Promise<void> {
  await guarded(async () => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}

/** Write numbers into score cells: one sync whatever their number. */
export async function writeScores(
  context: Excel.RequestContext,
  sheet: string,
  changes: readonly { cell: string; after: number }[]
): Promise<void> {
  if (!changes.length) return;
  await guarded(async () => {
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const c of changes) ws.getRange(c.cell).values = [[c.after]];
    await context.sync();
  });
}

/**
 * Write the form's standard measures for an item into its measures cell (one sync); returns the text.
 * Only the value changes: the cell is an unlocked text cell of the protected form, and a format change
 * would need the protection lifted.
 */
export async function insertStandardMeasures(
  context: Excel.RequestContext,
  form: FormSheet,
  item: FormItem,
  chosen: readonly string[]
): Promise<string> {
  const it = form.items.find((i) => i.code === item.code);
  if (!it) throw new Error(`Item ${item.code} is not on the sheet`);
  // Text already there (the item's own, or its measure group's shared cell) is never written over.
  if (it.measures) {
    const group = it.sharedWith.length ? codeSpan([it.code, ...it.sharedWith]) : null;
    throw new ExcelActionError(
      group
        ? msg(
            `ข้อ ${it.code} ใช้มาตรการร่วมกับข้อ ${group} (ช่อง ${it.cells.measures}): เพิ่มมาตรการของข้อ ${it.code} ต่อท้ายข้อความในช่องนั้น`,
            `${it.code} shares its measures with ${group} (cell ${it.cells.measures}): add a measure for ${it.code} at the end of that cell's text`
          )
        : msg(
            `ข้อ ${it.code} มีมาตรการอยู่แล้วในช่อง ${it.cells.measures}: แก้ไขหรือเพิ่มในช่องนั้นโดยตรง`,
            `${it.code} already has measures in cell ${it.cells.measures}: edit or add to that cell directly`
          ),
      "ItemHasMeasures"
    );
  }
  const text = standardMeasuresText(chosen);
  await guarded(async () => {
    const range = context.workbook.worksheets
      .getItem(form.sheet)
      .getRange(measuresTarget(form, it));
    range.values = [[text]];
    await context.sync();
  });
  return text;
}

/**
 * The cell an item's measures are written in: its own, or the first cell of the text its measure group
 * shares (a group laid out over two pages has a "(ต่อ)" cell on the second, which must stay a
 * continuation of the first).
 */
function measuresTarget(form: FormSheet, it: ReadItem): string {
  if (!it.sharedWith.length) return it.cells.measures;
  const members = form.items.filter((o) => o === it || it.sharedWith.includes(o.code));
  return members.reduce((a, b) => (b.row < a.row ? b : a)).cells.measures;
}

/** What `insertStandardMeasuresMany` wrote: one text per cell (items of one shared cell together). */
export interface MeasuresWritten {
  cell: string;
  codes: string[];
  text: string;
}

/**
 * Standard measures for several items at once, in one sync. Items whose cell already has text are
 * skipped (never written over); items sharing one cell (a measure group not yet written) get one text
 * with the measures chosen for any of them, each once.
 */
export async function insertStandardMeasuresMany(
  context: Excel.RequestContext,
  form: FormSheet,
  entries: readonly { item: FormItem; chosen: readonly string[] }[]
): Promise<MeasuresWritten[]> {
  const byCell = new Map<string, { codes: string[]; measures: string[] }>();
  for (const { item, chosen } of entries) {
    const it = form.items.find((i) => i.code === item.code);
    if (!it || it.measures || !chosen.length) continue;
    const cell = measuresTarget(form, it);
    const w = byCell.get(cell) ?? { codes: [], measures: [] };
    w.codes.push(it.code);
    for (const m of chosen) if (!w.measures.includes(m)) w.measures.push(m);
    byCell.set(cell, w);
  }
  const written = [...byCell].map(([cell, w]) => ({
    cell,
    codes: w.codes,
    text: standardMeasuresText(w.measures),
  }));
  if (!written.length) return written;
  await guarded(async () => {
    const ws = context.workbook.worksheets.getItem(form.sheet);
    for (const w of written) ws.getRange(w.cell).values = [[w.text]];
    await context.sync();
  });
  return written;
}
