/** Everything the task pane asks of the Office host, in one place. */
import type { MarkStore } from "../excel/marks";
import type { Lang } from "./i18n";

export const REQUIRED_API = { set: "ExcelApi", version: "1.9" } as const;

export interface HostInfo {
  /** Excel supports the requirement set the add-in needs. */
  supported: boolean;
  /** The Office theme is dark. */
  dark: boolean;
  /** Merged areas can be read (ExcelApi 1.13), so a merged measures cell counts for each item under it. */
  mergedAreas: boolean;
  /**
   * The pane's webview saves the files it downloads: not in Excel for Mac or iPad, whose webview
   * drops downloads without a word (office-js #2700, closed "by design"; #3385).
   */
  downloads: boolean;
}

/** Office platforms whose webview drops the pane's downloads (`Office.context.platform`). */
const DROPS_DOWNLOADS = new Set(["Mac", "iOS"]);

/** The parts of the `Office` global the pane reads (a fake one in tests). */
export interface OfficeLike {
  context?: {
    displayLanguage?: string;
    /** `Office.PlatformType`: "PC", "OfficeOnline", "Mac", "iOS", "Android", "Universal". */
    platform?: string;
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
    officeTheme?: { bodyBackgroundColor?: string };
  };
}

function isDark(hex: string | undefined): boolean {
  if (!hex || !/^#?[0-9a-f]{6}$/i.test(hex)) return false;
  const n = parseInt(hex.replace("#", ""), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

function officeGlobal(): OfficeLike | undefined {
  return typeof Office !== "undefined" ? (Office as unknown as OfficeLike) : undefined;
}

export function hostInfo(office: OfficeLike | undefined = officeGlobal()): HostInfo {
  const ctx = office?.context;
  const req = ctx?.requirements;
  const supported = Boolean(req?.isSetSupported(REQUIRED_API.set, REQUIRED_API.version));
  let dark = false;
  try {
    dark = isDark(ctx?.officeTheme?.bodyBackgroundColor);
  } catch {
    dark = false; // officeTheme is not available in every host
  }
  let platform: string | undefined;
  try {
    platform = ctx?.platform;
  } catch {
    platform = undefined;
  }
  return {
    supported,
    dark,
    mergedAreas: Boolean(req?.isSetSupported("ExcelApi", "1.13")),
    downloads: !platform || !DROPS_DOWNLOADS.has(platform),
  };
}

/** Where the user's choice of language is kept (this computer's storage for the add-in's origin). */
export interface LangStore {
  get(): Lang | null;
  set(lang: Lang): void;
}

const LANG_KEY = "ita.lang";

export function localLangStore(storage: Storage | undefined = safeLocalStorage()): LangStore {
  return {
    get: () => {
      try {
        const v = storage?.getItem(LANG_KEY);
        return v === "th" || v === "en" ? v : null;
      } catch {
        return null;
      }
    },
    set: (lang) => {
      try {
        storage?.setItem(LANG_KEY, lang);
      } catch {
        // storage blocked (private mode, policy): the choice lasts until the pane closes
      }
    },
  };
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage !== "undefined" ? localStorage : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The pane's first language: the user's earlier choice, otherwise Thai unless Office's UI language
 * (`Office.context.displayLanguage`, e.g. "en-US") is known and not Thai.
 */
export function firstLanguage(
  store: LangStore,
  office: OfficeLike | undefined = officeGlobal()
): Lang {
  const chosen = store.get();
  if (chosen) return chosen;
  let ui: string | undefined;
  try {
    ui = office?.context?.displayLanguage;
  } catch {
    ui = undefined;
  }
  return ui && !/^th\b/i.test(ui) ? "en" : "th";
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
