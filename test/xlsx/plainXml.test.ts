/**
 * The fast path for plain XML (src/xlsx/read/plainXml.ts) against saxes: whatever the fast path
 * accepts, saxes accepts too and gives the same elements, attributes and text; whatever saxes refuses,
 * the fast path leaves to saxes (returns null). Checked on every part of the real-world workbooks and
 * of a written form, on generated well-formed documents and on random fragments (mostly broken).
 */
import fc from "fast-check";
import { promises as fs } from "fs";
import path from "path";
import { SaxesParser } from "saxes";
import { CLOSE, OPEN, PLAIN_MAX_CHARS, plainTokens, TEXT } from "../../src/xlsx/read/plainXml";
import { decodePieces, decodeXml, PIECE_BYTES } from "../../src/xlsx/read/xml";
import { FormFileError } from "../../src/xlsx/read/errors";
import { listZip, readEntry } from "../../src/xlsx/read/zip";
import { nodeInflate } from "../../src/xlsx/nodeInflate";
import { writeFormWorkbook } from "../../src/xlsx";
import { renderForm } from "../../src/domain";
import { FY2567 } from "../forms";
import { sampleMeta, sampleReport, tmpDir } from "../helpers";
import { fixtureDir } from "../fixtures";

type Event = ["open", string, [string, string][]] | ["close"] | ["text", string];

/** Events as saxes gives them (adjacent texts joined), or null when saxes refuses the document. */
function saxesEvents(text: string): Event[] | null {
  const out: Event[] = [];
  const parser = new SaxesParser();
  const textEvent = (t: string) => {
    const last = out[out.length - 1];
    if (last && last[0] === "text") last[1] += t;
    else out.push(["text", t]);
  };
  parser.on("opentag", (tag) =>
    out.push(["open", tag.name, Object.entries(tag.attributes as Record<string, string>)])
  );
  parser.on("closetag", () => out.push(["close"]));
  parser.on("text", textEvent);
  parser.on("cdata", textEvent);
  try {
    parser.write(text).close();
  } catch {
    return null;
  }
  return out;
}

function plainEvents(text: string | string[]): Event[] | null {
  const t = plainTokens(text);
  if (!t) return null;
  const out: Event[] = [];
  for (let k = 0; k < t.length;) {
    if (t[k] === OPEN) {
      const attrs = Object.entries(t[k + 2] as Record<string, string>);
      // The flag only says whether an attribute may declare a namespace.
      expect(t[k + 3]).toBe(attrs.some(([n]) => n.startsWith("xmlns")));
      out.push(["open", t[k + 1] as string, attrs]);
      k += 4;
    } else if (t[k] === CLOSE) {
      out.push(["close"]);
      k++;
    } else {
      expect(t[k]).toBe(TEXT);
      const last = out[out.length - 1];
      if (last && last[0] === "text") last[1] += t[k + 1] as string;
      else out.push(["text", t[k + 1] as string]);
      k += 2;
    }
  }
  return out;
}

/**
 * The text cut before some of its "<" (as `decodePieces` cuts a long part): before about every
 * quarter of them and before the last; a short text also before every one.
 */
function cutBeforeLt(text: string): string[][] {
  const at: number[] = [];
  for (let i = text.indexOf("<", 1); i > 0; i = text.indexOf("<", i + 1)) at.push(i);
  const step = Math.max(1, Math.floor(at.length / 4));
  const cuts = [at.filter((_, k) => k % step === 0), at.slice(-1)];
  if (text.length < 2000) cuts.push(at);
  return cuts
    .filter((c) => c.length)
    .map((c) => [0, ...c].map((from, k, all) => text.slice(from, all[k + 1] ?? text.length)));
}

/** The fast path is a subset of saxes with the same events, whole or in pieces. */
function agree(text: string): "plain" | "saxes" | "refused" {
  const sax = saxesEvents(text);
  const plain = plainEvents(text);
  // In pieces, the same tokens (compared as JSON: parts run to hundreds of thousands of tokens).
  const whole = JSON.stringify(plainTokens(text));
  for (const pieces of cutBeforeLt(text))
    expect([pieces.length, JSON.stringify(plainTokens(pieces)) === whole]).toEqual([
      pieces.length,
      true,
    ]);
  if (plain) {
    expect(sax).not.toBeNull();
    expect(plain).toEqual(sax);
    return "plain";
  }
  return sax ? "saxes" : "refused";
}

async function xmlParts(file: string): Promise<string[]> {
  const bytes = new Uint8Array(await fs.readFile(file));
  let entries;
  try {
    entries = listZip(file, bytes);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.values()) {
    if (!/\.(xml|rels|vml)$/i.test(e.name) || e.size > 4 << 20) continue;
    try {
      out.push(decodeXml(file, e.name, readEntry(file, bytes, e, nodeInflate)));
    } catch {
      // Not a part this test can decode (encrypted, broken): the reader's own tests cover it.
    }
  }
  return out;
}

test("every part of the real-world workbooks and of a written form: the same events as saxes", async () => {
  const dir = fixtureDir("real-world");
  const files = (await fs.readdir(dir)).filter((n) => /\.xls[xm]$/i.test(n));
  const form = path.join(await tmpDir(), "form.xlsx");
  await writeFormWorkbook(form, renderForm(FY2567, sampleMeta(), sampleReport()));
  files.push(form);
  const seen = { plain: 0, saxes: 0, refused: 0 };
  for (const f of files) {
    const file = path.isAbsolute(f) ? f : path.join(dir, f);
    for (const text of await xmlParts(file).catch(() => [])) seen[agree(text)]++;
  }
  // Most parts take the fast path; the others (comments, CDATA, CR line ends …) still read.
  expect(seen.plain).toBeGreaterThan(seen.saxes);
  expect(seen.saxes).toBeGreaterThan(0);
});

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

test("hand-picked cases: what the fast path takes and what it leaves to saxes", () => {
  const plain = [
    `${DECL}<a/>`,
    `<a x='1' y="2"><b>t &amp; &lt;&gt;&quot;&apos; &#65;&#x42;&#13;</b> <c/></a>\n`,
    `<x:a xmlns:x="u" x:r="1">\n\t<x:b t="a&#10;b&#9;c">v</x:b></x:a>`,
    `<a v="1\n2\t3" w=">"/>`,
    `<?xml version="1.0"?>\r\n<a v="1\r\n2\r3">x\r\ny\rz&#13;</a>\r\n`,
    `<a>ก ข ]] > ]></a>`,
    `<?xml version='1.0'?><r a = "1" ></r >`,
  ];
  for (const t of plain) expect([t, agree(t)]).toEqual([t, "plain"]);
  const toSaxes = [
    `<a><!-- c --></a>`,
    `<a><![CDATA[x]]></a>`,
    `<?xml version="1.0"?><?pi x?><a/>`,
    `<a>😀</a>`,
    `<ก/>`,
    `<a>&#x1F600;</a>`,
    `<!DOCTYPE a><a/>`,
  ];
  for (const t of toSaxes) expect([t, agree(t)]).toEqual([t, "saxes"]);
  const refused = [
    `<a>`,
    `<a></b>`,
    `<a/><b/>`,
    `x<a/>`,
    `<a/>x`,
    `<a x="1" x="2"/>`,
    `<a x="1"y="2"/>`,
    `<a x=1/>`,
    `<a x="<"/>`,
    `<a>&foo;</a>`,
    `<a>&constructor;</a>`,
    `<a>&#0;</a>`,
    `<a>&#xD800;</a>`,
    `<a>&amp</a>`,
    `<a>]]></a>`,
    `<a>\u0001</a>`,
    `<?xml version="1.0"?>`,
    ``,
    `<a></a >x`,
    `<1a/>`,
  ];
  for (const t of refused) expect([t, agree(t)]).toEqual([t, "refused"]);
});

test("in pieces: a piece that does not start a tag, or one that ends inside a tag, is not plain", () => {
  expect(plainEvents(["<a><b/>", "<c>x</c></a>"])).toEqual([
    ["open", "a", []],
    ["open", "b", []],
    ["close"],
    ["open", "c", []],
    ["text", "x"],
    ["close"],
    ["close"],
  ]);
  // Text outside the root, leading white space of a piece, a tag cut in two.
  expect(plainTokens(["<a><b/>", "x<c/></a>"])).toBeNull();
  expect(plainTokens(["<a><b x=", '"1"/></a>'])).toBeNull();
  expect(plainTokens(['<a><b x="1', '"/></a>'])).toBeNull();
  expect(plainTokens(["<a></", "a>"])).toBeNull();
  // A declaration belongs at the start of the first piece only.
  expect(plainTokens(["<a>", '<?xml version="1.0"?></a>'])).toBeNull();
  // The size limit counts every piece.
  const half = `<r>${"<a/>".repeat(Math.floor(PLAIN_MAX_CHARS / 8))}`;
  expect(plainTokens([half, `${"<a/>".repeat(Math.floor(PLAIN_MAX_CHARS / 8))}</r>`])).toBeNull();
});

test("a long UTF-8 part decodes in pieces cut before a '<', whole characters each", () => {
  const cell = (k: number) => `<si><t>ข้อ ${k} เผยแพร่คู่มือ ✓</t></si>`;
  const xml = `${DECL}<sst>${Array.from({ length: 4000 }, (_, k) => cell(k)).join("")}</sst>`;
  const bytes = new TextEncoder().encode(xml);
  expect(bytes.length).toBeGreaterThan(3 * PIECE_BYTES);
  const pieces = decodePieces("f.xlsx", "xl/sharedStrings.xml", bytes);
  expect(pieces.length).toBeGreaterThanOrEqual(3);
  expect(pieces.join("")).toBe(xml);
  for (const p of pieces.slice(1)) expect(p.startsWith("<")).toBe(true);
  for (const p of pieces) expect(p.includes("\ufffd")).toBe(false);
  expect(decodeXml("f.xlsx", "xl/sharedStrings.xml", bytes)).toBe(xml);
  // The events are those of the whole text.
  expect(plainEvents(pieces)).toEqual(plainEvents(xml));
  // A byte that is not UTF-8 in a later piece is refused, naming the part.
  const bad = bytes.slice();
  bad[bad.length - 20] = 0xff;
  expect(() => decodePieces("f.xlsx", "xl/sharedStrings.xml", bad)).toThrow(FormFileError);
  expect(() => decodePieces("f.xlsx", "xl/sharedStrings.xml", bad)).toThrow(
    /xl\/sharedStrings\.xml: not valid utf-8/
  );
  // A BOM is not part of the text; a long text is not cut: its piece runs on to the next "<".
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
  expect(decodePieces("f.xlsx", "p.xml", bom).join("")).toBe(xml);
  const run = "ก".repeat(PIECE_BYTES);
  const long = decodePieces("f.xlsx", "p.xml", new TextEncoder().encode(`<a>${run}</a>`));
  expect(long.length).toBe(2);
  expect(long[0] === `<a>${run}` && long[1] === "</a>").toBe(true);
  expect(decodePieces("f.xlsx", "p.xml", new Uint8Array(0))).toEqual([""]);
});

test("a part too big for a token list in memory is left to saxes, which streams it", () => {
  const cells = (n: number) => `<r>${"<a/>".repeat(n)}</r>`;
  expect(plainTokens(cells(Math.floor(PLAIN_MAX_CHARS / 4) - 2))).not.toBeNull();
  expect(plainTokens(cells(Math.floor(PLAIN_MAX_CHARS / 4)))).toBeNull();
});

const name = fc.constantFrom("a", "x:c", "row", "_b.1-2", "xmlns", "sheetData", "v");
const textChar = fc.constantFrom(
  "a",
  " ",
  "\n",
  "\t",
  "ก",
  "ำ",
  ">",
  "]",
  "&amp;",
  "&lt;",
  "&#10;",
  "&#x9;",
  "&#13;",
  "&quot;",
  "'",
  '"',
  "_x000D_",
  "\r\n",
  "\r"
);
// "]]>" is not allowed in text: written "]]&gt;" (a literal ">" elsewhere is).
const text = fc.array(textChar, { maxLength: 8 }).map((a) => a.join("").replace(/]]>/g, "]]&gt;"));
const attrValue = text.map((t) => t.replace(/"/g, "&quot;"));

const element: fc.Memo<string> = fc.memo((depth: number) =>
  fc
    .tuple(
      name,
      fc.uniqueArray(
        fc.tuple(fc.constantFrom("r", "s", "t", "x:y", "xmlns:x", "xmlns"), attrValue),
        {
          selector: ([k]) => k,
          maxLength: 3,
        }
      ),
      fc.constantFrom(" ", "", "\n\t"),
      depth <= 1
        ? fc.constant([] as string[])
        : fc.array(fc.oneof(text, element(depth - 1)), { maxLength: 4 })
    )
    .map(([n, attrs, space, kids]) => {
      const a = attrs.map(([k, v]) => ` ${k}="${v}"`).join("");
      return kids.length
        ? `<${n}${a}${space}>${kids.join("").replace(/]]>/g, "]]&gt;")}</${n}${space}>`
        : `<${n}${a}${space}/>`;
    })
);

test("generated well-formed documents: the fast path takes them, with saxes's events", () => {
  fc.assert(
    fc.property(fc.boolean(), element(4), (decl, root) => {
      expect(agree(`${decl ? DECL : ""}${root}`)).toBe("plain");
    }),
    { numRuns: 400 }
  );
});

test("random fragments: the fast path never takes what saxes refuses, nor reads it otherwise", () => {
  const piece = fc.constantFrom(
    "<a",
    "<b",
    "<x:a",
    "</a>",
    "</b>",
    "</x:a>",
    ">",
    "/>",
    " ",
    "\n",
    "\r",
    ' r="1"',
    " r='1'",
    ' r="',
    "=",
    '"',
    "'",
    "&amp;",
    "&",
    ";",
    "&#",
    "&#x",
    "41",
    "D",
    "]]>",
    "<!--",
    "-->",
    "<![CDATA[",
    "<?",
    "?>",
    '<?xml version="1.0"?>',
    "ก",
    "\u0000",
    'xmlns="u"',
    "t"
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
      agree(pieces.join(""));
    }),
    { numRuns: 3000 }
  );
});
