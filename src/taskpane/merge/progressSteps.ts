import { CancelSignal, Cancelled, type ReadProgress } from "../../app/files";

/** How many times, at most, the progress of reading a set of files is shown. */
export const PROGRESS_STEPS = 20;

/**
 * `show` called for the first file, at each twentieth of the files and for the last, not for every
 * file: each call renders the merge view again, and on a two-core computer a render per file takes
 * the time the readers need (500 files, 500 renders).
 */
export function inSteps(show: ReadProgress, steps = PROGRESS_STEPS): ReadProgress {
  return (done, of, file) => {
    const step = (i: number) => Math.floor((i * steps) / of);
    if (done <= 1 || done >= of || step(done) !== step(done - 1)) show(done, of, file);
  };
}

/**
 * Resolves once the browser has had a frame to paint what was just set (a step about to take the UI
 * thread for a while is shown first): after the next animation frame, then a task, so that the paint
 * is not waiting behind the work. A hidden pane gets no frames: then after `atMostMs`.
 */
export const painted = (atMostMs = 100): Promise<void> =>
  new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(finish);
    setTimeout(finish, atMostMs);
  });

/** Longest stretch, in ms, the UI thread works through steps before it lets the browser paint. */
export const STEPS_BUDGET_MS = 50;

/**
 * Run work given in steps (a generator) on the UI thread without holding it: after each step that
 * ends a stretch of `budgetMs`, the step is shown (`show`) and the browser paints (`pause`) before the
 * next; a cancel asked meanwhile stops the work there (`Cancelled`), the steps left not run.
 */
export async function stepped<T>(
  steps: Iterator<T, unknown, void>,
  show: (step: T) => void,
  signal: CancelSignal,
  opts: { now?: () => number; pause?: () => Promise<void>; budgetMs?: number } = {}
): Promise<void> {
  const now = opts.now ?? (() => performance.now());
  const pause = opts.pause ?? painted;
  const budget = opts.budgetMs ?? STEPS_BUDGET_MS;
  let since = now();
  for (let step = steps.next(); !step.done; step = steps.next()) {
    if (now() - since < budget) continue;
    show(step.value);
    await pause();
    if (signal.aborted) throw new Cancelled();
    since = now();
  }
}
