import { fitInBox, imageInfo, msg, FormSheet } from "../domain";
import { ExcelActionError, guarded } from "./errors";

/** Space kept free between the picture and the cell's borders, in points. */
const INSET_PT = 3;

/**
 * Insert a picture (PNG or JPEG bytes) into an item's evidence cell, sized to fit the cell and never
 * enlarged (ExcelApi 1.9 `shapes.addImage`): the reader counts a picture anchored in the evidence
 * cell as the item's photo. Two syncs: the cell's position and size, then the picture. The form's
 * protection allows inserting and moving pictures, so the sheet stays protected.
 */
export async function insertPhoto(
  context: Excel.RequestContext,
  form: FormSheet,
  code: string,
  bytes: Uint8Array,
  base64: string
): Promise<void> {
  const it = form.items.find((i) => i.code === code);
  if (!it) throw new Error(`Item ${code} is not on the sheet`);
  const info = imageInfo(bytes);
  if (!info)
    throw new ExcelActionError(
      msg(
        "ใส่ได้เฉพาะภาพ PNG หรือ JPEG: บันทึกภาพเป็น .png หรือ .jpg แล้วลองอีกครั้ง",
        "Only PNG or JPEG pictures can be inserted: save the picture as .png or .jpg and try again"
      ),
      "UnsupportedImage"
    );
  await guarded(async () => {
    const ws = context.workbook.worksheets.getItem(form.sheet);
    const cell = ws.getRange(it.cells.evidence).load("left,top,width,height");
    await context.sync();
    // A picture's natural size in points: 96 pixels to the inch.
    const size = fitInBox(
      { width: info.width * 0.75, height: info.height * 0.75 },
      {
        width: Math.max(1, cell.width - 2 * INSET_PT),
        height: Math.max(1, cell.height - 2 * INSET_PT),
      }
    );
    const shape = ws.shapes.addImage(base64);
    shape.name = `ITA ${code} ภาพกิจกรรม`;
    shape.altTextDescription = `ภาพกิจกรรม ข้อ ${code}`;
    shape.lockAspectRatio = true;
    shape.left = cell.left + INSET_PT;
    shape.top = cell.top + INSET_PT;
    shape.width = size.width;
    shape.height = size.height;
    await context.sync();
  });
}
