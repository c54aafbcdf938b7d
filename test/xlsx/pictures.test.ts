/**
 * Pictures on a sheet, as the reader hands them over on the grid (CellGrid.pictures): the cell of each
 * picture's top-left corner, for pictures floating over the sheet and pictures placed in cells.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { nodeInflate, openXlsx } from "../../src/xlsx";

// A 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64"
);

async function bookWith(addPictures: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("ภาพ");
  ws.getCell("A1").value = "หลักฐาน";
  addPictures(wb, ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const picturesOf = (bytes: Uint8Array) => {
  const book = openXlsx("pictures.xlsx", bytes, nodeInflate);
  return book.grid(book.sheets[0]).pictures;
};

describe("pictures on the grid", () => {
  it("gives the top-left cell (1-based) of each picture ExcelJS anchors over the sheet", async () => {
    const bytes = await bookWith((wb, ws) => {
      const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
      ws.addImage(image, { tl: { col: 4, row: 8 }, ext: { width: 40, height: 40 } }); // E9
      ws.addImage(image, "B3:C5");
      ws.addImage(image, { tl: { col: 6.5, row: 20.25 }, br: { col: 8, row: 22 } } as never); // G21
    });
    expect(picturesOf(bytes)).toEqual([
      { row: 3, col: 2 },
      { row: 9, col: 5 },
      { row: 21, col: 7 },
    ]);
  });

  it("counts pictures only: not shapes, not charts, not absolutely placed ones; grouped pictures count once each", async () => {
    const bytes = await bookWith((wb, ws) => {
      const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
      ws.addImage(image, "D4:E6");
    });
    const files = unzipSync(bytes);
    const name = Object.keys(files).find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))!;
    const xml = strFromU8(files[name]);
    const pic = /<xdr:pic>[\s\S]*?<\/xdr:pic>/.exec(xml)![0];
    const anchor = (from: string, body: string, kind = "twoCellAnchor") =>
      `<xdr:${kind}>${kind === "absoluteAnchor" ? '<xdr:pos x="0" y="0"/>' : `<xdr:from>${from}</xdr:from>`}<xdr:ext cx="1" cy="1"/>${body}<xdr:clientData/></xdr:${kind}>`;
    const at = (col: number, row: number) =>
      `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    const extra = [
      anchor(
        at(9, 0),
        '<xdr:sp><xdr:nvSpPr><xdr:cNvPr id="90" name="shape"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr/></xdr:sp>'
      ),
      anchor(
        at(9, 10),
        '<xdr:graphicFrame><xdr:nvGraphicFramePr><xdr:cNvPr id="91" name="chart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"/></a:graphic></xdr:graphicFrame>'
      ),
      anchor("", pic, "absoluteAnchor"),
      anchor(
        at(1, 30),
        `<xdr:grpSp><xdr:nvGrpSpPr><xdr:cNvPr id="92" name="g"/><xdr:cNvGrpSpPr/></xdr:nvGrpSpPr><xdr:grpSpPr/>${pic}${pic}</xdr:grpSp>`
      ),
      anchor(
        at(2, 40),
        `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="a14">${pic}</mc:Choice><mc:Fallback>${pic}</mc:Fallback></mc:AlternateContent>`,
        "oneCellAnchor"
      ),
    ].join("");
    files[name] = strToU8(xml.replace("</xdr:wsDr>", `${extra}</xdr:wsDr>`));
    expect(picturesOf(zipSync(files))).toEqual([
      { row: 4, col: 4 },
      { row: 31, col: 2 },
      { row: 31, col: 2 },
      { row: 41, col: 3 },
    ]);
  });

  it("finds the drawing through the sheet's relationships, not by its file name", async () => {
    const bytes = await bookWith((wb, ws) => {
      const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
      ws.addImage(image, "C2:D3");
    });
    const files = unzipSync(bytes);
    const name = Object.keys(files).find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))!;
    files["xl/pictures/evidence.xml"] = files[name];
    delete files[name];
    const rels = Object.keys(files).find((n) =>
      /^xl\/worksheets\/_rels\/sheet1\.xml\.rels$/.test(n)
    )!;
    files[rels] = strToU8(
      strFromU8(files[rels]).replace(
        /Target="[^"]*drawing\d+\.xml"/,
        'Target="/xl/pictures/evidence.xml"'
      )
    );
    // The drawing's own relationships move with it (not needed for the anchors).
    expect(picturesOf(zipSync(files))).toEqual([{ row: 2, col: 3 }]);
  });

  it("has no pictures on a sheet without a drawing", async () => {
    expect(picturesOf(await bookWith(() => undefined))).toEqual([]);
  });
});
