import { inSteps, painted } from "../../src/taskpane/merge/progressSteps";

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

describe("painted", () => {
  const rafBefore = globalThis.requestAnimationFrame;
  let frames: FrameRequestCallback[] = [];
  beforeEach(() => {
    jest.useFakeTimers();
    frames = [];
    globalThis.requestAnimationFrame = (cb: FrameRequestCallback) => frames.push(cb);
  });
  afterEach(() => {
    jest.useRealTimers();
    globalThis.requestAnimationFrame = rafBefore;
  });

  const settled = (p: Promise<void>) => {
    let done = false;
    void p.then(() => (done = true));
    return () => done;
  };

  it("waits for the next frame, then a task", async () => {
    const done = settled(painted());
    await jest.advanceTimersByTimeAsync(50);
    expect(done()).toBe(false);
    frames.forEach((f) => f(0));
    expect(done()).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(done()).toBe(true);
  });

  it("does not wait for a frame that never comes (a hidden pane)", async () => {
    const done = settled(painted(100));
    await jest.advanceTimersByTimeAsync(99);
    expect(done()).toBe(false);
    // The task after it (a timer of 0 ms waits 1 ms, as Node's do).
    await jest.advanceTimersByTimeAsync(1);
    expect(done()).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(done()).toBe(true);
    expect(frames).toHaveLength(1);
  });
});
