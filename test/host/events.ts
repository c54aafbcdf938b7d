/**
 * `worksheet.onChanged` (ExcelApi 1.7), as Excel documents it (Excel.Worksheet, "onChanged: Occurs
 * when data changes in a specific worksheet", https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-onchanged-member;
 * the arguments, Excel.WorksheetChangedEventArgs,
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs; registering and
 * removing handlers, "Work with events using the Excel JavaScript API",
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events):
 * - `add(handler)` registers the handler when the request is synced, and returns an
 *   EventHandlerResult whose `remove()` unregisters it at the next sync of the same context;
 * - the handler runs after the change is made, never inside the add-in's own batch: Excel raises
 *   the event asynchronously (here on a later microtask, after the sync that changed the cells);
 * - the arguments: `address` (the changed range, without the sheet), `changeType` ("RangeEdited"),
 *   `source` ("Local"), `type` ("WorksheetChanged"), `worksheetId`; `triggerSource` (ExcelApi 1.14)
 *   is "ThisLocalAddin" when this add-in's own write made the change, "Unknown" otherwise, and is
 *   absent on an older Excel; `details` (ExcelApi 1.9) only when one cell changed;
 * - values written through `Range.values` raise the event as typing does; formats do not (they
 *   raise `onFormatChanged`, which the add-in does not use).
 */
import type ExcelJS from "exceljs";
import type { HostState } from "./context";
import type { Bounds } from "./range";
import { address } from "./range";
import { isSetSupported } from "./requirements";

export interface ChangedArgs {
  address: string;
  changeType: "RangeEdited";
  source: "Local";
  type: "WorksheetChanged";
  worksheetId: string;
  triggerSource?: "ThisLocalAddin" | "Unknown";
  details?: { valueBefore: unknown; valueAfter: unknown };
}

export type ChangedHandler = (args: ChangedArgs) => Promise<unknown> | void;

export interface Registration {
  sheet: ExcelJS.Worksheet;
  handler: ChangedHandler;
}

/**
 * Raise `onChanged` for cells a change touched, asynchronously, to the handlers registered for
 * the sheet at the time it is delivered.
 */
export function raiseChanged(
  state: HostState,
  sheet: ExcelJS.Worksheet,
  sheetId: string,
  b: Bounds,
  byAddin: boolean,
  details?: { valueBefore: unknown; valueAfter: unknown }
): void {
  const args: ChangedArgs = {
    address: address(b),
    changeType: "RangeEdited",
    source: "Local",
    type: "WorksheetChanged",
    worksheetId: sheetId,
    ...(isSetSupported(state.apiSets, "ExcelApi", "1.14")
      ? { triggerSource: byAddin ? ("ThisLocalAddin" as const) : ("Unknown" as const) }
      : {}),
    ...(details && b.r1 === b.r2 && b.c1 === b.c2 ? { details } : {}),
  };
  state.events.delivered++;
  void Promise.resolve().then(async () => {
    for (const r of state.events.registrations.filter((x) => x.sheet === sheet))
      await r.handler(args);
    state.events.handled++;
  });
}
