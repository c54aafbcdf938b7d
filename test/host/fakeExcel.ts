/**
 * A strict in-memory Excel host for tests: the part of the Office.js Excel API the add-in uses, backed
 * by an ExcelJS workbook, behaving as Excel documents it. Writes are queued and applied at `sync()`;
 * loaded properties can be read only after `load()` names them and a `sync()` (PropertyNotLoaded
 * otherwise); each sync's request is serialized as Office.js does and refused over 5 MB; values are
 * entered as Excel enters them (formulas from "=", "+", "-", numbers from number-like text, text in
 * "@" cells); sheet names, protection and visibility follow Excel's rules; requirement sets are the
 * test's choice and faults can be injected per operation. What the add-in wrote can be saved as .xlsx
 * and read by the CLI.
 *
 * This module only re-exports: each Office object has its own file beside it (context, workbook,
 * worksheet, range, format, ...); each rule cites where Excel documents it, and what no document
 * guarantees is listed in docs/real-excel-checklist.md.
 */
export { FakeContext } from "./context";
export type { HostState } from "./context";
export { evaluate, MAX_CELL_CHARS } from "./entry";
export { officeError } from "./errors";
export { Faults } from "./faults";
export type { Fault, FaultCode } from "./faults";
export { FakeExcelHost } from "./host";
export type { HostOptions } from "./host";
export { FakeRange } from "./range";
export { PAYLOAD_LIMIT } from "./request";
export { BASELINE, CURRENT, fakeOffice, isSetSupported } from "./requirements";
export type { ApiSets } from "./requirements";
export { FakeWorkbook, FakeWorksheetCollection } from "./workbook";
export { FakeWorksheet, sheetId } from "./worksheet";
