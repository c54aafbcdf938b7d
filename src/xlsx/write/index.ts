/** The Node-only write side: ExcelJS workbooks finished by our own package step. */
export * from "./chart";
export * from "./output";
export * from "./writeForm";
export * from "./writeSummary";
