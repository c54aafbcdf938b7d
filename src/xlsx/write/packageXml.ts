/**
 * What every SpreadsheetML package we write has in common, browser-safe: the namespaces, text and
 * attribute escaping, the shared strings table, and the package's envelope (content types, the
 * package's and the workbook's relationships). The central summary (`summaryPackage.ts`) and the
 * pane's warm-up sample (`sampleBook.ts`) are both written with it.
 */
import { xmlSafe } from "../../domain/text";
import { escapeOoxml } from "./cellText";
import { PartData, PartStream, Utf8Builder } from "./utf8";

export const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export const escText = (s: string) =>
  xmlSafe(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
export const escAttr = (s: string) => escText(s).replace(/"/g, "&quot;");

/** Shared strings, each stored once. */
export class SharedStrings {
  private readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  /** @param preserve the texts whose `<t>` says xml:space="preserve" (by default: a space at an end). */
  constructor(private readonly preserve = /^\s|\s$/) {}

  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.push(s) - 1;
      this.index.set(s, i);
    }
    return i;
  }

  part(stream?: PartStream): PartData {
    const out = new Utf8Builder(stream);
    out.add(
      `${DECL}<sst xmlns="${NS_MAIN}" count="${this.list.length}" uniqueCount="${this.list.length}">`
    );
    for (const s of this.list) {
      const space = this.preserve.test(s) ? ' xml:space="preserve"' : "";
      out.add(`<si><t${space}>${escText(escapeOoxml(s))}</t></si>`);
    }
    out.add("</sst>");
    return out.part();
  }
}

/** A relationship of the workbook's part (`type` under the officeDocument relationships). */
export const relXml = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="${NS_REL}/${type}" Target="${target}"/>`;

/** The package's relationships: the workbook and the core properties. */
export const packageRelsXml = () =>
  `${DECL}<Relationships xmlns="${NS_PKG}">${relXml("rId1", "officeDocument", "xl/workbook.xml")}` +
  `<Relationship Id="rId2" Type="${NS_PKG}/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

/** The workbook's relationships: its `sheets` worksheets (rId1…), then styles and shared strings. */
export function workbookRelsXml(sheets: number): string {
  return (
    `${DECL}<Relationships xmlns="${NS_PKG}">` +
    Array.from({ length: sheets }, (_, i) =>
      relXml(`rId${i + 1}`, "worksheet", `worksheets/sheet${i + 1}.xml`)
    ).join("") +
    relXml(`rId${sheets + 1}`, "styles", "styles.xml") +
    relXml(`rId${sheets + 2}`, "sharedStrings", "sharedStrings.xml") +
    `</Relationships>`
  );
}

/** The content types of a workbook of `sheets` worksheets, styles, shared strings and core properties. */
export function contentTypesXml(sheets: number): string {
  return (
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
    Array.from(
      { length: sheets },
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`
    ).join("") +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
    `</Types>`
  );
}
