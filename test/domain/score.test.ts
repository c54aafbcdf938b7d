import {
  band,
  normalizeCode,
  parseScore,
  parseScoresList,
  DEFAULT_CATALOG,
  currentFiscalYear,
  leadingCode,
} from "../../src/domain";

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

  it("warns on more than two decimals but not on floating-point noise", () => {
    expect(ok("96.315").warnings).toEqual(["precision"]);
    expect(ok(82.01000000000001).warnings).toEqual([]);
    expect(ok(82.01000000000001).value).toBe(82.01);
    expect(ok("96.31").warnings).toEqual([]);
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
    const { scores, unmatched } = parseScoresList(text, DEFAULT_CATALOG);
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
