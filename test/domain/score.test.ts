import {
  scoreText,
  shortBy,
  band,
  normalizeCode,
  numberFormatKind,
  parseScore,
  parseScoreCell,
  parseScoresList,
  currentFiscalYear,
  leadingCode,
  summarizeScores,
} from "../../src/domain";
import { FY2567 } from "../forms";

const ok = (input: unknown) => {
  const p = parseScore(input);
  if (p.kind !== "ok") throw new Error(`expected ok for ${String(input)}, got ${p.kind}`);
  return p;
};

describe("parseScore", () => {
  it.each([
    ["96.31", 96.31],
    ["๙๖.๓๑", 96.31],
    ["96,31", 96.31],
    ["96.31 คะแนน", 96.31],
    ["(96.31 คะแนน)", 96.31],
    [" 82.01\u00a0", 82.01],
    ["100", 100],
    ["0", 0],
    [96.31, 96.31],
    // "85%" stored as text (a Text cell, or a program that wrote the string).
    ["85%", 85],
    ["๘๕ %", 85],
  ])("reads %p as %p", (input, value) => {
    expect(ok(input).value).toBe(value);
  });

  it("treats empty as empty, not zero", () => {
    expect(parseScore("").kind).toBe("empty");
    expect(parseScore("   ").kind).toBe("empty");
    expect(parseScore(null).kind).toBe("empty");
  });

  it.each([
    ["abc", "not-a-number"],
    ["96.31.2", "not-a-number"],
    ["1,234.5", "not-a-number"],
    ["-1", "below-zero"],
    ["100.01", "above-100"],
    [150, "above-100"],
  ])("rejects %p (%s) with a Thai and English message", (input, error) => {
    const p = parseScore(input);
    expect(p.kind).toBe("error");
    if (p.kind === "error") {
      expect(p.error).toBe(error);
      expect(p.message.th).toMatch(/[ก-๙]/);
      expect(p.message.en).toMatch(/score/i);
    }
  });

  it.each(["1,000", "100,000", "12,345", "9,631", "๙,๖๓๑", "84,999"])(
    "asks what %p means: three digits after a comma group thousands in Thai",
    (input) => {
      expect(parseScore(input)).toEqual({
        kind: "error",
        error: "not-a-number",
        message: {
          th: `"${input}" อ่านเป็นคะแนนไม่ได้แน่ชัด (จุลภาคคั่นหลักพัน หรือจุดทศนิยม): พิมพ์คะแนนเป็นตัวเลขที่ใช้จุดทศนิยม เช่น 96.31`,
          en: `"${input}" is not clearly a score (a thousands comma, or a decimal one?): type the score with a decimal point, such as 96.31`,
        },
      });
    }
  );

  it("reads a decimal comma with other than three digits after it", () => {
    expect(ok("84,5").value).toBe(84.5);
    expect(ok("84,9999").value).toBe(84.9999);
  });

  it("warns on more than two decimals but not on floating-point noise", () => {
    expect(ok("96.315").warnings).toEqual(["precision"]);
    expect(ok(82.01000000000001).warnings).toEqual([]);
    expect(ok(82.01000000000001).value).toBe(82.01);
    expect(ok("96.31").warnings).toEqual([]);
  });

  it("warns of a score above 0 and at most 1, a percentage pasted as a fraction", () => {
    expect(ok(0.94).warnings).toEqual(["fraction"]);
    expect(ok("1").warnings).toEqual(["fraction"]);
    expect(ok(0).warnings).toEqual([]);
    expect(ok(1.5).warnings).toEqual([]);
    expect(ok(94).warnings).toEqual([]);
  });

  it("marks text that needed normalising", () => {
    expect(ok("๙๖.๓๑").normalized).toBe(true);
    expect(ok("96.31").normalized).toBe(false);
  });
});

describe("bands and codes", () => {
  it("maps scores to the ITA bands at their boundaries", () => {
    expect([95, 94.99, 85, 84.99, 75, 65, 55, 50, 49.99].map(band)).toEqual([
      "AA",
      "A",
      "A",
      "B",
      "B",
      "C",
      "D",
      "E",
      "F",
    ]);
  });

  it("normalises item codes as users type them", () => {
    expect(normalizeCode("i22")).toBe("I22");
    expect(normalizeCode("I ๒๒")).toBe("I22");
    expect(normalizeCode("O1 – O22")).toBe("O1-O22");
    expect(normalizeCode("o1-o22")).toBe("O1-O22");
    expect(normalizeCode("O23—30")).toBe("O23-O30");
    expect(normalizeCode("I1-I4")).toBeNull();
    expect(normalizeCode("ตัวชี้วัดที่ 1")).toBeNull();
    expect(leadingCode("I22 ผู้บังคับบัญชา (82.01 คะแนน)")).toEqual({
      code: "I22",
      rest: "ผู้บังคับบัญชา (82.01 คะแนน)",
    });
    expect(leadingCode("Information")).toBeNull();
  });

  it("names the fiscal year in B.E., starting in October", () => {
    expect(currentFiscalYear(new Date(2023, 9, 1))).toBe(2567);
    expect(currentFiscalYear(new Date(2024, 2, 31))).toBe(2567);
    expect(currentFiscalYear(new Date(2024, 8, 30))).toBe(2567);
    expect(currentFiscalYear(new Date(2024, 9, 1))).toBe(2568);
  });
});

describe("parseScoresList", () => {
  it("reads the list formats units receive and reports what matched nothing", () => {
    const text = [
      "code,score",
      "I22,82.01",
      "I1 96.31",
      "E1\t๙๖.๔๓",
      "O1–O22 100",
      "O23-O30,100",
      "I2 เจ้าหน้าที่ในสำนักงานเขต... (96.86 คะแนน)",
      "",
      "I99 50",
      "hello",
      "I3 abc",
    ].join("\n");
    const { scores, unmatched } = parseScoresList(text, FY2567);
    expect(scores.map((s) => [s.code, s.score])).toEqual([
      ["I22", 82.01],
      ["I1", 96.31],
      ["E1", 96.43],
      ["O1-O22", 100],
      ["O23-O30", 100],
      ["I2", 96.86],
    ]);
    expect(unmatched.map((u) => u.line)).toEqual([9, 10, 11]);
    expect(unmatched[0].reason.en).toMatch(/I99/);
  });
});

describe("summarizeScores: averages, the weighted total and pass/fail", () => {
  /** Every item of a tool at one score, OIT's two rows at their own scores. */
  function scoresOf(
    iit: number | null,
    eit: number | null,
    o1to22: number | null,
    o23to30: number | null
  ) {
    const m = new Map<string, number | null>();
    for (const it of FY2567.items) {
      if (it.tool === "IIT") m.set(it.code, iit);
      else if (it.tool === "EIT") m.set(it.code, eit);
      else m.set(it.code, it.code === "O1-O22" ? o1to22 : o23to30);
    }
    return m;
  }

  it("weighs OIT's rows by the questions they stand for (22 and 8) and the tools 30/30/40", () => {
    const s = summarizeScores(FY2567, scoresOf(90, 80, 100, 50), 85);
    const tool = (id: string) => s.tools.find((t) => t.id === id)!;
    expect(tool("IIT").mean).toBe(90);
    expect(tool("EIT").mean).toBe(80);
    // (100 × 22 + 50 × 8) / 30 = 86.666…
    expect(tool("OIT").mean).toBe(86.67);
    // (90 × 30 + 80 × 30 + 86.67 × 40) / 100 = 85.668
    expect(s.total).toBe(85.67);
    expect([tool("IIT").passes, tool("EIT").passes, tool("OIT").passes, s.passes]).toEqual([
      true,
      false,
      true,
      true,
    ]);
    expect([tool("IIT").band, tool("EIT").band, tool("OIT").band, s.totalBand]).toEqual([
      "A",
      "B",
      "A",
      "A",
    ]);
  });

  it("averages an indicator over its scored items only, and has no total until every tool is scored", () => {
    const scores = scoresOf(null, 70, 60, 60);
    scores.set("I1", 100);
    scores.set("I2", 81);
    const s = summarizeScores(FY2567, scores, 85);
    const ind1 = s.indicators.find((i) => i.number === 1)!;
    expect([ind1.mean, ind1.scored, ind1.total]).toEqual([
      90.5,
      2,
      FY2567.tools[0].indicators[0].items.length,
    ]);
    expect(s.indicators.find((i) => i.number === 2)!.mean).toBeNull();
    expect(s.tools.find((t) => t.id === "IIT")!.mean).toBe(90.5);
    const none = summarizeScores(FY2567, scoresOf(null, 70, 60, 60), 85);
    expect([none.total, none.totalBand, none.passes]).toEqual([null, null, null]);
    expect(none.tools.find((t) => t.id === "IIT")!.passes).toBeNull();
  });

  it("follows the pass mark it is given", () => {
    const scores = scoresOf(84.99, 85, 85, 85);
    expect(summarizeScores(FY2567, scores, 85).tools.map((t) => t.passes)).toEqual([
      false,
      true,
      true,
    ]);
    expect(summarizeScores(FY2567, scores, 80).tools.map((t) => t.passes)).toEqual([
      true,
      true,
      true,
    ]);
  });
});

describe("parseScoresList: the usual copies", () => {
  it("reads rows copied from a results table, percentages and labelled scores", () => {
    const text = [
      "รหัส\tประเด็นการประเมิน\tคะแนน",
      "I22\tผู้บังคับบัญชาของท่าน มีการมอบหมายงานอย่างเป็นธรรม\t82.01",
      "| I1 | เจ้าหน้าที่ปฏิบัติงานตามขั้นตอน 3 ข้อ | 96.31 |",
      "I2 | คำถาม | 96.31%",
      "I3\t\t\t๙๗.๕๐",
      "E1 คะแนน 88.40",
      "E2 score: 90.5",
      "E3 การเผยแพร่ข้อมูล 91.25",
      "E4,การให้บริการ,92",
      "I4 96.31 %",
      "E5 ข้อ 3 ของแบบ 88",
      "I5\tคำถาม\tไม่มีข้อมูล",
    ].join("\n");
    const { scores, unmatched } = parseScoresList(text, FY2567);
    expect(scores.map((s) => [s.code, s.score])).toEqual([
      ["I22", 82.01],
      ["I1", 96.31],
      ["I2", 96.31],
      ["I3", 97.5],
      ["E1", 88.4],
      ["E2", 90.5],
      ["E3", 91.25],
      ["E4", 92],
      ["I4", 96.31],
    ]);
    // Two numbers in the text: which one is the score is unclear, so the line is reported.
    expect(unmatched.map((u) => u.line)).toEqual([11, 12]);
  });
  it("reads a list separated by semicolons, as a CSV saved with ';' is", () => {
    const { scores, unmatched } = parseScoresList(
      "รหัส;คะแนน\nE1;77\nI22;82,01\nO1-O22;100",
      FY2567
    );
    expect(scores.map((s) => [s.code, s.score])).toEqual([
      ["E1", 77],
      ["I22", 82.01],
      ["O1-O22", 100],
    ]);
    expect(unmatched).toEqual([]);
  });
});

describe("a score cell as Excel stores it", () => {
  // Excel stores "85%" typed into a score cell as 0.85 with a percentage format (docs: see
  // test/host/typing.ts); "85" typed into a cell formatted as a date is the number 85 shown as a date.
  it.each([
    [0.85, "0%", 85, ["percent"]],
    [0.9631, "0.00%", 96.31, ["percent"]],
    [0.8201, "t0.00%", 82.01, ["percent"]],
    [85, "d/m/yyyy", 85, ["date"]],
    [85, "ว/ด/ปปปป", 85, ["date"]],
    [85, "0.00", 85, []],
    [85, "General", 85, []],
    [85, '0.00 "คะแนน"', 85, []],
    [85, null, 85, []],
  ])("reads %p formatted %p as %p, warning %p", (raw, fmt, value, warnings) => {
    const p = parseScoreCell(raw, fmt);
    expect(p).toEqual({ kind: "ok", value, warnings, normalized: false });
  });

  it("keeps a percentage above 100% an error, and text as text", () => {
    expect(parseScoreCell(8.5, "0%").kind).toBe("error");
    expect(parseScoreCell("85%", "0%")).toEqual({
      kind: "ok",
      value: 85,
      warnings: [],
      normalized: true,
    });
  });

  it("tells percentages and dates from numbers by the format's codes, not its quoted text", () => {
    expect(
      [
        "0%",
        "0.00%",
        "[Red]0%",
        "d-mmm-yy",
        "h:mm",
        "yyyy",
        '0 "d"',
        "#,##0.00",
        "@",
        "0.00E+00",
      ].map(numberFormatKind)
    ).toEqual([
      "percent",
      "percent",
      "percent",
      "date",
      "date",
      "date",
      "number",
      "number",
      "number",
      "number",
    ]);
  });
});

describe("scores just under the pass mark, as printed", () => {
  it("is short by what it lacks to the fourth decimal, never by 0 while under the mark", () => {
    expect(shortBy(84.999, 85)).toBe(0.001);
    expect(shortBy(84.995, 85)).toBe(0.005);
    expect(shortBy(73.39, 85)).toBe(11.61);
    expect(shortBy(85, 85)).toBe(0);
    expect(shortBy(96.31, 85)).toBe(0);
  });

  it("prints two decimals, or as many as the score has up to four: 84.999 is not 85.00", () => {
    expect(scoreText(85)).toBe("85.00");
    expect(scoreText(96.31)).toBe("96.31");
    expect(scoreText(84.999)).toBe("84.999");
    expect(scoreText(84.995)).toBe("84.995");
    expect(scoreText(0.001)).toBe("0.001");
    expect(scoreText(11.61)).toBe("11.61");
    // Still under the mark at the fifth decimal: printed so, short by what it lacks.
    expect(scoreText(84.99999)).toBe("84.99999");
    expect(shortBy(84.99999, 85)).toBe(0.00001);
  });
});
