/**
 * The district path as a new user meets it: the create view's rough edges, the photo button, the
 * wording of counts and of the first empty score.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { metaFromReport, renderForm } from "../../src/domain";
import { memoryMarkStore, scaffoldSheet } from "../../src/excel";
import { App } from "../../src/taskpane/App";
import { excelGateway } from "../../src/taskpane/excelGateway";
import { hostInfo } from "../../src/taskpane/office";
import { CURRENT, FakeExcelHost } from "../host/fakeExcel";
import { FY2567 } from "../forms";
import { blankMeta, cleanReport, sampleReport } from "../helpers";
import { findControl, findField, trackCalls } from "./query";

const NOW = new Date(2024, 4, 1);

function setup(
  host = new FakeExcelHost(),
  view: "create" | "validate" | "flags" = "create",
  lang: "th" | "en" = "th"
) {
  const info = hostInfo(host.office());
  const { gateway, settled } = trackCalls(
    excelGateway(host.run, memoryMarkStore(), { mergedAreas: info.mergedAreas })
  );
  render(<App host={info} gateway={gateway} now={NOW} initialView={view} initialLang={lang} />);
  return { host, settled };
}

describe("the create view, as a new user meets it", () => {
  it("refuses to create a form without a unit, at the unit field", async () => {
    const { host, settled } = setup();
    const unit = (await findField(/หน่วยงาน/)) as HTMLInputElement;
    // The placeholder asks; it does not look like a value already filled in.
    expect(unit.placeholder).toBe("พิมพ์ชื่อหรือรหัสเขตเพื่อค้นหา");
    fireEvent.click(screen.getByRole("button", { name: "สร้างแบบรายงาน" }));
    await settled();
    expect(screen.getByText("ระบุหน่วยงานก่อนสร้างแบบรายงาน (ชื่อเขตหรือรหัส เช่น 1035)")).toBeTruthy();
    expect(document.activeElement).toBe(unit);
    expect(host.wb.worksheets.map((w) => w.name)).toEqual(["Sheet1"]);
    fireEvent.change(unit, { target: { value: "1035" } });
    expect(screen.queryByText(/ระบุหน่วยงานก่อนสร้างแบบรายงาน/)).toBeNull();
  });

  it("keeps the unit list's arrow out of the tab order, named in the pane's language", async () => {
    setup();
    await findField(/หน่วยงาน/);
    const arrow = document.querySelector(".fui-Combobox__expandIcon") as HTMLElement;
    expect([arrow.getAttribute("aria-label"), arrow.tabIndex]).toEqual(["เปิดรายชื่อเขต", -1]);
  });

  it("puts the focus back on Create when the 'sheet exists' question is dismissed with Escape", async () => {
    const { settled } = setup();
    fireEvent.change(await findField(/หน่วยงาน/), { target: { value: "จอมทอง" } });
    const create = screen.getByRole("button", { name: "สร้างแบบรายงาน" });
    fireEvent.click(create);
    await screen.findByText("สร้างชีตแล้ว: ITA 2567 รอบ 6");
    fireEvent.click(create);
    await settled();
    // jsdom has no layout, so Fluent's modalizer may leave aria-hidden on the surface: query it as hidden.
    const dialog = await screen.findByRole("dialog", { hidden: true });
    fireEvent.keyDown(dialog, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(create));
  });
});

describe("the words a new user reads", () => {
  it("labels the photo button with a word, and names its item for screen readers", async () => {
    const host = new FakeExcelHost();
    const report = sampleReport();
    await host.run((ctx) => scaffoldSheet(ctx, renderForm(FY2567, metaFromReport(report), report)));
    const { settled } = setup(host, "flags");
    await settled();
    const photo = await screen.findByRole("button", { name: "ใส่ภาพ (I22)" });
    expect(photo.textContent).toBe("ใส่ภาพ");
  });

  it("counts one error as '1 error' in English", async () => {
    const host = new FakeExcelHost(undefined, { apiSets: CURRENT });
    const r = cleanReport(6);
    r.items = r.items.map((i) => (i.code === "I9" ? { ...i, score: 70, measures: "" } : i));
    await host.run((ctx) => scaffoldSheet(ctx, renderForm(FY2567, metaFromReport(r), r)));
    const { settled } = setup(host, "validate", "en");
    fireEvent.click(await findControl("button", "Validate before submission"));
    await settled();
    const summary = screen.getByText("Not ready to submit").closest(".fui-MessageBar")!;
    expect(within(summary as HTMLElement).getByText(/^1 error · /)).toBeTruthy();
    expect(screen.queryByText(/1 errors/)).toBeNull();
  });

  it("says which cell 'go to the first' goes to: the first empty score", async () => {
    const host = new FakeExcelHost();
    await host.run((ctx) => scaffoldSheet(ctx, renderForm(FY2567, blankMeta())));
    const { settled } = setup(host, "validate", "en");
    fireEvent.click(await findControl("button", "Validate before submission"));
    await settled();
    fireEvent.click(screen.getByRole("button", { name: "Go to the first empty score cell (B13)" }));
    await settled();
    expect(host.state.selected).toBe("ITA 2567 รอบ 6!B13");
  });
});
