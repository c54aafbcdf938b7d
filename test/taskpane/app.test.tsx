import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { columnIndex, metaCell, renderForm } from "../../src/domain";
import { FY2567 } from "../forms";
import { memoryMarkStore, scaffoldSheet } from "../../src/excel";
import { App } from "../../src/taskpane/App";
import { excelGateway } from "../../src/taskpane/excelGateway";
import { firstLanguage, hostInfo, localLangStore } from "../../src/taskpane/office";
import { FakeExcelHost } from "../host/fakeExcel";
import { sampleMeta, sampleReport } from "../helpers";
import { findControl, findField, findTable } from "./query";
import { sheetSnapshot } from "../excel/snapshot";

const NOW = new Date(2024, 4, 1); // fiscal year 2567

/** The pane as index.tsx starts it, over the in-memory host and its requirement sets. */
function setup(host = new FakeExcelHost(), view?: "create" | "validate" | "flags") {
  const info = hostInfo(host.office());
  const gateway = excelGateway(host.run, memoryMarkStore(), { mergedAreas: info.mergedAreas });
  render(<App host={info} gateway={gateway} now={NOW} initialView={view} />);
  return host;
}

async function withSampleForm(report = sampleReport()) {
  const host = new FakeExcelHost();
  await host.run((ctx) => scaffoldSheet(ctx, renderForm(FY2567, sampleMeta(), report)));
  return host;
}

/** Chom Thong's report with nothing yet written for the measure group I21–I24 (I22 is under 85). */
function groupWithoutMeasures() {
  const report = sampleReport();
  report.items = report.items.map((i) =>
    /^I2[1-4]$/.test(i.code) ? { ...i, measures: "", results: "", evidence: "" } : i
  );
  return report;
}

describe("task pane shell", () => {
  it("renders in Thai by default and switches to English", async () => {
    setup();
    expect(screen.getByRole("heading", { name: "รายงาน ITA สำนักงานเขต" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "สร้างแบบ" })).toBeTruthy();
    await findControl("button", "สร้างแบบรายงาน");
    // The language switch is a pair of toggle buttons (a choice, not views).
    expect(screen.queryByRole("tab", { name: "EN" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "EN" }));
    expect(screen.getByRole("heading", { name: "ITA District Report" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "EN" }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("tab", { name: "Validate" })).toBeTruthy();
  });

  it("explains an Excel older than ExcelApi 1.9 instead of failing", () => {
    const host = new FakeExcelHost(undefined, { apiSets: { ExcelApi: "1.8" } });
    const info = hostInfo(host.office({ bodyBackgroundColor: "#202020" }));
    expect(info).toEqual({ supported: false, dark: true, mergedAreas: false, downloads: true });
    const gateway = excelGateway(host.run, memoryMarkStore(), { mergedAreas: false });
    render(<App host={info} gateway={gateway} />);
    expect(screen.getByText("Excel เวอร์ชันนี้ยังไม่รองรับ")).toBeTruthy();
    expect(screen.queryByRole("tab", { name: "ตรวจสอบ" })).toBeNull();
  });

  it("opens in the Office UI language unless the user chose one, and remembers the choice", async () => {
    const host = new FakeExcelHost();
    const storage = new Map<string, string>();
    const store = localLangStore({
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
    } as unknown as Storage);
    expect(firstLanguage(store, host.office({ displayLanguage: "th-TH" }))).toBe("th");
    expect(firstLanguage(store, host.office({ displayLanguage: "en-US" }))).toBe("en");
    expect(firstLanguage(store, undefined)).toBe("th");
    const lang = firstLanguage(store, host.office({ displayLanguage: "en-GB" }));
    const gateway = excelGateway(host.run, memoryMarkStore(), { mergedAreas: false });
    render(
      <App
        host={hostInfo(host.office())}
        gateway={gateway}
        initialLang={lang}
        onLangChange={store.set}
      />
    );
    expect(screen.getByRole("heading", { name: "ITA District Report" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "ไทย" }));
    expect(screen.getByRole("heading", { name: "รายงาน ITA สำนักงานเขต" })).toBeTruthy();
    expect(firstLanguage(store, host.office({ displayLanguage: "en-US" }))).toBe("th");
    await findControl("button", "สร้างแบบรายงาน");
  });

  it("shows what Excel refused while creating the form, and keeps the form", async () => {
    const host = new FakeExcelHost();
    host.faults.add({ op: /protection\.protect/, code: "GeneralException" });
    setup(host);
    fireEvent.change(await findField(/หน่วยงาน/), { target: { value: "จอมทอง" } });
    fireEvent.click(screen.getByRole("button", { name: "สร้างแบบรายงาน" }));
    await screen.findByText("สร้างชีตแล้ว: ITA 2567 รอบ 6");
    expect(screen.getByText("ทำเสร็จแล้ว แต่มีบางขั้นที่ Excel ไม่ยอมทำ")).toBeTruthy();
    expect(screen.getByText(/ชีตยังไม่ถูกป้องกัน.*GeneralException/)).toBeTruthy();
    expect(host.wb.getWorksheet("ITA 2567 รอบ 6")!.getCell(metaCell("unit").address).value).toBe(
      "สำนักงานเขตจอมทอง"
    );
  });
});

describe("create view", () => {
  it("creates the sheet for a district and asks before creating a second one with the same name", async () => {
    const host = setup();
    fireEvent.change(await findField(/หน่วยงาน/), {
      target: { value: "จอมทอง" },
    });
    expect((screen.getByRole("spinbutton", { name: /ปีงบประมาณ/ }) as HTMLInputElement).value).toBe(
      "2567"
    );
    fireEvent.click(screen.getByRole("button", { name: "สร้างแบบรายงาน" }));
    await screen.findByText("สร้างชีตแล้ว: ITA 2567 รอบ 6");
    expect(host.wb.getWorksheet("ITA 2567 รอบ 6")!.getCell(metaCell("unit").address).value).toBe(
      "สำนักงานเขตจอมทอง"
    );

    // The first form as it is before the second is made (its preparer typed in, as a district would).
    host.wb.getWorksheet("ITA 2567 รอบ 6")!.getCell(metaCell("preparer").address).value = "นางสาวก";
    const first = sheetSnapshot(host.wb, "ITA 2567 รอบ 6");

    fireEvent.click(screen.getByRole("button", { name: "สร้างแบบรายงาน" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText(/ITA 2567 รอบ 6 \(2\)/)).toBeTruthy();
    // jsdom has no layout, so Fluent's modalizer may leave aria-hidden on the surface: query it as hidden.
    fireEvent.click(within(dialog).getByRole("button", { name: "สร้างเป็นชีตใหม่", hidden: true }));
    await screen.findByText("สร้างชีตแล้ว: ITA 2567 รอบ 6 (2)");
    // A new sheet, the form written there and shown; the first form left as it was.
    expect(host.wb.worksheets.map((w) => w.name)).toEqual([
      "Sheet1",
      "ITA 2567 รอบ 6",
      "ITA_META",
      "ITA 2567 รอบ 6 (2)",
    ]);
    const second = host.wb.getWorksheet("ITA 2567 รอบ 6 (2)")!;
    expect(second.getCell(metaCell("unit").address).value).toBe("สำนักงานเขตจอมทอง");
    expect(second.getCell(metaCell("preparer").address).value).toBe(null);
    expect(host.state.active).toBe("ITA 2567 รอบ 6 (2)");
    const { meta: metaAfter, ...firstAfter } = sheetSnapshot(host.wb, "ITA 2567 รอบ 6");
    const { meta: metaBefore, ...firstBefore } = first;
    expect(firstAfter).toEqual(firstBefore);
    // Its metadata rows are kept as they were; the new sheet's ten are added after them (form id and
    // version, layout version, unit code and name, year, round, pass mark, preparer, the definition).
    expect(metaAfter.rows.slice(0, metaBefore.rows.length)).toEqual(metaBefore.rows);
    expect(metaAfter.rows.slice(metaBefore.rows.length).map((r) => r[0])).toEqual(
      new Array(10).fill("ITA 2567 รอบ 6 (2)")
    );
  });

  it("blocks an impossible fiscal year with a message", async () => {
    setup();
    fireEvent.change(await findField("ปีงบประมาณ (พ.ศ.)"), {
      target: { value: "2024" },
    });
    expect(screen.getByText("ปีงบประมาณต้องเป็น พ.ศ. 2560–2700")).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "สร้างแบบรายงาน" }) as HTMLButtonElement).disabled
    ).toBe(true);
  });

  it("imports pasted scores after a preview and lists the lines that matched nothing", async () => {
    const host = new FakeExcelHost();
    await host.run((ctx) => scaffoldSheet(ctx, renderForm(FY2567, sampleMeta())));
    setup(host);
    fireEvent.change(await findField(/^วางรายการคะแนน/), {
      target: { value: "I22\t๘๒.๐๑\nI1 (96.31 คะแนน)\nหัวข้ออื่น 12" },
    });
    fireEvent.click(screen.getByRole("button", { name: "ดูสิ่งที่จะเปลี่ยน" }));
    const table = await findTable("ดูสิ่งที่จะเปลี่ยน");
    expect(within(table).getByText("I22")).toBeTruthy();
    expect(within(table).getByText("82.01")).toBeTruthy();
    expect(screen.getByText(/บรรทัด 3/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "นำคะแนนเข้า" }));
    await screen.findByText("นำเข้าคะแนนแล้ว: 2 (ITA 2567 รอบ 6)");
    // The skipped line stays listed after the import, to be corrected.
    expect(screen.getByText("บรรทัดที่ไม่ได้นำเข้า (แก้แล้วกดดูสิ่งที่จะเปลี่ยนอีกครั้ง)")).toBeTruthy();
    expect(screen.getByText(/บรรทัด 3/)).toBeTruthy();
    const ws = host.wb.getWorksheet("ITA 2567 รอบ 6")!;
    const values: unknown[] = [];
    ws.getColumn(columnIndex("score")).eachCell((c) => values.push(c.value));
    expect(values).toContain(82.01);
    expect(values).toContain(96.31);
  });
});

describe("validate and flags views", () => {
  it("lists I22 under its indicator, selects its cell, inserts standard measures and then reads ready to submit", async () => {
    const host = await withSampleForm(groupWithoutMeasures());
    setup(host, "validate");
    fireEvent.click(await findControl("button", "ตรวจสอบก่อนส่ง"));
    await screen.findByText("ยังส่งไม่ได้");
    // I22 without measures is the one error; the warnings: no preparer, I22 without evidence, and the
    // OIT evidence of O1–O22 and O23–O30 not a link. Its indicator's header counts its own.
    const status = screen.getByText("ยังส่งไม่ได้").closest(".fui-MessageBar")!;
    expect(status.textContent).toMatch(/^ยังส่งไม่ได้1 ข้อผิดพลาด · 4 คำเตือนขั้นต่อไป: /);
    expect(screen.getByText("1 ข้อผิดพลาด · 1 คำเตือน")).toBeTruthy();
    const group = screen.getByRole("list", { name: /IIT · ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต/ });
    const issue = within(group).getAllByRole("button")[0];
    // The severity is a word on the row, not a symbol to decode.
    expect(issue.textContent).toMatch(/^ข้อ I22 ได้ 82.01 คะแนน.*ข้อผิดพลาดไปที่เซลล์ E\d+$/);
    fireEvent.click(issue);
    await waitFor(() => expect(host.state.selected).toMatch(/!E\d+$/));

    fireEvent.click(screen.getByRole("tab", { name: "ต่ำกว่าเกณฑ์" }));
    const row = (await findControl("button", /^I22 · 82.01 คะแนน/)).closest("li")!;
    // How far under the pass mark (85 − 82.01), not a band: ITA is pass/fail since FY2566.
    expect(row.textContent).toContain("(ขาดอีก 2.99)");
    expect(row.textContent).toContain("มาตรการ: ไม่มี · ผล: ไม่มี · หลักฐาน: ไม่มี");
    fireEvent.click(within(row).getByRole("button", { name: "ใส่มาตรการที่เลือก (I22)" }));
    await screen.findByText("I22: ใส่มาตรการแล้ว แก้ไขต่อได้ในเซลล์");
    // The button used is gone with the item's picker: the focus is on the result, not the page.
    await waitFor(() => expect(document.activeElement?.getAttribute("role")).toBe("status"));

    fireEvent.click(screen.getByRole("tab", { name: "ตรวจสอบ" }));
    // The list checked before the insert says it is out of date, until checked again.
    expect(screen.getByText("ข้อมูลเปลี่ยนแล้ว — ตรวจอีกครั้ง")).toBeTruthy();
    fireEvent.click(await findControl("button", "ตรวจอีกครั้ง"));
    await screen.findByText("พร้อมส่ง");
    expect(screen.queryByText("ข้อมูลเปลี่ยนแล้ว — ตรวจอีกครั้ง")).toBeNull();
    expect(screen.getByText(/ขั้นต่อไป: บันทึกสมุดงาน \(Ctrl\+S\) แล้วส่งไฟล์ให้สำนักงาน ก.ก./)).toBeTruthy();
  });

  it("is not ready while a score is stored as text, and converts it with a button that says so", async () => {
    const host = await withSampleForm();
    const ws = host.wb.getWorksheet("ITA 2567 รอบ 6")!;
    const cell = ws.getColumn(1).values.findIndex((v) => v === "I3");
    ws.getCell(cell, columnIndex("score")).value = "๙๖.๑๗";
    setup(host, "validate");
    fireEvent.click(await findControl("button", "ตรวจสอบก่อนส่ง"));
    await screen.findByText("ยังส่งไม่ได้: มีคะแนนที่เก็บเป็นข้อความหรือร้อยละ");
    expect(screen.queryByText("พร้อมส่ง")).toBeNull();
    const fix = await findControl("button", "แปลงคะแนน 1 ช่องที่เก็บเป็นข้อความหรือร้อยละให้เป็นตัวเลข");
    await act(async () => {
      fireEvent.click(fix);
    });
    await screen.findByText("แปลงคะแนนเป็นตัวเลขแล้ว: 1");
    expect(ws.getCell(cell, columnIndex("score")).value).toBe(96.17);
    await screen.findByText("พร้อมส่ง");
  });

  it("shows indicator averages and the pass/fail of each tool", async () => {
    const host = await withSampleForm();
    setup(host, "flags");
    const table = await findTable("ค่าเฉลี่ยรายตัวชี้วัด");
    expect(within(table).getByText("10. การป้องกันการทุจริต")).toBeTruthy();
    expect(within(table).getByText(/แบบวัด OIT \(40\)/)).toBeTruthy();
    expect(within(table).getAllByText("ผ่าน")).toHaveLength(3);
  });

  it("says clearly when the workbook holds no reporting form, naming the sheets checked", async () => {
    const host = new FakeExcelHost();
    host.wb.getWorksheet("Sheet1")!.getCell("A1").value = "รายการ";
    setup(host, "validate");
    fireEvent.click(await findControl("button", "ตรวจสอบก่อนส่ง"));
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /ไม่พบแบบรายงาน ITA ในสมุดงานนี้.*"Sheet1"/
    );
  });
});
