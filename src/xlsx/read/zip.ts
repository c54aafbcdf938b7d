import { msg } from "../../domain/text";
import { baseName, corrupt, FormFileError, tooBig } from "./errors";
import { READ_LIMITS } from "./limits";

/** One file inside a zip, from the central directory, checked against its local header. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Where the entry's (compressed) data starts, after its local header. */
  dataOffset: number;
}

/** Caps checked on the central directory before anything is inflated (zip bombs). */
export const ZIP_LIMITS = {
  totalBytes: READ_LIMITS.zipTotalBytes,
  entryBytes: READ_LIMITS.zipEntryBytes,
  ratio: READ_LIMITS.zipRatio,
  entries: READ_LIMITS.zipEntries,
};

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) =>
  (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
/** A 64-bit little-endian size; anything past 2^53 is not a size this reader could hold anyway. */
const u64 = (b: Uint8Array, o: number) => {
  const hi = u32(b, o + 4);
  return hi > 0x1fffff ? Number.MAX_SAFE_INTEGER : hi * 0x100000000 + u32(b, o);
};

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_END = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/** The name a zip entry is looked up by: `/` separators (some writers use `\`), no leading `/`. */
export function entryKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

function findEnd(file: string, buf: Uint8Array): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (u32(buf, i) === SIG_END) return i;
  }
  throw corrupt(file, "no zip directory");
}

/** Where the central directory is and how many records it has (zip64 when the 32-bit fields overflow). */
function directory(file: string, buf: Uint8Array, end: number) {
  let count = u16(buf, end + 10);
  let size = u32(buf, end + 12);
  let offset = u32(buf, end + 16);
  if (count === MAX16 || size === MAX32 || offset === MAX32) {
    const loc = end - 20;
    if (loc < 0 || u32(buf, loc) !== SIG_ZIP64_LOCATOR)
      throw corrupt(file, "broken zip64 directory");
    const rec = u64(buf, loc + 8);
    if (rec + 56 > buf.length || u32(buf, rec) !== SIG_ZIP64_END)
      throw corrupt(file, "broken zip64 directory");
    count = u64(buf, rec + 32);
    size = u64(buf, rec + 40);
    offset = u64(buf, rec + 48);
  }
  if (offset + size > buf.length) throw corrupt(file, "broken zip directory");
  return { count, offset, size };
}

/** The zip64 extended-information extra field replaces each 32-bit field that is all ones. */
function zip64Fields(
  buf: Uint8Array,
  start: number,
  length: number,
  want: { size: boolean; compressed: boolean; offset: boolean }
): { size?: number; compressed?: number; offset?: number } | null {
  let p = start;
  while (p + 4 <= start + length) {
    const id = u16(buf, p);
    const len = u16(buf, p + 2);
    if (id === 0x0001) {
      const out: { size?: number; compressed?: number; offset?: number } = {};
      let q = p + 4;
      const take = () => {
        if (q + 8 > p + 4 + len) return null;
        const v = u64(buf, q);
        q += 8;
        return v;
      };
      if (want.size && (out.size = take() ?? undefined) === undefined) return null;
      if (want.compressed && (out.compressed = take() ?? undefined) === undefined) return null;
      if (want.offset && (out.offset = take() ?? undefined) === undefined) return null;
      return out;
    }
    p += 4 + len;
  }
  return null;
}

const sameBytes = (buf: Uint8Array, a: number, b: number, n: number) => {
  for (let i = 0; i < n; i++) if (buf[a + i] !== buf[b + i]) return false;
  return true;
};

/**
 * Read the central directory and check it before anything is inflated: the size and ratio caps,
 * zip64 sizes, each local header against its directory record (same name, same method), no two
 * entries with the same name (ignoring case and `\` vs `/`), no two entries sharing bytes.
 */
export function listZip(file: string, buf: Uint8Array): Map<string, ZipEntry> {
  const end = findEnd(file, buf);
  const dir = directory(file, buf, end);
  if (dir.count > ZIP_LIMITS.entries) {
    throw new FormFileError(
      file,
      msg(
        `ไฟล์ ${baseName(file)} มีรายการใน zip ${dir.count} รายการ (เกิน ${ZIP_LIMITS.entries}) จึงไม่อ่าน`,
        `${baseName(file)} has ${dir.count} zip entries (more than ${ZIP_LIMITS.entries}); not read`
      )
    );
  }
  const out = new Map<string, ZipEntry>();
  const keys = new Set<string>();
  const decoder = new TextDecoder();
  let total = 0;
  let p = dir.offset;
  for (let n = 0; n < dir.count; n++) {
    if (p + 46 > buf.length || u32(buf, p) !== SIG_CENTRAL)
      throw corrupt(file, "broken zip directory");
    const flags = u16(buf, p + 8);
    const method = u16(buf, p + 10);
    let compressedSize = u32(buf, p + 20);
    let size = u32(buf, p + 24);
    const nameLen = u16(buf, p + 28);
    const extraLen = u16(buf, p + 30);
    const commentLen = u16(buf, p + 32);
    let localOffset = u32(buf, p + 42);
    const nameStart = p + 46;
    if (nameStart + nameLen + extraLen > buf.length) throw corrupt(file, "broken zip directory");
    const name = decoder.decode(buf.subarray(nameStart, nameStart + nameLen));
    if (size === MAX32 || compressedSize === MAX32 || localOffset === MAX32) {
      const z = zip64Fields(buf, nameStart + nameLen, extraLen, {
        size: size === MAX32,
        compressed: compressedSize === MAX32,
        offset: localOffset === MAX32,
      });
      if (!z) throw corrupt(file, `zip64 sizes missing for ${name}`);
      size = z.size ?? size;
      compressedSize = z.compressed ?? compressedSize;
      localOffset = z.offset ?? localOffset;
    }
    p = nameStart + nameLen + extraLen + commentLen;

    total += size;
    if (size > ZIP_LIMITS.entryBytes || total > ZIP_LIMITS.totalBytes) throw tooBig(file);
    if (size > 1024 * 1024 && size / Math.max(1, compressedSize) > ZIP_LIMITS.ratio)
      throw tooBig(file);

    const key = entryKey(name);
    if (keys.has(key)) throw corrupt(file, `two zip entries named ${name}`);
    keys.add(key);

    // The local header must describe the same entry: a different name there is how a package
    // shows one file to one reader and another file to the next.
    if (localOffset + 30 > dir.offset || u32(buf, localOffset) !== SIG_LOCAL)
      throw corrupt(file, `bad entry ${name}`);
    const localNameLen = u16(buf, localOffset + 26);
    const localExtraLen = u16(buf, localOffset + 28);
    if (
      localNameLen !== nameLen ||
      !sameBytes(buf, localOffset + 30, nameStart, nameLen) ||
      u16(buf, localOffset + 8) !== method
    )
      throw corrupt(file, `entry ${name} differs from its local header`);
    const dataOffset = localOffset + 30 + localNameLen + localExtraLen;
    if (dataOffset + compressedSize > dir.offset) throw corrupt(file, `truncated entry ${name}`);
    out.set(name, { name, method, flags, compressedSize, size, localOffset, dataOffset });
  }

  // No two entries may share bytes (thousands of records pointing at one entry, or overlapping data).
  const spans = [...out.values()].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < spans.length; i++) {
    const prev = spans[i - 1];
    if (spans[i].localOffset < prev.dataOffset + prev.compressedSize)
      throw corrupt(file, `entries ${prev.name} and ${spans[i].name} overlap`);
  }
  return out;
}

/**
 * Raw-deflate decompression into at most `size` bytes (the entry's declared size). The caller passes
 * it in: Node's native zlib in the CLI (`xlsx/nodeInflate.ts`), fflate in the task pane (`fflateInflate.ts`).
 */
export type Inflater = (data: Uint8Array, size: number) => Uint8Array;

/** Inflate one entry, never past its declared size. */
export function readEntry(
  file: string,
  buf: Uint8Array,
  e: ZipEntry,
  inflater: Inflater
): Uint8Array {
  if (e.flags & 1) {
    throw new FormFileError(
      file,
      msg(`ไฟล์ ${baseName(file)} ถูกเข้ารหัส`, `${baseName(file)} is encrypted`)
    );
  }
  const data = buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  if (data.length < e.compressedSize) throw corrupt(file, `truncated entry ${e.name}`);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw corrupt(file, `bad size of ${e.name}`);
    return data;
  }
  if (e.method !== 8) throw corrupt(file, `unsupported compression in ${e.name}`);
  try {
    const out = inflater(data, e.size);
    if (out.length !== e.size) throw new Error("size mismatch");
    return out;
  } catch (err) {
    throw corrupt(file, `${e.name}: ${(err as Error).message}`);
  }
}
