/**
 * The central summary as SpreadsheetML, written by us from the writer-neutral SummarySheet model:
 * title, subtitle, header and data rows with their styles (font, fill, thin borders, number format,
 * wrapping), column widths, merged cells, frozen panes, estimated row heights, the heat map (a colour
 * scale), print setup (A4 landscape at the sheet's scale, its page breaks, the header row and title
 * columns repeated) and shared strings. The chart is added
 * by `chart.ts`. Writing it ourselves keeps ExcelJS (and its zip and CRC code) out of `ita merge`.
 */
import { PartData, PartStream, strToU8, Utf8Builder } from "./utf8";
import { addr, colLetter, rangeAddr } from "../../domain/layout/a1";
import { FONT } from "../../domain/layout/spec";
import { linesHeightPt } from "../../domain/layout/textMetrics";
import {
  printOf,
  SUMMARY_MARGINS,
  summaryHeaderFooter,
  summaryPrintArea,
} from "../../domain/summarySheets/print";
import {
  cellFormat,
  COLOR_SCALE,
  colorScalePoints,
  SUMMARY_FIRST_ROW,
  SUMMARY_HEADER_ROW,
  SUMMARY_STYLES,
  summaryHeaderHeightPt,
  summaryRowHeightPt,
  SummarySheet,
  TCell,
} from "../../domain/summarySheets/table";
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
import type { ChartSpec } from "./chart";

type RowStyle = (typeof SUMMARY_STYLES)[keyof typeof SUMMARY_STYLES];

/** Built-in number formats: General, 0, 0.00, @ (text); any other is custom, numbered from 164. */
const NUM_FMT_ID: Record<string, number> = { "": 0, "0": 1, "0.00": 2, "@": 49 };

/** The styles of a workbook, registered as cells use them (cellXfs, fonts, fills). */
class Styles {
  /**
   * Font 0 is the Normal style's, Calibri 11: both apps measure column widths in its digits (7 px),
   * as `columnWidthPt` does. With TH Sarabun New 16 there every column would be half as wide again
   * as laid out. Cells use fonts 1 (regular) and 2 (bold).
   */
  private readonly fonts = [false, true]; // regular, bold
  private readonly fills: string[] = [];
  private readonly xfs: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly numFmts: string[] = [];

  constructor() {
    this.xfs.push('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
  }

  id(s: RowStyle, numFmt: string | undefined, border: boolean, wrap: boolean): number {
    const key = JSON.stringify([s, numFmt ?? "", border, wrap]);
    let id = this.index.get(key);
    if (id !== undefined) return id;
    const fontId = s.bold ? 2 : 1;
    let fillId = 0;
    if (s.fill) {
      let i = this.fills.indexOf(s.fill);
      if (i < 0) i = this.fills.push(s.fill) - 1;
      fillId = i + 2; // 0 none and 1 gray125 are required first
    }
    let numFmtId = NUM_FMT_ID[numFmt ?? ""];
    if (numFmtId === undefined) {
      let i = this.numFmts.indexOf(numFmt!);
      if (i < 0) i = this.numFmts.push(numFmt!) - 1;
      numFmtId = 164 + i;
    }
    const horizontal = s.hAlign ? ` horizontal="${s.hAlign}"` : "";
    const wrapText = (s.wrap ?? wrap) ? ' wrapText="1"' : "";
    this.xfs.push(
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${border ? 1 : 0}" xfId="0"` +
        ` applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">` +
        `<alignment vertical="top"${horizontal}${wrapText}/></xf>`
    );
    id = this.xfs.length - 1;
    this.index.set(key, id);
    return id;
  }

  xml(): string {
    const font = (bold: boolean) =>
      `<font>${bold ? "<b/>" : ""}<sz val="${FONT.size}"/><name val="${escAttr(FONT.name)}"/><family val="2"/></font>`;
    const fills = this.fills
      .map(
        (c) =>
          `<fill><patternFill patternType="solid"><fgColor rgb="FF${c}"/><bgColor indexed="64"/></patternFill></fill>`
      )
      .join("");
    const thin = '<color rgb="FFA6A6A6"/>';
    const numFmts = this.numFmts.length
      ? `<numFmts count="${this.numFmts.length}">${this.numFmts.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escAttr(f)}"/>`).join("")}</numFmts>`
      : "";
    return (
      `${DECL}<styleSheet xmlns="${NS_MAIN}">` +
      numFmts +
      `<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>${this.fonts.map(font).join("")}</fonts>` +
      `<fills count="${this.fills.length + 2}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills}</fills>` +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
      `<border><left style="thin">${thin}</left><right style="thin">${thin}</right><top style="thin">${thin}</top><bottom style="thin">${thin}</bottom><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `</styleSheet>`
    );
  }
}

function cellXml(
  row: number,
  col: number,
  v: TCell,
  style: number,
  strings: SharedStrings
): string {
  const r = addr(row, col);
  if (v === null || v === undefined || v === "") return `<c r="${r}" s="${style}"/>`;
  if (typeof v === "number") {
    return Number.isFinite(v)
      ? `<c r="${r}" s="${style}"><v>${v}</v></c>`
      : `<c r="${r}" s="${style}"/>`;
  }
  return `<c r="${r}" s="${style}" t="s"><v>${strings.id(v)}</v></c>`;
}

function sheetXml(
  sheet: SummarySheet,
  first: boolean,
  styles: Styles,
  strings: SharedStrings,
  stream?: PartStream
): PartData {
  const n = sheet.columns.length;
  const { rows: fr, cols: fc } = sheet.freeze;
  const pane =
    fr || fc
      ? `<pane${fc ? ` xSplit="${fc}"` : ""}${fr ? ` ySplit="${fr}"` : ""} topLeftCell="${addr(fr + 1, fc + 1)}" activePane="${fr && fc ? "bottomRight" : fr ? "bottomLeft" : "topRight"}" state="frozen"/>`
      : "";
  const cols = sheet.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
    .join("");
  const last = SUMMARY_FIRST_ROW + sheet.rows.length - 1;
  const head =
    `${DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:${colLetter(Math.max(1, n))}${Math.max(SUMMARY_HEADER_ROW, last)}"/>` +
    `<sheetViews><sheetView${first ? ' tabSelected="1"' : ""} workbookViewId="0">${pane}</sheetView></sheetViews>` +
    // One line of TH Sarabun New 16 pt: rows of one line are as tall as their text (Excel's 15 pt
    // default cuts a 16 pt line in half when printed by LibreOffice).
    `<sheetFormatPr defaultRowHeight="${linesHeightPt(1, FONT)}" customHeight="1"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>`;
  const out = new Utf8Builder(stream);
  out.add(head);
  const title = styles.id(SUMMARY_STYLES.title, undefined, false, true);
  const subtitle = styles.id(SUMMARY_STYLES.subtitle, undefined, false, true);
  out.add(`<row r="1">${cellXml(1, 1, sheet.title, title, strings)}</row>`);
  out.add(`<row r="2">${cellXml(2, 1, sheet.subtitle, subtitle, strings)}</row>`);
  const header = styles.id(SUMMARY_STYLES.header, undefined, true, true);
  const hh = summaryHeaderHeightPt(sheet);
  out.add(
    `<row r="${SUMMARY_HEADER_ROW}"${hh ? ` ht="${hh}" customHeight="1"` : ""}>${sheet.columns.map((c, i) => cellXml(SUMMARY_HEADER_ROW, i + 1, c.header, header, strings)).join("")}</row>`
  );
  // The style of each row kind (and number format) in each column, looked up once.
  const byKind = new Map<string, number[]>();
  const stylesOf = (row: SummarySheet["rows"][number]) => {
    const key = `${row.kind}\u0000${row.numberFormat ?? ""}\u0000${row.merge ? 1 : 0}`;
    let ids = byKind.get(key);
    if (!ids) {
      ids = sheet.columns.map((col) =>
        styles.id(SUMMARY_STYLES[row.kind], cellFormat(row, col), true, sheet.wrap || !!row.merge)
      );
      byKind.set(key, ids);
    }
    return ids;
  };
  const merges: string[] = [];
  sheet.rows.forEach((row, k) => {
    const r = SUMMARY_FIRST_ROW + k;
    const ids = stylesOf(row);
    let cells = "";
    for (let c = 0; c < (row.span ?? n); c++) {
      const style = ids[c];
      cells += cellXml(r, c + 1, row.cells[c] ?? null, style, strings);
    }
    if (row.merge) merges.push(rangeAddr({ r1: r, c1: row.merge.c1, r2: r, c2: row.merge.c2 }));
    const h = summaryRowHeightPt(sheet, row);
    // A merged cell's height is ours to keep: neither app fits a row to a merged cell.
    const custom = row.merge ? ' customHeight="1"' : "";
    out.add(`<row r="${r}"${h ? ` ht="${h}"${custom}` : ""}>${cells}</row>`);
  });

  const print = printOf(sheet);
  const brk = (tag: "rowBreaks" | "colBreaks", at: number[], max: number) =>
    at.length
      ? `<${tag} count="${at.length}" manualBreakCount="${at.length}">${at.map((b) => `<brk id="${b - 1}" max="${max}" man="1"/>`).join("")}</${tag}>`
      : "";
  const m = SUMMARY_MARGINS;
  const heat = sheet.colorScale
    ? `<conditionalFormatting sqref="${rangeAddr(sheet.colorScale)}"><cfRule type="colorScale" priority="1"><colorScale>` +
      colorScalePoints(sheet.colorScale.passMark)
        .map((v) => `<cfvo type="num" val="${v}"/>`)
        .join("") +
      `<color rgb="FF${COLOR_SCALE.min}"/><color rgb="FF${COLOR_SCALE.mid}"/><color rgb="FF${COLOR_SCALE.max}"/>` +
      `</colorScale></cfRule></conditionalFormatting>`
    : "";
  const tail =
    `</sheetData>` +
    (merges.length
      ? `<mergeCells count="${merges.length}">${merges.map((a) => `<mergeCell ref="${a}"/>`).join("")}</mergeCells>`
      : "") +
    heat +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    // A set scale, never "fit to width": the text prints at a size people can read (print.ts).
    `<pageSetup paperSize="9" scale="${print.scale}"${print.overThenDown ? ' pageOrder="overThenDown"' : ""} orientation="landscape"/>` +
    (sheet.hidden ? "" : headerFooterXml(summaryHeaderFooter(sheet))) +
    brk("rowBreaks", print.rowBreaks, 16383) +
    brk("colBreaks", print.colBreaks, 1048575) +
    `</worksheet>`;
  out.add(tail);
  return out.part();
}

/** The page header and footer (Excel's codes; the file puts each section after its `&L`/`&R`). */
function headerFooterXml(hf: { leftHeader: string; rightFooter: string }): string {
  return (
    `<headerFooter><oddHeader>${escText(`&L${hf.leftHeader}`)}</oddHeader>` +
    `<oddFooter>${escText(`&R${hf.rightFooter}`)}</oddFooter></headerFooter>`
  );
}

const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

/**
 * A sheet's print area and titles: the header row, and the first columns where a sheet prints in
 * blocks of columns, on every page. Not on the hidden data sheet: LibreOffice prints a hidden sheet
 * that has a print area.
 */
function printNames(s: SummarySheet, i: number): string {
  if (s.hidden) return "";
  const { titleCols } = printOf(s);
  const cols = titleCols ? `${quoted(s.name)}!$A:$${colLetter(titleCols)},` : "";
  const a = summaryPrintArea(s);
  const area = `${quoted(s.name)}!$A$${a.r1}:$${colLetter(a.c2)}$${a.r2}`;
  return (
    `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${escText(area)}</definedName>` +
    `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escText(`${cols}${quoted(s.name)}!$${SUMMARY_HEADER_ROW}:$${SUMMARY_HEADER_ROW}`)}</definedName>`
  );
}

/**
 * The summary workbook's parts (before its chart is added) and the charts to add. Given `deflate`
 * (the file writer's), the large parts are deflated as they are made — the shared strings and every
 * sheet but one with a chart, which `addCharts` edits — so the package is never held whole
 * uncompressed (177 MB at 5,000 units). The sheets are taken one at a time: a sheet made as it is
 * asked for (`MergeOutcome.sheetsOneByOne`) is dropped once written, so a big merge never holds
 * them all.
 */
export function summaryPackage(
  sheets: Iterable<SummarySheet>,
  deflate?: () => PartStream
): { files: Record<string, PartData>; charts: ChartSpec[] } {
  const styles = new Styles();
  const strings = new SharedStrings();
  const files: Record<string, PartData> = {};
  const written: { name: string; hidden: boolean }[] = [];
  const charts: ChartSpec[] = [];
  let printTitles = "";
  for (const s of sheets) {
    const i = written.length;
    files[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(
      s,
      i === 0,
      styles,
      strings,
      s.chart ? undefined : deflate?.()
    );
    printTitles += printNames(s, i);
    if (s.chart) charts.push({ sheetIndex: i + 1, sheetName: s.name, ...s.chart });
    written.push({ name: s.name, hidden: Boolean(s.hidden) });
  }
  files["xl/workbook.xml"] = strToU8(
    `${DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
      written
        .map(
          (s, i) =>
            `<sheet name="${escAttr(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ""} r:id="rId${i + 1}"/>`
        )
        .join("") +
      `</sheets>${printTitles ? `<definedNames>${printTitles}</definedNames>` : ""}<calcPr calcId="191029"/></workbook>`
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(workbookRelsXml(written.length));
  files["xl/styles.xml"] = strToU8(styles.xml());
  files["xl/sharedStrings.xml"] = strings.part(deflate?.());
  files["_rels/.rels"] = strToU8(packageRelsXml());
  files["docProps/core.xml"] = strToU8(
    `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>ITA report add-in</dc:creator></cp:coreProperties>`
  );
  files["[Content_Types].xml"] = strToU8(contentTypesXml(written.length));
  return { files, charts };
}
