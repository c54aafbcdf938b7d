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
import { memoryMarkStore, scaffoldSheet } from "../../../src/excel";
import sample from "../../../samples/chom-thong-2567-r6.json";
import { App } from "../../../src/taskpane/App";
import type { OfficeFilesLike } from "../../../src/taskpane/documentFile";
import { excelGateway } from "../../../src/taskpane/excelGateway";
import { firstLanguage, hostInfo, localLangStore } from "../../../src/taskpane/office";
import { CURRENT, FakeExcelHost } from "../../host/fakeExcel";

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
  async xlsxBase64(): Promise<string> {
    return toBase64(new Uint8Array(await host.wb.xlsx.writeBuffer()));
  },
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
createRoot(document.getElementById("container")!).render(
  <App
    host={info}
    gateway={excelGateway(host.run, memoryMarkStore(), {
      mergedAreas: info.mergedAreas,
      office: office as unknown as OfficeFilesLike,
    })}
    initialLang={firstLanguage(langs, office)}
    onLangChange={langs.set}
  />
);
