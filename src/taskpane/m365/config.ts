/**
 * The Microsoft 365 settings the central office builds the pane with (ADDIN_M365_… beside
 * ADDIN_PUBLIC_URL, read by tools/m365.js and put in the bundle by webpack's DefinePlugin); null in a
 * build without them, where the pane works with local files only.
 */
export interface M365Config {
  /** The app registration's Application (client) ID. */
  clientId: string;
  tenant: string;
  /** `https://login.microsoftonline.com/<tenant>`. */
  authority: string;
  /** The library's folder URL, as copied from SharePoint. */
  library: string;
  /** https://graph.microsoft.com/v1.0, or a national cloud's. */
  graphBase: string;
  /** What the central office's merge asks for (read the library). */
  readScopes: string[];
  /** What a district's submit asks for (write its file). */
  writeScopes: string[];
  /** The pane's page: where Excel on the web's sign-in window returns (a SPA redirect URI). */
  redirectUri: string | null;
}

declare const __ITA_M365__: M365Config | null | undefined;

/** The configuration this build was made with, or null. */
export function builtConfig(): M365Config | null {
  return typeof __ITA_M365__ !== "undefined" ? __ITA_M365__ : null;
}
