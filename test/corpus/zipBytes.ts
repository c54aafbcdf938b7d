/**
 * Zip packages built byte by byte, for the hostile files a zip library will not write: entries that
 * declare sizes they do not have (bombs), names that differ between the local header and the directory.
 */
import zlib from "zlib";

export interface RawEntry {
  name: string;
  /** The bytes stored in the package (deflated when `method` is 8). */
  data: Uint8Array;
  method?: 0 | 8;
  /** The uncompressed size written in the headers (default: the real one). */
  declaredSize?: number;
  /** The name written in the local header (default: `name`). */
  localName?: string;
}

/** A deflated entry whose headers declare `declaredSize` bytes once inflated. */
export function deflated(
  name: string,
  content: Uint8Array,
  declaredSize = content.length
): RawEntry {
  return { name, data: zlib.deflateRawSync(content), method: 8, declaredSize };
}

/** Build a zip; with `zip64`, every directory record gives its sizes and offset in a zip64 extra field. */
export function zipBytes(entries: RawEntry[], { zip64 = false } = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const localName = Buffer.from(e.localName ?? e.name, "utf8");
    const method = e.method ?? 0;
    const size = e.declaredSize ?? (method === 0 ? e.data.length : 0);
    const crc = zlib.crc32 ? zlib.crc32(e.data) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(zip64 ? 0xffffffff : e.data.length, 18);
    local.writeUInt32LE(zip64 ? 0xffffffff : size, 22);
    local.writeUInt16LE(localName.length, 26);
    // With zip64 the local header gives both sizes in its own extra field.
    const localExtra = Buffer.alloc(zip64 ? 20 : 0);
    if (zip64) {
      localExtra.writeUInt16LE(0x0001, 0);
      localExtra.writeUInt16LE(16, 2);
      localExtra.writeBigUInt64LE(BigInt(size), 4);
      localExtra.writeBigUInt64LE(BigInt(e.data.length), 12);
      local.writeUInt16LE(localExtra.length, 28);
    }
    locals.push(local, localName, localExtra, Buffer.from(e.data));
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(zip64 ? 45 : 20, 4);
    dir.writeUInt16LE(zip64 ? 45 : 20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(zip64 ? 0xffffffff : e.data.length, 20);
    dir.writeUInt32LE(zip64 ? 0xffffffff : size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    if (zip64) {
      const extra = Buffer.alloc(28);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(e.data.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
      dir.writeUInt16LE(extra.length, 30);
      central.push(dir, name, extra);
    } else central.push(dir, name);
    offset += 30 + localName.length + localExtra.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  // With zip64, the zip64 end-of-directory record and its locator come before the classic end record.
  const end64 = Buffer.alloc(zip64 ? 56 + 20 : 0);
  if (zip64) {
    end64.writeUInt32LE(0x06064b50, 0);
    end64.writeBigUInt64LE(44n, 4);
    end64.writeUInt16LE(45, 12);
    end64.writeUInt16LE(45, 14);
    end64.writeBigUInt64LE(BigInt(entries.length), 24);
    end64.writeBigUInt64LE(BigInt(entries.length), 32);
    end64.writeBigUInt64LE(BigInt(cd.length), 40);
    end64.writeBigUInt64LE(BigInt(offset), 48);
    end64.writeUInt32LE(0x07064b50, 56);
    end64.writeBigUInt64LE(BigInt(offset + cd.length), 64);
    end64.writeUInt32LE(1, 72);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  // With zip64 the classic record only says "see the zip64 record".
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : cd.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...locals, cd, end64, end]);
}
