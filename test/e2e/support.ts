import { promises as fs } from "fs";
import http from "http";
import path from "path";
import { AddressInfo } from "net";
import { Browser, chromium, Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const ARTIFACTS = path.join(ROOT, "test-artifacts");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".map": "application/json",
};

/** Serve the end-to-end bundle (dist-e2e; the bench's, dist-bench) on a loopback port. */
export async function serve(
  bundle: "dist-e2e" | "dist-bench" = "dist-e2e"
): Promise<{ url: string; close: () => Promise<void> }> {
  const dir = path.join(ROOT, bundle);
  const server = http.createServer(async (req, res) => {
    const p = path.join(
      dir,
      path
        .normalize(decodeURIComponent((req.url ?? "/").split("?")[0]))
        .replace(/^(\.\.[/\\])+/, "")
    );
    const file = p.endsWith(path.sep) ? path.join(p, "index.html") : p;
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // Scrollbars drawn and taking their width, as in Excel on Windows (the e2e page makes them the
    // classic 17 px ones): Playwright's headless default hides them.
    ignoreDefaultArgs: ["--hide-scrollbars"],
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Run axe-core on the page; returns the violations (id, impact, targets). */
export async function axe(
  page: Page
): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  const source = await fs.readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  // Evaluated through the DevTools protocol: the pane's CSP refuses inline scripts, as it should.
  await page.evaluate(source);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: unknown,
          opts: unknown
        ) => Promise<{
          violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
        }>;
      };
    };
    // Fluent UI's focus manager (tabster) puts aria-hidden focus sentinels (<i data-tabster-dummy>)
    // around tab lists and dialogs; they hand focus on and are not content, so they are left out.
    const r = await w.axe.run(
      { include: [["body"]], exclude: [["[data-tabster-dummy]"]] },
      { resultTypes: ["violations"] }
    );
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
}

/**
 * A screenshot of the whole page at a width, with its scrollbar: the viewport is made as tall as the
 * page (Chromium leaves scrollbars out of a `fullPage` screenshot). The viewport is 900 px tall after.
 */
export async function screenshot(page: Page, width: number, file: string): Promise<void> {
  await fs.mkdir(ARTIFACTS, { recursive: true });
  await page.setViewportSize({ width, height: 900 });
  await page.waitForTimeout(150);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height: Math.max(900, height) });
  await page.screenshot({ path: path.join(ARTIFACTS, file) });
  await page.setViewportSize({ width, height: 900 });
}

/** Screenshots of the current view at 320 px and 500 px width, kept as test artifacts (not committed). */
export async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of [320, 500]) await screenshot(page, width, `${name}-${width}.png`);
}

/** The width the page's vertical scrollbar takes (17 in the e2e page, as in Excel on Windows). */
export async function scrollbarWidth(page: Page): Promise<number> {
  return page.evaluate(() => window.innerWidth - document.documentElement.clientWidth);
}

/** The page's horizontal overflow at its current width (0 when nothing sticks out). */
export async function overflowX(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  );
}

/**
 * The only origins besides the pane's own that the pane may reach: Microsoft's Office.js CDN, at its
 * address since September 2026 (office-js-docs-pr #5882) and at the earlier one it still serves.
 */
export const OFFICE_CDNS = [
  "https://officeapis.public.onecdn.static.microsoft",
  "https://appsforoffice.microsoft.com",
];

/** Every request a page makes, and every Content-Security-Policy violation it reports. */
export interface Traffic {
  requests: string[];
  violations: string[];
}

/** `also`: origins a test lets the page reach besides (the local Graph stand-in's). */
export function allowedRequest(url: string, origin: string, also: readonly string[] = []): boolean {
  const u = new URL(url);
  if (u.protocol === "data:" || u.protocol === "blob:") return true; // not network requests
  return u.origin === origin || OFFICE_CDNS.includes(u.origin) || also.includes(u.origin);
}

/**
 * Record every request of a page (and abort any to another origin, so a test never reaches the
 * network), and every CSP violation the page reports. Call before the page opens its URL.
 */
export async function watchTraffic(
  page: Page,
  origin: string,
  also: readonly string[] = []
): Promise<Traffic> {
  const t: Traffic = { requests: [], violations: [] };
  await page.route("**/*", (route) => {
    const url = route.request().url();
    t.requests.push(url);
    return allowedRequest(url, origin, also) ? route.continue() : route.abort("blockedbyclient");
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) t.violations.push(m.text());
  });
  return t;
}

/** Requests of a page that went anywhere but its own origin and the Office.js CDN. */
export function strayRequests(t: Traffic, origin: string, also: readonly string[] = []): string[] {
  return t.requests.filter((u) => !allowedRequest(u, origin, also));
}

/**
 * Thai words the browser broke over two lines: each visible text is cut into words with
 * Intl.Segmenter("th") (the dictionary the browsers' line breakers use), and a word whose characters
 * sit on two lines is a split word.
 */
export function thaiSplits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seg = new Intl.Segmenter("th", { granularity: "word" });
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? "";
      if (!/[\u0E00-\u0E7F]/.test(text)) continue;
      const el = n.parentElement;
      if (!el || el.closest("textarea, input, [hidden]") || !el.getClientRects().length) continue;
      for (const s of seg.segment(text)) {
        if (!s.isWordLike || s.segment.length < 2 || !/[\u0E00-\u0E7F]/.test(s.segment)) continue;
        const r = document.createRange();
        r.setStart(n, s.index);
        r.setEnd(n, s.index + s.segment.length);
        const tops = new Set(
          [...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top))
        );
        if (tops.size > 1) out.push(s.segment);
      }
    }
    return out;
  });
}

/** A view at rest (no hover, no transition half-way): 17 px scrollbars shown, axe finds nothing. */
export async function checkAtRest(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await page.waitForTimeout(400);
  expect(await scrollbarWidth(page)).toBe(17);
  expect(await axe(page)).toEqual([]);
}

/**
 * At each pane width: nothing sticks out sideways (the elements that do are named) and, unless told
 * otherwise, no Thai word is split over two lines. The viewport is left at the last width.
 */
export async function checkWidths(
  page: Page,
  widths: readonly number[],
  opts: { splits?: boolean } = {}
): Promise<void> {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    // Fluent's message bars choose their layout after a resize (ResizeObserver): let them settle.
    await page
      .waitForFunction(
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        undefined,
        { timeout: 3000 }
      )
      .catch(() => undefined);
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll("body *"))
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} "${e.textContent?.slice(0, 40)}"`)
    );
    expect({ width, overflow: await overflowX(page), wide }).toEqual({
      width,
      overflow: 0,
      wide: [],
    });
    if (opts.splits !== false)
      expect({ width, split: await thaiSplits(page) }).toEqual({ width, split: [] });
  }
}
