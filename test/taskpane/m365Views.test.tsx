/**
 * Where the pane's Microsoft 365 parts show: nowhere in a build without Microsoft 365, a message where
 * the host offers no nested app sign-in, and the submit button enabled only once the report is ready.
 * (The flows themselves run in Chromium against the Graph stand-in: test/e2e/m365.e2e.test.ts.)
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { memoryCache } from "../../src/app/byteCache";
import { memoryMarkStore } from "../../src/excel";
import { excelGateway } from "../../src/taskpane/excelGateway";
import { Lang, LangContext } from "../../src/taskpane/i18n";
import { M365, M365Context } from "../../src/taskpane/m365/context";
import { LibrarySlot, SubmitSlot } from "../../src/taskpane/m365/slots";
import type { SubmitState } from "../../src/taskpane/m365/SubmitControl";
import { MergeView } from "../../src/taskpane/MergeView";
import { ValidateView } from "../../src/taskpane/ValidateView";
import { FakeExcelHost } from "../host/fakeExcel";

function m365(naa: boolean): M365 {
  return {
    config: {
      clientId: "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
      tenant: "bkk.onmicrosoft.com",
      authority: "https://login.microsoftonline.com/bkk.onmicrosoft.com",
      library:
        "https://bkk.sharepoint.com/sites/ITA/Shared%20Documents/ITA%20%E0%B8%A3%E0%B8%B2%E0%B8%A2%E0%B8%87%E0%B8%B2%E0%B8%99",
      graphBase: "https://graph.microsoft.com/v1.0",
      readScopes: ["Files.Read.All"],
      writeScopes: ["Files.ReadWrite.All"],
      redirectUri: null,
    },
    naa,
    token: async () => {
      throw new Error("no sign-in in this test");
    },
    fetch: async () => {
      throw new Error("no network in this test");
    },
    workbookBytes: async () => new Uint8Array(),
    workbookName: () => "Book1.xlsx",
    cache: memoryCache(),
  };
}

function show(node: React.ReactNode, value: M365 | null, lang: Lang = "th") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={lang}>
        <M365Context.Provider value={value}>{node}</M365Context.Provider>
      </LangContext.Provider>
    </FluentProvider>
  );
}

describe("a build without Microsoft 365", () => {
  it("shows no submit control in the validate view and no library in the merge view", async () => {
    const host = new FakeExcelHost();
    const gateway = excelGateway(host.run, memoryMarkStore(), { mergedAreas: false });
    show(
      <>
        <ValidateView gateway={gateway} />
        <MergeView gateway={gateway} />
      </>,
      null
    );
    await screen.findByRole("button", { name: "ตรวจสอบก่อนส่ง" });
    expect(screen.queryByRole("button", { name: "ส่งรายงาน" })).toBe(null);
    expect(screen.queryByText("รวมจากไลบรารี")).toBe(null);
    expect(screen.queryByText(/Microsoft 365/)).toBe(null);
  });
});

describe("the submit control", () => {
  it.each<[SubmitState, string | null]>([
    ["unchecked", "ส่งได้เมื่อตรวจสอบแล้วพร้อมส่ง: กด ตรวจสอบก่อนส่ง"],
    ["notReady", "ส่งได้เมื่อแก้ข้อผิดพลาดแล้วและตรวจสอบอีกครั้งว่าพร้อมส่ง"],
    ["stale", "สมุดงานเปลี่ยนไปหลังการตรวจสอบ: ตรวจอีกครั้งก่อนส่ง"],
    ["ready", null],
  ])("%s: enabled only when ready, saying why not", async (state, why) => {
    show(<SubmitSlot state={state} />, m365(true));
    const button = await screen.findByRole("button", { name: "ส่งรายงาน" });
    expect(button.getAttribute("aria-disabled")).toBe(state === "ready" ? null : "true");
    expect(button.getAttribute("aria-describedby")).toBe(why ? "submit-why" : "submit-where");
    expect(document.getElementById("submit-why")?.textContent ?? null).toBe(why);
    // The library named as people know it (the URL's last part, decoded).
    expect(document.getElementById("submit-where")?.textContent).toBe(
      "ส่งสมุดงานนี้ (ฉบับที่บันทึกแล้ว) ไปที่ไลบรารี ITA รายงาน ของส่วนกลาง แทนไฟล์ที่เคยส่งของรอบเดียวกัน"
    );
  });

  it("where the host offers no nested app sign-in, says so in both languages instead", async () => {
    show(<SubmitSlot state="ready" />, m365(false), "en");
    await screen.findByText(
      "Sending or merging through Microsoft 365 is not available in this Excel"
    );
    expect(
      screen.getByText(
        /^This Excel does not offer sign-in to add-ins \(it needs a current Microsoft 365 build, and in Excel on the web a file opened from SharePoint or OneDrive\): save the workbook and send the file to the central office as before$/
      )
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Send the report" })).toBe(null);
  });
});

describe("the library in the merge view", () => {
  it("offers the round due and the three before it, the due one first", async () => {
    show(
      <LibrarySlot
        listing={null}
        onListing={() => undefined}
        disabled={false}
        now={new Date("2026-12-04T09:00:00Z")}
      />,
      m365(true)
    );
    const select = (await screen.findByRole("combobox", {
      name: "รอบที่จะดึงไฟล์",
    })) as HTMLSelectElement;
    // In December 2026 (B.E. 2569), the 12-month round of FY2569 is due.
    expect([...select.options].map((o) => o.textContent)).toEqual([
      "ปีงบประมาณ 2569 รอบ 12 เดือน",
      "ปีงบประมาณ 2569 รอบ 6 เดือน",
      "ปีงบประมาณ 2568 รอบ 12 เดือน",
      "ปีงบประมาณ 2568 รอบ 6 เดือน",
    ]);
    expect(
      screen.getByRole("button", { name: "ดึงไฟล์จากไลบรารี" }).getAttribute("aria-disabled")
    ).toBe(null);
  });
});
