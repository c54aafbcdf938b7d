import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import path from "path";
import {
  allForms,
  FormDef,
  FormDefError,
  chooseMergeForm,
  embeddedForm,
  formDefById,
  formDefinitionRows,
  formForYear,
  formYears,
  loadFormDef,
  mergeForms,
} from "../../src/domain";
import form2567 from "../../src/domain/catalog/forms/bkk-district-2567.json";
import { readSubmissions } from "../../src/cli/merge";
import { oneScoreList, runCli, tmpDir } from "../helpers";

const FY2567 = formDefById("bkk-district-ita", "2567.1")!;

/** The FY2567 form as the central office would edit it for 2569: one question reworded, one item added. */
function edited2569(): typeof form2567 {
  const f = JSON.parse(JSON.stringify(form2567));
  f.version = "2569.1";
  f.fiscalYear = 2569;
  f.passMark = 80;
  f.tools[0].indicators[0].items[0].text = "คำถามข้อ I1 ที่ปรับถ้อยคำสำหรับปี 2569";
  f.tools[1].indicators[2].items.push({
    code: "E16",
    text: "คำถามใหม่ของปี 2569",
    issue: "ประเด็นใหม่ของปี 2569",
    standardMeasures: ["มาตรการใหม่"],
  });
  return f;
}

describe("forms by fiscal year", () => {
  const forms2567and2569 = () => [FY2567, loadFormDef(edited2569(), "edited.json")];

  it("lists every JSON file of the forms folder (npm run forms is up to date)", () => {
    const r = spawnSync(
      process.execPath,
      [path.join(__dirname, "../../scripts/forms-index.js"), "--check"],
      { encoding: "utf8" }
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(allForms()).toContain(FY2567);
  });

  it("takes pass mark, rounds and weights from the form file", () => {
    expect(FY2567.passMark).toBe(85);
    expect(FY2567.rounds).toEqual([6, 12]);
    const f = loadFormDef(edited2569());
    expect(f.passMark).toBe(80);
    expect(f.items).toHaveLength(43);
    expect(f.byCode.get("I1")!.text).toMatch(/2569/);
  });

  it("chooses the year's own form, else the newest earlier one and says which", () => {
    const forms = forms2567and2569();
    expect(formForYear(2567, forms)).toEqual({ form: forms[0], notice: null });
    expect(formForYear(2569, forms)).toEqual({ form: forms[1], notice: null });
    const later = formForYear(2571, forms);
    expect(later.form).toBe(forms[1]);
    expect(later.notice!.th).toBe("ใช้แบบฟอร์มปี 2569 (2569.1) เพราะยังไม่มีแบบฟอร์มของปี 2571");
    expect(later.notice!.en).toMatch(/FY2569 form \(2569\.1\).*FY2571/);
    const between = formForYear(2568, forms);
    expect(between.form).toBe(forms[0]);
    expect(between.notice!.th).toMatch(/ปี 2567 \(2567\.1\).*ปี 2568/);
    // Before every form: the oldest, still with a notice.
    expect(formForYear(2565, forms).form).toBe(forms[0]);
    expect(formForYear(2565, forms).notice).not.toBeNull();
    expect(formYears(forms[0], forms)).toBe("2567–2568");
    expect(formYears(forms[1], forms)).toBe("2569–");
  });

  it("refuses a form file that fails the schema or the cross-item rules, naming the file and the path", () => {
    const noIssue = edited2569() as unknown as { tools: { indicators: { items: object[] }[] }[] };
    delete (noIssue.tools[0].indicators[1].items[2] as { issue?: string }).issue;
    expect(() => loadFormDef(noIssue, "f.json")).toThrow(FormDefError);
    try {
      loadFormDef(noIssue, "f.json");
    } catch (e) {
      const r = (e as FormDefError).reason;
      expect(r.th).toMatch(/f\.json.*tools\[0\]\.indicators\[1\]\.items\[2\]\.issue/);
      expect(r.en).toMatch(/f\.json is invalid at tools\[0\]\.indicators\[1\]\.items\[2\]\.issue/);
    }
    const dup = edited2569();
    (dup.tools[1].indicators[2].items as { code: string }[])[5].code = "E11";
    expect(() => loadFormDef(dup, "d.json")).toThrow(
      /d\.json is invalid at tools\[1\]\.indicators\[2\]\.items\[5\]\.code: item E11 appears twice/
    );
    const badRound = { ...edited2569(), rounds: [7] };
    expect(() => loadFormDef(badRound, "r.json")).toThrow(/r\.json is invalid at rounds\[0\]/);
  });

  it("merges by the form most sheets carry; another form's sheets are rejected naming both", () => {
    const [a, b] = forms2567and2569();
    const sub = (form: FormDef, id = form.formId, version = form.version) => ({
      file: `${version}.xlsx`,
      form: { formDef: form, formId: id, formVersion: version } as never,
    });
    expect(chooseMergeForm([sub(a), sub(b), sub(b)], a)).toMatchObject({
      form: b,
      matching: 2,
      other: 1,
    });
    // A tie goes to the newer form; a sheet whose form is unknown counts for none.
    expect(chooseMergeForm([sub(a), sub(b)], a).form).toBe(b);
    expect(chooseMergeForm([sub(a, "x", "1.0")], b)).toMatchObject({ form: b, matching: 0 });
  });
});

describe("ita forms / --form / --year", () => {
  let dir: string;
  let edited: string;
  beforeAll(async () => {
    dir = await tmpDir();
    edited = path.join(dir, "bkk-district-2569.json");
    await fs.writeFile(edited, JSON.stringify(edited2569(), null, 2));
  });

  it("scaffold --year 2570 uses the FY2567 form, says so on stderr, and writes the year 2570", async () => {
    const file = path.join(dir, "y2570.xlsx");
    const r = await runCli("scaffold", "--year", "2570", "--unit", "1035", "-o", file);
    expect(r.code).toBe(0);
    expect(r.err).toContain("ใช้แบบฟอร์มปี 2567 (2567.1) เพราะยังไม่มีแบบฟอร์มของปี 2570");
    expect(r.err).toContain("Using the FY2567 form (2567.1)");
    const read = JSON.parse((await runCli("read", file)).out);
    expect(read).toMatchObject({
      formId: "bkk-district-ita",
      formVersion: "2567.1",
      fiscalYear: 2570,
    });
    expect(read.items).toHaveLength(42);
    // The year's own form: no notice.
    expect(
      (
        await runCli(
          "scaffold",
          "--year",
          "2567",
          "--unit",
          "1035",
          "-o",
          path.join(dir, "y2567.xlsx")
        )
      ).err
    ).toBe("");
  });

  it("ita forms lists the bundled forms and the given ones", async () => {
    const r = await runCli("forms", "--json", "--form", edited);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out);
    expect(list.map((f: { version: string }) => f.version)).toEqual(["2567.1", "2569.1"]);
    expect(list[0]).toMatchObject({
      formId: "bkk-district-ita",
      fiscalYear: 2567,
      fiscalYears: "2567–2568",
      items: 42,
      weights: { IIT: 30, EIT: 30, OIT: 40 },
      source: "bundled",
    });
    expect(list[1]).toMatchObject({ fiscalYear: 2569, items: 43, passMark: 80, source: "file" });
    const text = await runCli("forms");
    expect(text.out).toMatch(/bkk-district-ita 2567\.1/);
    expect(text.out).toContain(FY2567.title.th);
  });

  it("a broken form file is refused whole: exit 2, naming the file and the path inside it", async () => {
    const bad = path.join(dir, "bad.json");
    const data = edited2569() as unknown as { tools: { weight: unknown }[] };
    data.tools[2].weight = "forty";
    await fs.writeFile(bad, JSON.stringify(data));
    for (const args of [
      ["scaffold", "-o", path.join(dir, "never.xlsx"), "--unit", "1035", "--form", bad],
      ["forms", "--form", bad],
    ]) {
      const r = await runCli(...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/ข้อผิดพลาด: แบบฟอร์ม .*bad\.json ไม่ถูกต้อง ที่ tools\[2\]\.weight/);
      expect(r.err).toMatch(/Error: Form file .*bad\.json is invalid at tools\[2\]\.weight/);
    }
    await expect(fs.stat(path.join(dir, "never.xlsx"))).rejects.toThrow();
    const notJson = path.join(dir, "notjson.json");
    await fs.writeFile(notJson, "{ nope");
    const r = await runCli("forms", "--form", notJson);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/notjson\.json is not valid JSON/);
    // A bundled form named by id@version is listed once, as bundled.
    const byId = JSON.parse(
      (await runCli("forms", "--json", "--form", "bkk-district-ita@2567.1")).out
    );
    expect(byId.map((f: { source: string }) => f.source)).toEqual(["bundled"]);
    const unknown = await runCli("forms", "--form", "no-such-form");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/No form "no-such-form".*bkk-district-ita@2567\.1/);
  });

  it("scaffold takes the rounds of the form: its first by default, another refused", async () => {
    const yearly = path.join(dir, "yearly.json");
    await fs.writeFile(
      yearly,
      JSON.stringify({ ...edited2569(), version: "2569.2", rounds: [12] })
    );
    const file = path.join(dir, "yearly.xlsx");
    expect(
      (await runCli("scaffold", "--form", yearly, "--year", "2569", "--unit", "1035", "-o", file))
        .code
    ).toBe(0);
    expect(JSON.parse((await runCli("validate", file, "--form", yearly, "--json")).out).round).toBe(
      12
    );
    const six = await runCli(
      ...["scaffold", "--form", yearly, "--round", "6", "--unit", "1035", "-o", file + "6.xlsx"]
    );
    expect(six.code).toBe(2);
    expect(six.err).toMatch(/has no round 6 \(its rounds: 12\)/);
  });

  it("an edited form scaffolds, validates and merges with --form; a mixed merge is reported", async () => {
    const newFile = path.join(dir, "new-1035.xlsx");
    const oldFile = path.join(dir, "old-1001.xlsx");
    const s = await runCli(
      "scaffold",
      ...["--form", edited, "--year", "2569", "--unit", "1035", "-o", newFile],
      ...["--from", await oneScoreList(dir)]
    );
    expect(s.code).toBe(0);
    expect(s.out).toContain("bkk-district-ita 2569.1, 43 items");
    expect((await runCli("scaffold", "--unit", "1001", "-o", oldFile, "--year", "2567")).code).toBe(
      0
    );

    const v = await runCli("validate", newFile, "--form", edited, "--json");
    const vj = JSON.parse(v.out);
    expect(vj).toMatchObject({ items: 43, passMark: 80, fiscalYear: 2569 });
    // The form given does not fit a file of another form: said, not read wrongly.
    const wrong = await runCli("validate", oldFile, "--form", edited);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(
      /uses the form bkk-district-ita 2567\.1, not bkk-district-ita 2569\.1/
    );

    const out = path.join(dir, "summary.xlsx");
    const m = await runCli(
      "merge",
      newFile,
      oldFile,
      "--form",
      edited,
      "-o",
      out,
      "--expect",
      "none",
      "--json"
    );
    expect(m.code).toBe(3);
    const mj = JSON.parse(m.out);
    expect(mj.merged.map((x: { unitCode: string }) => x.unitCode)).toEqual(["1035"]);
    expect(mj.rejected).toHaveLength(1);
    expect(mj.rejected[0].reason.en).toMatch(/bkk-district-ita 2567\.1.*bkk-district-ita 2569\.1/);
    expect(mj.rejected[0].reason.th).toMatch(/bkk-district-ita 2567\.1.*bkk-district-ita 2569\.1/);

    // Without --form: one form each (the new file carries its own); the newer is merged on a tie,
    // the other named on stderr and rejected.
    const plain = await runCli("merge", newFile, oldFile, "-o", out, "--expect", "none");
    expect(plain.code).toBe(3);
    expect(plain.err).toMatch(
      /Merged by the form bkk-district-ita 2569\.1 \(1 sheet\), the one most files carry; 1 sheet of other forms is merged only where its items map onto it/
    );
    expect(plain.out).toMatch(/old-1001\.xlsx: .*2567\.1.*2569\.1/);
    const byOld = await runCli(
      "merge",
      newFile,
      oldFile,
      "-o",
      out,
      "--expect",
      "none",
      "--form",
      "bkk-district-ita"
    );
    expect(byOld.out).toMatch(/new-1035\.xlsx: .*2569\.1.*2567\.1/);

    // The same through the library: sheets read against the given form, merged by it.
    const subs = await readSubmissions([newFile], undefined, loadFormDef(edited2569()));
    const r = mergeForms(subs, { formDef: subs[0].form!.formDef, expect: "none" });
    expect(r.merged[0].form.items).toHaveLength(43);
    expect(r.passMark).toBe(80);
  });

  it("a workbook carries its form: read, validated and merged on a copy that does not bundle it", async () => {
    const a = path.join(dir, "carried-1035.xlsx");
    const b = path.join(dir, "carried-1001.xlsx");
    for (const [file, unit] of [
      [a, "1035"],
      [b, "1001"],
    ])
      expect(
        (
          await runCli(
            ...["scaffold", "--form", edited, "--year", "2569", "--unit", unit, "-o", file],
            ...["--from", await oneScoreList(dir)]
          )
        ).code
      ).toBe(0);
    // No --form from here on: the forms come from the workbooks.
    const read = JSON.parse((await runCli("read", a)).out);
    expect(read).toMatchObject({ formVersion: "2569.1", fiscalYear: 2569 });
    expect(read.items).toHaveLength(43);
    expect(read.items.map((i: { code: string }) => i.code)).toContain("E16");
    expect(JSON.parse((await runCli("validate", a, "--json")).out)).toMatchObject({
      items: 43,
      passMark: 80,
    });
    const old = path.join(dir, "carried-old-1006.xlsx");
    await runCli("scaffold", "--unit", "1006", "--year", "2567", "-o", old);
    const out = path.join(dir, "carried-summary.xlsx");
    const m = await runCli("merge", a, b, old, "-o", out, "--expect", "none", "--json");
    expect(m.code).toBe(3);
    const mj = JSON.parse(m.out);
    expect(mj.merged.map((x: { unitCode: string }) => x.unitCode)).toEqual(["1001", "1035"]);
    expect(mj.rejected[0].reason.en).toMatch(
      /uses the form bkk-district-ita 2567\.1, not the merged form \(bkk-district-ita 2569\.1\)/
    );
  });

  it("a carried form that is corrupt, cut short or another form's is not used", () => {
    const form = loadFormDef(edited2569(), "edited.json");
    const rows = formDefinitionRows(form);
    // One row (the definition, about 26,000 characters, fits a cell), marked as a form definition.
    expect(rows.map(([k, v]) => [k, v.slice(0, 8), v.length <= 32767])).toEqual([
      ["formDefinition.1", "ITAFORM:", true],
    ]);
    const stored = new Map(rows);
    expect(embeddedForm(stored, "bkk-district-ita", "2569.1")?.items).toHaveLength(43);
    expect(embeddedForm(stored, "bkk-district-ita", "2567.1")).toBeNull();
    const last = rows[rows.length - 1][0];
    expect(
      embeddedForm(new Map([...rows, [last, "ITAFORM:{"]]), "bkk-district-ita", "2569.1")
    ).toBeNull();
    expect(
      embeddedForm(new Map([...rows, [last, "=1+1"]]), "bkk-district-ita", "2569.1")
    ).toBeNull();
    const broken = JSON.stringify({ ...edited2569(), passMark: 300 });
    expect(
      embeddedForm(
        new Map([["formDefinition.1", `ITAFORM:${broken}`]]),
        "bkk-district-ita",
        "2569.1"
      )
    ).toBeNull();
  });
});
