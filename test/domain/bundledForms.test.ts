import { allForms, carriedForm, formDefinitionRows, loadFormDef } from "../../src/domain";
import { BUNDLED_FORM_FILES } from "../../src/domain/catalog/forms";
import { formDefSchema } from "../../src/domain/catalog/schema";

// The bundled forms are indexed at start-up without the schema (zod is loaded only for forms from
// outside the build): these tests are the schema check they skip.
describe("bundled forms", () => {
  it.each(BUNDLED_FORM_FILES.map((f) => [f.file, f.data] as const))(
    "%s passes the schema and the check changes nothing in it",
    (_file, data) => {
      const parsed = formDefSchema.safeParse(data);
      expect(parsed.error?.issues ?? []).toEqual([]);
      // Nothing added, dropped or changed by the check (defaults, stripped keys).
      expect(parsed.data).toEqual(data);
    }
  );

  it("are indexed as loadFormDef indexes them", () => {
    for (const form of allForms()) {
      const file = BUNDLED_FORM_FILES.find(
        (f) => (f.data as { version: string }).version === form.version
      )!;
      const checked = loadFormDef(file.data, file.file);
      expect({ ...form, byCode: [...form.byCode.keys()] }).toEqual({
        ...checked,
        byCode: [...checked.byCode.keys()],
      });
    }
  });
});

describe("a definition a workbook carries", () => {
  const stored = (json: string) =>
    new Map([["formDefinition.1", `ITAFORM:${json}`]]) as ReadonlyMap<string, string>;
  const form = allForms()[allForms().length - 1];

  it("is the bundled form itself when it is a copy of one, in any key order", () => {
    const rows = new Map(formDefinitionRows(form));
    expect(carriedForm(rows, form.formId, form.version).form).toBe(form);
    // Earlier builds wrote it in the schema's key order.
    const { $comment: _c, corrections: _k, ...schemaOrder } = formDefSchema.parse(form.definition);
    const json = JSON.stringify(schemaOrder);
    expect(json).not.toBe(rows.get("formDefinition.1")!.slice("ITAFORM:".length));
    expect(carriedForm(stored(json), form.formId, form.version).form).toBe(form);
  });

  it("is checked against the schema when it differs from every bundled form", () => {
    const { $comment: _c, corrections: _k, ...def } = form.definition;
    const edited = JSON.parse(JSON.stringify(def));
    edited.tools[0].indicators[0].items[0].text = "ข้อความที่แก้แล้ว";
    const found = carriedForm(stored(JSON.stringify(edited)), form.formId, form.version).form;
    expect(found).not.toBe(form);
    expect(found?.byCode.get("I1")?.text).toBe("ข้อความที่แก้แล้ว");
    edited.passMark = "85";
    const bad = carriedForm(stored(JSON.stringify(edited)), form.formId, form.version);
    expect(bad.form).toBeNull();
    expect(bad.problem?.en).toMatch(/passMark/);
  });

  it("is read whole when another program broke a piece with a line break (LibreOffice, saving again)", () => {
    const { $comment: _c, corrections: _k, ...def } = form.definition;
    const edited = JSON.parse(JSON.stringify(def));
    edited.tools[0].indicators[0].items[0].text = "การให้บริการของเจ้าหน้าที่";
    const json = JSON.stringify(edited);
    const at = json.indexOf("การให้บริการ") + "การให้".length;
    const broken = `${json.slice(0, at)}\n${json.slice(at, at + 40)}\r\n${json.slice(at + 40)}`;
    const found = carriedForm(stored(broken), form.formId, form.version);
    expect(found.problem).toBeNull();
    expect(found.form?.byCode.get("I1")?.text).toBe("การให้บริการของเจ้าหน้าที่");
    // Cut short, it is still refused.
    expect(carriedForm(stored(json.slice(0, -10)), form.formId, form.version).problem?.en).toBe(
      "the form definition is not complete JSON (cut short or altered)"
    );
  });
});
