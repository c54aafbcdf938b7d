/**
 * Microsoft Graph for the library the central office keeps (a SharePoint document library or a
 * OneDrive folder): browser-safe, over an injected `fetch` and token source, shared by the task pane
 * and the command.
 */
export * from "./client";
export * from "./drive";
export * from "./errors";
