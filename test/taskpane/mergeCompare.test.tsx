import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { strFromU8, unzipSync } from "fflate";
import { promises as fs } from "fs";
import path from "path";
import { COMPARE_SHEET, Report, SUMMARY_SHEETS } from "../../src/domain";
import { memoryMarkStore } from "../../src/excel";
import { excelGateway } from "../../src/taskpane/excelGateway";
import { Lang, LangContext } from "../../src/taskpane/i18n";
import { MergeView } from "../../src/taskpane/MergeView";
import { hostInfo } from "../../src/taskpane/office";
import { FY2567 } from "../forms";
import { runCli, tmpDir } from "../helpers";
import { FakeExcelHost } from "../host/fakeExcel";
import { districtReport, writeDistrict } from "../merge/districts";
import { mergeButton } from "./query";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ITEMS = FY2567.items.length;

/** A district's report of a year and round, every item scored the same. */
function report(code: string, year: number, round: 6 | 12, score: number): Report {
  const r = districtReport(code, Number(code) + year);
  r.fiscalYear = year;
  r.round = round;
  for (const it of r.items) it.score = score;
  return r;
}

async function fileOf(p: string, name = path.basename(p)): Promise<File> {
  return new File([new Uint8Array(await fs.readFile(p))], name, { type: XLSX });
}

function setup(lang: Lang = "th") {
  const host = new FakeExcelHost();
  const info = hostInfo(host.office());
  render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={lang}>
        <MergeView
          gateway={excelGateway(host.run, memoryMarkStore(), { mergedAreas: info.mergedAreas })}
        />
      </LangContext.Provider>
    </FluentProvider>
  );
  return host;
}

/** The two file inputs: the files to merge first, the previous period's second. */
const inputs = () => document.querySelectorAll<HTMLInputElement>('input[type="file"]');
const pickCurrent = (files: File[]) => fireEvent.change(inputs()[0], { target: { files } });
const pickPrevious = (files: File[]) => fireEvent.change(inputs()[1], { target: { files } });
const compareLine = () => document.getElementById("merge-compare")?.textContent;
const results = () => screen.getByRole("region", { name: /ผลการรวมรายงาน|Merge results/ });

let current: File[];
let previousDistricts: File[];
let previousSummary: File;
let laterDistrict: File;
beforeAll(async () => {
  const dir = await tmpDir();
  const prev = path.join(dir, "2566");
  const cur = path.join(dir, "2567");
  await fs.mkdir(prev);
  await fs.mkdir(cur);
  // 1001 rose from 80 to 90 (every item to the pass mark), 1002 fell from 90 to 70 (every item under it);
  // 1003 reported only before, 1004 only now.
  previousDistricts = [
    await fileOf(await writeDistrict(prev, "1001-2566.xlsx", report("1001", 2566, 12, 80))),
    await fileOf(await writeDistrict(prev, "1002-2566.xlsx", report("1002", 2566, 12, 90))),
    await fileOf(await writeDistrict(prev, "1003-2566.xlsx", report("1003", 2566, 12, 88))),
  ];
  current = [
    await fileOf(await writeDistrict(cur, "1001.xlsx", report("1001", 2567, 6, 90))),
    await fileOf(await writeDistrict(cur, "1002.xlsx", report("1002", 2567, 6, 70))),
    await fileOf(await writeDistrict(cur, "1004.xlsx", report("1004", 2567, 6, 95))),
  ];
  const summary = path.join(dir, "summary-2566.xlsx");
  const r = await runCli("merge", prev, "-o", summary, "--expect", "none");
  expect(r.code).toBe(0);
  previousSummary = await fileOf(summary);
  laterDistrict = await fileOf(
    await writeDistrict(dir, "1001-2568.xlsx", report("1001", 2568, 6, 99))
  );
});

/** Merge; `again`: this workbook has a summary already, and the pane asks before replacing it. */
async function merge(lang: Lang = "th", again = false) {
  fireEvent.click(await mergeButton(lang === "th" ? "รวมรายงาน" : "Merge"));
  if (again) {
    // The dialog's button, once the dialog is open (and no longer hidden while it opens).
    const name = lang === "th" ? "แทนที่สรุปเดิม" : "Replace it";
    fireEvent.click(
      await waitFor(() => within(screen.getByRole("dialog")).getByRole("button", { name }))
    );
  }
  await screen.findByText(
    lang === "th" ? "เขียนสรุปลงในสมุดงานนี้แล้ว" : "The summary is written into this workbook"
  );
}

describe("merge view: compared with the previous period", () => {
  it("compares with the previous district files: the sheet, a line in the results, the report's section", async () => {
    localStorage.clear();
    const host = setup();
    // The step is labelled as optional, its chooser says what to give.
    const step = screen.getByRole("region", { name: "เทียบกับครั้งก่อน (ไม่บังคับ)" });
    const choose = within(step).getByRole("button", { name: "เลือกไฟล์ของครั้งก่อน" });
    expect(choose.getAttribute("aria-describedby")).toBeTruthy();
    pickCurrent(current);
    pickPrevious(previousDistricts);
    expect(
      within(screen.getByRole("list", { name: "ไฟล์ครั้งก่อนที่เลือก (3)" }))
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual(["1001-2566.xlsxนำออก", "1002-2566.xlsxนำออก", "1003-2566.xlsxนำออก"]);
    // The files to merge are a list of their own.
    expect(screen.getByRole("list", { name: "ไฟล์ที่เลือก (3)" })).toBeTruthy();

    fireEvent.click(await mergeButton("รวมรายงาน"));
    await screen.findByText("เขียนสรุปลงในสมุดงานนี้แล้ว");
    expect(compareLine()).toBe(
      "เทียบกับปีงบประมาณ 2566 รอบ 12 เดือน: คะแนนรวมโดยประมาณดีขึ้น 1 หน่วยงาน ลดลง 1 เท่าเดิม 0 จาก 2 หน่วยงานที่เทียบได้" +
        ` · ข้อที่ตกต่ำกว่าเกณฑ์ ${ITEMS} ข้อ ขึ้นมาผ่านเกณฑ์ ${ITEMS} ข้อ · ดูชีต ${COMPARE_SHEET}`
    );
    expect(within(results()).getByText(compareLine()!)).toBeTruthy();
    expect(host.wb.worksheets.map((w) => w.name)).toEqual([
      "Sheet1",
      SUMMARY_SHEETS.scores,
      COMPARE_SHEET,
      ...Object.values(SUMMARY_SHEETS).filter((s) => s !== SUMMARY_SHEETS.scores),
    ]);
    // The sheet holds each compared unit with its previous and current scores.
    const sheet = host.wb.getWorksheet(COMPARE_SHEET)!;
    const cells: string[] = [];
    sheet.eachRow((row) => cells.push(row.values!.toString()));
    expect(cells.some((r) => r.includes("สำนักงานเขตพระนคร"))).toBe(true);
    expect(cells.some((r) => r.includes("สำนักงานเขตดุสิต"))).toBe(true);

    // The Word report downloaded from the pane has the section on the changes.
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (b: Blob) => (blobs.push(b), "blob:report"),
      revokeObjectURL: () => undefined,
    });
    // The download link's click reaches its listeners, without jsdom's navigation (not implemented).
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      this.dispatchEvent(new Event("click", { bubbles: true, cancelable: true }));
    });
    try {
      fireEvent.click(screen.getByRole("button", { name: "ดาวน์โหลดรายงานกลาง (.docx)" }));
      await screen.findByText(/^ดาวน์โหลด ITA-report-2567-r6\.docx เริ่มแล้ว/);
      const doc = unzipSync(new Uint8Array(await blobs[0].arrayBuffer()));
      expect(strFromU8(doc["word/document.xml"])).toContain(
        "การเปลี่ยนแปลงเมื่อเทียบกับปีงบประมาณ 2566 รอบ 12 เดือน"
      );
    } finally {
      click.mockRestore();
    }
  });

  it("compares with a summary workbook written by ita, in English in English mode", async () => {
    setup("en");
    pickCurrent(current);
    pickPrevious([previousSummary]);
    await merge("en");
    expect(compareLine()).toBe(
      "Compared with fiscal year 2566, 12-month round: units compared 2; estimated total up 1, down 1, unchanged 0" +
        ` · items fallen under the pass mark: ${ITEMS}, risen to it: ${ITEMS} · see the sheet ${COMPARE_SHEET}`
    );
  });

  it("a previous period that is not earlier is said in Thai, and the summary is written without the comparison", async () => {
    const host = setup();
    pickCurrent(current);
    pickPrevious([laterDistrict]);
    await merge();
    const bar = within(results()).getByText("ไม่ได้เทียบกับครั้งก่อน").closest("[role=status]")!;
    expect(bar.textContent).toMatch(
      /ปีงบประมาณ 2568 รอบ 6 เดือน ซึ่งไม่ได้อยู่ก่อนรายงานที่รวม \(ปีงบประมาณ 2567 รอบ 6 เดือน\)/
    );
    expect(bar.textContent).toContain("สรุปและรายงานเขียนโดยไม่มีการเทียบกับครั้งก่อน");
    expect(compareLine()).toBeUndefined();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(host.wb.getWorksheet(COMPARE_SHEET)).toBeUndefined();
    expect(host.wb.getWorksheet(SUMMARY_SHEETS.scores)).toBeDefined();
  });

  it("files that are neither a summary nor district reports, or a summary with district files, are refused with the names", async () => {
    const host = setup("en");
    pickCurrent(current);
    const junk = new File([new Uint8Array([80, 75, 3, 4, 1, 2, 3])], "notes.xlsx", { type: XLSX });
    pickPrevious([junk]);
    await merge("en");
    const bar = () =>
      within(results())
        .getByText("Not compared with the previous period")
        .closest("[role=status]")!;
    expect(bar().textContent).toMatch(
      /notes\.xlsx: not a summary written by ita, and no district report could be read from it \(notes\.xlsx: /
    );
    expect(host.wb.getWorksheet(COMPARE_SHEET)).toBeUndefined();

    // The junk removed, a summary and district files together: one or the other.
    fireEvent.click(screen.getByRole("button", { name: "Remove notes.xlsx" }));
    pickPrevious([previousSummary, previousDistricts[0]]);
    await merge("en", true);
    await waitFor(() =>
      expect(bar().textContent).toContain(
        "Previous files summary-2566.xlsx, 1001-2566.xlsx: give one summary file, or the units' files, not both (summaries found: summary-2566.xlsx)"
      )
    );
    expect(host.wb.getWorksheet(COMPARE_SHEET)).toBeUndefined();
  });

  it("choosing other previous files clears the results; removing them all merges without comparing", async () => {
    const host = setup();
    pickCurrent(current);
    pickPrevious([previousSummary]);
    await merge();
    expect(compareLine()).toMatch(/^เทียบกับปีงบประมาณ 2566/);
    fireEvent.click(screen.getByRole("button", { name: "นำออก summary-2566.xlsx" }));
    expect(screen.queryByRole("region", { name: "ผลการรวมรายงาน" })).toBeNull();
    // The focus goes back to choosing the previous files, not to the merge's chooser.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("button", { name: "เลือกไฟล์ของครั้งก่อน" }))
    );
    await merge("th", true);
    expect(compareLine()).toBeUndefined();
    expect(screen.queryByText("ไม่ได้เทียบกับครั้งก่อน")).toBeNull();
    expect(host.wb.getWorksheet(COMPARE_SHEET)).toBeUndefined();
  });
});
