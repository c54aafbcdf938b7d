/** Validation: rules as data (`itemRules.ts`, `reportRules.ts`) run by `engine.ts`. */
export * from "./engine";
export * from "./itemRules";
export * from "./reportRules";
export * from "./types";
