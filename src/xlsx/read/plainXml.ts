/**
 * A fast path for the plain XML nearly every workbook part is: an optional XML declaration, then
 * elements, attributes and text with the predefined entities and character references — no comments,
 * CDATA, processing instructions, DTD, control characters, surrogates or names outside ASCII. Such a
 * part is tokenized here in one pass; anything else, and anything not well-formed, returns null and the
 * part is parsed by saxes as before (which then accepts it or names the error). So the fast path never
 * decides whether a part is acceptable: it only accepts what saxes accepts, with the same events
 * (test/xlsx/plainXml.test.ts compares the two on generated and real parts).
 */

/** Event kinds in the token list. */
export const OPEN = 0;
export const CLOSE = 1;
export const TEXT = 2;

/**
 * The events of a part: `OPEN, name, attributes, declaresNamespace`, `CLOSE`, `TEXT, text` in a flat
 * list (one text event per run between tags, as saxes gives them).
 */
export type Tokens = unknown[];

/**
 * Largest part tokenized here (characters; a district form's parts are well under 1 MB). The token
 * list holds a part's events at once: a part of nothing but empty elements makes about 50 bytes of
 * list per character (50 MB at this size), so bigger parts are streamed through saxes.
 */
export const PLAIN_MAX_CHARS = 1024 * 1024;

/** Characters that send a part to saxes: controls, U+FFFE/U+FFFF, any surrogate. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNUSUAL = /[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]/;
const DECL =
  /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.0\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(?:yes|no)\3)?[ \t\n]*\?>/;

const GT = 62;
const SLASH = 47;
const EQ = 61;
const DQ = 34;
const SQ = 39;

const isS = (c: number) => c === 32 || c === 10 || c === 9;
/** ASCII name characters: letters, `_` and `:` start a name; digits, `.` and `-` continue it. */
const isNameStart = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
const isName = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 45;

const ENTITIES = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
]);

/** Text with its references replaced; null when a reference is not one this path knows. */
function unescape(s: string): string | null {
  let out = "";
  let from = 0;
  for (let amp = s.indexOf("&"); amp >= 0; amp = s.indexOf("&", from)) {
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0) return null;
    const ref = s.slice(amp + 1, semi);
    let ch: string | undefined;
    if (ref.charCodeAt(0) === 35) {
      const hex = ref.charCodeAt(1) === 120;
      const digits = ref.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return null;
      const n = parseInt(digits, hex ? 16 : 10);
      // Characters XML allows, outside the surrogates (which send the part to saxes).
      if (!(
        n === 9 ||
        n === 10 ||
        n === 13 ||
        (n >= 0x20 && n <= 0xd7ff) ||
        (n >= 0xe000 && n <= 0xfffd)
      ))
        return null;
      ch = String.fromCharCode(n);
    } else ch = ENTITIES.get(ref);
    if (ch === undefined) return null;
    out += s.slice(from, amp) + ch;
    from = semi + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * The part's events, or null when the part is not plain XML (saxes reads it then). The part comes
 * whole or in pieces (xml.ts `decodePieces`), each after the first starting with a "<": no token
 * runs over two pieces, and one that seems to (a piece ending inside a tag) is not plain.
 */
export function plainTokens(xml: string | readonly string[]): Tokens | null {
  const pieces = typeof xml === "string" ? [xml] : xml;
  let chars = 0;
  for (const p of pieces) chars += p.length;
  if (chars > PLAIN_MAX_CHARS) return null;
  const out: Tokens = [];
  const open: string[] = [];
  let rooted = false;
  for (let p = 0; p < pieces.length; p++) {
    const raw = pieces[p];
    if (p > 0 && raw.charCodeAt(0) !== 60) return null;
    // XML's line-end normalisation first (Excel ends its declaration with CR LF): CR LF and CR are LF.
    const text = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
    if (UNUSUAL.test(text)) return null;
    const n = text.length;
    let i = 0;
    if (p === 0) {
      const decl = DECL.exec(text);
      if (decl) i = decl[0].length;
      else if (text.startsWith("<?")) return null;
    }
    while (i < n) {
      const lt = text.indexOf("<", i);
      const end = lt < 0 ? n : lt;
      if (end > i) {
        const run = text.slice(i, end);
        if (open.length) {
          if (run.includes("]]>")) return null;
          const t = run.includes("&") ? unescape(run) : run;
          if (t === null) return null;
          out.push(TEXT, t);
        } else {
          // Outside the root element only white space (given as text, as saxes does, except at the start).
          for (let k = 0; k < run.length; k++) if (!isS(run.charCodeAt(k))) return null;
          if (i > 0 || p > 0) out.push(TEXT, run);
        }
      }
      if (lt < 0) break;
      i = lt + 1;
      let c = text.charCodeAt(i);
      if (c === SLASH) {
        // An end tag: the name of the element open, then white space.
        const start = ++i;
        while (i < n && isName(text.charCodeAt(i))) i++;
        const name = text.slice(start, i);
        while (i < n && isS(text.charCodeAt(i))) i++;
        if (text.charCodeAt(i) !== GT || !open.length || open.pop() !== name) return null;
        i++;
        out.push(CLOSE);
        continue;
      }
      if (!isNameStart(c) || (rooted && !open.length)) return null;
      const start = i;
      while (i < n && isName(text.charCodeAt(i))) i++;
      const name = text.slice(start, i);
      // A plain object (saxes gives one without a prototype; the readers only look up their own names).
      const attrs: Record<string, string> = {};
      let declares = false;
      for (;;) {
        c = text.charCodeAt(i);
        let spaced = false;
        while (isS(c)) {
          spaced = true;
          c = text.charCodeAt(++i);
        }
        if (c === GT || c === SLASH) break;
        if (!spaced || !isNameStart(c)) return null;
        const a = i;
        while (i < n && isName(text.charCodeAt(i))) i++;
        const key = text.slice(a, i);
        while (isS(text.charCodeAt(i))) i++;
        if (text.charCodeAt(i) !== EQ) return null;
        i++;
        while (isS(text.charCodeAt(i))) i++;
        const q = text.charCodeAt(i);
        if (q !== DQ && q !== SQ) return null;
        const close = text.indexOf(q === DQ ? '"' : "'", i + 1);
        if (close < 0) return null;
        let value = text.slice(i + 1, close);
        if (value.includes("<")) return null;
        if (value.includes("&")) {
          const v = unescape(value);
          if (v === null) return null;
          value = v;
        }
        // Attribute-value normalisation: a literal tab or line end is a space (references are not).
        if (value.includes("\n") || value.includes("\t")) {
          let literal = text.slice(i + 1, close);
          literal = literal.replace(/[\t\n]/g, " ");
          const v = literal.includes("&") ? unescape(literal) : literal;
          if (v === null) return null;
          value = v;
        }
        if (key === "__proto__" || Object.prototype.hasOwnProperty.call(attrs, key)) return null;
        attrs[key] = value;
        if (key.startsWith("xmlns")) declares = true;
        i = close + 1;
      }
      if (c === SLASH) {
        if (text.charCodeAt(i + 1) !== GT) return null;
        i += 2;
        out.push(OPEN, name, attrs, declares, CLOSE);
        rooted = true;
        continue;
      }
      i++;
      out.push(OPEN, name, attrs, declares);
      open.push(name);
      rooted = true;
    }
  }
  return rooted && !open.length ? out : null;
}
