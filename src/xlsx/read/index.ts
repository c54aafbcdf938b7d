/** The browser-safe read side: sniffing, the zip directory, the xlsx reader and the form reader. */
export * from "./errors";
export * from "./readForm";
export * from "./submission";
export * from "./xlsxRead";
export * from "./zip";
