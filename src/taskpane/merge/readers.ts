/**
 * Where the merge view's readers come from: the worker pool's chunk, loaded on first use, where the
 * browser has Web Workers (jsdom has not: the tests' files are read in the page). The pane starts
 * the readers as soon as the merge tab is chosen — while the view's own chunk loads — so that their
 * scripts are compiled before the user's files come.
 */
export const readersModule = () =>
  typeof Worker === "undefined"
    ? Promise.resolve(undefined)
    : import(/* webpackChunkName: "readpool" */ "./workerPool");

/** Start the readers a read will take (idempotent; the merge view stops them when it closes). */
export const startReaders = (): void => void readersModule().then((m) => m?.warmReaders());
