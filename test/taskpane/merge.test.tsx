import { fireEvent, render, screen, within } from "@testing-library/react";
import { promises as fs } from "fs";
import { SUMMARY_SHEETS } from "../../src/domain";
import { memoryMarkStore } from "../../src/excel";
import { App } from "../../src/taskpane/App";
import { excelGateway } from "../../src/taskpane/excelGateway";
import { hostInfo } from "../../src/taskpane/office";
import { FakeExcelHost } from "../host/fakeExcel";
import { tmpDir } from "../helpers";
import { districtReport, writeDistrict } from "../merge/districts";

async function fileOf(path: string, name: string): Promise<File> {
  return new File([new Uint8Array(await fs.readFile(path))], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

describe("merge view", () => {
  it("merges chosen files into summary sheets and shows each file's status", async () => {
    const dir = await tmpDir();
    const files = [
      await fileOf(
        await writeDistrict(dir, "a.xlsx", districtReport("1035")),
        "1035-chom-thong.xlsx"
      ),
      await fileOf(await writeDistrict(dir, "b.xlsx", districtReport("1002")), "1002-dusit.xlsx"),
      new File(["not a workbook"], "notes.xlsx"),
    ];
    const host = new FakeExcelHost();
    const info = hostInfo(host.office());
    render(
      <App
        host={info}
        gateway={excelGateway(host.run, memoryMarkStore(), { mergedAreas: info.mergedAreas })}
        initialView="merge"
      />
    );
    const input = (await screen.findByLabelText(/เลือกไฟล์ .xlsx/)) as HTMLInputElement;
    fireEvent.change(input, { target: { files } });
    expect(screen.getByText("3 ไฟล์ที่เลือก")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "รวมรายงาน" }));
    await screen.findByText("เขียนสรุปลงในสมุดงานนี้แล้ว: 2 / 3");
    const status = screen.getByRole("region", { name: "สถานะรายไฟล์" });
    const items = within(status)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    // Chom Thong's real report: I22 is under the pass mark and shares the measures of I21–I24, so
    // it is accepted with warnings only.
    expect(items[0]).toMatch(/^มีคำเตือน 1035-chom-thong.xlsx — สำนักงานเขตจอมทอง: \d+ คำเตือน/);
    expect(items[2]).toMatch(/^ไม่รับ notes.xlsx — ไฟล์ notes.xlsx ไม่ใช่ไฟล์ Excel/);
    expect(screen.getByText(/หน่วยงานที่ยังไม่ส่ง \(48\)/)).toBeTruthy();
    expect(host.wb.worksheets.map((w) => w.name)).toEqual([
      "Sheet1",
      ...Object.values(SUMMARY_SHEETS),
    ]);
  });
});
