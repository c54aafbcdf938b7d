/**
 * The merge view's readers over the bundled worker (`readWorker.ts`): loaded only where Web Workers
 * exist (not in the tests' jsdom, which read in the page). The pool itself is `readerPool.ts`.
 */
import type { ReadPool } from "../../app/readOne";
import { ReaderPool } from "./readerPool";

export type { BrowserFile } from "./readerPool";

const readers = new ReaderPool(
  () => new Worker(new URL("./readWorker.ts", import.meta.url), { name: "ita-read" }),
  () => navigator.hardwareConcurrency
);

/** A pool reading `files` files (the readers started ahead first). */
export const browserReadPool = (files: number): ReadPool => readers.pool(files);

/** Start the readers ahead of a choice of files; `coolReaders` stops those not taken. */
export const warmReaders = (): void => readers.warm();
export const coolReaders = (): void => readers.cool();
