import { CatalogItem, codeSpan, msg, ReadForm, standardMeasuresText } from "../domain";
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
  form: ReadForm,
  item: CatalogItem,
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
    const range = context.workbook.worksheets.getItem(form.sheet).getRange(it.cells.measures);
    range.values = [[text]];
    await context.sync();
  });
  return text;
}
