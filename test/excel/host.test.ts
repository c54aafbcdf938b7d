/**
 * The strict host behaves as Excel documents it (each rule's source is cited where the host models
 * it, test/host/*.ts). These are the behaviours the add-in once relied on the host not to have.
 */
import { readActiveForm } from "../../src/excel";
import {
  BASELINE,
  CURRENT,
  FakeExcelHost,
  MAX_CELL_CHARS,
  PAYLOAD_LIMIT,
  sheetId,
} from "../host/fakeExcel";

type Batch = (ctx: Excel.RequestContext) => Promise<unknown>;

const code = (e: unknown) => (e as { code?: string }).code;

async function failure(host: FakeExcelHost, batch: Batch): Promise<string | undefined> {
  return host.run(batch).then(
    () => undefined,
    (e) => code(e)
  );
}

const sheet1 = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("Sheet1");

describe("strict host: workbook and sheets", () => {
  it("starts as Excel does, with one sheet named Sheet1; add() does not activate", async () => {
    const host = new FakeExcelHost();
    const names = await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("B");
      const all = ctx.workbook.worksheets.load("items/name");
      const active = ctx.workbook.worksheets.getActiveWorksheet().load("name");
      await ctx.sync();
      return [all.items.map((w) => w.name), active.name];
    });
    expect(names).toEqual([["Sheet1", "B"], "Sheet1"]);
  });

  it.each([
    ["a name over 31 characters", "x".repeat(32)],
    ["a forbidden character", "ITA: สรุป"],
    ["a slash", "2567/6"],
    ["a blank name", "  "],
    ["the reserved History", "history"],
    ["a leading apostrophe", "'ITA"],
  ])("refuses %s with InvalidArgument instead of cutting it", async (_what, name) => {
    const host = new FakeExcelHost();
    expect(
      await failure(host, async (ctx) => (ctx.workbook.worksheets.add(name), ctx.sync()))
    ).toBe("InvalidArgument");
    expect(host.wb.worksheets.map((w) => w.name)).toEqual(["Sheet1"]);
  });

  it("compares sheet names without case and finds sheets by id", async () => {
    const host = new FakeExcelHost();
    expect(
      await failure(host, async (ctx) => (ctx.workbook.worksheets.add("SHEET1"), ctx.sync()))
    ).toBe("ItemAlreadyExists");
    const id = sheetId(host.wb.getWorksheet("Sheet1")!);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(id).name = "Renamed";
      await ctx.sync();
    });
    expect(host.wb.worksheets[0].name).toBe("Renamed");
  });

  it("refuses to delete a very hidden sheet, and the last visible one", async () => {
    const host = new FakeExcelHost();
    host.wb.addWorksheet("META").state = "veryHidden";
    expect(
      await failure(
        host,
        async (ctx) => (ctx.workbook.worksheets.getItem("META").delete(), ctx.sync())
      )
    ).toBe("InvalidOperation");
    expect(await failure(host, async (ctx) => (sheet1(ctx).delete(), ctx.sync()))).toBe(
      "InvalidOperation"
    );
    await host.run(async (ctx) => {
      const meta = ctx.workbook.worksheets.getItem("META");
      meta.visibility = "Hidden";
      meta.delete();
      await ctx.sync();
    });
    expect(host.wb.worksheets.map((w) => w.name)).toEqual(["Sheet1"]);
  });

  it("fails a missing sheet at sync with ItemNotFound, and a null object is only a null object", async () => {
    const host = new FakeExcelHost();
    expect(
      await failure(host, async (ctx) => (ctx.workbook.worksheets.getItem("none"), ctx.sync()))
    ).toBe("ItemNotFound");
    const isNull = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject("none");
      await ctx.sync();
      // The documented *OrNullObject pattern reads isNullObject after a sync, without load()
      // (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties).
      // eslint-disable-next-line office-addins/call-sync-before-read
      return ws.isNullObject;
    });
    expect(isNull).toBe(true);
  });
});

describe("strict host: loads", () => {
  it("makes readable only what load() names: values do not bring address or rowCount", async () => {
    const host = new FakeExcelHost();
    host.wb.getWorksheet("Sheet1")!.getCell("C5").value = 7;
    await host.run(async (ctx) => {
      const used = sheet1(ctx).getUsedRange().load("values");
      await ctx.sync();
      expect(used.values).toEqual([[7]]);
      expect(() => used.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => used.rowCount).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      const all = sheet1(ctx).getUsedRange().load();
      await ctx.sync();
      // The used range need not start at A1.
      expect([all.address, all.rowIndex, all.columnIndex, all.rowCount]).toEqual([
        "Sheet1!C5",
        4,
        2,
        1,
      ]);
    });
  });

  it("gives A1 as the used range of a blank sheet, and a null object for the OrNullObject form", async () => {
    const host = new FakeExcelHost();
    await host.run(async (ctx) => {
      const used = sheet1(ctx).getUsedRange().load("address");
      const orNull = sheet1(ctx).getUsedRangeOrNullObject().load("address");
      await ctx.sync();
      expect(used.address).toBe("Sheet1!A1");
      expect(orNull.isNullObject).toBe(true);
    });
  });
});

describe("strict host: values", () => {
  async function write(values: unknown[][], at = "A1:B1", format?: string[][]) {
    const host = new FakeExcelHost();
    const err = await failure(host, async (ctx) => {
      if (format) {
        sheet1(ctx).getRange(at).numberFormat = format;
        await ctx.sync();
      }
      sheet1(ctx).getRange(at).values = values;
      await ctx.sync();
    });
    return { host, err };
  }

  it("refuses a values array that does not match the range, and a single value", async () => {
    expect((await write([[1, 2, 3]])).err).toBe("InvalidArgument");
    expect((await write([[1], [2]])).err).toBe("InvalidArgument");
    expect((await write(5 as unknown as unknown[][])).err).toBe("InvalidArgument");
    expect((await write([[1, 2]])).err).toBeUndefined();
  });

  it("refuses NaN, Infinity and text over 32,767 characters", async () => {
    expect((await write([[NaN, 1]])).err).toBe("InvalidArgument");
    expect((await write([[Infinity, 1]])).err).toBe("InvalidArgument");
    expect((await write([["ก".repeat(MAX_CELL_CHARS + 1), ""]])).err).toBe("InvalidArgument");
    expect((await write([["ก".repeat(MAX_CELL_CHARS), ""]])).err).toBeUndefined();
  });

  it('takes text starting with "=", "+", "-" as a formula: values give its result, formulas the formula', async () => {
    const { host } = await write([["=1+1", "- ทำโครงการ"]]);
    await host.run(async (ctx) => {
      const r = sheet1(ctx).getRange("A1:B1").load("values,formulas");
      await ctx.sync();
      expect(r.values).toEqual([[2, "#NAME?"]]);
      expect(r.formulas).toEqual([["=1+1", "=- ทำโครงการ"]]);
    });
  });

  it("computes CHAR as Excel does: the item labels put the score on a line of its own with CHAR(10)", async () => {
    // https://support.microsoft.com/office/char-function-bbd249c8-b36e-4a91-8017-1c133f9b837a
    const { host } = await write(
      [['="ข้อ"&CHAR(10)&"(96.31 คะแนน)"', "=CHAR(128)", "=CHAR(0)", "=CHAR(65.9)"]],
      "A1:D1"
    );
    await host.run(async (ctx) => {
      const r = sheet1(ctx).getRange("A1:D1").load("values");
      await ctx.sync();
      expect(r.values).toEqual([["ข้อ\n(96.31 คะแนน)", "€", "#VALUE!", "A"]]);
    });
  });

  it("computes INT as Excel does: a whole score prints without decimals, as the official form's (100 คะแนน)", async () => {
    // https://support.microsoft.com/office/int-function-a6c4af9e-356d-4369-ab6a-cb1fd9d343ef
    const { host } = await write(
      [
        [
          "=INT(8.9)",
          "=INT(-8.9)",
          '="("&FIXED(100,IF(100=INT(100),0,2))&" คะแนน)"',
          '="("&FIXED(95.8,IF(95.8=INT(95.8),0,2))&" คะแนน)"',
        ],
      ],
      "A1:D1"
    );
    await host.run(async (ctx) => {
      const r = sheet1(ctx).getRange("A1:D1").load("values");
      await ctx.sync();
      expect(r.values).toEqual([[8, -9, "(100 คะแนน)", "(95.80 คะแนน)"]]);
    });
  });

  it("turns number-like text into numbers in a General cell, keeps it in a Text cell", async () => {
    const general = await write([["0812345678", "1,234"]]);
    expect(general.host.wb.getWorksheet("Sheet1")!.getCell("A1").value).toBe(812345678);
    const text = await write([["0812345678", "=1+1"]], "A1:B1", [["@", "@"]]);
    const ws = text.host.wb.getWorksheet("Sheet1")!;
    expect([ws.getCell("A1").value, ws.getCell("B1").value]).toEqual(["0812345678", "=1+1"]);
  });

  it("does not let a Text format set in the same request govern the values of that request", async () => {
    const host = new FakeExcelHost();
    await host.run(async (ctx) => {
      const r = sheet1(ctx).getRange("A1");
      r.numberFormat = [["@"]];
      r.values = [["=1+1"]];
      await ctx.sync();
    });
    expect(host.wb.getWorksheet("Sheet1")!.getCell("A1").formula).toBe("1+1");
  });
});

describe("strict host: protection", () => {
  it("fails protect() on a protected sheet and unprotect() on an unprotected one", async () => {
    const host = new FakeExcelHost();
    expect(
      await failure(host, async (ctx) => (sheet1(ctx).protection.unprotect(), ctx.sync()))
    ).toBe("AccessDenied");
    await host.run(async (ctx) => (sheet1(ctx).protection.protect(), ctx.sync()));
    expect(await failure(host, async (ctx) => (sheet1(ctx).protection.protect(), ctx.sync()))).toBe(
      "AccessDenied"
    );
  });

  it("fails unprotect() with a wrong password with BadPassword, and refuses edits of locked cells", async () => {
    const host = new FakeExcelHost();
    await host.run(async (ctx) => (sheet1(ctx).protection.protect({}, "secret"), ctx.sync()));
    expect(
      await failure(host, async (ctx) => (sheet1(ctx).protection.unprotect("guess"), ctx.sync()))
    ).toBe("BadPassword");
    expect(
      await failure(host, async (ctx) => ((sheet1(ctx).getRange("A1").values = [[1]]), ctx.sync()))
    ).toBe("AccessDenied");
    await host.run(async (ctx) => (sheet1(ctx).protection.unprotect("secret"), ctx.sync()));
  });
});

describe("strict host: formatting rows under protection", () => {
  it("sets a row's height on a protected sheet only where formatting rows is allowed, as Excel does", async () => {
    const host = new FakeExcelHost();
    const setHeight = async (ctx: Excel.RequestContext) => {
      sheet1(ctx).getRange("A2").format.rowHeight = 40;
      await ctx.sync();
    };
    await host.run(async (ctx) => (sheet1(ctx).protection.protect(), ctx.sync()));
    expect(await failure(host, setHeight)).toBe("AccessDenied");
    await host.run(async (ctx) => {
      sheet1(ctx).protection.unprotect();
      sheet1(ctx).protection.protect({ allowFormatRows: true });
      await ctx.sync();
    });
    await host.run(setHeight);
    expect(host.wb.getWorksheet("Sheet1")!.getRow(2).height).toBe(40);
  });
});

describe("strict host: request size, requirement sets, faults", () => {
  it("refuses a request over 5 MB as a whole, measured on the serialized request", async () => {
    const host = new FakeExcelHost();
    const text = "ก".repeat(20_000); // 60,000 bytes in UTF-8
    const rows = Math.ceil(PAYLOAD_LIMIT / 60_000) + 1;
    const err = await failure(host, async (ctx) => {
      sheet1(ctx).getRangeByIndexes(0, 0, rows, 1).values = Array.from({ length: rows }, () => [
        text,
      ]);
      await ctx.sync();
    });
    expect(err).toBe("RequestPayloadSizeLimitExceeded");
    expect(host.wb.getWorksheet("Sheet1")!.getCell("A1").value).toBeNull();
    expect(host.state.requests[0].bytes).toBeGreaterThan(PAYLOAD_LIMIT);
  });

  it("counts every object and property set: formatting many ranges makes a large request", async () => {
    const host = new FakeExcelHost();
    await host.run(async (ctx) => {
      for (let r = 0; r < 100; r++)
        sheet1(ctx).getRangeByIndexes(r, 0, 1, 5).format.font.bold = true;
      await ctx.sync();
    });
    const [req] = host.state.requests;
    // workbook and worksheets; per range: the sheet, range, format and font instantiated, and the set
    expect(req.actions).toBe(2 + 100 * 5);
    expect(req.bytes).toBeGreaterThan(100 * 300);
  });

  it("supports only the requirement sets the test chose", async () => {
    const merged = (host: FakeExcelHost) =>
      host
        .run((ctx) => readActiveForm(ctx, { mergedAreas: true }))
        .then(
          () => "ok",
          (e) => e.code
        );
    const baseline = new FakeExcelHost(undefined, { apiSets: BASELINE });
    baseline.wb.getWorksheet("Sheet1")!.getCell("A1").value = "x";
    expect(await merged(baseline)).toBe("ApiNotFound");
    expect(baseline.office().context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    const current = new FakeExcelHost(undefined, { apiSets: CURRENT });
    current.wb.getWorksheet("Sheet1")!.getCell("A1").value = "x";
    expect(await merged(current)).toBe("NotAForm");
  });

  it("fails the operation a fault names, after applying what came before it in the request", async () => {
    const host = new FakeExcelHost();
    host.faults.add({ op: /B1.*values|Sheet1\.range\.values/, code: "GeneralException", times: 1 });
    const err = await failure(host, async (ctx) => {
      sheet1(ctx).getRange("A1").format.font.bold = true;
      sheet1(ctx).getRange("B1").values = [[1]];
      sheet1(ctx).getRange("C1").format.font.bold = true;
      await ctx.sync();
    });
    expect(err).toBe("GeneralException");
    const ws = host.wb.getWorksheet("Sheet1")!;
    expect([
      ws.getCell("A1").font?.bold,
      ws.getCell("B1").value,
      ws.getCell("C1").font?.bold,
    ]).toEqual([true, null, undefined]);
    expect(host.faults.hits).toEqual(["Sheet1.range.values"]);
  });
});
