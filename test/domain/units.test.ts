import {
  DISTRICTS,
  findDistrict,
  resolveUnit,
  searchDistricts,
  unitDisplayName,
} from "../../src/domain";

describe("units", () => {
  it("holds the 50 district offices with codes 1001–1050", () => {
    expect(DISTRICTS).toHaveLength(50);
    expect(DISTRICTS.map((d) => d.code)).toEqual(
      Array.from({ length: 50 }, (_, i) => String(1001 + i))
    );
  });

  it.each([
    "1035",
    "จอมทอง",
    "เขตจอมทอง",
    "สำนักงานเขตจอมทอง",
    "Chom Thong",
    "khet chom thong",
    "CHOMTHONG",
    "๑๐๓๕",
  ])("finds Chom Thong from %p", (q) => {
    expect(findDistrict(q)?.code).toBe("1035");
  });

  it("keeps other units as free text", () => {
    expect(resolveUnit("สำนักการคลัง")).toEqual({
      code: null,
      th: "สำนักการคลัง",
      en: "สำนักการคลัง",
      kind: "agency",
    });
    expect(resolveUnit("   ")).toBeNull();
    expect(unitDisplayName(findDistrict("1001")!)).toBe("สำนักงานเขตพระนคร");
  });

  it("searches in Thai and English", () => {
    expect(searchDistricts("บาง").length).toBeGreaterThan(10);
    expect(searchDistricts("bang kapi").map((d) => d.code)).toEqual(["1006"]);
  });
});
