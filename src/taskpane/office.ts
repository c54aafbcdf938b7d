/** Everything the task pane asks of the Office host, in one place. */

export const REQUIRED_API = { set: "ExcelApi", version: "1.9" } as const;

export interface HostInfo {
  /** Excel supports the requirement set the add-in needs. */
  supported: boolean;
  /** The Office theme is dark. */
  dark: boolean;
}

function isDark(hex: string | undefined): boolean {
  if (!hex || !/^#?[0-9a-f]{6}$/i.test(hex)) return false;
  const n = parseInt(hex.replace("#", ""), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

export function hostInfo(): HostInfo {
  const ctx = typeof Office !== "undefined" ? Office.context : undefined;
  const supported = Boolean(
    ctx?.requirements?.isSetSupported(REQUIRED_API.set, REQUIRED_API.version)
  );
  let dark = false;
  try {
    dark = isDark(ctx?.officeTheme?.bodyBackgroundColor);
  } catch {
    dark = false; // officeTheme is not available in every host
  }
  return { supported, dark };
}
