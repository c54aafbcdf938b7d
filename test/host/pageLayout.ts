/** `worksheet.pageLayout`: orientation, paper size, fit to pages, margins (points) and print titles. */
import type ExcelJS from "exceljs";
import type { FakeWorksheet } from "./worksheet";

export class FakePageLayout {
  constructor(private readonly ws: FakeWorksheet) {}
  set orientation(v: string) {
    this.ws.op(
      "pageLayout.orientation",
      (s) => (s.pageSetup.orientation = v === "Landscape" ? "landscape" : "portrait")
    );
  }
  set paperSize(v: string) {
    this.ws.op("pageLayout.paperSize", (s) => (s.pageSetup.paperSize = v === "A4" ? 9 : undefined));
  }
  set zoom(z: { horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.ws.op("pageLayout.zoom", (s) =>
      Object.assign(s.pageSetup, {
        fitToPage: true,
        fitToWidth: z.horizontalFitToPages,
        fitToHeight: z.verticalFitToPages,
      })
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
    this.ws.op(`pageLayout.${side}Margin`, (s) => {
      const m = (s.pageSetup.margins ?? {}) as unknown as Record<string, number>;
      m[side] = Math.round((pt / 72) * 1000) / 1000;
      s.pageSetup.margins = m as unknown as ExcelJS.Margins;
    });
  }
  setPrintTitleRows(address: string): void {
    this.ws.op(
      "pageLayout.setPrintTitleRows",
      (s) => (s.pageSetup.printTitlesRow = address.replace(/\$/g, ""))
    );
  }
}
