/**
 * The strict host as a user's Excel: what typing leaves in a cell (test/host/typing.ts, each rule
 * cited there) and worksheet.onChanged (test/host/events.ts).
 */
import { BASELINE, CURRENT, FakeExcelHost, sheetId } from "../host/fakeExcel";
import { held } from "./held";

/** Type into Sheet1!A1 formatted `numFmt` (General when absent) and say what the cell holds. */
function typed(text: string, numFmt?: string) {
  const host = new FakeExcelHost();
  const ws = host.wb.getWorksheet("Sheet1")!;
  if (numFmt) ws.getCell("A1").numFmt = numFmt;
  host.type("Sheet1", "A1", text);
  return held(ws, "A1");
}

describe("strict host: what typing in Excel makes of an entry", () => {
  it.each([
    // A percentage is the fraction, shown with a percentage format (the score cell's 0.00 too).
    ["85%", undefined, 0.85, "0%"],
    ["85%", "0.00", 0.85, "0%"],
    ["85.5%", "General", 0.855, "0.00%"],
    // Typed into a cell already shown as a percentage: automatic percent entry.
    ["85", "0%", 0.85, "0%"],
    [".85", "0%", 0.85, "0%"],
    ["0.85", "0%", 0.0085, "0%"],
    // Thousands separators: the number, with a thousands format in a General cell.
    ["1,234.5", undefined, 1234.5, "#,##0.0"],
    ["1,234", undefined, 1234, "#,##0"],
    ["1,234.5", "0.00", 1234.5, "0.00"],
    // A leading apostrophe: the rest as text, the apostrophe not part of it.
    ["'0812345678", undefined, "0812345678", "General"],
    ["'85%", "0.00", "85%", "0.00"],
    // Dates: the serial number (days since 30 December 1899) with a date format.
    ["3/15/2024", undefined, 45366, "m/d/yyyy"],
    ["2024-03-15", undefined, 45366, "m/d/yyyy"],
    ["2/30/2024", undefined, "2/30/2024", "General"],
    // A Text cell keeps what is typed.
    ["85%", "@", "85%", "@"],
    ["96.31", undefined, 96.31, "General"],
    ["๙๖.๓๑", undefined, "๙๖.๓๑", "General"],
  ])("%p typed in a cell formatted %p holds %p shown as %p", (text, fmt, value, shown) => {
    expect(typed(text, fmt)).toEqual([value, shown]);
  });

  it("refuses typing into a locked cell of a protected sheet (Excel says so and keeps the cell)", async () => {
    const host = new FakeExcelHost();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").protection.protect();
      await ctx.sync();
    });
    expect(() => host.type("Sheet1", "A1", "x")).toThrow("Sheet1!A1 is locked");
  });
});

describe("strict host: worksheet.onChanged", () => {
  async function watched(apiSets = CURRENT) {
    const host = new FakeExcelHost(undefined, { apiSets });
    const seen: unknown[] = [];
    const handler = await host.run(async (ctx) => {
      const h = ctx.workbook.worksheets
        .getItem("Sheet1")
        .onChanged.add(async (e: unknown) => void seen.push(e));
      await ctx.sync();
      return h;
    });
    return { host, seen, handler };
  }

  it("raises the user's typing after the entry, with the cell and its values; the add-in's own write as its own", async () => {
    const { host, seen } = await watched();
    const id = sheetId(host.wb.getWorksheet("Sheet1")!);
    host.type("Sheet1", "B3", "85%");
    // Raised after the change, not inside it.
    expect(seen).toEqual([]);
    await host.eventsHandled();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("C1:C2").values = [["a"], ["b"]];
      await ctx.sync();
    });
    await host.eventsHandled();
    expect(seen).toEqual([
      {
        address: "B3",
        changeType: "RangeEdited",
        source: "Local",
        type: "WorksheetChanged",
        worksheetId: id,
        triggerSource: "Unknown",
        details: { valueBefore: "", valueAfter: 0.85 },
      },
      {
        address: "C1:C2",
        changeType: "RangeEdited",
        source: "Local",
        type: "WorksheetChanged",
        worksheetId: id,
        triggerSource: "ThisLocalAddin",
      },
    ]);
  });

  it("tells no trigger before ExcelApi 1.14, and stops once the handler is removed", async () => {
    const { host, seen, handler } = await watched(BASELINE);
    host.type("Sheet1", "A1", "x");
    await host.eventsHandled();
    expect(seen).toHaveLength(1);
    expect("triggerSource" in (seen[0] as object)).toBe(false);
    (handler as { remove: () => void }).remove();
    await (handler as { context: { sync: () => Promise<void> } }).context.sync();
    host.type("Sheet1", "A2", "y");
    await host.eventsHandled();
    expect(seen).toHaveLength(1);
  });
});
