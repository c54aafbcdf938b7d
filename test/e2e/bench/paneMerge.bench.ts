/**
 * The pane's figure for `npm run bench` (not a test: it asserts nothing about time): the merge of the
 * bench's 50 unit workbooks in headless Chromium over the e2e host, built as the pane ships
 * (dist-bench, production mode) — from the pick to the files read (the period shown), and from the
 * click on Merge to the summary written into the workbook, split at the pane's mark where the
 * summary's sheets are built (the rest is the writing through Excel, here the in-memory host in the
 * same thread). The files are chosen CHOOSING_MS after the merge tab opens. Writes
 * out/bench/pane.json; run by bench/merge-bench.js with jest.bench.config.js.
 *
 * BENCH_PANE_PROFILE=1: the first run is traced with V8's sampling profiler on every thread of the
 * page — the UI thread and the read workers, which the DevTools protocol's Profiler does not reach —
 * and each thread's profile is written as out/bench/pane-<n>-<thread>.cpuprofile (Chrome DevTools'
 * Performance panel opens it). The traced run is slower; its times are not the figure.
 */
import { promises as fs } from "fs";
import path from "path";
import { Browser } from "playwright-core";
import { launch, ROOT, serve } from "../support";

const DIR = path.join(ROOT, "out", "bench", "units-50");
/**
 * From the merge tab opened to the files chosen: a person takes longer than this to choose 50 files in
 * the file dialog, and the pane's read workers use the time to warm up (readWorker.ts).
 * BENCH_PANE_PICK=0 picks them at once, as a script would.
 */
const CHOOSING_MS = Number(process.env.BENCH_PANE_PICK ?? 3000);

interface Watched {
  __bench: {
    picked?: number;
    ready?: number;
    clicked?: number;
    written?: number;
    /** The UI thread's tasks of 50 ms or more (Long Tasks API): start and duration. */
    long: { at: number; ms: number }[];
  };
}

/** In the page: note when the files are picked, Merge is enabled, clicked, and the summary written. */
function watchMerge() {
  const w = ((window as unknown as Watched).__bench = { long: [] } as Watched["__bench"]);
  // How long the pane does not answer: the UI thread's longest task while it merges.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.long.push({ at: e.startTime, ms: e.duration });
  }).observe({ type: "longtask" });
  const isMerge = (n: Node | null) =>
    n instanceof HTMLButtonElement && n.textContent === "รวมรายงาน";
  document.addEventListener("change", () => (w.picked ??= performance.now()), true);
  document.addEventListener(
    "click",
    (e) => {
      const b = (e.target as Element).closest?.("button");
      if (isMerge(b) && w.ready !== undefined) w.clicked ??= performance.now();
    },
    true
  );
  new MutationObserver((changes) => {
    const now = performance.now();
    for (const c of changes) {
      if (
        w.ready === undefined &&
        w.picked !== undefined &&
        isMerge(c.target) &&
        (c.target as Element).getAttribute("aria-disabled") !== "true"
      )
        w.ready = now;
      if (w.written === undefined && w.clicked !== undefined)
        for (const n of c.addedNodes)
          if (n.textContent?.includes("เขียนสรุปลงในสมุดงานนี้แล้ว")) w.written = now;
    }
  }).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["aria-disabled"],
  });
}

/** Trace events of V8's sampling profiler, one profile per thread, as .cpuprofile files. */
async function writeProfiles(trace: Buffer): Promise<string[]> {
  interface Ev {
    name: string;
    pid: number;
    tid: number;
    id?: string;
    args: {
      name?: string;
      data?: {
        startTime?: number;
        cpuProfile?: {
          nodes?: { id: number; parent?: number; callFrame: unknown }[];
          samples?: number[];
        };
        timeDeltas?: number[];
      };
    };
  }
  const events = (JSON.parse(trace.toString("utf8")) as { traceEvents: Ev[] }).traceEvents;
  const threads = new Map<string, string>();
  for (const e of events)
    if (e.name === "thread_name") threads.set(`${e.pid}:${e.tid}`, e.args.name ?? "?");
  type Node = { id: number; parent?: number; callFrame: unknown; children: number[] };
  const profiles = new Map<
    string,
    { thread: string; startTime: number; nodes: Node[]; samples: number[]; timeDeltas: number[] }
  >();
  for (const e of events)
    if (e.name === "Profile")
      profiles.set(`${e.pid}:${e.id}`, {
        thread: threads.get(`${e.pid}:${e.tid}`) ?? "thread",
        startTime: e.args.data?.startTime ?? 0,
        nodes: [],
        samples: [],
        timeDeltas: [],
      });
  for (const e of events) {
    const p = e.name === "ProfileChunk" ? profiles.get(`${e.pid}:${e.id}`) : undefined;
    if (!p) continue;
    const d = e.args.data ?? {};
    for (const n of d.cpuProfile?.nodes ?? []) p.nodes.push({ ...n, children: [] });
    p.samples.push(...(d.cpuProfile?.samples ?? []));
    p.timeDeltas.push(...(d.timeDeltas ?? []));
  }
  const written: string[] = [];
  for (const p of profiles.values()) {
    if (!p.samples.length) continue;
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    for (const n of p.nodes) if (n.parent !== undefined) byId.get(n.parent)?.children.push(n.id);
    const end = p.startTime + p.timeDeltas.reduce((a, b) => a + b, 0);
    const file = path.join(
      ROOT,
      "out",
      "bench",
      `pane-${written.length}-${p.thread.replace(/\W+/g, "_")}.cpuprofile`
    );
    const nodes = p.nodes.map(({ id, callFrame, children }) => ({ id, callFrame, children }));
    await fs.writeFile(
      file,
      JSON.stringify({
        nodes,
        samples: p.samples,
        timeDeltas: p.timeDeltas,
        startTime: p.startTime,
        endTime: end,
      })
    );
    written.push(file);
  }
  return written;
}

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), serve("dist-bench")]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it("merges the bench's 50 unit workbooks in the pane", async () => {
  const files = (await fs.readdir(DIR))
    .filter((n) => n.endsWith(".xlsx"))
    .map((n) => path.join(DIR, n));
  expect(files).toHaveLength(50);
  const runs: {
    readMs: number;
    mergeMs: number;
    builtMs: number;
    longestMs: number;
    longestWriteMs: number;
  }[] = [];
  const profiling = process.env.BENCH_PANE_PROFILE === "1";
  // A traced run first when profiling, left out of the figure.
  for (let run = profiling ? -1 : 0; run < Number(process.env.BENCH_PANE_RUNS ?? 3); run++) {
    const page = await browser.newPage({ viewport: { width: 500, height: 900 } });
    await page.goto(server.url);
    await page.getByRole("tab", { name: "รวมรายงาน" }).click();
    const input = page
      .getByRole("region", { name: "รวมรายงานของสำนักงานเขต" })
      .locator('input[type="file"]')
      .first();
    // Timed in the page (performance.now), not by this process's polling: from the files' change
    // event to the Merge button enabled, and from the click on it to the summary said written.
    await page.evaluate(watchMerge);
    const profile = run < 0;
    if (profile)
      await browser.startTracing(page, {
        categories: ["disabled-by-default-v8.cpu_profiler", "v8", "devtools.timeline"],
      });
    await page.waitForTimeout(CHOOSING_MS);
    await input.setInputFiles(files);
    const merge = page.getByRole("button", { name: "รวมรายงาน", exact: true });
    await page.getByRole("combobox", { name: "ปีงบประมาณและรอบที่จะรวม" }).waitFor();
    await page.waitForFunction(() => (window as unknown as Watched).__bench.ready !== undefined);
    await merge.click();
    await page.getByText("เขียนสรุปลงในสมุดงานนี้แล้ว").waitFor({ timeout: 120000 });
    await page.waitForFunction(() => (window as unknown as Watched).__bench.written !== undefined);
    if (profile) console.log((await writeProfiles(await browser.stopTracing())).join("\n"));
    const t = await page.evaluate(() => (window as unknown as Watched).__bench);
    const [t0, t1, t2] = [t.picked!, t.ready!, t.written!];
    expect(t.clicked! >= t1).toBe(true);
    // The longest task from the click on Merge to the summary's sheets built (the pane's mark), and
    // in the writing after it (which here includes the in-memory host's own work, done in Excel's
    // process in Excel).
    const built = await page.evaluate(
      () => performance.getEntriesByName("ita:summary-built").pop()?.startTime ?? NaN
    );
    const longest = (from: number, to: number) =>
      Math.round(
        Math.max(0, ...t.long.filter((x) => x.at + x.ms > from && x.at < to).map((x) => x.ms))
      );
    if (!profile)
      runs.push({
        readMs: Math.round(t1 - t0),
        mergeMs: Math.round(t2 - t.clicked!),
        builtMs: Math.round(built - t.clicked!),
        longestMs: longest(t.clicked!, built),
        longestWriteMs: longest(built, t2),
      });
    await page.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
  const out = {
    files: 50,
    readMs: median(runs.map((r) => r.readMs)),
    mergeMs: median(runs.map((r) => r.mergeMs)),
    builtMs: median(runs.map((r) => r.builtMs)),
    totalMs: median(runs.map((r) => r.readMs + r.mergeMs)),
    longestMs: median(runs.map((r) => r.longestMs)),
    longestWriteMs: median(runs.map((r) => r.longestWriteMs)),
    runs,
  };
  await fs.writeFile(path.join(ROOT, "out", "bench", "pane.json"), JSON.stringify(out, null, 2));
});
