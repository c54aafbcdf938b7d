/**
 * The pane as a Microsoft 365 build makes it (dist-e2e/m365.html: the page's policy opened to this
 * computer's ports only), in headless Chromium, against the local Graph stand-in
 * (test/graph/standin.ts: Graph on one port, SharePoint's file host on another, serving what
 * Microsoft's pages describe). A district sends its report; the central office merges from the
 * library. Nothing leaves the machine: every request of the page is recorded and any to another
 * origin is aborted.
 */
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { Browser, Page } from "playwright-core";
import { checkWorkbook } from "../../src/app/submit";
import { nodeInflate } from "../../src/xlsx/nodeInflate";
import { GraphStandin, startStandin } from "../graph/standin";
import {
  checkAtRest,
  checkWidths,
  launch,
  ROOT,
  screenshots,
  serve,
  strayRequests,
  Traffic,
  watchTraffic,
} from "./support";

const ITA = path.join(ROOT, "bin", "ita.js");
const SAMPLE = path.join(ROOT, "samples", "chom-thong-2567-r6.json");
/** The token the e2e host page's stand-in sign-in gives (test/e2e/host/index.tsx). */
const TOKEN = "e2e-pane-token-7c4b";
const LIBRARY = "https://bkk.sharepoint.com/sites/ITA/Shared%20Documents/ITA";

type ItaTest = {
  scaffoldSample(low?: string): Promise<string>;
  sheetNames(): string[];
  fileCalls(): { calls: number; open: number };
  tokenScopes(): string[];
};
const it$ = (page: Page) =>
  page.evaluateHandle(() => (window as unknown as { itaTest: ItaTest }).itaTest);

let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let dir: string;
let s: GraphStandin | null = null;

beforeAll(async () => {
  server = await serve();
  browser = await launch();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ita-e2e-m365-"));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

afterEach(async () => {
  await s?.close();
  s = null;
});

const origin = () => new URL(server.url).origin;
const traffic = new WeakMap<Page, Traffic>();
const standinOrigins = () => [new URL(s!.graphBase).origin, s!.filesOrigin];

/** The Microsoft 365 pane against the stand-in; `fixedTime`: the page's clock (the round due). */
async function open(query = "", fixedTime?: string): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 500, height: 900 },
    reducedMotion: "reduce",
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  if (fixedTime) await page.clock.setFixedTime(new Date(fixedTime));
  traffic.set(page, await watchTraffic(page, origin(), standinOrigins()));
  const q = `graph=${encodeURIComponent(s!.graphBase)}&library=${encodeURIComponent(LIBRARY)}${query}`;
  await page.goto(`${server.url}m365.html?${q}`);
  (page as unknown as { errors: string[] }).errors = errors;
  await page.getByRole("heading", { name: "รายงาน ITA สำนักงานเขต" }).waitFor();
  return page;
}

/** The page reached its own server and the stand-in only, broke no CSP rule, and never shows the token. */
async function expectOnlyTheStandin(page: Page) {
  const t = traffic.get(page)!;
  expect(strayRequests(t, origin(), standinOrigins())).toEqual([]);
  expect(t.violations).toEqual([]);
  expect(await page.evaluate(() => document.body.innerText)).not.toContain(TOKEN);
  expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  // The file host never got the token; Graph got it on every request.
  expect(s!.violations).toEqual([]);
  expect(s!.requests.filter((r) => r.host === "files").every((r) => r.authorization === null)).toBe(
    true
  );
}

/** axe at rest, no sideways scrolling nor Thai word cut at 320 and 270 px, screenshots at 320 and 500 px. */
async function checkView(page: Page, name: string) {
  await checkAtRest(page);
  await screenshots(page, name);
  await checkWidths(page, [320, 270]);
  await page.setViewportSize({ width: 500, height: 900 });
}

describe("the pane with the city's library (Microsoft 365 build) in Chromium", () => {
  it("district: ส่งรายงาน once ready, through a 429 and an upload session, replacing the earlier file; a 403 said", async () => {
    // Simple uploads over 20 KB are refused (413) here: the pane goes on through an upload session.
    s = await startStandin({
      token: TOKEN,
      libraryUrl: LIBRARY,
      simpleMax: 20 * 1024,
      user: "นางสาวทดสอบ ระบบดี",
    });
    s.mkdir("2567-r6");
    const page = await open();
    const t = await it$(page);
    await t.evaluate((x) => x.scaffoldSample());
    await page.getByRole("tab", { name: "ตรวจสอบ" }).click();

    // Before the check: there, but not yet, saying why.
    const send = page.getByRole("button", { name: "ส่งรายงาน", exact: true });
    await send.waitFor();
    expect(await send.getAttribute("aria-disabled")).toBe("true");
    await page.getByText("ส่งได้เมื่อตรวจสอบแล้วพร้อมส่ง: กด ตรวจสอบก่อนส่ง").waitFor();
    await page
      .getByText("ส่งสมุดงานนี้ (ฉบับที่บันทึกแล้ว) ไปที่ไลบรารี ITA ของส่วนกลาง แทนไฟล์ที่เคยส่งของรอบเดียวกัน")
      .waitFor();
    await page.getByRole("button", { name: "ตรวจสอบก่อนส่ง" }).click();
    await page.getByText("พร้อมส่ง", { exact: true }).waitFor();
    expect(await send.getAttribute("aria-disabled")).toBe(null);
    expect(s.requests).toEqual([]);

    // The first upload is throttled once (Retry-After: 1 s).
    s.fault({ method: "PUT", path: /:\/content\?/, status: 429, retryAfter: "1" });
    await send.click();
    const done = page.getByRole("status").filter({ hasText: "ส่งรายงานของสำนักงานเขตจอมทอง" });
    await done.waitFor();
    expect(await done.textContent()).toMatch(
      /^ส่งแล้วส่งรายงานของสำนักงานเขตจอมทอง ปีงบประมาณ 2567 รอบ 6 เดือน แล้ว เมื่อ \d+ พ\.ย\. 2569 \d\d:\d\d\u00a0น\.: 2567-r6\/1035-2567-r6\.xlsx ในไลบรารี ITA รุ่น 1\.0 เปิดไฟล์ใน SharePoint$/
    );
    expect(await page.getByRole("link", { name: "เปิดไฟล์ใน SharePoint" }).getAttribute("href")).toBe(
      `${LIBRARY}/2567-r6/1035-2567-r6.xlsx`
    );
    // 429, retried after the wait; refused as too large (413); then the session.
    const graphWrites = s.log("graph").filter((l) => /^(PUT|POST)/.test(l));
    expect(graphWrites.map((l) => l.split(":/").pop())).toEqual([
      "content?@microsoft.graph.conflictBehavior=replace",
      "content?@microsoft.graph.conflictBehavior=replace",
      "createUploadSession",
    ]);
    const puts = s.requests.filter((r) => r.method === "PUT");
    expect(puts[1].at - puts[0].at).toBeGreaterThanOrEqual(1000);
    expect(s.log("files")).toEqual(["PUT /upload/S1?guid=S1"]);
    // What arrived is the workbook as the merge reads it: Chom Thong's, FY2567, 6 months.
    const sent = s.versionsAt("2567-r6/1035-2567-r6.xlsx");
    expect(sent.map((v) => v.id)).toEqual(["1.0"]);
    const read = checkWorkbook("sent.xlsx", sent[0].bytes, nodeInflate);
    expect([read.unit.code, read.period]).toEqual(["1035", { fiscalYear: 2567, round: 6 }]);
    // Office's file was read once and closed.
    expect(await t.evaluate((x) => x.fileCalls())).toEqual({ calls: 1, open: 0 });
    expect(await t.evaluate((x) => x.tokenScopes())).toContain("Files.ReadWrite.All");
    expect(new Set(await t.evaluate((x) => x.tokenScopes()))).toEqual(
      new Set(["Files.ReadWrite.All"])
    );
    await checkView(page, "m365-1-submitted");

    // Again: the earlier file is replaced, SharePoint keeps it as version 1.0.
    await send.click();
    await page
      .getByText(
        /รุ่น 2\.0 แทนไฟล์ที่ส่งไว้เมื่อ \d+ พ\.ย\. 2569 \d\d:\d\d\u00a0น\. \(SharePoint เก็บรุ่นเดิมไว้\)/
      )
      .waitFor();
    expect(s.versionsAt("2567-r6/1035-2567-r6.xlsx").map((v) => v.id)).toEqual(["1.0", "2.0"]);

    // No permission to write there (403): said, with what to do.
    s.fault({ method: "PUT", path: /:\/content\?/, status: 403, code: "accessDenied" });
    await send.click();
    await page
      .getByRole("alert")
      .getByText(
        "ไม่มีสิทธิ์ส่งไฟล์ 1035-2567-r6.xlsx ไปที่ 2567-r6/1035-2567-r6.xlsx (403, accessDenied): ขอสิทธิ์จากผู้ดูแลไลบรารีของส่วนกลาง"
      )
      .waitFor();
    await checkView(page, "m365-2-submit-403");
    // The same in English.
    await page.getByRole("button", { name: "EN" }).click();
    await page
      .getByRole("alert")
      .getByText(
        "No permission to send 1035-2567-r6.xlsx to 2567-r6/1035-2567-r6.xlsx (403, accessDenied): ask the central office's library administrator for access"
      )
      .waitFor();
    await expectOnlyTheStandin(page);
    await page.close();
  });

  it("where the host offers no nested app sign-in, it says so and the local files still work", async () => {
    s = await startStandin({ token: TOKEN, libraryUrl: LIBRARY });
    const page = await open("&naa=0");
    await page.getByRole("tab", { name: "ตรวจสอบ" }).click();
    await page.getByText("ส่งหรือรวมผ่าน Microsoft 365 จาก Excel นี้ไม่ได้").waitFor();
    expect(await page.getByRole("button", { name: "ส่งรายงาน", exact: true }).count()).toBe(0);
    await page.getByRole("tab", { name: "รวมรายงาน" }).click();
    await page.getByText(/เลือกไฟล์ที่ดาวน์โหลดไว้จากเครื่องได้ตามเดิม$/).waitFor();
    expect(await page.getByRole("button", { name: "ดึงไฟล์จากไลบรารี" }).count()).toBe(0);
    const input = page
      .getByRole("region", { name: "รวมรายงานของสำนักงานเขต" })
      .locator('input[type="file"]');
    expect(await input.count()).toBe(2);
    await checkView(page, "m365-3-no-naa");
    expect(s.requests).toEqual([]);
    await expectOnlyTheStandin(page);
    await page.close();
  });

  it("central office: รวมจากไลบรารี — a paged folder read and merged, who sent, what was refused, unchanged files not downloaded again", async () => {
    const a = path.join(dir, "1035.xlsx");
    const b = path.join(dir, "1002.xlsx");
    execFileSync(process.execPath, [ITA, "scaffold", "-o", a, "--from", SAMPLE]);
    execFileSync(process.execPath, [
      ITA,
      "scaffold",
      "-o",
      b,
      "--unit",
      "1002",
      "--year",
      "2567",
      "--from",
      SAMPLE,
    ]);
    // Pages of two entries: the folder of four takes two pages, the unit's folder one.
    s = await startStandin({ token: TOKEN, libraryUrl: LIBRARY, pageSize: 2 });
    s.put("2567-r6/1035-2567-r6.xlsx", new Uint8Array(await fs.readFile(a)), "จอมทอง ผู้ส่ง");
    s.put("2567-r6/1002/1002-2567-r6.xlsx", new Uint8Array(await fs.readFile(b)), "ดุสิต ผู้ส่ง");
    s.put(
      "2567-r6/notes.xlsx",
      new TextEncoder().encode("meeting notes, not a workbook"),
      "ส่วนกลาง"
    );
    s.put("2567-r6/~$1035-2567-r6.xlsx", new Uint8Array([0]));
    // 1 May 2024: the round due is FY2567's 6-month round, the default of the list.
    const page = await open("", "2024-05-01T03:00:00Z");
    await page.getByRole("tab", { name: "รวมรายงาน" }).click();
    const region = page.getByRole("region", { name: "รวมรายงานของสำนักงานเขต" });
    expect(await region.getByRole("combobox", { name: "รอบที่จะดึงไฟล์" }).inputValue()).toBe("2567-6");
    // The second page of the folder is throttled once (Retry-After: 1 s).
    s.fault({ host: "graph", path: /\$skiptoken=2$/, status: 503, retryAfter: "1" });
    await region.getByRole("button", { name: "ดึงไฟล์จากไลบรารี" }).click();
    const files = region.getByRole("list", { name: "ไฟล์ในไลบรารี ITA/2567-r6 (3)" });
    await files.waitFor();
    expect(await files.getByRole("listitem").allTextContents()).toEqual([
      expect.stringMatching(
        /^1002\/1002-2567-r6\.xlsx ส่งโดย ดุสิต ผู้ส่ง เมื่อ \d+ พ\.ย\. 2569 \d\d:\d\d\u00a0น\.$/
      ),
      expect.stringMatching(/^1035-2567-r6\.xlsx ส่งโดย จอมทอง ผู้ส่ง เมื่อ /),
      expect.stringMatching(/^notes\.xlsx ส่งโดย ส่วนกลาง เมื่อ /),
    ]);
    await page.getByText("ดาวน์โหลด 3 ไฟล์ · ไม่เปลี่ยนแปลงตั้งแต่ครั้งก่อน ไม่ดาวน์โหลดซ้ำ 0 ไฟล์").waitFor();
    await page.getByText("ไม่อ่านไฟล์ล็อกของ Office และไฟล์ซ่อน 1 ไฟล์").waitFor();
    const pages = s.log("graph").filter((l) => l.includes("/children"));
    expect(pages.map((l) => l.replace(/^.*\/children/, "children"))).toEqual([
      "children",
      "children?$skiptoken=2",
      "children?$skiptoken=2",
      "children",
    ]);

    await region.getByRole("button", { name: "รวมรายงาน", exact: true }).click();
    await page.getByText("เขียนสรุปลงในสมุดงานนี้แล้ว").waitFor();
    expect(await page.locator("#merge-counts").textContent()).toBe(
      "ไม่รับ 1 ไฟล์ · ยังไม่ส่ง 48 หน่วยงาน · รวมแล้ว 2 หน่วยงาน จาก 3 ไฟล์"
    );
    await page
      .getByRole("list", { name: "ไฟล์ที่ไม่รับ (1)" })
      .getByText(/notes\.xlsx — ไฟล์ notes\.xlsx เป็นไฟล์ข้อความ/)
      .waitFor();
    const t = await it$(page);
    expect(await t.evaluate((x) => x.sheetNames())).toContain("ITA คะแนน");
    // Downloads run side by side: which files, not in what order.
    expect([...s.downloads()].sort()).toEqual([
      "1002-2567-r6.xlsx",
      "1035-2567-r6.xlsx",
      "notes.xlsx",
    ]);
    expect(new Set(await t.evaluate((x) => x.tokenScopes()))).toEqual(new Set(["Files.Read.All"]));
    await checkView(page, "m365-4-library-merged");

    // Again, after Dusit sent a new copy: only that one is downloaded.
    s.put("2567-r6/1002/1002-2567-r6.xlsx", new Uint8Array(await fs.readFile(b)), "ดุสิต แก้ไข");
    await region.getByRole("button", { name: "ดึงไฟล์จากไลบรารี" }).click();
    await page.getByText("ดาวน์โหลด 1 ไฟล์ · ไม่เปลี่ยนแปลงตั้งแต่ครั้งก่อน ไม่ดาวน์โหลดซ้ำ 2 ไฟล์").waitFor();
    expect(s.downloads().slice(3)).toEqual(["1002-2567-r6.xlsx"]);
    expect(s.downloads()).toHaveLength(4);

    // A sign-in Microsoft 365 no longer takes: "sign in again".
    s.token = "a-newer-token";
    await region.getByRole("button", { name: "ดึงไฟล์จากไลบรารี" }).click();
    await page
      .getByRole("alert")
      .getByText(
        `ลงชื่อเข้าใช้อีกครั้ง: Microsoft 365 ไม่รับการลงชื่อเข้าใช้ (401 หมดอายุหรือไม่ถูกต้อง) จึงเปิดโฟลเดอร์ตามที่อยู่ ${LIBRARY} ไม่ได้`
      )
      .waitFor();
    await checkView(page, "m365-5-library-401");
    await expectOnlyTheStandin(page);
    await page.close();
  });
});
