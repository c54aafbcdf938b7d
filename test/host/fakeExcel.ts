/**
 * An in-memory Excel host for tests: the part of the Office.js Excel API the add-in uses, backed by an
 * ExcelJS workbook, with the same batching rules as the real one. Writes are queued and applied at
 * `sync()`; loaded properties can be read only after a `sync()` (reading earlier throws, as in Excel);
 * syncs are counted. What the add-in wrote can be saved as .xlsx and read by the CLI.
 *
 * This module only re-exports: each Office object has its own file beside it (context, workbook,
 * worksheet, range, format, ...).
 */
export { FakeContext } from "./context";
export type { HostState } from "./context";
export { officeError } from "./errors";
export { FakeExcelHost } from "./host";
export { FakeRange } from "./range";
export { FakeWorkbook, FakeWorksheetCollection } from "./workbook";
export { FakeWorksheet } from "./worksheet";
