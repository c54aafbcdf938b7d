import type ExcelJS from "exceljs";

/**
 * What a cell of the host's workbook holds: its value and number format (General when it has none).
 * ExcelJS cells, read directly (the Office.js lint rules take a `getCell` result kept in a
 * variable for a proxy to load).
 */
export function held(ws: ExcelJS.Worksheet, address: string): [ExcelJS.CellValue, string] {
  const { value, numFmt } = ws.getCell(address);
  return [value, numFmt || "General"];
}
