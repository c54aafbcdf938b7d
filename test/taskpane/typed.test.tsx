/**
 * The district's path as it is taken: the blank form opened in Excel and typed into, the pane
 * checking it. The user's typing goes through the strict host as Excel takes it (test/host/typing.ts)
 * and raises worksheet.onChanged (test/host/events.ts).
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { renderForm, resolveUnit, type FormMeta } from "../../src/domain";
import { memoryMarkStore, scaffoldSheet } from "../../src/excel";
import { App } from "../../src/taskpane/App";
import type { OfficeFilesLike } from "../../src/taskpane/documentFile";
import { excelGateway } from "../../src/taskpane/excelGateway";
import { hostInfo } from "../../src/taskpane/office";
import { GROW_AFTER_MS } from "../../src/taskpane/shell";
import { nodeInflate, readFormsFromBytes } from "../../src/xlsx";
import { CURRENT, FakeExcelHost } from "../host/fakeExcel";
import { FY2567 } from "../forms";
import { blankMeta, cleanReport } from "../helpers";
import { held } from "../excel/held";
import { findControl, ONLY_TIMEOUTS, trackCalls } from "./query";
import sampleJson from "../../samples/chom-thong-2567-r6.json";

const NOW = new Date(2024, 4, 1);
const SHEET = "ITA 2567 รอบ 6";

async function hostWith(meta: FormMeta = blankMeta()) {
  const host = new FakeExcelHost(undefined, { apiSets: CURRENT });
  await host.run((ctx) => scaffoldSheet(ctx, renderForm(FY2567, meta)));
  return host;
}

function setup(host: FakeExcelHost, view: "create" | "validate" = "validate") {
  const info = hostInfo(host.office());
  const { gateway, settled } = trackCalls(
    excelGateway(host.run, memoryMarkStore(), {
      mergedAreas: info.mergedAreas,
      office: host.office() as unknown as OfficeFilesLike,
    })
  );
  render(<App host={info} gateway={gateway} now={NOW} initialView={view} initialLang="th" />);
  return settled;
}

/** Every score of Chom Thong typed into the blank form, one cell after the other. */
function typeScores(host: FakeExcelHost, skip: string[] = []) {
  const rows: Record<string, number> = {};
  host.wb.getWorksheet(SHEET)!.eachRow((r, n) => {
    const v = r.getCell(1).value;
    if (typeof v === "string") rows[v.replace(" – ", "-")] = n;
  });
  for (const it of sampleJson.items)
    if (!skip.includes(it.code)) host.type(SHEET, `B${rows[it.code]}`, String(it.score));
}

describe("the form typed in Excel, checked in the pane", () => {
  it("marks the list stale when the sheet is typed in after a check; one click checks again", async () => {
    const host = await hostWith();
    const settled = setup(host);
    fireEvent.click(await findControl("button", "ตรวจสอบก่อนส่ง"));
    await settled();
    await screen.findByText("42 ข้อยังไม่มีคะแนน");
    expect(screen.queryByText("ข้อมูลเปลี่ยนแล้ว — ตรวจอีกครั้ง")).toBeNull();
    await act(async () => {
      host.type(SHEET, "B13", "96.31");
      await host.eventsHandled();
    });
    expect(screen.getByText("ข้อมูลเปลี่ยนแล้ว — ตรวจอีกครั้ง")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "ตรวจอีกครั้ง" }));
    await settled();
    await screen.findByText("41 ข้อยังไม่มีคะแนน");
    expect(screen.queryByText("ข้อมูลเปลี่ยนแล้ว — ตรวจอีกครั้ง")).toBeNull();
  });

  it("reads 85% typed in a score cell as 85, says so, and converts it with one click", async () => {
    const host = await hostWith({ ...blankMeta(), preparer: "นางสาวทดสอบ" });
    typeScores(host, ["I1"]);
    host.type(SHEET, "B13", "85%");
    const settled = setup(host);
    fireEvent.click(await findControl("button", "ตรวจสอบก่อนส่ง"));
    await settled();
    // I1 is not under the pass mark (read as 85, not 0.85): its indicator has a warning only, folded.
    expect(screen.queryByText(/I1 ได้ 0\.85/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: /^IIT · ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่/ }));
    expect(
      await screen.findByText(
        "ข้อ I1: คะแนนเก็บเป็นร้อยละ (85%) จึงอ่านเป็น 85 คะแนน แต่แบบรายงานที่พิมพ์จะแสดงเป็น 0.85 คะแนน: พิมพ์ใหม่เป็นตัวเลข 85 (ไม่มีเครื่องหมาย %) หรือกดปุ่มแปลงในบานหน้าต่าง"
      )
    ).toBeTruthy();
    fireEvent.click(
      screen.getByRole("button", { name: "แปลงคะแนน 1 ช่องที่เก็บเป็นข้อความหรือร้อยละให้เป็นตัวเลข" })
    );
    await settled();
    expect(held(host.wb.getWorksheet(SHEET)!, "B13")).toEqual([85, "0.00"]);
    expect(screen.queryByText(/คะแนนเก็บเป็นร้อยละ/)).toBeNull();
  });

  it("warns of text that will print cut off, and fits the sheet for printing with one click", async () => {
    const host = await hostWith();
    host.type(SHEET, "E13", sampleJson.items[0].measures);
    const settled = setup(host);
    fireEvent.click(await findControl("button", "ตรวจสอบก่อนส่ง"));
    await settled();
    const bar = (await screen.findByText("ข้อความ 1 ช่องจะถูกตัดเมื่อพิมพ์")).closest(
      ".fui-MessageBar"
    ) as HTMLElement;
    const syncs = host.state.totalSyncs;
    fireEvent.click(within(bar).getByRole("button", { name: "จัดหน้าพิมพ์ตอนนี้" }));
    await settled();
    expect(screen.getByText("จัดหน้าพิมพ์แล้ว: 38 หน้า ข้อความที่เคยถูกตัด 1 ช่องพิมพ์ได้ครบ")).toBeTruthy();
    // Find the form (1) and how it prints (1), fit (2 reads, 2 writes), check again (2) and mark
    // the cells (1).
    expect(host.state.totalSyncs - syncs).toBe(9);
    expect(screen.queryByText("ข้อความ 1 ช่องจะถูกตัดเมื่อพิมพ์")).toBeNull();
    // Fitting changed the layout, not the report: the list is not marked stale by it.
    expect(screen.queryByText("ข้อมูลเปลี่ยนแล้ว — ตรวจอีกครั้ง")).toBeNull();
  });

  it("grows the rows typed in a moment after the typing stops, and offers to fit the pages", async () => {
    const host = await hostWith();
    const settled = setup(host);
    fireEvent.click(await findControl("button", "ตรวจสอบก่อนส่ง"));
    await settled();
    const ws = host.wb.getWorksheet(SHEET)!;
    expect(ws.getRow(19).height).toBe(237.44);
    jest.useFakeTimers(ONLY_TIMEOUTS);
    try {
      await act(async () => {
        host.type(SHEET, "D19", "ข้อความยาว ".repeat(60).trim());
        await host.eventsHandled();
      });
      // Nothing while the user may still be typing.
      await act(async () => void jest.advanceTimersByTime(GROW_AFTER_MS - 1));
      expect(ws.getRow(19).height).toBe(237.44);
      await act(async () => void jest.advanceTimersByTime(1));
    } finally {
      jest.useRealTimers();
    }
    await settled();
    expect(ws.getRow(19).height).toBe(394.4);
    expect(host.state.selected).toBeNull();
    expect(screen.getByText("ข้อความที่พิมพ์เพิ่มยาวเกินหน้า")).toBeTruthy();
  });

  it("fits the sheet before it says ready, and offers the copy to send, named by the convention", async () => {
    const meta: FormMeta = {
      unit: resolveUnit("1035"),
      fiscalYear: 2567,
      round: 12,
      passMark: 85,
      preparer: "นางสาวทดสอบ ระบบดี",
    };
    const report = cleanReport(12);
    const host = new FakeExcelHost(undefined, { apiSets: CURRENT });
    await host.run((ctx) => scaffoldSheet(ctx, renderForm(FY2567, meta, report)));
    // A results cell (F19, in the merged area F16 starts, its rows' heights set) typed much longer.
    host.type("ITA 2567 รอบ 12", "F19", "ผลการดำเนินการที่พิมพ์เพิ่มในภายหลัง ".repeat(40).trim());
    // As saved now, that text prints cut off.
    const [typed] = readFormsFromBytes("typed.xlsx", new Uint8Array(await host.xlsx()), {
      inflate: nodeInflate,
    });
    expect(typed.cutOffs!.map((c) => c.anchor)).toEqual(["F16"]);
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (b: Blob) => (blobs.push(b), `blob:copy-${blobs.length}`),
      revokeObjectURL: () => undefined,
    });
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      this.dispatchEvent(new Event("click", { bubbles: true, cancelable: true }));
    });
    try {
      const settled = setup(host);
      fireEvent.click(await findControl("button", "ตรวจสอบก่อนส่ง"));
      await settled();
      expect(screen.getByText("พร้อมส่ง")).toBeTruthy();
      expect(screen.queryByText(/จะถูกตัดเมื่อพิมพ์/)).toBeNull();
      expect(
        screen.getByText("บันทึกสมุดงานนี้เป็นไฟล์ชื่อ ITA-2567-12-1035-จอมทอง.xlsx แล้วส่งไฟล์นั้นให้ส่วนกลาง")
      ).toBeTruthy();
      fireEvent.click(screen.getByRole("button", { name: "บันทึกสำเนา (.xlsx)" }));
      await settled();
      await screen.findByText("ดาวน์โหลด ITA-2567-12-1035-จอมทอง.xlsx เริ่มแล้ว ดูในโฟลเดอร์ดาวน์โหลด");
      // The copy is the workbook's own bytes (a zip), as Excel gave them.
      const bytes = new Uint8Array(await blobs[0].arrayBuffer());
      expect([blobs[0].type, bytes[0], bytes[1]]).toEqual([
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        0x50,
        0x4b,
      ]);
      fireEvent.click(screen.getByRole("button", { name: "บันทึกเป็น PDF" }));
      await settled();
      await screen.findByText("ดาวน์โหลด ITA-2567-12-1035-จอมทอง.pdf เริ่มแล้ว ดูในโฟลเดอร์ดาวน์โหลด");
      expect(blobs[1].type).toBe("application/pdf");
    } finally {
      click.mockRestore();
    }
  });
});
