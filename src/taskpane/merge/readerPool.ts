/**
 * The merge view's pool of readers: Web Workers (two where the machine has the cores) that read the
 * chosen files off the UI thread, each file's result sent back with the form definitions by key
 * (app/readWire.ts). Readers can be started before any file is chosen (`warm`): a worker's script is
 * fetched and compiled while the user picks, not after. The workers come from `spawn`
 * (`workerPool.ts` gives the bundled readWorker), so this file runs in the tests without a bundler.
 */
import { Cancelled, PickedFile } from "../../app/files";
import { inTurn, readOne, ReadPool } from "../../app/readOne";
import { fflateInflate } from "../../xlsx/read/fflateInflate";
import { fromWire, ReadOne, WireOne } from "../../app/readWire";
import type { FormDef } from "../../domain/catalog";

/** The browser's File behind a picked file (the worker reads its bytes itself). */
export type BrowserFile = PickedFile & { file: File };

/** Workers at most: the UI thread gathers, two readers keep two cores busy. */
const READERS_AT_MOST = 2;
/** Files a worker is worth starting for (below, fewer workers). */
const FILES_PER_READER = 8;

/** Readers the machine has the cores for (at least one). */
const readersFor = (cores: number) => Math.max(1, Math.min(cores || 1, READERS_AT_MOST));

export class ReaderPool {
  /** Started ahead of a choice of files, idle until taken. */
  private readonly idle: Worker[] = [];

  constructor(
    private readonly spawn: () => Worker,
    private readonly cores: () => number
  ) {}

  /** Start the readers a read will take, if not started yet (the merge view, on opening). */
  warm(): void {
    while (this.idle.length < readersFor(this.cores())) this.idle.push(this.spawn());
  }

  /** Stop the idle readers (the merge view, on closing). */
  cool(): void {
    for (const w of this.idle.splice(0)) w.terminate();
  }

  /** Readers of `files` files: idle ones first, then new ones; each stops when its pool is done. */
  pool(files: number): ReadPool {
    const size = Math.min(readersFor(this.cores()), Math.ceil(files / FILES_PER_READER));
    const workers = Array.from(
      { length: Math.max(1, size) },
      () => this.idle.shift() ?? this.spawn()
    );
    return readWith(workers);
  }
}

function readWith(workers: Worker[]): ReadPool {
  const known = new Map<string, FormDef>();
  const waiting = new Map<
    number,
    { resolve: (r: ReadOne) => void; reject: (e: unknown) => void }
  >();
  const close = () => workers.forEach((w) => w.terminate());
  for (const w of workers) {
    w.onmessage = (e: MessageEvent<{ id: number; wire: WireOne }>) => {
      const p = waiting.get(e.data.id)!;
      waiting.delete(e.data.id);
      try {
        p.resolve(fromWire(e.data.wire, known));
      } catch (err) {
        p.reject(err);
      }
      if (!waiting.size) close();
    };
    w.onerror = (e) => {
      for (const p of waiting.values()) p.reject(new Error(e.message));
      waiting.clear();
      close();
    };
  }
  let next = 0;
  const downloads = inTurn();
  return {
    read(file, index) {
      // A file that is not the browser's (downloaded from the library) is read here, one at a time.
      if (!(file as BrowserFile).file)
        return downloads(() => readOne(file, { inflate: fflateInflate }));
      return new Promise<ReadOne>((resolve, reject) => {
        waiting.set(index, { resolve, reject });
        workers[next++ % workers.length].postMessage({
          id: index,
          file: (file as BrowserFile).file,
        });
      });
    },
    cancel() {
      downloads.cancel();
      for (const p of waiting.values()) p.reject(new Cancelled());
      waiting.clear();
      close();
    },
  };
}
