import { readFileSync } from "fs";
import path from "path";
import { eachWord, wordsOf } from "../../src/domain/wordBreak";

/** The whole text's words as ICU gives them in one pass: what breaking per run must equal. */
const whole = (text: string) =>
  [...new Intl.Segmenter("th", { granularity: "word" }).segment(text)].map((s) => s.segment);

describe("wordBreak", () => {
  it("breaks Thai into words and keeps spaces and signs as their own segments", () => {
    expect(wordsOf("ดำเนินการแล้ว: โดยสำนักงานเขต  ในรอบ 6 เดือน")).toEqual([
      "ดำเนิน",
      "การ",
      "แล้ว",
      ":",
      " ",
      "โดย",
      "สำนักงาน",
      "เขต",
      "  ",
      "ใน",
      "รอบ",
      " ",
      "6",
      " ",
      "เดือน",
    ]);
  });

  it("says which segments are words", () => {
    const seen: [string, boolean][] = [];
    const text = "ข้อ I1: ผ่าน";
    eachWord(text, (s, e, like) => void seen.push([text.slice(s, e), like]));
    expect(seen).toEqual([
      ["ข้อ", true],
      [" ", false],
      ["I1", true],
      [":", false],
      [" ", false],
      ["ผ่าน", true],
    ]);
  });

  it("gives the words of a slice, with offsets into the text, and stops when asked", () => {
    const text = "ก่อน การประชุม ประจำเดือน";
    const got: [number, number][] = [];
    eachWord(text, (s, e) => got.push([s, e]) < 3, 5, 25);
    // "การ" "ประชุม" " ": the third visit says stop.
    expect(got).toEqual([
      [5, 8],
      [8, 14],
      [14, 15],
    ]);
    expect(wordsOf(text, 15)).toEqual(["ประจำ", "เดือน"]);
  });

  it("keeps a mark after a space with the space (Unicode rule WB4)", () => {
    expect(wordsOf("ab \u0301c")).toEqual(["ab", " \u0301", "c"]);
  });

  it("breaks a run of 2,000 Thai letters without spaces into words, not pieces of a chunk", () => {
    const text = "การประชุมคณะกรรมการ".repeat(105);
    const got = wordsOf(text);
    expect(got.join("")).toBe(text);
    expect(new Set(got)).toEqual(new Set(["การ", "ประชุม", "คณะ", "กรรมการ"]));
  });

  it("finds the same words as one pass over the whole text, on a real district report", () => {
    const report = readFileSync(
      path.join(__dirname, "..", "fixtures", "seed-003-chom-thong-2567-r6.txt"),
      "utf8"
    );
    const paragraphs = report.split(/\n\s*\n/).filter((p) => p.trim());
    expect(paragraphs.length).toBeGreaterThan(40);
    for (const p of paragraphs) expect(wordsOf(p)).toEqual(whole(p));
  });
});
