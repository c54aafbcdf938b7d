import {
  DEFAULT_FORM,
  fitInBox,
  imageInfo,
  parseRange,
  renderForm,
  validate,
} from "../../src/domain";
import {
  ExcelActionError,
  locateFormSheet,
  insertPhoto,
  insertPhotos,
  photosIn,
  readActiveForm,
  scaffoldSheet,
} from "../../src/excel";
import { nodeInflate, readFormsFromBytes } from "../../src/xlsx";
import { FakeExcelHost } from "../host/fakeExcel";
import { sampleMeta, sampleReport } from "../helpers";

/** A PNG header (signature, IHDR with the size, IEND): what the reader and the host look at. */
function png(width: number, height: number): Uint8Array {
  const b = Buffer.alloc(8 + 25 + 12);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write("IHDR", 12, "latin1");
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  b.set([8, 6, 0, 0, 0], 24);
  b.writeUInt32BE(0, 33);
  b.write("IEND", 37, "latin1");
  return new Uint8Array(b);
}

/** A JPEG's first segments: SOI, an APP0 segment, then SOF0 with the size. */
function jpeg(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...new Array(14).fill(0)];
  const sof0 = [
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    3,
  ];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0, ...new Array(12).fill(0)]);
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

describe("picture sizes", () => {
  it("reads the size of PNG and JPEG pictures and nothing else", () => {
    expect(imageInfo(png(800, 600))).toEqual({ format: "png", width: 800, height: 600 });
    expect(imageInfo(jpeg(1024, 768))).toEqual({ format: "jpeg", width: 1024, height: 768 });
    expect(imageInfo(new TextEncoder().encode("GIF89a......"))).toBeNull();
    expect(imageInfo(new Uint8Array([0xff, 0xd8, 0x00]))).toBeNull();
  });

  it("fits a picture in a box keeping its proportions, never enlarging it", () => {
    expect(fitInBox({ width: 800, height: 600 }, { width: 200, height: 300 })).toEqual({
      width: 200,
      height: 150,
    });
    expect(fitInBox({ width: 80, height: 60 }, { width: 200, height: 300 })).toEqual({
      width: 80,
      height: 60,
    });
  });
});

describe("inserting an activity photo through Office.js", () => {
  async function formWithoutEvidence() {
    // I22 is under the pass mark; its group I21–I24 has no photos or links yet.
    const report = sampleReport();
    report.items = report.items.map((i) => (/^I2[1-4]$/.test(i.code) ? { ...i, evidence: "" } : i));
    const host = new FakeExcelHost();
    await host.run((ctx) => scaffoldSheet(ctx, renderForm(DEFAULT_FORM, sampleMeta(), report)));
    const { form } = await host.run((ctx) => readActiveForm(ctx));
    return { host, form };
  }

  it("puts the picture in the item's evidence cell, sized to fit, on the protected form: it counts as evidence", async () => {
    const { host, form } = await formWithoutEvidence();
    const now = new Date(2024, 4, 1);
    const evidenceWarning = (f: typeof form) =>
      validate(f, { now }).issues.find((i) => i.code === "I22" && i.rule === "flag.evidence");
    expect(evidenceWarning(form)).toBeDefined();

    const bytes = png(1600, 1200);
    await host.run((ctx) => insertPhoto(ctx, form, "I22", bytes, b64(bytes)));
    expect(host.lastContext.syncCount).toBe(2);

    const ws = host.wb.getWorksheet(form.sheet)!;
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(
      true
    );
    const [image] = ws.getImages();
    const i22 = form.items.find((i) => i.code === "I22")!;
    const { c1: col, r1: row } = parseRange(i22.cells.evidence)!;
    // Anchored inside the evidence cell, no wider than the column.
    expect(Math.floor(image.range.tl.nativeCol)).toBe(col - 1);
    expect(Math.floor(image.range.tl.nativeRow)).toBe(row - 1);
    const widthPt = ((ws.getColumn(col).width! * 7 + 5) * 3) / 4;
    const ext = (image.range as unknown as { ext: { width: number; height: number } }).ext;
    expect((ext.width * 3) / 4).toBeLessThanOrEqual(widthPt);
    expect(ext.width / ext.height).toBeCloseTo(1600 / 1200, 5);

    // The pane reads it back through Office.js: one more sync, only because the sheet has pictures.
    const again = await host.run((ctx) => readActiveForm(ctx));
    expect(again.syncs).toBe(2);
    expect(again.form.items.filter((i) => i.photos > 0).map((i) => i.code)).toEqual(
      form.items.filter((i) => i.cells.evidence === i22.cells.evidence).map((i) => i.code)
    );
    expect(evidenceWarning(again.form)).toBeUndefined();

    const [read] = readFormsFromBytes("x.xlsx", await host.xlsx(), { inflate: nodeInflate });
    expect(read.items.find((i) => i.code === "I22")!.photos).toBe(1);
    expect(evidenceWarning(read)).toBeUndefined();

    // Found from another sheet (validate and flags find the form wherever the user is): the same count.
    host.wb.addWorksheet("ITA คะแนน");
    host.state.active = "ITA คะแนน";
    const found = await host.run((ctx) => locateFormSheet(ctx));
    expect(found).toMatchObject({ kind: "form", how: "only", syncs: 4 });
    expect(host.lastContext.syncCount).toBe(4);
    if (found.kind === "form")
      expect(found.form.items.map((i) => i.photos)).toEqual(again.form.items.map((i) => i.photos));
  });

  it("refuses a file that is not a PNG or JPEG picture, before touching the sheet", async () => {
    const { host, form } = await formWithoutEvidence();
    const gif = new TextEncoder().encode("GIF89a not a photo we take");
    const err = await host
      .run((ctx) => insertPhoto(ctx, form, "I22", gif, b64(gif)))
      .catch((e) => e);
    expect(err).toBeInstanceOf(ExcelActionError);
    expect(err.reason.th).toContain("PNG หรือ JPEG");
    expect(host.lastContext.syncCount).toBe(0);
    expect(host.wb.getWorksheet(form.sheet)!.getImages()).toHaveLength(0);
  });

  it("says so when the sheet's protection does not allow pictures", async () => {
    const { form } = await formWithoutEvidence();
    // The same form, protected again by someone else without "edit objects".
    const other = new FakeExcelHost();
    await other.run((ctx) =>
      scaffoldSheet(ctx, renderForm(DEFAULT_FORM, sampleMeta(), sampleReport()))
    );
    await other.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(form.sheet);
      ws.protection.unprotect();
      ws.protection.protect({ allowFormatCells: false });
      await ctx.sync();
    });
    const bytes = png(10, 10);
    const err = await other
      .run((ctx) => insertPhoto(ctx, form, "I22", bytes, b64(bytes)))
      .catch((e) => e);
    expect(err).toBeInstanceOf(ExcelActionError);
    expect(err.code).toBe("AccessDenied");
    expect(other.wb.getWorksheet(form.sheet)!.getImages()).toHaveLength(0);
  });
});

describe("carrying photos into a new report through Office.js", () => {
  it("reads the pictures over evidence cells as images (2 syncs) and places them side by side (2 syncs)", async () => {
    const report = sampleReport();
    const host = new FakeExcelHost();
    await host.run((ctx) => scaffoldSheet(ctx, renderForm(DEFAULT_FORM, sampleMeta(), report)));
    const { form } = await host.run((ctx) => readActiveForm(ctx));
    const i5 = form.items.find((i) => i.code === "I5")!.cells.evidence;
    const e14 = form.items.find((i) => i.code === "E14")!.cells.evidence;
    const [a, b, c] = [png(800, 600), png(600, 800), png(200, 200)];
    for (const [code, bytes] of [
      ["I5", a],
      ["I5", b],
      ["E14", c],
    ] as const)
      await host.run((ctx) => insertPhoto(ctx, form, code, bytes, b64(bytes)));

    const got = await host.run((ctx) => photosIn(ctx, form, [i5, e14]));
    expect(host.lastContext.syncCount).toBe(2);
    expect([...got].map(([cell, list]) => [cell, list])).toEqual([
      [i5, [b64(a), b64(b)]],
      [e14, [b64(c)]],
    ]);

    // Into another form's cells: both of I5's side by side in its cell, E14's in its own.
    const meta = { ...sampleMeta(), round: 12 as const };
    await host.run((ctx) => scaffoldSheet(ctx, renderForm(DEFAULT_FORM, meta, report)));
    const placed = await host.run((ctx) =>
      insertPhotos(ctx, "ITA 2567 รอบ 12", [
        {
          cell: i5,
          area: i5,
          images: [
            { base64: b64(a), width: 800, height: 600 },
            { base64: b64(b), width: 600, height: 800 },
          ],
        },
        { cell: e14, area: e14, images: [{ base64: b64(c), width: 200, height: 200 }] },
      ])
    );
    expect(placed).toBe(3);
    expect(host.lastContext.syncCount).toBe(2);
    const ws = host.wb.getWorksheet("ITA 2567 รอบ 12")!;
    const images = ws.getImages().map((img) => {
      const tl = img.range.tl as unknown as { nativeCol: number; nativeRow: number; col: number };
      return { row: tl.nativeRow + 1, col: tl.nativeCol + 1, x: tl.col };
    });
    const at = (cell: string) => parseRange(cell)!;
    expect(images.map(({ row, col }) => [row, col])).toEqual([
      [at(i5).r1, at(i5).c1],
      [at(i5).r1, at(i5).c1],
      [at(e14).r1, at(e14).c1],
    ]);
    // The second picture starts right of the first, inside the same column.
    expect(images[1].x).toBeGreaterThan(images[0].x + 0.4);
    const again = await host.run((ctx) => locateFormSheet(ctx, { sheet: "ITA 2567 รอบ 12" }));
    if (again.kind !== "form") throw new Error("not a form");
    expect(
      Object.fromEntries(again.form.items.filter((i) => i.photos).map((i) => [i.code, i.photos]))
    ).toEqual({ I5: 2, E14: 1 });
  });
});
