import type ExcelJS from "exceljs";
import type { Unzipped } from "fflate";
import { Deflated, isDeflated, PartData, PartStream, strFromU8, strToU8 } from "./utf8";
import zlib from "zlib";
import { addCharts, ChartSpec } from "./chart";
import { listZip, readEntry } from "../read/zip";
import { nodeInflate } from "../nodeInflate";
import { writeBytesAtomic } from "./atomic";

export { writeBytesAtomic };

/** Rows to keep marked as sized by hand, by worksheet id (ExcelJS writes sheet N as sheetN.xml). */
export type FixedRows = ReadonlyMap<number, ReadonlySet<number>>;

/**
 * Row heights ExcelJS writes are marked as set by hand (customHeight), which stops Excel from re-fitting
 * a row when its text changes, and LibreOffice from fitting it on load. Ours are computed from the text:
 * keep them, and drop the mark except on the rows given (rows under merged cells, which neither app
 * fits). The XML is ExcelJS's own output, whose <row> start tags carry `r="N"` first.
 */
export function unmarkRowHeights(files: Unzipped, fixed: FixedRows = new Map()): void {
  for (const name of Object.keys(files)) {
    const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name);
    if (!m) continue;
    const keep = fixed.get(Number(m[1])) ?? new Set<number>();
    const xml = strFromU8(files[name]);
    if (!xml.includes('customHeight="1"')) continue;
    files[name] = strToU8(
      xml.replace(/<row\b[^>]*>/g, (tag) => {
        const row = Number(/\br="(\d+)"/.exec(tag)?.[1]);
        return keep.has(row) ? tag : tag.replace(' customHeight="1"', "");
      })
    );
  }
}

/**
 * The extended properties as we write them: ExcelJS names every file's application "Microsoft Excel",
 * and LibreOffice then trusts the values cached in its formulas instead of calculating them — stale
 * once another program has typed scores under the item labels' "(xx.xx คะแนน)" formulas. A file
 * named as ours is calculated on opening (Excel calculates it anyway: our calcId is older than its).
 */
const APP_PROPERTIES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
  `<Application>ITA report add-in</Application></Properties>`;

/** Finish a package ExcelJS wrote uncompressed: row heights, charts, then one compression pass. */
export function finishPackage(
  stored: Uint8Array,
  charts: ChartSpec[] = [],
  fixed: FixedRows = new Map()
): Uint8Array {
  const files: Unzipped = {};
  for (const e of listZip("summary", stored).values())
    if (!e.name.endsWith("/"))
      files[e.name] = readEntry("summary", stored, e, nodeInflate) as Unzipped[string];
  unmarkRowHeights(files, fixed);
  if (files["docProps/app.xml"]) files["docProps/app.xml"] = strToU8(APP_PROPERTIES);
  addCharts(files, charts);
  return zipNative(files);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 of data, continuing the CRC of the bytes before it (`before`). */
function crc32(data: Uint8Array, before = 0): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
  if (native) return native(data, before) >>> 0;
  let c = (before ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A final deflate block with nothing in it: ends a stream of blocks flushed one chunk at a time. */
const LAST_BLOCK = new Uint8Array([0x03, 0x00]);

/**
 * A part deflated a chunk at a time with Node's zlib, so that a large part (the summary's shared
 * strings: 120 MB of text at 5,000 units) is held compressed, never whole. Each chunk is deflated on
 * its own and ends on a byte boundary (a sync flush, not a final block); the blocks of all chunks,
 * then an empty final block, are one deflate stream (RFC 1951: a stream is blocks until one marked
 * final), as parallel compressors write them. A chunk of a megabyte of text loses next to nothing of
 * the ratio for not seeing the chunk before.
 */
export function deflatingPart(): PartStream {
  const out: Uint8Array[] = [];
  let crc = 0;
  let size = 0;
  let length = 0;
  return {
    push(bytes) {
      if (!bytes.length) return;
      crc = crc32(bytes, crc);
      size += bytes.length;
      const d = zlib.deflateRawSync(bytes, { level: 6, finishFlush: zlib.constants.Z_SYNC_FLUSH });
      out.push(d);
      length += d.length;
    },
    end(): Deflated {
      out.push(LAST_BLOCK);
      const deflated = new Uint8Array(length + LAST_BLOCK.length);
      let at = 0;
      for (const d of out) {
        deflated.set(d, at);
        at += d.length;
      }
      out.length = 0;
      return { deflated, crc, size };
    },
  };
}

interface EntryFields {
  crc: number;
  compressed: number;
  size: number;
  nameLength: number;
}

/**
 * The fields the local header and the central directory share, in the same order: version needed,
 * flags (UTF-8 names), method (deflate), time and date, CRC, sizes, name length; the extra-field
 * length after them is 0 in both.
 */
function writeEntryFields(buf: Buffer, at: number, e: EntryFields): void {
  buf.writeUInt16LE(20, at);
  buf.writeUInt16LE(0x0800, at + 2);
  buf.writeUInt16LE(8, at + 4);
  buf.writeUInt32LE(0, at + 6);
  buf.writeUInt32LE(e.crc, at + 10);
  buf.writeUInt32LE(e.compressed, at + 14);
  buf.writeUInt32LE(e.size, at + 18);
  buf.writeUInt16LE(e.nameLength, at + 22);
}

/** A zip of the given files, deflated with Node's native zlib (names are UTF-8); parts deflated already are taken as they are. */
export function zipNative(files: Readonly<Record<string, PartData>>): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, "utf8");
    const part = isDeflated(data)
      ? data
      : { deflated: zlib.deflateRawSync(data, { level: 6 }), crc: crc32(data), size: data.length };
    const deflated = part.deflated;
    const entry = {
      crc: part.crc,
      compressed: deflated.length,
      size: part.size,
      nameLength: nameBytes.length,
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, entry);
    locals.push(local, nameBytes, deflated);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // version made by
    writeEntryFields(dir, 6, entry);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, nameBytes);
    offset += 30 + nameBytes.length + deflated.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = Object.keys(files).length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

/** Write a workbook (and its charts) to a path, replacing the target only after success. */
export async function writeWorkbookFile(
  wb: ExcelJS.Workbook,
  target: string,
  charts: ChartSpec[] = [],
  fixed: FixedRows = new Map()
): Promise<void> {
  const options = { zip: { compression: "STORE" } } as unknown as Partial<ExcelJS.XlsxWriteOptions>;
  const stored = new Uint8Array(await wb.xlsx.writeBuffer(options));
  await writeBytesAtomic(target, finishPackage(stored, charts, fixed));
}
