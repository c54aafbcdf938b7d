/**
 * Excel refusing a step, injected per operation: a form is never left half-written, a finishing step
 * that fails costs a note and not the form, a merge never leaves its temporary sheets and keeps the
 * earlier summary, and every failure reaches the user as a Thai/English message that says what to do.
 */
import path from "path";
import { readSubmissions } from "../../src/cli/merge";
import {
  buildSummary,
  META_SHEET,
  mergeForms,
  renderForm,
  SUMMARY_SHEETS,
  SummarySheet,
} from "../../src/domain";
import { FY2567 } from "../forms";
import {
  ERROR_MESSAGES,
  ExcelActionError,
  readActiveForm,
  scaffoldSheet,
  toActionError,
  writeSummarySheets,
} from "../../src/excel";
import { nodeInflate, readFormsFromBytes } from "../../src/xlsx";
import { type FaultCode, FakeExcelHost } from "../host/fakeExcel";
import { sampleMeta, sampleReport, tmpDir } from "../helpers";
import { districtReport, writeDistrict } from "../merge/districts";

const CODES: FaultCode[] = [
  "GeneralException",
  "InvalidSelection",
  "AccessDenied",
  "BadPassword",
  "PropertyNotLoaded",
  "RequestPayloadSizeLimitExceeded",
];

const model = () => renderForm(FY2567, sampleMeta(), sampleReport());

async function formsIn(host: FakeExcelHost) {
  return readFormsFromBytes("office.xlsx", await host.xlsx(), { inflate: nodeInflate });
}

describe("every failure has a message that says what to do", () => {
  it.each(CODES)("%s", (code) => {
    const e = toActionError(Object.assign(new Error("x"), { code }));
    expect(e).toBeInstanceOf(ExcelActionError);
    expect(e.reason).toBe(ERROR_MESSAGES[code]);
    // Thai and English, each with an instruction (a colon or "แล้ว"/"หรือ" followed by what to do).
    expect(e.reason.th).toMatch(/[ก-๙]/);
    expect(e.reason.en).toMatch(/: |, then |try again/);
    expect(e.reason.th).toMatch(/ลอง|ขอ|ใช้|ปิด|กลับ/);
  });
});

describe("scaffold never leaves half a form", () => {
  const finishing: [string, RegExp, RegExp][] = [
    ["row heights", /format\.rowHeight/, /Row heights/],
    ["page layout", /pageLayout\./, /Print settings/],
    ["protection", /protection\.protect/, /not protected/],
    ["showing the sheet", /\.activate$/, /did not show it/],
  ];

  it.each(
    finishing.flatMap(([step, op, note]) => CODES.map((code) => [step, op, note, code] as const))
  )("a refused %s (%s) becomes a note; the form is complete", async (_s, op, note, code) => {
    const host = new FakeExcelHost();
    host.faults.add({ op, code: code as FaultCode });
    const { notes } = await host.run((ctx) => scaffoldSheet(ctx, model()));
    expect(notes).toHaveLength(1);
    expect(notes[0].en).toMatch(note);
    expect(notes[0].en).toContain(`(Excel: ${code})`);
    expect(notes[0].th).toMatch(/[ก-๙]/);
    const [form] = await formsIn(host);
    expect(form.items).toHaveLength(42);
    expect(form.problems).toEqual([]);
    expect(form.items.find((i) => i.code === "I22")!.score).toBe(82.01);
  });

  it("still notes every refused step when Excel refuses them all (another workbook took focus)", async () => {
    const host = new FakeExcelHost();
    host.faults.add({
      op: /rowHeight|pageLayout|horizontalPageBreaks|protection\.protect|activate$/,
      code: "InvalidSelection",
    });
    const { notes } = await host.run((ctx) => scaffoldSheet(ctx, model()));
    expect(notes).toHaveLength(4);
    expect((await formsIn(host))[0].items).toHaveLength(42);
  });

  it.each([
    ["the sheet", /worksheets\.add\(ITA/],
    ["number formats", /range\.numberFormat/],
    ["values", /ITA 2567 รอบ 6\.range\.values/],
    ["a merge", /range\.merge/],
    ["validation", /dataValidation\.rule/],
    ["the conditional format", /conditionalFormats\.add/],
    ["the metadata rows", /ITA_META\.range\.values/],
    ["hiding the metadata sheet", /ITA_META\.visibility/],
  ])("a refused essential step (%s) removes the new sheet and its metadata", async (_s, op) => {
    for (const code of CODES) {
      const host = new FakeExcelHost();
      host.faults.add({ op, code, times: 1 });
      const err = await host.run((ctx) => scaffoldSheet(ctx, model())).catch((e) => e);
      expect(err).toBeInstanceOf(ExcelActionError);
      expect(err.code).toBe(code);
      expect(host.wb.worksheets.map((w) => w.name)).toEqual(["Sheet1"]);
    }
  });

  it("an essential failure in a workbook that already has forms leaves them and their metadata", async () => {
    const host = new FakeExcelHost();
    await host.run((ctx) => scaffoldSheet(ctx, model()));
    const before = await host.xlsx();
    host.faults.add({ op: /range\.merge/, code: "GeneralException", times: 1 });
    const second = renderForm(FY2567, { ...sampleMeta(), round: 12 }, sampleReport());
    await expect(host.run((ctx) => scaffoldSheet(ctx, second))).rejects.toThrow(ExcelActionError);
    expect(host.wb.worksheets.map((w) => w.name)).toEqual(["Sheet1", model().name, META_SHEET]);
    const forms = await formsIn(host);
    expect(forms.map((f) => f.sheet)).toEqual([model().name]);
    const old = readFormsFromBytes("before.xlsx", before, { inflate: nodeInflate });
    expect(forms[0].items.map((i) => i.score)).toEqual(old[0].items.map((i) => i.score));
    // The metadata rows of the failed form were cleared: only the first form's remain.
    const meta = host.wb.getWorksheet(META_SHEET)!;
    const sheets = new Set<string>();
    meta.eachRow(
      (row, r) => r > 1 && row.getCell(1).value && sheets.add(String(row.getCell(1).value))
    );
    expect([...sheets]).toEqual([model().name]);
  });
});

describe("merge keeps the earlier summary and leaves no temporary sheet", () => {
  let sheets: SummarySheet[];

  beforeAll(async () => {
    const dir = await tmpDir();
    const files = [];
    for (const code of ["1001", "1002", "1035"])
      files.push(await writeDistrict(dir, path.join(`${code}.xlsx`), districtReport(code)));
    sheets = buildSummary(
      mergeForms(await readSubmissions(files), { formDef: FY2567, expect: "districts" })
    );
  });

  /** A workbook with an earlier summary (marked in A1 of each sheet). */
  function withEarlierSummary() {
    const host = new FakeExcelHost();
    for (const name of Object.values(SUMMARY_SHEETS))
      host.wb.addWorksheet(name).getCell("A1").value = `เดิม ${name}`;
    return host;
  }

  function expectEarlierSummary(host: FakeExcelHost) {
    expect(host.wb.worksheets.map((w) => w.name)).toEqual([
      "Sheet1",
      ...Object.values(SUMMARY_SHEETS),
    ]);
    for (const name of Object.values(SUMMARY_SHEETS))
      expect(host.wb.getWorksheet(name)!.getCell("A1").value).toBe(`เดิม ${name}`);
  }

  function expectNewSummary(host: FakeExcelHost) {
    expect(host.wb.worksheets.map((w) => w.name)).toEqual([
      "Sheet1",
      ...Object.values(SUMMARY_SHEETS),
    ]);
    expect(host.wb.getWorksheet(SUMMARY_SHEETS.scores)!.getCell("A1").value).toBe(sheets[0].title);
  }

  it.each([
    ["adding a temporary sheet", /worksheets\.add\(~ITA ต่ำกว่าเกณฑ์/],
    ["writing values", /~ITA สรุปมาตรการ\.range\.values/],
    ["number formats", /~ITA สถานะการส่ง\.range\.numberFormat/],
    ["formatting", /~ITA คะแนน\.range\.format\.fill/],
    ["freezing panes", /~ITA สรุปมาตรการ\.freeze/],
    ["renaming a new sheet", /^\{.*\.name$/],
  ])("when Excel refuses %s", async (_s, op) => {
    for (const code of CODES) {
      const host = withEarlierSummary();
      host.faults.add({ op, code, times: 1 });
      const err = await host.run((ctx) => writeSummarySheets(ctx, sheets)).catch((e) => e);
      expect(err).toBeInstanceOf(ExcelActionError);
      expect(err.code).toBe(code);
      expectEarlierSummary(host);
    }
  });

  it("when the rename fails half-way, every sheet gets its own name back", async () => {
    for (const after of [1, 3, 4, 6]) {
      const host = withEarlierSummary();
      // Renames of the swap: the 4 earlier sheets aside, then the 4 new sheets to their names.
      host.faults.add({ op: /^\{.*\.name$/, code: "GeneralException", after, times: 1 });
      const err = await host.run((ctx) => writeSummarySheets(ctx, sheets)).catch((e) => e);
      expect(err).toBeInstanceOf(ExcelActionError);
      expectEarlierSummary(host);
    }
  });

  it("when Excel refuses to delete the earlier summary, the new one stands with a note, and the next merge clears it", async () => {
    const host = withEarlierSummary();
    host.faults.add({ op: /\.delete$/, code: "AccessDenied" });
    const { notes } = await host.run((ctx) => writeSummarySheets(ctx, sheets));
    expect(notes.map((n) => n.en).join()).toMatch(/refused to delete the earlier one.*~old ITA/);
    expect(host.wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining([...Object.values(SUMMARY_SHEETS), `~old ${SUMMARY_SHEETS.scores}`])
    );
    expect(host.wb.getWorksheet(SUMMARY_SHEETS.scores)!.getCell("A1").value).toBe(sheets[0].title);
    host.faults.clear();
    const again = await host.run((ctx) => writeSummarySheets(ctx, sheets));
    expect(again.notes).toEqual([]);
    expectNewSummary(host);
  });

  it("when the user switches workbooks (deletes and activation refused), no temporary sheet survives the next merge", async () => {
    const host = withEarlierSummary();
    host.faults.add({ op: /~ITA สถานะการส่ง\.range\.values/, code: "InvalidSelection", times: 1 });
    host.faults.add({ op: /\.delete$|activate$/, code: "InvalidSelection" });
    const err = await host.run((ctx) => writeSummarySheets(ctx, sheets)).catch((e) => e);
    expect(err.code).toBe("InvalidSelection");
    expect(err.reason.en).toMatch(/come back to this workbook/);
    // Excel refused to remove them: the temporary sheets are still there, the earlier summary intact.
    expect(host.wb.worksheets.map((w) => w.name).filter((n) => n.startsWith("~"))).not.toEqual([]);
    for (const name of Object.values(SUMMARY_SHEETS))
      expect(host.wb.getWorksheet(name)!.getCell("A1").value).toBe(`เดิม ${name}`);
    host.faults.clear();
    const { notes } = await host.run((ctx) => writeSummarySheets(ctx, sheets));
    expect(notes).toEqual([]);
    expectNewSummary(host);
  });

  it("an earlier summary left aside by an interrupted run gets its name back before anything else", async () => {
    const host = new FakeExcelHost();
    host.wb.addWorksheet(`~old ${SUMMARY_SHEETS.scores}`).getCell("A1").value = "เดิม";
    host.wb.addWorksheet(`~${SUMMARY_SHEETS.flagged}`).getCell("A1").value = "ครึ่งเดียว";
    host.faults.add({ op: /worksheets\.add\(~ITA คะแนน/, code: "GeneralException", times: 1 });
    await expect(host.run((ctx) => writeSummarySheets(ctx, sheets))).rejects.toThrow();
    expect(host.wb.worksheets.map((w) => w.name)).toEqual(["Sheet1", SUMMARY_SHEETS.scores]);
    expect(host.wb.getWorksheet(SUMMARY_SHEETS.scores)!.getCell("A1").value).toBe("เดิม");
  });

  it("when Excel does not show the summary, it stands with a note", async () => {
    const host = withEarlierSummary();
    host.faults.add({ op: /activate$/, code: "GeneralException" });
    const { notes } = await host.run((ctx) => writeSummarySheets(ctx, sheets));
    expect(notes).toHaveLength(1);
    expect(notes[0].en).toMatch(/click the "ITA คะแนน" tab/);
    expectNewSummary(host);
  });
});

describe("reading a form under faults", () => {
  it("turns a PropertyNotLoaded or a refused read into a message", async () => {
    const host = new FakeExcelHost();
    await host.run((ctx) => scaffoldSheet(ctx, model()));
    for (const code of CODES) {
      host.faults.clear();
      host.faults.add({ op: /range\.load/, code, times: 1 });
      const err = await host.run((ctx) => readActiveForm(ctx)).catch((e) => e);
      expect(err).toBeInstanceOf(ExcelActionError);
      expect(err.reason).toBe(ERROR_MESSAGES[code]);
    }
  });
});
