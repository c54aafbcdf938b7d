import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { DEFAULT_FORM, renderForm } from "../../src/domain";
import { memoryMarkStore, scaffoldSheet } from "../../src/excel";
import { App } from "../../src/taskpane/App";
import { excelGateway } from "../../src/taskpane/excelGateway";
import { hostInfo } from "../../src/taskpane/office";
import { FakeExcelHost } from "../host/fakeExcel";
import { blankMeta, sampleMeta, sampleReport } from "../helpers";
import { findControl, findTable } from "./query";

const NOW = new Date(2024, 4, 1);

/** The sample form, a second form when asked, and a summary-like sheet left active (as after a merge). */
async function workbook(forms: 1 | 2) {
  const host = new FakeExcelHost();
  await host.run((ctx) =>
    scaffoldSheet(ctx, renderForm(DEFAULT_FORM, sampleMeta(), sampleReport()))
  );
  if (forms === 2)
    await host.run((ctx) =>
      scaffoldSheet(ctx, renderForm(DEFAULT_FORM, { ...blankMeta(), round: 12 }, sampleReport()))
    );
  host.wb.addWorksheet("ITA คะแนน").getCell("A1").value = "หน่วยงาน";
  host.state.active = "ITA คะแนน";
  return host;
}

function setup(host: FakeExcelHost, view: "validate" | "flags", lang: "th" | "en" = "th") {
  const gateway = excelGateway(host.run, memoryMarkStore(), { mergedAreas: false });
  render(
    <App
      host={hostInfo(host.office())}
      gateway={gateway}
      now={NOW}
      initialView={view}
      initialLang={lang}
    />
  );
}

describe("validate and flags find the form wherever the user is", () => {
  it("validates the only form sheet when another sheet is active, and names it", async () => {
    setup(await workbook(1), "validate");
    fireEvent.click(await findControl("button", "ตรวจสอบก่อนส่ง"));
    await screen.findByText(/ชีตที่ตรวจ: "ITA 2567 รอบ 6"/);
    expect(screen.getByText(/ชีตที่เปิดอยู่ไม่ใช่แบบรายงาน จึงตรวจแบบรายงานชีตเดียว/)).toBeTruthy();
    // The form sheet was checked, not the active summary-like sheet: Chom Thong's report is ready to
    // submit, with 5 warnings (no preparer; I22 under the pass mark sharing its group's measures and
    // without evidence; the evidence of O1–O22 and of O23–O30 is not a link).
    const ready = screen.getByText("พร้อมส่ง").closest(".fui-MessageBar")!;
    expect(ready.textContent).toMatch(/^พร้อมส่งไม่พบข้อผิดพลาด · 5 คำเตือนขั้นต่อไป: /);
    expect(screen.queryByText(/ยังส่งไม่ได้/)).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("offers the form sheets to choose from when there are several, then checks the one chosen (English)", async () => {
    const host = await workbook(2);
    setup(host, "validate", "en");
    fireEvent.click(await findControl("button", "Validate before submission"));
    const select = (await screen.findByLabelText("Report sheet")) as HTMLSelectElement;
    const options = [...select.options].map((o) => o.value).filter(Boolean);
    expect(options).toEqual(["ITA 2567 รอบ 6", "ITA 2567 รอบ 12"]);
    expect(screen.queryByText(/Sheet checked/)).toBeNull();
    fireEvent.change(select, { target: { value: "ITA 2567 รอบ 12" } });
    await screen.findByText(/Sheet checked: "ITA 2567 รอบ 12"/);
    // Pressing again keeps the choice while the active sheet is still not a form.
    const again = screen.getByRole("button", { name: "Validate before submission" });
    fireEvent.click(again);
    expect((again as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() => expect((again as HTMLButtonElement).disabled).toBe(false));
    expect(screen.getByText(/Sheet checked: "ITA 2567 รอบ 12"/)).toBeTruthy();
    expect((screen.getByLabelText("Report sheet") as HTMLSelectElement).value).toBe(
      "ITA 2567 รอบ 12"
    );
  });

  it("shows the flags of the only form when another sheet is active", async () => {
    setup(await workbook(1), "flags");
    await findTable("ค่าเฉลี่ยรายตัวชี้วัด");
    expect(screen.getByText(/ชีตที่ตรวจ: "ITA 2567 รอบ 6"/)).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
