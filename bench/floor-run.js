"use strict";
// The floor for reading district files, in its own process: Node starts, reads each file's bytes,
// finds the parts a merge needs in the zip directory and inflates them with Node's zlib, and does
// nothing else. No project module is loaded. `node bench/floor-run.js DIR` prints {parts, bytes}.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

/** The parts our reader inflates for a form: relationships, workbook, sheets, shared strings. */
const NEEDED =
  /^(_rels\/\.rels|xl\/_rels\/workbook\.xml\.rels|xl\/workbook\.xml|xl\/sharedStrings\.xml|xl\/worksheets\/sheet\d+\.xml|xl\/worksheets\/_rels\/sheet\d+\.xml\.rels)$/;

const dir = process.argv[2];
let parts = 0;
let bytes = 0;
for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(".xlsx"))) {
  const buf = fs.readFileSync(path.join(dir, name));
  let end = buf.length - 22;
  while (end > 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  let p = buf.readUInt32LE(end + 16);
  const count = buf.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const entry = buf.toString("utf8", p + 46, p + 46 + nameLen);
    const local = buf.readUInt32LE(p + 42);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (!NEEDED.test(entry)) continue;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + csize);
    bytes += (method === 8 ? zlib.inflateRawSync(data) : data).length;
    parts++;
  }
}
const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ parts, bytes, maxRssMb })}\n`);
