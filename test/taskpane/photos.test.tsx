import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { DEFAULT_FORM, renderForm } from "../../src/domain";
import { memoryMarkStore, scaffoldSheet } from "../../src/excel";
import { App } from "../../src/taskpane/App";
import { excelGateway } from "../../src/taskpane/excelGateway";
import { hostInfo } from "../../src/taskpane/office";
import { FakeExcelHost } from "../host/fakeExcel";
import { sampleMeta, sampleReport } from "../helpers";

/** A PNG header with a size (what the pane and the host look at). */
function pngFile(name: string): File {
  const b = new Uint8Array(45);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
  b.set([0, 0, 3, 32, 0, 0, 2, 88], 16); // 800 x 600
  return new File([b], name, { type: "image/png" });
}

describe("flags view: activity photos", () => {
  it("inserts a chosen picture into a flagged item's evidence cell and then counts it as evidence", async () => {
    const report = sampleReport();
    report.items = report.items.map((i) => (/^I2[1-4]$/.test(i.code) ? { ...i, evidence: "" } : i));
    const host = new FakeExcelHost();
    await host.run((ctx) => scaffoldSheet(ctx, renderForm(DEFAULT_FORM, sampleMeta(), report)));
    const info = hostInfo(host.office());
    const gateway = excelGateway(host.run, memoryMarkStore(), { mergedAreas: info.mergedAreas });
    render(<App host={info} gateway={gateway} now={new Date(2024, 4, 1)} initialView="flags" />);

    const rowOf = async () =>
      (await screen.findByRole("button", { name: /^I22 · 82\.01 คะแนน/ })).closest("li")!;
    const row = await rowOf();
    expect(row.textContent).toMatch(/หลักฐาน: ไม่มี/);
    expect(within(row).getByRole("button", { name: "ใส่ภาพ (I22)" })).toBeTruthy();
    const input = screen.getByLabelText("ใส่ภาพ: เลือกไฟล์ภาพ (I22)", { selector: "input" });
    fireEvent.change(input, { target: { files: [pngFile("กิจกรรม.png")] } });
    await screen.findByText(/^I22: ใส่ภาพในช่องภาพกิจกรรมแล้ว/);
    expect(host.wb.getWorksheet("ITA 2567 รอบ 6")!.getImages()).toHaveLength(1);
    await waitFor(async () => expect((await rowOf()).textContent).toMatch(/หลักฐาน: มี(?!ไม่)/));
  });
});
