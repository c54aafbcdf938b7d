import ExcelJS from "exceljs";
import path from "path";
import { DEFAULT_CATALOG, formToJson, META_SHEET, renderForm, ROWS } from "../../src/domain";
import { nodeInflate, readFormFile, readFormsFromBytes, writeFormFile } from "../../src/xlsx";
import { blankMeta, sampleMeta, sampleReport, tmpDir } from "../helpers";

async function writeSample(dir: string, name = "chom-thong.xlsx") {
  const file = path.join(dir, name);
  await writeFormFile(file, renderForm(DEFAULT_CATALOG, sampleMeta(), sampleReport()));
  return file;
}

describe("xlsx form files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tmpDir();
  });

  it("round-trips every field of a report through a file", async () => {
    const file = await writeSample(dir);
    const { form } = await readFormFile(file);
    const json = formToJson(form);
    const report = sampleReport();
    expect(json).toMatchObject({
      unit: "สำนักงานเขตจอมทอง",
      unitCode: "1035",
      fiscalYear: 2567,
      round: 6,
      passMark: 85,
      formVersion: "2567.1",
    });
    expect(
      json.items.map(({ code, score, issue, measures, results, evidence }) => ({
        code,
        score,
        issue,
        measures,
        results,
        evidence,
      }))
    ).toEqual(report.items);
    expect(json.problems).toEqual([]);
  });

  it("still reads every field after rows are inserted above an item", async () => {
    const file = await writeSample(dir, "inserted.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const before = (await readFormFile(file)).form.items.find((i) => i.code === "I22")!;
    ws.spliceRows(before.row, 0, ["", "แถวแทรก 1"], [], ["", "แถวแทรก 2"]);
    const edited = path.join(dir, "inserted-edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const { form } = await readFormFile(edited);
    const after = form.items.find((i) => i.code === "I22")!;
    expect(after.row).toBe(before.row + 3);
    expect(after.cells.score).toBe(`C${before.row + 3}`);
    expect(after.score).toBe(82.01);
    expect(form.items).toHaveLength(42);
    const report = sampleReport();
    expect(form.items.map((i) => i.results)).toEqual(report.items.map((i) => i.results));
  });

  it("counts a merged measures cell for each item under it", async () => {
    const file = await writeSample(dir, "merged.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const rows = (await readFormFile(file)).form.items;
    const i1 = rows.find((i) => i.code === "I1")!.row;
    ws.mergeCells(i1, 5, i1 + 3, 5);
    const edited = path.join(dir, "merged-edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const { form } = await readFormFile(edited);
    expect(new Set(form.items.slice(0, 4).map((i) => i.measures)).size).toBe(1);
    expect(form.items[3].measures).toBe(sampleReport().items[0].measures);
  });

  it("writes the layout: styles, validation, conditional format, protection, print setup, hidden metadata", async () => {
    const file = path.join(dir, "blank.xlsx");
    const model = renderForm(DEFAULT_CATALOG, blankMeta());
    await writeFormFile(file, model);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(model.name)!;
    const firstItem = model.rowKinds.find((k) => k.kind === "item")!.row;
    const score = ws.getCell(firstItem, 3);
    expect(score.dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 100],
    });
    expect(score.protection?.locked).toBe(false);
    expect(ws.getCell(firstItem, 2).protection?.locked).not.toBe(false);
    expect(ws.getCell(firstItem, 5).numFmt).toBe("@");
    expect(ws.getCell(firstItem, 2).font).toMatchObject({ name: "TH Sarabun New", size: 16 });
    expect(ws.getCell(ROWS.header, 2).value).toBe("ประเด็นการประเมิน");
    expect(ws.getCell(ROWS.header, 4).value).toBe("ประเด็นที่เป็นที่ต้องปรับปรุง/ยกระดับการพัฒนา");
    const cf = (
      ws as unknown as {
        conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[];
      }
    ).conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0].rules[0].formulae[0]).toContain("$C$7");
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> })
      .sheetProtection;
    expect(protection).toMatchObject({ sheet: true, insertRows: true });
    expect(protection).not.toHaveProperty("hashValue");
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToWidth: 1,
      printTitlesRow: "11:11",
    });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: ROWS.header });
    const meta = wb.getWorksheet(META_SHEET)!;
    expect(meta.state).toBe("veryHidden");
    const pairs = meta
      .getSheetValues()
      .slice(2)
      .map((r) => (r as string[]).slice(1, 4));
    expect(pairs).toContainEqual([model.name, "formVersion", "2567.1"]);
    expect(pairs).toContainEqual([model.name, "unitCode", "1035"]);
  });

  it("reads a form whose visible metadata was cleared from the hidden metadata sheet", async () => {
    const file = await writeSample(dir, "cleared.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    for (let r = ROWS.metaFirst; r < ROWS.header; r++) wb.worksheets[0].getCell(r, 3).value = null;
    const [form] = readFormsFromBytes(file, new Uint8Array(await wb.xlsx.writeBuffer()), {
      inflate: nodeInflate,
    });
    expect(form.unit.value?.code).toBe("1035");
    expect(form.fiscalYear.value).toBe(2567);
    expect(form.formVersion).toBe("2567.1");
  });

  it("stores district text that starts with = as text, never as a formula", async () => {
    const report = sampleReport();
    report.items[0].measures = '=HYPERLINK("http://evil","x")';
    report.items[1].results = "+1 ดำเนินการแล้ว";
    const file = path.join(dir, "formula-text.xlsx");
    await writeFormFile(file, renderForm(DEFAULT_CATALOG, sampleMeta(), report));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const { form } = await readFormFile(file);
    const cell = wb.worksheets[0].getCell(form.items[0].cells.measures);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(form.items[0].measures).toBe(report.items[0].measures);
    expect(form.items[1].results).toBe("+1 ดำเนินการแล้ว");
  });
});

describe("row heights in written files", () => {
  it("stores estimated heights for wrapped rows without marking them manual, so Excel still re-fits them", async () => {
    const { unzipSync, strFromU8 } = await import("fflate");
    const { estimateRowHeight, LINE_POINTS } = await import("../../src/domain");
    expect(estimateRowHeight([{ text: "สั้น", width: 40 }])).toBeNull();
    expect(estimateRowHeight([{ text: "บรรทัดหนึ่ง\nบรรทัดสอง\nบรรทัดสาม", width: 40 }])).toBe(
      3 * LINE_POINTS + 4
    );
    const long = estimateRowHeight([{ text: "ก".repeat(600), width: 40 }])!;
    expect(long).toBeGreaterThan(10 * LINE_POINTS);
    // Thai marks above and below the line take no width.
    expect(estimateRowHeight([{ text: "กี่".repeat(30), width: 40 }])).toBe(
      estimateRowHeight([{ text: "ก".repeat(30), width: 40 }])
    );

    const dir = await tmpDir();
    const file = path.join(dir, "heights.xlsx");
    await writeFormFile(file, renderForm(DEFAULT_CATALOG, sampleMeta(), sampleReport()));
    const xml = strFromU8(
      unzipSync(new Uint8Array(await (await import("fs")).promises.readFile(file)))[
        "xl/worksheets/sheet1.xml"
      ]
    );
    const rows = xml.match(/<row\b[^>]*>/g)!;
    expect(rows.filter((r) => / ht="/.test(r)).length).toBeGreaterThan(20);
    expect(rows.some((r) => r.includes("customHeight"))).toBe(false);
  });
});
