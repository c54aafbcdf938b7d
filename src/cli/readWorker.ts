/**
 * A worker thread of `ita merge`: reads the files it is given (their bytes from disk, then the reader)
 * and sends each result back with the form definitions by key (app/readWire.ts). Loads the reader
 * only, not the merge or the summary.
 */
import { parentPort, workerData } from "worker_threads";
import { readOne } from "../app/readOne";
import { toWire } from "../app/readWire";
import { indexForm } from "../domain/catalog/catalog";
import type { FormDefJson } from "../domain/catalog/schema";
import { nodeInflate } from "../xlsx/nodeInflate";
import { diskFile } from "./diskFile";

const given = workerData?.form as FormDefJson | undefined;
const form = given ? indexForm(given, "--form") : undefined;
const sent = new Set<string>();

parentPort!.on("message", async ({ id, file }: { id: number; file: string }) => {
  const one = await readOne(diskFile(file), { inflate: nodeInflate, form });
  parentPort!.postMessage({ id, wire: toWire(one, sent) });
});
