/**
 * A form sheet as a workbook's bytes, written from the layout's SheetModel with fflate alone (no
 * ExcelJS, no Node), in the shape `ita scaffold` gives its files: every cell of the form with its
 * style index, texts shared, numbers, the layout's formulas with their results, row heights, column
 * widths, merged cells, page breaks, validation, conditional formats, protection, the core properties
 * and the hidden metadata sheet. Browser-safe on purpose: the pane's read workers read such a sample
 * while the user picks files (taskpane/merge/readWorker.ts), so that the reader's code is compiled
 * and optimised for the files that come. Its styles carry only their number formats: not a form to
 * hand out (`ita scaffold` writes those).
 */
import { zipSync } from "fflate";
import { addr, rangeAddr } from "../../domain/layout/a1";
import { isFormula } from "../../domain/layout/formula";
import type { SheetModel } from "../../domain/layout/render";
import { CellStyle, META_SHEET, META_SHEET_HEADER, STYLES } from "../../domain/layout/spec";
import { escapeOoxml } from "./cellText";
import {
  contentTypesXml,
  DECL,
  escAttr,
  escText,
  NS_MAIN,
  NS_REL,
  packageRelsXml,
  SharedStrings,
  workbookRelsXml,
} from "./packageXml";
import { strToU8 } from "./utf8";

const NS_MC =
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" ' +
  'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"';
/** Excel's built-in number formats the layout uses; any other gets an id of its own from 164. */
const BUILT_IN: Record<string, number> = { General: 0, "0.00": 2, "@": 49 };

/** The cell formats of the workbook, by the layout style they stand for. */
class CellFormats {
  private readonly index = new Map<string, number>();
  readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  readonly custom: string[] = [];

  of(style: CellStyle): number {
    const key = JSON.stringify(style);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.xfs.length;
      this.index.set(key, i);
      let id = style.numFmt ? BUILT_IN[style.numFmt] : 0;
      if (id === undefined) {
        id = 164 + this.custom.length;
        this.custom.push(`<numFmt numFmtId="${id}" formatCode="${escAttr(style.numFmt!)}"/>`);
      }
      this.xfs.push(
        `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1" applyProtection="1">` +
          `<alignment vertical="top"${style.wrap ? ' wrapText="1"' : ""}/>` +
          `${style.locked ? "" : '<protection locked="0"/>'}</xf>`
      );
    }
    return i;
  }

  part(): string {
    const numFmts = this.custom.length
      ? `<numFmts count="${this.custom.length}">${this.custom.join("")}</numFmts>`
      : "";
    return (
      `${DECL}<styleSheet xmlns="${NS_MAIN}">${numFmts}<fonts count="1"><font><sz val="16"/><name val="TH Sarabun New"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs></styleSheet>`
    );
  }
}

type Value = SheetModel["values"][number][number];

function cellXml(ref: string, v: Value, s: number | null, strings: SharedStrings): string {
  const style = s ? ` s="${s}"` : "";
  if (v === null) return s === null ? "" : `<c r="${ref}"${style}/>`;
  if (typeof v === "number") return `<c r="${ref}"${style}><v>${v}</v></c>`;
  if (isFormula(v))
    return `<c r="${ref}"${style} t="str"><f>${escText(v.formula)}</f><v>${escText(escapeOoxml(v.result))}</v></c>`;
  return `<c r="${ref}"${style} t="s"><v>${strings.id(v)}</v></c>`;
}

/** The form sheet: each cell of the model's rectangle with its format. */
function formSheet(model: SheetModel, strings: SharedStrings, formats: CellFormats): string {
  const styles: CellStyle[][] = Array.from({ length: model.rowCount }, () =>
    Array.from({ length: model.colCount }, () => ({ ...STYLES.base }))
  );
  for (const { range, style } of model.styles)
    for (let r = range.r1; r <= range.r2; r++)
      for (let c = range.c1; c <= range.c2; c++) Object.assign(styles[r - 1][c - 1], STYLES[style]);
  for (const f of model.numFmts ?? []) styles[f.row - 1][f.col - 1].numFmt = f.numFmt;
  const last = `${addr(model.rowCount, model.colCount)}`;
  const rows: string[] = [];
  for (let r = 1; r <= model.rowCount; r++) {
    const h = model.rowHeights[r - 1];
    const cells = styles[r - 1]
      .map((st, k) =>
        cellXml(addr(r, k + 1), model.values[r - 1]?.[k] ?? null, formats.of(st), strings)
      )
      .join("");
    rows.push(
      `<row r="${r}"${h ? ` ht="${h.pt}"${h.fixed ? ' customHeight="1"' : ""}` : ""} spans="1:${model.colCount}" x14ac:dyDescent="0.25">${cells}</row>`
    );
  }
  const cols = model.columnWidths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const merges = model.merges.map((m) => `<mergeCell ref="${rangeAddr(m)}"/>`).join("");
  const validations = model.validations
    .map(
      (v) =>
        `<dataValidation type="decimal" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="${escAttr(v.title)}" error="${escAttr(v.error)}" promptTitle="${escAttr(v.title)}" prompt="${escAttr(v.prompt)}" sqref="${rangeAddr(v.range)}"><formula1>${v.min}</formula1><formula2>${v.max}</formula2></dataValidation>`
    )
    .join("");
  const conditional = model.conditionalFormats
    .map(
      (f, i) =>
        `<conditionalFormatting sqref="${rangeAddr(f.range)}"><cfRule type="expression" priority="${i + 1}"><formula>${escText(f.formula)}</formula></cfRule></conditionalFormatting>`
    )
    .join("");
  const breaks = model.print.breaksBefore
    .map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`)
    .join("");
  return (
    `${DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}" ${NS_MC}><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${last}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols>${cols}</cols>` +
    `<sheetData>${rows.join("")}</sheetData>` +
    `<sheetProtection sheet="1" objects="0" scenarios="1"/>` +
    (merges ? `<mergeCells count="${model.merges.length}">${merges}</mergeCells>` : "") +
    conditional +
    (validations
      ? `<dataValidations count="${model.validations.length}">${validations}</dataValidations>`
      : "") +
    `<pageMargins left="0.5" right="0.5" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="${model.print.orientation}" fitToHeight="0"/>` +
    (breaks
      ? `<rowBreaks count="${model.print.breaksBefore.length}" manualBreakCount="${model.print.breaksBefore.length}">${breaks}</rowBreaks>`
      : "") +
    `</worksheet>`
  );
}

/** The hidden metadata sheet: the form sheet's keys and values, a row each. */
function metadataSheet(model: SheetModel, strings: SharedStrings): string {
  const rows = [
    [...META_SHEET_HEADER],
    ...model.metadata.map(([key, value]) => [model.name, key, value === "" ? null : String(value)]),
  ].map(
    (cells, i) =>
      `<row r="${i + 1}" spans="1:3" x14ac:dyDescent="0.25">${cells.map((v, k) => cellXml(addr(i + 1, k + 1), v, null, strings)).join("")}</row>`
  );
  return `${DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}" ${NS_MC}><dimension ref="A1:C${rows.length}"/><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

/** The workbook of one form sheet (and its metadata), zipped. */
export function sampleBookBytes(model: SheetModel): Uint8Array {
  // Like Excel, a text with lines says its spaces are kept.
  const strings = new SharedStrings(/^\s|\n|\s$/);
  const formats = new CellFormats();
  const form = formSheet(model, strings, formats);
  const meta = metadataSheet(model, strings);
  const sheets = [
    { name: model.name, state: "" },
    { name: META_SHEET, state: ' state="veryHidden"' },
  ];
  const time = "2000-01-01T00:00:00Z";
  const parts: Record<string, string> = {
    "[Content_Types].xml": contentTypesXml(sheets.length),
    "_rels/.rels": packageRelsXml(),
    "docProps/core.xml":
      `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>ITA report add-in</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${time}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${time}</dcterms:modified></cp:coreProperties>`,
    "xl/workbook.xml": `${DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>${sheets
      .map(
        (s, i) =>
          `<sheet name="${escAttr(s.name)}" sheetId="${i + 1}"${s.state} r:id="rId${i + 1}"/>`
      )
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": workbookRelsXml(sheets.length),
    "xl/worksheets/sheet1.xml": form,
    "xl/worksheets/sheet2.xml": meta,
    "xl/styles.xml": formats.part(),
  };
  const files: Record<string, Uint8Array> = {
    ...Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)])),
    // Given no stream, the table comes back as its bytes.
    "xl/sharedStrings.xml": strings.part() as Uint8Array,
  };
  return zipSync(files, { level: 6, mtime: new Date(2000, 0, 1) });
}
