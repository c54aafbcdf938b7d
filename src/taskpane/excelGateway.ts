import {
  insertStandardMeasures,
  insertStandardMeasuresMany,
  selectCell,
  writeScores,
} from "../excel/actions";
import { markIssues, MarkStore } from "../excel/marks";
import { insertPhoto, insertPhotos, photosIn } from "../excel/photos";
import { locateFormSheet, readActiveForm } from "../excel/readForm";
import { splitFromGroup } from "../excel/split";
import { scaffoldSheet, sheetNames } from "../excel/writeForm";
import { writeSummarySheets } from "../excel/writeSummary";
import type { ExcelRun, Gateway } from "./gateway";

/** The gateway over the Office.js adapter (loaded on demand by `lazyGateway.ts`). */
export function excelGateway(
  run: ExcelRun,
  marks: MarkStore,
  opts: { mergedAreas: boolean }
): Gateway {
  return {
    sheetNames: () => run((ctx) => sheetNames(ctx)),
    scaffold: (model) => run((ctx) => scaffoldSheet(ctx, model)),
    readActive: () => run((ctx) => readActiveForm(ctx, { mergedAreas: opts.mergedAreas })),
    locateFormSheet: (sheet) =>
      run((ctx) => locateFormSheet(ctx, { sheet, mergedAreas: opts.mergedAreas })),
    mark: async (form, issues, protectedSheet) => {
      await run((ctx) => markIssues(ctx, form, issues, protectedSheet, marks));
    },
    select: (sheet, cell) => run((ctx) => selectCell(ctx, sheet, cell)),
    writeScores: (sheet, changes) => run((ctx) => writeScores(ctx, sheet, changes)),
    insertMeasures: (form, item, chosen) =>
      run((ctx) => insertStandardMeasures(ctx, form, item, chosen)),
    insertMeasuresMany: (form, entries) =>
      run((ctx) => insertStandardMeasuresMany(ctx, form, entries)),
    splitMeasures: (form, code, protectedSheet) =>
      run((ctx) => splitFromGroup(ctx, form, code, protectedSheet)),
    writeSummary: (sheets, o) => run((ctx) => writeSummarySheets(ctx, sheets, o)),
    insertPhoto: (form, code, bytes, base64) =>
      run((ctx) => insertPhoto(ctx, form, code, bytes, base64)),
    photosIn: (form, cells) => run((ctx) => photosIn(ctx, form, cells)),
    insertPhotos: (sheet, photos) => run((ctx) => insertPhotos(ctx, sheet, photos)),
  };
}
