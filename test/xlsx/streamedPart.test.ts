/**
 * The summary's large parts are deflated a megabyte at a time as they are made (`deflatingPart`):
 * the chunks' blocks and a last empty block are one deflate stream, which both inflaters (the
 * command's zlib, the pane's fflate) and Python's zipfile read back byte for byte, with its CRC-32.
 */
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import path from "path";
import zlib from "zlib";
import { nodeInflate } from "../../src/xlsx";
import { fflateInflate } from "../../src/xlsx/read/fflateInflate";
import { listZip, readEntry } from "../../src/xlsx/read/zip";
import { deflatingPart, zipNative } from "../../src/xlsx/write/output";
import { strFromU8, Utf8Builder } from "../../src/xlsx/write/utf8";
import { tmpDir } from "../helpers";

/** Thai words a summary's texts are made of (three bytes a letter in UTF-8). */
const WORDS = ["จัดประชุม", "ชี้แจง", "แนวทาง", "การปฏิบัติงาน", "เจ้าหน้าที่", "ทุกฝ่าย", "เผยแพร่", "ข้อมูล"];

/** `n` shared-string rows of words picked by a fixed sequence: text that compresses as real text does. */
function rows(n: number): string[] {
  const out: string[] = [];
  let x = 7;
  for (let i = 0; i < n; i++) {
    let t = `${i}`;
    for (let w = 0; w < 6; w++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      t += ` ${WORDS[x % WORDS.length]}`;
    }
    out.push(`<si><t>${t}</t></si>`);
  }
  return out;
}

it("a part deflated in chunks is one stream: read back whole by both inflaters", () => {
  // 30,000 rows of about 70 characters: over 2 M characters, so the builder flushes to the stream
  // three times.
  const list = rows(30_000);
  const xml = `<sst>${list.join("")}</sst>`;
  expect(xml.length).toBeGreaterThan(2_100_000);
  const out = new Utf8Builder(deflatingPart());
  out.add("<sst>");
  for (const r of list) out.add(r);
  out.add("</sst>");
  const part = out.part();
  if (part instanceof Uint8Array) throw new Error("expected a deflated part");
  expect(part.size).toBe(Buffer.byteLength(xml));
  const zip = zipNative({
    "xl/sharedStrings.xml": part,
    "small.xml": new Uint8Array([60, 97, 47, 62]),
  });
  const entries = listZip("s.xlsx", zip);
  for (const inflate of [nodeInflate, fflateInflate]) {
    const text = strFromU8(readEntry("s.xlsx", zip, entries.get("xl/sharedStrings.xml")!, inflate));
    expect(text === xml).toBe(true);
    expect(strFromU8(readEntry("s.xlsx", zip, entries.get("small.xml")!, inflate))).toBe("<a/>");
  }
  // The CRC in the zip is the whole part's (zlib's own over the same bytes).
  const whole = Buffer.from(xml, "utf8");
  expect(part.crc).toBe(zlib.crc32(whole) >>> 0);
  // Compressed much as the part deflated whole: the chunks lose next to nothing of the ratio.
  expect(part.deflated.length).toBeLessThan(zlib.deflateRawSync(whole).length * 1.05);
});

it("a zip with a part deflated in chunks passes Python's zipfile test (CRC and sizes)", async () => {
  const list = rows(20_000);
  const out = new Utf8Builder(deflatingPart());
  for (const r of list) out.add(r);
  const file = path.join(await tmpDir(), "streamed.zip");
  await fs.writeFile(file, zipNative({ "a.xml": out.part() }));
  const script =
    "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(z.testzip(), z.getinfo('a.xml').file_size)";
  const printed = execFileSync("python3", ["-c", script, file], { encoding: "utf8" }).trim();
  expect(printed).toBe(`None ${Buffer.byteLength(list.join(""))}`);
});

it("a builder without a stream gives its bytes, as before", () => {
  const out = new Utf8Builder();
  out.add("<a>ก</a>");
  expect(Array.from(out.part() as Uint8Array)).toEqual([
    60, 97, 62, 0xe0, 0xb8, 0x81, 60, 47, 97, 62,
  ]);
});
