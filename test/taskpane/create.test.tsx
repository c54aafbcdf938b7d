import { fireEvent, render, screen } from "@testing-library/react";
import { DEFAULT_FORM, metaCell, renderForm } from "../../src/domain";
import { memoryMarkStore, scaffoldSheet } from "../../src/excel";
import { App } from "../../src/taskpane/App";
import { excelGateway } from "../../src/taskpane/excelGateway";
import { hostInfo } from "../../src/taskpane/office";
import { FakeExcelHost } from "../host/fakeExcel";
import { blankMeta } from "../helpers";
import { findControl, findField } from "./query";

const NOW = new Date(2024, 4, 1); // fiscal year 2567, 6-month round

function setup(lang: "th" | "en" = "th", now = NOW) {
  const host = new FakeExcelHost();
  const gateway = excelGateway(host.run, memoryMarkStore(), { mergedAreas: false });
  render(<App host={hostInfo(host.office())} gateway={gateway} now={now} initialLang={lang} />);
  return host;
}

describe("create view: the unit", () => {
  it("suggests the district for a misspelt name and uses it when chosen", async () => {
    const host = setup();
    const unit = (await findField(/หน่วยงาน/)) as HTMLInputElement;
    fireEvent.change(unit, { target: { value: "บางลัก" } });
    expect(screen.getByText("ไม่พบเขตชื่อนี้")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "ใช้ สำนักงานเขตบางรัก" }));
    expect(unit.value).toBe("สำนักงานเขตบางรัก");
    expect(screen.queryByText("ไม่พบเขตชื่อนี้")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "สร้างแบบรายงาน" }));
    const created = await screen.findByText(/^สร้างชีตแล้ว: /);
    const sheet = created.textContent!.replace(/^สร้างชีตแล้ว: /, "");
    expect(host.wb.getWorksheet(sheet)!.getCell(metaCell("unit").address).value).toBe(
      "สำนักงานเขตบางรัก"
    );
  });

  it("names the suggested district in English in English mode", async () => {
    setup("en");
    await findControl("button", "Create the sheet");
    const unit = screen.getByRole("combobox", { name: /^Unit/ }) as HTMLInputElement;
    fireEvent.change(unit, { target: { value: "Bang Rack" } });
    expect(screen.getByText("No district by this name")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Use Bang Rak" }));
    expect(unit.value).toBe("Bang Rak");
    expect(screen.queryByText("No district by this name")).toBeNull();
  });

  it("keeps another kind of unit as typed, without a suggestion", async () => {
    setup();
    fireEvent.change(await findField(/หน่วยงาน/), { target: { value: "กองการเจ้าหน้าที่" } });
    expect(screen.queryByText("ไม่พบเขตชื่อนี้")).toBeNull();
  });
});

describe("create view: the report due", () => {
  it("defaults in November to the 12-month report of the fiscal year just ended, and can be changed", async () => {
    const host = setup("th", new Date(2026, 10, 23));
    fireEvent.change(await findField(/หน่วยงาน/), { target: { value: "บางรัก" } });
    expect((screen.getByRole("spinbutton", { name: /ปีงบประมาณ/ }) as HTMLInputElement).value).toBe(
      "2569"
    );
    expect((screen.getByRole("radio", { name: "12 เดือน" }) as HTMLInputElement).checked).toBe(true);
    expect(
      screen.getByText("ถึงกำหนดส่งตอนนี้: ปีงบประมาณ 2569 รอบ 12 เดือน (ตุลาคม 2568 - กันยายน 2569)")
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("radio", { name: "6 เดือน" }));
    fireEvent.change(screen.getByRole("spinbutton", { name: /ปีงบประมาณ/ }), {
      target: { value: "2570" },
    });
    fireEvent.click(screen.getByRole("button", { name: "สร้างแบบรายงาน" }));
    await screen.findByText("สร้างชีตแล้ว: ITA 2570 รอบ 6");
    expect(host.wb.getWorksheet("ITA 2570 รอบ 6")).toBeTruthy();
  });

  it("defaults in May to the 6-month report of the current fiscal year (English)", async () => {
    setup("en", new Date(2027, 4, 2));
    await findControl("button", "Create the sheet");
    expect((screen.getByRole("radio", { name: "6 months" }) as HTMLInputElement).checked).toBe(
      true
    );
    expect(
      screen.getByText(/^Due now: fiscal year 2570 6-month round \(October 2026 – March 2027\)$/)
    ).toBeTruthy();
  });
});

describe("create view: importing scores", () => {
  it("says why applying waits for a preview, reads a table copy into the only form while another sheet is active", async () => {
    const host = new FakeExcelHost();
    await host.run((ctx) => scaffoldSheet(ctx, renderForm(DEFAULT_FORM, blankMeta())));
    host.wb.addWorksheet("ITA คะแนน");
    host.state.active = "ITA คะแนน";
    const gateway = excelGateway(host.run, memoryMarkStore(), { mergedAreas: false });
    render(<App host={hostInfo(host.office())} gateway={gateway} now={NOW} initialLang="en" />);
    fireEvent.change(await findField(/^Paste/), {
      target: {
        value: "code\tquestion\tscore\nI22\tผู้บังคับบัญชา 2 ข้อ\t82.01\nE1 คะแนน 88.40\nI1 96.31%\nI5 ?",
      },
    });
    expect(screen.getByText('Press "Preview changes" first, then apply the scores')).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Preview changes" }));
    await screen.findByText(/Sheet checked: "ITA 2567 รอบ 6"/);
    fireEvent.click(screen.getByRole("button", { name: "Apply the scores" }));
    await screen.findByText("Scores imported: 3 (ITA 2567 รอบ 6)");
    expect(screen.getByText(/Line 5/)).toBeTruthy();
    expect(screen.queryByText(/Press "Preview changes" first/)).toBeNull();
  });
});

describe("create view: switching tabs", () => {
  it("keeps the fields when the user goes to another tab and back", async () => {
    setup("th", new Date(2026, 10, 23));
    fireEvent.change(await findField(/หน่วยงาน/), { target: { value: "บางรัก" } });
    fireEvent.click(screen.getByRole("radio", { name: "6 เดือน" }));
    fireEvent.change(screen.getByLabelText("ผู้จัดทำรายงาน"), { target: { value: "สมชาย" } });
    fireEvent.click(screen.getByRole("tab", { name: "ตรวจสอบ" }));
    await findControl("button", "ตรวจสอบก่อนส่ง");
    expect(screen.queryByRole("button", { name: "สร้างแบบรายงาน" })).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: "สร้างแบบ" }));
    expect(((await findField(/หน่วยงาน/)) as HTMLInputElement).value).toBe("บางรัก");
    expect((screen.getByRole("radio", { name: "6 เดือน" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("ผู้จัดทำรายงาน") as HTMLInputElement).value).toBe("สมชาย");
  });
});
