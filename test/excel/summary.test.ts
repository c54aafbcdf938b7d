import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { promises as fs } from "fs";
import path from "path";
import { readSubmissions } from "../../src/cli/merge";
import {
  buildSummary,
  COMPARE_SHEET,
  mergeForms,
  printOf,
  SUMMARY_SHEETS,
  SummarySheet,
} from "../../src/domain";
import { FY2567 } from "../forms";
import { CancelledError, chunkRows, writeSummarySheets } from "../../src/excel";
import { writeSummaryFile } from "../../src/xlsx";
import { FakeExcelHost } from "../host/fakeExcel";
import { tmpDir } from "../helpers";
import { districtReport, writeDistrict } from "../merge/districts";

let sheets: SummarySheet[];
let dir: string;

beforeAll(async () => {
  dir = await tmpDir();
  const files = [];
  for (const code of ["1001", "1002", "1035", "1040"])
    files.push(await writeDistrict(dir, `${code}.xlsx`, districtReport(code)));
  sheets = buildSummary(
    mergeForms(await readSubmissions(files), { formDef: FY2567, expect: "districts" })
  );
});

function values(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow(
    (row, r) =>
      (out[r - 1] = (row.values as unknown[]).slice(1).map((v) => (v === undefined ? null : v)))
  );
  return out;
}

describe("summary through Office.js", () => {
  it("writes the same content as the CLI's summary file, with heat map and chart", async () => {
    const host = new FakeExcelHost();
    await host.run((ctx) => writeSummarySheets(ctx, sheets));
    const file = path.join(dir, "summary.xlsx");
    await writeSummaryFile(file, sheets);
    const cli = new ExcelJS.Workbook();
    await cli.xlsx.readFile(file);
    const office = new ExcelJS.Workbook();
    await office.xlsx.load((await host.xlsx()) as unknown as ArrayBuffer);
    expect(office.worksheets.map((w) => w.name)).toEqual([
      "Sheet1",
      ...Object.values(SUMMARY_SHEETS),
    ]);
    for (const name of Object.values(SUMMARY_SHEETS))
      expect([name, values(office.getWorksheet(name)!)]).toEqual([
        name,
        values(cli.getWorksheet(name)!),
      ]);
    // The summary's data for a later comparison is hidden by both writers.
    expect(office.getWorksheet(SUMMARY_SHEETS.data)!.state).toBe("hidden");
    expect(cli.getWorksheet(SUMMARY_SHEETS.data)!.state).toBe("hidden");
    const cf = (
      office.getWorksheet(SUMMARY_SHEETS.scores) as unknown as {
        conditionalFormattings: { ref: string; rules: { type: string }[] }[];
      }
    ).conditionalFormattings;
    expect(cf[0]).toMatchObject({
      ref: sheets[0].colorScale && expect.stringMatching(/^B4:[A-Z]+7$/),
      rules: [
        {
          type: "colorScale",
          cfvo: [
            { type: "num", value: 84.99 },
            { type: "num", value: 85 },
            { type: "num", value: 100 },
          ],
        },
      ],
    });
    expect(host.state.charts).toEqual([
      {
        sheet: expect.stringMatching(/ITA ค่าเฉลี่ยตัวชี้วัด$/),
        type: "BarClustered",
        source: expect.stringMatching(/^A\d+:B\d+$/),
        title: "ค่าเฉลี่ยรายตัวชี้วัด",
        position: expect.stringMatching(/^C\d+:[A-Z]+\d+$/),
      },
    ]);
  });

  it("lays out and prints the sheets as the CLI's file does: merged cells, row heights, A4 landscape, scale, titles, breaks", async () => {
    const host = new FakeExcelHost();
    await host.run((ctx) => writeSummarySheets(ctx, sheets));
    const file = path.join(dir, "layout.xlsx");
    await writeSummaryFile(file, sheets);
    const cli = new ExcelJS.Workbook();
    await cli.xlsx.readFile(file);
    const office = new ExcelJS.Workbook();
    await office.xlsx.load((await host.xlsx()) as unknown as ArrayBuffer);
    const layout = (ws: ExcelJS.Worksheet) => {
      const merges = Object.keys((ws as unknown as { _merges: object })._merges).sort();
      const ps = ws.pageSetup;
      const heights: [number, number][] = [];
      for (const m of merges) {
        const r = Number(/\d+/.exec(m)![0]);
        heights.push([r, Math.round(ws.getRow(r).height * 10) / 10]);
      }
      return {
        merges,
        heights,
        orientation: ps.orientation,
        paperSize: ps.paperSize,
        scale: ps.scale,
        fitToPage: !!ps.fitToPage,
        pageOrder: ps.pageOrder ?? "downThenOver",
        titlesRow: ps.printTitlesRow,
        titlesColumn: ps.printTitlesColumn,
        printArea: ps.printArea,
        margins: ps.margins,
        header: ws.headerFooter?.oddHeader,
        footer: ws.headerFooter?.oddFooter,
      };
    };
    for (const s of sheets) {
      const a = layout(office.getWorksheet(s.name)!);
      expect([s.name, a]).toEqual([s.name, layout(cli.getWorksheet(s.name)!)]);
      // The hidden data sheet is not printed: no print area (LibreOffice prints a hidden sheet with one).
      if (s.hidden) {
        expect(a).toMatchObject({ printArea: undefined, titlesRow: undefined, header: undefined });
        continue;
      }
      expect(a).toMatchObject({
        orientation: "landscape",
        paperSize: 9,
        scale: printOf(s).scale,
        fitToPage: false,
        titlesRow: "3:3",
        // The title rows are not printed: the page header carries the title and period.
        printArea: expect.stringMatching(/^A3:[A-Z]+\d+$/),
        header: expect.stringContaining(s.title),
        footer: expect.stringContaining("&P / &N"),
      });
    }
    // Column breaks: the file's <colBreaks> and the host's verticalPageBreaks.
    const scores = sheets[0];
    expect(printOf(scores).colBreaks.length).toBeGreaterThan(1);
    // The sheets are written under temporary names "~…" and renamed when complete.
    expect(host.state.verticalPageBreaks.map((b) => [b.sheet.replace(/^~/, ""), b.col])).toEqual(
      sheets.flatMap((s) => printOf(s).colBreaks.map((c) => [s.name, c]))
    );
    const xml = strFromU8(unzipSync(await fs.readFile(file))["xl/worksheets/sheet1.xml"]);
    expect([...xml.matchAll(/<colBreaks[^>]*>(.*?)<\/colBreaks>/g)].length).toBe(1);
    expect(
      [...xml.matchAll(/<brk id="(\d+)" max="1048575"/g)].map((m) => Number(m[1]) + 1)
    ).toEqual(printOf(scores).colBreaks);
    expect([...xml.matchAll(/<brk id="(\d+)" max="16383"/g)].map((m) => Number(m[1]) + 1)).toEqual(
      printOf(scores).rowBreaks
    );
  });

  it("writes in chunks under the byte budget, each chunk's number formats a request before its values", async () => {
    const host = new FakeExcelHost();
    const max = 50_000;
    const { syncs } = await host.run((ctx) =>
      writeSummarySheets(ctx, sheets, { maxChunkBytes: max })
    );
    const chunks = sheets.map((s) =>
      chunkRows(
        [[s.title], [s.subtitle], s.columns.map((c) => c.header), ...s.rows.map((r) => r.cells)],
        max
      )
    );
    expect(chunks.flat().length).toBeGreaterThan(sheets.length);
    expect(syncs).toBe(host.lastContext.syncCount);
    // Every request stays near the budget (values are estimated, not measured, before sending).
    expect(host.largestRequest).toBeLessThan(2 * max);
    const log = host.lastContext.log;
    for (const s of Object.values(SUMMARY_SHEETS)) {
      const writes = log.filter((l) => l.startsWith(`~${s}.range.`));
      const first = writes.findIndex((l) => l.endsWith("range.values"));
      expect(writes.slice(0, first).some((l) => l.endsWith("range.numberFormat"))).toBe(true);
    }
  });

  it("replaces an earlier summary only once the new one is complete; a cancel leaves it untouched", async () => {
    const host = new FakeExcelHost();
    host.wb.addWorksheet(SUMMARY_SHEETS.scores).getCell("A1").value = "สรุปเดิม";
    const signal = { aborted: false };
    let calls = 0;
    const err = await host
      .run((ctx) =>
        writeSummarySheets(ctx, sheets, {
          maxChunkBytes: 20_000,
          signal,
          onProgress: () => {
            if (++calls === 3) signal.aborted = true;
          },
        })
      )
      .catch((e) => e);
    expect(err).toBeInstanceOf(CancelledError);
    expect(host.wb.worksheets.map((w) => w.name)).toEqual(["Sheet1", SUMMARY_SHEETS.scores]);
    expect(host.wb.getWorksheet(SUMMARY_SHEETS.scores)!.getCell("A1").value).toBe("สรุปเดิม");

    await host.run((ctx) => writeSummarySheets(ctx, sheets));
    expect(host.wb.worksheets.map((w) => w.name)).toEqual([
      "Sheet1",
      ...Object.values(SUMMARY_SHEETS),
    ]);
    expect(host.wb.getWorksheet(SUMMARY_SHEETS.scores)!.getCell("A1").value).toBe(
      "สรุปคะแนน ITA รายหน่วยงาน"
    );
    expect(host.state.active).toBe(SUMMARY_SHEETS.scores);
  });

  it("removes an earlier summary's comparison sheet when the new summary has none, only once the new one stands", async () => {
    const host = new FakeExcelHost();
    host.wb.addWorksheet(SUMMARY_SHEETS.scores).getCell("A1").value = "สรุปเดิม";
    host.wb.addWorksheet(COMPARE_SHEET).getCell("A1").value = "เทียบเดิม";
    host.wb.addWorksheet("ของผู้ใช้").getCell("A1").value = "x";
    const signal = { aborted: false };
    const err = await host
      .run((ctx) =>
        writeSummarySheets(ctx, sheets, { signal, onProgress: () => (signal.aborted = true) })
      )
      .catch((e) => e);
    expect(err).toBeInstanceOf(CancelledError);
    expect(host.wb.getWorksheet(COMPARE_SHEET)!.getCell("A1").value).toBe("เทียบเดิม");

    await host.run((ctx) => writeSummarySheets(ctx, sheets));
    expect(host.wb.worksheets.map((w) => w.name)).toEqual([
      "Sheet1",
      "ของผู้ใช้",
      ...Object.values(SUMMARY_SHEETS),
    ]);
  });
});
