/**
 * The district-file reader: just what the form reader needs from an .xlsx (sheet names and states,
 * cell values with formula results, merged ranges, where pictures are). It follows the package's
 * relationships, parses XML with a conformant parser, inflates each part at most once and stops at
 * the limits in `limits.ts`; it never runs or writes anything. Pure: the CLI and the task pane use it.
 */
import { CellRange } from "../../domain/layout/a1";
import { CellGrid, GridCell } from "../../domain/layout/grid";
import { META_SHEET } from "../../domain/layout/spec";
import { sniff } from "./errors";
import { Package } from "./opc";
import {
  CellPos,
  drawingImages,
  drawingPictures,
  pictureValueMetadata,
  SheetImage,
} from "./pictures";
import { readSharedStrings } from "./sharedStrings";
import { readSheet } from "./sheet";
import { readNumberFormats } from "./styles";
import { readWorkbook, XlsxSheet } from "./workbook";
import { savedTime } from "./coreProps";
import { Inflater } from "./zip";

export type { SheetState, XlsxSheet } from "./workbook";
export type { SheetImage } from "./pictures";

/** A worksheet as the reader hands it over: the grid, plus what only a file can tell. */
export interface XlsxGrid extends CellGrid {
  pictures: readonly CellPos[];
  /** Cells (A1) holding a formula that was never calculated (no cached result in the file). */
  uncalculated: ReadonlySet<string>;
}

export interface XlsxBook {
  file: string;
  sheets: XlsxSheet[];
  grid(sheet: XlsxSheet): XlsxGrid;
  /** The pictures floating over a sheet, with their bytes (what `ita fit` carries over). */
  images(sheet: XlsxSheet): SheetImage[];
  /** When the file was last saved (`dcterms:modified`, ISO 8601 UTC); null when it does not say. */
  savedAt(): string | null;
}

const byPosition = (a: CellPos, b: CellPos) => a.row - b.row || a.col - b.col;

/** The rows (1-based, ascending) a sparse array of rows holds; its holes are skipped. */
function sparseRows(rows: readonly unknown[]): number[] {
  const out: number[] = [];
  rows.forEach((_, i) => out.push(i + 1));
  return out;
}

/** Excel's row height and column width for Calibri 11, the Normal font of a new workbook. */
const DEFAULT_ROW_PT = 15;
const DEFAULT_COL_WIDTH = 8.43;

export function openXlsx(file: string, bytes: Uint8Array, inflate: Inflater): XlsxBook {
  sniff(file, bytes);
  const pkg = new Package(file, bytes, inflate);
  const workbook = readWorkbook(pkg);
  let shared: string[] | null = null;
  const sharedStrings = () =>
    (shared ??= readSharedStrings(
      pkg,
      pkg.related(workbook.path, "sharedStrings")[0]?.target ?? null
    ));
  let pictureVm: Set<number> | null = null;
  let numFmts: string[] | null = null;
  const formats = () => (numFmts ??= readNumberFormats(pkg, workbook.path));
  const grids = new Map<string, XlsxGrid>();

  return {
    file,
    sheets: workbook.sheets,
    savedAt: () => savedTime(pkg),
    images: (sheet) => drawingImages(pkg, sheet.path),
    grid(sheet) {
      const hit = grids.get(sheet.path);
      if (hit) return hit;
      const cells = readSheet(pkg, sheet.name, sheet.path, sharedStrings);
      const pictures = drawingPictures(pkg, sheet.path);
      if (cells.richCells.length) {
        pictureVm ??= pictureValueMetadata(pkg, workbook.path);
        for (const c of cells.richCells) {
          if (!pictureVm.has(c.vm)) continue;
          pictures.push({ row: c.row, col: c.col });
          // A picture in a cell shows as #VALUE! to older readers: it is a picture, not an error.
          if (c.error && cells.rows[c.row - 1]) delete cells.rows[c.row - 1][c.col - 1];
        }
      }
      pictures.sort(byPosition);
      const rows = cells.rows;
      let occupied: number[] | undefined;
      const merges: CellRange[] = cells.merges;
      const breaksBefore = [...new Set(cells.breaksBefore)].sort((a, b) => a - b);
      const defaultHeight = cells.defaultRowHeight ?? DEFAULT_ROW_PT;
      const defaultWidth = cells.defaultColWidth ?? DEFAULT_COL_WIDTH;
      const grid: XlsxGrid = {
        name: sheet.name,
        rowCount: cells.rowCount,
        colCount: cells.colCount,
        raw: (r: number, c: number): GridCell => rows[r - 1]?.[c - 1] ?? null,
        merges,
        pictures,
        uncalculated: cells.uncalculated,
        occupiedRows: () => (occupied ??= sparseRows(rows)),
        numFmt: (r, c) => {
          const s = cells.styles[r - 1]?.[c - 1];
          return s === undefined ? null : (formats()[s] ?? null);
        },
        geometry: {
          // A row the file gives a height keeps it (Excel shows a file's heights as they are); one
          // it gives none is sized by the app to its single cells.
          rowHeight: (r) => {
            const h = cells.rowHeights.get(r);
            return h ? { pt: h.pt, auto: false } : { pt: defaultHeight, auto: true };
          },
          colWidth: (c) => cells.colWidths.get(c) ?? defaultWidth,
          breaksBefore,
        },
      };
      grids.set(sheet.path, grid);
      return grid;
    },
  };
}

/** The hidden metadata sheet's rows, by form sheet name. */
export function storedMetadataOf(book: XlsxBook): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  const sheet = book.sheets.find((s) => s.name === META_SHEET);
  if (!sheet) return out;
  const g = book.grid(sheet);
  for (let r = 2; r <= g.rowCount; r++) {
    const [name, key, value] = [1, 2, 3].map((c) => {
      const v = g.raw(r, c);
      return v === null ? "" : String(v);
    });
    if (!name || !key) continue;
    const m = out.get(name) ?? new Map<string, string>();
    m.set(key, value);
    out.set(name, m);
  }
  return out;
}
