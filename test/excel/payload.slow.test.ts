/**
 * Every request stays under Excel on the web's 5 MB, measured on the request as Office.js serializes
 * it (test/host/request.ts), for a merge of 2,000 units: the values of the summary and its formatting
 * (the measures sheet alone has tens of thousands of rows and thousands of formatted runs).
 */
import { renderForm, SUMMARY_SHEETS, SummarySheet } from "../../src/domain";
import { FY2567 } from "../forms";
import { scaffoldSheet, writeSummarySheets } from "../../src/excel";
import { nodeInflate, readFormsFromBytes } from "../../src/xlsx";
import { FakeExcelHost, MAX_CELL_CHARS, PAYLOAD_LIMIT } from "../host/fakeExcel";
import { sampleMeta, sampleReport } from "../helpers";
import { manyUnitsSummary } from "./manyUnits";

let sheets: SummarySheet[];

beforeAll(() => {
  sheets = manyUnitsSummary(2000);
}, 120_000);

describe("request size at 2,000 units", () => {
  it("writes the whole summary with every request under 5 MB", async () => {
    const host = new FakeExcelHost();
    host.wb.addWorksheet(SUMMARY_SHEETS.scores).getCell("A1").value = "สรุปเดิม";
    const { syncs, notes } = await host.run((ctx) => writeSummarySheets(ctx, sheets));
    expect(notes).toEqual([]);
    const sizes = host.state.requests.map((r) => r.bytes);
    expect(sizes.length).toBe(syncs);
    expect(Math.max(...sizes)).toBeLessThan(PAYLOAD_LIMIT);
    // The data really is large: several times the limit in all.
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(3 * PAYLOAD_LIMIT);
    const measures = host.wb.getWorksheet(SUMMARY_SHEETS.measures)!;
    const m = sheets.find((s) => s.name === SUMMARY_SHEETS.measures)!;
    expect(measures.rowCount).toBe(m.rows.length + 3);
    expect(host.wb.worksheets.map((w) => w.name)).toEqual([
      "Sheet1",
      ...Object.values(SUMMARY_SHEETS),
    ]);
  }, 180_000);

  it("would fail with RequestPayloadSizeLimitExceeded in one request, and then keeps the earlier summary", async () => {
    const host = new FakeExcelHost();
    host.wb.addWorksheet(SUMMARY_SHEETS.scores).getCell("A1").value = "สรุปเดิม";
    const measures = sheets.filter((s) => s.name === SUMMARY_SHEETS.measures);
    const err = await host
      .run((ctx) => writeSummarySheets(ctx, measures, { maxChunkBytes: 100 * PAYLOAD_LIMIT }))
      .catch((e) => e);
    expect(err.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(err.reason.en).toMatch(/merge fewer files/);
    expect(host.wb.worksheets.map((w) => w.name)).toEqual(["Sheet1", SUMMARY_SHEETS.scores]);
    expect(host.wb.getWorksheet(SUMMARY_SHEETS.scores)!.getCell("A1").value).toBe("สรุปเดิม");
  }, 180_000);

  it("writes a form whose every text cell is full (32,767 characters) in requests under 5 MB", async () => {
    const report = sampleReport();
    const full = "ก".repeat(MAX_CELL_CHARS - 10);
    report.items = report.items.map((it) => ({
      ...it,
      issue: full,
      measures: full,
      results: full,
      evidence: full,
    }));
    const host = new FakeExcelHost();
    const { notes } = await host.run((ctx) =>
      scaffoldSheet(ctx, renderForm(FY2567, sampleMeta(), report))
    );
    expect(notes).toEqual([]);
    expect(host.largestRequest).toBeLessThan(PAYLOAD_LIMIT);
    const [form] = readFormsFromBytes("x.xlsx", await host.xlsx(), { inflate: nodeInflate });
    expect(form.items.every((i) => i.measures.length === full.length)).toBe(true);
  }, 180_000);
});
