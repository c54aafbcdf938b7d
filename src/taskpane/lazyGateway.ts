import type { MarkStore } from "../excel/marks";
import type { ExcelRun, Gateway } from "./gateway";

/**
 * A gateway that loads the Office.js adapter (and the parts of the domain core it needs) on first use,
 * so that the pane's first script is only the shell.
 */
export function lazyExcelGateway(
  run: ExcelRun,
  marks: MarkStore,
  opts: { mergedAreas: boolean }
): Gateway {
  let loaded: Promise<Gateway> | null = null;
  const get = () =>
    (loaded ??= import(/* webpackChunkName: "excel" */ "./excelGateway").then((m) =>
      m.excelGateway(run, marks, opts)
    ));
  return {
    sheetNames: () => get().then((g) => g.sheetNames()),
    scaffold: (model) => get().then((g) => g.scaffold(model)),
    readActive: () => get().then((g) => g.readActive()),
    locateFormSheet: (sheet) => get().then((g) => g.locateFormSheet(sheet)),
    mark: (form, issues, protectedSheet) => get().then((g) => g.mark(form, issues, protectedSheet)),
    select: (sheet, cell) => get().then((g) => g.select(sheet, cell)),
    writeScores: (sheet, changes) => get().then((g) => g.writeScores(sheet, changes)),
    insertMeasures: (form, item, chosen) => get().then((g) => g.insertMeasures(form, item, chosen)),
    insertMeasuresMany: (form, entries) => get().then((g) => g.insertMeasuresMany(form, entries)),
    splitMeasures: (form, code, protectedSheet) =>
      get().then((g) => g.splitMeasures(form, code, protectedSheet)),
    writeSummary: (sheets, o) => get().then((g) => g.writeSummary(sheets, o)),
    insertPhoto: (form, code, bytes, base64) =>
      get().then((g) => g.insertPhoto(form, code, bytes, base64)),
    photosIn: (form, cells) => get().then((g) => g.photosIn(form, cells)),
    insertPhotos: (sheet, photos) => get().then((g) => g.insertPhotos(sheet, photos)),
  };
}
