import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { columnIndex, renderForm, Report } from "../../src/domain";
import { locateFormSheet, memoryMarkStore, scaffoldSheet } from "../../src/excel";
import { App } from "../../src/taskpane/App";
import { excelGateway } from "../../src/taskpane/excelGateway";
import { hostInfo } from "../../src/taskpane/office";
import { rescueFocus } from "../../src/taskpane/shell";
import { FakeExcelHost } from "../host/fakeExcel";
import { FY2567 } from "../forms";
import { blankMeta, sampleMeta, sampleReport } from "../helpers";
import { findControl, findField, ONLY_TIMEOUTS, trackCalls } from "./query";

const NOW = new Date(2024, 4, 1);
const SHEET = "ITA 2567 รอบ 6";

async function hostWith(report?: Report, apiSets?: Record<string, string>) {
  const host = new FakeExcelHost(undefined, apiSets ? { apiSets } : {});
  await host.run((ctx) =>
    scaffoldSheet(ctx, renderForm(FY2567, report ? sampleMeta() : blankMeta(), report))
  );
  return host;
}

/** The pane over the host; `settled()` waits for everything it asked of Excel (see trackCalls). */
function setup(host: FakeExcelHost, view: "create" | "validate" | "flags") {
  const info = hostInfo(host.office());
  const { gateway, settled } = trackCalls(
    excelGateway(host.run, memoryMarkStore(), { mergedAreas: info.mergedAreas })
  );
  render(<App host={info} gateway={gateway} now={NOW} initialView={view} />);
  return settled;
}

/** Items under the pass mark with nothing written (every I item by default): a weak report. */
function lowReport(low = /^I/): Report {
  const r = sampleReport();
  r.items = r.items.map((i) =>
    low.test(i.code) ? { ...i, score: 70, measures: "", results: "", evidence: "" } : i
  );
  return r;
}

const scoreCell = (host: FakeExcelHost, code: string) => {
  const ws = host.wb.getWorksheet(SHEET)!;
  const row = ws.getColumn(1).values.findIndex((v) => v === code);
  return ws.getCell(row, columnIndex("score"));
};

describe("validate view: long lists", () => {
  it("gives a blank form one 'no score' entry that reaches the cells and the import", async () => {
    const host = await hostWith();
    setup(host, "validate");
    fireEvent.click(await findControl("button", "ตรวจสอบก่อนส่ง"));
    const n = FY2567.items.length;
    const title = await screen.findByText(`${n} ข้อยังไม่มีคะแนน`);
    // One entry, not one button per item.
    expect(screen.queryAllByRole("button", { name: /ยังไม่ได้กรอกคะแนน/ })).toHaveLength(0);
    const bar = title.closest(".fui-MessageBar") as HTMLElement;
    expect(bar.textContent).toMatch(/ข้อ I1–I\d+, /);
    const first = within(bar).getByRole("button", { name: /^ไปที่ช่องคะแนนแรกที่ยังว่าง \(B\d+\)$/ });
    fireEvent.click(first);
    const firstCell = scoreCell(host, "I1").address;
    await waitFor(() => expect(host.state.selected).toBe(`${SHEET}!${firstCell}`));
    fireEvent.click(within(bar).getByRole("button", { name: "นำเข้าคะแนน" }));
    await waitFor(() => expect(document.activeElement?.id).toBe("import-scores-text"));
    expect(screen.getByRole("tab", { name: "สร้างแบบ" }).getAttribute("aria-selected")).toBe("true");
  });

  it("opens the indicators with errors, counts in each header, filters errors and warnings", async () => {
    const report = lowReport();
    // One indicator with warnings only: its items have measures (no results yet, a 6-month report).
    const ind = FY2567.byCode.get("I22")!.indicator;
    report.items = report.items.map((i) =>
      FY2567.byCode.get(i.code)!.indicator === ind && i.code.startsWith("I")
        ? { ...i, measures: "มาตรการของหน่วยงาน", results: "" }
        : i
    );
    const host = await hostWith(report);
    setup(host, "validate");
    fireEvent.click(await findControl("button", "ตรวจสอบก่อนส่ง"));
    await screen.findByText("ยังส่งไม่ได้");
    const headers = screen
      .getAllByRole("button")
      .filter((b) => /ตัวชี้วัดที่ \d+/.test(b.textContent ?? "") && b.closest("h3"));
    const state = () => headers.map((h) => [h.textContent, h.getAttribute("aria-expanded")]);
    // Indicators with errors come first; the first of them open (a first screen: indicator 1's seven
    // items), the rest folded. I1–I20 at 70 without measures: an error and a warning (no evidence)
    // each; I21–I25: measures without results or evidence, and I21–I24 all with the same text; the
    // OIT evidence is not a link.
    expect(state()).toEqual([
      ["IIT · ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่7 ข้อผิดพลาด · 7 คำเตือน", "true"],
      ["IIT · ตัวชี้วัดที่ 2 การใช้งบประมาณ4 ข้อผิดพลาด · 4 คำเตือน", "false"],
      ["IIT · ตัวชี้วัดที่ 3 การใช้อำนาจ6 ข้อผิดพลาด · 6 คำเตือน", "false"],
      ["IIT · ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ3 ข้อผิดพลาด · 3 คำเตือน", "false"],
      ["IIT · ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต14 คำเตือน", "false"],
      ["OIT · ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล1 คำเตือน", "false"],
      ["OIT · ตัวชี้วัดที่ 10 การป้องกันการทุจริต1 คำเตือน", "false"],
    ]);
    const i5 = headers[4];
    fireEvent.click(i5);
    expect(i5.getAttribute("aria-expanded")).toBe("true");

    // The filters count every issue: 20 errors; 37 warnings (the 36 above and no preparer).
    expect(screen.getByRole("radio", { name: "ทั้งหมด (57)" })).toBeTruthy();
    fireEvent.click(screen.getByRole("radio", { name: "คำเตือน (37)" }));
    const issueButtons = () =>
      screen
        .getAllByRole("button")
        .filter((b) => /ไปที่เซลล์/.test(b.textContent ?? ""))
        .map((b) => b.textContent);
    // The open indicators' warnings: 7 of indicator 1, 14 of indicator 5.
    const warnings = issueButtons();
    expect(warnings).toHaveLength(21);
    expect(warnings.filter((t) => /คำเตือนไปที่เซลล์ [A-Z]+\d+$/.test(t!))).toHaveLength(21);
    expect(warnings[0]).toBe("ข้อ I1 ต่ำกว่าเกณฑ์ แต่ยังไม่มีหลักฐาน/ภาพกิจกรรมคำเตือนไปที่เซลล์ G13");
    fireEvent.click(screen.getByRole("radio", { name: "ข้อผิดพลาด (20)" }));
    // The open indicators' errors: I1–I7 (indicator 5 has none).
    const errors = issueButtons();
    expect(errors.map((t) => /^ข้อ (I\d+) /.exec(t!)?.[1])).toEqual([
      "I1",
      "I2",
      "I3",
      "I4",
      "I5",
      "I6",
      "I7",
    ]);
    expect(errors.filter((t) => /ข้อผิดพลาดไปที่เซลล์ E\d+$/.test(t!))).toHaveLength(7);
  });

  it("makes each issue a native button (Tab and Enter reach it) that selects its cell", async () => {
    const host = await hostWith(lowReport());
    setup(host, "validate");
    fireEvent.click(await findControl("button", "ตรวจสอบก่อนส่ง"));
    await screen.findByText("ยังส่งไม่ได้");
    const issue = screen
      .getAllByRole("button")
      .find((b) => /^ข้อ I1 ได้ 70 คะแนน/.test(b.textContent ?? ""))!;
    // A native, enabled button in the tab order: the browser activates it with Enter or Space.
    expect(issue.tagName).toBe("BUTTON");
    expect(issue.tabIndex).toBe(0);
    issue.focus();
    expect(document.activeElement).toBe(issue);
    fireEvent.click(issue);
    await waitFor(() => expect(host.state.selected).toMatch(/!E\d+$/));
  });
});

describe("flags view: long lists", () => {
  it("starts with nothing ticked, inserts standard measures for all selected at once, says what next", async () => {
    // I1–I12 at 70 without measures; I22 (82.01) is under the pass mark too, with its group's measures.
    const host = await hostWith(lowReport(/^I([1-9]|1[0-2])$/));
    const settled = setup(host, "flags");
    await settled();
    const all = screen.getByRole("checkbox", { name: "เลือกทุกข้อที่ยังไม่มีมาตรการ (12)" });
    expect(screen.getByRole("radio", { name: "ยังไม่มีมาตรการ (12)" })).toBeTruthy();
    expect(screen.getByRole("radio", { name: "ทั้งหมด (13)" })).toBeTruthy();
    // No wall of ticked boxes: nothing selected, each item's measures folded.
    expect(document.querySelectorAll("input[type=checkbox]:checked")).toHaveLength(0);
    expect(screen.queryAllByRole("button", { name: /^ใส่มาตรการที่เลือก/ })).toHaveLength(0);
    // I1–I4 share one empty cell: they take measures; splitting off is for a group's written text.
    expect(screen.queryByText("เขียนมาตรการของข้อ I1 เอง")).toBeNull();
    expect(
      (screen.getByRole("button", { name: "ใส่มาตรการมาตรฐานให้ทั้ง 0 ข้อที่เลือก" }) as HTMLButtonElement)
        .disabled
    ).toBe(true);

    fireEvent.click(all);
    fireEvent.click(screen.getByRole("button", { name: "ใส่มาตรการมาตรฐานให้ทั้ง 12 ข้อที่เลือก" }));
    // The write and the sheet read again after it, however long they take.
    await settled();
    expect(screen.getByText("ใส่มาตรการมาตรฐานแล้ว 12 ข้อ (I1–I12)")).toBeTruthy();
    expect(screen.getByText(/ขั้นต่อไป: ปรับข้อความในเซลล์ให้ตรงกับงานของหน่วยงาน/)).toBeTruthy();
    expect(document.activeElement?.getAttribute("role")).toBe("status");
    expect(screen.getByRole("radio", { name: "ยังไม่มีมาตรการ (0)" })).toBeTruthy();
    // I1's group (all four chosen) holds the form's five standard measures of I1, numbered, laid
    // out for print after the write: its first cell starts them, the pages after go on "(ต่อ)".
    const ws = host.wb.getWorksheet(SHEET)!;
    const i1 = ws.getColumn(1).values.findIndex((v) => v === "I1");
    expect(String(ws.getCell(i1, columnIndex("measures")).value).slice(0, 3)).toBe("1. ");
    const read = await host.run((ctx) => locateFormSheet(ctx));
    if (read.kind !== "form") throw new Error("no form");
    const measures = read.form.items[0].measures.split("\n");
    expect(measures.map((m) => m.slice(0, 3))).toEqual(["1. ", "2. ", "3. ", "4. ", "5. "]);
    expect(measures[0]).toBe(
      "1. เผยแพร่ประชาสัมพันธ์คู่มือ/มาตรฐานการปฏิบัติงานของหน่วยงานให้ผู้ปฏิบัติงานรับทราบ โดยอาจจัดทำในรูปแบบของอินโฟกราฟิก ป้ายประชาสัมพันธ์ เป็นต้น"
    );

    // "Go to Validate" opens the view, then a timer puts the focus on its button once it is shown:
    // the timer runs on the test's clock, after the view has rendered.
    jest.useFakeTimers(ONLY_TIMEOUTS);
    try {
      fireEvent.click(screen.getByRole("button", { name: "ไปที่ตรวจสอบ" }));
      await settled();
      act(() => jest.runOnlyPendingTimers());
      expect(document.activeElement?.id).toBe("validate-button");
    } finally {
      jest.useRealTimers();
    }
  });

  it("selects an item's measures cell when its row is pressed", async () => {
    const host = await hostWith(sampleReport());
    setup(host, "flags");
    const row = await findControl("button", /^I22 · 82.01 คะแนน \(ขาดอีก 2.99\)/);
    expect(row.textContent).toMatch(/มาตรการ: ใช้ร่วมกับ I21–I24/);
    fireEvent.click(row);
    const cell = /ไปที่ช่องมาตรการ (E\d+)/.exec(row.textContent!)![1];
    await waitFor(() => expect(host.state.selected).toBe(`${SHEET}!${cell}`));
  });

  it("splits I22 off its group's measures with one click; validation then asks for its own text", async () => {
    const host = await hostWith(sampleReport(), { ExcelApi: "1.13" });
    setup(host, "flags");
    expect((await screen.findAllByText(/แยกข้อ I22 ออกจากช่องที่ใช้ร่วมกับ I21–I24/)).length).toBe(1);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "เขียนมาตรการของข้อ I22 เอง" }));
    });
    const done = await screen.findByText(/^ข้อ I22 มีช่องมาตรการของตนเองแล้ว \((E\d+)\)$/);
    const cell = /\((E\d+)\)/.exec(done.textContent!)![1];
    expect(host.state.selected).toBe(`${SHEET}!${cell}`);
    expect(screen.getByText(new RegExp(`ขั้นต่อไป: ช่อง ${cell} ถูกเลือกไว้แล้ว`))).toBeTruthy();
    const row = (await findControl("button", /^I22 · 82.01/)).closest("li")!;
    await waitFor(() => expect(row.textContent).toMatch(/มาตรการ: มี · /));
    expect(screen.queryByRole("button", { name: "เขียนมาตรการของข้อ I22 เอง" })).toBeNull();

    fireEvent.click(screen.getByRole("tab", { name: "ตรวจสอบ" }));
    fireEvent.click(await findControl("button", "ตรวจสอบก่อนส่ง"));
    // A warning (no error left): its indicator is folded until opened.
    const i5 = await findControl("button", /ตัวชี้วัดที่ 5 /);
    if (i5.getAttribute("aria-expanded") !== "true") fireEvent.click(i5);
    await screen.findByText(/ข้อ I22 ต่ำกว่าเกณฑ์ และมาตรการยังเป็นข้อความเดียวกับข้อ I21, I23, I24/);
  });
});

describe("focus", () => {
  // rescueFocus tries again over 800 ms while an action finishes: the clock is the test's, so what
  // happens at each try is checked exactly, however busy the machine is.
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function page() {
    document.body.innerHTML =
      "<main><section><h2>รายการ</h2><button>ก</button><button>ข</button></section></main>";
    const main = document.querySelector("main")!;
    const [a, b] = [...main.querySelectorAll("button")];
    return { main, a, b, heading: main.querySelector("h2")! };
  }

  it("puts focus lost with a removed control on the view's heading", () => {
    const { main, a, heading } = page();
    a.focus();
    a.remove();
    expect(document.activeElement).toBe(document.body);
    rescueFocus(main);
    // The control used is gone for good: after the last try (800 ms), the heading.
    jest.advanceTimersByTime(799);
    expect(document.activeElement).toBe(document.body);
    jest.advanceTimersByTime(1);
    expect(document.activeElement).toBe(heading);
    expect(jest.getTimerCount()).toBe(0);
  });

  it("gives it back to the control used once it is enabled again (a button disabled while busy)", () => {
    const { main, b } = page();
    b.focus();
    // The browser drops focus from a button that becomes disabled.
    b.blur();
    b.disabled = true;
    expect([null, document.body]).toContain(document.activeElement);
    rescueFocus(main);
    jest.advanceTimersByTime(100);
    expect([null, document.body]).toContain(document.activeElement);
    // Enabled again at 100 ms: the next try (150 ms) puts focus back on it, and tries no more.
    b.disabled = false;
    jest.advanceTimersByTime(50);
    expect(document.activeElement).toBe(b);
    expect(jest.getTimerCount()).toBe(0);
  });

  it("leaves alone focus the user has put elsewhere", () => {
    const { main, a, b } = page();
    a.focus();
    rescueFocus(main);
    b.focus();
    jest.runAllTimers();
    expect(document.activeElement).toBe(b);
  });
});

describe("next steps", () => {
  it("after creating the form says what to fill in; after an import, to validate", async () => {
    const host = new FakeExcelHost();
    setup(host, "create");
    fireEvent.change(await findField(/หน่วยงาน/), { target: { value: "จอมทอง" } });
    fireEvent.click(screen.getByRole("button", { name: "สร้างแบบรายงาน" }));
    await screen.findByText(/^สร้างชีตแล้ว/);
    expect(screen.getByText(/^กรอกคะแนนของแต่ละข้อในคอลัมน์คะแนน/)).toBeTruthy();

    fireEvent.change(await findField(/^วางรายการคะแนน/), { target: { value: "I22 82.01" } });
    fireEvent.click(screen.getByRole("button", { name: "ดูสิ่งที่จะเปลี่ยน" }));
    await findControl("button", "นำคะแนนเข้า");
    await waitFor(() =>
      expect(
        (screen.getByRole("button", { name: "นำคะแนนเข้า" }) as HTMLButtonElement).disabled
      ).toBe(false)
    );
    fireEvent.click(screen.getByRole("button", { name: "นำคะแนนเข้า" }));
    await screen.findByText(/ขั้นต่อไป: ตรวจสอบแบบรายงาน/);
    fireEvent.click(screen.getByRole("button", { name: "ไปที่ตรวจสอบ" }));
    await waitFor(() => expect(document.activeElement?.id).toBe("validate-button"));
  });
});
