import ExcelJS from "exceljs";
import { META_SHEET } from "../../src/domain";
import { nodeInflate } from "../../src/xlsx";
import { Package } from "../../src/xlsx/read/opc";
import { readWorkbook } from "../../src/xlsx/read/workbook";
import { NS, parseXml } from "../../src/xlsx/read/xml";

/** The manual page breaks of a sheet (`<rowBreaks>`: the row each break follows), which ExcelJS does not read. */
export function rowBreaks(bytes: Uint8Array, name: string): number[] {
  const pkg = new Package("x.xlsx", bytes, nodeInflate);
  const sheet = readWorkbook(pkg).sheets.find((s) => s.name === name)!;
  const out: number[] = [];
  let inBreaks = false;
  parseXml("x.xlsx", sheet.path, pkg.part(sheet.path)!, {
    open: (uri, local, attrs) => {
      if (!(NS.sml as readonly string[]).includes(uri)) return;
      if (local === "rowBreaks") inBreaks = true;
      else if (local === "brk" && inBreaks) out.push(Number(attrs.id));
    },
    close: (_uri, local) => {
      if (local === "rowBreaks") inBreaks = false;
    },
  });
  return out;
}

/** Everything of a form sheet that the two writers must agree on, in comparable form. */
export function sheetSnapshot(wb: ExcelJS.Workbook, name: string) {
  const ws = wb.getWorksheet(name)!;
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const b = cell.border ?? {};
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      cells[`${r}:${c}`] = {
        // A formula's result is the spreadsheet app's to compute; the writers agree on the formula.
        value:
          cell.type === ExcelJS.ValueType.Merge
            ? "<merged>"
            : cell.formula
              ? { formula: cell.formula }
              : cell.value,
        numFmt: cell.numFmt || "General",
        locked: cell.protection?.locked !== false,
        font: [
          cell.font?.name,
          cell.font?.size,
          Boolean(cell.font?.bold),
          cell.font?.color?.argb ?? null,
        ],
        fill: fill?.fgColor?.argb ?? null,
        align: [
          cell.alignment?.horizontal ?? null,
          cell.alignment?.vertical ?? null,
          Boolean(cell.alignment?.wrapText),
        ],
        border: (["top", "left", "bottom", "right"] as const).map((s) => Boolean(b[s]?.style)),
        validation: cell.dataValidation
          ? [
              cell.dataValidation.type,
              cell.dataValidation.operator,
              cell.dataValidation.formulae,
              cell.dataValidation.prompt,
              cell.dataValidation.error,
            ]
          : null,
      };
    });
  });
  const model = ws.model as unknown as { merges: string[] };
  const cf = (
    ws as unknown as {
      conditionalFormattings: {
        ref: string;
        rules: { type: string; formulae: string[]; style: unknown }[];
      }[];
    }
  ).conditionalFormattings;
  const meta = wb.getWorksheet(META_SHEET);
  const metaRows: string[][] = [];
  meta?.eachRow((row) => metaRows.push((row.values as unknown[]).slice(1).map(String)));
  return {
    cells,
    merges: [...model.merges].sort(),
    widths: ws.columns.slice(0, 7).map((c) => Math.round((c.width ?? 0) * 10) / 10),
    conditionalFormats: cf.map((x) => ({
      ref: x.ref,
      rules: x.rules.map((r) => ({ type: r.type, formulae: r.formulae, style: r.style })),
    })),
    protection: (ws as unknown as { sheetProtection: unknown }).sheetProtection,
    frozen: (ws.views ?? [])
      .filter((v) => v.state === "frozen")
      .map((v) => [v.state, (v as { ySplit?: number }).ySplit]),
    print: [
      ws.pageSetup.paperSize,
      ws.pageSetup.orientation,
      ws.pageSetup.fitToWidth,
      ws.pageSetup.fitToHeight,
      ws.pageSetup.printTitlesRow,
      ws.pageSetup.margins,
    ],
    printArea: ws.pageSetup.printArea,
    heights: Array.from({ length: ws.rowCount }, (_, i) => {
      const h = ws.getRow(i + 1).height;
      return h === undefined ? null : Math.round(h * 10) / 10;
    }),
    meta: { state: meta?.state, rows: metaRows },
  };
}
