import { fireEvent, render, screen } from "@testing-library/react";
import { promises as fs } from "fs";
import path from "path";
import { DEFAULT_FORM, metaFromReport, renderForm, validate, type Report } from "../../src/domain";
import { memoryMarkStore, scaffoldSheet } from "../../src/excel";
import { insertPhoto, locateFormSheet } from "../../src/excel";
import { App } from "../../src/taskpane/App";
import { excelGateway } from "../../src/taskpane/excelGateway";
import { hostInfo } from "../../src/taskpane/office";
import { writeFormWorkbook } from "../../src/xlsx/write/writeForm";
import { FakeExcelHost } from "../host/fakeExcel";
import { runCli, sampleReport, tmpDir } from "../helpers";
import { findControl, trackCalls } from "./query";

/** A PNG header with a size, 800 × 600 (what the pane, the host and the readers look at). */
function pngBytes(): Uint8Array {
  const b = new Uint8Array(45);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
  b.set([0, 0, 3, 32, 0, 0, 2, 88], 16);
  return b;
}
const toB64 = (b: Uint8Array) => Buffer.from(b).toString("base64");

const NOW = new Date(2024, 8, 20); // September 2567: the 12-month report is next

function setup(host: FakeExcelHost) {
  const info = hostInfo(host.office());
  const tracked = trackCalls(excelGateway(host.run, memoryMarkStore(), { mergedAreas: false }));
  render(<App host={info} gateway={tracked.gateway} now={NOW} initialLang="th" />);
  return tracked;
}

/** The new sheet as the pane reads it (its metadata included), validated. */
async function readBack(host: FakeExcelHost, sheet: string) {
  const found = await host.run((ctx) => locateFormSheet(ctx, { sheet }));
  if (found.kind !== "form") throw new Error("not a form");
  return { form: found.form, result: validate(found.form, { now: NOW }), syncs: found.syncs };
}

describe("create view: start from an earlier report", () => {
  it("makes the 12-month report from the 6-month sheet of this workbook, photos carried, in 3 clicks", async () => {
    const host = new FakeExcelHost();
    const report = sampleReport();
    await host.run((ctx) =>
      scaffoldSheet(ctx, renderForm(DEFAULT_FORM, metaFromReport(report), report))
    );
    // An activity photo in I5's evidence cell, as the flags view puts it.
    await host.run(async (ctx) => {
      const found = await locateFormSheet(ctx);
      if (found.kind !== "form") throw new Error("no form");
      await insertPhoto(ctx, found.form, "I5", pngBytes(), toB64(pngBytes()));
    });
    const { settled } = setup(host);

    // Click 1: the report sheet of this workbook (the active sheet): one sync, one more for its photo.
    let syncs = host.state.totalSyncs;
    fireEvent.click(await findControl("button", "ใช้แบบรายงานในสมุดงานนี้"));
    await settled();
    expect(host.state.totalSyncs - syncs).toBe(2);
    expect(
      screen.getByText(
        'รายงานครั้งก่อน: ชีต "ITA 2567 รอบ 6" · สำนักงานเขตจอมทอง · ปีงบประมาณ 2567 รอบ 6 เดือน · bkk-district-ita 2567.1'
      )
    ).toBeTruthy();
    const periods = screen.getAllByRole("radio", { name: /^ปีงบประมาณ 256/ }) as HTMLInputElement[];
    expect(periods.map((r) => [r.labels![0].textContent, r.checked])).toEqual([
      ["ปีงบประมาณ 2567 รอบ 12 เดือน (รอบถัดไป)", true],
      ["ปีงบประมาณ 2568 รอบ 6 เดือน", false],
    ]);
    // What will be done, before anything is written.
    const willDo = screen.getByText("จะทำดังนี้").parentElement!;
    expect([...willDo.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      'เริ่มจาก สมุดงานนี้ (ชีต "ITA 2567 รอบ 6"): สำนักงานเขตจอมทอง ปีงบประมาณ 2567 รอบ 6 เดือน → รายงานใหม่ปีงบประมาณ 2567 รอบ 12 เดือน (รอบถัดไป)',
      "ยกมา: คะแนน 42 ข้อ ประเด็น มาตรการ ผลการดำเนินงาน และหลักฐาน — เพิ่มผลที่ดำเนินการหลังรายงานรอบ 6 เดือน",
    ]);
    expect(host.wb.worksheets.map((w) => w.name)).toEqual(["Sheet1", "ITA 2567 รอบ 6", "ITA_META"]);

    // Click 2: the photos; click 3: create.
    fireEvent.click(screen.getByRole("checkbox", { name: "ยกภาพกิจกรรมมาด้วย (1 ภาพ)" }));
    syncs = host.state.totalSyncs;
    fireEvent.click(screen.getByRole("button", { name: "สร้างรายงานใหม่" }));
    await settled();
    await screen.findByText("สร้างรายงานใหม่แล้ว: ITA 2567 รอบ 12 · ยกภาพมา 1 ภาพ");
    // Sheet names 1; the form 8 (names, metadata size, formats, values and styles, then heights,
    // print, protection, showing it); the photo read 2 (pictures and cells, the image); placed 2;
    // the new sheet followed for typing (its onChanged handler added) 1.
    expect(host.state.totalSyncs - syncs).toBe(14);

    const { form, result, syncs: readSyncs } = await readBack(host, "ITA 2567 รอบ 12");
    // Named, so 1; the marker says it continues a report: the metadata, 1; its photo, 1.
    expect(readSyncs).toBe(3);
    expect([form.unit.value!.code, form.fiscalYear.value, form.round.value]).toEqual([
      "1035",
      2567,
      12,
    ]);
    expect(form.items.find((i) => i.code === "I22")!.score).toBe(82.01);
    expect(form.items.find((i) => i.code === "I5")!.photos).toBe(1);
    const carried = result.issues.filter((i) => i.rule === "results.carried");
    expect(carried).toHaveLength(24);
    expect(carried[1].message.th).toBe(
      "ข้อ I5: ผลการดำเนินงานยังเหมือนรายงานรอบ 6 เดือน — เพิ่มผลที่ดำเนินการหลังจากนั้น"
    );
    // The 6-month sheet is as it was.
    expect(host.wb.getWorksheet("ITA 2567 รอบ 6")!.getImages()).toHaveLength(1);
  });

  it("makes next year's report from a chosen file with this year's scores pasted in the same step", async () => {
    const dir = await tmpDir();
    const r6 = path.join(dir, "r6.xlsx");
    const r12 = path.join(dir, "r12.xlsx");
    const report: Report = sampleReport();
    await writeFormWorkbook(r6, renderForm(DEFAULT_FORM, metaFromReport(report), report));
    expect((await runCli("scaffold", "--from", r6, "-o", r12)).code).toBe(0);
    const host = new FakeExcelHost();
    const { settled } = setup(host);

    const input = (await screen.findByLabelText("หรือเลือกไฟล์รายงานครั้งก่อน (.xlsx)", {
      selector: "input",
    })) as HTMLInputElement;
    const bytes = await fs.readFile(r12);
    fireEvent.change(input, { target: { files: [new File([bytes], "r12.xlsx")] } });
    await settled();
    await screen.findByText(
      /^รายงานครั้งก่อน: r12\.xlsx · สำนักงานเขตจอมทอง · ปีงบประมาณ 2567 รอบ 12 เดือน/
    );
    expect(
      (
        screen.getByRole("radio", {
          name: "ปีงบประมาณ 2568 รอบ 6 เดือน (รอบถัดไป)",
        }) as HTMLInputElement
      ).checked
    ).toBe(true);
    // No photo checkbox into a new year.
    expect(screen.queryByRole("checkbox", { name: /ยกภาพกิจกรรม/ })).toBeNull();
    const scores = screen.getByRole("textbox", { name: /^คะแนนของปีนี้/ });
    fireEvent.change(scores, { target: { value: "I1 97.50\nI22,88.10\nX9 1" } });
    const willDo = screen.getByText("จะทำดังนี้").parentElement!;
    expect([...willDo.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      'เริ่มจาก r12.xlsx (ชีต "ITA 2567 รอบ 12"): สำนักงานเขตจอมทอง ปีงบประมาณ 2567 รอบ 12 เดือน → รายงานใหม่ปีงบประมาณ 2568 รอบ 6 เดือน (รอบถัดไป)',
      "ใช้แบบฟอร์มปี 2567 (2567.1) เพราะยังไม่มีแบบฟอร์มของปี 2568",
      "ปีงบประมาณใหม่: ยกหน่วยงาน ประเด็น และมาตรการมาเป็นแผนเริ่มต้น ผลการดำเนินงาน หลักฐาน และผู้จัดทำเว้นว่าง (งานของปีก่อนไม่ใช่งานของปีนี้)",
      "คะแนนจาก รายการคะแนนที่วาง 2 ข้อ",
      "บรรทัด 3: “X9 1” — ไม่พบรหัสข้อ (เช่น I22)",
    ]);
    fireEvent.click(screen.getByRole("button", { name: "สร้างรายงานใหม่" }));
    await settled();
    await screen.findByText("สร้างรายงานใหม่แล้ว: ITA 2568 รอบ 6");
    const { form } = await readBack(host, "ITA 2568 รอบ 6");
    expect(form.items.filter((i) => i.score !== null).map((i) => [i.code, i.score])).toEqual([
      ["I1", 97.5],
      ["I22", 88.1],
    ]);
    expect(form.items.filter((i) => i.results || i.evidence)).toEqual([]);
    expect(form.items.find((i) => i.code === "I5")!.measures).toBe(
      report.items.find((i) => i.code === "I5")!.measures
    );
  });

  it("refuses a picture or a merge summary in one line, naming the file", async () => {
    const dir = await tmpDir();
    const r6 = path.join(dir, "r6.xlsx");
    const summary = path.join(dir, "summary.xlsx");
    const report = sampleReport();
    await writeFormWorkbook(r6, renderForm(DEFAULT_FORM, metaFromReport(report), report));
    await runCli("merge", r6, "-o", summary, "--expect", "none", "--json");
    const host = new FakeExcelHost();
    const { settled } = setup(host);
    const input = (await screen.findByLabelText("หรือเลือกไฟล์รายงานครั้งก่อน (.xlsx)", {
      selector: "input",
    })) as HTMLInputElement;

    fireEvent.change(input, {
      target: { files: [new File([pngBytes() as BlobPart], "ภาพกิจกรรม.png")] },
    });
    await settled();
    expect((await screen.findByRole("alert")).textContent).toBe(
      "ข้อผิดพลาดไฟล์ ภาพกิจกรรม.png เป็นไฟล์รูปภาพ ไม่ใช่รายงานของหน่วยงาน: ระบุไฟล์ Excel (.xlsx) ของรายงานครั้งก่อนของหน่วยงาน"
    );
    fireEvent.change(input, {
      target: { files: [new File([await fs.readFile(summary)], "summary.xlsx")] },
    });
    await settled();
    expect((await screen.findByRole("alert")).textContent).toBe(
      "ข้อผิดพลาดไฟล์ summary.xlsx เป็นไฟล์สรุปของส่วนกลางที่ ita merge เขียน ไม่ใช่รายงานของหน่วยงาน: ระบุไฟล์รายงานครั้งก่อนของหน่วยงานเอง (ไฟล์ที่หน่วยงานส่ง)"
    );
    expect(screen.queryByRole("button", { name: "สร้างรายงานใหม่" })).toBeNull();
    expect(host.wb.worksheets.map((w) => w.name)).toEqual(["Sheet1"]);
  });
});
