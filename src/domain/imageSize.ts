/**
 * The pixel size of a PNG or JPEG picture, read from its header, so a photo can be sized to fit a cell
 * before Excel has it. Null for anything else (the pane then refuses the file with a message).
 */
export interface ImageInfo {
  format: "png" | "jpeg";
  width: number;
  height: number;
}

export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  const u32 = (i: number) =>
    ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
  const u16 = (i: number) => (bytes[i] << 8) | bytes[i + 1];
  // PNG: signature, then the IHDR chunk with width and height.
  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 24 && PNG.every((b, i) => bytes[i] === b)) {
    const width = u32(16);
    const height = u32(20);
    return width > 0 && height > 0 ? { format: "png", width, height } : null;
  }
  // JPEG: SOI, then segments until a start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC).
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1];
      if (marker === 0xff) {
        i++;
        continue;
      }
      const length = u16(i + 2);
      const sof = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
      if (sof) {
        const height = u16(i + 5);
        const width = u16(i + 7);
        return width > 0 && height > 0 ? { format: "jpeg", width, height } : null;
      }
      if (length < 2) return null;
      i += 2 + length;
    }
  }
  return null;
}

/** The size of a picture scaled to fit a box (never enlarged), keeping its proportions. */
export function fitInBox(
  image: { width: number; height: number },
  box: { width: number; height: number }
): { width: number; height: number } {
  const scale = Math.min(1, box.width / image.width, box.height / image.height);
  return { width: image.width * scale, height: image.height * scale };
}

/** Space kept free between a photo and its cell's borders, and between photos, in points. */
export const PHOTO_INSET_PT = 3;

/**
 * Where photos go in one cell (sizes in points, offsets from the cell's top-left): side by side in
 * equal slots across the cell, each fitted into its slot and never enlarged. A picture whose size is
 * unknown takes its whole slot.
 */
export function photoSlots(
  cell: { width: number; height: number },
  images: readonly ({ width: number; height: number } | null)[]
): { dx: number; dy: number; width: number; height: number }[] {
  const n = images.length;
  const inset = PHOTO_INSET_PT;
  const slot = Math.max(1, (cell.width - 2 * inset - (n - 1) * inset) / Math.max(1, n));
  const height = Math.max(1, cell.height - 2 * inset);
  return images.map((img, k) => {
    const size = fitInBox(img ?? { width: slot, height }, { width: slot, height });
    return { dx: inset + k * (slot + inset), dy: inset, width: size.width, height: size.height };
  });
}
