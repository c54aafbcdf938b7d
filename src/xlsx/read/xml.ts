/**
 * XML for the reader: bytes decoded by their BOM or encoding declaration, then parsed by saxes (a
 * conformant streaming parser: comments, CDATA, either quote, character references, line-end
 * normalisation, well-formedness) with namespace prefixes resolved, so `<x:c>` and `<c>` in the
 * SpreadsheetML namespace are the same element and a look-alike in another namespace is not.
 */
import { SaxesParser } from "saxes";
import { corrupt, FormFileError, overLimit } from "./errors";
import { READ_LIMITS } from "./limits";

/** Namespace URIs: the transitional (ECMA-376 / Excel) form first, then the strict (ISO) form. */
export const NS = {
  sml: [
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
  ],
  rel: [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
  ],
  pkgRel: ["http://schemas.openxmlformats.org/package/2006/relationships"],
  xdr: [
    "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
  ],
  mc: ["http://schemas.openxmlformats.org/markup-compatibility/2006"],
  richData: ["http://schemas.microsoft.com/office/spreadsheetml/2017/richdata"],
  wml: [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
  ],
  pml: [
    "http://schemas.openxmlformats.org/presentationml/2006/main",
    "http://purl.oclc.org/ooxml/presentationml/main",
  ],
} as const;

export type Attrs = Record<string, string>;

/** Resolves a prefix (`""` for the default namespace) in the scope of the element being opened. */
export type PrefixLookup = (prefix: string) => string | undefined;

export interface XmlEvents {
  open(uri: string, local: string, attrs: Attrs, lookup: PrefixLookup): void;
  close?(uri: string, local: string): void;
  /** Character data and CDATA sections, entities decoded and line ends normalised to LF. */
  text?(s: string): void;
}

const XML_NS = "http://www.w3.org/XML/1998/namespace";

/** The value of a namespaced attribute such as `r:id`, whatever prefix the file binds. */
export function nsAttr(
  attrs: Attrs,
  lookup: PrefixLookup,
  uris: readonly string[],
  local: string
): string | undefined {
  for (const k in attrs) {
    const i = k.indexOf(":");
    if (i < 0 || k.slice(i + 1) !== local) continue;
    const uri = lookup(k.slice(0, i));
    if (uri !== undefined && uris.includes(uri)) return attrs[k];
  }
  return undefined;
}

function asciiPrologue(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < Math.min(bytes.length, 256); i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** Decode an XML part: UTF-8 or UTF-16 by BOM or by the first bytes, else the declared encoding. */
export function decodeXml(file: string, part: string, bytes: Uint8Array): string {
  let label = "utf-8";
  const [a, b] = bytes;
  if (a === 0xff && b === 0xfe) label = "utf-16le";
  else if (a === 0xfe && b === 0xff) label = "utf-16be";
  else if (a === 0x3c && b === 0x00) label = "utf-16le";
  else if (a === 0x00 && b === 0x3c) label = "utf-16be";
  else if (!(a === 0xef && b === 0xbb && bytes[2] === 0xbf)) {
    const m = /^<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(
      asciiPrologue(bytes)
    );
    if (m) label = m[1].toLowerCase();
    if (/^utf-?16/.test(label))
      throw corrupt(file, `${part}: declared ${m![1]} but not encoded so`);
  }
  let decode: (b: Uint8Array) => string;
  try {
    const decoder = new TextDecoder(label, { fatal: true });
    decode = (b) => decoder.decode(b);
  } catch {
    throw corrupt(file, `${part}: unsupported encoding ${label}`);
  }
  try {
    return decode(bytes);
  } catch {
    throw corrupt(file, `${part}: not valid ${label} text`);
  }
}

/** Parse a part, calling `ev` for each element; throws FormFileError naming the part and line. */
export function parseXml(file: string, part: string, bytes: Uint8Array, ev: XmlEvents): void {
  const text = decodeXml(file, part, bytes);
  const parser = new SaxesParser({ fileName: part });
  let scope = new Map<string, string>([["xml", XML_NS]]);
  const scopes: Map<string, string>[] = [];
  const names: string[] = [];
  const lookup: PrefixLookup = (prefix) => scope.get(prefix);
  parser.on("doctype", () => {
    throw corrupt(file, `${part}: a DTD (<!DOCTYPE>) is not allowed in a workbook`);
  });
  parser.on("opentag", (tag) => {
    if (scopes.length >= READ_LIMITS.xmlDepth)
      throw overLimit(
        file,
        `${part} ซ้อนกันลึกกว่า ${READ_LIMITS.xmlDepth} ชั้น`,
        `${part} nests elements more than ${READ_LIMITS.xmlDepth} deep`
      );
    const attrs = tag.attributes as Attrs;
    let next = scope;
    for (const k in attrs) {
      if (k.charCodeAt(0) !== 120 || !k.startsWith("xmlns")) continue;
      if (k.length !== 5 && k.charCodeAt(5) !== 58) continue;
      if (next === scope) next = new Map(scope);
      next.set(k.length === 5 ? "" : k.slice(6), attrs[k]);
    }
    scopes.push(scope);
    scope = next;
    const name = tag.name;
    const i = name.indexOf(":");
    const uri = i < 0 ? (scope.get("") ?? "") : scope.get(name.slice(0, i));
    if (uri === undefined) throw corrupt(file, `${part}: unbound prefix in <${name}>`);
    const local = i < 0 ? name : name.slice(i + 1);
    names.push(uri, local);
    ev.open(uri, local, attrs, lookup);
  });
  parser.on("closetag", () => {
    const local = names.pop()!;
    const uri = names.pop()!;
    ev.close?.(uri, local);
    scope = scopes.pop()!;
  });
  if (ev.text) {
    parser.on("text", ev.text);
    parser.on("cdata", ev.text);
  }
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof FormFileError) throw e;
    const m = (e as Error).message;
    throw corrupt(file, m.length > 160 ? `${m.slice(0, 160)}…` : m);
  }
}

const XSD_DOUBLE = /^[ \t\n\r]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\r]*$/;

/**
 * A number by the XML Schema decimal/double grammar only (`0x55`, `1_000`, `Infinity` or an empty
 * string are not numbers, although JavaScript's Number() takes them); null when it is not one.
 */
export function xsdNumber(s: string): number | null {
  if (!XSD_DOUBLE.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A non-negative integer index (shared string, rich value) by the XML Schema grammar. */
export function xsdIndex(s: string | undefined): number | null {
  if (s === undefined || !/^[ \t\n\r]*\+?\d{1,9}[ \t\n\r]*$/.test(s)) return null;
  return Number(s);
}

/** SpreadsheetML escapes characters XML cannot hold as `_xHHHH_` (and a literal `_x` as `_x005F_`). */
export function decodeOoxmlEscapes(s: string): string {
  return s.includes("_x")
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    : s;
}
