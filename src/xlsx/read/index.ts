/** The browser-safe read side: sniffing, the zip directory, the package, the xlsx and form readers. */
export * from "./errors";
export * from "./limits";
export * from "./readForm";
export * from "./submission";
export * from "./xlsxRead";
export * from "./zip";
export * from "./previousSummary";
