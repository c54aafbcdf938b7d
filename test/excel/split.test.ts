import {
  cellHeightPt,
  columnIndex,
  columnWidthPt,
  COLUMNS,
  FONT,
  renderForm,
  validate,
} from "../../src/domain";
import { FY2567 } from "../forms";
import {
  ExcelActionError,
  insertStandardMeasuresMany,
  readActiveForm,
  scaffoldSheet,
  splitFromGroup,
} from "../../src/excel";
import { nodeInflate, readFormsFromBytes } from "../../src/xlsx";
import { FakeExcelHost } from "../host/fakeExcel";
import { sampleMeta, sampleReport } from "../helpers";

const NOW = new Date(2024, 4, 1);

async function chomThong() {
  const host = new FakeExcelHost(undefined, { apiSets: { ExcelApi: "1.13" } });
  await host.run((ctx) => scaffoldSheet(ctx, renderForm(FY2567, sampleMeta(), sampleReport())));
  return host;
}

const byCode = (form: { items: { code: string }[] }, code: string) =>
  form.items.find((i) => i.code === code)! as Awaited<
    ReturnType<typeof readActiveForm>
  >["form"]["items"][number];

describe("splitting an item off its measure group", () => {
  it.each([true, false])(
    "gives I22 its own cells with a copy of I21–I24's text, in 2 requests (merged areas read: %s)",
    async (mergedAreas) => {
      const host = await chomThong();
      const { form, protectedSheet } = await host.run((ctx) =>
        readActiveForm(ctx, { mergedAreas })
      );
      const before = byCode(form, "I22");
      expect(before.sharedWith.sort()).toEqual(["I21", "I23", "I24"]);
      const shared = before.measures;
      const ws = host.wb.getWorksheet(form.sheet)!;
      const measuresCol = columnIndex("measures");
      const rowsOf = (code: string) => byCode(form, code).row;
      const heightBefore = ws.getRow(rowsOf("I21")).height;

      const r = await host.run((ctx) => splitFromGroup(ctx, form, "I22", protectedSheet));
      expect(r.syncs).toBe(2);
      expect(host.lastContext.syncCount).toBe(2);
      expect(r.cell).toBe(`${String.fromCharCode(64 + measuresCol)}${rowsOf("I22")}`);
      expect(host.state.selected).toBe(`${form.sheet}!${r.cell}`);
      // Protection is back on.
      expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(
        true
      );

      // Both shapes read the same: the Office.js reader with or without merged areas, and the file.
      for (const shape of [true, false]) {
        const again = (await host.run((ctx) => readActiveForm(ctx, { mergedAreas: shape }))).form;
        const i22 = byCode(again, "I22");
        expect(i22.sharedWith).toEqual([]);
        expect(i22.measures).toBe(shared);
        expect(i22.cells.measures).toBe(r.cell);
        expect(byCode(again, "I21").measures).toBe(shared);
        expect(byCode(again, "I21").sharedWith).toEqual([]);
        expect(byCode(again, "I23").sharedWith).toEqual(["I24"]);
        expect(byCode(again, "I24").measures).toBe(shared);
        const result = validate(again, { now: NOW });
        const onI22 = result.issues.filter((i) => i.code === "I22");
        expect(onI22.filter((i) => i.severity === "error")).toEqual([]);
        expect(onI22.map((i) => i.rule)).toContain("flag.measures-copied");
        expect(onI22.map((i) => i.rule)).not.toContain("flag.measures-shared");
      }
      const [fromFile] = readFormsFromBytes("x.xlsx", await host.xlsx(), { inflate: nodeInflate });
      expect(byCode(fromFile, "I22").sharedWith).toEqual([]);
      expect(byCode(fromFile, "I22").measures).toBe(shared);
      expect(byCode(fromFile, "I23").sharedWith).toEqual(["I24"]);

      // Merged cells of the three parts, and heights that hold each part's text.
      const merges = (ws.model as { merges?: string[] }).merges ?? [];
      const letter = (c: number) => String.fromCharCode(64 + c);
      const i23 = rowsOf("I23");
      const end = r.rows[1];
      for (const f of ["measures", "results", "evidence"] as const) {
        const c = letter(columnIndex(f));
        expect(merges).toContain(`${c}${i23}:${c}${end}`);
        expect(merges.some((m) => m.startsWith(`${c}${rowsOf("I22")}:`))).toBe(
          rowsOf("I23") - rowsOf("I22") > 1
        );
      }
      const width = columnWidthPt(COLUMNS[measuresCol - 1].width);
      const needed = Math.min(409, cellHeightPt(shared, width, { size: FONT.size, bold: false }));
      let i21Height = 0;
      for (let row = rowsOf("I21"); row < rowsOf("I22"); row++) i21Height += ws.getRow(row).height;
      expect(i21Height).toBeGreaterThanOrEqual(needed - 0.5);
      expect(ws.getRow(rowsOf("I21")).height).toBeGreaterThan(heightBefore);
      let i22Height = 0;
      for (let row = rowsOf("I22"); row < i23; row++) i22Height += ws.getRow(row).height;
      expect(i22Height).toBeGreaterThanOrEqual(needed - 0.5);
    }
  );

  it("refuses an item with its own cell, and splits the first item of a group off the rest", async () => {
    const host = await chomThong();
    const { form, protectedSheet } = await host.run((ctx) =>
      readActiveForm(ctx, { mergedAreas: true })
    );
    const lone = form.items.find((i) => !i.sharedWith.length)!;
    const err = await host
      .run((ctx) => splitFromGroup(ctx, form, lone.code, protectedSheet))
      .catch((e) => e);
    expect(err).toBeInstanceOf(ExcelActionError);
    expect(err.reason.en).toContain("own measures cell");

    const shared = byCode(form, "I21").measures;
    await host.run((ctx) => splitFromGroup(ctx, form, "I21", protectedSheet));
    const again = (await host.run((ctx) => readActiveForm(ctx, { mergedAreas: true }))).form;
    expect(byCode(again, "I21").sharedWith).toEqual([]);
    expect(byCode(again, "I22").sharedWith.sort()).toEqual(["I23", "I24"]);
    expect(byCode(again, "I22").measures).toBe(shared);
    // The rest of the group's text now starts at I22's row.
    const i22 = byCode(again, "I22");
    expect(i22.cells.measures).toBe(
      `${String.fromCharCode(64 + columnIndex("measures"))}${i22.row}`
    );
  });
});

describe("splitting on a sheet whose columns were moved", () => {
  it("refuses, naming the sheet, and changes nothing", async () => {
    const host = await chomThong();
    const { form: before } = await host.run((ctx) => readActiveForm(ctx, { mergedAreas: true }));
    const sheet = host.wb.getWorksheet(before.sheet)!;
    // A user moved the evidence column to the left of the measures.
    const measures = columnIndex("measures");
    const evidence = columnIndex("evidence");
    for (let r = 1; r <= sheet.rowCount; r++) {
      const m = sheet.getCell(r, measures).value;
      sheet.getCell(r, measures).value = sheet.getCell(r, evidence).value;
      sheet.getCell(r, evidence).value = m;
    }
    const { form, protectedSheet } = await host.run((ctx) =>
      readActiveForm(ctx, { mergedAreas: true })
    );
    expect(form.columns.evidence).toBe(measures);
    const snapshot = JSON.stringify(sheet.getSheetValues());
    const err = await host
      .run((ctx) => splitFromGroup(ctx, form, "I22", protectedSheet))
      .catch((e) => e);
    expect(err).toBeInstanceOf(ExcelActionError);
    expect(err.reason.en).toMatch(/columns of sheet "ITA 2567 รอบ 6" are not side by side/);
    expect(JSON.stringify(sheet.getSheetValues())).toBe(snapshot);
  });
});

describe("standard measures for several items", () => {
  async function weak() {
    const report = sampleReport();
    report.items = report.items.map((i) =>
      /^I2[1-4]$|^I9$/.test(i.code) ? { ...i, measures: "", results: "", evidence: "" } : i
    );
    const host = new FakeExcelHost(undefined, { apiSets: { ExcelApi: "1.13" } });
    await host.run((ctx) => scaffoldSheet(ctx, renderForm(FY2567, sampleMeta(), report)));
    const { form, protectedSheet } = await host.run((ctx) =>
      readActiveForm(ctx, { mergedAreas: true })
    );
    return { host, form, protectedSheet };
  }
  const cat = (c: string) => FY2567.byCode.get(c)!;
  const entry = (c: string) => ({ item: cat(c), chosen: cat(c).standardMeasures });

  it("gives the items chosen from a group cells of their own, the group's others keep theirs", async () => {
    const { host, form, protectedSheet } = await weak();
    const written = await host.run((ctx) =>
      insertStandardMeasuresMany(
        ctx,
        form,
        [entry("I9"), entry("I21"), entry("I22")],
        protectedSheet
      )
    );
    // A read and a write for the split-off items, one write for I9's own cell.
    expect(host.lastContext.syncCount).toBe(3);
    expect(written.map((w) => w.codes)).toEqual([["I9"], ["I21"], ["I22"]]);
    const again = (await host.run((ctx) => readActiveForm(ctx, { mergedAreas: true }))).form;
    expect(byCode(again, "I9").measures).toMatch(/^1\. /);
    expect(byCode(again, "I21").measures).toContain(cat("I21").standardMeasures[0]);
    expect(byCode(again, "I22").measures).toContain(cat("I22").standardMeasures[0]);
    expect(byCode(again, "I21").sharedWith).toEqual([]);
    expect(byCode(again, "I22").sharedWith).toEqual([]);
    // I23 and I24 still share their (empty) cell: they took on no measures.
    expect([byCode(again, "I23").measures, byCode(again, "I23").sharedWith]).toEqual(["", ["I24"]]);
    // The sheet is protected again.
    const ws = host.wb.getWorksheet(form.sheet) as unknown as {
      sheetProtection: { sheet: boolean };
    };
    expect(ws.sheetProtection.sheet).toBe(true);
  });

  it("writes a group's shared cell once when every item of the group is chosen", async () => {
    const { host, form, protectedSheet } = await weak();
    const written = await host.run((ctx) =>
      insertStandardMeasuresMany(ctx, form, ["I21", "I22", "I23", "I24"].map(entry), protectedSheet)
    );
    expect(host.lastContext.syncCount).toBe(1);
    expect(written.map((w) => w.codes)).toEqual([["I21", "I22", "I23", "I24"]]);
    const again = (await host.run((ctx) => readActiveForm(ctx, { mergedAreas: true }))).form;
    expect(byCode(again, "I22").measures).toBe(byCode(again, "I21").measures);
    expect(byCode(again, "I24").sharedWith).toEqual(["I21", "I22", "I23"]);
  });
});
