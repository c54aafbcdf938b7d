/**
 * The task pane in a plain browser page for end-to-end tests: the real App and Office.js adapter over
 * the in-memory Excel host (ExcelJS behind it), with hooks for the test to act as the Excel user.
 */
import type ExcelJS from "exceljs";
import { createRoot } from "react-dom/client";
import {
  columnIndex,
  DEFAULT_FORM,
  FieldKey,
  metaFromReport,
  renderForm,
} from "../../../src/domain";
import { reportSchema } from "../../../src/domain/report";
import { insertPhoto, locateFormSheet, memoryMarkStore, scaffoldSheet } from "../../../src/excel";
import sample from "../../../samples/chom-thong-2567-r6.json";
import { App } from "../../../src/taskpane/App";
import type { OfficeFilesLike } from "../../../src/taskpane/documentFile";
import { excelGateway } from "../../../src/taskpane/excelGateway";
import { firstLanguage, hostInfo, localLangStore } from "../../../src/taskpane/office";
import { CURRENT, FakeExcelHost } from "../../host/fakeExcel";
import { fakeDocument } from "../../host/document";
import { memoryCache } from "../../../src/app/byteCache";
import { M365, M365Context } from "../../../src/taskpane/m365/context";

// A current Excel (ExcelApi 1.17), so the pane takes its guarded paths (merged areas, ExcelApi 1.13).
const host = new FakeExcelHost(undefined, { apiSets: CURRENT });

function activeSheet(): ExcelJS.Worksheet {
  const name = host.state.active ?? host.wb.worksheets[0]?.name;
  const ws = name ? host.wb.getWorksheet(name) : undefined;
  if (!ws) throw new Error("no active sheet");
  return ws;
}

function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const itaTest = {
  /** The cell of an item's field on the active sheet, found by its code as the reader does. */
  cellOf(code: string, field: FieldKey): string {
    const ws = activeSheet();
    let row = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === code || r.getCell(1).value === code.replace("-", " – ")) row = n;
    });
    if (!row) throw new Error(`no row for ${code}`);
    return `${String.fromCharCode(64 + columnIndex(field))}${row}`;
  },
  /**
   * Type into a cell of the active sheet as the user would in Excel: the entry as Excel takes it
   * (85% a percentage, a date a serial number…) and worksheet.onChanged raised (test/host).
   */
  type(address: string, value: string | number): void {
    host.type(activeSheet().name, address, String(value));
  },
  value(address: string): unknown {
    return activeSheet().getCell(address).value;
  },
  codes: () => DEFAULT_FORM.items.map((i) => i.code),
  sheetNames: () => host.wb.worksheets.map((w) => w.name),
  activeSheetName: () => activeSheet().name,
  selected: () => host.state.selected,
  syncs: () => host.state.totalSyncs,
  /**
   * Chom Thong's report as a sheet (its measure groups merged), made by the adapter as the create view
   * makes it; items matching `low` scored 70 with nothing written (the long lists of a weak report).
   */
  async scaffoldSample(low?: string): Promise<string> {
    const report = reportSchema.parse(JSON.parse(JSON.stringify(sample)));
    if (low) {
      const re = new RegExp(low);
      report.items = report.items.map((i) =>
        re.test(i.code) ? { ...i, score: 70, measures: "", results: "", evidence: "" } : i
      );
    }
    const model = renderForm(DEFAULT_FORM, metaFromReport(report), report);
    await host.run((ctx) => scaffoldSheet(ctx, model));
    return model.name;
  },
  /** An activity photo (a PNG of w × h pixels) in an item's evidence cell on the active form. */
  async addPhoto(code: string, pngBase64: string): Promise<void> {
    const bytes = Uint8Array.from(atob(pngBase64), (c) => c.charCodeAt(0));
    await host.run(async (ctx) => {
      const found = await locateFormSheet(ctx);
      if (found.kind !== "form") throw new Error("no form");
      await insertPhoto(ctx, found.form, code, bytes, pngBase64);
    });
  },
  async xlsxBase64(): Promise<string> {
    return toBase64(new Uint8Array(await host.wb.xlsx.writeBuffer()));
  },
  /** The Office file API's use: getFileAsync calls, and files still open (Office allows two). */
  fileCalls: () => ({ calls: document$.calls(), open: document$.open() }),
  /** The scopes each token was asked for. */
  tokenScopes: () => tokenScopes.map((s) => s.join(" ")),
};

(window as unknown as { itaTest: typeof itaTest }).itaTest = itaTest;

const params = new URLSearchParams(location.search);
const office = host.office({
  bodyBackgroundColor: params.get("theme") === "dark" ? "#1f1f1f" : "#ffffff",
  displayLanguage: params.get("ui") ?? "th-TH",
  platform: params.get("platform") ?? "PC",
});
const info = hostInfo(office);
const langs = localLangStore();

/**
 * On m365.html (the policy opened to this computer's ports), the pane as a Microsoft 365 build makes
 * it, with the local Graph stand-in in place of Graph and SharePoint (?graph=…&library=…), the
 * workbook's file from the in-memory host through Office's file API (test/host/document.ts), and a
 * stand-in token (NAA needs an Office host; MSAL itself is tested with a fake in the unit tests).
 * ?naa=0: a host without the NestedAppAuth requirement set.
 */
const tokenScopes: string[][] = [];
const document$ = fakeDocument(
  async () => new Uint8Array(await host.wb.xlsx.writeBuffer()),
  "https://bkk.sharepoint.com/sites/chomthong/Shared%20Documents/ITA%202567%20%E0%B8%88%E0%B8%AD%E0%B8%A1%E0%B8%97%E0%B8%AD%E0%B8%87.xlsx"
);
const graph = params.get("graph");
const m365: M365 | null = graph
  ? {
      config: {
        clientId: "00000000-0000-0000-0000-0000000e2e00",
        tenant: "bkk.onmicrosoft.com",
        authority: "https://login.microsoftonline.com/bkk.onmicrosoft.com",
        library: params.get("library") ?? "",
        graphBase: graph,
        readScopes: ["Files.Read.All"],
        writeScopes: ["Files.ReadWrite.All"],
        redirectUri: null,
      },
      naa: params.get("naa") !== "0",
      token: async (scopes) => {
        tokenScopes.push(scopes);
        return "e2e-pane-token-7c4b";
      },
      fetch: (url, init) => fetch(url, init),
      workbookBytes: () =>
        import("../../../src/taskpane/documentFile").then((w) => w.readDocumentFile(document$)),
      workbookName: () => "ITA 2567 จอมทอง.xlsx",
      cache: memoryCache(),
    }
  : null;

createRoot(document.getElementById("container")!).render(
  <M365Context.Provider value={m365}>
    <App
      host={info}
      gateway={excelGateway(host.run, memoryMarkStore(), {
        mergedAreas: info.mergedAreas,
        office: office as unknown as OfficeFilesLike,
      })}
      initialLang={firstLanguage(langs, office)}
      onLangChange={langs.set}
    />
  </M365Context.Provider>
);
