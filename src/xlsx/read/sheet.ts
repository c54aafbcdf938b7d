/**
 * One worksheet part to cells: `<sheetData>` (rows, cells, cached formula results, inline and shared
 * strings, each cell's style index, each row's height) and `<mergeCells>`, the column widths
 * (`<cols>`), the default row height (`<sheetFormatPr>`) and the manual page breaks (`<rowBreaks>`),
 * streamed through the XML parser. Everything else in the part (validation over whole columns,
 * conditional formats) is parsed for well-formedness and skipped.
 */
import { addr, CellRange, parseRange } from "../../domain/layout/a1";
import { GridCell } from "../../domain/layout/grid";
import { corrupt, overLimit } from "./errors";
import { READ_LIMITS } from "./limits";
import { Package } from "./opc";
import { StringItem } from "./sharedStrings";
import { decodeOoxmlEscapes, detached, NS, xsdIndex, xsdNumber } from "./xml";

const [SML, SML_STRICT] = NS.sml;

export interface SheetCells {
  /** Values by row and column, 0-based; holes are empty cells. */
  rows: GridCell[][];
  rowCount: number;
  colCount: number;
  merges: CellRange[];
  /** Cells (A1) with a formula but no cached result: the file was never calculated. */
  uncalculated: Set<string>;
  /** Cells carrying value metadata (`vm`): rich values such as pictures placed in cells. */
  richCells: { row: number; col: number; vm: number; error: boolean }[];
  /** Style index (`s`, into the workbook's cell formats) of cells with a value, 0-based like rows. */
  styles: number[][];
  /** Heights the file gives rows (points), and whether each was set by hand (`customHeight`). */
  rowHeights: Map<number, { pt: number; custom: boolean }>;
  /** The height of a row the file gives no height (`sheetFormatPr defaultRowHeight`), if it says. */
  defaultRowHeight: number | null;
  /** Column widths in characters, by column (1-based), as `<col>` gives them. */
  colWidths: Map<number, number>;
  /** The default column width (`sheetFormatPr defaultColWidth`, else baseColWidth + padding). */
  defaultColWidth: number | null;
  /** Rows (1-based) that start a page after a manual break. */
  breaksBefore: number[];
}

export function readSheet(
  pkg: Package,
  sheetName: string,
  path: string,
  shared: () => string[]
): SheetCells {
  const file = pkg.file;
  const where = (ref: string) => `sheet "${sheetName}" cell ${ref}`;
  const out: SheetCells = {
    rows: [],
    rowCount: 0,
    colCount: 0,
    merges: [],
    uncalculated: new Set(),
    richCells: [],
    styles: [],
    rowHeights: new Map(),
    defaultRowHeight: null,
    colWidths: new Map(),
    defaultColWidth: null,
    breaksBefore: [],
  };
  let inCols = false;
  let inBreaks = false;
  let style: number | null = null;
  let depth = 0;
  let inData = false;
  let inMerges = false;
  let rowNo = 0;
  let lastRow = 0;
  let row: GridCell[] | null = null;
  let colNo = 0;
  let cells = 0;
  // The cell being read.
  let inCell = false;
  let type = "";
  let vm: string | undefined;
  let hasF = false;
  let hasV = false;
  let inV = false;
  let v = "";
  let inIs = 0;
  const inline = new StringItem();

  const openCell = (a: Record<string, string>) => {
    const r = a.r;
    if (r !== undefined) {
      // A1-style reference: letters, then the row number, which must be this row's.
      let c = 0;
      let i = 0;
      for (; i < r.length && i < 3; i++) {
        const ch = r.charCodeAt(i) | 0x20;
        if (ch < 97 || ch > 122) break;
        c = c * 26 + ch - 96;
      }
      const row = i > 0 && i < r.length ? xsdIndex(r.slice(i)) : null;
      if (row === null || /\s/.test(r)) throw corrupt(file, `${where(r)}: bad cell reference`);
      if (row !== rowNo) throw corrupt(file, `${where(r)} is not in row ${rowNo}`);
      if (c <= colNo) throw corrupt(file, `${where(r)} appears twice or out of order`);
      colNo = c;
    } else colNo++;
    if (colNo > READ_LIMITS.maxCol) throw corrupt(file, `sheet "${sheetName}": column ${colNo}`);
    type = a.t ?? "n";
    vm = a.vm;
    style = xsdIndex(a.s);
    hasF = hasV = inV = false;
    v = "";
    inCell = true;
  };

  const closeCell = () => {
    inCell = false;
    if (vm !== undefined) {
      const n = xsdIndex(vm);
      if (n !== null) out.richCells.push({ row: rowNo, col: colNo, vm: n, error: type === "e" });
    }
    if (hasF && !hasV) out.uncalculated.add(addr(rowNo, colNo));
    let value: GridCell = null;
    switch (type) {
      case "s": {
        if (!hasV) break;
        const i = xsdIndex(v);
        const strings = shared();
        if (i === null || i >= strings.length)
          throw corrupt(
            file,
            `${where(addr(rowNo, colNo))} refers to shared string ${v.trim()}, which is missing`
          );
        value = strings[i];
        break;
      }
      case "inlineStr":
        value = inline.take();
        break;
      case "str":
      case "e":
      case "d":
        value = hasV ? detached(decodeOoxmlEscapes(v)) : null;
        break;
      case "b": {
        const t = v.trim();
        value = !hasV
          ? null
          : t === "1" || t === "true"
            ? true
            : t === "0" || t === "false"
              ? false
              : detached(v);
        break;
      }
      case "n":
        // Not a number by the schema's grammar: kept as text, so that validation names the cell.
        value = !hasV || v.trim() === "" ? null : (xsdNumber(v) ?? detached(v.trim()));
        break;
      default:
        throw corrupt(file, `${where(addr(rowNo, colNo))}: unknown cell type "${type}"`);
    }
    if (value === null || value === "" || colNo > READ_LIMITS.gridCols) return;
    if (++cells > READ_LIMITS.cells)
      throw overLimit(
        file,
        `ชีต "${sheetName}" มีเซลล์ที่มีข้อมูลมากกว่า ${READ_LIMITS.cells} เซลล์`,
        `sheet "${sheetName}" has more than ${READ_LIMITS.cells} cells with values`
      );
    if (!row) {
      row = [];
      out.rows[rowNo - 1] = row;
      out.rowCount = rowNo;
    }
    row[colNo - 1] = value;
    if (colNo > out.colCount) out.colCount = colNo;
    if (style !== null) (out.styles[rowNo - 1] ??= [])[colNo - 1] = style;
  };

  pkg.xml(path, {
    open: (uri, local, a) => {
      depth++;
      const sml = uri === SML || uri === SML_STRICT;
      if (inIs) {
        inIs++;
        inline.open(uri, local);
        return;
      }
      if (depth === 1) {
        if (local !== "worksheet" || !sml) throw corrupt(file, `${path} is not a worksheet`);
        return;
      }
      if (!sml) return;
      if (inCell) {
        if (depth !== 5) return;
        if (local === "v") {
          hasV = inV = true;
        } else if (local === "f") hasF = true;
        else if (local === "is") inIs = 1;
        return;
      }
      if (depth === 2) {
        inData = local === "sheetData";
        inMerges = local === "mergeCells";
        inCols = local === "cols";
        inBreaks = local === "rowBreaks";
        if (local === "sheetFormatPr") {
          const h = a.defaultRowHeight === undefined ? null : xsdNumber(a.defaultRowHeight);
          if (h !== null && h > 0 && h <= 409.5) out.defaultRowHeight = h;
          const w = a.defaultColWidth === undefined ? null : xsdNumber(a.defaultColWidth);
          const base = a.baseColWidth === undefined ? null : xsdNumber(a.baseColWidth);
          if (w !== null && w > 0 && w <= 255) out.defaultColWidth = w;
          else if (base !== null && base > 0 && base <= 255) out.defaultColWidth = base + 5 / 7;
        }
      } else if (inCols && depth === 3 && local === "col") {
        const min = xsdIndex(a.min);
        const max = xsdIndex(a.max);
        const w = a.width === undefined ? null : xsdNumber(a.width);
        if (min !== null && max !== null && w !== null && min >= 1 && w >= 0 && w <= 255)
          // Widths are kept for the columns a form uses, not for the 16,384 a whole-row style covers.
          for (let c = min; c <= Math.min(max, READ_LIMITS.gridCols); c++) out.colWidths.set(c, w);
      } else if (inBreaks && depth === 3 && local === "brk") {
        const id = xsdIndex(a.id);
        if (id !== null && id >= 1 && id < READ_LIMITS.maxRow && out.breaksBefore.length < 10000)
          out.breaksBefore.push(id + 1);
      } else if (inData && depth === 3 && local === "row") {
        const r = a.r === undefined ? lastRow + 1 : xsdIndex(a.r);
        if (r === null || r < 1 || r > READ_LIMITS.maxRow)
          throw corrupt(file, `sheet "${sheetName}": row ${a.r}`);
        if (r <= lastRow)
          throw corrupt(file, `sheet "${sheetName}": row ${r} appears twice or out of order`);
        rowNo = lastRow = r;
        row = null;
        colNo = 0;
        const ht = a.ht === undefined ? null : xsdNumber(a.ht);
        if (ht !== null && ht >= 0 && ht <= 409.5)
          out.rowHeights.set(r, {
            pt: ht,
            custom: a.customHeight === "1" || a.customHeight === "true",
          });
      } else if (inData && depth === 4 && local === "c" && rowNo) openCell(a);
      else if (inMerges && depth === 3 && local === "mergeCell") {
        const m = a.ref === undefined ? null : parseRange(a.ref);
        if (!m || m.r2 > READ_LIMITS.maxRow || m.c2 > READ_LIMITS.maxCol)
          throw corrupt(file, `sheet "${sheetName}": merged range ${a.ref ?? "?"}`);
        if (out.merges.length >= READ_LIMITS.merges)
          throw overLimit(
            file,
            `ชีต "${sheetName}" มีช่วงเซลล์ที่ผสานมากกว่า ${READ_LIMITS.merges} ช่วง`,
            `sheet "${sheetName}" has more than ${READ_LIMITS.merges} merged ranges`
          );
        out.merges.push(m);
      }
    },
    close: (uri, local) => {
      depth--;
      if (inIs) {
        if (--inIs > 0) inline.close(uri, local);
        return;
      }
      if (inCell) {
        if (depth === 3) closeCell();
        else if (depth === 4 && local === "v") inV = false;
        return;
      }
      if (depth === 1) inData = inMerges = inCols = inBreaks = false;
      else if (depth === 2 && inData) rowNo = 0;
    },
    text: (s) => {
      if (inV) v += s;
      else if (inIs) inline.text(s);
    },
  });
  return out;
}
