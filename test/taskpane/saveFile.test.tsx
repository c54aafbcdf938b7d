/** How the pane hands a file to the browser, and what it may say of the outcome (jsdom). */
import { dataUrl, saveEnv, startDownload } from "../../src/taskpane/saveFile";

const BROWSER = { downloadLinks: true, hostSaves: true };

/** Every click on a link in the page: the link's download name and address, and whether it was live. */
function watchClicks() {
  const seen: { download: string; href: string; inPage: boolean }[] = [];
  const on = (e: Event) => {
    const a = e.target as HTMLAnchorElement;
    seen.push({ download: a.download, href: a.getAttribute("href")!, inPage: a.isConnected });
  };
  document.addEventListener("click", on);
  // The click reaches the link's listeners as in a browser, without jsdom's navigation (which it does
  // not implement, and which would be the download).
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement
  ) {
    this.dispatchEvent(new Event("click", { bubbles: true, cancelable: true }));
  });
  return { seen, stop: () => document.removeEventListener("click", on) };
}

afterEach(() => jest.restoreAllMocks());

describe("saving a file from the pane", () => {
  it("finds whether anchors have the download attribute, and takes the host's word for its webview", () => {
    expect(saveEnv(true)).toEqual({ downloadLinks: true, hostSaves: true });
    expect(saveEnv(false)).toEqual({ downloadLinks: true, hostSaves: false });
    // A browser whose anchors have no download attribute.
    const old = { createElement: () => ({ href: "" }) } as unknown as Document;
    expect(saveEnv(true, old)).toEqual({ downloadLinks: false, hostSaves: true });
  });

  it("says the download started when the browser took the click on the download link", () => {
    const clicks = watchClicks();
    try {
      expect(startDownload("ITA-report-2567-r6.docx", "blob:http://pane/1", BROWSER)).toBe(
        "started"
      );
      expect(clicks.seen).toEqual([
        { download: "ITA-report-2567-r6.docx", href: "blob:http://pane/1", inPage: true },
      ]);
      // The hidden link is gone.
      expect(document.querySelectorAll("a").length).toBe(0);
    } finally {
      clicks.stop();
    }
  });

  it("says it did not start when the click never reached the link (a webview that swallows it)", () => {
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    expect(startDownload("r.docx", "blob:http://pane/2", BROWSER)).toBe("refused");
    expect(document.querySelectorAll("a").length).toBe(0);
  });

  it("says it did not start when a script cancelled the click", () => {
    const clicks = watchClicks();
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener("click", cancel);
    try {
      expect(startDownload("r.docx", "blob:http://pane/3", BROWSER)).toBe("refused");
      expect(clicks.seen).toEqual([
        { download: "r.docx", href: "blob:http://pane/3", inPage: true },
      ]);
    } finally {
      document.removeEventListener("click", cancel);
      clicks.stop();
    }
  });

  it("does not try where it cannot work: no download links, or a host whose webview drops downloads", () => {
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click");
    expect(startDownload("r.docx", "blob:x", { downloadLinks: false, hostSaves: true })).toBe(
      "no-download-links"
    );
    expect(startDownload("r.docx", "blob:x", { downloadLinks: true, hostSaves: false })).toBe(
      "host-drops-downloads"
    );
    // Excel for Mac without download links: the host is the reason given.
    expect(startDownload("r.docx", "blob:x", { downloadLinks: false, hostSaves: false })).toBe(
      "host-drops-downloads"
    );
    expect(click).not.toHaveBeenCalled();
  });

  it("makes a data: URL of the file's bytes and type", async () => {
    const blob = new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], {
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    expect(await dataUrl(blob)).toBe(
      "data:application/vnd.openxmlformats-officedocument.wordprocessingml.document;base64,UEsDBA=="
    );
  });
});
