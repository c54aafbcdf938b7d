import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import { strFromU8, unzipSync } from "fflate";
import path from "path";
import {
  columnIndex,
  formToJson,
  META,
  META_SHEET,
  metaCell,
  renderForm,
  ROWS,
} from "../../src/domain";
import { FY2567 } from "../forms";
import {
  nodeInflate,
  readFormSheetFile,
  readFormsFromBytes,
  writeFormWorkbook,
} from "../../src/xlsx";
import {
  blankMeta,
  colOf,
  reportItemsOf,
  sampleMeta,
  sampleReport,
  sharedView,
  tmpDir,
} from "../helpers";

async function writeSample(dir: string, name = "chom-thong.xlsx") {
  const file = path.join(dir, name);
  await writeFormWorkbook(file, renderForm(FY2567, sampleMeta(), sampleReport()));
  return file;
}

describe("xlsx form files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tmpDir();
  });

  it("round-trips every field of a report through a file", async () => {
    const file = await writeSample(dir);
    const { form } = await readFormSheetFile(file);
    const json = formToJson(form);
    const report = sharedView(sampleReport());
    expect(json).toMatchObject({
      unit: "สำนักงานเขตจอมทอง",
      unitCode: "1035",
      fiscalYear: 2567,
      round: 6,
      passMark: 85,
      formVersion: "2567.1",
    });
    expect(reportItemsOf(json.items)).toEqual(report.items);
    expect(json.problems).toEqual([]);
  });

  it("still reads every field after rows are inserted above an item", async () => {
    const file = await writeSample(dir, "inserted.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const before = (await readFormSheetFile(file)).form.items.find((i) => i.code === "I22")!;
    ws.spliceRows(before.row, 0, ["", "แถวแทรก 1"], [], ["", "แถวแทรก 2"]);
    const edited = path.join(dir, "inserted-edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const { form } = await readFormSheetFile(edited);
    const after = form.items.find((i) => i.code === "I22")!;
    expect(after.row).toBe(before.row + 3);
    expect(after.cells.score).toBe(`${colOf("score")}${before.row + 3}`);
    expect(after.score).toBe(82.01);
    expect(form.items).toHaveLength(42);
    const report = sharedView(sampleReport());
    expect(form.items.map((i) => i.results)).toEqual(report.items.map((i) => i.results));
  });

  it("merges a measure group's measures, results and evidence over its items, page by page", async () => {
    const file = path.join(dir, "blank-groups.xlsx");
    const model = renderForm(FY2567, blankMeta());
    await writeFormWorkbook(file, model);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const merges = (wb.worksheets[0].model as unknown as { merges: string[] }).merges;
    const e = colOf("measures");
    // E1–E4 print on one page: one cell over their four rows.
    const row = (code: string) =>
      model.rowKinds.find((k) => k.code === code && k.kind === "item")!.row;
    const e1 = row("E1");
    const e4Last = Math.max(...model.rowKinds.filter((k) => k.code === "E4").map((k) => k.row));
    const onePage = !model.print.breaksBefore.some((b) => b > e1 && b <= e4Last);
    if (onePage) expect(merges).toContain(`${e}${e1}:${e}${e4Last}`);
    // Typing once into the group's cell gives every item of the group its measures.
    wb.worksheets[0].getCell(`${e}${e1}`).value = "จัดประชุมชี้แจงเจ้าหน้าที่";
    const edited = path.join(dir, "blank-groups-typed.xlsx");
    await wb.xlsx.writeFile(edited);
    const { form } = await readFormSheetFile(edited);
    const get = (code: string) => form.items.find((i) => i.code === code)!;
    expect(["E1", "E2", "E3", "E4"].map((c) => get(c).measures)).toEqual(
      Array(4).fill("จัดประชุมชี้แจงเจ้าหน้าที่")
    );
    expect(get("E5").measures).toBe("");
    expect(get("E2").sharedWith).toEqual(["E1", "E3", "E4"]);
  });

  it("writes the layout: styles, validation, conditional format, protection, print setup, hidden metadata", async () => {
    const file = path.join(dir, "blank.xlsx");
    const model = renderForm(FY2567, blankMeta());
    await writeFormWorkbook(file, model);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(model.name)!;
    const firstItem = model.rowKinds.find((k) => k.kind === "item")!.row;
    const col = (key: Parameters<typeof columnIndex>[0]) => columnIndex(key);
    const score = ws.getCell(firstItem, col("score"));
    expect(score.dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 100],
    });
    expect(score.protection?.locked).toBe(false);
    expect(ws.getCell(firstItem, col("item")).protection?.locked).not.toBe(false);
    expect(ws.getCell(firstItem, col("measures")).numFmt).toBe("@");
    expect(ws.getCell(firstItem, col("item")).font).toMatchObject({
      name: "TH Sarabun New",
      size: 16,
    });
    // The item text shows the score as the form prints it, by a formula over the score cell.
    expect(ws.getCell(firstItem, col("item")).formula).toContain(
      `FIXED(${colOf("score")}${firstItem},IF(${colOf("score")}${firstItem}=INT(${colOf("score")}${firstItem}),0,2))`
    );
    // The five official column headers, in order, each in at most three lines broken where a reader
    // would break them.
    expect([3, 4, 5, 6, 7].map((c) => ws.getCell(ROWS.header, c).value)).toEqual([
      "ประเด็นการประเมิน",
      "ประเด็นที่เป็น\nที่ต้องปรับปรุง/\nยกระดับการพัฒนา",
      "มาตรการ/กิจกรรม\nในการเตรียมความ\nพร้อมรับการประเมิน",
      "ผลการดำเนินการตาม\nมาตรการยกระดับคุณธรรมและ\nความโปร่งใสภายในหน่วยงาน",
      "ภาพกิจกรรมที่แสดง\nถึงการปฏิบัติจริง\nอย่างเป็นรูปธรรม",
    ]);
    // The pass mark stays a number, validated 0–100; the highlight reads it as a number or text.
    const pass = metaCell("passMark").address;
    expect(ws.getCell(pass).value).toBe(85);
    expect(ws.getCell(pass).numFmt ?? "General").not.toBe("@");
    expect(ws.getCell(pass).dataValidation).toMatchObject({ type: "decimal", formulae: [0, 100] });
    const cf = (
      ws as unknown as {
        conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[];
      }
    ).conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0].rules[0].formulae[0]).toContain(
      `VALUE(${pass.replace(/([A-Z]+)(\d+)/, "$$$1$$$2")})`
    );
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> })
      .sheetProtection;
    expect(protection).toMatchObject({ sheet: true, insertRows: true });
    // Activity photos can be inserted and moved on the protected sheet.
    expect(protection.objects).toBeUndefined();
    expect(protection).not.toHaveProperty("hashValue");
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToWidth: 1,
      printTitlesRow: `${ROWS.header}:${ROWS.header}`,
    });
    expect(ws.pageSetup.printArea?.replace(/\$/g, "")).toBe(`C${ROWS.title}:G${model.rowCount}`);
    const meta = wb.getWorksheet(META_SHEET)!;
    expect(meta.state).toBe("veryHidden");
    const pairs = meta
      .getSheetValues()
      .slice(2)
      .map((r) => (r as string[]).slice(1, 4));
    expect(pairs).toContainEqual([model.name, "formVersion", "2567.1"]);
    expect(pairs).toContainEqual([model.name, "unitCode", "1035"]);
  });

  it("reads a form whose visible metadata was cleared as it prints: no unit, year or round", async () => {
    const file = await writeSample(dir, "cleared.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    for (const m of META) wb.worksheets[0].getCell(metaCell(m.key).address).value = null;
    const [form] = readFormsFromBytes(file, new Uint8Array(await wb.xlsx.writeBuffer()), {
      inflate: nodeInflate,
    });
    expect([form.unit.value, form.fiscalYear.value, form.round.value]).toEqual([null, null, null]);
    expect(form.formVersion).toBe("2567.1");
  });

  it("stores district text that starts with = as text, never as a formula", async () => {
    const report = sampleReport();
    report.items[0].measures = '=HYPERLINK("http://evil","x")';
    report.items[1].results = "+1 ดำเนินการแล้ว";
    const file = path.join(dir, "formula-text.xlsx");
    await writeFormWorkbook(file, renderForm(FY2567, sampleMeta(), report));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const { form } = await readFormSheetFile(file);
    const cell = wb.worksheets[0].getCell(form.items[0].cells.measures);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(form.items[0].measures).toBe(report.items[0].measures);
    expect(form.items[1].results).toBe("+1 ดำเนินการแล้ว");
  });

  it("asks the app to calculate on opening, so labels over scores typed by another program are not stale", async () => {
    // The item labels "(xx.xx คะแนน)" are formulas over the score cells; a script that types scores
    // into the XML keeps our cached values. <calcPr fullCalcOnLoad="1"> asks for a calculation
    // (ECMA-376 Part 1, 18.2.2); LibreOffice (7.4, seen here) calculates only files whose
    // docProps/app.xml does not name Microsoft Excel as their application.
    const file = path.join(dir, "calc.xlsx");
    await writeFormWorkbook(file, renderForm(FY2567, blankMeta()));
    const parts = unzipSync(new Uint8Array(await fs.readFile(file)));
    expect(strFromU8(parts["xl/workbook.xml"])).toMatch(/<calcPr\b[^>]*\bfullCalcOnLoad="1"/);
    const app = strFromU8(parts["docProps/app.xml"]);
    expect(app).toContain("<Application>ITA report add-in</Application>");
    expect(app).not.toContain("Microsoft Excel");
  });
});

describe("row heights in written files", () => {
  it("stores a height for every row; only rows under merged cells are marked as set by hand", async () => {
    const { unzipSync, strFromU8 } = await import("fflate");
    const dir = await tmpDir();
    const file = path.join(dir, "heights.xlsx");
    const model = renderForm(FY2567, sampleMeta(), sampleReport());
    await writeFormWorkbook(file, model);
    const xml = strFromU8(
      unzipSync(new Uint8Array(await (await import("fs")).promises.readFile(file)))[
        "xl/worksheets/sheet1.xml"
      ]
    );
    const rows = xml.match(/<row\b[^>]*>/g)!;
    expect(rows).toHaveLength(model.rowCount);
    for (const tag of rows) {
      const r = Number(/\br="(\d+)"/.exec(tag)![1]);
      const h = model.rowHeights[r - 1];
      expect([r, Number(/ ht="([\d.]+)"/.exec(tag)![1])]).toEqual([r, h.pt]);
      expect([r, tag.includes('customHeight="1"')]).toEqual([r, h.fixed]);
    }
    expect(model.rowHeights.some((h) => !h.fixed)).toBe(true);
    // Manual page breaks where the layout put them.
    const breaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]) + 1);
    expect(breaks).toEqual(model.print.breaksBefore);
  });
});
