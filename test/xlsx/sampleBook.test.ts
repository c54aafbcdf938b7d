/**
 * The reader's warm-up sample (xlsx/write/sampleBook, read by the pane's workers while the user picks
 * files): what it writes must be a district's form the reader takes as any other, every field as the
 * report gave it, or the warm-up would follow another path than the files that come.
 */
import { strFromU8, unzipSync } from "fflate";
import { formToJson, metaFromReport, renderForm } from "../../src/domain";
import { readerSampleReport } from "../../src/domain/sampleData";
import { fflateInflate } from "../../src/xlsx/read/fflateInflate";
import { readUnitFile } from "../../src/xlsx/read/submission";
import { sampleBookBytes } from "../../src/xlsx/write/sampleBook";
import { FY2567 } from "../forms";
import { reportItemsOf, sampleMeta, sampleReport, sharedView } from "../helpers";

function readBack(bytes: Uint8Array) {
  const unit = readUnitFile("sample.xlsx", bytes, { inflate: fflateInflate });
  if (unit.kind !== "report") throw new Error(`read as ${unit.kind}`);
  expect(unit.subs).toHaveLength(1);
  const form = unit.subs[0].form;
  if (!form) throw new Error(JSON.stringify(unit.subs[0].error));
  return formToJson(form);
}

describe("the reader's warm-up sample", () => {
  it("reads back every field of a district's report, as a form file does", () => {
    const report = sampleReport();
    report.items[0].score = 80.5;
    report.items[0].issue = " =SUM(A1) starts with a space and an equals sign ";
    report.items[0].results = "1. จัดประชุม\n2. ติดประกาศ & แจ้งเวียน <ทุกฝ่าย>";
    const bytes = sampleBookBytes(renderForm(FY2567, sampleMeta(), report));
    // Written as typed, spaces kept and never a formula; the reader trims a cell as it trims any.
    expect(strFromU8(unzipSync(bytes)["xl/sharedStrings.xml"])).toContain(
      '<si><t xml:space="preserve"> =SUM(A1) starts with a space and an equals sign </t></si>'
    );
    const json = readBack(bytes);
    expect(json).toMatchObject({
      sheet: "ITA 2567 รอบ 6",
      formId: "bkk-district-ita",
      formVersion: "2567.1",
      unit: "สำนักงานเขตจอมทอง",
      unitCode: "1035",
      fiscalYear: 2567,
      round: 6,
      passMark: 85,
      problems: [],
    });
    expect(json.items[0]).toMatchObject({
      code: "I1",
      score: 80.5,
      issue: "=SUM(A1) starts with a space and an equals sign",
      results: "1. จัดประชุม\n2. ติดประกาศ & แจ้งเวียน <ทุกฝ่าย>",
    });
    const expected = sharedView(report).items.map((it, i) =>
      i === 0 ? { ...it, issue: it.issue.trim() } : it
    );
    expect(reportItemsOf(json.items)).toEqual(expected);
  });

  it("writes the sheet as the scaffold does: cells with formats, texts shared, the metadata hidden", () => {
    const parts = unzipSync(sampleBookBytes(renderForm(FY2567, sampleMeta(), sampleReport())));
    expect(Object.keys(parts).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "docProps/core.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/sharedStrings.xml",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ]);
    const workbook = strFromU8(parts["xl/workbook.xml"]);
    expect(workbook).toContain('<sheet name="ITA 2567 รอบ 6" sheetId="1" r:id="rId1"/>');
    expect(workbook).toContain(
      '<sheet name="ITA_META" sheetId="2" state="veryHidden" r:id="rId2"/>'
    );
    const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]);
    // The form's first row: helper columns empty but formatted, the unit's label a shared text.
    expect(sheet).toMatch(
      /<row r="1" ht="[\d.]+" customHeight="1" spans="1:7"[^>]*><c r="A1" s="\d+"\/>/
    );
    expect(sheet).toContain('<mergeCell ref="D1:E1"/>');
    // A text with lines keeps them (as Excel writes it).
    expect(strFromU8(parts["xl/sharedStrings.xml"])).toContain('<si><t xml:space="preserve">1. ');
  });

  it("reads the warm-up report back whole, with results under the pass mark as districts write them", () => {
    const report = readerSampleReport(FY2567);
    const json = readBack(sampleBookBytes(renderForm(FY2567, metaFromReport(report), report)));
    expect(json.unit).toBe("สำนักงานเขตพระนคร");
    expect(json.problems).toEqual([]);
    expect(json.items).toHaveLength(42);
    const under = json.items.filter((it) => it.score !== null && it.score < 85);
    expect(under.length).toBeGreaterThanOrEqual(10);
    expect(under.filter((it) => it.results !== "").length).toBeGreaterThanOrEqual(5);
    expect(json.items.map((it) => [it.code, it.score, it.results])).toEqual(
      sharedView(report).items.map((it) => [it.code, it.score, it.results])
    );
  });
});
