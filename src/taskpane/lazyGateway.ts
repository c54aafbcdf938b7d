import type { MarkStore } from "../excel/marks";
import { documentFiles, OfficeFilesLike } from "./documentFile";
import type { ExcelRun, Gateway } from "./gateway";

/**
 * A gateway that loads the Office.js adapter (and the parts of the domain core it needs) on first use,
 * so that the pane's first script is only the shell.
 */
export function lazyExcelGateway(
  run: ExcelRun,
  marks: MarkStore,
  opts: { mergedAreas: boolean; office?: OfficeFilesLike }
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
    locateFormSheet: (sheet, o) => get().then((g) => g.locateFormSheet(sheet, o)),
    mark: (form, issues, protectedSheet) => get().then((g) => g.mark(form, issues, protectedSheet)),
    select: (sheet, cell) => get().then((g) => g.select(sheet, cell)),
    writeScores: (sheet, changes, p) => get().then((g) => g.writeScores(sheet, changes, p)),
    insertMeasures: (form, item, chosen, p) =>
      get().then((g) => g.insertMeasures(form, item, chosen, p)),
    insertMeasuresMany: (form, entries, p) =>
      get().then((g) => g.insertMeasuresMany(form, entries, p)),
    splitMeasures: (form, code, protectedSheet) =>
      get().then((g) => g.splitMeasures(form, code, protectedSheet)),
    writeSummary: (sheets, o) => get().then((g) => g.writeSummary(sheets, o)),
    insertPhoto: (form, code, bytes, base64) =>
      get().then((g) => g.insertPhoto(form, code, bytes, base64)),
    photosIn: (form, cells) => get().then((g) => g.photosIn(form, cells)),
    insertPhotos: (sheet, photos) => get().then((g) => g.insertPhotos(sheet, photos)),
    fit: (sheet) => get().then((g) => g.fit(sheet)),
    growRows: (sheet, rows) => get().then((g) => g.growRows(sheet, rows)),
    watch: (sheet, onChange) => get().then((g) => g.watch(sheet, onChange)),
    // Office's common API, not the adapter: nothing to load.
    document: () => documentFiles(opts.office),
  };
}
