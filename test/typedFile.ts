import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { colNumber } from "../src/domain/layout/a1";

/** A value typed into a cell: text, or a number. */
export type Typed = { cell: string; text: string } | { cell: string; number: number };

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\n/g, "&#10;");

function cellXml(ref: string, style: string | null, v: Typed): string {
  const s = style ? ` s="${style}"` : "";
  return "number" in v
    ? `<c r="${ref}"${s}><v>${v.number}</v></c>`
    : `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${esc(v.text)}</t></is></c>`;
}

/**
 * Values put into a workbook's first sheet the way another program writes them (openpyxl, a
 * script): the worksheet XML gets the values as inline strings or numbers and nothing else changes
 * — rows keep the heights the file had, cells their style. The same as test/e2e/lo/type_form.py.
 */
export function typeIntoXlsx(bytes: Uint8Array, edits: readonly Typed[]): Uint8Array {
  const files = unzipSync(bytes);
  const name = "xl/worksheets/sheet1.xml";
  let xml = strFromU8(files[name]);
  for (const e of edits) {
    const m = /^([A-Z]+)(\d+)$/.exec(e.cell)!;
    const col = colNumber(m[1]);
    const row = Number(m[2]);
    const rowRe = new RegExp(`<row [^>]*r="${row}"[^>]*?(/>|>[\\s\\S]*?</row>)`);
    const found = rowRe.exec(xml);
    if (!found) {
      const later = [...xml.matchAll(/<row [^>]*r="(\d+)"/g)].find((x) => Number(x[1]) > row);
      const at = later ? later.index! : xml.indexOf("</sheetData>");
      xml = `${xml.slice(0, at)}<row r="${row}">${cellXml(e.cell, null, e)}</row>${xml.slice(at)}`;
      continue;
    }
    let rowXml = found[0].endsWith("/>") ? `${found[0].slice(0, -2)}></row>` : found[0];
    const cellRe = new RegExp(`<c r="${e.cell}"([^>]*?)(/>|>[\\s\\S]*?</c>)`);
    const cell = cellRe.exec(rowXml);
    if (cell) {
      const style = /s="(\d+)"/.exec(cell[1])?.[1] ?? null;
      rowXml = rowXml.replace(cellRe, cellXml(e.cell, style, e));
    } else {
      const later = [...rowXml.matchAll(/<c r="([A-Z]+)\d+"/g)].find((x) => colNumber(x[1]) > col);
      const at = later ? later.index! : rowXml.lastIndexOf("</row>");
      rowXml = `${rowXml.slice(0, at)}${cellXml(e.cell, null, e)}${rowXml.slice(at)}`;
    }
    xml = xml.slice(0, found.index) + rowXml + xml.slice(found.index + found[0].length);
  }
  files[name] = strToU8(xml);
  return zipSync(files);
}
