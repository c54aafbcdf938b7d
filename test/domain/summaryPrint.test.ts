import {
  CONTINUED,
  columnBreaks,
  columnWidthPt,
  fitScale,
  joinParts,
  MIN_PRINT_SCALE,
  FONT,
  linesHeightPt,
  printableHeightPt,
  printableWidthPt,
  printedFontPt,
  printedRows,
  SUMMARY_FIRST_ROW,
  SUMMARY_HEADER_ROW,
  SUMMARY_SHEETS,
  SummarySheet,
  splitTallRows,
  summaryHeaderFooter,
  summaryHeaderHeightPt,
  summaryPrintArea,
  summaryRowHeightPt,
  TableColumn,
  TableRow,
  wrappedLines,
} from "../../src/domain";
import type { Report } from "../../src/domain";
import { flaggedSheet } from "../../src/domain/summarySheets/flaggedSheet";
import { district, mergeOf } from "../report/units";
import { FY2567 } from "../forms";
import { manyUnitsSummary } from "../excel/manyUnits";

const col = (width: number): TableColumn => ({ header: "", width, kind: "score" });

/** Width in points of columns c1..c2 (1-based, inclusive). */
const span = (cols: readonly TableColumn[], c1: number, c2: number) =>
  cols.slice(c1 - 1, c2).reduce((s, c) => s + columnWidthPt(c.width), 0);

/** The blocks of columns a sheet prints in: [first, last] of each, after the title columns. */
function blocks(s: SummarySheet): [number, number][] {
  const starts = [s.print!.titleCols + 1, ...s.print!.colBreaks];
  return starts.map((b, i) => [b, (starts[i + 1] ?? s.columns.length + 1) - 1]);
}

describe("print layout of the summary", () => {
  it("prints at the largest scale that fits the page width, never under the legible minimum", () => {
    expect(fitScale(100)).toBe(100);
    expect(fitScale(printableWidthPt() / 0.9)).toBe(90);
    expect(fitScale(printableWidthPt() * 10)).toBe(MIN_PRINT_SCALE);
    // TH Sarabun New 16 pt at the smallest scale is still 12 pt or more on paper.
    expect(printedFontPt(MIN_PRINT_SCALE)).toBeGreaterThanOrEqual(12);
  });

  it("breaks columns into blocks that fit the page, keeping a group on one page when it fits", () => {
    const cols = [col(20), ...Array.from({ length: 40 }, () => col(10))];
    const room = (printableWidthPt() * 100) / 80 - span(cols, 1, 1);
    const breaks = columnBreaks(cols, 80, 1, [2, 8, 14, 20, 26, 32, 38]);
    expect(breaks.length).toBeGreaterThan(1);
    const starts = [2, ...breaks];
    starts.forEach((b, i) => {
      const last = (starts[i + 1] ?? cols.length + 1) - 1;
      expect(span(cols, b, last)).toBeLessThanOrEqual(room);
      // Every block begins where a group begins.
      expect([2, 8, 14, 20, 26, 32, 38]).toContain(b);
    });
    // Without groups the page is filled column by column.
    const plain = columnBreaks(cols, 80, 1);
    expect(plain[0]).toBeGreaterThanOrEqual(breaks[0]);
    // A group wider than a page is split where the page ends.
    const wide = columnBreaks(cols, 80, 1, [2]);
    expect(wide[0]).toBe(plain[0]);
  });

  describe("at 50 units", () => {
    let sheets: SummarySheet[];
    beforeAll(() => {
      // The sheets people print (the hidden data sheet is for the program).
      sheets = manyUnitsSummary(50).filter((s) => !s.hidden);
    });

    it("every sheet prints A4 landscape at 80 % or more, each block of columns within the page", () => {
      for (const s of sheets) {
        expect([s.name, s.print!.scale >= MIN_PRINT_SCALE]).toEqual([s.name, true]);
        const room =
          (printableWidthPt() * 100) / s.print!.scale - span(s.columns, 1, s.print!.titleCols);
        for (const [a, b] of blocks(s))
          expect([s.name, a, span(s.columns, a, b) <= room]).toEqual([s.name, a, true]);
      }
      // The text sheets fit one page width: no column breaks.
      for (const s of sheets.slice(1)) expect([s.name, s.print!.colBreaks]).toEqual([s.name, []]);
    });

    it("column headers wrap only at their spaces: no header word is broken between letters", () => {
      // Seen on paper: "รหัสหน่วยงาน" and "(คะแนน)" in columns 10 wide printed as "รหัส/หน่วย/งาน", "(คะแน/น)".
      for (const s of sheets)
        for (const c of s.columns)
          for (const part of c.header.split(/\s+/).filter(Boolean))
            expect([
              s.name,
              part,
              wrappedLines(part, columnWidthPt(c.width), { size: 16, bold: true }),
            ]).toEqual([s.name, part, 1]);
    });

    it("every page says what it is: title and period in the header, page number in the footer; title rows not printed", () => {
      for (const s of sheets) {
        const hf = summaryHeaderFooter(s);
        expect(hf.leftHeader).toContain(s.title);
        expect(hf.leftHeader).toContain(s.subtitle);
        expect(hf.rightFooter).toContain("&P / &N");
        // The title rows would be cut at the first column on every block of columns but the first.
        // The measures sheet prints its working view, not the units' texts below it.
        const printed = s.name === SUMMARY_SHEETS.measures ? s.printRows! : s.rows.length;
        expect(summaryPrintArea(s)).toEqual({
          r1: SUMMARY_HEADER_ROW,
          c1: 1,
          r2: SUMMARY_FIRST_ROW + printed - 1,
          c2: Math.max(s.columns.length, s.chart?.anchor.c2 ?? 0),
        });
      }
      // Excel's header codes: a literal "&" is doubled, a digit never follows a size code.
      const odd = { ...sheets[0], title: "2567 R&D", subtitle: "" };
      expect(summaryHeaderFooter(odd).leftHeader).toBe('&"TH Sarabun New,Bold"&14 2567 R&&D');
    });

    it("the score matrix: units as rows, unit names and header frozen and printed on every page, blocks at indicators", () => {
      const s = sheets.find((x) => x.name === SUMMARY_SHEETS.scores)!;
      expect(s.freeze).toEqual({ rows: SUMMARY_HEADER_ROW, cols: 1 });
      expect(s.print!.titleCols).toBe(1);
      const units = s.rows.slice(0, 50).map((r) => r.cells[0]);
      expect(new Set(units).size).toBe(50);
      expect(s.columns[0].header).toBe("หน่วยงาน");
      // Items and averages as columns: 42 items, 10 indicator and 3 tool averages, the total.
      expect(s.columns).toHaveLength(1 + 42 + 10 + 3 + 1);
      // Each block starts with an indicator's first item (or the total), never inside an indicator.
      const firsts = new Set(
        FY2567.tools.flatMap((t) => t.indicators.map((i) => i.items[0].code.replace("-", " – ")))
      );
      for (const b of s.print!.colBreaks)
        expect([b, firsts.has(s.columns[b - 1].header) || b === s.columns.length]).toEqual([
          b,
          true,
        ]);
      // Headers wrap: the widest word of each fits its column.
      expect(s.columns.slice(1).every((c) => c.width >= 9)).toBe(true);
    });

    it("pages end before a heading, never with one: the key's tools and indicators, the measures' groups", () => {
      for (const name of [SUMMARY_SHEETS.key, SUMMARY_SHEETS.measures]) {
        const s = sheets.find((x) => x.name === name)!;
        const breaks = s.print!.rowBreaks;
        expect([name, breaks.length > 0]).toEqual([name, true]);
        const room =
          (printableHeightPt() * 100) / s.print!.scale -
          (summaryHeaderHeightPt(s) ?? linesHeightPt(1, FONT));
        const starts = [SUMMARY_FIRST_ROW, ...breaks, SUMMARY_FIRST_ROW + printedRows(s)];
        for (let p = 0; p + 1 < starts.length; p++) {
          const rows = s.rows.slice(
            starts[p] - SUMMARY_FIRST_ROW,
            starts[p + 1] - SUMMARY_FIRST_ROW
          );
          // Each page holds what it is given, by the heights the writers store...
          const used = rows.reduce(
            (h, r) => h + (summaryRowHeightPt(s, r) ?? linesHeightPt(1, FONT)),
            0
          );
          expect([name, p, used <= room]).toEqual([name, p, true]);
          // ...and its last row is not a heading.
          const last = rows[rows.length - 1];
          expect([name, p, ["tool", "indicator", "item"].includes(last.kind)]).toEqual([
            name,
            p,
            false,
          ]);
        }
      }
    });

    it("the key and the indicator averages with their chart are sheets of their own, the chart on the table's page", () => {
      const scores = sheets.find((x) => x.name === SUMMARY_SHEETS.scores)!;
      // The matrix ends with its statistics: its header row is not printed over a key or a chart.
      expect(scores.rows).toHaveLength(50 + 4);
      expect(scores.chart).toBeUndefined();
      expect(scores.print!.rowBreaks).toEqual([]);

      const key = sheets.find((x) => x.name === SUMMARY_SHEETS.key)!;
      expect(key.columns.map((c) => c.header)).toEqual(["รหัส", "ประเด็นการประเมิน (คำถามของแต่ละข้อ)"]);
      const codes = key.rows.filter((r) => r.kind === "data").map((r) => r.cells[0]);
      expect(codes).toEqual(FY2567.items.map((i) => i.code.replace("-", " – ")));
      expect(key.rows.find((r) => r.cells[0] === "I1")!.cells[1]).toBe(
        FY2567.byCode.get("I1")!.text
      );
      expect(key.rows[key.rows.length - 1].cells[0]).toBe("ITA โดยประมาณ");
      expect(key.print!.colBreaks).toEqual([]);

      const ind = sheets.find((x) => x.name === SUMMARY_SHEETS.indicators)!;
      expect(ind.rows).toHaveLength(10);
      const chart = ind.chart!;
      expect(chart.categories).toEqual({
        r1: SUMMARY_FIRST_ROW,
        c1: 1,
        r2: SUMMARY_FIRST_ROW + 9,
        c2: 1,
      });
      expect(chart.anchor.r1).toBe(SUMMARY_HEADER_ROW);
      expect(chart.anchor.r2).toBe(SUMMARY_FIRST_ROW + 9);
      // Table and chart within one page width at the sheet's scale (default columns are 8.43 wide).
      const area = summaryPrintArea(ind);
      expect(area.c2).toBe(chart.anchor.c2);
      const width = span(ind.columns, 1, 2) + (chart.anchor.c2 - 2) * columnWidthPt(8.43);
      expect(width).toBeLessThanOrEqual((printableWidthPt() * 100) / ind.print!.scale);
    });
  });
});

describe("rows longer than a row can show", () => {
  it("go on in continuation rows: every part within the row's lines, the parts joined give the text back", () => {
    const columns: TableColumn[] = [
      { header: "หน่วยงาน", width: 20, kind: "text" },
      { header: "ผล", width: 30, kind: "text" },
    ];
    const long = Array.from(
      { length: 60 },
      (_, i) => `${i + 1}. ดำเนินการจัดประชุมชี้แจงเจ้าหน้าที่ในสังกัด ครั้งที่ ${i + 1}`
    ).join("\n");
    const rows = splitTallRows(columns, [
      { kind: "data", cells: ["สำนักงานเขตจอมทอง", long] },
      { kind: "data", cells: ["สำนักงานเขตดุสิต", "สั้น"] },
    ]);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows[rows.length - 1].cells).toEqual(["สำนักงานเขตดุสิต", "สั้น"]);
    const parts = rows.slice(0, -1);
    expect(parts[0].cells[0]).toBe("สำนักงานเขตจอมทอง");
    for (const r of parts.slice(1)) expect(r.cells[0]).toBe("สำนักงานเขตจอมทอง (ต่อ)");
    const sheet = { columns, wrap: true } as SummarySheet;
    for (const r of parts) expect(summaryRowHeightPt(sheet, r)!).toBeLessThanOrEqual(409 / 1.5);
    const text = parts
      .map((r) => String(r.cells[1]))
      .reduce((head, tail) => joinParts(head, tail.slice(CONTINUED.length)));
    expect(text).toBe(long);
  });
});

describe("rows laid out whole when split", () => {
  // splitTallRows lays every text out to know whether it fits; the writer sizes those rows from the
  // lines it found (3 lines of 16 pt: 3 × 16 × 1.635 + 2 = 80.48 pt) instead of laying them out again.
  const columns: TableColumn[] = [
    { header: "หน่วยงาน", width: 32, kind: "text" },
    { header: "ผล", width: 30, kind: "text" },
  ];
  const sheet = { columns, wrap: true } as SummarySheet;
  const given: TableRow[] = [
    { kind: "data", cells: ["สำนักงานเขตจอมทอง", "1. ประชุม\n2. อบรม\n3. เผยแพร่"] },
    { kind: "data", cells: ["สำนักงานเขตดุสิต", "สั้น"] },
    { kind: "data", cells: ["สำนักงานเขตบางรัก", 85.5] },
    // Only the first cell shows (span 1): its two lines decide, not the three of the next.
    { kind: "data", cells: ["บรรทัดแรก\nบรรทัดสอง", "ก\nข\nค"], span: 1 },
    { kind: "tool", cells: ["1. แบบวัด IIT\nตัวชี้วัดที่ 1\nข้อ I1", null] },
  ];
  const rows = splitTallRows(columns, given);

  it("are as tall as their lines", () => {
    expect(rows.map((r) => summaryRowHeightPt(sheet, r))).toEqual([
      80.48,
      null,
      null,
      54.32,
      80.48,
    ]);
  });

  it("are as tall as the same rows sized by the writer alone", () => {
    const fresh = rows.map((r) => summaryRowHeightPt(sheet, { ...r }));
    expect(rows.map((r) => summaryRowHeightPt(sheet, r))).toEqual(fresh);
  });
  it("are sized from the lines of the part they show when a text goes on in the next row", () => {
    // Sixty one-line entries: each part shows at most 10 lines (10 × 16 × 1.635 + 2 = 263.6 pt),
    // split after a whole entry.
    const long = Array.from({ length: 60 }, (_, i) => `${i + 1}. ประชุม`).join("\n");
    const parts = splitTallRows(columns, [{ kind: "data", cells: ["สำนักงานเขตจอมทอง", long] }]);
    expect(parts.map((r) => String(r.cells[1]).split("\n").length)).toEqual([
      10, 10, 10, 10, 10, 10,
    ]);
    expect(parts.map((r) => summaryRowHeightPt(sheet, r))).toEqual(Array(6).fill(263.6));
    // The same as the writer finds laying each part out itself.
    expect(parts.map((r) => summaryRowHeightPt(sheet, { ...r }))).toEqual(Array(6).fill(263.6));
  });
});

describe("unit names in a narrow column", () => {
  it("widen the column to their longest word, so that no name is cut inside a word", () => {
    const low = (r: Report) => {
      r.items.find((i) => i.code === "I1")!.score = 70;
      return r;
    };
    const agency: Report = {
      ...low(district("1001")),
      unit: "สำนักงบประมาณกรุงเทพมหานคร",
      unitCode: null,
    };
    const districtsOnly = flaggedSheet(mergeOf([low(district("1002"))]));
    expect(districtsOnly.columns[0].width).toBe(18);
    const withAgency = flaggedSheet(mergeOf([agency, low(district("1002"))]));
    expect(withAgency.rows.map((r) => r.cells[0])).toContain("สำนักงบประมาณกรุงเทพมหานคร");
    const width = withAgency.columns[0].width;
    expect(width).toBeGreaterThan(18);
    expect(wrappedLines("กรุงเทพมหานคร", columnWidthPt(width), FONT)).toBe(1);
  });
});
