/**
 * The pane's Web Worker: reads the files the merge view hands it (a File each: the worker takes its
 * bytes itself, so they never cross threads) and sends each result back with the form definitions by
 * key (app/readWire.ts). The UI thread only gathers the results, so the pane stays responsive and
 * Cancel acts at once.
 */
import { readOne } from "../../app/readOne";
import { toWire } from "../../app/readWire";
import { fflateInflate } from "../../xlsx/read/fflateInflate";

const sent = new Set<string>();

self.onmessage = async (e: MessageEvent<{ id: number; file: File }>) => {
  const { id, file } = e.data;
  const one = await readOne(
    {
      name: file.name,
      bytes: async () => new Uint8Array(await file.arrayBuffer()),
      modified: file.lastModified || null,
    },
    { inflate: fflateInflate }
  );
  (self as unknown as Worker).postMessage({ id, wire: toWire(one, sent) });
};
