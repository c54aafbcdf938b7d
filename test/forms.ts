import { FormDef, formDefById } from "../src/domain";
import type { FormDefJson } from "../src/domain/catalog/schema";

/** The FY2567 district form, pinned by id and version: tests never depend on which form is newest. */
export const FY2567: FormDef = formDefById("bkk-district-ita", "2567.1")!;

/**
 * A FY2569 form continuing FY2567's: E15 renumbered E16, I5 split into I5 and I26 (a new item after
 * I25), with the map that says so. `items` replaces the map's items (to test a bad map).
 */
export function mappedFormDef(items?: Record<string, string[]>): FormDefJson {
  const f = JSON.parse(JSON.stringify(FY2567.definition)) as FormDefJson;
  f.version = "2569.1";
  f.fiscalYear = 2569;
  delete f.corrections;
  for (const t of f.tools)
    for (const ind of t.indicators) {
      for (const it of ind.items) if (it.code === "E15") it.code = "E16";
      const i25 = ind.items.findIndex((it) => it.code === "I25");
      if (i25 >= 0) {
        const src = t.indicators.flatMap((x) => x.items).find((it) => it.code === "I5")!;
        ind.items.splice(i25 + 1, 0, {
          code: "I26",
          text: "ส่วนที่แยกจากข้อ I5",
          issue: src.issue,
          standardMeasures: ["มาตรการของข้อ I26"],
        });
      }
    }
  f.previous = {
    formId: FY2567.formId,
    version: FY2567.version,
    items: items ?? { E16: ["E15"], I26: ["I5"] },
  };
  return f;
}
