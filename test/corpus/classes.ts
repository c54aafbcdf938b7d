/**
 * One recipe per cause of misreading a district file (the classes of the reader's threat model):
 * XML read as text, hard-coded part paths, a trusted zip directory, unbounded work, the wrong sheet,
 * other formats and odd cells, text escapes. Each starts from a real form, changes one thing the way
 * a program or a user does, and says what must happen.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { promises as fs } from "fs";
import path from "path";
import { colLetter, columnIndex, metaFromReport, renderForm } from "../../src/domain";
import { FY2567 } from "../forms";
import { addFormSheet, newWorkbook, writeWorkbookFile } from "../../src/xlsx/write/index";
import { districtReport, editWorkbook, itemRow, writeDistrict } from "../merge/districts";
import type { CorpusCase } from "./cases";
import { RawEntry, zipBytes } from "./zipBytes";

type Files = Record<string, Uint8Array>;

const SHEET = "xl/worksheets/sheet1.xml";
const SST = "xl/sharedStrings.xml";
const WB = "xl/workbook.xml";
const WB_RELS = "xl/_rels/workbook.xml.rels";

const text = (files: Files, part: string) => strFromU8(files[part]);
const put = (files: Files, part: string, xml: string) => (files[part] = strToU8(xml));

function edit(files: Files, part: string, f: (xml: string) => string) {
  const before = text(files, part);
  const after = f(before);
  if (after === before) throw new Error(`recipe did not change ${part}`);
  put(files, part, after);
}

/** A district's form, optionally edited with ExcelJS, then changed part by part and zipped. */
async function variant(
  dir: string,
  file: string,
  code: string,
  opts: {
    excel?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void;
    parts?: (files: Files) => void;
    zip?: (files: Files) => Uint8Array;
  }
) {
  let src = await writeDistrict(dir, `.src-${file}`, districtReport(code));
  if (opts.excel) {
    const edited = path.join(dir, `.edited-${file}`);
    await editWorkbook(src, edited, opts.excel);
    await fs.rm(src);
    src = edited;
  }
  const files = unzipSync(new Uint8Array(await fs.readFile(src)));
  await fs.rm(src);
  opts.parts?.(files);
  await fs.writeFile(path.join(dir, file), opts.zip ? opts.zip(files) : zipSync(files));
}

const stored = (files: Files): RawEntry[] =>
  Object.entries(files).map(([name, data]) => ({ name, data, method: 0 as const }));

/** The score column of the layout. */
const SCORE = colLetter(columnIndex("score"));

const score = (code: string) => districtReport(code).items[0].score;

/** Put a marker value in an item's cell with ExcelJS, to find that cell in the XML afterwards. */
const mark = (item: string, col: string, value: ExcelJS.CellValue) => (ws: ExcelJS.Worksheet) =>
  (ws.getCell(`${col}${itemRow(ws, item)}`).value = value);

/** Prefix every unprefixed element of a part with `x:` bound to the same namespace. */
const prefixed = (xml: string) =>
  xml
    .replace(/<(\/?)(?![?!])(?![\w.-]+:)([A-Za-z][\w.-]*)/g, "<$1x:$2")
    .replace(/ xmlns="([^"]+)"/, ' xmlns:x="$1"');

function utf16(xml: string): Uint8Array {
  const s = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"');
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < s.length; i++) {
    out[2 + i * 2] = s.charCodeAt(i) & 0xff;
    out[3 + i * 2] = s.charCodeAt(i) >> 8;
  }
  return out;
}

const TRANSITIONAL_TO_STRICT: [string, string][] = [
  [
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
  ],
  [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
  ],
];

/** A form with two form sheets (built with the project's writer), the first optionally hidden. */
async function twoForms(dir: string, file: string, code: string, hideFirst: boolean) {
  const report = districtReport(code);
  const older = { ...report, items: report.items.map((it, i) => (i ? it : { ...it, score: 60 })) };
  const newer = {
    ...report,
    items: report.items.map((it, i) => (i ? it : { ...it, score: 95.5 })),
  };
  const wb = newWorkbook();
  const a = await addFormSheet(wb, renderForm(FY2567, metaFromReport(older), older, "ITA ฉบับเดิม"));
  if (hideFirst) a.state = "hidden";
  await addFormSheet(wb, renderForm(FY2567, metaFromReport(newer), newer, "ITA ฉบับแก้ไข"));
  await writeWorkbookFile(wb, path.join(dir, file));
}

const RICH_DATA: Files = {
  "xl/metadata.xml": strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xlrd="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata"><metadataTypes count="1"><metadataType name="XLRICHVALUE" minSupportedVersion="120000"/></metadataTypes><futureMetadata name="XLRICHVALUE" count="1"><bk><extLst><ext uri="{3e2802c4-a4d2-4d8b-9148-e3be6c30e623}"><xlrd:rvb i="0"/></ext></extLst></bk></futureMetadata><valueMetadata count="1"><bk><rc t="1" v="0"/></bk></valueMetadata></metadata>'
  ),
  "xl/richData/rdrichvalue.xml": strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><rvData xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" count="1"><rv s="0"><v>0</v><v>5</v></rv></rvData>'
  ),
  "xl/richData/rdrichvaluestructure.xml": strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><rvStructures xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" count="1"><s t="_localImage"><k n="_rvRel:LocalImageIdentifier" t="i"/><k n="CalcOrigin" t="i"/></s></rvStructures>'
  ),
};
const RICH_RELS =
  '<Relationship Id="rIdM" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/><Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2017/06/relationships/rdRichValue" Target="richData/rdrichvalue.xml"/><Relationship Id="rIdS" Type="http://schemas.microsoft.com/office/2017/06/relationships/rdRichValueStructure" Target="richData/rdrichvaluestructure.xml"/>';

const zipOf = (files: Files) => new Uint8Array(zipSync(files));

export const CLASSES: CorpusCase[] = [
  // 1. XML is parsed, not matched with regular expressions.
  {
    file: "xml-comment-decoy-1009.xlsx",
    what: "an XML comment holding a decoy row with another score for I1",
    make: (d) =>
      variant(d, "xml-comment-decoy-1009.xlsx", "1009", {
        excel: mark("I1", SCORE, 91.23),
        parts: (f) =>
          edit(f, SHEET, (x) =>
            x.replace(
              /<row r="(\d+)"(?:(?!<row )[\s\S])*?<v>91\.23<\/v>[\s\S]*?<\/row>/,
              (row, r: string) =>
                `${row}<!-- <row r="${r}"><c r="${SCORE}${r}"><v>11</v></c></row> -->`
            )
          ),
      }),
    merges: "1009",
    items: { I1: { score: 91.23 } },
  },
  {
    file: "xml-cdata-1010.xlsx",
    what: "shared text in a CDATA section",
    make: (d) =>
      variant(d, "xml-cdata-1010.xlsx", "1010", {
        excel: mark("I2", "E", "CDATA-MARKER"),
        parts: (f) =>
          edit(f, SST, (x) =>
            x.replace(/<t>CDATA-MARKER<\/t>/, "<t><![CDATA[ประชุม <ทุกฝ่าย> & ติดตามผล]]></t>")
          ),
      }),
    merges: "1010",
    // The marker replaced the first part of I2's measures; the parts that follow are joined to it.
    items: { I2: { measures: expect.stringMatching(/^ประชุม <ทุกฝ่าย> & ติดตามผล(\n|$)/) } },
  },
  {
    file: "xml-single-quotes-1011.xlsx",
    what: "every attribute of the sheet in single quotes",
    make: (d) =>
      variant(d, "xml-single-quotes-1011.xlsx", "1011", {
        parts: (f) =>
          edit(f, SHEET, (x) =>
            x.replace(/<[^?!][^>]*>/g, (tag) => tag.replace(/="([^"]*)"/g, "='$1'"))
          ),
      }),
    merges: "1011",
    items: { I1: { score: score("1011") } },
  },
  {
    file: "xml-prefixed-1012.xlsx",
    what: "SpreadsheetML with a namespace prefix (<x:sheetData>), as the Open XML SDK writes it",
    make: (d) =>
      variant(d, "xml-prefixed-1012.xlsx", "1012", {
        parts: (f) => [SHEET, SST, WB].forEach((p) => edit(f, p, prefixed)),
      }),
    merges: "1012",
    items: { I1: { score: score("1012") } },
  },
  {
    file: "xml-utf16-1013.xlsx",
    what: "the sheet and the shared strings encoded as UTF-16",
    make: (d) =>
      variant(d, "xml-utf16-1013.xlsx", "1013", {
        parts: (f) => [SHEET, SST].forEach((p) => (f[p] = utf16(text(f, p)))),
      }),
    merges: "1013",
    items: { I1: { score: score("1013") } },
  },
  {
    file: "xml-hex-number-1014.xlsx",
    what: "a numeric cell holding 0x55 (not a number in XML Schema, 85 to JavaScript)",
    make: (d) =>
      variant(d, "xml-hex-number-1014.xlsx", "1014", {
        excel: mark("I1", SCORE, 97.77),
        parts: (f) => edit(f, SHEET, (x) => x.replace("<v>97.77</v>", "<v>0x55</v>")),
      }),
    merges: "1014",
    items: { I1: { score: null, scoreText: "0x55" } },
  },
  {
    file: "xml-line-ends-1015.xlsx",
    what: "_x000D_ followed by CR LF inside a text (one line break, not two)",
    make: (d) =>
      variant(d, "xml-line-ends-1015.xlsx", "1015", {
        excel: mark("I3", "E", "บรรทัดหนึ่ง|บรรทัดสอง"),
        parts: (f) =>
          edit(f, SST, (x) => x.replace("บรรทัดหนึ่ง|บรรทัดสอง", "บรรทัดหนึ่ง_x000D_\r\nบรรทัดสอง")),
      }),
    merges: "1015",
    items: { I3: { measures: "บรรทัดหนึ่ง\nบรรทัดสอง" } },
  },
  {
    file: "xml-unclosed-rows.xlsx",
    what: "50,000 rows that are never closed",
    make: (d) =>
      variant(d, "xml-unclosed-rows.xlsx", "1001", {
        parts: (f) =>
          edit(f, SHEET, (x) =>
            x.replace(
              /<sheetData>[\s\S]*<\/sheetData>/,
              `<sheetData>${Array.from({ length: 50000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c>`).join("")}</sheetData>`
            )
          ),
      }),
    rejected: /xml-unclosed-rows\.xlsx .*nests elements more than \d+ deep/,
  },

  // 2. Parts are found through the relationships.
  {
    file: "paths-stale-strings-1016.xlsx",
    what: "the shared strings moved elsewhere, a stale xl/sharedStrings.xml of another district left behind",
    make: async (d) => {
      const other = unzipSync(
        new Uint8Array(
          await fs.readFile(await writeDistrict(d, ".other.xlsx", districtReport("1017")))
        )
      );
      await fs.rm(path.join(d, ".other.xlsx"));
      await variant(d, "paths-stale-strings-1016.xlsx", "1016", {
        parts: (f) => {
          f["xl/strings/current.xml"] = f[SST];
          f[SST] = other[SST];
          edit(f, WB_RELS, (x) =>
            x.replace('Target="sharedStrings.xml"', 'Target="strings/current.xml"')
          );
        },
      });
    },
    merges: "1016",
    items: { I1: { score: score("1016") } },
  },
  {
    file: "paths-relocated-1018.xlsx",
    what: "the workbook in another folder, absolute targets, part names in another case",
    make: (d) =>
      variant(d, "paths-relocated-1018.xlsx", "1018", {
        parts: (f) => {
          const moved: Files = {};
          for (const [name, data] of Object.entries(f)) {
            if (name === "xl/_rels/workbook.xml.rels") moved["BOOK/_rels/Main.xml.rels"] = data;
            else if (name === WB) moved["BOOK/Main.xml"] = data;
            else if (name.startsWith("xl/")) moved[`Book/${name.slice(3).toUpperCase()}`] = data;
            else moved[name] = data;
          }
          for (const k of Object.keys(f)) delete f[k];
          Object.assign(f, moved);
          edit(f, "_rels/.rels", (x) =>
            x.replace('Target="xl/workbook.xml"', 'Target="/book/main.xml"')
          );
          edit(f, "BOOK/_rels/Main.xml.rels", (x) =>
            x.replace(/Target="([^"]+)"/g, (_m, t: string) => `Target="/book/${t}"`)
          );
        },
      }),
    merges: "1018",
    items: { I1: { score: score("1018") } },
  },
  {
    file: "paths-strict-1019.xlsx",
    what: "Strict Open XML (ISO) namespaces and relationship types",
    make: (d) =>
      variant(d, "paths-strict-1019.xlsx", "1019", {
        parts: (f) => {
          for (const p of Object.keys(f).filter((n) => /\.(xml|rels)$/.test(n))) {
            let x = text(f, p);
            for (const [from, to] of TRANSITIONAL_TO_STRICT) x = x.split(from).join(to);
            put(f, p, x);
          }
        },
      }),
    merges: "1019",
    items: { I1: { score: score("1019") } },
  },

  // 3. The zip directory is checked, not trusted.
  {
    file: "zip-local-name.xlsx",
    what: "the shared strings entry's local header names another file",
    make: (d) =>
      variant(d, "zip-local-name.xlsx", "1020", {
        zip: (f) =>
          zipBytes(
            stored(f).map((e) => (e.name === SST ? { ...e, localName: "xl/sharedStringz.xml" } : e))
          ),
      }),
    rejected: /zip-local-name\.xlsx is corrupt .*differs from its local header/,
  },
  {
    file: "zip-duplicate.xlsx",
    what: "two entries named xl/sharedStrings.xml, a decoy first",
    make: (d) =>
      variant(d, "zip-duplicate.xlsx", "1021", {
        zip: (f) => {
          const decoy = {
            name: SST,
            data: strToU8(text(f, SST).replace(/<t>[^<]*/g, "<t>x")),
            method: 0 as const,
          };
          return zipBytes([decoy, ...stored(f)]);
        },
      }),
    rejected: /zip-duplicate\.xlsx is corrupt .*two zip entries named xl\/sharedStrings\.xml/,
  },
  {
    file: "zip-overlap.xlsx",
    what: "a directory record pointing inside another entry's data",
    make: (d) =>
      variant(d, "zip-overlap.xlsx", "1022", {
        zip: (f) => {
          // An entry whose stored bytes are themselves a complete local entry for docProps/x.xml.
          const inner = zipBytes([{ name: "docProps/x.xml", data: strToU8("<x/>"), method: 0 }]);
          const innerLocal = inner.subarray(0, 30 + "docProps/x.xml".length + 4);
          const outer = zipBytes([
            { name: "docProps/carrier.bin", data: innerLocal, method: 0 },
            ...stored(f),
          ]);
          // Add a directory record for docProps/x.xml at the offset inside the carrier's data.
          const offsetInside = 30 + "docProps/carrier.bin".length;
          const endAt = outer.length - 22;
          const cdSize = outer.readUInt32LE(endAt + 12);
          const cdOffset = outer.readUInt32LE(endAt + 16);
          const innerCd = inner.subarray(inner.readUInt32LE(inner.length - 6), inner.length - 22);
          const rec = Buffer.from(innerCd);
          rec.writeUInt32LE(offsetInside, 42);
          const count = outer.readUInt16LE(endAt + 10) + 1;
          const end = Buffer.from(outer.subarray(endAt));
          end.writeUInt16LE(count, 8);
          end.writeUInt16LE(count, 10);
          end.writeUInt32LE(cdSize + rec.length, 12);
          return Buffer.concat([outer.subarray(0, cdOffset + cdSize), rec, end]);
        },
      }),
    rejected: /zip-overlap\.xlsx is corrupt .*overlap/,
  },
  {
    file: "zip64-1022.xlsx",
    what: "a valid package whose directory gives sizes and offsets in zip64 fields",
    make: (d) =>
      variant(d, "zip64-1022.xlsx", "1022", { zip: (f) => zipBytes(stored(f), { zip64: true }) }),
    merges: "1022",
    items: { I1: { score: score("1022") } },
  },
  {
    file: "zip-records-one-entry.xlsx",
    what: "3,000 directory records pointing at one entry",
    make: (d) =>
      variant(d, "zip-records-one-entry.xlsx", "1023", {
        zip: (f) => {
          const z = zipBytes(stored(f));
          const endAt = z.length - 22;
          const cdSize = z.readUInt32LE(endAt + 12);
          const cdOffset = z.readUInt32LE(endAt + 16);
          const first = z.subarray(cdOffset, cdOffset + 46 + z.readUInt16LE(cdOffset + 28));
          const copies = Array.from({ length: 3000 }, () => first);
          const end = Buffer.from(z.subarray(endAt));
          const count = z.readUInt16LE(endAt + 10) + copies.length;
          end.writeUInt16LE(count, 8);
          end.writeUInt16LE(count, 10);
          end.writeUInt32LE(cdSize + first.length * copies.length, 12);
          return Buffer.concat([z.subarray(0, cdOffset + cdSize), ...copies, end]);
        },
      }),
    rejected: /zip-records-one-entry\.xlsx is corrupt .*two zip entries named/,
  },

  // 4. Work is bounded.
  {
    file: "bounds-empty-strings.xlsx",
    what: "300,000 empty shared strings",
    make: (d) =>
      variant(d, "bounds-empty-strings.xlsx", "1024", {
        parts: (f) => edit(f, SST, (x) => x.replace("</sst>", `${"<si/>".repeat(300000)}</sst>`)),
      }),
    rejected:
      /bounds-empty-strings\.xlsx has more than 200000 shared strings, over the reader's limit/,
  },
  {
    file: "bounds-full-height-merges-1024.xlsx",
    what: "merged ranges over whole columns (each one range, never a million cells)",
    make: (d) =>
      variant(d, "bounds-full-height-merges-1024.xlsx", "1024", {
        parts: (f) =>
          edit(f, SHEET, (x) =>
            x.replace(/<mergeCells count="(\d+)">/, (_m, n: string) => {
              // Whole columns H:Z, and 500 columns from AA down to row 100,000 (each would be 100,000
              // cells if expanded: 50 million for this 40 kB file).
              const cols = "HIJKLMNOPQRSTUVWXYZ".split("");
              const full = cols.map((c) => `<mergeCell ref="${c}1:${c}1048576"/>`);
              const tall = Array.from({ length: 500 }, (_, i) => {
                const c = colLetter(27 + i);
                return `<mergeCell ref="${c}1:${c}100000"/>`;
              });
              return `<mergeCells count="${Number(n) + full.length + tall.length}">${full.join("")}${tall.join("")}`;
            })
          ),
      }),
    merges: "1024",
    items: { I1: { score: score("1024") } },
  },
  {
    file: "bounds-sheet-listed-3000-times.xlsx",
    what: "a workbook listing its sheet 3,000 times",
    make: (d) =>
      variant(d, "bounds-sheet-listed-3000-times.xlsx", "1025", {
        parts: (f) =>
          edit(f, WB, (x) =>
            x.replace(/(<sheet [^>]*r:id="rId4"\/>)/, (s) =>
              Array.from({ length: 3000 }, (_, i) =>
                s.replace(/name="[^"]*"/, `name="S${i}"`)
              ).join("")
            )
          ),
      }),
    rejected:
      /bounds-sheet-listed-3000-times\.xlsx has more than 256 sheets, over the reader's limit/,
  },
  {
    file: "bounds-many-cells.xlsx",
    what: "250,000 cells with values on the form sheet",
    make: (d) =>
      variant(d, "bounds-many-cells.xlsx", "1026", {
        parts: (f) =>
          edit(f, SHEET, (x) =>
            x.replace(
              "</sheetData>",
              `${Array.from({ length: 2500 }, (_, i) => `<row r="${1000 + i}">${Array.from({ length: 100 }, (_, c) => `<c><v>${c}</v></c>`).join("")}</row>`).join("")}</sheetData>`
            )
          ),
      }),
    rejected:
      /bounds-many-cells\.xlsx sheet "ITA 2567 รอบ 6" has more than 200000 cells with values/,
  },

  // 5. Which sheet.
  {
    file: "sheets-hidden-original-1027.xlsx",
    what: "the original form hidden and a corrected, visible copy",
    make: (d) => twoForms(d, "sheets-hidden-original-1027.xlsx", "1027", true),
    merges: "1027",
    items: { I1: { score: 95.5 } },
  },
  {
    file: "sheets-two-visible-1028.xlsx",
    what: "two visible forms for the same unit, year and round",
    make: (d) => twoForms(d, "sheets-two-visible-1028.xlsx", "1028", false),
    rejected:
      /sheets-two-visible-1028\.xlsx has more than one visible report sheet .*\("ITA ฉบับเดิม", "ITA ฉบับแก้ไข"\)/,
  },

  {
    // Named by no district: its sheets name the unit, under which it is refused (not "not sent").
    file: "sheets-two-visible.xlsx",
    what: "two visible forms, in a file whose name gives no unit",
    make: (d) => twoForms(d, "sheets-two-visible.xlsx", "1029", false),
    rejected: /sheets-two-visible\.xlsx has more than one visible report sheet .*send it again$/m,
  },

  // 6. Other formats and odd cells.
  {
    file: "format-ods.ods",
    what: "an OpenDocument spreadsheet",
    make: (d) =>
      fs.writeFile(
        path.join(d, "format-ods.ods"),
        zipBytes([
          { name: "mimetype", data: strToU8("application/vnd.oasis.opendocument.spreadsheet") },
          { name: "content.xml", data: strToU8("<office:document-content/>") },
        ])
      ),
    rejected: /format-ods\.ods is an OpenDocument spreadsheet \(\.ods\)/,
  },
  {
    file: "format-binary.xlsb",
    what: "an Excel binary workbook",
    make: (d) =>
      fs.writeFile(
        path.join(d, "format-binary.xlsb"),
        zipOf({
          "_rels/.rels": strToU8(
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>'
          ),
          "xl/workbook.bin": new Uint8Array(64),
        })
      ),
    rejected: /format-binary\.xlsb is an Excel binary workbook \(\.xlsb\)/,
  },
  {
    file: "format-word.xlsx",
    what: "a Word document renamed .xlsx",
    make: (d) =>
      fs.writeFile(
        path.join(d, "format-word.xlsx"),
        zipOf({
          "_rels/.rels": strToU8(
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
          ),
          "word/document.xml": strToU8(
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'
          ),
        })
      ),
    rejected: /format-word\.xlsx is a Word document \(\.docx\)/,
  },
  {
    file: "format-numbers.numbers",
    what: "an Apple Numbers file",
    make: (d) =>
      fs.writeFile(
        path.join(d, "format-numbers.numbers"),
        zipOf({
          "Index/Document.iwa": new Uint8Array(16),
          "Metadata/Properties.plist": new Uint8Array(8),
        })
      ),
    rejected: /format-numbers\.numbers is an Apple Numbers file/,
  },
  {
    file: "format-macro-1029.xlsm",
    what: "a form saved as a macro-enabled workbook (.xlsm)",
    make: (d) =>
      variant(d, "format-macro-1029.xlsm", "1029", {
        parts: (f) =>
          edit(f, "[Content_Types].xml", (x) =>
            x.replace(
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
              "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
            )
          ),
      }),
    merges: "1029",
    items: { I1: { score: score("1029") } },
  },
  {
    file: "odd-uncalculated-1030.xlsx",
    what: "a score that is a formula never calculated (no cached result)",
    make: (d) =>
      variant(d, "odd-uncalculated-1030.xlsx", "1030", {
        excel: mark("I5", SCORE, 93.21),
        parts: (f) => edit(f, SHEET, (x) => x.replace("<v>93.21</v>", "<f>90+3.21</f>")),
      }),
    rejected:
      /odd-uncalculated-1030\.xlsx, sheet "ITA 2567 รอบ 6", cell B\d+ \(I5\): a formula that was never calculated/,
  },
  {
    file: "odd-picture-in-cell-1031.xlsx",
    what: "an Excel 365 picture placed in an evidence cell (shown as #VALUE! to older readers)",
    make: (d) =>
      variant(d, "odd-picture-in-cell-1031.xlsx", "1031", {
        excel: mark("I6", "G", 424242),
        parts: (f) => {
          edit(f, SHEET, (x) =>
            x.replace(
              /<c r="(G\d+)"([^>]*)><v>424242<\/v><\/c>/,
              '<c r="$1" t="e" vm="1"><v>#VALUE!</v></c>'
            )
          );
          Object.assign(f, RICH_DATA);
          edit(f, WB_RELS, (x) => x.replace("</Relationships>", `${RICH_RELS}</Relationships>`));
        },
      }),
    merges: "1031",
    items: { I6: { evidence: "" } },
  },

  // 7. Text.
  {
    file: "text-joiners-1032.xlsx",
    what: "zero-width joiners in an emoji and a zero-width non-joiner",
    make: (d) =>
      variant(d, "text-joiners-1032.xlsx", "1032", {
        // Two items with short measures in cells of their own (a group shares one cell, which may
        // span both rows; a long text goes on in a "(ต่อ)" part).
        excel: (ws) => {
          mark("I11", "E", "ทีมงาน 👩\u200d💻 ดำเนินการแล้ว")(ws);
          mark("E10", "E", "ระบบ e\u200cservice")(ws);
        },
      }),
    merges: "1032",
    items: {
      I11: { measures: "ทีมงาน 👩\u200d💻 ดำเนินการแล้ว" },
      E10: { measures: "ระบบ e\u200cservice" },
    },
  },
  {
    file: "text-literal-escape-1033.xlsx",
    what: "text that holds _x0041_ literally (stored escaped as _x005F_x0041_)",
    make: (d) =>
      variant(d, "text-literal-escape-1033.xlsx", "1033", {
        excel: mark("I1", "E", "LITERAL-MARKER"),
        parts: (f) =>
          edit(f, SST, (x) => x.replace("LITERAL-MARKER", "รหัสเอกสาร _x005F_x0041_ ตามระบบ")),
      }),
    merges: "1033",
    items: { I1: { measures: "รหัสเอกสาร _x0041_ ตามระบบ" } },
  },
];
