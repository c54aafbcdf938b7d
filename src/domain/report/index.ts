export * from "./measureMatch";
export * from "./unitMeasures";
export * from "./reportModel";
export * from "./changes";
export * from "./sinceRound6";
export * from "./sentences";
export * from "./numbers";
export * from "./trace";
