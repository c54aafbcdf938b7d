/**
 * The library's files through the merge use case: listed through Graph (the stand-in, as Microsoft's
 * pages describe it: test/graph/standin.ts), read and merged exactly as files on disk are.
 */
import { SourceError } from "../../src/app/files";
import { listLibrary, memoryCache } from "../../src/app/library";
import { mergeRead, readUnitFiles } from "../../src/app/mergeSession";
import { graphClient } from "../../src/graph";
import { nodeInflate } from "../../src/xlsx/nodeInflate";
import { districtBytes } from "./fixtures";
import { GraphStandin, startStandin } from "./standin";

const TOKEN = "tok-LIBRARY-TEST-51c2";
const LIBRARY = "https://bkk.sharepoint.com/sites/ITA/Shared%20Documents/ITA";
const FOLDER = `${LIBRARY}/2567-r6`;

let s: GraphStandin;
let b1035: Uint8Array;
let b1002: Uint8Array;
let b1001: Uint8Array;

beforeAll(async () => {
  [b1035, b1002, b1001] = await Promise.all(["1035", "1002", "1001"].map((c) => districtBytes(c)));
});

beforeEach(async () => {
  // Pages of two: a folder of seven entries takes four requests.
  s = await startStandin({ token: TOKEN, libraryUrl: FOLDER, pageSize: 2 });
});
afterEach(() => s.close());

const client = () =>
  graphClient({
    base: s.graphBase,
    fetch: (u, i) => fetch(u, i),
    token: async () => TOKEN,
    wait: async () => undefined,
  });

describe("listing the period's folder", () => {
  it("reads the files and the units' folders, names what it does not read, and merges as files on disk", async () => {
    s.put("1035-2567-r6.xlsx", b1035, "จอมทอง ผู้ส่ง");
    s.put("1002/1002-2567-r6.xlsx", b1002, "ดุสิต ผู้ส่ง");
    s.put("1001/1001-2567-r6.xlsx", b1001, "พระนคร ผู้ส่ง");
    s.put("1001/old/1001-2566-r6.xlsx", b1001);
    s.put("notes.xlsx", new TextEncoder().encode("meeting notes, not a workbook"));
    s.put("~$1035-2567-r6.xlsx", new Uint8Array([0]));
    s.notebook("ITA notebook");

    const listing = await listLibrary(client(), FOLDER, { cache: memoryCache() });
    expect(listing.folder.name).toBe("2567-r6");
    expect(listing.entries.map((e) => [e.name, e.modifiedBy])).toEqual([
      ["1001/1001-2567-r6.xlsx", "พระนคร ผู้ส่ง"],
      ["1002/1002-2567-r6.xlsx", "ดุสิต ผู้ส่ง"],
      ["1035-2567-r6.xlsx", "จอมทอง ผู้ส่ง"],
      ["notes.xlsx", "ผู้ทดสอบ ระบบ"],
    ]);
    expect(listing.ignored).toEqual([{ name: "~$1035-2567-r6.xlsx", why: "lock" }]);
    expect(listing.notRead.map((n) => [n.name, n.reason.en])).toEqual([
      [
        "1001/old",
        "a folder inside a unit's folder is not read; put the report directly in the unit's folder",
      ],
      ["ITA notebook", "a OneNote notebook, not an Excel workbook"],
    ]);
    // Nothing is downloaded before the merge reads.
    expect(s.downloads()).toEqual([]);

    const read = await readUnitFiles(listing.files, { inflate: nodeInflate });
    const o = mergeRead(read, { expect: "districts" });
    expect(o.result.merged.map((m) => m.unit.code)).toEqual(["1001", "1002", "1035"]);
    expect(o.result.rejected.map((r) => [r.file, r.reason.en])).toEqual([
      [
        "notes.xlsx",
        "notes.xlsx is a text file (such as CSV), not an Excel workbook (.xlsx): open it and save it as an Excel Workbook (.xlsx), then send it again",
      ],
    ]);
    expect(o.result.missing).toHaveLength(47);
    expect(s.downloads()).toEqual([
      "1001-2567-r6.xlsx",
      "1002-2567-r6.xlsx",
      "1035-2567-r6.xlsx",
      "notes.xlsx",
    ]);
    expect(listing.entries.map((e) => e.got)).toEqual([
      "downloaded",
      "downloaded",
      "downloaded",
      "downloaded",
    ]);
    // The token went to Graph only: every download went without it.
    expect(s.requests.filter((r) => r.host === "files").map((r) => r.authorization)).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(s.violations).toEqual([]);
  });

  it("does not download again what is unchanged since the last merge (eTag)", async () => {
    s.put("1035-2567-r6.xlsx", b1035);
    s.put("1002-2567-r6.xlsx", b1002);
    const cache = memoryCache();
    const first = await listLibrary(client(), FOLDER, { cache });
    await readUnitFiles(first.files, { inflate: nodeInflate });
    expect(s.downloads()).toEqual(["1002-2567-r6.xlsx", "1035-2567-r6.xlsx"]);

    const seen: string[] = [];
    const again = await listLibrary(client(), FOLDER, {
      cache,
      onFile: (e, how) => seen.push(`${how} ${e.name}`),
    });
    const read = await readUnitFiles(again.files, { inflate: nodeInflate });
    expect(read.subs.map((x) => x.form?.unit.value?.code)).toEqual(["1002", "1035"]);
    expect(seen).toEqual(["cached 1002-2567-r6.xlsx", "cached 1035-2567-r6.xlsx"]);
    expect(s.downloads()).toHaveLength(2);

    // Dusit sends a corrected file: only that one is downloaded.
    s.put("1002-2567-r6.xlsx", b1001);
    const third = await listLibrary(client(), FOLDER, { cache });
    await readUnitFiles(third.files, { inflate: nodeInflate });
    expect(third.entries.map((e) => [e.name, e.got])).toEqual([
      ["1002-2567-r6.xlsx", "downloaded"],
      ["1035-2567-r6.xlsx", "cached"],
    ]);
    expect(s.downloads()).toEqual(["1002-2567-r6.xlsx", "1035-2567-r6.xlsx", "1002-2567-r6.xlsx"]);
  });

  it("refuses a file over the reader's limit without downloading it", async () => {
    s.put("1035-2567-r6.xlsx", b1035);
    const listing = await listLibrary(client(), FOLDER, { maxBytes: 1000 });
    const read = await readUnitFiles(listing.files, { inflate: nodeInflate });
    expect(read.subs.map((x) => x.error?.en)).toEqual([
      `1035-2567-r6.xlsx is ${(b1035.length / 1048576).toFixed(1)} MB, over the 0.0 MB a unit's file may be; not downloaded`,
    ]);
    expect(s.downloads()).toEqual([]);
  });

  it("a sign-in that lapses while reading stops the reading instead of refusing each file", async () => {
    s.put("1035-2567-r6.xlsx", b1035);
    s.put("1002-2567-r6.xlsx", b1002);
    const listing = await listLibrary(client(), FOLDER);
    // The download URLs expire and the token is no longer accepted: the fresh URL is refused (401).
    s.expireDownloadUrls();
    s.token = "the-next-token";
    const e = await readUnitFiles(listing.files, { inflate: nodeInflate }).catch((x) => x);
    expect(e).toBeInstanceOf(SourceError);
    expect(e.reason.en).toBe(
      "Sign in again: Microsoft 365 did not accept the sign-in (401: expired or not valid), so could not download 1002-2567-r6.xlsx"
    );
  });

  it("a unit's folder that cannot be listed is named as not read, with why; the others are merged", async () => {
    s.put("1035-2567-r6.xlsx", b1035);
    s.put("1002/1002-2567-r6.xlsx", b1002);
    s.put("1001/1001-2567-r6.xlsx", b1001);
    // Moved or removed between the two listings.
    s.fault({ path: new RegExp(`/items/${s.mkdir("1002")}/children`), status: 404 });
    const listing = await listLibrary(client(), FOLDER);
    expect(listing.entries.map((e) => e.name)).toEqual([
      "1001/1001-2567-r6.xlsx",
      "1035-2567-r6.xlsx",
    ]);
    expect(listing.notRead.map((n) => [n.name, n.failed, n.reason.en])).toEqual([
      [
        "1002",
        true,
        "Could not list the files of the folder 2567-r6/1002: Microsoft 365 has no such item (404); it may have been moved or deleted, or the address is wrong",
      ],
    ]);
  });

  it("a folder the user may not read is said with its name (403)", async () => {
    s.fault({ path: /\/children/, status: 403, code: "accessDenied" });
    await expect(listLibrary(client(), FOLDER)).rejects.toThrow(
      "No permission to list the files of the folder 2567-r6 (403, accessDenied): ask the central office's library administrator for access"
    );
  });
});
