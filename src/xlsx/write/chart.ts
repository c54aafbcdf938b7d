/**
 * ExcelJS cannot write charts, so the summary's bar chart is added to the written package: a DrawingML
 * chart part, a drawing anchored on the sheet, their relationships and content types. Only used on
 * workbooks this program has just written.
 */
import { isDeflated, PartData, strFromU8, strToU8 } from "./utf8";
import { CellRange, colLetter } from "../../domain";

export interface ChartSpec {
  /** 1-based position of the sheet in the workbook (ExcelJS writes it as xl/worksheets/sheetN.xml). */
  sheetIndex: number;
  sheetName: string;
  title: string;
  categories: CellRange;
  values: CellRange;
  /** The cells the chart covers. */
  anchor: CellRange;
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const ref = (sheet: string, r: CellRange) =>
  `'${sheet.replace(/'/g, "''")}'!$${colLetter(r.c1)}$${r.r1}:$${colLetter(r.c2)}$${r.r2}`;

function chartXml(c: ChartSpec): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${esc(c.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${esc(c.title)}</c:v></c:tx><c:spPr><a:solidFill><a:srgbClr val="4472C4"/></a:solidFill></c:spPr><c:dLbls><c:numFmt formatCode="0.00" sourceLinked="0"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls><c:cat><c:strRef><c:f>${esc(ref(c.sheetName, c.categories))}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${esc(ref(c.sheetName, c.values))}</c:f></c:numRef></c:val></c:ser><c:gapWidth val="60"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart><c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx><c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/><c:max val="100"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`;
}

function drawingXml(c: ChartSpec, rId: string): string {
  const a = c.anchor;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>${a.c1 - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.r1 - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${a.c2}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.r2}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${esc(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${rId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
}

const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const rel = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;

/** A part's bytes, to edit: the parts a chart touches are never deflated ahead (`summaryPackage`). */
function bytesOf(files: Readonly<Record<string, PartData>>, name: string): Uint8Array {
  const data = files[name];
  if (isDeflated(data)) throw new Error(`${name} was deflated before its chart was added`);
  return data;
}

/** Add chart parts, their drawings and relationships to an unpacked workbook package. */
export function addCharts(files: Record<string, PartData>, charts: ChartSpec[]): void {
  let types = strFromU8(bytesOf(files, "[Content_Types].xml"));
  charts.forEach((c, i) => {
    const n = i + 1;
    const sheetPath = `xl/worksheets/sheet${c.sheetIndex}.xml`;
    const relsPath = `xl/worksheets/_rels/sheet${c.sheetIndex}.xml.rels`;
    if (!files[sheetPath]) throw new Error(`No ${sheetPath} in the workbook`);
    files[`xl/charts/chart${n}.xml`] = strToU8(chartXml(c));
    files[`xl/drawings/drawing${n}.xml`] = strToU8(drawingXml(c, "rId1"));
    files[`xl/drawings/_rels/drawing${n}.xml.rels`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}">${rel("rId1", "chart", `../charts/chart${n}.xml`)}</Relationships>`
    );
    const rId = `rIdItaChart${n}`;
    const sheetRels = files[relsPath]
      ? strFromU8(bytesOf(files, relsPath))
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"></Relationships>`;
    files[relsPath] = strToU8(
      sheetRels.replace(
        "</Relationships>",
        `${rel(rId, "drawing", `../drawings/drawing${n}.xml`)}</Relationships>`
      )
    );
    let sheet = strFromU8(bytesOf(files, sheetPath));
    const drawing = `<drawing r:id="${rId}"/>`;
    const at = [
      "<legacyDrawing",
      "<legacyDrawingHF",
      "<picture",
      "<oleObjects",
      "<controls",
      "<webPublishItems",
      "<tableParts",
      "<extLst",
      "</worksheet>",
    ]
      .map((tag) => sheet.indexOf(tag))
      .filter((x) => x >= 0)
      .sort((a, b) => a - b)[0];
    sheet = sheet.slice(0, at) + drawing + sheet.slice(at);
    if (!/xmlns:r=/.test(sheet.slice(0, sheet.indexOf(">", sheet.indexOf("<worksheet"))))) {
      sheet = sheet.replace(
        "<worksheet",
        '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
      );
    }
    files[sheetPath] = strToU8(sheet);
    types = types.replace(
      "</Types>",
      `<Override PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
        `<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`
    );
  });
  files["[Content_Types].xml"] = strToU8(types);
}
