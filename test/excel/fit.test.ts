import {
  normalizableScores,
  renderForm,
  resolveUnit,
  validate,
  type FormMeta,
  type FormSheet,
} from "../../src/domain";
import {
  insertPhoto,
  insertStandardMeasures,
  locateFormSheet,
  scaffoldSheet,
  writeScores,
} from "../../src/excel";
import { fitFormSheet, growChangedRows } from "../../src/excel/fit";
import { nodeInflate, readFormsFromBytes } from "../../src/xlsx";
import { BASELINE, CURRENT, FakeExcelHost } from "../host/fakeExcel";
import { held } from "./held";
import { FY2567 } from "../forms";
import { blankMeta } from "../helpers";
import sampleJson from "../../samples/chom-thong-2567-r6.json";

const NOW = new Date(2025, 0, 1);
const LONG_ISSUE = "ข้อความยาว ".repeat(60).trim();
/** A 1×1 PNG. */
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

async function blankSheet(apiSets = CURRENT, meta: FormMeta = blankMeta()) {
  const host = new FakeExcelHost(undefined, { apiSets });
  const model = renderForm(FY2567, meta);
  await host.run((ctx) => scaffoldSheet(ctx, model));
  return { host, sheet: model.name };
}

async function look(host: FakeExcelHost, mergedAreas = true) {
  const r = await host.run((ctx) => locateFormSheet(ctx, { mergedAreas, geometry: true }));
  if (r.kind !== "form") throw new Error("no form");
  return r;
}

const issuesOf = (form: FormSheet, rule: string) =>
  validate(form, { now: NOW })
    .issues.filter((i) => i.rule === rule)
    .map((i) => i.cell);

/** The blank form typed into in Excel: I1's group measures, I5's issue, I1's score as "85%". */
function typeChomThong(host: FakeExcelHost, sheet: string) {
  host.type(sheet, "E13", sampleJson.items[0].measures);
  host.type(sheet, "D19", LONG_ISSUE);
  host.type(sheet, "B13", "85%");
}

const protectedNow = (host: FakeExcelHost, sheet: string) =>
  Boolean(
    (host.wb.getWorksheet(sheet) as unknown as { sheetProtection?: { sheet?: boolean } })
      .sheetProtection?.sheet
  );

describe("fitting a sheet typed in Excel for print (Office.js)", () => {
  it("finds what prints cut off, fits it in four requests writing only what changed, and leaves nothing to do after", async () => {
    const { host, sheet } = await blankSheet();
    typeChomThong(host, sheet);
    const before = await look(host);
    // The active sheet, then how it prints (row heights, widths, breaks): two requests.
    expect(before.syncs).toBe(2);
    expect(issuesOf(before.form, "print.clipped")).toEqual(["E13", "D19"]);
    expect(issuesOf(before.form, "score.percent")).toEqual(["B13"]);
    expect(before.form.items[0].score).toBe(85);
    const metaBefore = JSON.stringify(host.wb.getWorksheet("ITA_META")!.getSheetValues());

    const sent = host.state.requests.length;
    const r = await host.run((ctx) => fitFormSheet(ctx, sheet, { mergedAreas: true }));
    expect(r).toEqual({
      unchanged: false,
      rewritten: [13, 81],
      heights: 56,
      breaks: true,
      pictures: 0,
      cutBefore: 2,
      pages: 41,
      syncs: 4,
    });
    expect(host.lastContext.syncCount).toBe(4);
    // Every request under the pane's budget (a fifth of Excel on the web's 5 MB).
    expect(Math.max(...host.state.requests.slice(sent).map((q) => q.bytes))).toBeLessThan(
      1_000_000
    );

    const after = await look(host);
    expect(issuesOf(after.form, "print.clipped")).toEqual([]);
    const fields = (f: FormSheet) =>
      f.items.map((it) => [it.code, it.score, it.issue, it.measures, it.results, it.evidence]);
    expect(fields(after.form)).toEqual(fields(before.form));
    // The score typed as 85% is as it was (the fit lays out, it does not correct): still 0.85 as 85%.
    expect(held(host.wb.getWorksheet(sheet)!, "B13")).toEqual([0.85, "0%"]);
    expect(protectedNow(host, sheet)).toBe(true);
    expect(host.state.selected).toBeNull();
    expect(JSON.stringify(host.wb.getWorksheet("ITA_META")!.getSheetValues())).toBe(metaBefore);

    const again = await host.run((ctx) => fitFormSheet(ctx, sheet, { mergedAreas: true }));
    expect([again.unchanged, again.syncs, host.lastContext.syncCount]).toEqual([true, 2, 2]);
  });

  it("fits on an Excel that cannot tell merged areas (ExcelApi 1.9), and the sheet reads the same", async () => {
    const { host, sheet } = await blankSheet(BASELINE);
    typeChomThong(host, sheet);
    const before = await look(host, false);
    const r = await host.run((ctx) => fitFormSheet(ctx, sheet, { mergedAreas: false }));
    expect([r.unchanged, r.pages, r.syncs]).toEqual([false, 41, 4]);
    const after = await look(host, false);
    expect(after.form.items.map((i) => [i.code, i.measures, i.issue])).toEqual(
      before.form.items.map((i) => [i.code, i.measures, i.issue])
    );
    // That Excel cannot say how the sheet prints; the file it saves can: nothing cut off.
    const [saved] = readFormsFromBytes("saved.xlsx", new Uint8Array(await host.xlsx()), {
      inflate: nodeInflate,
    });
    expect(issuesOf(saved, "print.clipped")).toEqual([]);
  });

  it("moves a picture in I5's evidence cell with I5", async () => {
    const { host, sheet } = await blankSheet();
    const located = await look(host);
    await host.run((ctx) => insertPhoto(ctx, located.form, "I5", Buffer.from(PNG, "base64"), PNG));
    typeChomThong(host, sheet);
    const r = await host.run((ctx) => fitFormSheet(ctx, sheet, { mergedAreas: true }));
    expect(r.pictures).toBe(1);
    const after = await look(host);
    const i5 = after.form.items.find((i) => i.code === "I5")!;
    expect([i5.cells.evidence, i5.photos]).toEqual(["G20", 1]);
  });

  it("grows only the rows typed in, and says when the pages still need fitting", async () => {
    const { host, sheet } = await blankSheet();
    host.type(sheet, "D19", LONG_ISSUE);
    const ws = host.wb.getWorksheet(sheet)!;
    const heights = () => Array.from({ length: 30 }, (_, i) => ws.getRow(i + 1).height);
    const before = heights();
    const r = await host.run((ctx) => growChangedRows(ctx, sheet, [19], { mergedAreas: true }));
    expect(r).toEqual({ heights: 1, fitNeeded: true, syncs: 3 });
    // Row 19 grew to Excel's most (15 lines of 16 pt); no other row moved.
    expect(ws.getRow(19).height).toBe(394.4);
    expect(heights().filter((h, i) => h !== before[i])).toEqual([394.4]);
    expect(host.state.selected).toBeNull();
  });

  it("converts a score typed as 85% into the number 85 with the score's format, on the protected sheet", async () => {
    const { host, sheet } = await blankSheet();
    host.type(sheet, "B13", "85%");
    const found = await look(host);
    const fixes = normalizableScores(found.form);
    expect(fixes).toEqual([{ code: "I1", cell: "B13", before: "85%", after: 85, numFmt: "0.00" }]);
    await host.run((ctx) => writeScores(ctx, sheet, fixes, found.protectedSheet));
    expect(held(host.wb.getWorksheet(sheet)!, "B13")).toEqual([85, "0.00"]);
    expect(protectedNow(host, sheet)).toBe(true);
    expect(issuesOf((await look(host)).form, "score.percent")).toEqual([]);
  });
});

describe("measures go where the user meant", () => {
  it("gives I22 its own cell when its standard measures go in, and the problems do not rise", async () => {
    // A blank FY2569 12-month form with Chom Thong's scores typed in: only I22 (82.01) is under 85.
    const meta: FormMeta = {
      ...blankMeta(),
      unit: resolveUnit("1035"),
      fiscalYear: 2569,
      round: 12,
    };
    const { host, sheet } = await blankSheet(CURRENT, meta);
    const first = await look(host);
    for (const it of sampleJson.items) {
      const cell = first.form.items.find((i) => i.code === it.code)!.cells.score;
      host.type(sheet, cell, String(it.score));
    }
    const before = await look(host);
    const vBefore = validate(before.form, { now: NOW });
    expect(vBefore.issues.filter((i) => i.code === "I22").map((i) => i.rule)).toEqual([
      "flag.measures-required",
      "flag.evidence",
    ]);
    const i22 = FY2567.byCode.get("I22")!;
    await host.run((ctx) =>
      insertStandardMeasures(ctx, before.form, i22, i22.standardMeasures, before.protectedSheet)
    );
    // The pane fits the sheet after every one-click write (FlagsView): I22's own text is laid out.
    await host.run((ctx) => fitFormSheet(ctx, sheet, { mergedAreas: true }));
    const after = await look(host);
    const vAfter = validate(after.form, { now: NOW });
    expect(vAfter.errors + vAfter.warnings).toBeLessThanOrEqual(vBefore.errors + vBefore.warnings);
    // I22's own cell holds its measures; I21, I23 and I24 took none on (no "no results" for them).
    const item = (c: string) => after.form.items.find((i) => i.code === c)!;
    expect(item("I22").measures).toContain(i22.standardMeasures[0]);
    expect(item("I22").sharedWith).toEqual([]);
    expect(["I21", "I23", "I24"].map((c) => item(c).measures)).toEqual(["", "", ""]);
    expect(vAfter.issues.filter((i) => i.rule === "results.missing").map((i) => i.code)).toEqual([
      "I22",
    ]);
    expect(vAfter.issues.filter((i) => i.rule === "flag.measures-shared")).toEqual([]);
  });
});
