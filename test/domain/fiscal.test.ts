import { currentFiscalYear, dueReport } from "../../src/domain";

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h);

describe("the report due at a date", () => {
  it.each([
    // [date, fiscal year, round]
    [at(2026, 11, 23), 2569, 12], // November 2026: the 12-month report of FY2569 (Oct 2025 – Sep 2026)
    [at(2026, 10, 1, 0), 2569, 12], // FY2570 starts; FY2569 has just ended
    [at(2026, 9, 30, 23), 2569, 6], // last day of FY2569: its 6-month report is the latest ended
    [at(2026, 12, 31, 23), 2569, 12],
    [at(2027, 1, 1, 0), 2569, 12],
    [at(2027, 3, 31, 23), 2569, 12], // FY2570's first half has not ended yet
    [at(2027, 4, 1, 0), 2570, 6], // October 2026 – March 2027 has ended
    [at(2024, 5, 1), 2567, 6],
  ])("%s → FY%i, %i-month round", (date, fy, round) => {
    expect(dueReport(date)).toEqual({ fiscalYear: fy, round });
  });

  it("never names a fiscal year after the current one, nor more than one before it", () => {
    for (let m = 0; m < 24; m++) {
      const d = new Date(2025, m, 15);
      const { fiscalYear } = dueReport(d);
      expect(currentFiscalYear(d) - fiscalYear).toBeGreaterThanOrEqual(0);
      expect(currentFiscalYear(d) - fiscalYear).toBeLessThanOrEqual(1);
    }
  });
});
