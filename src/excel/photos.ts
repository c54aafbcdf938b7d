import { fitInBox, imageInfo, msg, FormSheet, photoSlots } from "../domain";
import { ExcelActionError, guarded } from "./errors";
import { evidenceAreas } from "./readForm";

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

/** The largest response the pictures of one request may make (estimated, see `photosIn`). */
const PHOTO_RESPONSE_BUDGET = 2_000_000;

/**
 * The pictures over the given evidence cells of a form sheet (each cell's area runs down to the next
 * item's evidence cell), as Excel renders them: base64 PNG (`Shape.getAsImage`, ExcelApi 1.9, "the
 * image as a base64-encoded string", https://learn.microsoft.com/javascript/api/excel/excel.pictureformat).
 * Syncs: 1 for the pictures and the cells' positions, then 1 for the images (more only when their
 * estimated size passes the response budget: a picture is rendered at its size on the sheet, 96 dpi).
 */
export async function photosIn(
  context: Excel.RequestContext,
  form: FormSheet,
  cells: readonly string[]
): Promise<Map<string, string[]>> {
  return guarded(async () => {
    const out = new Map<string, string[]>();
    if (!cells.length) return out;
    const ws = context.workbook.worksheets.getItem(form.sheet);
    const shapes = ws.shapes.load("items/type,items/left,items/top,items/width,items/height");
    const lastRow = Math.max(...form.items.map((i) => i.row)) + 200;
    const wanted = new Set(cells);
    const areas = evidenceAreas(form, lastRow)
      .filter((a) => wanted.has(a.anchor))
      .map((a) => ({ ...a, rect: ws.getRange(a.address).load("left,top,width,height") }));
    await context.sync();
    const inside: { cell: string; shape: Excel.Shape; bytes: number }[] = [];
    for (const shape of shapes.items) {
      if (shape.type !== "Image") continue;
      const a = areas.find(
        ({ rect: r }) =>
          shape.left >= r.left &&
          shape.left < r.left + r.width &&
          shape.top >= r.top &&
          shape.top < r.top + r.height
      );
      // The response for one picture: 4 bytes a pixel at most, base64 adds a third.
      if (a)
        inside.push({
          cell: a.anchor,
          shape,
          bytes: ((shape.width * 4) / 3) * ((shape.height * 4) / 3) * 4 * (4 / 3),
        });
    }
    let pending: { cell: string; image: OfficeExtension.ClientResult<string> }[] = [];
    let used = 0;
    const take = () => {
      for (const p of pending) out.set(p.cell, [...(out.get(p.cell) ?? []), p.image.value]);
      pending = [];
      used = 0;
    };
    for (const p of inside) {
      if (pending.length && used + p.bytes > PHOTO_RESPONSE_BUDGET) {
        // A response budget, not a sync per picture: most sheets need one.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        take();
      }
      pending.push({ cell: p.cell, image: p.shape.getAsImage("PNG") });
      used += p.bytes;
    }
    if (pending.length) {
      await context.sync();
      take();
    }
    return out;
  });
}

/** Photos to put in cells of a sheet: base64 PNG or JPEG with their pixel sizes, per cell. */
export interface CellPhotoInput {
  /** The cell (its area's top-left) as the sheet's layout names it. */
  cell: string;
  images: { base64: string; width: number; height: number }[];
}

/**
 * Photos into cells of a new form, side by side and fitted (`photoSlots`, the placement the file
 * writer uses), anchored in the cell so that the reader counts them as the item's evidence.
 * Syncs: 1 for the cells' positions and sizes, 1 for all the pictures.
 */
export async function insertPhotos(
  context: Excel.RequestContext,
  sheet: string,
  photos: readonly (CellPhotoInput & { area: string })[]
): Promise<number> {
  return guarded(async () => {
    if (!photos.length) return 0;
    const ws = context.workbook.worksheets.getItem(sheet);
    const rects = photos.map((p) => ws.getRange(p.area).load("left,top,width,height"));
    await context.sync();
    let n = 0;
    photos.forEach((p, k) => {
      const r = rects[k];
      const slots = photoSlots(
        { width: r.width, height: r.height },
        p.images.map((i) => ({ width: i.width * 0.75, height: i.height * 0.75 }))
      );
      p.images.forEach((img, j) => {
        const s = slots[j];
        const shape = ws.shapes.addImage(img.base64);
        shape.name = `ITA ${p.cell} ภาพกิจกรรม ${j + 1}`;
        shape.altTextDescription = "ภาพกิจกรรม";
        shape.lockAspectRatio = true;
        shape.left = r.left + s.dx;
        shape.top = r.top + s.dy;
        shape.width = s.width;
        shape.height = s.height;
        n++;
      });
    });
    await context.sync();
    return n;
  });
}
