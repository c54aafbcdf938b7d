import {
  checkUnitEntry,
  DISTRICTS,
  editDistance,
  findDistrict,
  suggestDistricts,
  unitName,
} from "../../src/domain";

const codes = (q: string) => suggestDistricts(q).map((u) => u.code);
const bangRak = findDistrict("บางรัก")!.code;

describe("near-miss district names", () => {
  it("counts edits in code points, Thai marks included, and a swap as one", () => {
    expect(editDistance("บางลัก", "บางรัก")).toBe(1);
    expect(editDistance("บางรก", "บางรัก")).toBe(1);
    expect(editDistance("abcd", "abdc")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("จอมทอง", "จอมทอง")).toBe(0);
  });

  it.each(["บางลัก", "เขตบางลัก", "สำนักงานเขตบางลัก", "บางรกั", "บางรัด", "Bang Rack", "bangruk"])(
    "suggests Bang Rak for %p",
    (q) => {
      expect(codes(q)).toEqual([bangRak]);
    }
  );

  it("suggests nothing for a name that is already a district, or for other units", () => {
    expect(codes("บางรัก")).toEqual([]);
    expect(codes("เขตบางรัก")).toEqual([]);
    expect(codes("กองการเจ้าหน้าที่")).toEqual([]);
    expect(codes("สำนักการศึกษา")).toEqual([]);
    expect(codes("บา")).toEqual([]);
    expect(codes("")).toEqual([]);
  });

  it("finds every district from a one-letter slip in its Thai name", () => {
    for (const d of DISTRICTS) {
      const chars = [...d.th];
      // Drop one character in the middle of the name.
      const slip = [...chars.slice(0, 2), ...chars.slice(3)].join("");
      if (findDistrict(slip)) continue;
      expect(codes(slip)).toContain(d.code);
    }
  });

  it("names districts in English in English mode, units without an English name as given", () => {
    const u = findDistrict("1035")!;
    expect(unitName(u, "en")).toBe("Chom Thong");
    expect(unitName(u, "th")).toBe("สำนักงานเขตจอมทอง");
    expect(unitName({ code: null, th: "กองคลัง", en: "กองคลัง", kind: "agency" }, "en")).toBe(
      "กองคลัง"
    );
  });
});

describe("a unit typed for a new form (checkUnitEntry)", () => {
  it("a district by code, Thai digits, Thai or English name, with or without its prefix", () => {
    for (const typed of ["1004", "๑๐๐๔", "บางรัก", "เขตบางรัก", "สำนักงานเขตบางรัก", " Bang Rak "])
      expect(checkUnitEntry(typed)).toEqual({
        kind: "district",
        unit: { code: "1004", th: "บางรัก", en: "Bang Rak", kind: "district" },
      });
  });

  it("nothing, or only the prefix, is empty", () => {
    expect(checkUnitEntry("")).toEqual({ kind: "empty", text: "" });
    expect(checkUnitEntry("  ")).toEqual({ kind: "empty", text: "" });
    expect(checkUnitEntry("เขต")).toEqual({ kind: "empty", text: "เขต" });
    expect(checkUnitEntry("สำนักงานเขต")).toEqual({ kind: "empty", text: "สำนักงานเขต" });
  });

  it("digits no district has are not a code, whatever the prefix or digits", () => {
    expect(checkUnitEntry("9999")).toEqual({ kind: "not-a-code", text: "9999" });
    expect(checkUnitEntry("1051")).toEqual({ kind: "not-a-code", text: "1051" });
    expect(checkUnitEntry("๑๐๕๑")).toEqual({ kind: "not-a-code", text: "๑๐๕๑" });
    expect(checkUnitEntry("เขต 99")).toEqual({ kind: "not-a-code", text: "เขต 99" });
  });

  it("a name a few edits from a district's is a near miss, with the district", () => {
    expect(checkUnitEntry("บางลัก")).toEqual({
      kind: "near-miss",
      text: "บางลัก",
      near: [{ code: "1004", th: "บางรัก", en: "Bang Rak", kind: "district" }],
    });
    expect(checkUnitEntry("Dusitt")).toEqual({
      kind: "near-miss",
      text: "Dusitt",
      near: [{ code: "1002", th: "ดุสิต", en: "Dusit", kind: "district" }],
    });
  });

  it("the names of other offices are far from every district's: other units, as typed", () => {
    for (const name of [
      "สำนักงบประมาณกรุงเทพมหานคร",
      "กองคลัง",
      "กองการเจ้าหน้าที่",
      "สำนักการแพทย์",
      "สำนักอนามัย",
      "สำนักเทศกิจ",
      "ฝ่ายปกครอง",
      "ศูนย์บริการ",
      "สำนักงาน ก.ก.",
    ])
      expect(checkUnitEntry(name)).toEqual({
        kind: "other",
        unit: { code: null, th: name, en: name, kind: "agency" },
      });
  });
});
