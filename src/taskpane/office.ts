/** Everything the task pane asks of the Office host, in one place. */
import type { MarkStore } from "../excel/marks";

export const REQUIRED_API = { set: "ExcelApi", version: "1.9" } as const;

export interface HostInfo {
  /** Excel supports the requirement set the add-in needs. */
  supported: boolean;
  /** The Office theme is dark. */
  dark: boolean;
  /** Merged areas can be read (ExcelApi 1.13), so a merged measures cell counts for each item under it. */
  mergedAreas: boolean;
}

function isDark(hex: string | undefined): boolean {
  if (!hex || !/^#?[0-9a-f]{6}$/i.test(hex)) return false;
  const n = parseInt(hex.replace("#", ""), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

export function hostInfo(): HostInfo {
  const ctx = typeof Office !== "undefined" ? Office.context : undefined;
  const req = ctx?.requirements;
  const supported = Boolean(req?.isSetSupported(REQUIRED_API.set, REQUIRED_API.version));
  let dark = false;
  try {
    dark = isDark(ctx?.officeTheme?.bodyBackgroundColor);
  } catch {
    dark = false; // officeTheme is not available in every host
  }
  return { supported, dark, mergedAreas: Boolean(req?.isSetSupported("ExcelApi", "1.13")) };
}

/** Cells marked by the last validation, kept in the document's add-in settings. */
export function settingsMarkStore(): MarkStore {
  const settings = Office.context.document.settings;
  const key = (sheet: string) => `marks:${sheet}`;
  return {
    get: (sheet) => {
      const v = settings.get(key(sheet));
      return Array.isArray(v) ? (v as string[]) : [];
    },
    set: (sheet, cells) =>
      new Promise((resolve) => {
        settings.set(key(sheet), cells);
        settings.saveAsync(() => resolve());
      }),
  };
}
