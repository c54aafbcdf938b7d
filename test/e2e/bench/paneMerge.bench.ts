/**
 * The pane's figure for `npm run bench` (not a test: it asserts nothing about time): the merge of the
 * bench's 50 unit workbooks in headless Chromium over the e2e host, built as the pane ships
 * (dist-bench, production mode) — from the pick to the files read (the period shown), and from the
 * click on Merge to the summary written into the workbook. Writes
 * out/bench/pane.json; run by bench/merge-bench.js with jest.bench.config.js.
 */
import { promises as fs } from "fs";
import path from "path";
import { Browser } from "playwright-core";
import { launch, ROOT, serve } from "../support";

const DIR = path.join(ROOT, "out", "bench", "units-50");

interface Watched {
  __bench: { picked?: number; ready?: number; clicked?: number; written?: number };
}

/** In the page: note when the files are picked, Merge is enabled, clicked, and the summary written. */
function watchMerge() {
  const w = ((window as unknown as Watched).__bench = {} as Watched["__bench"]);
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
  const runs: { readMs: number; mergeMs: number }[] = [];
  for (let run = 0; run < 3; run++) {
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
    await input.setInputFiles(files);
    const merge = page.getByRole("button", { name: "รวมรายงาน", exact: true });
    await page.getByRole("combobox", { name: "ปีงบประมาณและรอบที่จะรวม" }).waitFor();
    await page.waitForFunction(() => (window as unknown as Watched).__bench.ready !== undefined);
    await merge.click();
    await page.getByText("เขียนสรุปลงในสมุดงานนี้แล้ว").waitFor({ timeout: 120000 });
    await page.waitForFunction(() => (window as unknown as Watched).__bench.written !== undefined);
    const t = await page.evaluate(() => (window as unknown as Watched).__bench);
    const [t0, t1, t2] = [t.picked!, t.ready!, t.written!];
    expect(t.clicked! >= t1).toBe(true);
    runs.push({ readMs: Math.round(t1 - t0), mergeMs: Math.round(t2 - t.clicked!) });
    await page.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
  const out = {
    files: 50,
    readMs: median(runs.map((r) => r.readMs)),
    mergeMs: median(runs.map((r) => r.mergeMs)),
    totalMs: median(runs.map((r) => r.readMs + r.mergeMs)),
    runs,
  };
  await fs.writeFile(path.join(ROOT, "out", "bench", "pane.json"), JSON.stringify(out, null, 2));
});
