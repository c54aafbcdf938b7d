/**
 * Text stays text in Excel: district text that starts like a formula ("=", "+", "-", "@"), a number,
 * or with a tab or carriage return reaches the cell as the same text, through both Office.js writers
 * (the form and the central summary), in the strict host that enters values as Excel does. The
 * writers rely on the documented Text number format applied in a request before the values
 * (test/host/entry.ts, src/excel/writeForm.ts).
 */
import fc from "fast-check";
import { renderForm, SummarySheet } from "../../src/domain";
import { FY2567 } from "../forms";
import { scaffoldSheet, writeSummarySheets } from "../../src/excel";
import { FakeExcelHost } from "../host/fakeExcel";
import { sampleMeta, sampleReport } from "../helpers";

const start = fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", "- ", "=-", "+66 ");
const rest = fc.string({
  unit: fc.constantFrom(..."กขคงอะาิ่้ 0123456789+-*/=().,%@'\"SUMA1:B2\t\n".split("")),
  maxLength: 24,
});
/** Text a district could type or paste: formula-like, number-like, bullets, phone numbers. */
const riskyText = fc.tuple(start, rest).map(([a, b]) => a + b);

/** What a writer's text cell holds: `values` and `formulas` both give the text back. */
async function readBack(host: FakeExcelHost, sheet: string, cells: string[]) {
  return host.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    const ranges = cells.map((c) => ws.getRange(c).load("values,formulas"));
    await ctx.sync();
    return ranges.map((r) => [r.values[0][0], r.formulas[0][0]]);
  });
}

describe("text stays text in Excel", () => {
  it("in a form written by the pane", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(riskyText, { minLength: 4, maxLength: 12 }), async (texts) => {
        const report = sampleReport();
        const fields = ["issue", "measures", "results", "evidence"] as const;
        texts.forEach((t, i) => {
          const item = report.items[i % report.items.length];
          item[fields[Math.floor(i / report.items.length) % 4 || i % 4]] = t;
        });
        const model = renderForm(FY2567, sampleMeta(), report);
        const host = new FakeExcelHost();
        await host.run((ctx) => scaffoldSheet(ctx, model));
        const cells: string[] = [];
        const expected: string[] = [];
        model.values.forEach((row, r) =>
          row.forEach((v, c) => {
            if (typeof v === "string" && texts.some((t) => t && v === t)) {
              cells.push(`${String.fromCharCode(65 + c)}${r + 1}`);
              expected.push(v);
            }
          })
        );
        const got = await readBack(host, model.name, cells);
        expect(got).toEqual(expected.map((t) => [t, t]));
      }),
      { numRuns: 25 }
    );
  });

  it("in the central summary", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(riskyText, { minLength: 1, maxLength: 20 }), async (texts) => {
        const sheet: SummarySheet = {
          name: "ITA สรุปมาตรการ",
          title: "สรุป",
          subtitle: "=ทดสอบ",
          columns: [
            { header: "-หน่วยงาน", width: 20, kind: "text" },
            { header: "มาตรการ", width: 40, kind: "text" },
          ],
          rows: texts.map((t, i) => ({ kind: "data", cells: [`+${i}`, t] })),
          freeze: { rows: 3, cols: 0 },
          print: { scale: 100, titleCols: 0, rowBreaks: [], colBreaks: [], overThenDown: false },
          wrap: true,
        };
        const host = new FakeExcelHost();
        await host.run((ctx) => writeSummarySheets(ctx, [sheet], { maxChunkBytes: 300 }));
        const cells = ["A2", "A3", ...texts.flatMap((_, i) => [`A${i + 4}`, `B${i + 4}`])];
        const expected = [sheet.subtitle, "-หน่วยงาน", ...texts.flatMap((t, i) => [`+${i}`, t])].map(
          (t) => (t === "" ? "" : t)
        );
        const got = await readBack(host, sheet.name, cells);
        expect(got).toEqual(expected.map((t) => [t, t]));
      }),
      { numRuns: 40 }
    );
  });
});
