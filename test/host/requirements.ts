/**
 * Requirement sets the test chooses, and the `Office.context` the pane reads at start-up (requirement
 * sets, theme, display language), so the "Excel too old" screen and the paths guarded by
 * `isSetSupported` run in tests. An API of a newer set than the host supports fails at sync with
 * ApiNotFound, as in Excel ("Office versions and requirement sets",
 * https://learn.microsoft.com/office/dev/add-ins/develop/office-versions-and-requirement-sets).
 */
import { officeError } from "./errors";
import { fakeDocument } from "./document";

export type ApiSets = Record<string, string>;

/**
 * ExcelApi 1.9, the add-in's baseline (Office 2021, Microsoft 365, Excel on the web), with the
 * document-file sets those hosts have (CompressedFile, PdfFile: Excel on the web, Windows and Mac;
 * not Excel on iPad — "Office Common API requirement sets",
 * https://learn.microsoft.com/javascript/api/requirement-sets/common/office-add-in-requirement-sets).
 */
export const BASELINE: ApiSets = { ExcelApi: "1.9", CompressedFile: "1.1", PdfFile: "1.1" };
export const CURRENT: ApiSets = { ExcelApi: "1.17", CompressedFile: "1.1", PdfFile: "1.1" };

function newer(a: string, b: string): boolean {
  const [a1, a2 = 0] = a.split(".").map(Number);
  const [b1, b2 = 0] = b.split(".").map(Number);
  return a1 !== b1 ? a1 > b1 : a2 > b2;
}

export function isSetSupported(sets: ApiSets, name: string, version = "1.1"): boolean {
  const have = sets[name];
  return have !== undefined && !newer(version, have);
}

/** Fail as Excel does when an API of a newer requirement set is called. */
export function requireSet(sets: ApiSets, name: string, version: string, api: string): void {
  if (!isSetSupported(sets, name, version))
    throw officeError("ApiNotFound", `${api} needs ${name} ${version}`);
}

export interface FakeOfficeOptions {
  displayLanguage?: string;
  bodyBackgroundColor?: string;
  /** `Office.context.platform` ("PC", "Mac", "OfficeOnline", …): "PC" unless given. */
  platform?: string;
}

/** A plain `Office` global with the parts the pane reads. */
export function fakeOffice(
  sets: ApiSets,
  o: FakeOfficeOptions = {},
  bytes: (type: string) => Promise<Uint8Array> = async () => new Uint8Array()
) {
  const settings = new Map<string, unknown>();
  return {
    context: {
      displayLanguage: o.displayLanguage ?? "th-TH",
      platform: o.platform ?? "PC",
      requirements: { isSetSupported: (name: string, v?: string) => isSetSupported(sets, name, v) },
      officeTheme: { bodyBackgroundColor: o.bodyBackgroundColor ?? "#ffffff" },
      document: {
        settings: {
          get: (k: string) => (settings.has(k) ? settings.get(k) : null),
          set: (k: string, v: unknown) => void settings.set(k, v),
          remove: (k: string) => void settings.delete(k),
          saveAsync: (cb?: () => void) => cb?.(),
        },
        // The workbook as a file (document.ts): Compressed and PDF as the host's sets allow.
        getFileAsync: fakeDocument(bytes, null, (type) =>
          isSetSupported(sets, type === "pdf" ? "PdfFile" : "CompressedFile")
        ).getFileAsync,
      },
    },
  };
}
