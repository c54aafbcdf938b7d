import { inSteps } from "../../src/taskpane/merge/progressSteps";

describe("inSteps", () => {
  it("shows the first file, each twentieth of the files and the last", () => {
    const shown: number[] = [];
    const progress = inSteps((i) => void shown.push(i));
    for (let i = 1; i <= 100; i++) progress(i, 100, `f${i}.xlsx`);
    expect(shown).toEqual([
      1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100,
    ]);
  });

  it("shows every file of a few", () => {
    const shown: string[] = [];
    const progress = inSteps((i, n, f) => void shown.push(`${i}/${n} ${f}`));
    for (let i = 1; i <= 3; i++) progress(i, 3, `f${i}.xlsx`);
    expect(shown).toEqual(["1/3 f1.xlsx", "2/3 f2.xlsx", "3/3 f3.xlsx"]);
  });

  it("shows 50 files' reading 20 times, not 50", () => {
    let times = 0;
    const progress = inSteps(() => void times++);
    for (let i = 1; i <= 50; i++) progress(i, 50, "x.xlsx");
    expect(times).toBe(21);
  });
});
