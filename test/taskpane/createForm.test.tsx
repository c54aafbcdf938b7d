import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { promises as fs } from "fs";
import path from "path";
import { formBookModel, formMarker, loadFormDef, metaCell } from "../../src/domain";
import type { FormDefJson } from "../../src/domain/catalog/schema";
import { memoryMarkStore } from "../../src/excel";
import { App } from "../../src/taskpane/App";
import { excelGateway } from "../../src/taskpane/excelGateway";
import { hostInfo } from "../../src/taskpane/office";
import { writeFormBookFile } from "../../src/xlsx/write/formBook";
import { FakeExcelHost } from "../host/fakeExcel";
import { FY2567 } from "../forms";
import { tmpDir } from "../helpers";
import { findControl, findField } from "./query";

function setup(now: Date) {
  const host = new FakeExcelHost();
  const gateway = excelGateway(host.run, memoryMarkStore(), { mergedAreas: false });
  render(<App host={hostInfo(host.office())} gateway={gateway} now={now} initialLang="th" />);
  return host;
}

/** The FY2567 form as the central office would issue it for 2569 (pass mark 80, a new item). */
function edited(): FormDefJson {
  const f = JSON.parse(JSON.stringify(FY2567.definition)) as FormDefJson;
  f.version = "2569.1";
  f.fiscalYear = 2569;
  f.passMark = 80;
  f.tools[1].indicators[2].items.push({ code: "E16", text: "คำถามใหม่", issue: "ประเด็นใหม่" });
  return f;
}

async function bookFile(form: FormDefJson, name: string): Promise<File> {
  const out = path.join(await tmpDir(), name);
  await writeFormBookFile(out, formBookModel(form).sheets!);
  return new File([new Uint8Array(await fs.readFile(out))], name);
}

/**
 * The form file's picker: a button in the pane's language, labelled by its field, that opens the
 * browser's own (hidden) file input.
 */
async function formFileInput(): Promise<HTMLInputElement> {
  const button = await findField(/ใช้ไฟล์แบบฟอร์ม/);
  expect([button.tagName, button.textContent]).toEqual(["BUTTON", "เลือกไฟล์…"]);
  expect(screen.getByText("ยังไม่ได้เลือกไฟล์")).toBeTruthy();
  return document.querySelector('input[type="file"]') as HTMLInputElement;
}

describe("create view: the form", () => {
  it("lists the bundled forms and says which form a year without its own uses", async () => {
    setup(new Date(2026, 10, 23));
    const select = (await findField(/^แบบฟอร์ม$/)) as HTMLSelectElement;
    const options = [...select.options].map((o) => o.textContent);
    expect(options).toContain("bkk-district-ita 2567.1 · ปี 2567– · 42 ข้อ");
    fireEvent.change(screen.getByRole("spinbutton", { name: /ปีงบประมาณ/ }), {
      target: { value: "2570" },
    });
    // Said once, under the form's field, with what it means: no warning bar.
    const hint = await screen.findByText(
      /^ใช้แบบฟอร์มปี 2567 \(2567\.1\) เพราะยังไม่มีแบบฟอร์มของปี 2570 \(ข้อคำถามชุดเดียวกับปีนั้น/
    );
    expect(hint.closest(".fui-MessageBar")).toBeNull();
    expect(screen.queryAllByRole("group").filter((g) => g.closest(".fui-MessageBar"))).toEqual([]);
  });

  it("takes an edited form workbook (.xlsx) and creates the sheet with it", async () => {
    const host = setup(new Date(2026, 10, 23));
    const input = await formFileInput();
    fireEvent.change(input, { target: { files: [await bookFile(edited(), "form-2569.xlsx")] } });
    await screen.findByText("ใช้ไฟล์: form-2569.xlsx");
    const select = screen.getByRole("combobox", { name: /^แบบฟอร์ม$/ }) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe("bkk-district-ita 2569.1"));
    expect((screen.getByRole("spinbutton", { name: /เกณฑ์ผ่าน/ }) as HTMLInputElement).value).toBe(
      "80"
    );
    fireEvent.change(await findField(/หน่วยงาน/), { target: { value: "บางรัก" } });
    fireEvent.click(await findControl("button", "สร้างแบบรายงาน"));
    const created = await screen.findByText(/^สร้างชีตแล้ว: /);
    const sheet = host.wb.getWorksheet(created.textContent!.replace(/^สร้างชีตแล้ว: /, ""))!;
    expect(sheet.getCell(metaCell("form").address).value).toBe(formMarker(loadFormDef(edited())));
  });

  it("refuses a form file with problems, naming the sheet and cell", async () => {
    setup(new Date(2026, 10, 23));
    const bad = edited();
    bad.tools[0].indicators[0].items[1].code = "I1"; // a duplicate
    const input = await formFileInput();
    fireEvent.change(input, { target: { files: [await bookFile(bad, "bad.xlsx")] } });
    expect(
      await screen.findByText(/^bad\.xlsx ชีต "ข้อคำถาม Items" เซลล์ E3: รหัสข้อ I1 ซ้ำกับเซลล์ E2/)
    ).toBeTruthy();
    fireEvent.change(input, { target: { files: [new File(["{ nope"], "f.json")] } });
    expect(await screen.findByText(/ไฟล์แบบฟอร์ม f\.json ไม่ใช่ JSON ที่ถูกต้อง/)).toBeTruthy();
    expect((screen.getByRole("combobox", { name: /^แบบฟอร์ม$/ }) as HTMLSelectElement).value).toBe(
      "auto"
    );
  });
});
