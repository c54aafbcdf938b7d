import fc from "fast-check";
import path from "path";
import {
  arrayGrid,
  modelGrid,
  cleanText,
  GridCell,
  parseScore,
  readForm,
  renderForm,
  Report,
  ROWS,
  validate,
} from "../../src/domain";
import { FY2567 } from "../forms";
import { readFormSheetFile, writeFormWorkbook } from "../../src/xlsx";
import { sampleMeta, sampleReport, sharedView, tmpDir } from "../helpers";

const THAI = "๐๑๒๓๔๕๖๗๘๙";
const thaiDigits = (s: string) => s.replace(/\d/g, (d) => THAI[Number(d)]);

/** Any score a district could mean: 0–100 with up to two decimals. */
const score = fc.integer({ min: 0, max: 10000 }).map((n) => n / 100);

/** Text as it survives a cell: cleaned (NFC, trimmed, no zero-width characters). */
const cellText = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom(..."กขคงจฉชซญดตถทนบปผพฟมยรลวศสหอฮะาิีึืุูเแโใไำ่้๊๋็์ =+-@<>&\"'\n\t".split("")),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 })
    ),
    maxLength: 60,
  })
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  .map((s) => cleanText(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")))
  .filter((s) => !/[\ud800-\udfff]/.test(s));

const report: fc.Arbitrary<Report> = fc
  .record({
    scores: fc.array(fc.option(score, { nil: null }), { minLength: 42, maxLength: 42 }),
    texts: fc.array(fc.tuple(cellText, cellText, cellText, cellText), {
      minLength: 42,
      maxLength: 42,
    }),
  })
  .map(({ scores, texts }) => ({
    ...sampleReport(),
    items: FY2567.items.map((it, i) => ({
      code: it.code,
      score: scores[i],
      issue: texts[i][0],
      measures: texts[i][1],
      results: texts[i][2],
      evidence: texts[i][3],
    })),
  }));

const fields = (
  items: {
    code: string;
    score: number | null;
    issue: string;
    measures: string;
    results: string;
    evidence: string;
  }[]
) =>
  items.map(({ code, score: s, issue, measures, results, evidence }) => ({
    code,
    score: s,
    issue,
    measures,
    results,
    evidence,
  }));

describe("properties", () => {
  it("the score parser never throws and reads every way of writing a score", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.double(), fc.constant(null), fc.boolean()),
        (x) => void parseScore(x)
      )
    );
    fc.assert(
      fc.property(score, fc.constantFrom("plain", "thai", "comma", "unit", "form"), (v, style) => {
        const s = v.toFixed(2);
        const text = {
          plain: s,
          thai: thaiDigits(s),
          comma: s.replace(".", ","),
          unit: `${s} คะแนน`,
          form: `(${thaiDigits(s)} คะแนน)`,
        }[style];
        const p = parseScore(text);
        return p.kind === "ok" && p.value === v;
      })
    );
  });

  it("a report written into the layout and read back is the same report", () => {
    fc.assert(
      fc.property(report, (r) => {
        const m = renderForm(FY2567, sampleMeta(), r);
        const read = readForm(modelGrid(m), FY2567);
        expect(fields(read.items)).toEqual(fields(sharedView(r).items));
      }),
      { numRuns: 60 }
    );
  });

  it("shuffled items and inserted junk rows never crash the reader and find every item and score", () => {
    const base = renderForm(FY2567, sampleMeta(), sampleReport());
    const grid = modelGrid(base);
    const rowsOf = () =>
      Array.from({ length: grid.rowCount }, (_, r) =>
        Array.from({ length: grid.colCount }, (_, c) => grid.raw(r + 1, c + 1))
      );
    const headerRow = ROWS.header - 1;
    const junkCell = fc.oneof(
      fc.string({ maxLength: 20 }).filter((s) => !/^\s*[IEOieo]\s*[\d๐-๙]/.test(s)),
      fc.double(),
      fc.boolean(),
      fc.constant(null)
    ) as fc.Arbitrary<GridCell>;
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 1, maxLength: 200 }),
        fc.array(fc.array(junkCell, { minLength: 7, maxLength: 7 }), { maxLength: 15 }),
        (order, junk) => {
          const all = rowsOf();
          const head = all.slice(0, headerRow + 1);
          const body = all.slice(headerRow + 1);
          for (let i = body.length - 1; i > 0; i--) {
            const j = order[i % order.length] % (i + 1);
            [body[i], body[j]] = [body[j], body[i]];
          }
          junk.forEach((row, k) =>
            body.splice(order[k % order.length] % (body.length + 1), 0, row)
          );
          const form = readForm(arrayGrid("s", [...head, ...body]), FY2567);
          validate(form);
          // Shuffling breaks merged and continued texts apart; the items and their scores stay.
          expect(form.items.map((i) => [i.code, i.score])).toEqual(
            sampleReport().items.map((i) => [i.code, i.score])
          );
        }
      ),
      { numRuns: 80 }
    );
  });

  it("random cell contents anywhere in the entry columns never crash reading or validating", () => {
    const base = renderForm(FY2567, sampleMeta(), sampleReport());
    const anyCell = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null)
    ) as fc.Arbitrary<GridCell>;
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.nat(base.values.length - 1), fc.integer({ min: 2, max: 6 }), anyCell),
          { maxLength: 60 }
        ),
        (edits) => {
          const grid = modelGrid(base);
          const values = Array.from({ length: grid.rowCount }, (_, r) =>
            Array.from({ length: grid.colCount }, (_, c) => grid.raw(r + 1, c + 1))
          );
          for (const [r, c, v] of edits) if (r > ROWS.header) values[r][c] = v;
          const form = readForm(arrayGrid("s", values, base.merges), FY2567);
          const result = validate(form);
          expect(result.issues.every((i) => i.message.th && i.message.en)).toBe(true);
        }
      ),
      { numRuns: 100 }
    );
  });

  it("a report written to an .xlsx file and read back is the same report", async () => {
    const dir = await tmpDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(report, async (r) => {
        const file = path.join(dir, `r${n++}.xlsx`);
        await writeFormWorkbook(file, renderForm(FY2567, sampleMeta(), r));
        const { form } = await readFormSheetFile(file);
        expect(fields(form.items)).toEqual(fields(sharedView(r).items));
      }),
      { numRuns: 12 }
    );
  });
});
