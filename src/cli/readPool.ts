/**
 * `ita merge` reads files in worker threads, one per core: each reads its file from disk and parses
 * it, so the bytes never cross threads, and the main thread only gathers the results (in the order the
 * files were given) and merges. Small merges are read in the main thread: starting a worker costs
 * more than a few files — on two cores, more than a few hundred: the main thread alone read 50, 100
 * and 200 files faster than two workers (V8's collector threads already use the second core), 500
 * about 8% slower (measured, whole processes, 2026-12).
 */
import { existsSync } from "fs";
import os from "os";
import path from "path";
import { Worker } from "worker_threads";
import { Cancelled, PickedFile } from "../app/files";
import { inTurn, readOne, ReadPool } from "../app/readOne";
import { nodeInflate } from "../xlsx/nodeInflate";
import { isDiskFile } from "./diskFile";
import { fromWire, ReadOne, WireOne } from "../app/readWire";
import type { FormDef } from "../domain/catalog";

/**
 * The worker's compiled script: beside this module in the build (lib/cli), or the build's when this
 * module runs from its source (the tests run the command in-process); none before a build.
 */
function workerScript(): string | null {
  for (const f of [
    path.join(__dirname, "readWorker.js"),
    path.join(__dirname, "..", "..", "lib", "cli", "readWorker.js"),
  ])
    if (existsSync(f)) return f;
  return null;
}

/** Below this many files, the main thread reads them itself (on two cores or fewer: `POOL_FROM_FILES_2_CORES`). */
export const POOL_FROM_FILES = 24;
export const POOL_FROM_FILES_2_CORES = 300;

/**
 * A pool for `files` files, or none when the main thread should read them. `ITA_READ_WORKERS` sets the
 * number of workers (0: none), for measuring and for machines where threads are scarce.
 */
export function nodeReadPool(files: number, form?: FormDef): ReadPool | undefined {
  const asked = process.env.ITA_READ_WORKERS;
  const cores =
    asked !== undefined && /^\d+$/.test(asked)
      ? Number(asked)
      : typeof os.availableParallelism === "function"
        ? os.availableParallelism()
        : os.cpus().length;
  const size = Math.min(cores, Math.ceil(files / 8));
  // Workers asked for are started from a few files; else two cores need a few hundred to gain.
  const from = asked === undefined && cores <= 2 ? POOL_FROM_FILES_2_CORES : POOL_FROM_FILES;
  if (files < from || size < 2) return undefined;
  const script = workerScript();
  if (!script) return undefined;
  const workers = Array.from(
    { length: size },
    () => new Worker(script, { workerData: { form: form?.definition } })
  );
  const known = new Map<string, FormDef>();
  const waiting = new Map<
    number,
    { resolve: (r: ReadOne) => void; reject: (e: unknown) => void }
  >();
  for (const w of workers) {
    // Workers that have nothing to do keep no process alive.
    w.unref();
    w.on("message", ({ id, wire }: { id: number; wire: WireOne }) => {
      const p = waiting.get(id)!;
      waiting.delete(id);
      try {
        p.resolve(fromWire(wire, known));
      } catch (e) {
        p.reject(e);
      }
      // Every file is handed over at once (readUnitFiles): none waiting is all answered.
      if (!waiting.size) close();
    });
    w.on("error", (e) => {
      for (const p of waiting.values()) p.reject(e);
      waiting.clear();
      close();
    });
  }
  let closed = false;
  function close() {
    if (closed) return;
    closed = true;
    for (const w of workers) void w.terminate();
  }
  let next = 0;
  const downloads = inTurn();
  return {
    read(file: PickedFile, index: number) {
      // A file that is not on disk (downloaded from the library) is read here, one at a time.
      if (!isDiskFile(file)) return downloads(() => readOne(file, { inflate: nodeInflate, form }));
      return new Promise<ReadOne>((resolve, reject) => {
        waiting.set(index, { resolve, reject });
        // Files go to the workers in turn; each queues its messages.
        workers[next++ % workers.length].postMessage({ id: index, file: file.path });
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
