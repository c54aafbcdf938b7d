import { DEFAULT_FORM, renderForm } from "../../src/domain";
import { ExcelActionError, locateFormSheet, readActiveForm, scaffoldSheet } from "../../src/excel";
import { CURRENT, FakeExcelHost } from "../host/fakeExcel";
import { blankMeta, sampleMeta, sampleReport } from "../helpers";

/** A workbook with the sample form plus `others` plain sheets, the active one chosen by the test. */
async function workbook(others: string[], forms = 1) {
  const host = new FakeExcelHost(undefined, { apiSets: CURRENT });
  for (let i = 0; i < forms; i++) {
    const meta = i ? { ...blankMeta(), round: 12 as const } : sampleMeta();
    await host.run((ctx) => scaffoldSheet(ctx, renderForm(DEFAULT_FORM, meta, sampleReport())));
  }
  for (const name of others) {
    const ws = host.wb.addWorksheet(name);
    ws.getCell("A1").value = "หน่วยงาน";
    ws.getCell("B2").value = 96.31;
  }
  const formSheets = host.wb.worksheets.map((w) => w.name).filter((n) => n.startsWith("ITA 25"));
  return { host, formSheets };
}

describe("finding the form wherever the user is", () => {
  it("reads the active sheet when it is the form, in one sync", async () => {
    const { host, formSheets } = await workbook(["ITA คะแนน"]);
    host.state.active = formSheets[0];
    const found = await host.run((ctx) => locateFormSheet(ctx));
    expect(found).toMatchObject({ kind: "form", how: "active", syncs: 1 });
    expect(host.lastContext.syncCount).toBe(1);
    if (found.kind === "form") expect(found.form.items.length).toBeGreaterThan(40);
  });

  it("reads the only form sheet when another sheet is active, in three syncs whatever the sheet count", async () => {
    for (const others of [["ITA คะแนน"], ["ITA คะแนน", "ITA ตัวชี้วัด", "หมายเหตุ", "Sheet9"]]) {
      const { host, formSheets } = await workbook(others);
      host.state.active = "ITA คะแนน";
      const found = await host.run((ctx) => locateFormSheet(ctx, { mergedAreas: true }));
      expect(found).toMatchObject({ kind: "form", how: "only", syncs: 3 });
      expect(host.lastContext.syncCount).toBe(3);
      if (found.kind !== "form") throw new Error("no form");
      expect(found.form.sheet).toBe(formSheets[0]);
      expect(found.protectedSheet).toBe(true);
      expect(found.form.unit.value?.code).toBe(sampleMeta().unit!.code);
    }
  });

  it("offers the form sheets to choose from when there are several, and reads the one chosen", async () => {
    const { host, formSheets } = await workbook(["ITA คะแนน"], 2);
    expect(formSheets).toHaveLength(2);
    host.state.active = "ITA คะแนน";
    const found = await host.run((ctx) => locateFormSheet(ctx));
    expect(found).toEqual({ kind: "choose", sheets: formSheets, active: "ITA คะแนน", syncs: 2 });
    const chosen = await host.run((ctx) => locateFormSheet(ctx, { sheet: formSheets[1] }));
    expect(chosen).toMatchObject({ kind: "form", how: "chosen", syncs: 1 });
    if (chosen.kind === "form") expect(chosen.form.round.value).toBe(12);
  });

  it("prefers a visible form to a hidden one", async () => {
    const { host, formSheets } = await workbook(["ITA คะแนน"], 2);
    host.wb.getWorksheet(formSheets[0])!.state = "hidden";
    host.state.active = "ITA คะแนน";
    const found = await host.run((ctx) => locateFormSheet(ctx));
    expect(found).toMatchObject({ kind: "form", how: "only" });
    if (found.kind === "form") expect(found.form.sheet).toBe(formSheets[1]);
  });

  it("names every sheet it checked when the workbook has no form, in Thai and English", async () => {
    const host = new FakeExcelHost();
    host.wb.addWorksheet("ข้อมูล").getCell("A1").value = "รายการ";
    const err = await host.run((ctx) => locateFormSheet(ctx)).catch((e) => e);
    expect(err).toBeInstanceOf(ExcelActionError);
    expect(err.reason.th).toMatch(/ไม่พบแบบรายงาน ITA ในสมุดงานนี้.*"Sheet1", "ข้อมูล"/);
    expect(err.reason.en).toMatch(/No ITA report in this workbook.*"Sheet1", "ข้อมูล"/);
  });

  it("names the sheet asked for when it is not a form", async () => {
    const { host } = await workbook(["ITA คะแนน"]);
    const err = await host
      .run((ctx) => locateFormSheet(ctx, { sheet: "ITA คะแนน" }))
      .catch((e) => e);
    expect(err.reason.en).toMatch(/sheet "ITA คะแนน"/);
  });

  it("keeps readActiveForm reading the active sheet only, with merged areas when asked", async () => {
    const { host, formSheets } = await workbook(["ITA คะแนน"]);
    host.state.active = formSheets[0];
    const { form, syncs } = await host.run((ctx) => readActiveForm(ctx, { mergedAreas: true }));
    expect(syncs).toBe(1);
    expect(form.sheet).toBe(formSheets[0]);
    host.state.active = "ITA คะแนน";
    const err = await host.run((ctx) => readActiveForm(ctx)).catch((e) => e);
    expect(err.reason.en).toMatch(/No ITA report header.*"ITA คะแนน"/);
  });
});
