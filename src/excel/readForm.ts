import {
  FormDef,
  CellGrid,
  CellRange,
  DEFAULT_FORM,
  GridCell,
  META_SHEET,
  msg,
  NotAFormError,
  UnknownFormError,
  parseRange,
  readForm,
  FormSheet,
} from "../domain";
import { guarded } from "./errors";

/** The form on the active sheet, with what is needed to mark it afterwards. */
export interface SheetForm {
  form: FormSheet;
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

/** What was queued to read one sheet; `grid` (after the sync) builds its cells. */
function queueSheet(ws: Excel.Worksheet, mergedAreas: boolean) {
  // Number formats too: a score shown as 85% is 0.85 (read as 85, with a warning).
  const used = ws.getUsedRangeOrNullObject(true).load("values,numberFormat,rowIndex,columnIndex");
  const protection = ws.protection.load("protected");
  const merged = mergedAreas
    ? ws.getRange().getMergedAreasOrNullObject().load("areas/items/address")
    : null;
  const shapes = ws.shapes.load("items/type,items/left,items/top");
  return {
    ws,
    used,
    protection,
    shapes,
    /** The sheet's cells, or null when the sheet is empty. */
    grid(name: string): CellGrid | null {
      if (used.isNullObject) return null;
      // No merged areas on a sheet is a null object too: merges are known whenever they were asked for.
      const merges: CellRange[] | null = merged ? [] : null;
      if (merges && merged && !merged.isNullObject) {
        for (const a of merged.areas.items) {
          const r = parseRange(a.address.split("!").pop()!);
          if (r) merges.push(r);
        }
      }
      const grid = gridFromValues(name, used.values, used.rowIndex, used.columnIndex, merges);
      const formats = used.numberFormat as string[][];
      grid.numFmt = (r, c) => formats?.[r - 1 - used.rowIndex]?.[c - 1 - used.columnIndex] ?? null;
      return grid;
    },
  };
}

/**
 * One more request for how the sheet prints (the print check, `cutOffs`): each row's height, each
 * column's width (a range of one row or column each: several have no single height) and the page
 * breaks, put on the grid.
 */
async function readGeometry(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  grid: CellGrid
): Promise<void> {
  const rows = Array.from({ length: grid.rowCount }, (_, r) =>
    ws.getRangeByIndexes(r, 0, 1, 1).load("height")
  );
  const cols = Array.from({ length: Math.max(7, grid.colCount) }, (_, c) =>
    ws.getRangeByIndexes(0, c, 1, 1).load("width")
  );
  const breaks = ws.horizontalPageBreaks.load("items/rowIndex");
  await context.sync();
  grid.geometry = {
    rowHeight: (r) => ({ pt: rows[r - 1]?.height ?? 15, auto: false }),
    colWidth: (c) => (cols[c - 1] ? (cols[c - 1].width / 0.75 - 5) / 7 : 8.43),
    breaksBefore: breaks.items.map((b) => b.rowIndex + 1).sort((a, b) => a - b),
  };
}

type QueuedSheet = ReturnType<typeof queueSheet>;

/**
 * The form of a sheet read by `queueSheet`: the hidden metadata sheet fills what the visible metadata
 * lacks (one more sync, only then), and pictures count as evidence of the item whose evidence cell
 * they sit in (one more sync, only when the sheet has pictures). Throws NotAFormError when the grid is
 * not a form.
 */
async function completeForm(
  context: Excel.RequestContext,
  q: QueuedSheet,
  grid: CellGrid,
  formDef: FormDef,
  metaExists: boolean,
  /** The grid already read without metadata (locateFormSheet's test of the active sheet), not read again. */
  first?: FormSheet,
  /** Read how the sheet prints too (one more request), for the print check. */
  geometry = false
): Promise<{ form: FormSheet; syncs: number }> {
  let syncs = 0;
  if (geometry) {
    await readGeometry(context, q.ws, grid);
    syncs++;
    first = undefined;
  }
  let form = first ?? readForm(grid, formDef);
  const incomplete =
    !form.unit.raw ||
    !form.fiscalYear.raw ||
    !form.round.raw ||
    !form.passMark.raw ||
    !form.formVersion ||
    // A sheet started from an earlier report: what it carried is in the metadata sheet.
    form.continues === true ||
    // A form this copy does not bundle: the workbook carries it in the metadata sheet.
    form.formDef.formId !== form.formId ||
    form.formDef.version !== form.formVersion;
  if (incomplete && metaExists) {
    const metaUsed = context.workbook.worksheets
      .getItem(META_SHEET)
      .getUsedRangeOrNullObject(true)
      .load("values");
    await context.sync();
    syncs++;
    form = readForm(
      grid,
      formDef,
      storedFrom(metaUsed.isNullObject ? null : metaUsed.values, grid.name)
    );
  }
  const pictures = q.shapes.items.filter((x) => x.type === "Image");
  if (pictures.length && !q.used.isNullObject) {
    const areas = evidenceAreas(form, q.used.rowIndex + q.used.values.length).map((a) => ({
      ...a,
      rect: q.ws.getRange(a.address).load("left,top,width,height"),
    }));
    await context.sync();
    syncs++;
    for (const a of areas) {
      const { left, top, width, height } = a.rect;
      const count = pictures.filter(
        (p) => p.left >= left && p.left < left + width && p.top >= top && p.top < top + height
      ).length;
      for (const it of form.items) if (it.cells.evidence === a.anchor) it.photos = count;
    }
  }
  return { form, syncs };
}

/**
 * Read the reporting form on the active sheet in one sync (one more when the visible metadata is
 * incomplete or the form marker says the sheet continues an earlier report, so that the hidden
 * metadata sheet fills it in; one more when the sheet has pictures).
 */
export async function readActiveForm(
  context: Excel.RequestContext,
  opts: { formDef?: FormDef; mergedAreas?: boolean } = {}
): Promise<SheetForm> {
  return guarded(async () => {
    const formDef = opts.formDef ?? DEFAULT_FORM;
    const ws = context.workbook.worksheets.getActiveWorksheet().load("name");
    const q = queueSheet(ws, Boolean(opts.mergedAreas));
    const meta = context.workbook.worksheets.getItemOrNullObject(META_SHEET).load("name");
    await context.sync();
    const grid = q.grid(ws.name);
    if (!grid)
      throw new NotAFormError(
        ws.name,
        msg(`ชีต "${ws.name}" ว่างเปล่า`, `Sheet "${ws.name}" is empty`)
      );
    const { form, syncs } = await completeForm(context, q, grid, formDef, !meta.isNullObject);
    return { form, protectedSheet: q.protection.protected, syncs: 1 + syncs };
  });
}

/** How the form was found: on the active sheet, as the workbook's only form, or the sheet asked for. */
export type FoundHow = "active" | "only" | "chosen";

/** The form to work on, or the form sheets to choose from when the workbook holds several. */
export type FormLookup =
  | ({ kind: "form"; how: FoundHow } & SheetForm)
  | { kind: "choose"; sheets: string[]; active: string; syncs: number };

/** The rows and columns where `readForm` looks for the header (enough to tell a form sheet). */
const PROBE = "A1:AN60";

/**
 * A grid's form read without its metadata: null when the grid is not a form, undefined for a form
 * whose form this copy does not bundle (the read with its metadata says why).
 */
const firstRead = (grid: CellGrid, formDef: FormDef): FormSheet | null | undefined => {
  try {
    return readForm(grid, formDef);
  } catch (e) {
    if (e instanceof NotAFormError) return null;
    if (e instanceof UnknownFormError) return undefined;
    throw e;
  }
};

/** The lookup's answer for a form sheet read by `queueSheet` (its metadata and pictures completed). */
async function foundForm(
  context: Excel.RequestContext,
  q: QueuedSheet,
  grid: CellGrid,
  how: FoundHow,
  formDef: FormDef,
  metaExists: boolean,
  syncsBefore: number,
  first?: FormSheet,
  geometry = false
): Promise<FormLookup> {
  const done = await completeForm(context, q, grid, formDef, metaExists, first, geometry);
  return {
    kind: "form",
    how,
    form: done.form,
    protectedSheet: q.protection.protected,
    syncs: syncsBefore + done.syncs,
  };
}

const quotedList = (names: string[]) => names.map((n) => `"${n}"`).join(", ") || "-";

/**
 * Find the form wherever the user is: the sheet asked for; else the active sheet when it is a form;
 * else the workbook's only form sheet (visible ones first); else the form sheets to choose from.
 * Syncs: 1 when the active sheet is the form; 3 when another sheet is (list and active, the top of
 * every other sheet, the form); 2 to offer a choice — plus 1 with `geometry` (row heights, column
 * widths and page breaks, for the print check), 1 when the hidden metadata has to fill in
 * and 1 when the form's sheet has pictures (counted as evidence).
 */
export async function locateFormSheet(
  context: Excel.RequestContext,
  opts: { sheet?: string; formDef?: FormDef; mergedAreas?: boolean; geometry?: boolean } = {}
): Promise<FormLookup> {
  return guarded(async () => {
    const formDef = opts.formDef ?? DEFAULT_FORM;
    const mergedAreas = Boolean(opts.mergedAreas);
    const geo = Boolean(opts.geometry);
    const sheets = context.workbook.worksheets;
    const meta = sheets.getItemOrNullObject(META_SHEET).load("name");
    if (opts.sheet !== undefined) {
      const ws = sheets.getItem(opts.sheet).load("name");
      const q = queueSheet(ws, mergedAreas);
      await context.sync();
      const grid = q.grid(ws.name) ?? gridFromValues(ws.name, [], 0, 0, mergedAreas ? [] : null);
      return foundForm(context, q, grid, "chosen", formDef, !meta.isNullObject, 1, undefined, geo);
    }
    sheets.load("items/name,items/visibility");
    const active = sheets.getActiveWorksheet().load("name");
    const q = queueSheet(active, mergedAreas);
    await context.sync();
    let syncs = 1;
    const activeGrid = q.grid(active.name);
    const first = activeGrid && firstRead(activeGrid, formDef);
    if (activeGrid && first !== null) {
      return foundForm(
        context,
        q,
        activeGrid,
        "active",
        formDef,
        !meta.isNullObject,
        syncs,
        first,
        geo
      );
    }
    const others = sheets.items.filter((w) => w.name !== active.name && w.name !== META_SHEET);
    const probes = others.map((w) => ({
      ws: w,
      range: w.getRange(PROBE).load("values"),
    }));
    if (probes.length) {
      await context.sync();
      syncs++;
    }
    const found = probes.filter(
      (p) => firstRead(gridFromValues(p.ws.name, p.range.values, 0, 0), formDef) !== null
    );
    const shown = found.filter((p) => p.ws.visibility === "Visible");
    const forms = (shown.length ? shown : found).map((p) => p.ws.name);
    if (!forms.length) {
      const checked = sheets.items.filter((w) => w.name !== META_SHEET).map((w) => w.name);
      throw new NotAFormError(
        active.name,
        msg(
          `ไม่พบแบบรายงาน ITA ในสมุดงานนี้: ไม่มีชีตใดมีหัวตาราง "ประเด็นการประเมิน" และ "คะแนน" (ชีตที่ตรวจ: ${quotedList(checked)}) สร้างแบบได้ที่แท็บ "สร้างแบบ"`,
          `No ITA report in this workbook: no sheet has the headers "ประเด็นการประเมิน" and "คะแนน" (sheets checked: ${quotedList(checked)}); create one in the "Create" tab`
        )
      );
    }
    if (forms.length > 1) return { kind: "choose", sheets: forms, active: active.name, syncs };
    const ws = sheets.getItem(forms[0]).load("name");
    const only = queueSheet(ws, mergedAreas);
    await context.sync();
    syncs++;
    const grid = only.grid(ws.name) ?? gridFromValues(ws.name, [], 0, 0);
    return foundForm(
      context,
      only,
      grid,
      "only",
      formDef,
      !meta.isNullObject,
      syncs,
      undefined,
      geo
    );
  });
}

/**
 * The evidence areas of a form as ranges: each distinct evidence cell the items point at, down to the
 * row before the next one (a measure group's shared cell and the continuation rows of a text).
 */
export function evidenceAreas(
  form: FormSheet,
  lastRow: number
): { anchor: string; address: string }[] {
  const anchors = [...new Set(form.items.map((i) => i.cells.evidence))]
    .map((a) => ({ a, r: parseRange(a)! }))
    .sort((x, y) => x.r.r1 - y.r.r1);
  return anchors.map(({ a, r }, k) => {
    const end = Math.max(r.r1, (anchors[k + 1]?.r.r1 ?? lastRow + 1) - 1);
    return { anchor: a, address: `${a}:${a.replace(/\d+$/, String(end))}` };
  });
}
