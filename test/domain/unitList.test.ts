import { parseUnitList } from "../../src/domain/unitList";
import { DISTRICTS, unitDisplayName, unitsByKind } from "../../src/domain/units";

describe("units are data: a list of the expected units, with their kinds", () => {
  it("takes districts by any of their names and other units with the kind their entry gives", () => {
    const r = parseUnitList(
      JSON.stringify([
        "1035",
        "เขตบางรัก",
        { th: "สำนักการคลัง", en: "Finance Department", kind: "agency" },
        { th: "สำนักงบประมาณกรุงเทพมหานคร" },
        "Chom Thong",
      ]),
      true
    );
    expect(r).toEqual({
      units: [
        { code: "1035", th: "จอมทอง", en: "Chom Thong", kind: "district" },
        { code: "1004", th: "บางรัก", en: "Bang Rak", kind: "district" },
        { code: null, th: "สำนักการคลัง", en: "Finance Department", kind: "agency" },
        {
          code: null,
          th: "สำนักงบประมาณกรุงเทพมหานคร",
          en: "สำนักงบประมาณกรุงเทพมหานคร",
          kind: "agency",
        },
      ],
    });
  });

  it("refuses a kind no one defined, and a district given another kind, saying where", () => {
    expect(parseUnitList(JSON.stringify([{ th: "สำนักอนามัย", kind: "bureau" }]), true)).toEqual({
      problem: {
        th: 'รายการที่ 1: ประเภทหน่วยงาน "bureau" ไม่มี (มี: district, agency)',
        en: 'item 1: no unit kind "bureau" (kinds: district, agency)',
      },
    });
    expect(parseUnitList(JSON.stringify([{ th: "จอมทอง", kind: "agency" }]), true)).toEqual({
      problem: {
        th: "รายการที่ 1: จอมทอง เป็นสำนักงานเขต ไม่ใช่ประเภท agency",
        en: "item 1: จอมทอง is a district office, not of the kind agency",
      },
    });
  });

  it("reads one unit a line, skipping blank lines and comments", () => {
    expect(parseUnitList("# ส่วนกลาง\n\nสำนักการแพทย์\n1002\n", false)).toEqual({
      units: [
        { code: null, th: "สำนักการแพทย์", en: "สำนักการแพทย์", kind: "agency" },
        { code: "1002", th: "ดุสิต", en: "Dusit", kind: "district" },
      ],
    });
  });

  it("names and counts units by their kind", () => {
    const agency = { code: null, th: "สำนักการคลัง", en: "Finance Department", kind: "agency" };
    expect(unitDisplayName(DISTRICTS[0])).toBe("สำนักงานเขตพระนคร");
    expect(unitDisplayName(agency)).toBe("สำนักการคลัง");
    expect(unitsByKind([DISTRICTS[0], agency, DISTRICTS[1]])).toBe(
      "สำนักงานเขต 2 แห่ง หน่วยงานอื่น 1 แห่ง"
    );
    expect(unitsByKind([agency])).toBe("หน่วยงานอื่น 1 แห่ง");
  });
});
