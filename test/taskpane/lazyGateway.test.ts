import { renderForm } from "../../src/domain";
import { FY2567 } from "../forms";
import { memoryMarkStore } from "../../src/excel";
import { excelGateway } from "../../src/taskpane/excelGateway";
import { lazyExcelGateway } from "../../src/taskpane/lazyGateway";
import { CURRENT, FakeExcelHost } from "../host/fakeExcel";
import { sampleMeta } from "../helpers";

// Watch when the adapter module's factory runs: the pane loads it on the first call, once.
jest.mock("../../src/taskpane/excelGateway", () => {
  const actual = jest.requireActual("../../src/taskpane/excelGateway");
  return { excelGateway: jest.fn(actual.excelGateway) };
});

describe("lazyExcelGateway", () => {
  it("loads the Office.js adapter on first use, once, and passes every call through", async () => {
    // ExcelApi 1.13 for the merged-areas read the gateway is told to use.
    const host = new FakeExcelHost(undefined, { apiSets: CURRENT });
    const gateway = lazyExcelGateway(host.run, memoryMarkStore(), { mergedAreas: true });
    expect(excelGateway).not.toHaveBeenCalled();

    expect(await gateway.sheetNames()).toEqual(["Sheet1"]);
    await gateway.scaffold(renderForm(FY2567, sampleMeta()));
    const { form } = await gateway.readActive();
    expect(form.items).toHaveLength(42);
    await gateway.select(form.sheet, form.items[0].cells.score);
    expect(host.state.selected).toBe(`${form.sheet}!${form.items[0].cells.score}`);
    await gateway.writeScores(form.sheet, [
      { code: "I1", cell: form.items[0].cells.score, before: "", after: 91 },
    ]);
    expect((await gateway.readActive()).form.items[0].score).toBe(91);
    expect(await gateway.locateFormSheet()).toMatchObject({ kind: "form", how: "active" });

    expect(excelGateway).toHaveBeenCalledTimes(1);
    expect(excelGateway).toHaveBeenCalledWith(host.run, expect.anything(), { mergedAreas: true });
  });
});
