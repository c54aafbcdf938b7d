import ExcelJS from "exceljs";
import { columnWidthPt, SheetModel } from "../../domain";
import { addFormSheet, fixedRows, newWorkbook } from "./writeForm";
import { writeWorkbookFile } from "./output";
import type { SheetImage } from "../read/pictures";

/** A picture to place on a fitted sheet: where its corner goes, its size, its bytes (as read). */
export type PlacedPicture = Pick<
  SheetImage,
  "row" | "col" | "rowOffPt" | "colOffPt" | "widthPt" | "heightPt" | "bytes" | "extension"
> & { sheet: string };

/** Pixels (96 per inch, what ExcelJS sizes pictures in) per point. */
const PX_PER_PT = 4 / 3;
/** The size of a picture whose drawing gave none: a photo's usual 4:3. */
const DEFAULT_PT = { width: 120, height: 90 };

const IMAGE_TYPES = new Set(["png", "jpeg", "gif"]);

/**
 * A new workbook of fitted form sheets (`fitModel`), written as the scaffold writes a form (ExcelJS
 * from the model, never the user's file round-tripped), with the pictures placed in the cells the
 * fit gave them. The target is replaced only once the whole file is written. Returns the pictures
 * placed (a type ExcelJS cannot embed is skipped and counted out).
 */
export async function writeFittedWorkbook(
  target: string,
  models: readonly SheetModel[],
  pictures: readonly PlacedPicture[]
): Promise<{ placed: number; skipped: PlacedPicture[] }> {
  const wb = newWorkbook();
  const fixed = new Map<number, Set<number>>();
  const sheets = new Map<string, { ws: ExcelJS.Worksheet; model: SheetModel }>();
  for (const model of models) {
    const ws = await addFormSheet(wb, model);
    fixed.set(ws.id, fixedRows(model));
    sheets.set(model.name, { ws, model });
  }
  let placed = 0;
  const skipped: PlacedPicture[] = [];
  for (const p of pictures) {
    const at = sheets.get(p.sheet);
    if (!at || !IMAGE_TYPES.has(p.extension)) {
      skipped.push(p);
      continue;
    }
    const { ws, model } = at;
    const rowPt = model.rowHeights[p.row - 1]?.pt ?? 15;
    const colPt = columnWidthPt(model.columnWidths[p.col - 1] ?? 8.43);
    const id = wb.addImage({
      buffer: Buffer.from(p.bytes) as unknown as ExcelJS.Buffer,
      extension: p.extension as "png" | "jpeg" | "gif",
    });
    // The corner as ExcelJS takes it: 0-based, a fraction of the cell for the offset.
    ws.addImage(id, {
      tl: {
        col: p.col - 1 + Math.min(0.99, p.colOffPt / colPt),
        row: p.row - 1 + Math.min(0.99, p.rowOffPt / rowPt),
      } as ExcelJS.Anchor,
      ext: {
        width: (p.widthPt ?? DEFAULT_PT.width) * PX_PER_PT,
        height: (p.heightPt ?? DEFAULT_PT.height) * PX_PER_PT,
      },
      editAs: "oneCell",
    });
    placed++;
  }
  await writeWorkbookFile(wb, target, [], fixed);
  return { placed, skipped };
}
