/**
 * Saving a file from the pane, and what the pane may say about it afterwards.
 *
 * A page cannot see the browser's downloads: it hands a link to the browser and hears nothing back,
 * whether a file was saved, the user cancelled, or the browser dropped it. Excel for Mac's webview
 * drops every download without a word (office-js #2700, closed "by design"; #3385), so the pane must
 * never say "saved". What it can know is said as it is:
 * - the Office platform is one whose webview drops downloads (Mac, iPad): nothing is tried;
 * - the browser has no download links (no `download` attribute on anchors): nothing is tried;
 * - the click on the download link never reached the link, or a script cancelled it: nothing started;
 * - otherwise the browser took the download link: the download started (nothing more is known), and
 *   the pane still offers a link to save the file in case no file came.
 */

/** What became of handing the file to the browser. */
export type SaveStart =
  /** The browser took the click on a download link: the download started. */
  | "started"
  /** The click never reached the download link, or was cancelled: no download started. */
  | "refused"
  /** Not tried: this browser has no download links. */
  | "no-download-links"
  /** Not tried: Office's webview on this platform drops downloads (Excel for Mac and iPad). */
  | "host-drops-downloads";

/** What the pane knows, before trying, of the browser it runs in. */
export interface SaveEnv {
  /** Anchors have the `download` attribute (a link that saves a file rather than opening it). */
  downloadLinks: boolean;
  /** The Office host's webview saves the files the pane downloads (see `HostInfo.downloads`). */
  hostSaves: boolean;
}

export function saveEnv(hostSaves: boolean, doc: Document = document): SaveEnv {
  return { downloadLinks: "download" in doc.createElement("a"), hostSaves };
}

/**
 * Hand a file (a `blob:` or `data:` URL) to the browser's download by a click on a hidden download
 * link, and say what is known of the outcome. The link is removed at once; the URL is the caller's.
 */
export function startDownload(
  name: string,
  url: string,
  env: SaveEnv,
  doc: Document = document
): SaveStart {
  if (!env.hostSaves) return "host-drops-downloads";
  if (!env.downloadLinks) return "no-download-links";
  const a = doc.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  let click: Event | null = null;
  a.addEventListener("click", (e) => (click = e));
  doc.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
  }
  // The click is dispatched synchronously: by now every listener has had it, and an activation the
  // browser performs (the download) is one no listener cancelled.
  const delivered = click as Event | null;
  return delivered && !delivered.defaultPrevented ? "started" : "refused";
}

/** Chromium refuses URLs longer than 2 MiB: a file whose data: URL is longer is linked by a blob: URL. */
export const DATA_URL_MAX = 2 * 1024 * 1024;

/** The file as a `data:` URL (a link that needs no blob kept alive and works in a new context). */
export function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsDataURL(blob);
  });
}
