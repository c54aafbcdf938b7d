import ExcelJS from "exceljs";
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
} from "../domain";
import { writeWorkbookFile } from "./output";
import { newWorkbook } from "./writeForm";

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

/** Add one summary sheet. District text is stored as strings, never as formulas. */
export function addSummarySheet(wb: ExcelJS.Workbook, sheet: SummarySheet): ExcelJS.Worksheet {
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
  sheet.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  ws.getCell(1, 1).value = sheet.title;
  style(ws.getCell(1, 1), SUMMARY_STYLES.title, undefined, false);
  ws.getCell(2, 1).value = sheet.subtitle;
  style(ws.getCell(2, 1), SUMMARY_STYLES.subtitle, undefined, false);
  const header = ws.getRow(SUMMARY_HEADER_ROW);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    style(cell, SUMMARY_STYLES.header);
  });
  sheet.rows.forEach((row, k) => {
    const r = ws.getRow(SUMMARY_FIRST_ROW + k);
    const s = SUMMARY_STYLES[row.kind];
    for (let c = 0; c < n; c++) {
      const cell = r.getCell(c + 1);
      const v = row.cells[c];
      if (v !== null && v !== undefined && v !== "") cell.value = v;
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
  });
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
  return ws;
}

/** Write the summary workbook (with its chart); the target is replaced only once it is complete. */
export async function writeSummaryFile(target: string, sheets: SummarySheet[]): Promise<void> {
  const wb = newWorkbook();
  for (const s of sheets) addSummarySheet(wb, s);
  const charts = sheets
    .map((s, i) => ({ sheetIndex: i + 1, sheet: s }))
    .filter((x) => x.sheet.chart)
    .map((c) => ({ sheetIndex: c.sheetIndex, sheetName: c.sheet.name, ...c.sheet.chart! }));
  await writeWorkbookFile(wb, target, charts);
}
