import {
  arrayGrid,
  CellGrid,
  fitModel,
  fitRefusal,
  fittedPoint,
  GridCell,
  metaFromReport,
  modelCellText,
  modelGrid,
  readForm,
  renderForm,
  SheetModel,
  sheetSegments,
  validate,
} from "../../src/domain";
import { FY2567 } from "../forms";
import { blankMeta, sampleReport } from "../helpers";
import sampleJson from "../../samples/chom-thong-2567-r6.json";

const filled = () => renderForm(FY2567, metaFromReport(sampleReport()), sampleReport());
const blank = () => renderForm(FY2567, blankMeta());
const texts = (m: SheetModel) => m.values.map((r) => r.map((v) => modelCellText(v)));

/**
 * A sheet typed by another program: the blank form's cells with values put in, its merged cells,
 * row heights, column widths and page breaks as the blank form has them.
 */
function typed(edit: (v: GridCell[][]) => void, fmt: Record<string, string> = {}): CellGrid {
  const b = blank();
  const values: GridCell[][] = texts(b).map((r) => r.map((t) => t || null));
  b.values.forEach((r, i) => r.forEach((v, c) => typeof v === "number" && (values[i][c] = v)));
  edit(values);
  return {
    ...arrayGrid(b.name, values, b.merges),
    geometry: modelGrid(b).geometry,
    numFmt: (r, c) => fmt[`${r}:${c}`] ?? modelGrid(b).numFmt!(r, c),
  };
}

describe("the form as it prints", () => {
  it("holds each official column name in at most three lines, broken between words a reader keeps together", () => {
    const m = blank();
    expect(m.values[10 - 1].slice(2)).toEqual([
      "ประเด็นการประเมิน",
      "ประเด็นที่เป็น\nที่ต้องปรับปรุง/\nยกระดับการพัฒนา",
      "มาตรการ/กิจกรรม\nในการเตรียมความ\nพร้อมรับการประเมิน",
      "ผลการดำเนินการตาม\nมาตรการยกระดับคุณธรรมและ\nความโปร่งใสภายในหน่วยงาน",
      "ภาพกิจกรรมที่แสดง\nถึงการปฏิบัติจริง\nอย่างเป็นรูปธรรม",
    ]);
    // Three lines of bold 16 pt: 3 × 26.16 + 2 (it took five, 132.8 pt, before).
    expect(m.rowHeights[10 - 1].pt).toBe(80.48);
  });

  it("prints no '(ต่อ)' in a cell without text, blank or filled", () => {
    for (const m of [blank(), filled()]) {
      const all = texts(m).flat();
      expect(all.filter((t) => t.trim() === "(ต่อ)")).toEqual([]);
      expect(all.filter((t) => t.startsWith("(ต่อ)") && !t.slice(5).trim())).toEqual([]);
    }
  });

  it("starts a continuation page with the code of what it continues and (ต่อ)", () => {
    const m = filled();
    // The first row of each page that continues an item: its item cell, in order.
    const starts = m.print.breaksBefore
      .filter((r) => m.rowKinds.find((k) => k.row === r)!.kind === "continuation")
      .map((r) => modelCellText(m.values[r - 1][2]).slice(0, 16));
    expect(starts).toEqual([
      "I2 (ต่อ) ด้วยควา",
      "I5 (ต่อ)",
      "I6–I7 (ต่อ)",
      "I8 (ต่อ)",
      // I9's question ends at the foot of its page; its score, on a line of its own, goes on.
      "I9 (ต่อ)\n(92.67 ",
      "I10 (ต่อ)",
      "I12 (ต่อ)",
      "I17 (ต่อ) แต่งตั",
      "I18–I20 (ต่อ)",
      "I25 (ต่อ)",
      "E6 (ต่อ) ท่านเคย",
      "E6 (ต่อ) การแจกจ",
      "E11–E12 (ต่อ)",
      "E13 (ต่อ)",
      "O1 – O22 (ต่อ)",
      "O23 – O30 (ต่อ)",
    ]);
    // A question split over pages shows its score where it ends: a formula over the item's own
    // score cell (I2's row is 14).
    const i2 = m.values[16 - 1][2] as { formula: string; result: string };
    expect(i2.result).toBe("I2 (ต่อ) ด้วยความเป็นธรรมไม่เลือกปฏิบัติ\n(96.86 คะแนน)");
    expect(i2.formula).toContain("FIXED(B14,IF(B14=INT(B14),0,2))");
    // The reader takes none of these rows for an item: every item once, no problem.
    const form = readForm(modelGrid(m), FY2567);
    expect(form.problems).toEqual([]);
    expect(form.items).toHaveLength(42);
  });
});

describe("the pass mark as typed (D4)", () => {
  it("reads '85%' typed into it as 85, as a score is; another mark is said where it is", () => {
    const pct = readForm(
      typed((v) => (v[4 - 1][4 - 1] = 0.85), { "4:4": "0%" }),
      FY2567
    );
    expect([pct.passMark.cell, pct.passMark.value]).toEqual(["D4", 85]);
    const ok = validate(pct, { now: new Date("2025-01-01") }).issues;
    expect(ok.filter((i) => i.rule.startsWith("meta.pass-mark"))).toEqual([]);

    const eighty = readForm(
      typed((v) => (v[4 - 1][4 - 1] = 80)),
      FY2567
    );
    const issues = validate(eighty, { now: new Date("2025-01-01") }).issues;
    expect(
      issues
        .filter((i) => i.rule.startsWith("meta.pass-mark"))
        .map((i) => [i.rule, i.severity, i.cell, i.message.en])
    ).toEqual([
      [
        "meta.pass-mark-differs",
        "warning",
        "D4",
        "The pass mark 80 is not the form's (85), which changes the items taken as under it: set it back to 85 unless the change is meant",
      ],
    ]);
  });
});

describe("fitting a sheet to what was typed", () => {
  it("lays a form just written out as it is (nothing to change), blank and filled", () => {
    for (const m of [blank(), filled()]) {
      const grid = modelGrid(m);
      const fitted = fitModel(readForm(grid, FY2567), grid);
      expect(fitted.values).toEqual(m.values);
      expect(fitted.merges).toEqual(m.merges);
      expect(fitted.rowHeights).toEqual(m.rowHeights);
      expect(fitted.print.breaksBefore).toEqual(m.print.breaksBefore);
      expect(fitted.metadata).toEqual(m.metadata);
    }
  });

  it("finds the cells a typed sheet prints cut off, and none once it is fitted", () => {
    const i1 = sampleJson.items[0];
    const long = "ข้อความยาว ".repeat(60).trim();
    const grid = typed(
      (v) => {
        // I1–I4's shared cells (E13 and F13, merged over rows 13–18) and I5's issue (D19).
        v[13 - 1][5 - 1] = i1.measures;
        v[13 - 1][6 - 1] = i1.results;
        v[19 - 1][4 - 1] = long;
        v[19 - 1][2 - 1] = 0.85;
      },
      { "19:2": "0%" }
    );
    const form = readForm(grid, FY2567);
    expect(form.cutOffs).toEqual([
      { cell: "E13:E18", anchor: "E13", lines: 53, fits: 12 },
      { cell: "F13:F18", anchor: "F13", lines: 29, fits: 12 },
      { cell: "D19", anchor: "D19", lines: 60, fits: 9 },
    ]);
    const issues = validate(form, { now: new Date("2025-01-01") }).issues;
    expect(issues.filter((i) => i.rule === "print.clipped").map((i) => [i.cell, i.code])).toEqual([
      ["E13", "I1"],
      ["F13", "I1"],
      ["D19", "I5"],
    ]);
    // A merge asks without the print check (its counts speak of what was reported); a copy of
    // the sheet, as a worker's message makes, carries no measurement with it.
    expect(
      validate(form, { now: new Date("2025-01-01"), print: false }).issues.filter((i) =>
        i.rule.startsWith("print.")
      )
    ).toEqual([]);
    expect({ ...form }.cutOffs).toBeUndefined();
    expect(issues.find((i) => i.cell === "D19")!.message).toEqual({
      th: 'ข้อความในเซลล์ D19 (ข้อ I5) ยาว 60 บรรทัด แต่แถวสูงพอเพียง 9 บรรทัด ส่วนที่เกินจะไม่ถูกพิมพ์: กด "จัดหน้าพิมพ์" ในบานหน้าต่าง หรือใช้คำสั่ง ita fit',
      en: 'The text in D19 (I5) takes 60 lines but its rows give 9: the rest will be cut off in print; press "Fit for printing" in the pane, or run ita fit',
    });

    const fitted = fitModel(form, grid);
    const after = readForm(modelGrid(fitted), FY2567);
    expect(after.cutOffs).toEqual([]);
    // Every field reads as before; the score typed as 85% stays 0.85 shown as a percentage.
    const fields = (f: typeof form) =>
      f.items.map((it) => [it.code, it.score, it.issue, it.measures, it.results, it.evidence]);
    expect(fields(after)).toEqual(fields(form));
    const i5 = after.items.find((it) => it.code === "I5")!;
    expect([i5.cells.score, i5.scoreRaw, i5.score]).toEqual(["B20", 0.85, 85]);
    expect(fitted.numFmts).toEqual([{ row: 20, col: 2, numFmt: "0%" }]);
    expect(fitted.print.breaksBefore.length + 1).toBe(41);
  });

  it("keeps an item's own measures cells (split off its group) its own", () => {
    const r = sampleReport();
    const t = (code: string) => r.items.find((i) => i.code === code)!;
    // As the pane's split leaves it: I22 its own text, I23 the group's text copied, I24 sharing it.
    t("I22").measures = "มาตรการของข้อ I22";
    t("I23").measures = t("I21").measures;
    t("I23").results = t("I21").results;
    t("I23").evidence = t("I21").evidence;
    const m = renderForm(FY2567, metaFromReport(r), r);
    const grid = modelGrid(m);
    const form = readForm(grid, FY2567);
    expect(sheetSegments(form).filter((s) => s[0].startsWith("I2"))).toEqual([
      ["I21"],
      ["I22"],
      ["I23", "I24"],
      ["I25"],
    ]);
    const after = readForm(modelGrid(fitModel(form, grid)), FY2567);
    expect(sheetSegments(after)).toEqual(sheetSegments(form));
  });

  it("refuses a sheet with text that belongs to no item, naming the cells", () => {
    const last = blank().rowCount;
    const grid = typed((v) => {
      v[13 - 1][8 - 1] = "หมายเหตุข้างตาราง";
      v.push([null, null, "หมายเหตุท้ายแบบ", null, null, null, null]);
    });
    const refusal = fitRefusal(readForm(grid, FY2567), grid)!;
    expect(refusal.en).toBe(
      `Sheet "ITA 2567 รอบ 6" cannot be fitted for printing: text outside the cells of any item would be lost when it is laid out again: H13 "หมายเหตุข้างตาราง", C${last + 1} "หมายเหตุท้ายแบบ" — move the text into the cells of the item it belongs to, or delete it, then try again`
    );
    const clean = typed(() => {});
    expect(fitRefusal(readForm(clean, FY2567), clean)).toBeNull();
  });

  it("names text typed in an inserted row when validating, with the item above it, and not a filled form's parts", () => {
    // The filled form, read: I10's row, and a row inserted below it with a result typed in it.
    const m = filled();
    const before = readForm(modelGrid(m), FY2567);
    expect(before.strays).toEqual([]);
    expect(validate(before).issues.filter((i) => i.rule === "form.stray-text")).toEqual([]);
    const at = before.items.find((it) => it.code === "I10")!.row + 1;
    const values = texts(m).map((r) => r.map((t): GridCell => t || null));
    values.splice(at - 1, 0, [null, null, null, null, null, "6. ผลเพิ่มเติมที่พิมพ์ในแถวแทรก", null]);
    const merges = m.merges.map((g) =>
      g.r1 >= at ? { ...g, r1: g.r1 + 1, r2: g.r2 + 1 } : g.r2 >= at ? { ...g, r2: g.r2 + 1 } : g
    );
    const form = readForm(arrayGrid(m.name, values, merges), FY2567);
    // Read as before: the typed result is in no item's text.
    expect(form.items.find((it) => it.code === "I10")!.results).toBe(
      before.items.find((it) => it.code === "I10")!.results
    );
    const found = validate(form).issues.filter((i) => i.rule === "form.stray-text");
    expect(found).toEqual([
      {
        code: "I10",
        cell: `F${at}`,
        rule: "form.stray-text",
        severity: "warning",
        message: {
          th: `ข้อความในเซลล์ F${at} ("6. ผลเพิ่มเติมที่พิมพ์ในแถวแทรก") ไม่อยู่ในช่องของข้อใดในแบบรายงาน (เช่น พิมพ์ในแถวที่แทรกเพิ่ม หรือนอกคอลัมน์ของแบบ) จึงไม่ถูกอ่านและไม่เข้าสรุปของส่วนกลาง: ย้ายข้อความไปไว้ในช่องของข้อ I10 แล้วลบแถวหรือเซลล์ที่เพิ่มไว้`,
          en: `The text in F${at} ("6. ผลเพิ่มเติมที่พิมพ์ในแถวแทรก") is in no item's cell of the form (typed in an inserted row, or beside the form), so it is not read and does not reach the central summary: move it into I10's cell, then delete the added row or cell`,
        },
      },
    ]);
    // A copy of the sheet (as a worker's read crosses) keeps what was found.
    expect(structuredClone(form).strays).toEqual([
      { cell: `F${at}`, text: "6. ผลเพิ่มเติมที่พิมพ์ในแถวแทรก" },
    ]);
  });

  it("takes the form's marker for the form's wherever a row inserted above the form moved it", () => {
    const m = filled();
    const values = texts(m).map((r) => r.map((t): GridCell => t || null));
    values.unshift(values[0].map(() => null));
    const merges = m.merges.map((g) => ({ ...g, r1: g.r1 + 1, r2: g.r2 + 1 }));
    const form = readForm(arrayGrid(m.name, values, merges), FY2567);
    expect(form.formVersion).toBe("2567.1");
    expect(form.strays).toEqual([]);
    // Another text there is still named.
    values[0][4] = "หมายเหตุเหนือแบบ";
    expect(readForm(arrayGrid(m.name, values, merges), FY2567).strays).toEqual([
      { cell: "E1", text: "หมายเหตุเหนือแบบ" },
    ]);
  });

  it("moves a picture in an item's evidence cell with the item", () => {
    const grid = typed((v) => {
      v[13 - 1][5 - 1] = sampleJson.items[0].measures;
    });
    const form = readForm(grid, FY2567);
    const fitted = fitModel(form, grid);
    const after = readForm(modelGrid(fitted), FY2567);
    const heights = (r: number) => fitted.rowHeights[r - 1]?.pt ?? 0;
    // I5's evidence cell was G19; I1's measures now take a continuation row, so I5 is a row lower.
    expect(after.items.find((i) => i.code === "I5")!.cells.evidence).toBe("G20");
    expect(fittedPoint(form, grid, after, heights, { row: 19, col: 7, rowOffPt: 10 })).toEqual({
      row: 20,
      col: 7,
      rowOffPt: 10,
    });
    // Above the header, nothing moves.
    expect(fittedPoint(form, grid, after, heights, { row: 2, col: 6, rowOffPt: 3 })).toEqual({
      row: 2,
      col: 6,
      rowOffPt: 3,
    });
  });
});

describe("a split text typed over in its first part", () => {
  // I1's issue long enough to go on under "(ต่อ)" on the next page.
  const long = "หน่วยงานยังขาดการเผยแพร่ข้อมูลการดำเนินงานให้ประชาชนทราบอย่างทั่วถึงและต่อเนื่อง "
    .repeat(40)
    .trim();
  const report = () => {
    const r = sampleReport();
    r.items = r.items.map((i) => (i.code === "I1" ? { ...i, issue: long } : i));
    return r;
  };
  /** The model's cells of I1's issue: the first part (ending "…") and the "(ต่อ)" parts after it. */
  function parts(m: SheetModel): { head: [number, number]; tails: [number, number][] } {
    const col = 3; // D, the issue column
    const rows = texts(m).map((r, i) => [i, r[col]] as const);
    const head = rows.find(([, t]) => t.startsWith("หน่วยงานยังขาด"))!;
    const tails = rows.filter(([i, t]) => i > head[0] && t.startsWith("(ต่อ) ")).slice(0, 2);
    return { head: [head[0], col], tails: tails.map(([i]) => [i, col]) };
  }

  it("reads the text typed in full once, and warns that the part left under it prints it again", () => {
    const m = renderForm(FY2567, metaFromReport(report()), report());
    const { head, tails } = parts(m);
    expect(tails).toHaveLength(2);
    const values: GridCell[][] = texts(m).map((r) => r.map((t) => t || null));
    m.values.forEach((r, i) => r.forEach((v, c) => typeof v === "number" && (values[i][c] = v)));
    // The user selects the first part and types the whole issue again, as in Excel.
    const typedIssue = "หน่วยงานยังขาดการเผยแพร่ข้อมูลการดำเนินงานให้ประชาชนทราบอย่างทั่วถึงและต่อเนื่อง";
    values[head[0]][head[1]] = typedIssue;
    const grid = arrayGrid(m.name, values, m.merges);
    const form = readForm(grid, FY2567);
    // The "(ต่อ)" part holds words of the long text the typed one lacks: it still continues it.
    expect(form.items.find((i) => i.code === "I1")!.issue.startsWith(typedIssue)).toBe(true);

    // Now the whole text typed over the first part, the "(ต่อ)" part left as it was.
    values[head[0]][head[1]] = long;
    const again = readForm(arrayGrid(m.name, values, m.merges), FY2567);
    expect(again.items.find((i) => i.code === "I1")!.issue).toBe(long);
    // One warning for the text, at its first "(ต่อ)" part, naming every part left.
    const [first, second] = tails.map(([r]) => `D${r + 1}`);
    const repeated = validate(again).issues.filter((i) => i.rule === "print.repeated");
    expect(repeated.map((i) => [i.code, i.cell, i.severity])).toEqual([["I1", first, "warning"]]);
    expect(repeated[0].message.en.startsWith(`${first}, ${second}, `)).toBe(true);
    expect(repeated[0].message.en).toMatch(/still hold the "\(ต่อ\)" part of the earlier text/);
  });
});

describe("row heights as the apps store them", () => {
  it("takes a height a pixel under the layout's (LibreOffice saves 394.4 pt as 393.75) as still fitting, not two", () => {
    const m = filled();
    const g = modelGrid(m);
    const geometry = g.geometry!;
    const stored = (pixels: number) => ({
      ...g,
      geometry: {
        ...geometry,
        // Each row's height rounded down to whole pixels (0.75 pt), less `pixels` more.
        rowHeight: (r: number) => {
          const h = geometry.rowHeight(r);
          return { ...h, pt: Math.floor(h.pt / 0.75) * 0.75 - pixels * 0.75 };
        },
      },
    });
    expect(readForm(stored(0), FY2567).cutOffs).toEqual([]);
    // Two pixels under on every row: the cells that filled their rows to the last line are cut.
    expect(readForm(stored(2), FY2567).cutOffs!.length).toBeGreaterThan(0);
  });
});
