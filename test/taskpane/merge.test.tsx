import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { unzipSync, strFromU8 } from "fflate";
import { promises as fs } from "fs";
import path from "path";
import { loadFormDef, metaFromReport, renderForm, SUMMARY_SHEETS } from "../../src/domain";
import { writeFormWorkbook } from "../../src/xlsx/write/writeForm";
import { mappedFormDef } from "../forms";
import { memoryMarkStore } from "../../src/excel";
import { excelGateway } from "../../src/taskpane/excelGateway";
import type { Gateway } from "../../src/taskpane/gateway";
import { Lang, LangContext } from "../../src/taskpane/i18n";
import { MergeView } from "../../src/taskpane/MergeView";
import { hostInfo } from "../../src/taskpane/office";
import { FakeExcelHost } from "../host/fakeExcel";
import { tmpDir } from "../helpers";
import { districtReport, writeDistrict } from "../merge/districts";
import { mergeButton } from "./query";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function fileOf(path: string, name: string, lastModified?: number): Promise<File> {
  return new File([new Uint8Array(await fs.readFile(path))], name, { type: XLSX, lastModified });
}

/** The merge view alone (as the pane shows it), over the in-memory Excel host. */
function setup(lang: Lang = "th", wrap?: (g: Gateway) => Gateway, platform = "PC") {
  const host = new FakeExcelHost();
  const info = hostInfo(host.office({ platform }));
  const base = excelGateway(host.run, memoryMarkStore(), { mergedAreas: info.mergedAreas });
  render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={lang}>
        <MergeView gateway={wrap ? wrap(base) : base} downloads={info.downloads} />
      </LangContext.Provider>
    </FluentProvider>
  );
  return host;
}

const fileInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!;
const pick = (files: File[]) => fireEvent.change(fileInput(), { target: { files } });
/** A button of the open dialog, once the dialog is open (and no longer hidden while it opens). */
const dialogButton = (name: string) =>
  waitFor(() => within(screen.getByRole("dialog")).getByRole("button", { name }));
/** The counts the results open with. */
const counts = () => document.getElementById("merge-counts")?.textContent;
const listed = (label: string | RegExp) =>
  within(screen.getByRole("list", { name: label }))
    .getAllByRole("listitem")
    .map((li) => li.textContent);

let dir: string;
let chomThong: File;
let dusit: File;
beforeAll(async () => {
  dir = await tmpDir();
  chomThong = await fileOf(
    await writeDistrict(dir, "a.xlsx", districtReport("1035")),
    "1035-chom-thong.xlsx"
  );
  dusit = await fileOf(
    await writeDistrict(dir, "b.xlsx", districtReport("1002")),
    "1002-dusit.xlsx"
  );
});

/** A workbook cut short in transfer: the reader refuses it with a technical detail. */
async function truncated(name: string): Promise<File> {
  const bytes = new Uint8Array(await chomThong.arrayBuffer());
  return new File([bytes.slice(0, 3000)], name, { type: XLSX });
}

/** A file the browser cannot read any more (moved or deleted after it was chosen). */
function vanished(name: string): File {
  const f = new File(["x"], name, { type: XLSX });
  f.arrayBuffer = () =>
    Promise.reject(new Error("NotReadableError: The requested file could not be read"));
  return f;
}

describe("merge view", () => {
  it("leads with the problems: rejected files with reasons in Thai, missing units, then what merged; focus on the results", async () => {
    const host = setup();
    pick([chomThong, await truncated("1010-cut.xlsx"), dusit, vanished("1020-gone.xlsx")]);
    fireEvent.click(await mergeButton("รวมรายงาน"));
    await screen.findByText("เขียนสรุปลงในสมุดงานนี้แล้ว");

    const heading = screen.getByRole("heading", { name: "ผลการรวมรายงาน" });
    expect(document.activeElement).toBe(heading);
    const results = screen.getByRole("region", { name: "ผลการรวมรายงาน" });
    // 1010 and 1020 sent files that were refused (their names give them): not among those not sent.
    expect(counts()).toBe("ไม่รับ 2 ไฟล์ · ยังไม่ส่ง 46 หน่วยงาน · รวมแล้ว 2 หน่วยงาน จาก 4 ไฟล์");
    // The order of the parts: problems first.
    const parts = within(results)
      .getAllByRole("heading", { level: 4 })
      .map((h) => h.textContent);
    expect(parts).toEqual(["ไฟล์ที่ไม่รับ (2)", "หน่วยงานที่ยังไม่ส่ง (46)", "ไฟล์ที่รวมแล้ว (2)"]);

    const rejected = listed("ไฟล์ที่ไม่รับ (2)");
    expect(rejected.map((r) => r!.split(" — ")[0])).toEqual([
      "ไม่รับ 1010-cut.xlsx",
      "ไม่รับ 1020-gone.xlsx",
    ]);
    for (const r of rejected) {
      const reason = r!.split(" — ")[1];
      expect(reason).toMatch(/^ไฟล์ 10\d\d-\w+\.xlsx /);
      // No English or technical words in Thai mode (the file name, Excel and .xlsx aside).
      expect(reason.replace(/10\d\d-\w+\.xlsx|Excel|\.xlsx/g, "")).not.toMatch(/[A-Za-z]/);
    }
    // What merged, those with errors or warnings first.
    expect(listed("ไฟล์ที่รวมแล้ว (2)")).toEqual([
      // Which items have warnings (the missing preparer is one of the form's details).
      "มีคำเตือน 1002-dusit.xlsx — สำนักงานเขตดุสิต: คำเตือน 2 (I22)",
      "มีคำเตือน 1035-chom-thong.xlsx — สำนักงานเขตจอมทอง: คำเตือน 5 (ข้อมูลทั่วไป, I22, O1-O22, O23-O30)",
    ]);
    expect(host.wb.worksheets.map((w) => w.name)).toEqual([
      "Sheet1",
      ...Object.values(SUMMARY_SHEETS),
    ]);
  });

  it("says why a file was refused in English in English mode, with the reader's detail", async () => {
    setup("en");
    pick([await truncated("1010-cut.xlsx"), chomThong]);
    fireEvent.click(await mergeButton("Merge"));
    await screen.findByText("The summary is written into this workbook");
    const [r] = listed("Rejected files (1)");
    expect(r).toMatch(
      /^rejected 1010-cut\.xlsx — 1010-cut\.xlsx is corrupt or not a valid \.xlsx file \(.+\)/
    );
    expect(counts()).toBe("1 file rejected · 48 units not received · 1 unit merged from 2 files");
    expect(listed("Merged files (1)")).toEqual([
      "warnings 1035-chom-thong.xlsx — Chom Thong: 5 warnings (details, I22, O1-O22, O23-O30)",
    ]);
    // Missing districts in English.
    expect(listed("Units not received (48)").slice(0, 2)).toEqual(["Phra Nakhon", "Dusit"]);
  });

  it("collapses a long list to its first entries with a button that shows all", async () => {
    setup();
    pick([chomThong]);
    fireEvent.click(await mergeButton("รวมรายงาน"));
    await screen.findByText("เขียนสรุปลงในสมุดงานนี้แล้ว");
    expect(listed("หน่วยงานที่ยังไม่ส่ง (49)")).toHaveLength(8);
    const more = screen.getByRole("button", { name: "แสดงทั้งหมด 49 รายการ" });
    expect(more.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(more);
    expect(listed("หน่วยงานที่ยังไม่ส่ง (49)")).toHaveLength(49);
    expect(more.getAttribute("aria-expanded")).toBe("true");
    expect(more.textContent).toBe("แสดงน้อยลง");
  });

  it("adds each pick to the chosen files, once per file, with remove and clear; a cancelled dialog changes nothing", async () => {
    setup();
    // Until files are chosen, the merge button says why it does nothing.
    const merge = screen.getByRole("button", { name: "รวมรายงาน" });
    expect(merge.getAttribute("aria-disabled")).toBe("true");
    expect(merge.getAttribute("aria-describedby")).toBe("merge-needs-files");
    expect(document.getElementById("merge-needs-files")!.textContent).toBe(
      "เลือกไฟล์ของหน่วยงานก่อน แล้วจึงกดรวมรายงาน"
    );
    pick([chomThong]);
    expect(screen.queryByText("เลือกไฟล์ของหน่วยงานก่อน แล้วจึงกดรวมรายงาน")).toBeNull();
    // A PDF is taken (the merge names it with its reason); Office's lock file is not.
    pick([
      dusit,
      chomThong,
      new File(["%PDF"], "evidence.pdf", { type: "application/pdf" }),
      new File(["x"], "~$1002-dusit.xlsx", { type: XLSX }),
    ]);
    expect(listed("ไฟล์ที่เลือก (3)")).toEqual([
      "1035-chom-thong.xlsxนำออก",
      "1002-dusit.xlsxนำออก",
      "evidence.pdfนำออก",
    ]);
    expect(
      screen.getByText("ไม่ได้เพิ่ม (ไฟล์ล็อกของ Office หรือไฟล์ซ่อน): ~$1002-dusit.xlsx")
    ).toBeTruthy();
    expect(screen.getByText("ไม่ได้เพิ่มซ้ำ (เลือกไว้แล้ว): 1035-chom-thong.xlsx")).toBeTruthy();

    // The dialog closed without a choice: no files, no error, the list as it was.
    pick([]);
    expect(listed("ไฟล์ที่เลือก (3)")).toHaveLength(3);
    expect(screen.queryByRole("alert")).toBeNull();

    // Removing a file moves the focus to the next file's remove button.
    fireEvent.click(screen.getByRole("button", { name: "นำออก evidence.pdf" }));
    fireEvent.click(screen.getByRole("button", { name: "นำออก 1035-chom-thong.xlsx" }));
    expect(listed("ไฟล์ที่เลือก (1)")).toEqual(["1002-dusit.xlsxนำออก"]);
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole("button", { name: "นำออก 1002-dusit.xlsx" })
      )
    );

    // Clear asks first; cancelling returns the focus to the clear button.
    const clear = screen.getByRole("button", { name: "ล้างรายการ" });
    clear.focus();
    fireEvent.click(clear);
    fireEvent.click(await dialogButton("ยกเลิก"));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(clear));
    expect(listed("ไฟล์ที่เลือก (1)")).toHaveLength(1);

    fireEvent.click(clear);
    fireEvent.click(await dialogButton("ล้างรายการ"));
    await waitFor(() => expect(screen.queryByRole("list", { name: /ไฟล์ที่เลือก/ })).toBeNull());
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole("button", { name: "เลือกไฟล์ .xlsx ของเขต (เลือกได้หลายไฟล์)" })
      )
    );
    expect(
      (screen.getByRole("button", { name: "รวมรายงาน" }) as HTMLButtonElement).getAttribute(
        "aria-disabled"
      )
    ).toBe("true");
  });

  it("says in words what it is doing, and a cancel is not an error and leaves the workbook as it was", async () => {
    const seen: string[] = [];
    const shown = async (text: string) => seen.push((await screen.findByText(text)).textContent!);
    // The second file is read once the progress line says so; the same for writing the summary.
    const second = new File([await dusit.arrayBuffer()], "1002-dusit.xlsx", { type: XLSX });
    const read = second.arrayBuffer.bind(second);
    second.arrayBuffer = async () => {
      await shown("กำลังอ่านไฟล์ 2 จาก 2");
      return read();
    };
    let cancelWrite = false;
    let duringWrite: string[] = [];
    const host = setup("th", (g) => ({
      ...g,
      writeSummary: async (sheets, o) => {
        if (!cancelWrite) return g.writeSummary(sheets, o);
        await shown("กำลังเขียนชีตสรุปลงในสมุดงานนี้…");
        return g.writeSummary(sheets, {
          ...o,
          // The user presses Cancel once the first rows are in Excel (in a temporary sheet).
          onProgress: (done, total) => {
            o?.onProgress?.(done, total);
            if (duringWrite.length) return;
            duringWrite = host.wb.worksheets.map((w) => w.name);
            fireEvent.click(screen.getByRole("button", { name: "ยกเลิก" }));
          },
        });
      },
    }));
    // An earlier summary in the workbook: Chom Thong's alone.
    pick([chomThong]);
    fireEvent.click(await mergeButton("รวมรายงาน"));
    await screen.findByText("เขียนสรุปลงในสมุดงานนี้แล้ว");
    const sheets = () => host.wb.worksheets.map((w) => w.name);
    expect(sheets()).toEqual(["Sheet1", ...Object.values(SUMMARY_SHEETS)]);
    const earlier = Object.values(SUMMARY_SHEETS).map((n) =>
      host.wb.getWorksheet(n)!.getSheetValues()
    );
    expect(host.wb.getWorksheet(SUMMARY_SHEETS.scores)!.getCell("A4").value).toBe("จอมทอง");

    cancelWrite = true;
    pick([second]);
    fireEvent.click(await mergeButton("รวมรายงาน"));
    // The workbook has a summary: the pane asks before replacing it.
    fireEvent.click(await dialogButton("แทนที่สรุปเดิม"));
    await screen.findByText("ยกเลิกแล้ว ยังไม่ได้เขียนสรุป (สรุปเดิม ถ้ามี ยังอยู่ครบ)");
    expect(seen).toEqual(["กำลังอ่านไฟล์ 2 จาก 2", "กำลังเขียนชีตสรุปลงในสมุดงานนี้…"]);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByText("เขียนสรุปลงในสมุดงานนี้แล้ว")).toBeNull();
    // Cancelled while the first sheet was written, as a temporary sheet beside the earlier summary.
    expect(duringWrite).toEqual(["Sheet1", ...Object.values(SUMMARY_SHEETS), "~ITA คะแนน"]);
    // The workbook as it was: no temporary "~" sheets, no new summary, the earlier one unchanged.
    expect(sheets()).toEqual(["Sheet1", ...Object.values(SUMMARY_SHEETS)]);
    expect(
      Object.values(SUMMARY_SHEETS).map((n) => host.wb.getWorksheet(n)!.getSheetValues())
    ).toEqual(earlier);
    expect(host.wb.getWorksheet(SUMMARY_SHEETS.scores)!.getCell("A4").value).toBe("จอมทอง");
  });

  it("shows the merging as a step of its own, which Cancel stops before anything is written", async () => {
    let writes = 0;
    const host = setup("th", (g) => ({
      ...g,
      writeSummary: (sheets, o) => (writes++, g.writeSummary(sheets, o)),
    }));
    pick([chomThong]);
    const merge = await mergeButton("รวมรายงาน");
    // The user presses Cancel while the step is on screen: at a frame the pane waits for between
    // the merge's stretches of work (it paints the step first), once.
    const frame = window.requestAnimationFrame;
    let pressed = "";
    window.requestAnimationFrame = (cb) =>
      frame((t) => {
        const step = screen.queryByText(/^กำลังรวมรายงาน/);
        if (!pressed && step) {
          pressed = step.textContent!;
          fireEvent.click(screen.getByRole("button", { name: "ยกเลิก" }));
        }
        cb(t);
      });
    try {
      fireEvent.click(merge);
      await screen.findByText("ยกเลิกแล้ว ยังไม่ได้เขียนสรุป (สรุปเดิม ถ้ามี ยังอยู่ครบ)");
    } finally {
      window.requestAnimationFrame = frame;
    }
    expect(pressed).toBe("กำลังรวมรายงาน 1 ฉบับ และจับคู่ผลการดำเนินการกับมาตรการ…");
    // Stopped before the writing began: Excel was not asked to write anything.
    expect(writes).toBe(0);
    expect(host.wb.worksheets.map((w) => w.name)).toEqual(["Sheet1"]);
    expect(screen.queryByText("เขียนสรุปลงในสมุดงานนี้แล้ว")).toBeNull();
  });

  /** The report's blob (URL.createObjectURL is jsdom's to lack) and every click on a download link. */
  function watchDownloads() {
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (b: Blob) => (blobs.push(b), `blob:report-${blobs.length}`),
      revokeObjectURL: () => undefined,
    });
    const clicks: { name: string; href: string }[] = [];
    const onClick = (e: Event) => {
      const a = (e.target as Element).closest("a");
      if (a?.hasAttribute("download")) clicks.push({ name: a.download, href: a.href });
    };
    document.addEventListener("click", onClick);
    // A link's click reaches its listeners as in a browser, without jsdom's navigation (which it
    // does not implement, and which would be the download).
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      this.dispatchEvent(new Event("click", { bubbles: true, cancelable: true }));
    });
    return {
      blobs,
      clicks,
      click,
      stop: () => {
        click.mockRestore();
        document.removeEventListener("click", onClick);
      },
    };
  }

  const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  it("downloads the central report as Word with the compiling office, remembered on this computer", async () => {
    localStorage.clear();
    const seen = watchDownloads();
    try {
      setup();
      pick([chomThong, dusit]);
      fireEvent.click(await mergeButton("รวมรายงาน"));
      await screen.findByText("เขียนสรุปลงในสมุดงานนี้แล้ว");
      const office = screen.getByLabelText("หน่วยงานผู้รวบรวม") as HTMLInputElement;
      expect(office.value).toBe("กองวินัยและเสริมสร้างจริยธรรม สำนักงาน ก.ก.");
      fireEvent.change(office, { target: { value: "สำนักงานเลขานุการ ทดสอบ" } });
      fireEvent.click(screen.getByRole("button", { name: "ดาวน์โหลดรายงานกลาง (.docx)" }));
      // The browser took the download link: the download started (not "saved": the pane cannot know).
      await screen.findByText("ดาวน์โหลด ITA-report-2567-r6.docx เริ่มแล้ว ดูในโฟลเดอร์ดาวน์โหลด");
      expect(seen.clicks).toEqual([{ name: "ITA-report-2567-r6.docx", href: "blob:report-1" }]);
      expect(seen.blobs).toHaveLength(1);
      expect(seen.blobs[0].type).toBe(DOCX);
      const parts = unzipSync(new Uint8Array(await seen.blobs[0].arrayBuffer()));
      const body = strFromU8(parts["word/document.xml"]);
      expect(body).toContain("ประจำปีงบประมาณ พ.ศ. 2567 รอบ 6 เดือน");
      expect(body).toContain("สำนักงานเลขานุการ ทดสอบ");
      expect(body).toContain("สำนักงานเขตจอมทอง");
      expect(localStorage.getItem("ita.office")).toBe("สำนักงานเลขานุการ ทดสอบ");
      expect(screen.queryByRole("link", { name: /^บันทึก / })).toBeNull();

      // No file came after all: the link to save it, which takes the focus of the one pressed.
      fireEvent.click(screen.getByRole("button", { name: "ถ้าไม่มีไฟล์ในโฟลเดอร์ดาวน์โหลด กดที่นี่" }));
      await screen.findByText("ถ้าไม่มี ITA-report-2567-r6.docx ในโฟลเดอร์ดาวน์โหลด");
      const link = screen.getByRole("link", { name: "บันทึก ITA-report-2567-r6.docx" });
      await waitFor(() => expect(document.activeElement).toBe(link));
      expect(link.getAttribute("download")).toBe("ITA-report-2567-r6.docx");
      // The same bytes as a data: URL ("PK" opens a zip).
      expect(link.getAttribute("href")).toMatch(new RegExp(`^data:${DOCX};base64,UEsDB`));
      const bytes = Buffer.from(link.getAttribute("href")!.split(",")[1], "base64");
      expect(bytes.equals(Buffer.from(await seen.blobs[0].arrayBuffer()))).toBe(true);
      expect(screen.queryByRole("button", { name: "ถ้าไม่มีไฟล์ในโฟลเดอร์ดาวน์โหลด กดที่นี่" })).toBeNull();
    } finally {
      seen.stop();
    }
  });

  it("says the report is not saved, and offers the link to save it, when the click on the download never arrives", async () => {
    const seen = watchDownloads();
    // A webview that swallows the programmatic click on a blob: link.
    seen.click.mockImplementation(function (this: HTMLAnchorElement) {
      if (!this.href.startsWith("blob:")) this.dispatchEvent(new Event("click"));
    });
    try {
      setup();
      pick([chomThong, dusit]);
      fireEvent.click(await mergeButton("รวมรายงาน"));
      await screen.findByText("เขียนสรุปลงในสมุดงานนี้แล้ว");
      fireEvent.click(screen.getByRole("button", { name: "ดาวน์โหลดรายงานกลาง (.docx)" }));
      await screen.findByText(
        "ยังไม่ได้บันทึก ITA-report-2567-r6.docx: เบราว์เซอร์ของบานหน้าต่างไม่ได้เริ่มดาวน์โหลด"
      );
      expect(seen.click).toHaveBeenCalledTimes(1);
      expect(seen.clicks).toEqual([]);
      expect(screen.queryByText(/เริ่มแล้ว|บันทึก\S* แล้ว/)).toBeNull();
      const help = document.getElementById("merge-report-help")!;
      expect(help.getAttribute("role")).toBe("status");
      expect(help.textContent).toContain("กดลิงก์นี้เพื่อบันทึกรายงาน: บันทึก ITA-report-2567-r6.docx");
      expect(help.textContent).toContain(
        "รวมรายงานอีกครั้งใน Excel บนเว็บหรือ Excel บน Windows แล้วดาวน์โหลดจากที่นั่น"
      );
      const link = screen.getByRole("link", { name: "บันทึก ITA-report-2567-r6.docx" });
      expect(link.getAttribute("href")).toMatch(new RegExp(`^data:${DOCX};base64,UEsDB`));
    } finally {
      seen.stop();
    }
  });

  it("in Excel for Mac does not try to download (its webview drops it) and says so, in English", async () => {
    const seen = watchDownloads();
    try {
      setup("en", undefined, "Mac");
      pick([chomThong, dusit]);
      fireEvent.click(await mergeButton("Merge"));
      await screen.findByText("The summary is written into this workbook");
      fireEvent.click(screen.getByRole("button", { name: "Download the central report (.docx)" }));
      await screen.findByText(
        "ITA-report-2567-r6.docx is not saved: Excel for Mac and iPad does not save files downloaded from an add-in pane"
      );
      expect(seen.click).not.toHaveBeenCalled();
      expect(screen.queryByText(/started|saved;/)).toBeNull();
      const link = screen.getByRole("link", { name: "Save ITA-report-2567-r6.docx" });
      expect(link.getAttribute("download")).toBe("ITA-report-2567-r6.docx");
      expect(document.getElementById("merge-report-help")!.textContent).toContain(
        "If no file appears in your Downloads folder after that: merge again in Excel on the web or Excel for Windows"
      );
    } finally {
      seen.stop();
    }
  });

  it("merges the later of two copies, lists the earlier as superseded, and takes it instead on request", async () => {
    const copy = async (name: string, at: string, preparer: string) =>
      // The files give no saved time of their own: the browser's file time decides. They differ
      // (the correction names another preparer): the same content twice is one file.
      fileOf(
        await writeDistrict(dir, name, { ...districtReport("1035"), preparer }),
        name,
        Date.parse(at)
      );
    const host = setup();
    pick([
      await copy("ct-new.xlsx", "2026-11-03T02:00:00Z", "นายแก้ไข ภายหลัง"),
      await copy("ct-old.xlsx", "2026-11-01T02:00:00Z", "นายส่ง ครั้งแรก"),
      dusit,
    ]);
    fireEvent.click(await mergeButton("รวมรายงาน"));
    await screen.findByText("เขียนสรุปลงในสมุดงานนี้แล้ว");
    expect(counts()).toBe("ยังไม่ส่ง 48 หน่วยงาน · มีฉบับใหม่แทน 1 ไฟล์ · รวมแล้ว 2 หน่วยงาน จาก 3 ไฟล์");
    const superseded = screen.getByRole("region", { name: "ไฟล์ที่มีฉบับใหม่แทน (1)" });
    expect(within(superseded).getByRole("listitem").textContent).toMatch(
      /^ct-old\.xlsx — สำนักงานเขตจอมทอง · ใช้แทนด้วย ct-new\.xlsx/
    );
    expect(listed("ไฟล์ที่รวมแล้ว (2)").some((x) => /ct-new\.xlsx — สำนักงานเขตจอมทอง/.test(x!))).toBe(
      true
    );
    const statusFiles = () => {
      const ws = host.wb.getWorksheet(SUMMARY_SHEETS.status)!;
      const out: string[] = [];
      ws.eachRow((row) => {
        const st = String(row.getCell(3).value ?? "");
        if (row.getCell(2).value === "สำนักงานเขตจอมทอง")
          out.push(`${st}: ${String(row.getCell(4).value)}`);
      });
      return out;
    };
    expect(statusFiles()).toEqual(["ได้รับแล้ว: ct-new.xlsx", "มีฉบับใหม่แทน: ct-old.xlsx"]);

    await act(async () => {
      fireEvent.click(within(superseded).getByRole("button", { name: "ใช้ไฟล์นี้แทน" }));
    });
    await screen.findByText(/ct-new\.xlsx — สำนักงานเขตจอมทอง · คุณเลือกใช้ ct-old\.xlsx/);
    await screen.findByText("เขียนสรุปลงในสมุดงานนี้แล้ว");
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "ผลการรวมรายงาน" }));
    expect(statusFiles()).toEqual(["ได้รับแล้ว: ct-old.xlsx", "มีฉบับใหม่แทน: ct-new.xlsx"]);

    // The choice stays for the next merge (the user's choice is not undone in silence) …
    fireEvent.click(await mergeButton("รวมรายงาน"));
    fireEvent.click(await dialogButton("แทนที่สรุปเดิม"));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await screen.findByText("เขียนสรุปลงในสมุดงานนี้แล้ว");
    expect(statusFiles()).toEqual(["ได้รับแล้ว: ct-old.xlsx", "มีฉบับใหม่แทน: ct-new.xlsx"]);
    // … until the user takes the later copy again.
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "กลับไปใช้ฉบับที่บันทึกภายหลัง" }));
    });
    await screen.findByText(/ct-old\.xlsx — สำนักงานเขตจอมทอง · ใช้แทนด้วย ct-new\.xlsx/);
    // The results are shown before the sheets are written: the workbook once they are.
    await screen.findByText("เขียนสรุปลงในสมุดงานนี้แล้ว");
    expect(statusFiles()).toEqual(["ได้รับแล้ว: ct-new.xlsx", "มีฉบับใหม่แทน: ct-old.xlsx"]);
  });

  it("shows the periods the chosen files give before merging, merges one, and refuses the other period's files by name", async () => {
    const lastYear = await fileOf(
      await writeDistrict(dir, "c.xlsx", { ...districtReport("1001"), fiscalYear: 2566 }),
      "1001-2566.xlsx"
    );
    const host = setup();
    pick([chomThong, lastYear, dusit]);
    const period = (await screen.findByRole("combobox", {
      name: "ปีงบประมาณและรอบที่จะรวม",
    })) as HTMLSelectElement;
    expect([...period.options].map((o) => o.textContent)).toEqual([
      "2567 รอบ 6 เดือน · 2 ไฟล์",
      "2566 รอบ 6 เดือน · 1 ไฟล์",
    ]);
    expect(period.value).toBe("2567-6");
    fireEvent.click(await mergeButton("รวมรายงาน"));
    await screen.findByText("เขียนสรุปลงในสมุดงานนี้แล้ว");
    expect(document.getElementById("merge-period")!.textContent).toBe(
      "รวมรายงานปีงบประมาณ 2567 รอบ 6 เดือน"
    );
    expect(counts()).toBe("ไม่รับ 1 ไฟล์ · ยังไม่ส่ง 48 หน่วยงาน · รวมแล้ว 2 หน่วยงาน จาก 3 ไฟล์");
    expect(listed("ไฟล์ที่ไม่รับ (1)")).toEqual([
      'ไม่รับ 1001-2566.xlsx — ชีต "ITA 2566 รอบ 6": ไฟล์นี้เป็นปี 2566 รอบ 6 เดือน แต่การรวมนี้เป็นปี 2567 รอบ 6 เดือน จึงไม่นำมารวม',
    ]);
    // The other period, chosen: its file merged, the others refused.
    fireEvent.change(period, { target: { value: "2566-6" } });
    fireEvent.click(await mergeButton("รวมรายงาน"));
    fireEvent.click(await dialogButton("แทนที่สรุปเดิม"));
    await waitFor(() =>
      expect(counts()).toBe("ไม่รับ 2 ไฟล์ · ยังไม่ส่ง 49 หน่วยงาน · รวมแล้ว 1 หน่วยงาน จาก 3 ไฟล์")
    );
    await screen.findByText("เขียนสรุปลงในสมุดงานนี้แล้ว");
    expect(host.wb.getWorksheet(SUMMARY_SHEETS.scores)!.getCell("A4").value).toBe("พระนคร");
  });

  it("merges files of a form this copy does not bundle by the form most of them carry, mapping the others, as ita merge does", async () => {
    const f2569 = loadFormDef(mappedFormDef(), "bkk-district-2569.json");
    const on2569 = async (code: string) => {
      const rep = { ...districtReport(code), fiscalYear: 2569 };
      const file = path.join(dir, `${code}-2569.xlsx`);
      await writeFormWorkbook(
        file,
        renderForm(f2569, metaFromReport(rep), {
          ...rep,
          formVersion: "2569.1",
          items: f2569.items.map((it) => ({
            code: it.code,
            score: 90,
            issue: it.issue,
            measures: "",
            results: "",
            evidence: "",
          })),
        })
      );
      return fileOf(file, `${code}-2569.xlsx`);
    };
    const old = await fileOf(
      await writeDistrict(dir, "1002-old.xlsx", { ...districtReport("1002"), fiscalYear: 2569 }),
      "1002-2567form.xlsx"
    );
    setup();
    pick([await on2569("1035"), await on2569("1004"), old]);
    fireEvent.click(await mergeButton("รวมรายงาน"));
    await screen.findByText("เขียนสรุปลงในสมุดงานนี้แล้ว");
    expect(counts()).toBe("ยังไม่ส่ง 47 หน่วยงาน · รวมแล้ว 3 หน่วยงาน จาก 3 ไฟล์");
    expect(
      listed("ไฟล์ที่รวมแล้ว (3)").some((x) => /^.*1002-2567form\.xlsx — สำนักงานเขตดุสิต/.test(x!))
    ).toBe(true);
  });
});
