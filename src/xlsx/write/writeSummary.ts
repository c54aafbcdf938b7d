import type ExcelJS from "exceljs";
import {
  COLOR_SCALE,
  estimateRowHeight,
  FONT,
  rangeAddr,
  SUMMARY_FIRST_ROW,
  SUMMARY_FORMATS,
  SUMMARY_HEADER_ROW,
  SUMMARY_STYLES,
  SummarySheet,
} from "../../domain";
import { PassThrough } from "stream";
import { writeBytesAtomic } from "./atomic";
import { finishPackage } from "./output";
import { cellValue } from "./cellText";

const argb = (hex: string) => ({ argb: `FF${hex}` });
const THIN = { style: "thin" as const, color: argb("A6A6A6") };

type RowStyle = (typeof SUMMARY_STYLES)[keyof typeof SUMMARY_STYLES];

/** Style objects are shared between cells of the same look: a 500-unit summary has ~100k cells. */
const styleCache = new Map<string, Partial<ExcelJS.Style>>();

function styleOf(s: RowStyle, numFmt: string | undefined, border: boolean, wrap: boolean) {
  const key = JSON.stringify([s, numFmt, border, wrap]);
  let st = styleCache.get(key);
  if (!st) {
    st = {
      font: { name: FONT.name, size: FONT.size, bold: Boolean(s.bold) },
      alignment: { vertical: "top", wrapText: s.wrap ?? wrap, horizontal: s.hAlign },
      ...(s.fill
        ? { fill: { type: "pattern", pattern: "solid", fgColor: argb(s.fill) } as ExcelJS.Fill }
        : {}),
      ...(border ? { border: { top: THIN, left: THIN, bottom: THIN, right: THIN } } : {}),
      ...(numFmt ? { numFmt } : {}),
    };
    styleCache.set(key, st);
  }
  return st;
}

function style(cell: ExcelJS.Cell, s: RowStyle, numFmt?: string, border = true, wrap = true) {
  cell.style = styleOf(s, numFmt, border, wrap) as ExcelJS.Style;
}

type SheetWriter = ExcelJS.Worksheet;

/**
 * Add one summary sheet, row by row, committing each row so that the streaming writer can let it go.
 * District text is stored as strings, never as formulas.
 */
export function addSummarySheet(
  wb: { addWorksheet: ExcelJS.Workbook["addWorksheet"] },
  sheet: SummarySheet
): SheetWriter {
  const ws = wb.addWorksheet(sheet.name, {
    views: [{ state: "frozen", ySplit: sheet.freeze.rows, xSplit: sheet.freeze.cols }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${SUMMARY_HEADER_ROW}:${SUMMARY_HEADER_ROW}`,
    },
  });
  const n = sheet.columns.length;
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));
  if (sheet.colorScale) {
    ws.addConditionalFormatting({
      ref: rangeAddr(sheet.colorScale),
      rules: [
        {
          type: "colorScale",
          priority: 1,
          cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
          color: [argb(COLOR_SCALE.min), argb(COLOR_SCALE.mid), argb(COLOR_SCALE.max)],
        },
      ],
    });
  }
  const title = ws.getRow(1);
  title.getCell(1).value = cellValue(sheet.title);
  style(title.getCell(1), SUMMARY_STYLES.title, undefined, false);
  title.commit();
  const subtitle = ws.getRow(2);
  subtitle.getCell(1).value = cellValue(sheet.subtitle);
  style(subtitle.getCell(1), SUMMARY_STYLES.subtitle, undefined, false);
  subtitle.commit();
  const header = ws.getRow(SUMMARY_HEADER_ROW);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = cellValue(c.header);
    style(cell, SUMMARY_STYLES.header);
  });
  header.commit();
  sheet.rows.forEach((row, k) => {
    const r = ws.getRow(SUMMARY_FIRST_ROW + k);
    const s = SUMMARY_STYLES[row.kind];
    for (let c = 0; c < n; c++) {
      const cell = r.getCell(c + 1);
      const v = row.cells[c];
      if (v !== null && v !== undefined && v !== "") cell.value = cellValue(v);
      style(cell, s, SUMMARY_FORMATS[sheet.columns[c].kind], true, sheet.wrap);
    }
    if (sheet.wrap) {
      const h = estimateRowHeight(
        row.cells.map((v, c) => ({
          text: typeof v === "string" ? v : "",
          width: sheet.columns[c].width,
        }))
      );
      if (h) r.height = h;
    }
    r.commit();
  });
  return ws;
}

/**
 * Write the summary workbook (with its chart); the target is replaced only once it is complete.
 * ExcelJS's streaming writer keeps only the shared strings and styles in memory, not every cell.
 */
export async function writeSummaryFile(target: string, sheets: SummarySheet[]): Promise<void> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  // ExcelJS's streaming writer alone, not the whole package: a third of the load time (exceljs is
  // pinned at 4.4.0, whose index exports this very module as ExcelJS.stream.xlsx.WorkbookWriter).
  const WorkbookWriter =
    require("exceljs/lib/stream/xlsx/workbook-writer") as typeof ExcelJS.stream.xlsx.WorkbookWriter;
  const wb = new WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
    zip: { store: true },
  } as unknown as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
  wb.creator = "ITA report add-in";
  for (const s of sheets)
    (
      addSummarySheet(wb as unknown as ExcelJS.Workbook, s) as unknown as { commit: () => void }
    ).commit();
  await wb.commit();
  await ended;
  const charts = sheets
    .map((s, i) => ({ sheetIndex: i + 1, sheet: s }))
    .filter((x) => x.sheet.chart)
    .map((c) => ({ sheetIndex: c.sheetIndex, sheetName: c.sheet.name, ...c.sheet.chart! }));
  await writeBytesAtomic(target, finishPackage(new Uint8Array(Buffer.concat(chunks)), charts));
}
