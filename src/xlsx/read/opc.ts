/**
 * The package (Open Packaging Conventions) under an xlsx: parts by name, case-insensitively, each
 * inflated at most once; relationships resolved from the part that owns them (absolute and relative
 * targets), so the reader finds a workbook's parts where the workbook says they are, never by a
 * hard-coded path.
 */
import { corrupt, overLimit } from "./errors";
import { READ_LIMITS } from "./limits";
import { NS, parseXml, XmlEvents } from "./xml";
import { entryKey, Inflater, listZip, readEntry, ZipEntry } from "./zip";

export interface Relationship {
  id: string;
  type: string;
  /** The part the relationship points at (a package path without leading `/`), null when external. */
  target: string | null;
}

const REL_BASES = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
  "http://purl.oclc.org/ooxml/officeDocument/relationships/",
  "http://schemas.microsoft.com/office/2017/06/relationships/",
  "http://schemas.microsoft.com/office/2022/10/relationships/",
];

/** The short name of a relationship type (`worksheet`, `sharedStrings`, ...), transitional or strict. */
export function relKind(type: string): string {
  for (const base of REL_BASES) if (type.startsWith(base)) return type.slice(base.length);
  return type;
}

/** Where the relationships of a part are: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Resolve a relationship target against the part that owns it; null for external or bad targets. */
export function resolveTarget(source: string, target: string): string | null {
  const t = target.replace(/\\/g, "/").replace(/[#?].*$/, "");
  if (!t || /^[a-z][a-z0-9+.-]*:/i.test(t)) return null;
  const out = t.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (!out.length) return null;
      out.pop();
      continue;
    }
    let s = seg;
    try {
      s = decodeURIComponent(seg);
    } catch {
      return null;
    }
    out.push(s);
  }
  return out.length ? out.join("/") : null;
}

export class Package {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly cache = new Map<string, Uint8Array>();
  private readonly relsCache = new Map<string, Relationship[]>();
  private inflated = 0;

  constructor(
    readonly file: string,
    private readonly bytes: Uint8Array,
    private readonly inflate: Inflater
  ) {
    for (const e of listZip(file, bytes).values()) this.entries.set(entryKey(e.name), e);
  }

  has(part: string): boolean {
    return this.entries.has(entryKey(part));
  }

  /** Names of the entries as written in the zip. */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  /** The bytes of a part, inflated once; null when the package has no such part. */
  part(part: string): Uint8Array | null {
    const key = entryKey(part);
    const hit = this.cache.get(key);
    if (hit) return hit;
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.size > READ_LIMITS.partBytes)
      throw overLimit(
        this.file,
        `ส่วน ${e.name} ใหญ่ ${(e.size / 1048576).toFixed(0)} MB`,
        `part ${e.name} is ${(e.size / 1048576).toFixed(0)} MB`
      );
    this.inflated += e.size;
    if (this.inflated > READ_LIMITS.inflatedBytes)
      throw overLimit(
        this.file,
        `ข้อมูลที่ต้องขยายรวมเกิน ${READ_LIMITS.inflatedBytes / 1048576} MB`,
        `the parts to unpack total more than ${READ_LIMITS.inflatedBytes / 1048576} MB`
      );
    const data = readEntry(this.file, this.bytes, e, this.inflate);
    this.cache.set(key, data);
    return data;
  }

  /** Parse a part that must exist. */
  xml(part: string, ev: XmlEvents, what = part): void {
    const data = this.part(part);
    if (!data) throw corrupt(this.file, `missing ${what}`);
    parseXml(this.file, part, data, ev);
  }

  /** The relationships of a part (`""` for the package itself); none when it has no .rels part. */
  rels(source: string): Relationship[] {
    const path = source ? relsPathOf(source) : "_rels/.rels";
    const key = entryKey(path);
    const hit = this.relsCache.get(key);
    if (hit) return hit;
    const out: Relationship[] = [];
    const ids = new Set<string>();
    if (this.has(path)) {
      this.xml(path, {
        open: (uri, local, a) => {
          if (local !== "Relationship" || !NS.pkgRel.includes(uri as never)) return;
          const id = a.Id ?? "";
          if (!id || a.Type === undefined || a.Target === undefined)
            throw corrupt(this.file, `${path}: incomplete relationship`);
          if (ids.has(id)) throw corrupt(this.file, `${path}: relationship ${id} twice`);
          ids.add(id);
          const external = a.TargetMode === "External";
          out.push({
            id,
            type: a.Type,
            target: external ? null : resolveTarget(source, a.Target),
          });
        },
      });
    }
    this.relsCache.set(key, out);
    return out;
  }

  /** The targets of a part's relationships of one kind. */
  related(source: string, kind: string): Relationship[] {
    return this.rels(source).filter((r) => relKind(r.type) === kind && r.target !== null);
  }
}
