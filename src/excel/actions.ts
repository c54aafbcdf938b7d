import {
  addr,
  FormItem,
  codeSpan,
  msg,
  FormSheet,
  ReadItem,
  standardMeasuresText,
} from "../domain";
import { protectionOptions } from "./format";
import { splitItems } from "./split";
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

/**
 * Write numbers into score cells: one sync whatever their number. A cell shown as a percentage or a
 * date gets the score's number format with its number (the sheet's protection lifted for that, and
 * put back: the form does not let cells be formatted).
 */
export async function writeScores(
  context: Excel.RequestContext,
  sheet: string,
  changes: readonly { cell: string; after: number; numFmt?: string }[],
  protectedSheet = false
): Promise<void> {
  if (!changes.length) return;
  await guarded(async () => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const lift = protectedSheet && changes.some((c) => c.numFmt);
    if (lift) ws.protection.unprotect();
    for (const c of changes) {
      const range = ws.getRange(c.cell);
      if (c.numFmt) range.numberFormat = [[c.numFmt]];
      range.values = [[c.after]];
    }
    if (lift) ws.protection.protect(protectionOptions());
    await context.sync();
  });
}

/**
 * Write the form's standard measures for an item into its own measures cell; returns the text. An
 * item of a measure group whose shared cell is still empty gets a cell of its own first (the split of
 * `split.ts`, in the same two requests): the measures are the item's, and the group's other items do
 * not take them on (nor the "no results" that would come with them). Otherwise one request: only the
 * value changes (an unlocked text cell of the protected form).
 */
export async function insertStandardMeasures(
  context: Excel.RequestContext,
  form: FormSheet,
  item: FormItem,
  chosen: readonly string[],
  protectedSheet = false
): Promise<string> {
  const it = form.items.find((i) => i.code === item.code);
  if (!it) throw new Error(`Item ${item.code} is not on the sheet`);
  // Text already there (the item's own, or its measure group's shared cell) is never written over.
  if (it.measures) {
    const group = it.sharedWith.length ? codeSpan([it.code, ...it.sharedWith]) : null;
    throw new ExcelActionError(
      group
        ? msg(
            `ข้อ ${it.code} ใช้ช่องมาตรการร่วมกันทั้งกลุ่มข้อ ${group} (ช่อง ${it.cells.measures}): เพิ่มมาตรการของข้อ ${it.code} ต่อท้ายข้อความในช่องนั้น`,
            `${it.code} is in the measures cell ${group} share (cell ${it.cells.measures}): add a measure for ${it.code} at the end of that cell's text`
          )
        : msg(
            `ข้อ ${it.code} มีมาตรการอยู่แล้วในช่อง ${it.cells.measures}: แก้ไขหรือเพิ่มในช่องนั้นโดยตรง`,
            `${it.code} already has measures in cell ${it.cells.measures}: edit or add to that cell directly`
          ),
      "ItemHasMeasures"
    );
  }
  const text = standardMeasuresText(chosen);
  if (it.sharedWith.length) {
    await splitItems(context, form, [it.code], protectedSheet, {
      measures: new Map([[it.code, text]]),
    });
    return text;
  }
  await guarded(async () => {
    const range = context.workbook.worksheets.getItem(form.sheet).getRange(it.cells.measures);
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
 * Standard measures for several items at once. Items whose cell already has text are skipped (never
 * written over). Items that share one empty cell go there together, with the measures chosen for any
 * of them, each once, when every item sharing it was chosen (the user chose the group); otherwise
 * each chosen item gets a cell of its own (the split of `split.ts`) with its measures, and the
 * others keep the shared cell. Syncs: one for the shared cells; two more when items are split off.
 */
export async function insertStandardMeasuresMany(
  context: Excel.RequestContext,
  form: FormSheet,
  entries: readonly { item: FormItem; chosen: readonly string[] }[],
  protectedSheet = false
): Promise<MeasuresWritten[]> {
  const byCell = new Map<string, { codes: string[]; measures: string[] }>();
  const wanted = new Map<string, readonly string[]>();
  for (const { item, chosen } of entries) {
    const it = form.items.find((i) => i.code === item.code);
    if (!it || it.measures || !chosen.length) continue;
    wanted.set(it.code, chosen);
    const cell = measuresTarget(form, it);
    const w = byCell.get(cell) ?? { codes: [], measures: [] };
    w.codes.push(it.code);
    for (const m of chosen) if (!w.measures.includes(m)) w.measures.push(m);
    byCell.set(cell, w);
  }
  const written: MeasuresWritten[] = [];
  const split = new Map<string, string>();
  for (const [cell, w] of byCell) {
    const it = form.items.find((i) => i.code === w.codes[0])!;
    const whole = it.sharedWith.every((c) => w.codes.includes(c));
    if (whole) written.push({ cell, codes: w.codes, text: standardMeasuresText(w.measures) });
    else
      for (const code of w.codes) {
        const text = standardMeasuresText(wanted.get(code)!);
        split.set(code, text);
        written.push({
          cell: addr(form.items.find((i) => i.code === code)!.row, form.columns.measures),
          codes: [code],
          text,
        });
      }
  }
  if (split.size)
    await splitItems(context, form, [...split.keys()], protectedSheet, { measures: split });
  const shared = written.filter((w) => !split.has(w.codes[0]));
  if (shared.length)
    await guarded(async () => {
      const ws = context.workbook.worksheets.getItem(form.sheet);
      for (const w of shared) ws.getRange(w.cell).values = [[w.text]];
      await context.sync();
    });
  return written;
}
