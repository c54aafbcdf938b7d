/**
 * The merge view's pool of readers: a Web Worker (two where the machine has the cores) that reads the
 * chosen files off the UI thread. Loaded only where Web Workers exist (not in the tests' jsdom, which
 * read in the page).
 */
import { Cancelled, PickedFile } from "../../app/files";
import { readOne, ReadPool } from "../../app/readOne";
import { fflateInflate } from "../../xlsx/read/fflateInflate";
import { fromWire, ReadOne, WireOne } from "../../app/readWire";
import type { FormDef } from "../../domain/catalog";

/** The browser's File behind a picked file (the worker reads its bytes itself). */
export type BrowserFile = PickedFile & { file: File };

export function browserReadPool(files: number): ReadPool {
  const size = Math.max(1, Math.min(navigator.hardwareConcurrency || 1, 2, Math.ceil(files / 8)));
  const workers = Array.from(
    { length: size },
    () => new Worker(new URL("./readWorker.ts", import.meta.url), { name: "ita-read" })
  );
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
  return {
    read(file, index) {
      // A file that is not the browser's (downloaded from the library) is read here.
      if (!(file as BrowserFile).file) return readOne(file, { inflate: fflateInflate });
      return new Promise<ReadOne>((resolve, reject) => {
        waiting.set(index, { resolve, reject });
        workers[next++ % workers.length].postMessage({
          id: index,
          file: (file as BrowserFile).file,
        });
      });
    },
    cancel() {
      for (const p of waiting.values()) p.reject(new Cancelled());
      waiting.clear();
      close();
    },
  };
}
