import {
  Catalog,
  CellGrid,
  CellRange,
  DEFAULT_CATALOG,
  GridCell,
  META_SHEET,
  msg,
  NotAFormError,
  parseRange,
  readForm,
  ReadForm,
} from "../domain";
import { guarded } from "./errors";

/** The form on the active sheet, with what is needed to mark it afterwards. */
export interface SheetForm {
  form: ReadForm;
  /** The sheet was protected when read (marking needs to lift and restore protection). */
  protectedSheet: boolean;
  syncs: number;
}

/** A CellGrid over Office.js `values` of the used range (which may not start at A1). */
export function gridFromValues(
  name: string,
  values: unknown[][],
  rowIndex: number,
  columnIndex: number,
  /** The merged areas, or null when this Excel cannot tell them (before ExcelApi 1.13). */
  merges: CellRange[] | null = null
): CellGrid {
  const rowCount = rowIndex + values.length;
  const colCount = columnIndex + (values[0]?.length ?? 0);
  return {
    name,
    rowCount,
    colCount,
    raw: (r, c) => {
      const v = values[r - 1 - rowIndex]?.[c - 1 - columnIndex];
      return v === undefined || v === "" ? null : (v as GridCell);
    },
    merges: merges ?? [],
    mergesKnown: merges !== null,
  };
}

function storedFrom(values: unknown[][] | null, sheet: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of values ?? [])
    if (String(row[0]) === sheet && row[1]) out.set(String(row[1]), String(row[2] ?? ""));
  return out;
}

/**
 * Read the reporting form on the active sheet in one sync (a second one only when the visible metadata
 * is incomplete and the hidden metadata sheet has to fill it in).
 */
export async function readActiveForm(
  context: Excel.RequestContext,
  opts: { catalog?: Catalog; mergedAreas?: boolean } = {}
): Promise<SheetForm> {
  return guarded(async () => {
    const catalog = opts.catalog ?? DEFAULT_CATALOG;
    const ws = context.workbook.worksheets.getActiveWorksheet().load("name");
    const used = ws.getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex");
    const protection = ws.protection.load("protected");
    const merged = opts.mergedAreas
      ? ws.getRange().getMergedAreasOrNullObject().load("areas/items/address")
      : null;
    const meta = context.workbook.worksheets.getItemOrNullObject(META_SHEET).load("name");
    await context.sync();
    let syncs = 1;
    if (used.isNullObject)
      throw new NotAFormError(
        ws.name,
        msg(`ชีต "${ws.name}" ว่างเปล่า`, `Sheet "${ws.name}" is empty`)
      );
    // No merged areas on a sheet is a null object too: merges are known whenever they were asked for.
    const merges: CellRange[] | null = merged ? [] : null;
    if (merges && merged && !merged.isNullObject) {
      for (const a of merged.areas.items) {
        const r = parseRange(a.address.split("!").pop()!);
        if (r) merges.push(r);
      }
    }
    const grid = gridFromValues(ws.name, used.values, used.rowIndex, used.columnIndex, merges);
    let form = readForm(grid, catalog);
    const incomplete =
      !form.unit.raw ||
      !form.fiscalYear.raw ||
      !form.round.raw ||
      !form.passMark.raw ||
      !form.formVersion ||
      // A form this copy does not bundle: the workbook carries it in the metadata sheet.
      form.catalog.formId !== form.formId ||
      form.catalog.version !== form.formVersion;
    if (incomplete && !meta.isNullObject) {
      const metaUsed = context.workbook.worksheets
        .getItem(META_SHEET)
        .getUsedRangeOrNullObject(true)
        .load("values");
      await context.sync();
      syncs++;
      form = readForm(
        grid,
        catalog,
        storedFrom(metaUsed.isNullObject ? null : metaUsed.values, ws.name)
      );
    }
    return { form, protectedSheet: protection.protected, syncs };
  });
}
