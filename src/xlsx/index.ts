export * from "./errors";
export * from "./files";
export * from "./readForm";
export * from "./writeForm";
export * from "./xlsxRead";
export * from "./chart";
export * from "./output";
export * from "./writeSummary";
