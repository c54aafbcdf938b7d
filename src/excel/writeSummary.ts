import {
  cellFormat,
  COLOR_SCALE,
  colorScalePoints,
  COMPARE_SHEET,
  colLetter,
  FONT,
  freeSheetName,
  MAX_SHEET_NAME,
  Msg,
  msg,
  printOf,
  RowKind,
  SUMMARY_FIRST_ROW,
  SUMMARY_FORMATS,
  SUMMARY_HEADER_ROW,
  SUMMARY_MARGINS,
  SUMMARY_SHEETS,
  SUMMARY_STYLES,
  summaryHeaderFooter,
  summaryHeaderHeightPt,
  summaryPrintArea,
  summaryRowHeightPt,
  SummarySheet,
  TCell,
} from "../domain";
import { chunkRows, DEFAULT_CHUNK_BYTES, jsonBytes, RequestBudget } from "./chunks";
import { ExcelActionError, guarded, stepNote } from "./errors";
import { landscapeA4, thinBorders } from "./format";
import { widthToPoints } from "./writeForm";

export interface SummaryWriteOptions {
  /** Budget of one request in estimated bytes; Excel on the web refuses requests over 5 MB. */
  maxChunkBytes?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: { aborted: boolean };
}

export interface SummaryWriteResult {
  syncs: number;
  /** What could not be done although the summary is written (Thai/English, with what to do). */
  notes: Msg[];
}

export class CancelledError extends ExcelActionError {
  constructor() {
    super(
      msg("ยกเลิกแล้ว สรุปเดิม (ถ้ามี) ยังอยู่ครบ", "Cancelled; the earlier summary (if any) is unchanged"),
      "Cancelled"
    );
  }
}

/**
 * Every sheet a summary may have. One an earlier summary had and the new one has not (the comparison
 * of an earlier merge) is removed with the earlier summary, so no sheet outlives the merge it belongs to.
 */
const SUMMARY_NAMES: readonly string[] = [...Object.values(SUMMARY_SHEETS), COMPARE_SHEET];

/** Temporary sheets are "~<name>", an earlier summary waiting to be deleted "~old <name>". */
const TEMP = "~";
const BACKUP = "~old ";

function tempFor(name: string): string {
  return `${TEMP}${name}`;
}

/** A sheet this writer left behind: a temporary sheet or a backup of an earlier summary. */
export function leftoverOf(
  sheetName: string,
  finals: readonly string[]
): { kind: "temp" | "backup"; final: string } | null {
  for (const [prefix, kind] of [
    [BACKUP, "backup"],
    [TEMP, "temp"],
  ] as const) {
    if (!sheetName.startsWith(prefix)) continue;
    const rest = sheetName.slice(prefix.length).replace(/ \(\d+\)$/, "");
    const final = finals.find(
      (f) => f === rest || (sheetName.length === MAX_SHEET_NAME && f.startsWith(rest))
    );
    if (final) return { kind, final };
  }
  return null;
}

/** Rows of a sheet as written: title, subtitle, header, then the data rows. */
function sheetRows(s: SummarySheet): TCell[][] {
  const n = s.columns.length;
  const pad = (cells: TCell[]) =>
    [...cells, ...new Array<TCell>(Math.max(0, n - cells.length)).fill(null)].slice(0, n);
  return [
    pad([s.title]),
    pad([s.subtitle]),
    s.columns.map((c) => c.header),
    ...s.rows.map((r) => pad(r.cells)),
  ];
}

/** Consecutive data rows of the same kind, width and merge, for formatting them range by range. */
function runs(s: SummarySheet): {
  kind: RowKind;
  first: number;
  last: number;
  span: number;
  merge?: { c1: number; c2: number };
}[] {
  const out: ReturnType<typeof runs> = [];
  s.rows.forEach((r, i) => {
    const row = SUMMARY_FIRST_ROW + i;
    const span = r.span ?? s.columns.length;
    const last = out[out.length - 1];
    if (
      last &&
      last.kind === r.kind &&
      last.span === span &&
      JSON.stringify(last.merge) === JSON.stringify(r.merge) &&
      last.last === row - 1
    )
      last.last = row;
    else out.push({ kind: r.kind, first: row, last: row, span, merge: r.merge });
  });
  return out;
}

type Sync = () => Promise<void>;

interface SheetRef {
  id: string;
  name: string;
}

async function listSheets(context: Excel.RequestContext, sync: Sync): Promise<SheetRef[]> {
  const all = context.workbook.worksheets.load("items/name,items/id");
  await sync();
  return all.items.map((w) => ({ id: w.id, name: w.name }));
}

/**
 * Delete sheets (by name or id) that still exist: in one request, or one by one if that fails.
 * Returns the keys of the sheets left.
 */
async function deleteSheets(
  context: Excel.RequestContext,
  sync: Sync,
  keys: readonly string[]
): Promise<string[]> {
  const present = async () => {
    const list = await listSheets(context, sync);
    return keys.filter((k) => list.some((w) => w.id === k || w.name === k));
  };
  let left: string[];
  try {
    left = await present();
  } catch {
    return [...keys];
  }
  if (!left.length) return [];
  try {
    for (const k of left) context.workbook.worksheets.getItem(k).delete();
    await sync();
    return [];
  } catch {
    for (const k of await present().catch(() => left)) {
      try {
        context.workbook.worksheets.getItem(k).delete();
        await sync();
      } catch {
        // left for the next run's sweep
      }
    }
    return present().catch(() => left);
  }
}

/**
 * Clear what an earlier, interrupted run left: temporary sheets are deleted; a backup of an earlier
 * summary takes its name back when no summary sheet has it, and is deleted when one has.
 */
async function sweep(
  context: Excel.RequestContext,
  sync: Sync,
  sheets: SheetRef[],
  finals: readonly string[]
): Promise<boolean> {
  const names = new Set(sheets.map((s) => s.name.toLowerCase()));
  const remove: string[] = [];
  const restore: { id: string; final: string }[] = [];
  for (const s of sheets) {
    const l = leftoverOf(s.name, finals);
    if (!l) continue;
    if (l.kind === "backup" && !names.has(l.final.toLowerCase())) {
      restore.push({ id: s.id, final: l.final });
      names.add(l.final.toLowerCase());
    } else remove.push(s.id);
  }
  if (!remove.length && !restore.length) return false;
  for (const r of restore) {
    try {
      context.workbook.worksheets.getItem(r.id).name = r.final;
      await sync();
    } catch {
      // left for the next run
    }
  }
  await deleteSheets(context, sync, remove);
  return true;
}

/**
 * Write the summary sheets into the open workbook. New sheets are written under temporary names
 * ("~…"), values and formats in requests that stay under the size budget, each chunk's number formats
 * in the request before its values (so text stays text). Only when everything is written does the
 * earlier summary step aside (renamed "~old …"), the new sheets take its names, and the earlier one is
 * deleted. On a failure or a cancel the new sheets are removed and the earlier summary keeps its names;
 * whatever an interrupted run could not remove is cleared at the start of the next one. Showing the
 * summary and removing the earlier one are not essential: when Excel refuses them the summary stands
 * and the result carries a note.
 */
export async function writeSummarySheets(
  context: Excel.RequestContext,
  sheets: SummarySheet[],
  opts: SummaryWriteOptions = {}
): Promise<SummaryWriteResult> {
  const budget = opts.maxChunkBytes ?? DEFAULT_CHUNK_BYTES;
  const finals = [...new Set([...sheets.map((s) => s.name), ...SUMMARY_NAMES])];
  const notes: Msg[] = [];
  let syncs = 0;
  const sync = async () => {
    await context.sync();
    syncs++;
  };
  return guarded(async () => {
    let existing = await listSheets(context, sync);
    if (await sweep(context, sync, existing, finals)) existing = await listSheets(context, sync);
    const taken = existing.map((w) => w.name);
    const temps: string[] = [];
    for (const s of sheets) {
      const t = freeSheetName(tempFor(s.name), taken);
      temps.push(t);
      taken.push(t);
    }
    const plans = sheets.map((s) => ({ sheet: s, rows: sheetRows(s) }));
    const total = plans.reduce((n, p) => n + p.rows.length, 0);
    const added: string[] = [];
    let done = 0;
    try {
      for (const [k, p] of plans.entries()) {
        if (opts.signal?.aborted) throw new CancelledError();
        const ws = context.workbook.worksheets.add(temps[k]);
        added.push(temps[k]);
        const n = p.sheet.columns.length;
        const formats = p.sheet.columns.map((c) => SUMMARY_FORMATS[c.kind]);
        const chunks = chunkRows(p.rows, budget);
        const formatOf = (r: number) => {
          if (r < SUMMARY_HEADER_ROW) return formats.map(() => "@");
          const row = p.sheet.rows[r - SUMMARY_FIRST_ROW + 1];
          return row?.numberFormat ? p.sheet.columns.map((c) => cellFormat(row, c)) : formats;
        };
        const formatChunk = (c: (typeof chunks)[number]) =>
          (ws.getRangeByIndexes(c.start, 0, c.rows.length, n).numberFormat = c.rows.map((_, i) =>
            formatOf(c.start + i)
          ));
        // Each chunk's values go one request after its number formats.
        formatChunk(chunks[0]);
        await sync();
        for (const [i, chunk] of chunks.entries()) {
          if (opts.signal?.aborted) throw new CancelledError();
          const range = ws.getRangeByIndexes(chunk.start, 0, chunk.rows.length, n);
          range.values = chunk.rows.map((r) => r.map((v) => (v === null ? "" : v)));
          if (chunks[i + 1]) formatChunk(chunks[i + 1]);
          await sync();
          done += chunk.rows.length;
          opts.onProgress?.(done, total);
        }
        await formatSheet(ws, p.sheet, p.rows.length, new RequestBudget(sync, budget));
        try {
          await printSetup(ws, p.sheet, sync);
        } catch (e) {
          notes.push(
            stepNote(
              msg(
                `ชีต "${p.sheet.name}" ยังไม่ได้ตั้งค่าการพิมพ์ (A4 แนวนอน หัวตารางทุกหน้า ตัวแบ่งหน้า): ตั้งที่ เค้าโครงหน้ากระดาษ`,
                `Print settings of "${p.sheet.name}" (A4 landscape, header on every page, page breaks) are not set: set them in Page Layout`
              ),
              e
            )
          );
        }
      }
      if (opts.signal?.aborted) throw new CancelledError();
      await swap(context, sync, sheets, temps, notes);
    } catch (e) {
      await deleteSheets(context, sync, added);
      throw e;
    }
    return { syncs, notes };
  });
}

/**
 * Give the new sheets the summary's names: the earlier summary is renamed "~old …" and the new
 * sheets renamed in one request; if Excel refuses, every sheet gets its name back. Then the earlier
 * summary is deleted and the new one shown (both may fail without undoing the summary: a note).
 */
async function swap(
  context: Excel.RequestContext,
  sync: Sync,
  sheets: SummarySheet[],
  temps: string[],
  notes: Msg[]
): Promise<void> {
  const list = await listSheets(context, sync);
  const byName = new Map(list.map((w) => [w.name.toLowerCase(), w]));
  const olds = sheets.map((s) => byName.get(s.name.toLowerCase()) ?? null);
  // Sheets of the earlier summary the new one has not: deleted with it once the new one stands.
  const own = new Set(sheets.map((s) => s.name.toLowerCase()));
  const stale = SUMMARY_NAMES.flatMap((n) =>
    own.has(n.toLowerCase()) ? [] : (byName.get(n.toLowerCase()) ?? [])
  );
  const news = temps.map((t) => byName.get(t.toLowerCase())!);
  const taken = list.map((w) => w.name);
  const backups = sheets.map((s) => {
    const b = freeSheetName(`${BACKUP}${s.name}`, taken);
    taken.push(b);
    return b;
  });
  const sheet = (id: string) => context.workbook.worksheets.getItem(id);
  try {
    olds.forEach((o, k) => o && (sheet(o.id).name = backups[k]));
    news.forEach((t, k) => (sheet(t.id).name = sheets[k].name));
    await sync();
  } catch (e) {
    // Put every sheet back under its own name: the new ones first, which frees the summary's names.
    for (const step of [
      () => news.forEach((t, k) => (sheet(t.id).name = temps[k])),
      () => olds.forEach((o, k) => o && (sheet(o.id).name = sheets[k].name)),
    ]) {
      try {
        step();
        await sync();
      } catch {
        // what stays misnamed is put right by the next run's sweep
      }
    }
    throw e;
  }
  const left = await deleteSheets(context, sync, [
    ...olds.flatMap((o) => (o ? [o.id] : [])),
    ...stale.map((w) => w.id),
  ]);
  if (left.length) {
    const names = [
      ...backups.filter((_, k) => olds[k] && left.includes(olds[k]!.id)),
      ...stale.filter((w) => left.includes(w.id)).map((w) => w.name),
    ].join(", ");
    notes.push(
      msg(
        `สรุปใหม่เขียนแล้ว แต่ Excel ไม่ยอมลบสรุปเดิม (ชีต ${names}) ลบชีตเหล่านั้นเองได้ หรือจะถูกลบเมื่อรวมรายงานครั้งถัดไป`,
        `The new summary is written but Excel refused to delete the earlier one (sheets ${names}): delete them yourself, or the next merge will`
      )
    );
  }
  try {
    context.workbook.worksheets.getItem(sheets[0].name).activate();
    await sync();
  } catch (e) {
    notes.push(
      stepNote(
        msg(
          `สรุปเขียนแล้ว แต่ Excel ไม่ยอมเปิดชีต "${sheets[0].name}" ให้ คลิกแท็บชีตนั้นด้านล่างเพื่อดู`,
          `The summary is written but Excel did not show it: click the "${sheets[0].name}" tab at the bottom`
        ),
        e
      )
    );
  }
}

/** Format a written sheet, in requests that stay under the budget. */
async function formatSheet(
  ws: Excel.Worksheet,
  s: SummarySheet,
  rowCount: number,
  budget: RequestBudget
): Promise<void> {
  const n = s.columns.length;
  await budget.reserve(3, 3);
  const all = ws.getRangeByIndexes(0, 0, rowCount, n);
  all.format.font.name = FONT.name;
  all.format.font.size = FONT.size;
  all.format.verticalAlignment = "Top";
  for (const [i, c] of s.columns.entries()) {
    await budget.reserve(2, 1);
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthToPoints(c.width);
  }
  await budget.reserve(3, 1);
  ws.getRange("A1").format.font.bold = true;
  await budget.reserve(12, 15);
  const header = ws.getRangeByIndexes(SUMMARY_HEADER_ROW - 1, 0, 1, n);
  thinBorders(header, "#A6A6A6");
  header.format.font.bold = true;
  header.format.fill.color = `#${SUMMARY_STYLES.header.fill}`;
  header.format.horizontalAlignment = "Center";
  header.format.wrapText = true;
  const hh = summaryHeaderHeightPt(s);
  if (hh) header.format.rowHeight = hh;
  // Each run of rows alike: borders and wrapping over its own columns, its fill, its merged cells.
  for (const run of runs(s)) {
    const st = SUMMARY_STYLES[run.kind];
    await budget.reserve(14, 14);
    const r = ws.getRangeByIndexes(run.first - 1, 0, run.last - run.first + 1, run.span);
    thinBorders(r, "#A6A6A6");
    r.format.wrapText = s.wrap || !!run.merge;
    if (st.bold) r.format.font.bold = true;
    if (st.fill) r.format.fill.color = `#${st.fill}`;
    if (run.merge)
      ws.getRangeByIndexes(
        run.first - 1,
        run.merge.c1 - 1,
        run.last - run.first + 1,
        run.merge.c2 - run.merge.c1 + 1
      ).merge(true);
  }
  // Excel fits the other rows to their wrapped text; rows with a merged cell take the height of
  // their text from the layout, as Excel does not fit a row to a merged cell.
  if (s.rows.length) {
    await budget.reserve(3, 1);
    ws.getRangeByIndexes(SUMMARY_FIRST_ROW - 1, 0, s.rows.length, n).format.autofitRows();
  }
  for (const [i, row] of s.rows.entries()) {
    if (!row.merge) continue;
    const h = summaryRowHeightPt(s, row);
    if (!h) continue;
    await budget.reserve(2, 1);
    ws.getRangeByIndexes(SUMMARY_FIRST_ROW - 1 + i, 0, 1, 1).format.rowHeight = h;
  }
  await budget.reserve(2, 1);
  if (s.freeze.cols > 0)
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, s.freeze.rows, s.freeze.cols));
  else ws.freezePanes.freezeRows(s.freeze.rows);
  if (s.colorScale) {
    const c = s.colorScale;
    await budget.reserve(3, 1, jsonBytes(COLOR_SCALE));
    const cf = ws
      .getRange(`${colLetter(c.c1)}${c.r1}:${colLetter(c.c2)}${c.r2}`)
      .conditionalFormats.add("ColorScale");
    const [low, pass, top] = colorScalePoints(c.passMark);
    cf.colorScale.criteria = {
      minimum: { formula: String(low), type: "Number", color: `#${COLOR_SCALE.min}` },
      midpoint: { formula: String(pass), type: "Number", color: `#${COLOR_SCALE.mid}` },
      maximum: { formula: String(top), type: "Number", color: `#${COLOR_SCALE.max}` },
    };
  }
  if (s.chart) {
    const { categories, values } = s.chart;
    await budget.reserve(5, 4);
    const source = ws.getRange(
      `${colLetter(categories.c1)}${categories.r1}:${colLetter(values.c2)}${values.r2}`
    );
    const chart = ws.charts.add("BarClustered", source, "Columns");
    chart.title.text = s.chart.title;
    chart.legend.visible = false;
    const a = s.chart.anchor;
    chart.setPosition(`${colLetter(a.c1)}${a.r1}`, `${colLetter(a.c2)}${a.r2}`);
  }
  if (s.hidden) {
    await budget.reserve(1, 1);
    ws.visibility = "Hidden";
  }
  await budget.flush();
}

/**
 * Print setup of a written sheet (A4 landscape at the sheet's scale, the header row and title
 * columns on every page, its page breaks), one request: Excel refusing it leaves the summary written.
 */
async function printSetup(ws: Excel.Worksheet, sheet: SummarySheet, sync: Sync): Promise<void> {
  const s = { print: printOf(sheet) };
  const pl = ws.pageLayout;
  landscapeA4(pl, SUMMARY_MARGINS);
  pl.zoom = { scale: s.print.scale };
  pl.printOrder = s.print.overThenDown ? "OverThenDown" : "DownThenOver";
  // What is printed, with its titles, header and footer: not for the hidden data sheet (the file
  // writer leaves them out too: LibreOffice prints a hidden sheet that has a print area).
  if (!sheet.hidden) {
    const a = summaryPrintArea(sheet);
    pl.setPrintArea(`A${a.r1}:${colLetter(a.c2)}${a.r2}`);
    const hf = summaryHeaderFooter(sheet);
    pl.headersFooters.defaultForAllPages.leftHeader = hf.leftHeader;
    pl.headersFooters.defaultForAllPages.rightFooter = hf.rightFooter;
    pl.setPrintTitleRows(`$${SUMMARY_HEADER_ROW}:$${SUMMARY_HEADER_ROW}`);
    if (s.print.titleCols) pl.setPrintTitleColumns(`$A:$${colLetter(s.print.titleCols)}`);
  }
  for (const r of s.print.rowBreaks) ws.horizontalPageBreaks.add(`A${r}`);
  for (const c of s.print.colBreaks) ws.verticalPageBreaks.add(`${colLetter(c)}1`);
  await sync();
}
