/**
 * `worksheet.pageLayout` (ExcelApi 1.9): orientation, paper size, fit to pages, margins (points), print
 * titles and print area (`setPrintArea` takes an address or a range; learn.microsoft.com
 * javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-setprintarea-member(1)), and the
 * header and footer for all pages (`headersFooters.defaultForAllPages`, Excel.HeaderFooter: six
 * strings in Excel's header codes, recorded as the file's `&L…&C…&R…`).
 */
import type ExcelJS from "exceljs";
import type { FakeWorksheet } from "./worksheet";

export class FakePageLayout {
  readonly _path: number;
  constructor(private readonly ws: FakeWorksheet) {
    this._path = ws.ctx.request.object("property", "PageLayout", ws._path);
  }
  private set(name: string, v: unknown, f: (s: ExcelJS.Worksheet) => void) {
    this.ws.op(`pageLayout.${name}`, f, {
      kind: "set",
      name: name[0].toUpperCase() + name.slice(1),
      path: this._path,
      args: [v],
    });
  }
  set orientation(v: string) {
    this.set(
      "orientation",
      v,
      (s) => (s.pageSetup.orientation = v === "Landscape" ? "landscape" : "portrait")
    );
  }
  set paperSize(v: string) {
    this.set("paperSize", v, (s) => (s.pageSetup.paperSize = v === "A4" ? 9 : undefined));
  }
  set zoom(z: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.set("zoom", z, (s) =>
      z.scale !== undefined
        ? Object.assign(s.pageSetup, { fitToPage: false, scale: z.scale })
        : Object.assign(s.pageSetup, {
            fitToPage: true,
            fitToWidth: z.horizontalFitToPages,
            fitToHeight: z.verticalFitToPages,
          })
    );
  }
  set printOrder(v: "DownThenOver" | "OverThenDown") {
    this.set(
      "printOrder",
      v,
      (s) => (s.pageSetup.pageOrder = v === "OverThenDown" ? "overThenDown" : "downThenOver")
    );
  }
  set leftMargin(pt: number) {
    this.margin("left", pt);
  }
  set rightMargin(pt: number) {
    this.margin("right", pt);
  }
  set topMargin(pt: number) {
    this.margin("top", pt);
  }
  set bottomMargin(pt: number) {
    this.margin("bottom", pt);
  }
  set headerMargin(pt: number) {
    this.margin("header", pt);
  }
  set footerMargin(pt: number) {
    this.margin("footer", pt);
  }
  private margin(side: string, pt: number) {
    this.set(`${side}Margin`, pt, (s) => {
      const m = (s.pageSetup.margins ?? {}) as unknown as Record<string, number>;
      m[side] = Math.round((pt / 72) * 1000) / 1000;
      s.pageSetup.margins = m as unknown as ExcelJS.Margins;
    });
  }
  setPrintTitleRows(address: string): void {
    this.ws.op(
      "pageLayout.setPrintTitleRows",
      (s) => (s.pageSetup.printTitlesRow = address.replace(/\$/g, "")),
      { kind: "method", name: "SetPrintTitleRows", path: this._path, args: [address] }
    );
  }
  setPrintTitleColumns(address: string): void {
    this.ws.op(
      "pageLayout.setPrintTitleColumns",
      (s) => (s.pageSetup.printTitlesColumn = address.replace(/\$/g, "")),
      { kind: "method", name: "SetPrintTitleColumns", path: this._path, args: [address] }
    );
  }
  private headersFootersL?: FakeHeaderFooterGroup;
  get headersFooters(): FakeHeaderFooterGroup {
    return (this.headersFootersL ??= new FakeHeaderFooterGroup(this.ws, this._path));
  }
  setPrintArea(address: string): void {
    this.ws.op(
      "pageLayout.setPrintArea",
      (s) => (s.pageSetup.printArea = address.replace(/\$/g, "")),
      { kind: "method", name: "SetPrintArea", path: this._path, args: [address] }
    );
  }
}

export class FakeHeaderFooterGroup {
  readonly _path: number;
  private defaultL?: FakeHeaderFooter;
  constructor(
    private readonly ws: FakeWorksheet,
    parent: number
  ) {
    this._path = ws.ctx.request.object("property", "HeadersFooters", parent);
  }
  get defaultForAllPages(): FakeHeaderFooter {
    return (this.defaultL ??= new FakeHeaderFooter(this.ws, this._path));
  }
}

type Section =
  "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter";

export class FakeHeaderFooter {
  readonly _path: number;
  private readonly sections: Partial<Record<Section, string>> = {};
  constructor(
    private readonly ws: FakeWorksheet,
    parent: number
  ) {
    this._path = ws.ctx.request.object("property", "DefaultForAllPages", parent);
  }
  private set(name: Section, v: string) {
    if (typeof v !== "string") throw new TypeError(`HeaderFooter.${name} takes a string`);
    this.ws.op(
      `pageLayout.headersFooters.defaultForAllPages.${name}`,
      (s) => {
        this.sections[name] = v;
        const part = (kind: "Header" | "Footer") =>
          (["left", "center", "right"] as const)
            .map((side) => {
              const text = this.sections[`${side}${kind}`];
              return text ? `&${side[0].toUpperCase()}${text}` : "";
            })
            .join("");
        s.headerFooter = {
          ...s.headerFooter,
          oddHeader: part("Header") || undefined,
          oddFooter: part("Footer") || undefined,
        };
      },
      { kind: "set", name: name[0].toUpperCase() + name.slice(1), path: this._path, args: [v] }
    );
  }
  set leftHeader(v: string) {
    this.set("leftHeader", v);
  }
  set centerHeader(v: string) {
    this.set("centerHeader", v);
  }
  set rightHeader(v: string) {
    this.set("rightHeader", v);
  }
  set leftFooter(v: string) {
    this.set("leftFooter", v);
  }
  set centerFooter(v: string) {
    this.set("centerFooter", v);
  }
  set rightFooter(v: string) {
    this.set("rightFooter", v);
  }
}
