/**
 * The pane's figure for `npm run bench` (not a test: it asserts nothing about time): the merge of the
 * bench's 50 unit workbooks in headless Chromium over the e2e host — from the pick to the files read
 * (the period shown), and from the click on Merge to the summary written into the workbook. Writes
 * out/bench/pane.json; run by bench/merge-bench.js with jest.bench.config.js.
 */
import { promises as fs } from "fs";
import path from "path";
import { Browser } from "playwright-core";
import { launch, ROOT, serve } from "../support";

const DIR = path.join(ROOT, "out", "bench", "units-50");

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), serve()]);
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
    const t0 = Date.now();
    await input.setInputFiles(files);
    const merge = page.getByRole("button", { name: "รวมรายงาน", exact: true });
    await page.getByRole("combobox", { name: "ปีงบประมาณและรอบที่จะรวม" }).waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll("button")].some(
        (b) => b.textContent === "รวมรายงาน" && b.getAttribute("aria-disabled") !== "true"
      )
    );
    const t1 = Date.now();
    await merge.click();
    await page.getByText("เขียนสรุปลงในสมุดงานนี้แล้ว").waitFor({ timeout: 120000 });
    const t2 = Date.now();
    runs.push({ readMs: t1 - t0, mergeMs: t2 - t1 });
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
