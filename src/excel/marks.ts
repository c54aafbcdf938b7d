import { columnIndex, Issue, parseRange, FormSheet, STYLES } from "../domain";
import { guarded } from "./errors";
import { protectionOptions } from "./format";

/** Where the cells marked by the last validation are remembered (per sheet). */
export interface MarkStore {
  get(sheet: string): string[];
  set(sheet: string, cells: string[]): Promise<void>;
}

export const MARK_FILL = { error: "#F8CBAD", warning: "#FFE699" } as const;

/** The fill the layout gives a cell, to restore when its mark is cleared. */
function layoutFill(form: FormSheet, address: string): string | null {
  const r = parseRange(address);
  if (!r) return null;
  if (r.r1 < form.headerRow) return `#${STYLES.metaValue.fill}`;
  if (r.c1 === form.columns.code || r.c1 === form.columns.item || r.c1 === columnIndex("code"))
    return `#${STYLES.itemText.fill}`;
  return null;
}

/**
 * Colour the cells that have issues and clear the marks of an earlier run, in one sync. A protected
 * form is unprotected for the change and protected again in the same batch (no password is used:
 * a sheet protected with a password by someone else fails with a clear message and nothing changes).
 */
export async function markIssues(
  context: Excel.RequestContext,
  form: FormSheet,
  issues: readonly Issue[],
  protectedSheet: boolean,
  store: MarkStore
): Promise<string[]> {
  return guarded(async () => {
    const ws = context.workbook.worksheets.getItem(form.sheet);
    if (protectedSheet) ws.protection.unprotect();
    const severityOf = new Map<string, Issue["severity"]>();
    for (const i of issues)
      if (i.cell && severityOf.get(i.cell) !== "error") severityOf.set(i.cell, i.severity);
    for (const cell of store.get(form.sheet)) {
      if (severityOf.has(cell)) continue;
      const fill = layoutFill(form, cell);
      if (fill) ws.getRange(cell).format.fill.color = fill;
      else ws.getRange(cell).format.fill.clear();
    }
    for (const [cell, sev] of severityOf) ws.getRange(cell).format.fill.color = MARK_FILL[sev];
    if (protectedSheet) ws.protection.protect(protectionOptions());
    await context.sync();
    const marked = [...severityOf.keys()];
    await store.set(form.sheet, marked);
    return marked;
  });
}

/** Marks kept in memory (tests, and hosts without document settings). */
export function memoryMarkStore(): MarkStore {
  const m = new Map<string, string[]>();
  return { get: (s) => m.get(s) ?? [], set: async (s, c) => void m.set(s, c) };
}
