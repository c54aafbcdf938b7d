export * from "./actions";
export * from "./chunks";
export * from "./errors";
export * from "./marks";
export * from "./readForm";
export * from "./writeForm";
export * from "./writeSummary";
export * from "./format";
