import { corrupt, FormFileError } from "./errors";
import { msg } from "../../domain";

/** One file inside a zip, from the central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Caps checked on the central directory before anything is inflated (zip bombs). */
export const ZIP_LIMITS = {
  /** Sum of the declared sizes of all entries. */
  totalBytes: 256 * 1024 * 1024,
  /** Largest single entry. */
  entryBytes: 128 * 1024 * 1024,
  /** Largest compression ratio for an entry above 1 MB. */
  ratio: 200,
  entries: 10000,
};

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) =>
  (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/** Read the central directory and check the caps. */
export function listZip(file: string, buf: Uint8Array): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (u32(buf, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(file, "no zip directory");
  const count = u16(buf, eocd + 10);
  let p = u32(buf, eocd + 16);
  if (count > ZIP_LIMITS.entries) throw corrupt(file, `${count} entries`);
  const out = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || u32(buf, p) !== 0x02014b50)
      throw corrupt(file, "broken zip directory");
    const flags = u16(buf, p + 8);
    const method = u16(buf, p + 10);
    const compressedSize = u32(buf, p + 20);
    const size = u32(buf, p + 24);
    const nameLen = u16(buf, p + 28);
    const extraLen = u16(buf, p + 30);
    const commentLen = u16(buf, p + 32);
    const localOffset = u32(buf, p + 42);
    const name = decoder.decode(buf.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (size === 0xffffffff || compressedSize === 0xffffffff) throw tooBig(file);
    total += size;
    if (size > ZIP_LIMITS.entryBytes || total > ZIP_LIMITS.totalBytes) throw tooBig(file);
    if (size > 1024 * 1024 && size / Math.max(1, compressedSize) > ZIP_LIMITS.ratio)
      throw tooBig(file);
    out.set(name, { name, method, flags, compressedSize, size, localOffset });
  }
  return out;
}

function tooBig(file: string): FormFileError {
  const name = file.split(/[\\/]/).pop();
  return new FormFileError(
    file,
    msg(
      `ไฟล์ ${name} เมื่อขยายแล้วใหญ่ผิดปกติ (อาจเป็น zip bomb) จึงไม่เปิด`,
      `${name} would unpack to an abnormal size (a zip bomb?) and was not opened`
    )
  );
}

/**
 * Raw-deflate decompression into at most `size` bytes (the entry's declared size). The caller passes
 * it in: Node's native zlib in the CLI (`xlsx/files.ts`), fflate in the task pane (`fflateInflate.ts`).
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
      msg(`ไฟล์ ${file.split(/[\\/]/).pop()} ถูกเข้ารหัส`, `${file.split(/[\\/]/).pop()} is encrypted`)
    );
  }
  const p = e.localOffset;
  if (p + 30 > buf.length || u32(buf, p) !== 0x04034b50) throw corrupt(file, `bad entry ${e.name}`);
  const start = p + 30 + u16(buf, p + 26) + u16(buf, p + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (data.length < e.compressedSize) throw corrupt(file, `truncated entry ${e.name}`);
  if (e.method === 0) return data;
  if (e.method !== 8) throw corrupt(file, `unsupported compression in ${e.name}`);
  try {
    const out = inflater(data, e.size);
    if (out.length !== e.size) throw new Error("size mismatch");
    return out;
  } catch (err) {
    throw corrupt(file, `${e.name}: ${(err as Error).message}`);
  }
}
