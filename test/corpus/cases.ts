/**
 * The corpus of bad and hostile district files, each with what must happen to it: the message a
 * reader gets (`ita read` exits 2 with it) or the fact that it reads and merges. The files are made
 * by these recipes in a temporary folder, so the repository holds no generated binaries.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import { CLASSES } from "./classes";
import { deflated, zipBytes } from "./zipBytes";
import { metaCell } from "../../src/domain";
import { colOf } from "../helpers";
import {
  districtReport,
  editWorkbook,
  itemRow,
  patchPart,
  writeDistrict,
} from "../merge/districts";

export interface CorpusCase {
  file: string;
  what: string;
  make: (dir: string) => Promise<void>;
  /** A file that cannot be merged: the English part of the message (the Thai part is checked too). */
  rejected?: RegExp;
  /** A file that reads and merges: the unit code it merges as. */
  merges?: string;
  /** What `ita read` must give for some items (fields of the JSON output). */
  items?: Record<string, Record<string, unknown>>;
}

const district = (code: string, name: string) => (dir: string) =>
  writeDistrict(dir, name, districtReport(code)).then(() => undefined);

async function edited(
  dir: string,
  file: string,
  code: string,
  edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void,
  /** Items whose measures and results start empty (so that each is one cell the edit can type in). */
  emptied: string[] = []
) {
  const report = districtReport(code);
  for (const it of report.items)
    if (emptied.includes(it.code)) Object.assign(it, { measures: "", results: "", evidence: "" });
  const src = await writeDistrict(dir, `.src-${file}`, report);
  await editWorkbook(src, path.join(dir, file), edit);
  await fs.rm(src);
}

async function patched(
  dir: string,
  file: string,
  code: string,
  part: string,
  patch: (xml: string) => string
) {
  const src = await writeDistrict(dir, `.src-${file}`, districtReport(code));
  await patchPart(src, path.join(dir, file), part, patch);
  await fs.rm(src);
}

export const CORPUS: CorpusCase[] = [
  {
    file: "good-1035.xlsx",
    what: "a clean form",
    make: district("1035", "good-1035.xlsx"),
    merges: "1035",
  },
  {
    file: "text.xlsx",
    what: "a text file named .xlsx",
    make: (d) => fs.writeFile(path.join(d, "text.xlsx"), "รายงานเขต\nnot a workbook"),
    rejected: /text\.xlsx is a text file \(such as CSV\), not an Excel workbook \(\.xlsx\)/,
  },
  {
    file: "empty.xlsx",
    what: "an empty file",
    make: (d) => fs.writeFile(path.join(d, "empty.xlsx"), ""),
    rejected: /empty\.xlsx is empty/,
  },
  {
    file: "old.xls",
    what: "an old .xls workbook",
    make: (d) =>
      fs.writeFile(
        path.join(d, "old.xls"),
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(504),
        ])
      ),
    rejected: /old\.xls is an old-format \(\.xls\) or password-protected workbook/,
  },
  {
    file: "password.xlsx",
    what: "a password-protected workbook (an encrypted OLE package)",
    make: (d) =>
      fs.writeFile(
        path.join(d, "password.xlsx"),
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.from("EncryptedPackage"),
          Buffer.alloc(480),
        ])
      ),
    rejected: /password\.xlsx is an old-format \(\.xls\) or password-protected workbook/,
  },
  {
    file: "corrupt.xlsx",
    what: "a zip header followed by garbage",
    make: (d) =>
      fs.writeFile(
        path.join(d, "corrupt.xlsx"),
        Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(400, 0x5a)])
      ),
    rejected: /corrupt\.xlsx is corrupt or not a valid \.xlsx file/,
  },
  {
    file: "truncated.xlsx",
    what: "a real form cut in half",
    make: async (d) => {
      const src = await writeDistrict(d, ".src-truncated.xlsx", districtReport("1001"));
      const bytes = await fs.readFile(src);
      await fs.writeFile(
        path.join(d, "truncated.xlsx"),
        bytes.subarray(0, Math.floor(bytes.length / 2))
      );
      await fs.rm(src);
    },
    // What to do, in English as in Thai.
    rejected:
      /truncated\.xlsx is corrupt or not a valid \.xlsx file \(.+\): open it in Excel and save it again, or ask the unit for a new copy/,
  },
  {
    file: "budget.xlsx",
    what: "another workbook entirely",
    make: async (d) => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("งบประมาณ").addRows([
        ["รายการ", "จำนวนเงิน"],
        ["ค่าไฟฟ้า", 1200],
      ]);
      await wb.xlsx.writeFile(path.join(d, "budget.xlsx"));
    },
    rejected: /budget\.xlsx has no ITA report sheet \(sheets found: "งบประมาณ"/,
  },
  {
    file: "older-version.xlsx",
    what: "a form of an older version",
    make: (d) =>
      edited(d, "older-version.xlsx", "1002", (ws, wb) => {
        ws.getCell(metaCell("form").address).value = "bkk-district-ita 2566.1";
        wb.removeWorksheet(wb.getWorksheet("ITA_META")!.id);
      }),
    rejected:
      /uses the form bkk-district-ita 2566\.1, not the merged form \(bkk-district-ita 2567\.1\)/,
  },
  {
    file: "newer-version.xlsx",
    what: "a form of a newer version",
    make: (d) =>
      edited(d, "newer-version.xlsx", "1003", (ws, wb) => {
        ws.getCell(metaCell("form").address).value = "bkk-district-ita 2568.1";
        wb.removeWorksheet(wb.getWorksheet("ITA_META")!.id);
      }),
    rejected: /uses the form bkk-district-ita 2568\.1, not the merged form/,
  },
  {
    file: "no-unit.xlsx",
    what: "a form whose unit was cleared",
    make: (d) =>
      edited(d, "no-unit.xlsx", "1004", (ws, wb) => {
        ws.getCell(metaCell("unit").address).value = null;
        wb.removeWorksheet(wb.getWorksheet("ITA_META")!.id);
      }),
    rejected: new RegExp(
      `No unit given \\(sheet "ITA 2567 รอบ 6", cell ${metaCell("unit").address}\\)`
    ),
  },
  {
    file: "zip-bomb.xlsx",
    what: "a small file whose directory declares 200 MB unpacked (refused before inflating)",
    make: (d) =>
      fs.writeFile(
        path.join(d, "zip-bomb.xlsx"),
        zipBytes([deflated("xl/workbook.xml", new Uint8Array(64 * 1024), 200 * 1024 * 1024)])
      ),
    rejected: /zip-bomb\.xlsx would unpack to an abnormal size \(a zip bomb\?\) and was not opened/,
  },
  {
    file: "lying-bomb.xlsx",
    what: "an entry that declares 1 kB but inflates to 8 MB (inflation stops at the declared size)",
    make: (d) =>
      fs.writeFile(
        path.join(d, "lying-bomb.xlsx"),
        zipBytes([deflated("_rels/.rels", new Uint8Array(8 * 1024 * 1024), 1024)])
      ),
    rejected: /lying-bomb\.xlsx is corrupt or not a valid \.xlsx file/,
  },
  {
    file: "huge.xlsx",
    what: "a file over the 20 MB cap",
    make: (d) =>
      fs.writeFile(
        path.join(d, "huge.xlsx"),
        Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(21 * 1024 * 1024, 1)])
      ),
    rejected: /huge\.xlsx is larger than 20 MB/,
  },
  {
    file: "rows-edited-1005.xlsx",
    what: "rows inserted, deleted and moved by the district",
    make: (d) =>
      edited(d, "rows-edited-1005.xlsx", "1005", (ws) => {
        ws.spliceRows(itemRow(ws, "I5"), 0, ["", "แถวที่เขตแทรก"], []);
        const e9 = itemRow(ws, "E9");
        const values = ws.getRow(e9).values as ExcelJS.CellValue[];
        ws.spliceRows(e9, 1);
        ws.spliceRows(itemRow(ws, "I2"), 0, values.slice(1));
      }),
    merges: "1005",
  },
  {
    file: "text-scores-1006.xlsx",
    what: "scores typed as text, Thai digits and formulas; text starting with = + - @; NFD Thai; a 40,000-character cell",
    make: (d) =>
      edited(
        d,
        "text-scores-1006.xlsx",
        "1006",
        (ws) => {
          const score = colOf("score");
          ws.getCell(`${score}${itemRow(ws, "I1")}`).value = "๙๖.๓๑";
          ws.getCell(`${score}${itemRow(ws, "I2")}`).value = "(96.86 คะแนน)";
          ws.getCell(`${score}${itemRow(ws, "I3")}`).value = { formula: "90+6.17", result: 96.17 };
          const m = colOf("measures");
          ws.getCell(`${m}${itemRow(ws, "I8")}`).value = '=HYPERLINK("http://example.invalid","x")';
          ws.getCell(`${m}${itemRow(ws, "I9")}`).value = "+66 ดำเนินการแล้ว";
          ws.getCell(`${m}${itemRow(ws, "I10")}`).value = "-ประชุมชี้แจง";
          ws.getCell(`${m}${itemRow(ws, "I11")}`).value = "@ทุกฝ่าย";
          ws.getCell(`${m}${itemRow(ws, "I12")}`).value = "จัดประชุมชี้แจงเจ้าหน้าที่".normalize("NFD");
          ws.getCell(`${colOf("results")}${itemRow(ws, "I12")}`).value = "ผล".repeat(20000);
        },
        ["I8", "I9", "I10", "I11", "I12"]
      ),
    merges: "1006",
  },
  {
    file: "whole-column-1007.xlsx",
    what: "data validation over whole columns (exceljs#1842)",
    make: (d) =>
      patched(d, "whole-column-1007.xlsx", "1007", "xl/worksheets/sheet1.xml", (xml) => {
        if (!xml.includes("<dataValidations")) throw new Error("no data validations to widen");
        return xml.replace(
          /<dataValidations[\s\S]*?<\/dataValidations>/,
          '<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" sqref="C1:C1048576 E1:XFD1048576"><formula1>0</formula1><formula2>100</formula2></dataValidation></dataValidations>'
        );
      }),
    merges: "1007",
  },
  {
    file: "control-chars-1008.xlsx",
    what: "text carrying escaped control characters and U+FFFE",
    make: (d) =>
      patched(d, "control-chars-1008.xlsx", "1008", "xl/sharedStrings.xml", (xml) => {
        if (!xml.includes("ดำเนินการแล้ว: ")) throw new Error("expected text not found");
        return xml.replace("ดำเนินการแล้ว: ", "ดำเนินการ_x0001_แล้ว_xFFFE_: ");
      }),
    merges: "1008",
  },
];

CORPUS.push(...CLASSES);

export async function buildCorpus(dir: string): Promise<void> {
  for (const c of CORPUS) await c.make(dir);
}
