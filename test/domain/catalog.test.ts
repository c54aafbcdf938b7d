import { readFileSync } from "fs";
import path from "path";
import { allForms, FormDefError, formDefById, formForYear, loadFormDef } from "../../src/domain";
import { FY2567 } from "../forms";
import form2567 from "../../src/domain/catalog/forms/bkk-district-2567.json";

const SEED = readFileSync(
  path.join(__dirname, "../fixtures/seed-003-chom-thong-2567-r6.txt"),
  "utf8"
);

/** Question texts of the I/E items as the seed prints them: code, text, then "(nn.nn คะแนน)". */
function seedQuestions(): Map<string, { text: string; score: number }> {
  const out = new Map<string, { text: string; score: number }>();
  const re = /^ ?\t(?:\[bookmark: [^\]]*\])?([IE]\d+) ([\s\S]*?)\((\d+\.\d+) คะแนน\)/gm;
  for (const m of SEED.matchAll(re)) out.set(m[1], { text: m[2], score: Number(m[3]) });
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, "");

describe("FY2567 district form catalog", () => {
  const cat = FY2567;

  it("has the 42 scored rows of seed 003 in form order", () => {
    const codes = cat.items.map((i) => i.code);
    const expected = [
      ...Array.from({ length: 25 }, (_, i) => `I${i + 1}`),
      ...Array.from({ length: 15 }, (_, i) => `E${i + 1}`),
      "O1-O22",
      "O23-O30",
    ];
    expect(codes).toEqual(expected);
  });

  it("has the question texts of seed 003, word for word but for the listed corrections", () => {
    const seed = seedQuestions();
    expect(seed.size).toBe(40);
    const corrections = form2567.corrections.filter((c) => c.field === "text");
    for (const item of cat.items.filter((i) => !i.code.startsWith("O"))) {
      const s = seed.get(item.code);
      expect(s).toBeDefined();
      let source = s!.text;
      for (const c of corrections.filter((x) => x.code === item.code))
        source = source.replace(c.from, c.to);
      expect([item.code, squash(item.text)]).toEqual([item.code, squash(source)]);
    }
    expect(cat.byCode.get("I22")!.text).toBe(
      "ผู้บังคับบัญชาในแต่ละฝ่ายที่ท่านปฏิบัติงานมีการดำเนินการทางวินัยและคดีความตามกฎหมายกับเจ้าหน้าที่ที่มีการใช้อำนาจในทางที่ผิด"
    );
  });

  it("groups items under the three tools and indicators 1–10 with their Thai names and weights", () => {
    expect(cat.tools.map((t) => [t.id, t.weight])).toEqual([
      ["IIT", 30],
      ["EIT", 30],
      ["OIT", 40],
    ]);
    expect(cat.tools[0].name.th).toBe("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน");
    expect(cat.tools[2].name.th).toBe("แบบวัดการเปิดเผยข้อมูลสาธารณะ");
    const indicators = cat.tools.flatMap((t) =>
      t.indicators.map((i) => `${i.number} ${i.name.th}`)
    );
    expect(indicators).toEqual([
      "1 การปฏิบัติหน้าที่",
      "2 การใช้งบประมาณ",
      "3 การใช้อำนาจ",
      "4 การใช้ทรัพย์สินของราชการ",
      "5 การแก้ไขปัญหาการทุจริต",
      "6 คุณภาพการดำเนินงาน",
      "7 ประสิทธิภาพการสื่อสาร",
      "8 การปรับปรุงระบบการทำงาน",
      "9 การเปิดเผยข้อมูล",
      "10 การป้องกันการทุจริต",
    ]);
    expect(cat.byCode.get("I8")!.indicator).toBe(2);
    expect(cat.byCode.get("O23-O30")!.indicator).toBe(10);
  });

  it("shares the standard measures of a measure group (I1 stands for I1–I4)", () => {
    const i1 = cat.byCode.get("I1")!;
    expect(i1.standardMeasures).toHaveLength(5);
    for (const c of ["I2", "I3", "I4"]) {
      expect(cat.byCode.get(c)!.measureGroup).toBe("I1");
      expect(cat.byCode.get(c)!.standardMeasures).toEqual(i1.standardMeasures);
    }
    expect(cat.byCode.get("I5")!.measureGroup).toBe("I5");
    expect(cat.byCode.get("I22")!.measureGroup).toBe("I21");
    expect(cat.items.every((i) => i.issue.length > 10)).toBe(true);
  });

  it("carries no PDF extraction glitches: NFC, no tone mark before a vowel, no stray spacing", () => {
    const texts = cat.items.flatMap((i) => [i.text, i.issue, ...i.standardMeasures]);
    for (const t of texts) {
      expect(t).toBe(t.normalize("NFC"));
      expect(t).not.toMatch(/[\u0e48-\u0e4b][\u0e31\u0e34-\u0e39\u0e47]/);
      expect(t).not.toMatch(/ {2}|^\s|\s$|\n|\t|\[bookmark|\[image/);
    }
  });

  it("corrects the typing errors of the source document and lists each correction", () => {
    const all = (code: string, field: string): string[] => {
      const it = cat.byCode.get(code)!;
      return field === "standardMeasures"
        ? [...it.standardMeasures]
        : [String(it[field as "issue"])];
    };
    expect(form2567.corrections.length).toBeGreaterThanOrEqual(15);
    for (const c of form2567.corrections) {
      const texts = all(c.code, c.field);
      expect([c.code, c.from, texts.some((t) => t.includes(c.from))]).toEqual([
        c.code,
        c.from,
        false,
      ]);
      expect([c.code, c.to, texts.some((t) => t.includes(c.to))]).toEqual([c.code, c.to, true]);
    }
    // None of the source's typing errors is left anywhere in the form.
    const everything = JSON.stringify(form2567.tools);
    for (const typo of [
      "เรียกรับเรียกรับ",
      "เจ้าหน้าของ",
      "ความเข้าใน",
      "ความพึงใจ",
      "เห็นได้อยาก",
      "อินโฟรกราฟิก",
    ])
      expect([typo, everything.includes(typo)]).toEqual([typo, false]);
  });

  it("is checked by zod at load and rejects a broken form file", () => {
    const broken = JSON.parse(JSON.stringify(form2567));
    broken.tools[0].indicators[0].items[1].code = "I1";
    expect(() => loadFormDef(broken)).toThrow(FormDefError);
    const missing = JSON.parse(JSON.stringify(form2567));
    delete missing.tools[0].indicators[0].items[0].issue;
    expect(() => loadFormDef(missing)).toThrow(/issue/);
    const weights = JSON.parse(JSON.stringify(form2567));
    weights.tools[2].weight = 50;
    expect(() => loadFormDef(weights)).toThrow(/weights/);
  });

  it("bundles the FY2567 form and picks it for its year and the years after it", () => {
    expect(allForms().map((f) => `${f.formId} ${f.version}`)).toContain("bkk-district-ita 2567.1");
    expect(formDefById("bkk-district-ita", "2567.1")?.items).toHaveLength(42);
    expect(formDefById("bkk-district-ita", "1999.9")).toBeNull();
    expect(formForYear(2567)).toEqual({
      form: formDefById("bkk-district-ita", "2567.1"),
      notice: null,
    });
  });
});
