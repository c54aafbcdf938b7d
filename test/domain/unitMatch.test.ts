import {
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
    expect(unitName({ code: null, th: "กองคลัง", en: "กองคลัง", kind: "agency" }, "en")).toBe("กองคลัง");
  });
});
