/**
 * The pane's Web Worker: reads the files the merge view hands it (a File each: the worker takes its
 * bytes itself, so they never cross threads) and sends each result back with the form definitions by
 * key (app/readWire.ts). The UI thread only gathers the results, so the pane stays responsive and
 * Cancel acts at once.
 *
 * A worker is started when the merge view opens, seconds before the user has chosen the files. It
 * spends them reading a district's form as districts fill it (`readerSampleReport`, written by
 * xlsx/write/sampleBook) a few times, so that the reader's code is compiled and optimised when the
 * first real file comes: a cold worker's first reads take several times as long as its later ones.
 * The sample is read and dropped (nothing of it is sent); a file that comes stops the warm-up after
 * the read under way.
 */
import { readOne } from "../../app/readOne";
import { toWire } from "../../app/readWire";
import { DEFAULT_FORM } from "../../domain/catalog";
import { renderForm } from "../../domain/layout/render";
import { metaFromReport } from "../../domain/model";
import { readerSampleReport } from "../../domain/sampleData";
import { fflateInflate } from "../../xlsx/read/fflateInflate";
import { sampleBookBytes } from "../../xlsx/write/sampleBook";

/** Reads of the sample before the files come (about 0.5–1 s of a worker's time in Chromium). */
const WARM_READS = 10;

const sent = new Set<string>();
let filesCame = false;

/** Let a message in between two steps (a file that came stops the warm-up). */
const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function warmUp(): Promise<void> {
  // Files chosen before the worker started (a script) are read at once, without a warm-up.
  await turn();
  if (filesCame) return;
  // The sample is made in three steps, each short enough that a file that comes waits little.
  const report = readerSampleReport(DEFAULT_FORM);
  await turn();
  if (filesCame) return;
  const model = renderForm(DEFAULT_FORM, metaFromReport(report), report);
  await turn();
  if (filesCame) return;
  const bytes = sampleBookBytes(model);
  await turn();
  for (let i = 0; i < WARM_READS && !filesCame; i++) {
    await readOne(
      { name: "sample.xlsx", bytes: async () => bytes, modified: null },
      { inflate: fflateInflate }
    );
    await turn();
  }
}

// Each step of the warm-up runs whole between two messages (a read's only wait is for bytes already
// there), so a file never waits for more than the step under way.
void warmUp().catch(() => undefined);

self.onmessage = async (e: MessageEvent<{ id: number; file: File }>) => {
  filesCame = true;
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
