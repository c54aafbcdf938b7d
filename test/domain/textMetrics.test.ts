import fc from "fast-check";
import {
  columnWidthPt,
  linesHeightPt,
  MAX_ROW_PT,
  wrappedRowHeightPt,
  CONTINUED,
  joinParts,
  lineStarts,
  splitForLines,
  textWidthPt,
  wrappedLines,
} from "../../src/domain";
import { splitOrCount } from "../../src/domain/layout/textMetrics";
import { sampleReport } from "../helpers";

const FONT = { size: 16 };
const WIDTH = columnWidthPt(30);

/** Long Thai text as districts write it: numbered measures, spaces between phrases, no spaces inside. */
const longText = () =>
  sampleReport()
    .items.map((i) => i.measures)
    .filter(Boolean)
    .join("\n");

describe("wrapped Thai text", () => {
  it("breaks lines only between words (as ICU finds them in the whole paragraph) or inside an over-long word", () => {
    const text = longText();
    const seg = new Intl.Segmenter("th", { granularity: "word" });
    const boundaries = new Set<number>();
    for (const s of seg.segment(text)) boundaries.add(s.index);
    const starts = lineStarts(text, 150, FONT);
    expect(starts.length).toBeGreaterThan(100);
    const room = 150;
    for (const [k, at] of starts.entries()) {
      if (boundaries.has(at)) continue;
      // Not a word boundary: only allowed when the word around it is wider than a line.
      const word = [...seg.segment(text)].find(
        (s) => s.index < at && s.index + s.segment.length > at
      )!;
      expect([k, word.segment, textWidthPt(word.segment, FONT) > room]).toEqual([
        k,
        word.segment,
        true,
      ]);
    }
  });

  it("lays out only as many lines as asked for, the same lines as the whole layout", () => {
    const text = longText().repeat(20);
    const all = lineStarts(text, 150, FONT);
    const some = lineStarts(text, 150, FONT, 30);
    expect(some).toEqual(all.slice(0, 31));
    expect(wrappedLines(text, WIDTH, FONT, 30)).toBe(31);
  });

  it("counts a cell with an unbreakable run of 32,757 characters (broken between characters)", () => {
    const run = "ก".repeat(32_757);
    expect(wrappedLines(run, WIDTH, FONT)).toBeGreaterThan(500);
    const starts = lineStarts(run, 150, FONT, 3);
    expect(starts).toHaveLength(4);
    const steps = starts.slice(1).map((s, k) => s - starts[k]);
    expect(new Set(steps).size).toBe(1);
    expect(textWidthPt(run.slice(0, steps[0]), FONT)).toBeLessThanOrEqual(150);
    expect(textWidthPt(run.slice(0, steps[0] + 1), FONT)).toBeGreaterThan(150);
  });

  it("splits a text for a page and joins the parts back to the same text", () => {
    for (const text of [
      longText(),
      "ก".repeat(3000),
      "ประชุมชี้แจง".repeat(200),
      "1. ข้อแรก\n2. ข้อสอง ".repeat(80),
    ]) {
      const split = splitForLines(text, WIDTH, FONT, 10)!;
      expect(split).not.toBeNull();
      expect(wrappedLines(split.head, WIDTH, FONT)).toBeLessThanOrEqual(10);
      expect(joinParts(split.head, split.tail)).toBe(text);
      // The continued part, with its mark, is never left with a single line at the top of a page.
      expect(wrappedLines(`${CONTINUED}${split.tail}`, WIDTH, FONT)).toBeGreaterThan(1);
    }
    expect(splitForLines("สั้น", WIDTH, FONT, 1)).toBeNull();
  });

  it("gives the lines of what it keeps: the whole text when it fits, else its first part", () => {
    expect(splitOrCount("สั้น", WIDTH, FONT, 1)).toEqual({ split: null, lines: 1 });
    expect(splitOrCount("1. ประชุม\n2. อบรม", WIDTH, FONT, 3)).toEqual({ split: null, lines: 2 });
    // Three one-line entries in two lines: the first two, split after the second entry.
    expect(splitOrCount("1. ประชุม\n2. อบรม\n3. เผยแพร่", WIDTH, FONT, 2)).toEqual({
      split: { head: "1. ประชุม\n2. อบรม", tail: "3. เผยแพร่" },
      lines: null,
      headLines: 2,
    });
  });
});

describe("where a text is split for the next page", () => {
  it("never parts a name in Latin script nor a figure from the word before it", () => {
    const texts = [
      "ประชาสัมพันธ์นโยบาย No Gift Policy ทางเสียงตามสายของสำนักงานเขต (Anti – Bribery Policy) ".repeat(
        40
      ),
      "จัดอบรมเมื่อวันที่ 20 ธันวาคม 2566 มีผู้เข้าร่วม 56 คน ครบ 18 หัวข้อ ".repeat(40),
    ];
    for (const text of texts)
      for (let lines = 4; lines <= 16; lines++) {
        const split = splitForLines(text, WIDTH, FONT, lines)!;
        const head = split.head.replace(/…$/, "");
        expect([lines, /(No|Gift|Anti|–|Bribery)$/.test(head)]).toEqual([lines, false]);
        expect([lines, /^[0-9–]|^(Gift|Policy|Bribery)/.test(split.tail)]).toEqual([lines, false]);
        expect(joinParts(split.head, split.tail)).toBe(text);
      }
  });
});

describe("row heights of wrapped cells", () => {
  /** The height from the whole layout of every cell, as rows were measured before the shortcuts. */
  const laidOut = (
    cells: { text: string; width: number }[],
    font: { size: number; bold?: boolean }
  ) => {
    const lines = cells.reduce(
      (n, c) => Math.max(n, c.text ? wrappedLines(c.text, columnWidthPt(c.width), font) : 1),
      1
    );
    return lines <= 1 ? null : Math.min(MAX_ROW_PT, linesHeightPt(lines, font));
  };
  const words = longText().split(/(?<=\s)/);

  it("are those of the whole layout, for texts that fit one line, a few lines or many pages", () => {
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(" ", "\n", "ก", "1", "W", "ข้อ", "😀", "\u00a0", "\t", "x".repeat(90))
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            text: fc.array(piece, { maxLength: 60 }).map((a) => a.join("")),
            width: fc.integer({ min: 1, max: 80 }),
          }),
          { minLength: 1, maxLength: 4 }
        ),
        fc.constantFrom({ size: 16 }, { size: 16, bold: true }, { size: 11 }),
        (cells, font) => {
          expect(wrappedRowHeightPt(cells, font)).toBe(laidOut(cells, font));
        }
      ),
      { numRuns: 400 }
    );
  });

  it("are those of the whole layout at the edges: one line exactly full, a row just under Excel's largest", () => {
    const font = { size: 16 };
    for (let width = 5; width <= 60; width += 5) {
      for (const n of [1, 2, 3, 10, 20, 40, 80, 160, 400]) {
        const text = longText().slice(0, n * 7);
        const cells = [{ text, width }];
        expect([width, n, wrappedRowHeightPt(cells, font)]).toEqual([
          width,
          n,
          laidOut(cells, font),
        ]);
      }
    }
    // An unbreakable run fills every line: its width alone is close to deciding its lines.
    for (const width of [3, 10, 25]) {
      const perLine = Math.floor(columnWidthPt(width) / textWidthPt("x", font));
      for (let n = 1; n <= perLine * 18; n += Math.max(1, Math.floor(perLine / 7))) {
        const cells = [{ text: "x".repeat(n), width }];
        expect([width, n, wrappedRowHeightPt(cells, font)]).toEqual([
          width,
          n,
          laidOut(cells, font),
        ]);
      }
    }
  });
});
