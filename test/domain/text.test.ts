import { countEn } from "../../src/domain";

describe("countEn", () => {
  it("says one thing in the singular and every other count in the plural", () => {
    expect(countEn(0, "problem")).toBe("0 problems");
    expect(countEn(1, "problem")).toBe("1 problem");
    expect(countEn(2, "problem")).toBe("2 problems");
    expect(countEn(1, "entry", "entries")).toBe("1 entry");
    expect(countEn(3, "entry", "entries")).toBe("3 entries");
  });
});
