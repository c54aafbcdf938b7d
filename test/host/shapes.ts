/**
 * `worksheet.shapes.addImage` (ExcelApi 1.9, Excel.ShapeCollection) and the shape's position and size,
 * kept as a picture of the ExcelJS sheet (anchored at the cell under its top-left corner, so the
 * written file has the picture where Excel would put it). Excel's rules:
 * - the image is a base64 PNG or JPEG ("Creates an image from a base64-encoded string", the reference);
 *   anything else fails with InvalidArgument;
 * - on a protected sheet, shapes may be added and moved only when the protection allows editing
 *   objects (Excel.WorksheetProtectionOptions.allowEditObjects); else AccessDenied.
 */
import type ExcelJS from "exceljs";
import { officeError } from "./errors";
import { Loaded, type LoadOption, notLoaded, selected } from "./loadable";
import { objectsEditable } from "./protection";
import type { FakeWorksheet } from "./worksheet";

/** Column widths and row heights in points, as Excel draws the sheet (defaults 8.43 characters, 15 pt). */
export const colPt = (ws: ExcelJS.Worksheet, c: number) =>
  (Math.trunc((ws.getColumn(c).width ?? 8.43) * 7 + 5) * 3) / 4;
export const rowPt = (ws: ExcelJS.Worksheet, r: number) => ws.getRow(r).height ?? 15;

/** The 0-based fractional cell position of a point on the sheet (ExcelJS anchors). */
function anchorAt(ws: ExcelJS.Worksheet, left: number, top: number) {
  let col = 0;
  let x = left;
  while (x >= colPt(ws, col + 1)) x -= colPt(ws, ++col);
  let row = 0;
  let y = top;
  while (y >= rowPt(ws, row + 1)) y -= rowPt(ws, ++row);
  return { col: col + x / colPt(ws, col + 1), row: row + y / rowPt(ws, row + 1) };
}

interface Placed {
  left: number;
  top: number;
  width: number;
  height: number;
  media?: { model: unknown };
  imageId?: number;
}

export class FakeShape {
  readonly _path: number;
  private readonly placed: Placed = { left: 0, top: 0, width: 100, height: 100 };
  constructor(
    private readonly ws: FakeWorksheet,
    parent: number,
    base64: string
  ) {
    this._path = ws.ctx.request.object("method", "AddImage", parent, [base64]);
    ws.op("shapes.addImage", (sheet) => {
      if (!objectsEditable(sheet))
        throw officeError("AccessDenied", "Pictures cannot be added to this protected sheet");
      // atob/btoa, not Buffer: the host also runs in the browser (the e2e page).
      const bytes = Uint8Array.from(atob(base64.slice(0, 16)), (c) => c.charCodeAt(0));
      const png = [0x89, 0x50, 0x4e, 0x47].every((b, i) => bytes[i] === b);
      const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
      if (!png && !jpeg) throw officeError("InvalidArgument", "The image is not PNG or JPEG");
      const wb = (sheet as unknown as { workbook: ExcelJS.Workbook }).workbook;
      this.placed.imageId = wb.addImage({ base64, extension: png ? "png" : "jpeg" });
      sheet.addImage(this.placed.imageId, this.range(sheet));
      const media = (sheet as unknown as { _media: { model: unknown }[] })._media;
      this.placed.media = media[media.length - 1];
    });
  }

  private range(sheet: ExcelJS.Worksheet) {
    const p = this.placed;
    return {
      tl: anchorAt(sheet, p.left, p.top),
      ext: { width: (p.width * 4) / 3, height: (p.height * 4) / 3 },
      editAs: "oneCell",
    } as unknown as ExcelJS.ImageRange;
  }

  private setProp(name: string, key: keyof Placed | null, v: unknown) {
    this.ws.op(
      `shape.${name}`,
      (sheet) => {
        if (!objectsEditable(sheet))
          throw officeError("AccessDenied", "Pictures cannot be moved on this protected sheet");
        if (key) (this.placed as unknown as Record<string, unknown>)[key] = v;
        if (this.placed.media)
          this.placed.media.model = {
            type: "image",
            imageId: this.placed.imageId,
            range: this.range(sheet),
          };
      },
      { kind: "set", name, path: this._path, args: [v] }
    );
  }

  set left(v: number) {
    this.setProp("Left", "left", v);
  }
  set top(v: number) {
    this.setProp("Top", "top", v);
  }
  set width(v: number) {
    this.setProp("Width", "width", v);
  }
  set height(v: number) {
    this.setProp("Height", "height", v);
  }
  set name(v: string) {
    this.setProp("Name", null, v);
  }
  set altTextDescription(v: string) {
    this.setProp("AltTextDescription", null, v);
  }
  set lockAspectRatio(v: boolean) {
    this.setProp("LockAspectRatio", null, v);
  }
}

/** Where a picture of the ExcelJS sheet sits, in points from the sheet's top-left corner. */
function imagePosition(sheet: ExcelJS.Worksheet, img: ExcelJS.ImageRange) {
  const tl = img.tl as unknown as {
    nativeCol: number;
    nativeRow: number;
    col: number;
    row: number;
  };
  const col = tl.nativeCol ?? Math.floor(tl.col);
  const row = tl.nativeRow ?? Math.floor(tl.row);
  let left = 0;
  for (let c = 1; c <= col; c++) left += colPt(sheet, c);
  let top = 0;
  for (let r = 1; r <= row; r++) top += rowPt(sheet, r);
  left += (tl.col - Math.floor(tl.col)) * colPt(sheet, col + 1);
  top += (tl.row - Math.floor(tl.row)) * rowPt(sheet, row + 1);
  return { left, top };
}

const SHAPE_SCALARS = ["id", "name", "type", "left", "top", "width", "height"] as const;

function base64Of(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The size of an ExcelJS picture in points (its extent is in pixels, 96 to the inch). */
function imageSize(img: ExcelJS.ImageRange) {
  const ext = (img as unknown as { ext?: { width: number; height: number } }).ext;
  return ext
    ? { width: (ext.width * 3) / 4, height: (ext.height * 3) / 4 }
    : { width: 0, height: 0 };
}

export function shapesOf(ws: FakeWorksheet) {
  const path = ws.ctx.request.object("property", "Shapes", ws._path);
  let items: Record<string, unknown>[] | null = null;
  const collection = {
    _path: path,
    addImage: (base64: string) => {
      ws.requires("1.9", "ShapeCollection.addImage");
      return new FakeShape(ws, path, base64);
    },
    /**
     * A picture by id (ExcelApi 1.9, ShapeCollection.getItem): setting its `top` moves it down the
     * sheet (anchored again at the cell under its corner); on a protected sheet only when the
     * protection allows editing objects.
     */
    getItem: (id: string) => {
      const shapePath = ws.ctx.request.object("method", "GetItem", path, [id]);
      return {
        _path: shapePath,
        set top(v: number) {
          ws.op(
            "shape.top",
            (sheet) => {
              const img = sheet.getImages()[Number(id) - 1];
              if (!img) throw officeError("ItemNotFound", `No shape ${id}`);
              if (!objectsEditable(sheet))
                throw officeError(
                  "AccessDenied",
                  "Pictures cannot be moved on this protected sheet"
                );
              const { left } = imagePosition(sheet, img.range);
              const at = anchorAt(sheet, left, v);
              // ExcelJS's anchor sets its cell and offset from a fractional position.
              const tl = img.range.tl as unknown as { col: number; row: number };
              tl.col = at.col;
              tl.row = at.row;
            },
            { kind: "set", name: "Top", path: shapePath, args: [v] }
          );
        },
      };
    },
    /** The pictures on the sheet (type "Image"), with their position (ExcelApi 1.9). */
    load: (option?: LoadOption) => {
      ws.requires("1.9", "ShapeCollection.load");
      const props = selected(option, SHAPE_SCALARS);
      ws.ctx.enqueueLoad(`${ws.label}.shapes.load`, path, props, () => {
        const sheet = ws.sheet();
        items = sheet.getImages().map((img, i) => {
          const all: Record<string, unknown> = {
            id: String(i + 1),
            name: `Picture ${i + 1}`,
            type: "Image",
            ...imagePosition(sheet, img.range),
            ...imageSize(img.range),
          };
          return Object.fromEntries(props.map((p) => [p, all[p]]));
        });
        return items;
      });
      return collection;
    },
    get items() {
      if (!items) notLoaded("ShapeCollection.items");
      return items!.map((it, index) => {
        const loaded = new Loaded("Shape");
        for (const [k, v] of Object.entries(it)) loaded.set(k, v);
        return {
          /**
           * The picture as an image, base64 (ExcelApi 1.9; the value is readable after the sync,
           * https://learn.microsoft.com/javascript/api/excel/excel.pictureformat). Excel renders the
           * shape; the host cannot render, so it answers with the picture's stored bytes when they
           * are in the format asked for, and refuses other formats as a limit of the host.
           */
          getAsImage: (format: string) => {
            ws.requires("1.9", "Shape.getAsImage");
            const itemPath = ws.ctx.request.object("indexer", "", path, [index], false);
            let value: string | null = null;
            ws.ctx.enqueueLoad(`${ws.label}.shape.getAsImage`, itemPath, [], () => {
              const sheet = ws.sheet();
              const img = sheet.getImages()[index];
              const wb = (sheet as unknown as { workbook: ExcelJS.Workbook }).workbook;
              const media = wb.getImage(Number(img.imageId)) as unknown as {
                buffer?: Uint8Array;
                base64?: string;
                extension: string;
              };
              const ext = media.extension === "jpg" ? "jpeg" : media.extension;
              if (ext.toUpperCase() !== String(format).toUpperCase())
                throw officeError(
                  "NotImplemented",
                  `The test host cannot render a ${ext} picture as ${format}`
                );
              value = media.base64 ?? base64Of(media.buffer!);
              return value;
            });
            return {
              get value() {
                if (value === null) notLoaded("ClientResult.value");
                return value!;
              },
            };
          },
          get id() {
            return loaded.get<string>("id");
          },
          get name() {
            return loaded.get<string>("name");
          },
          get type() {
            return loaded.get<string>("type");
          },
          get left() {
            return loaded.get<number>("left");
          },
          get top() {
            return loaded.get<number>("top");
          },
          get width() {
            return loaded.get<number>("width");
          },
          get height() {
            return loaded.get<number>("height");
          },
        };
      });
    },
  };
  return collection;
}
