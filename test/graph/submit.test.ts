/**
 * A district sends its workbook to the library (the stand-in: test/graph/standin.ts, after Microsoft's
 * pages on simple uploads, upload sessions, versions and errors).
 */
import {
  checkWorkbook,
  submissionName,
  submittedWords,
  submitWorkbook,
} from "../../src/app/submit";
import { findDistrict, namedUnit } from "../../src/domain";
import { graphClient } from "../../src/graph";
import { nodeInflate } from "../../src/xlsx/nodeInflate";
import { cleanBytes, districtBytes } from "./fixtures";
import { GraphStandin, startStandin } from "./standin";

const TOKEN = "tok-SUBMIT-TEST-77d0";
const LIBRARY = "https://bkk.sharepoint.com/sites/ITA/Shared%20Documents/ITA";

let s: GraphStandin;
let clean: Uint8Array;
let waits: number[];

beforeAll(async () => {
  clean = await cleanBytes();
});
beforeEach(async () => {
  s = await startStandin({ token: TOKEN, libraryUrl: LIBRARY, user: "นางสาวทดสอบ ระบบดี" });
  waits = [];
});
afterEach(() => s.close());

const client = () =>
  graphClient({
    base: s.graphBase,
    fetch: (u, i) => fetch(u, i),
    token: async () => TOKEN,
    wait: async (ms) => {
      waits.push(ms);
    },
  });

const send = (bytes = clean, steps?: string[]) =>
  submitWorkbook(client(), {
    library: LIBRARY,
    bytes,
    workbook: "Book1.xlsx",
    inflate: nodeInflate,
    now: new Date("2026-11-02T09:00:00Z"),
    onProgress: (p) =>
      steps?.push(p.step === "uploading" ? `uploading ${p.sent}/${p.total}` : p.step),
  });

describe("the name and the checks before sending", () => {
  it("names the file by unit code, fiscal year and round", () => {
    expect(submissionName(findDistrict("1035")!, { fiscalYear: 2570, round: 6 })).toBe(
      "1035-2570-r6.xlsx"
    );
    expect(
      submissionName(namedUnit('สำนักการคลัง / "กองบัญชี"'), { fiscalYear: 2570, round: 12 })
    ).toBe("สำนักการคลัง - -กองบัญชี--2570-r12.xlsx");
  });

  it("refuses a workbook whose saved copy still has errors, naming the sheet and cells, before any request", async () => {
    // I1 scored 150: over 100, an error.
    const raw = await districtBytes("1035", (r) => {
      r.items.find((i) => i.code === "I1")!.score = 150;
    });
    const e = await send(raw).catch((x) => x);
    expect(e.reason.en).toMatch(
      /^The saved workbook still has \d+ errors? on sheet "ITA 2567 รอบ 6" \(cells [A-Z]+\d+.*\), so it is not sent: if you fixed them, save the workbook \(Ctrl\+S\) and send again$/
    );
    expect(s.requests).toEqual([]);
  });

  it("refuses bytes that are not a workbook", () => {
    expect(() => checkWorkbook("Book1.xlsx", new TextEncoder().encode("x"), nodeInflate)).toThrow(
      "Book1.xlsx is a text file (such as CSV), not an Excel workbook (.xlsx)"
    );
  });
});

describe("sending (driveitem-put-content, driveitem-list-versions)", () => {
  it("uploads into the period's folder, then replaces it as the next version", async () => {
    s.mkdir("2567-r6");
    const steps: string[] = [];
    const first = await send(clean, steps);
    expect(first).toMatchObject({
      name: "1035-2567-r6.xlsx",
      path: "2567-r6/1035-2567-r6.xlsx",
      version: "1.0",
      replaced: null,
      webUrl: `${LIBRARY}/2567-r6/1035-2567-r6.xlsx`,
    });
    expect(steps).toEqual([
      "checking",
      "locating",
      `uploading 0/${clean.length}`,
      `uploading ${clean.length}/${clean.length}`,
      "version",
    ]);
    const second = await send();
    expect(second.version).toBe("2.0");
    expect(second.replaced).toEqual({ at: first.at, by: "นางสาวทดสอบ ระบบดี" });
    expect(s.versionsAt("2567-r6/1035-2567-r6.xlsx").map((v) => v.id)).toEqual(["1.0", "2.0"]);
    expect(
      Buffer.from(s.versionsAt("2567-r6/1035-2567-r6.xlsx")[1].bytes).equals(Buffer.from(clean))
    ).toBe(true);
    // The stand-in's clock: 09:01 and 09:02 UTC, 16:01 and 16:02 in Bangkok.
    expect(submittedWords(second, "ITA")).toEqual({
      th: `ส่งรายงานของสำนักงานเขตจอมทอง ปีงบประมาณ 2567 รอบ 6 เดือน แล้ว เมื่อ 2 พ.ย. 2569 16:02\u00a0น.: 2567-r6/1035-2567-r6.xlsx ในไลบรารี ITA รุ่น 2.0 แทนไฟล์ที่ส่งไว้เมื่อ 2 พ.ย. 2569 16:01\u00a0น. (SharePoint เก็บรุ่นเดิมไว้)`,
      en: `Sent the report of Chom Thong for the fiscal year 2567, 6-month round at 2 Nov 2026, 16:02 (Bangkok time): 2567-r6/1035-2567-r6.xlsx in the library ITA, version 2.0. It replaces the file sent 2 Nov 2026, 16:01 (Bangkok time) (SharePoint keeps the earlier version).`,
    });
    // The upload: a PUT by path with replace in the URL.
    expect(s.log("graph").filter((l) => l.startsWith("PUT"))).toEqual([
      expect.stringMatching(
        /^PUT \/v1\.0\/drives\/b!ita-library-drive\/items\/ITEM\d+:\/1035-2567-r6\.xlsx:\/content\?@microsoft\.graph\.conflictBehavior=replace$/
      ),
      expect.stringMatching(
        /:\/1035-2567-r6\.xlsx:\/content\?@microsoft\.graph\.conflictBehavior=replace$/
      ),
    ]);
  });

  it("goes into the unit's own folder when the period's folder has one", async () => {
    s.mkdir("2567-r6/1035");
    s.mkdir("2567-r6/1002");
    expect((await send()).path).toBe("2567-r6/1035/1035-2567-r6.xlsx");
    expect(s.exists("2567-r6/1035/1035-2567-r6.xlsx")).toBe(true);
  });

  it("says when the round's folder does not exist yet", async () => {
    await expect(send()).rejects.toThrow(
      "The library ITA has no folder 2567-r6 for the fiscal year 2567, 6-month round, so the report cannot be sent: ask the central office to create the round's folder (see docs/m365-setup.md)"
    );
    expect(s.log("graph").some((l) => l.startsWith("PUT"))).toBe(false);
  });

  it("a file the library takes only in an upload session (413) is sent in 320 KiB fragments", async () => {
    const s2 = await startStandin({ token: TOKEN, libraryUrl: LIBRARY, simpleMax: 20 * 1024 });
    try {
      s2.mkdir("2567-r6");
      const g = graphClient({
        base: s2.graphBase,
        fetch: (u, i) => fetch(u, i),
        token: async () => TOKEN,
      });
      const r = await submitWorkbook(g, {
        library: LIBRARY,
        bytes: clean,
        workbook: "B.xlsx",
        inflate: nodeInflate,
      });
      expect(r.version).toBe("1.0");
      expect(
        s2
          .log("graph")
          .filter((l) => /PUT|POST/.test(l))
          .map((l) => l.split(":/").pop())
      ).toEqual(["content?@microsoft.graph.conflictBehavior=replace", "createUploadSession"]);
      expect(
        s2.requests.filter((q) => q.host === "files").map((q) => [q.method, q.authorization])
      ).toEqual([["PUT", null]]);
      expect(s2.violations).toEqual([]);
    } finally {
      await s2.close();
    }
  });
});

describe("each failure in words (https://learn.microsoft.com/graph/errors)", () => {
  beforeEach(() => {
    s.mkdir("2567-r6");
  });
  const put = /:\/content\?/;

  it("401: sign in again", async () => {
    s.fault({ method: "PUT", path: put, status: 401, code: "InvalidAuthenticationToken" });
    await expect(send()).rejects.toThrow(
      "Sign in again: Microsoft 365 did not accept the sign-in (401: expired or not valid), so could not send 1035-2567-r6.xlsx to 2567-r6/1035-2567-r6.xlsx"
    );
  });

  it("403: no permission to write there", async () => {
    s.fault({ method: "PUT", path: put, status: 403, code: "accessDenied" });
    await expect(send()).rejects.toThrow(
      "No permission to send 1035-2567-r6.xlsx to 2567-r6/1035-2567-r6.xlsx (403, accessDenied): ask the central office's library administrator for access"
    );
  });

  it("409: a conflicting change", async () => {
    s.fault({ method: "PUT", path: put, status: 409, code: "nameAlreadyExists" });
    await expect(send()).rejects.toThrow(
      "Could not send 1035-2567-r6.xlsx to 2567-r6/1035-2567-r6.xlsx: a conflicting change in Microsoft 365 (409, nameAlreadyExists)"
    );
  });

  it("429 then 503 with Retry-After: waited and sent", async () => {
    s.fault({ method: "PUT", path: put, status: 429, retryAfter: "3" });
    s.fault({ method: "PUT", path: put, status: 503, retryAfter: "1" });
    expect((await send()).version).toBe("1.0");
    expect(waits).toEqual([3000, 1000]);
  });

  it("offline: nothing reached Microsoft 365", async () => {
    const g = graphClient({
      base: s.graphBase,
      token: async () => TOKEN,
      fetch: async () => {
        throw new TypeError("fetch failed");
      },
    });
    await expect(
      submitWorkbook(g, {
        library: LIBRARY,
        bytes: clean,
        workbook: "B.xlsx",
        inflate: nodeInflate,
      })
    ).rejects.toThrow(
      `Could not reach Microsoft 365 to open the folder at ${LIBRARY}: check the internet connection and try again`
    );
  });
});
