/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";

describe("task pane shell", () => {
  it("renders the Thai title by default and switches to English", () => {
    render(<App host={{ supported: true, dark: false }} />);
    expect(screen.getByRole("heading", { name: "รายงาน ITA สำนักงานเขต" })).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "EN" }));
    expect(screen.getByRole("heading", { name: "ITA District Report" })).toBeTruthy();
  });

  it("explains an unsupported Excel instead of failing", () => {
    render(<App host={{ supported: false, dark: true }} />);
    expect(screen.getByText("Excel เวอร์ชันนี้ยังไม่รองรับ")).toBeTruthy();
  });
});
