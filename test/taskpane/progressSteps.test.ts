import { Cancelled } from "../../src/app/files";
import { inSteps, painted, stepped } from "../../src/taskpane/merge/progressSteps";

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

describe("stepped", () => {
  /** Steps 1…n, each taking `ms` of a clock the test moves; what ran is recorded. */
  function work(n: number, ms: number) {
    let clock = 0;
    const ran: number[] = [];
    function* steps() {
      for (let i = 1; i <= n; i++) {
        clock += ms;
        ran.push(i);
        yield i;
      }
    }
    return { steps: steps(), ran, now: () => clock };
  }

  it("shows a step and lets the browser paint once a stretch of work reaches the budget", async () => {
    const w = work(10, 20);
    const shown: number[] = [];
    let pauses = 0;
    await stepped(
      w.steps,
      (i) => shown.push(i),
      { aborted: false },
      {
        now: w.now,
        budgetMs: 50,
        pause: async () => void pauses++,
      }
    );
    // 20 ms a step: the third step ends a stretch of 60 ms, then again three steps later.
    expect(shown).toEqual([3, 6, 9]);
    expect(pauses).toBe(3);
    expect(w.ran).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("stops at the pause where a cancel was asked, the steps left not run", async () => {
    const w = work(10, 20);
    const signal = { aborted: false };
    await expect(
      stepped(w.steps, () => undefined, signal, {
        now: w.now,
        budgetMs: 50,
        pause: async () => void (signal.aborted = true),
      })
    ).rejects.toBeInstanceOf(Cancelled);
    expect(w.ran).toEqual([1, 2, 3]);
  });

  it("runs quick work through without a pause", async () => {
    const w = work(5, 1);
    let pauses = 0;
    await stepped(
      w.steps,
      () => undefined,
      { aborted: false },
      {
        now: w.now,
        pause: async () => void pauses++,
      }
    );
    expect(pauses).toBe(0);
    expect(w.ran).toEqual([1, 2, 3, 4, 5]);
  });
});
