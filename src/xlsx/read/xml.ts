/**
 * XML for the reader: bytes decoded by their BOM or encoding declaration, then parsed by saxes (a
 * conformant streaming parser: comments, CDATA, either quote, character references, line-end
 * normalisation, well-formedness) with namespace prefixes resolved, so `<x:c>` and `<c>` in the
 * SpreadsheetML namespace are the same element and a look-alike in another namespace is not.
 */
import { SaxesParser } from "saxes";
import { corrupt, FormFileError, overLimit } from "./errors";
import { READ_LIMITS } from "./limits";
import { CLOSE, OPEN, PLAIN_MAX_CHARS, plainTokens } from "./plainXml";

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

/** The encoding an XML declaration names (ASCII-compatible encodings only), lower case. */
function declaredEncoding(bytes: Uint8Array): string | null {
  // "<?xml"
  if (bytes[0] !== 0x3c || bytes[1] !== 0x3f || bytes[2] !== 0x78) return null;
  let end = 5;
  while (end < bytes.length && end < 512 && bytes[end] !== 0x3e) end++;
  const decl = String.fromCharCode(...bytes.subarray(0, end));
  const m = /\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(decl);
  return m ? m[1].toLowerCase() : null;
}

type Decoder = { readonly encoding: string; decode(bytes: Uint8Array): string };
const decoders = new Map<string, { fast: Decoder; strict: Decoder } | null>();

function decoderFor(label: string) {
  let d = decoders.get(label);
  if (d === undefined) {
    try {
      d = {
        fast: new TextDecoder(label),
        strict: new TextDecoder(label, { fatal: true }),
      };
    } catch {
      d = null;
    }
    decoders.set(label, d);
  }
  return d;
}

/**
 * Bytes of UTF-8 decoded in one piece at most (a piece runs on to the next "<"). A string of more than
 * about 128 kB is allocated apart from the others and its allocation and collection cost more than
 * its decoding: a district form's shared strings (160 kB of Thai) decode in half the time as three
 * pieces (measured in Node 20). A part is tokenized piece by piece (plainXml.ts).
 */
export const PIECE_BYTES = 64 * 1024;

/**
 * Decode an XML part: UTF-8 or UTF-16 by BOM or by the first bytes, else the declared encoding. A
 * UTF-8 part longer than `PIECE_BYTES` comes in pieces, each cut before a "<" (a byte no multi-byte
 * character holds, so each piece is whole characters), which joined are the part's text.
 */
export function decodePieces(
  file: string,
  part: string,
  bytes: Uint8Array,
  pieceBytes = PIECE_BYTES
): string[] {
  let label = "utf-8";
  const [a, b] = bytes;
  if (a === 0xff && b === 0xfe) label = "utf-16le";
  else if (a === 0xfe && b === 0xff) label = "utf-16be";
  else if (a === 0x3c && b === 0x00) label = "utf-16le";
  else if (a === 0x00 && b === 0x3c) label = "utf-16be";
  else if (!(a === 0xef && b === 0xbb && bytes[2] === 0xbf)) {
    const declared = declaredEncoding(bytes);
    if (declared && /^utf-?16/.test(declared))
      throw corrupt(file, `${part}: declared ${declared} but not encoded so`);
    if (declared) label = declared;
  }
  const d = decoderFor(label);
  if (!d) throw corrupt(file, `${part}: unsupported encoding ${label}`);
  const pieces: string[] = [];
  const cut = d.fast.encoding === "utf-8";
  for (let start = 0; start < bytes.length || !pieces.length;) {
    let end = bytes.length;
    if (cut && start + pieceBytes < bytes.length) {
      const lt = bytes.indexOf(0x3c, start + pieceBytes);
      if (lt >= 0) end = lt;
    }
    pieces.push(d.fast.decode(bytes.subarray(start, end)));
    start = end;
  }
  // The lenient decoder is several times faster; a replacement character in its output means
  // either that one was written or that the bytes were not valid text: the strict one tells.
  if (pieces.some((t) => t.includes("\ufffd"))) {
    try {
      d.strict.decode(bytes);
    } catch {
      throw corrupt(file, `${part}: not valid ${label} text`);
    }
  }
  return pieces;
}

/** An XML part's text, in one piece. */
export function decodeXml(file: string, part: string, bytes: Uint8Array): string {
  return decodePieces(file, part, bytes, Infinity)[0];
}

/** Parse a part, calling `ev` for each element; throws FormFileError naming the part and line. */
export function parseXml(file: string, part: string, bytes: Uint8Array, ev: XmlEvents): void {
  // A part too long for the fast path (a character is at most 3 bytes of UTF-8) goes to saxes whole.
  const tooLong = bytes.length > 3 * PLAIN_MAX_CHARS;
  const pieces = decodePieces(file, part, bytes, tooLong ? Infinity : PIECE_BYTES);
  // A scope: the prefixes in force, and the element names already resolved in it (most elements
  // of a part share the root's scope, so each name is resolved once).
  interface Scope {
    ns: Map<string, string>;
    names: Map<string, { uri: string; local: string }>;
  }
  let scope: Scope = { ns: new Map([["xml", XML_NS]]), names: new Map() };
  const scopes: Scope[] = [];
  const open: { uri: string; local: string }[] = [];
  const lookup: PrefixLookup = (prefix) => scope.ns.get(prefix);
  /** An element opens; `declares` is false only when none of its attributes can be an xmlns. */
  const openTag = (name: string, attrs: Attrs, declares: boolean) => {
    if (scopes.length >= READ_LIMITS.xmlDepth)
      throw overLimit(
        file,
        `${part} ซ้อนกันลึกกว่า ${READ_LIMITS.xmlDepth} ชั้น`,
        `${part} nests elements more than ${READ_LIMITS.xmlDepth} deep`
      );
    let next = scope;
    if (declares)
      for (const k in attrs) {
        // xmlns or xmlns:prefix
        if (k.charCodeAt(0) !== 120 || k.charCodeAt(1) !== 109 || !k.startsWith("xmlns")) continue;
        if (k.length !== 5 && k.charCodeAt(5) !== 58) continue;
        if (next === scope) next = { ns: new Map(scope.ns), names: new Map() };
        next.ns.set(k.length === 5 ? "" : k.slice(6), attrs[k]);
      }
    scopes.push(scope);
    scope = next;
    let resolved = scope.names.get(name);
    if (!resolved) {
      const i = name.indexOf(":");
      const uri = i < 0 ? (scope.ns.get("") ?? "") : scope.ns.get(name.slice(0, i));
      if (uri === undefined) throw corrupt(file, `${part}: unbound prefix in <${name}>`);
      resolved = { uri, local: i < 0 ? name : name.slice(i + 1) };
      scope.names.set(name, resolved);
    }
    open.push(resolved);
    ev.open(resolved.uri, resolved.local, attrs, lookup);
  };
  const closeTag = () => {
    const r = open.pop()!;
    ev.close?.(r.uri, r.local);
    scope = scopes.pop()!;
  };

  // Plain XML (nearly every part) is tokenized in one pass; anything else goes to saxes.
  const tokens = plainTokens(pieces);
  if (tokens) {
    const text_ = ev.text;
    for (let k = 0; k < tokens.length;) {
      const kind = tokens[k];
      if (kind === OPEN) {
        openTag(tokens[k + 1] as string, tokens[k + 2] as Attrs, tokens[k + 3] as boolean);
        k += 4;
      } else if (kind === CLOSE) {
        closeTag();
        k++;
      } else {
        text_?.(tokens[k + 1] as string);
        k += 2;
      }
    }
    return;
  }

  const text = pieces.length === 1 ? pieces[0] : pieces.join("");
  const parser = new SaxesParser({ fileName: part });
  let nextXmlns = text.indexOf("xmlns");
  if (nextXmlns < 0) nextXmlns = Infinity;
  parser.on("doctype", () => {
    throw corrupt(file, `${part}: a DTD (<!DOCTYPE>) is not allowed in a workbook`);
  });
  parser.on("opentag", (tag) => {
    // Only a tag whose text holds "xmlns" can declare a namespace: skip the others' attributes.
    const declares = nextXmlns < parser.position;
    if (declares) {
      nextXmlns = text.indexOf("xmlns", parser.position);
      if (nextXmlns < 0) nextXmlns = Infinity;
    }
    openTag(tag.name, tag.attributes as Attrs, declares);
  });
  parser.on("closetag", closeTag);
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
  // Plain decimals (nearly always): digits with at most one point and a leading minus.
  let plain = s.length > 0 && s.length < 24;
  let point = false;
  for (let i = 0; plain && i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c === 46 && !point) point = true;
    else if (!(c === 45 && i === 0)) plain = false;
  }
  if (plain && s !== "-" && s !== "." && s !== "-.") return Number(s);
  if (!XSD_DOUBLE.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A non-negative integer index (shared string, rich value) by the XML Schema grammar. */
export function xsdIndex(s: string | undefined): number | null {
  if (s === undefined) return null;
  // Plain digits (nearly always): no regular expression.
  if (s.length > 0 && s.length <= 9) {
    let n = 0;
    let i = 0;
    for (; i < s.length; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (i === s.length) return n;
  }
  if (!/^[ \t\n\r]*\+?\d{1,9}[ \t\n\r]*$/.test(s)) return null;
  return Number(s);
}

/**
 * A copy of a text that does not keep the whole part alive. V8 keeps a long substring as a view of
 * its parent, so a cell's text sliced from the decoded part would hold the part's whole text in
 * memory for as long as the form is kept (hundreds of files in a merge): the copy holds only itself.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/** SpreadsheetML escapes characters XML cannot hold as `_xHHHH_` (and a literal `_x` as `_x005F_`). */
export function decodeOoxmlEscapes(s: string): string {
  return s.includes("_x")
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    : s;
}
