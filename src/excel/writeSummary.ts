import {
  COLOR_SCALE,
  colLetter,
  FONT,
  freeSheetName,
  msg,
  RowKind,
  SUMMARY_FIRST_ROW,
  SUMMARY_FORMATS,
  SUMMARY_HEADER_ROW,
  SUMMARY_STYLES,
  SummarySheet,
  TCell,
} from "../domain";
import { ExcelActionError, guarded } from "./errors";
import { thinBorders } from "./format";
import { widthToPoints } from "./writeForm";

export interface SummaryWriteOptions {
  /** Largest payload of one request; Excel on the web refuses requests over 5 MB. */
  maxChunkBytes?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: { aborted: boolean };
}

export const DEFAULT_CHUNK_BYTES = 1_000_000;

export class CancelledError extends ExcelActionError {
  constructor() {
    super(
      msg("ยกเลิกแล้ว สรุปเดิม (ถ้ามี) ยังอยู่ครบ", "Cancelled; the earlier summary (if any) is unchanged"),
      "Cancelled"
    );
  }
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

/** Split rows into chunks whose values and formats stay under the byte budget. */
export function chunkRows(rows: TCell[][], maxBytes: number): { start: number; rows: TCell[][] }[] {
  const out: { start: number; rows: TCell[][] }[] = [];
  let start = 0;
  let size = 0;
  let cur: TCell[][] = [];
  rows.forEach((row, i) => {
    // values as JSON (UTF-8) plus the number formats written with them
    const bytes = new TextEncoder().encode(JSON.stringify(row)).length + row.length * 8;
    if (cur.length && size + bytes > maxBytes) {
      out.push({ start, rows: cur });
      start = i;
      size = 0;
      cur = [];
    }
    cur.push(row);
    size += bytes;
  });
  if (cur.length) out.push({ start, rows: cur });
  return out;
}

/** Consecutive data rows of the same kind, for formatting them range by range. */
function runs(s: SummarySheet): { kind: RowKind; first: number; last: number }[] {
  const out: { kind: RowKind; first: number; last: number }[] = [];
  s.rows.forEach((r, i) => {
    const row = SUMMARY_FIRST_ROW + i;
    const last = out[out.length - 1];
    if (last && last.kind === r.kind && last.last === row - 1) last.last = row;
    else out.push({ kind: r.kind, first: row, last: row });
  });
  return out;
}

/**
 * Write the summary sheets into the open workbook. New sheets are written under temporary names, in
 * chunks that stay under the request size limit; an earlier summary is deleted and the new sheets take
 * its names only once everything is written. On failure or cancel the temporary sheets are removed.
 */
export async function writeSummarySheets(
  context: Excel.RequestContext,
  sheets: SummarySheet[],
  opts: SummaryWriteOptions = {}
): Promise<{ syncs: number }> {
  const maxBytes = opts.maxChunkBytes ?? DEFAULT_CHUNK_BYTES;
  let syncs = 0;
  const sync = async () => {
    await context.sync();
    syncs++;
  };
  const names = context.workbook.worksheets.load("items/name");
  await sync();
  const existing = names.items.map((w) => w.name);
  const temps: string[] = [];
  const taken = [...existing];
  for (const s of sheets) {
    const t = freeSheetName(`~${s.name}`.slice(0, 28), taken);
    temps.push(t);
    taken.push(t);
  }
  const plans = sheets.map((s) => ({ sheet: s, rows: sheetRows(s) }));
  const total = plans.reduce((n, p) => n + p.rows.length, 0);
  let done = 0;
  try {
    await guarded(async () => {
      for (const [k, p] of plans.entries()) {
        const ws = context.workbook.worksheets.add(temps[k]);
        const n = p.sheet.columns.length;
        const formats = p.sheet.columns.map((c) => SUMMARY_FORMATS[c.kind]);
        for (const chunk of chunkRows(p.rows, maxBytes)) {
          if (opts.signal?.aborted) throw new CancelledError();
          const range = ws.getRangeByIndexes(chunk.start, 0, chunk.rows.length, n);
          range.numberFormat = chunk.rows.map((_, i) =>
            chunk.start + i < SUMMARY_HEADER_ROW ? formats.map(() => "@") : formats
          );
          range.values = chunk.rows.map((r) => r.map((v) => (v === null ? "" : v)));
          await sync();
          done += chunk.rows.length;
          opts.onProgress?.(done, total);
        }
        formatSheet(ws, p.sheet, p.rows.length);
        await sync();
      }
      if (opts.signal?.aborted) throw new CancelledError();
      // Everything is written: now replace the earlier summary.
      for (const s of sheets)
        if (existing.includes(s.name)) context.workbook.worksheets.getItem(s.name).delete();
      sheets.forEach((s, k) => (context.workbook.worksheets.getItem(temps[k]).name = s.name));
      context.workbook.worksheets.getItem(sheets[0].name).activate();
      await sync();
    });
  } catch (e) {
    for (const t of temps) context.workbook.worksheets.getItemOrNullObject(t).delete();
    await context.sync().catch(() => undefined);
    throw e;
  }
  return { syncs };
}

function formatSheet(ws: Excel.Worksheet, s: SummarySheet, rowCount: number): void {
  const n = s.columns.length;
  const all = ws.getRangeByIndexes(0, 0, rowCount, n);
  all.format.font.name = FONT.name;
  all.format.font.size = FONT.size;
  all.format.verticalAlignment = "Top";
  s.columns.forEach(
    (c, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthToPoints(c.width))
  );
  ws.getRange("A1").format.font.bold = true;
  const body = ws.getRangeByIndexes(
    SUMMARY_HEADER_ROW - 1,
    0,
    rowCount - SUMMARY_HEADER_ROW + 1,
    n
  );
  body.format.wrapText = s.wrap;
  thinBorders(body, "#A6A6A6");
  const header = ws.getRangeByIndexes(SUMMARY_HEADER_ROW - 1, 0, 1, n);
  header.format.font.bold = true;
  header.format.fill.color = `#${SUMMARY_STYLES.header.fill}`;
  header.format.horizontalAlignment = "Center";
  header.format.wrapText = true;
  for (const run of runs(s)) {
    const st = SUMMARY_STYLES[run.kind];
    if (!st.bold && !st.fill) continue;
    const r = ws.getRangeByIndexes(run.first - 1, 0, run.last - run.first + 1, n);
    if (st.bold) r.format.font.bold = true;
    if (st.fill) r.format.fill.color = `#${st.fill}`;
  }
  if (s.freeze.cols > 0)
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, s.freeze.rows, s.freeze.cols));
  else ws.freezePanes.freezeRows(s.freeze.rows);
  if (s.colorScale) {
    const c = s.colorScale;
    const cf = ws
      .getRange(`${colLetter(c.c1)}${c.r1}:${colLetter(c.c2)}${c.r2}`)
      .conditionalFormats.add("ColorScale");
    cf.colorScale.criteria = {
      minimum: {
        formula: null as unknown as string,
        type: "LowestValue",
        color: `#${COLOR_SCALE.min}`,
      },
      midpoint: { formula: "50", type: "Percentile", color: `#${COLOR_SCALE.mid}` },
      maximum: {
        formula: null as unknown as string,
        type: "HighestValue",
        color: `#${COLOR_SCALE.max}`,
      },
    };
  }
  if (s.chart) {
    const { categories, values } = s.chart;
    const source = ws.getRange(
      `${colLetter(categories.c1)}${categories.r1}:${colLetter(values.c2)}${values.r2}`
    );
    const chart = ws.charts.add("BarClustered", source, "Columns");
    chart.title.text = s.chart.title;
    chart.legend.visible = false;
    chart.setPosition(`D${Math.max(1, categories.r1 - 2)}`, `L${categories.r1 + 18}`);
  }
}
