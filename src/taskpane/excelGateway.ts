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
import { fitFormSheet, growChangedRows } from "../excel/fit";
import { documentFiles, OfficeFilesLike } from "./documentFile";
import type { ExcelRun, Gateway } from "./gateway";

/** The gateway over the Office.js adapter (loaded on demand by `lazyGateway.ts`). */
export function excelGateway(
  run: ExcelRun,
  marks: MarkStore,
  opts: { mergedAreas: boolean; office?: OfficeFilesLike }
): Gateway {
  return {
    sheetNames: () => run((ctx) => sheetNames(ctx)),
    scaffold: (model) => run((ctx) => scaffoldSheet(ctx, model)),
    readActive: () => run((ctx) => readActiveForm(ctx, { mergedAreas: opts.mergedAreas })),
    locateFormSheet: (sheet, o) =>
      run((ctx) =>
        locateFormSheet(ctx, { sheet, mergedAreas: opts.mergedAreas, geometry: o?.geometry })
      ),
    mark: async (form, issues, protectedSheet) => {
      await run((ctx) => markIssues(ctx, form, issues, protectedSheet, marks));
    },
    select: (sheet, cell) => run((ctx) => selectCell(ctx, sheet, cell)),
    writeScores: (sheet, changes, protectedSheet) =>
      run((ctx) => writeScores(ctx, sheet, changes, protectedSheet)),
    insertMeasures: (form, item, chosen, protectedSheet) =>
      run((ctx) => insertStandardMeasures(ctx, form, item, chosen, protectedSheet)),
    insertMeasuresMany: (form, entries, protectedSheet) =>
      run((ctx) => insertStandardMeasuresMany(ctx, form, entries, protectedSheet)),
    splitMeasures: (form, code, protectedSheet) =>
      run((ctx) => splitFromGroup(ctx, form, code, protectedSheet)),
    writeSummary: (sheets, o) => run((ctx) => writeSummarySheets(ctx, sheets, o)),
    insertPhoto: (form, code, bytes, base64) =>
      run((ctx) => insertPhoto(ctx, form, code, bytes, base64)),
    photosIn: (form, cells) => run((ctx) => photosIn(ctx, form, cells)),
    insertPhotos: (sheet, photos) => run((ctx) => insertPhotos(ctx, sheet, photos)),
    fit: (sheet) => run((ctx) => fitFormSheet(ctx, sheet, { mergedAreas: opts.mergedAreas })),
    growRows: (sheet, rows) =>
      run((ctx) => growChangedRows(ctx, sheet, rows, { mergedAreas: opts.mergedAreas })),
    watch: async (sheet, onChange) => {
      // The handler outlives the batch that adds it; it is removed with the context that added it
      // ("Work with events using the Excel JavaScript API").
      const added = await run(async (ctx) => {
        const result = ctx.workbook.worksheets.getItem(sheet).onChanged.add(async (e) => {
          const trigger = (e as { triggerSource?: string }).triggerSource;
          onChange({ sheet, address: e.address, byAddin: trigger === "ThisLocalAddin" });
        });
        await ctx.sync();
        return result;
      });
      return async () => {
        added.remove();
        await added.context.sync();
      };
    },
    document: () => documentFiles(opts.office),
  };
}
