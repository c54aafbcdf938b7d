import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock only needs the OfficeApp names from its copy of office-addin-manifest, whose own
// dependencies (@microsoft/app-manifest) are ES modules Jest's CommonJS runtime cannot load.
jest.mock(
  require.resolve("office-addin-manifest", { paths: [require.resolve("office-addin-mock")] }),
  () => ({
    OfficeApp: {
      Excel: "excel",
      OneNote: "onenote",
      Outlook: "outlook",
      PowerPoint: "powerpoint",
      Project: "project",
      Word: "word",
    },
  })
);
import { selectCell } from "../../src/excel";
import { hostInfo, settingsMarkStore } from "../../src/taskpane/office";

/** The Office global: plain data where Office hands plain objects, office-addin-mock where it hands proxies. */
function mockOffice(data: Record<string, unknown>, proxy = false) {
  (globalThis as unknown as { Office: unknown }).Office = proxy
    ? (new OfficeMockObject(data) as unknown)
    : data;
}

afterEach(() => {
  delete (globalThis as unknown as { Office?: unknown }).Office;
});

describe("Office host checks", () => {
  it("reads the requirement sets and the theme", () => {
    const supported = new Set(["ExcelApi 1.9", "ExcelApi 1.13"]);
    mockOffice({
      context: {
        requirements: { isSetSupported: (set: string, v: string) => supported.has(`${set} ${v}`) },
        officeTheme: { bodyBackgroundColor: "#1f1f1f" },
      },
    });
    expect(hostInfo()).toEqual({ supported: true, dark: true, mergedAreas: true, downloads: true });
    supported.delete("ExcelApi 1.9");
    supported.delete("ExcelApi 1.13");
    expect(hostInfo()).toMatchObject({ supported: false, mergedAreas: false });
  });

  it("says unsupported when Office gives no context at all", () => {
    expect(hostInfo()).toEqual({
      supported: false,
      dark: false,
      mergedAreas: false,
      downloads: true,
    });
  });

  it("knows the platforms whose webview drops the pane's downloads: Excel for Mac and iPad", () => {
    const downloads = (platform: string) => {
      mockOffice({ context: { platform } });
      return hostInfo().downloads;
    };
    expect(
      ["PC", "OfficeOnline", "Mac", "iOS", "Android", "Universal"].map((p) => [p, downloads(p)])
    ).toEqual([
      ["PC", true],
      ["OfficeOnline", true],
      ["Mac", false],
      ["iOS", false],
      ["Android", true],
      ["Universal", true],
    ]);
  });

  it("keeps the marked cells in the document settings", async () => {
    const saved: Record<string, unknown> = {};
    let saves = 0;
    mockOffice(
      {
        context: {
          document: {
            settings: {
              get: (k: string) => saved[k] ?? null,
              set: (k: string, v: unknown) => void (saved[k] = v),
              saveAsync: (cb: () => void) => {
                saves++;
                cb();
              },
            },
          },
        },
      },
      true
    );
    const store = settingsMarkStore();
    expect(store.get("ITA 2567 รอบ 6")).toEqual([]);
    await store.set("ITA 2567 รอบ 6", ["E39", "C8"]);
    expect(store.get("ITA 2567 รอบ 6")).toEqual(["E39", "C8"]);
    expect(saves).toBe(1);
  });
});

describe("selectCell with office-addin-mock", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    const calls: string[] = [];
    const context = new OfficeMockObject({
      workbook: {
        worksheets: {
          getItem: (name: string) => ({
            activate: () => calls.push(`activate ${name}`),
            getRange: (a: string) => ({ select: () => calls.push(`select ${a}`) }),
          }),
        },
      },
    });
    let syncs = 0;
    const sync = context.sync.bind(context);
    (context as unknown as { sync: () => Promise<void> }).sync = async () => {
      syncs++;
      await sync();
    };
    await selectCell(context as unknown as Excel.RequestContext, "ITA 2567 รอบ 6", "E39");
    expect(calls).toEqual(["activate ITA 2567 รอบ 6", "select E39"]);
    expect(syncs).toBe(1);
  });
});
