import { BookSheetModel, FONT, TEXT_FORMAT } from "../../domain";
import { cellValue } from "./cellText";
import { writeWorkbookFile } from "./output";
import { newWorkbook } from "./writeForm";

const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } } as const;
const THIN = { style: "thin" as const, color: { argb: "FF808080" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Write a form's book (domain/catalog/formBook.ts) as a workbook a person edits: TH Sarabun New,
 * wrapped text at the top of each cell, the widths of the description, the header row frozen, text
 * cells (and the empty cells of text columns) formatted as Text so that what is typed stays text.
 */
export async function writeFormBookFile(target: string, sheets: BookSheetModel[]): Promise<void> {
  const wb = newWorkbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, {
      views: [
        {
          state: "frozen",
          xSplit: s.freeze.cols,
          ySplit: s.freeze.rows,
          topLeftCell: `${String.fromCharCode(65 + s.freeze.cols)}${s.freeze.rows + 1}`,
        },
      ],
      pageSetup: {
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      },
    });
    const font = { name: FONT.name, size: FONT.size };
    s.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.width;
      // Numbers only where the description puts them; everything typed later in a column that
      // holds no numbers stays text.
      const numeric = s.rows.some((r) => typeof r[i] === "number");
      col.style = {
        font,
        alignment: { vertical: "top", wrapText: true },
        ...(numeric ? {} : { numFmt: TEXT_FORMAT }),
      };
    });
    const head = ws.getRow(1);
    s.columns.forEach((c, i) => {
      const cell = head.getCell(i + 1);
      cell.value = c.header;
      cell.style = {
        font: { ...font, bold: true },
        alignment: { vertical: "middle", horizontal: "center", wrapText: true },
        fill: HEADER_FILL,
        border: BORDER,
        numFmt: TEXT_FORMAT,
      };
    });
    s.heights.forEach((h, i) => (ws.getRow(i + 1).height = h));
    s.rows.forEach((values, r) => {
      const row = ws.getRow(r + 2);
      values.forEach((v, c) => {
        const cell = row.getCell(c + 1);
        if (v !== null) cell.value = cellValue(v);
        cell.style = {
          font,
          alignment: { vertical: "top", wrapText: true },
          border: BORDER,
          numFmt: typeof v === "number" ? "General" : TEXT_FORMAT,
        };
      });
    });
  }
  await writeWorkbookFile(wb, target);
}
