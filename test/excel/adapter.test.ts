import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import {
  formToJson,
  renderForm,
  validate,
  META_SHEET,
  freeSheetName,
  normalizableScores,
  parseScoresList,
  plannedScoreChanges,
  loadFormDef,
} from "../../src/domain";
import { FY2567 } from "../forms";
import {
  ExcelActionError,
  insertStandardMeasures,
  MARK_FILL,
  markIssues,
  memoryMarkStore,
  readActiveForm,
  scaffoldSheet,
  selectCell,
  SheetExistsError,
  writeScores,
} from "../../src/excel";
import { nodeInflate, readFormsFromBytes, writeFormWorkbook } from "../../src/xlsx";
import { FakeExcelHost } from "../host/fakeExcel";
import { blankMeta, colOf, sampleMeta, sampleReport, tmpDir } from "../helpers";
import { rowBreaks, sheetSnapshot } from "./snapshot";

const NOW = new Date(2024, 4, 1);

async function scaffolded(report = true) {
  const host = new FakeExcelHost();
  const model = renderForm(
    FY2567,
    report ? sampleMeta() : blankMeta(),
    report ? sampleReport() : undefined
  );
  await host.run((ctx) => scaffoldSheet(ctx, model));
  return { host, model };
}

async function reload(host: FakeExcelHost) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await host.xlsx()) as unknown as ArrayBuffer);
  return wb;
}

describe("fake Excel host", () => {
  it("refuses to read a loaded property before sync, as Excel does", async () => {
    const host = new FakeExcelHost();
    host.wb.addWorksheet("S").getCell("A1").value = 5;
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1").load("values");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(r.values).toEqual([[5]]);
    });
  });

  it("queues writes until sync and turns '=…' into a formula unless the cell is text", async () => {
    const host = new FakeExcelHost();
    host.wb.addWorksheet("S");
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("B1").numberFormat = [["@"]];
      await ctx.sync();
      ws.getRange("A1").values = [["=1+1"]];
      ws.getRange("B1").values = [["=1+1"]];
      expect(host.wb.getWorksheet("S")!.getCell("A1").value).toBeNull();
      await ctx.sync();
    });
    expect(host.wb.getWorksheet("S")!.getCell("A1").formula).toBe("1+1");
    expect(host.wb.getWorksheet("S")!.getCell("B1").value).toBe("=1+1");
  });
});

describe("fake Excel host: sheet protection", () => {
  it("lets values into unlocked cells only, and refuses format changes, as Excel does", async () => {
    const { host } = await scaffolded();
    const { form } = await host.run((ctx) => readActiveForm(ctx));
    const i1 = form.items[0];
    const attempt = (f: (ws: Excel.Worksheet) => void) =>
      host.run(async (ctx) => {
        f(ctx.workbook.worksheets.getItem(form.sheet));
        await ctx.sync();
      });
    await expect(
      attempt((ws) => (ws.getRange(i1.cells.score).values = [[90]]))
    ).resolves.toBeUndefined();
    await expect(
      attempt((ws) => (ws.getRange(`${colOf("item")}${i1.row}`).values = [["แก้ข้อความคำถาม"]]))
    ).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(
      attempt((ws) => (ws.getRange(i1.cells.score).format.fill.color = "#FF0000"))
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });
});

describe("scaffold through Office.js", () => {
  it("writes the whole form in one 2D values write: 3 requests, then one per finishing step", async () => {
    const { host } = await scaffolded();
    const ctx = host.lastContext;
    // sheet names; number formats; values and styles; row heights, print, protect, activate
    expect(ctx.syncCount).toBe(3 + 4);
    expect(
      ctx.log.filter((l) => l.endsWith("range.values") && l.startsWith("ITA 2567"))
    ).toHaveLength(1);
    const [form] = readFormsFromBytes("office.xlsx", await host.xlsx(), { inflate: nodeInflate });
    expect(form.items).toHaveLength(42);
    expect(formToJson(form).items.map((i) => i.score)).toEqual(
      sampleReport().items.map((i) => i.score)
    );
    expect(host.state.active).toBe(form.sheet);
  });

  it("keeps the same number of syncs for a second form (metadata sheet already there)", async () => {
    const { host } = await scaffolded();
    const model = renderForm(FY2567, { ...sampleMeta(), round: 12 });
    await host.run((ctx) => scaffoldSheet(ctx, model));
    expect(host.lastContext.syncCount).toBe(4 + 4);
    const wb = await reload(host);
    expect(
      readFormsFromBytes("x", await host.xlsx(), { inflate: nodeInflate }).map((f) => [
        f.sheet,
        f.round.value,
      ])
    ).toEqual([
      ["ITA 2567 รอบ 6", 6],
      ["ITA 2567 รอบ 12", 12],
    ]);
    const metaSheets = wb
      .getWorksheet(META_SHEET)!
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as string[])[1]);
    // One row per key, the form's definition included (the form travels with the workbook).
    expect(model.metadata.map(([k]) => k)).toContain("formDefinition.1");
    expect(metaSheets.filter((s) => s === "ITA 2567 รอบ 12")).toHaveLength(model.metadata.length);
  });

  it("never writes over an existing sheet", async () => {
    const { host, model } = await scaffolded();
    const before = host.wb.worksheets.length;
    await expect(host.run((ctx) => scaffoldSheet(ctx, model))).rejects.toThrow(SheetExistsError);
    expect(host.lastContext.syncCount).toBe(1);
    expect(host.wb.worksheets.length).toBe(before);
    expect(
      freeSheetName(
        model.name,
        host.wb.worksheets.map((w) => w.name)
      )
    ).toBe(`${model.name} (2)`);
  });

  it("writes the same form as the CLI, cell for cell (values, formats, validation, conditional format, locks, metadata)", async () => {
    const { host, model } = await scaffolded();
    const office = await reload(host);
    const dir = await tmpDir();
    const file = path.join(dir, "cli.xlsx");
    await writeFormWorkbook(file, model);
    const cli = new ExcelJS.Workbook();
    await cli.xlsx.readFile(file);
    const a = sheetSnapshot(office, model.name);
    const b = sheetSnapshot(cli, model.name);
    expect(Object.keys(a.cells).length).toBeGreaterThan(400);
    for (const key of Object.keys(b.cells))
      expect([key, a.cells[key]]).toEqual([key, b.cells[key]]);
    expect(a).toEqual(b);
    // Row heights, the print area and the page breaks are part of the printed form.
    expect(a.heights.filter((h) => h !== null).length).toBeGreaterThan(model.rowCount / 2);
    expect(a.printArea).toBe(`C8:G${model.rowCount}`);
    const breaks = rowBreaks(await host.xlsx(), model.name);
    expect(breaks.length).toBeGreaterThan(10);
    expect(breaks).toEqual(rowBreaks(await fs.readFile(file), model.name));
    expect(breaks).toEqual(model.print.breaksBefore.map((r) => r - 1));
  });

  it("keeps the pass mark a number wherever it is typed: number format, validation, a highlight that reads text", async () => {
    const { host, model } = await scaffolded();
    const ws = host.wb.getWorksheet(model.name)!;
    const { form } = await host.run((ctx) => readActiveForm(ctx));
    const at = form.passMark.cell!;
    expect(ws.getCell(at).value).toBe(85);
    expect(ws.getCell(at).numFmt || "General").toBe("General");
    expect(ws.getCell(form.unit.cell!).numFmt).toBe("@");
    expect(ws.getCell(at).dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 100],
      showErrorMessage: true,
    });
    const cf = (ws as unknown as { conditionalFormattings: { rules: { formulae: string[] }[] }[] })
      .conditionalFormattings[0].rules[0].formulae[0];
    const ref = form.passMark.cell!.replace(/([A-Z]+)(\d+)/, "$$$1$$$2");
    expect(cf).toContain(`ISNUMBER(VALUE(${ref}))`);
    expect(cf).not.toContain(`ISNUMBER(${ref})`);
  });

  it("removes a half-written sheet when Excel fails the write", async () => {
    const host = new FakeExcelHost();
    const model = renderForm(FY2567, blankMeta());
    host.faults.add({ op: /format\.wrapText/, code: "InvalidOperationInCellEditMode", times: 1 });
    const err = await host.run((ctx) => scaffoldSheet(ctx, model)).catch((e) => e);
    expect(err).toBeInstanceOf(ExcelActionError);
    expect(err.reason.th).toContain("แก้ไขเซลล์");
    expect(host.wb.getWorksheet(model.name)).toBeUndefined();
    expect(host.wb.getWorksheet(META_SHEET)).toBeUndefined();
    expect(host.wb.worksheets.map((w) => w.name)).toEqual(["Sheet1"]);
  });
});

describe("validate through Office.js", () => {
  it("reads in one sync, marks issue cells in one more and clears the marks of an earlier run", async () => {
    // A report with one item under the pass mark and nothing written for it, in a group of its own.
    const report = sampleReport();
    const lone = FY2567.items.find(
      (c) =>
        c.measureGroup === c.code &&
        FY2567.items.filter((o) => o.measureGroup === c.code).length === 1 &&
        report.items.find((i) => i.code === c.code)!.score! >= 85
    )!;
    report.items = report.items.map((i) =>
      i.code === lone.code ? { ...i, score: 70, measures: "", results: "", evidence: "" } : i
    );
    const host = new FakeExcelHost();
    await host.run((ctx) => scaffoldSheet(ctx, renderForm(FY2567, sampleMeta(), report)));
    const store = memoryMarkStore();
    const { form, protectedSheet, syncs } = await host.run((ctx) => readActiveForm(ctx));
    expect(syncs).toBe(1);
    expect(host.lastContext.syncCount).toBe(1);
    expect(protectedSheet).toBe(true);
    const result = validate(form, { now: NOW });
    expect(result.flags.map((f) => f.code).sort()).toEqual(["I22", lone.code].sort());
    await host.run((ctx) => markIssues(ctx, form, result.issues, protectedSheet, store));
    expect(host.lastContext.syncCount).toBe(1);
    const ws = host.wb.getWorksheet(form.sheet)!;
    const fillOf = (cell: string) => (ws.getCell(cell).fill as ExcelJS.FillPattern)?.fgColor?.argb;
    const item = form.items.find((i) => i.code === lone.code)!;
    expect(fillOf(item.cells.measures)).toBe(`FF${MARK_FILL.error.slice(1)}`);
    // I22 shares the measures of I21–I24: the warning marks the group's cell, where the text is.
    const i22 = form.items.find((i) => i.code === "I22")!;
    const i21 = form.items.find((i) => i.code === "I21")!;
    expect(ws.getCell(i22.cells.measures).value).toBeTruthy();
    expect(i21.sharedWith).toContain("I22");
    // The group's text goes on over a page in a "(ต่อ)" part, I22's row in it: the warning marks
    // the cell the text begins in, where a measure for I22 is typed (typing over the part cut it).
    const start = i22.starts?.measures ?? i22.cells.measures;
    expect(String(ws.getCell(start).value)).not.toMatch(/^\(ต่อ\)/);
    expect(fillOf(start)).toBe(`FF${MARK_FILL.warning.slice(1)}`);
    expect([i22.cells.measures, start]).toEqual(["E57", "E55"]);
    expect(String(ws.getCell("E57").value)).toMatch(/^\(ต่อ\)/);
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(
      true
    );

    // Standard measures are never written over a group's text.
    const i22cat = FY2567.byCode.get("I22")!;
    const refused = await host
      .run((ctx) => insertStandardMeasures(ctx, form, i22cat, i22cat.standardMeasures.slice(0, 1)))
      .catch((e) => e);
    expect(refused).toBeInstanceOf(ExcelActionError);
    expect(refused.reason.en).toContain("I21–I24");

    // Fix the lone item and validate again: its old mark is cleared.
    await host.run((ctx) =>
      insertStandardMeasures(ctx, form, lone, lone.standardMeasures.slice(0, 2))
    );
    const again = await host.run((ctx) => readActiveForm(ctx));
    const fixed = again.form.items.find((i) => i.code === lone.code)!;
    expect(fixed.measures).toBe(`1. ${lone.standardMeasures[0]}\n2. ${lone.standardMeasures[1]}`);
    const result2 = validate(again.form, { now: NOW });
    expect(
      result2.issues.find((i) => i.code === lone.code && i.rule === "flag.measures-required")
    ).toBeUndefined();
    await host.run((ctx) =>
      markIssues(ctx, again.form, result2.issues, again.protectedSheet, store)
    );
    expect(ws.getCell(item.cells.measures).fill).toBeUndefined();
  });

  it("reads a sheet after rows were inserted and understands scores typed as text", async () => {
    const { host, model } = await scaffolded();
    const ws = host.wb.getWorksheet(model.name)!;
    const first = await host.run((ctx) => readActiveForm(ctx));
    const i1 = first.form.items[0];
    const score = colOf("score");
    ws.spliceRows(i1.row, 0, ["", "", "แถวที่แทรก"]);
    ws.getCell(`${score}${i1.row + 1}`).value = "๙๖.๓๑";
    ws.getCell(`${score}${first.form.items[1].row + 1}`).value = "96.86 คะแนน";
    const { form } = await host.run((ctx) => readActiveForm(ctx));
    expect(form.items[0]).toMatchObject({ code: "I1", row: i1.row + 1, score: 96.31 });
    expect(form.items[1].score).toBe(96.86);
    // The text typed in the inserted row is in no item's cell: validation names it, above I1.
    expect(
      validate(form, { now: NOW })
        .issues.filter((i) => i.rule === "form.stray-text")
        .map((i) => [i.cell, i.code])
    ).toEqual([[`C${i1.row}`, null]]);
    const fixes = normalizableScores(form);
    expect(fixes.map((f) => [f.code, f.after])).toEqual([
      ["I1", 96.31],
      ["I2", 96.86],
    ]);
    await host.run((ctx) => writeScores(ctx, form.sheet, fixes));
    expect(host.lastContext.syncCount).toBe(1);
    expect(ws.getCell(`${score}${i1.row + 1}`).value).toBe(96.31);
  });

  it("reads a form this copy does not bundle from the definition the workbook carries", async () => {
    const def = JSON.parse(JSON.stringify(FY2567.definition));
    def.version = "2569.1";
    def.fiscalYear = 2569;
    def.tools[1].indicators[2].items.push({ code: "E16", text: "ข้อใหม่", issue: "ประเด็นใหม่" });
    const host = new FakeExcelHost();
    await host.run((ctx) =>
      scaffoldSheet(ctx, renderForm(loadFormDef(def), { ...sampleMeta(), fiscalYear: 2569 }))
    );
    const { form, syncs } = await host.run((ctx) => readActiveForm(ctx));
    expect(form.formDef.version).toBe("2569.1");
    expect(form.items.map((i) => i.code)).toContain("E16");
    expect(syncs).toBe(2); // the metadata sheet is read only because the marker names another form
  });

  it("imports a pasted scores list with a preview of the changes, in one sync", async () => {
    const { host } = await scaffolded(false);
    const { form } = await host.run((ctx) => readActiveForm(ctx));
    const { scores, unmatched } = parseScoresList("I22\t๘๒.๐๑\nI1 (96.31 คะแนน)\nE99 50", FY2567);
    const changes = plannedScoreChanges(form, scores);
    expect(changes.map((c) => [c.code, c.before, c.after])).toEqual([
      ["I22", "", 82.01],
      ["I1", "", 96.31],
    ]);
    expect(unmatched).toHaveLength(1);
    await host.run((ctx) => writeScores(ctx, form.sheet, changes));
    const after = await host.run((ctx) => readActiveForm(ctx));
    expect(after.form.items.find((i) => i.code === "I22")!.score).toBe(82.01);
  });

  it("selects the cell of an issue", async () => {
    const { host } = await scaffolded();
    await host.run((ctx) => selectCell(ctx, "ITA 2567 รอบ 6", "E39"));
    expect(host.lastContext.syncCount).toBe(1);
    expect(host.state.selected).toBe("ITA 2567 รอบ 6!E39");
  });

  it("explains a sheet that is not a form and one protected by someone else", async () => {
    const host = new FakeExcelHost();
    host.wb.getWorksheet("Sheet1")!.getCell("A1").value = "งบประมาณ";
    const err = await host.run((ctx) => readActiveForm(ctx)).catch((e) => e);
    expect(err).toBeInstanceOf(ExcelActionError);
    expect(err.reason.en).toMatch(/No ITA report header/);

    const { host: h2 } = await scaffolded();
    const { form, protectedSheet } = await h2.run((ctx) => readActiveForm(ctx));
    h2.faults.add({ op: /protection\.unprotect/, code: "AccessDenied" });
    const e2 = await h2
      .run((ctx) => markIssues(ctx, form, [], protectedSheet, memoryMarkStore()))
      .catch((e) => e);
    expect(e2.reason.th).toContain("ถูกป้องกัน");
  });
});
