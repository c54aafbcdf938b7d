/**
 * The Graph client and the drive operations against the local stand-in (test/graph/standin.ts), which
 * serves what Microsoft's pages say (cited there and here). Waits for Retry-After go to a recorded
 * fake clock: the tests never sleep.
 */
import {
  downloadFile,
  folderUrl,
  graphClient,
  GraphError,
  latestVersion,
  listChildren,
  resolveFolder,
  retryAfterSeconds,
  sharingToken,
  uploadFile,
} from "../../src/graph";
import { msg } from "../../src/domain/text";
import { GraphStandin, startStandin } from "./standin";

const TOKEN = "tok-CLIENT-TEST-9f3a";
const LIBRARY = "https://bkk.sharepoint.com/sites/ITA/Shared%20Documents/ITA";
const action = msg("ทดสอบ", "test");

let s: GraphStandin;
let waits: number[];

function client(extra: Partial<Parameters<typeof graphClient>[0]> = {}) {
  return graphClient({
    base: s.graphBase,
    fetch: (u, i) => fetch(u, i),
    token: async () => TOKEN,
    wait: async (ms) => {
      waits.push(ms);
    },
    ...extra,
  });
}

beforeEach(async () => {
  s = await startStandin({ token: TOKEN, libraryUrl: LIBRARY, pageSize: 2 });
  waits = [];
});
afterEach(() => s.close());

describe("sharing URLs (https://learn.microsoft.com/graph/api/shares-get, Encoding sharing URLs)", () => {
  it("encodes the page's own example as base64url without padding, after u!", () => {
    // Worked with `base64 | tr '+/' '-_' | tr -d '='` in a shell.
    expect(
      sharingToken("https://onedrive.live.com/redir?resid=1231244193912!12&authKey=1201919!12921!1")
    ).toBe(
      "u!aHR0cHM6Ly9vbmVkcml2ZS5saXZlLmNvbS9yZWRpcj9yZXNpZD0xMjMxMjQ0MTkzOTEyITEyJmF1dGhLZXk9MTIwMTkxOSExMjkyMSEx"
    );
  });

  it("replaces + and / and drops the = padding (a Thai path, UTF-8)", () => {
    expect(sharingToken("https://bkk.sharepoint.com/sites/ita/ลอง?x=1>")).toBe(
      "u!aHR0cHM6Ly9ia2suc2hhcmVwb2ludC5jb20vc2l0ZXMvaXRhL-C4peC4reC4hz94PTE-"
    );
    expect(
      sharingToken(
        "https://bkk.sharepoint.com/sites/ITA/Shared%20Documents/ITA%20%E0%B8%A3%E0%B8%B2%E0%B8%A2%E0%B8%87%E0%B8%B2%E0%B8%99"
      )
    ).toBe(
      "u!aHR0cHM6Ly9ia2suc2hhcmVwb2ludC5jb20vc2l0ZXMvSVRBL1NoYXJlZCUyMERvY3VtZW50cy9JVEElMjAlRTAlQjglQTMlRTAlQjglQjIlRTAlQjglQTIlRTAlQjglODclRTAlQjglQjIlRTAlQjglOTk"
    );
  });

  it("takes a library page's address (AllItems.aspx?id=…) as the folder it shows", () => {
    expect(
      folderUrl(
        "https://bkk.sharepoint.com/sites/ITA/Shared%20Documents/Forms/AllItems.aspx?id=%2Fsites%2FITA%2FShared%20Documents%2FITA&viewid=5c1e"
      )
    ).toBe("https://bkk.sharepoint.com/sites/ITA/Shared%20Documents/ITA");
    // A folder's own address and a sharing link stay as they are.
    expect(folderUrl(` ${LIBRARY} `)).toBe(LIBRARY);
    expect(folderUrl("https://bkk.sharepoint.com/:f:/s/ITA/EaBcDeF?e=x1")).toBe(
      "https://bkk.sharepoint.com/:f:/s/ITA/EaBcDeF?e=x1"
    );
  });
});

describe("Retry-After (https://learn.microsoft.com/graph/throttling)", () => {
  it("reads seconds and HTTP dates", () => {
    expect(retryAfterSeconds("7")).toBe(7);
    expect(
      retryAfterSeconds("Mon, 02 Nov 2026 09:00:30 GMT", Date.parse("2026-11-02T09:00:00Z"))
    ).toBe(30);
    expect(retryAfterSeconds(null)).toBe(null);
    expect(retryAfterSeconds("soon")).toBe(null);
  });

  it("reads the two older date forms HTTP takes (RFC 9110 §5.6.7), and nothing else as a date", () => {
    const now = Date.parse("1994-11-06T08:49:00Z");
    expect(retryAfterSeconds("Sunday, 06-Nov-94 08:49:37 GMT", now)).toBe(37);
    expect(retryAfterSeconds("Sun Nov  6 08:49:37 1994", now)).toBe(37);
    // The asctime form names no zone: GMT, whatever this computer's zone is.
    const tz = process.env.TZ;
    process.env.TZ = "Asia/Bangkok";
    try {
      expect(retryAfterSeconds("Sun Nov  6 08:49:37 1994", now)).toBe(37);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    // Date.parse takes these for dates long past ("retry at once"): not whole seconds, not dates.
    expect(retryAfterSeconds("1.5")).toBe(null);
    expect(retryAfterSeconds("5, 5")).toBe(null);
    expect(retryAfterSeconds("-3")).toBe(null);
  });
});

describe("the folder and its children", () => {
  it("resolves the folder URL and lists every page through @odata.nextLink", async () => {
    for (const n of ["e.xlsx", "a.xlsx", "c.xlsx", "b.xlsx", "d.xlsx"])
      s.put(`2570-r6/${n}`, new Uint8Array([1]));
    const g = client();
    const root = await resolveFolder(g, LIBRARY);
    expect(root).toEqual({
      driveId: "b!ita-library-drive",
      id: "ITA-ROOT",
      name: "ITA",
      webUrl: LIBRARY,
    });
    const period = await listChildren(g, root, action);
    expect(period.map((i) => i.name)).toEqual(["2570-r6"]);
    const files = await listChildren(g, { driveId: root.driveId, id: period[0].id }, action);
    expect(files.map((i) => i.name)).toEqual(["a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx", "e.xlsx"]);
    // Three pages of two: the first request, then the two next links as Graph gave them.
    const pages = s.log("graph").filter((l) => l.includes("/children"));
    expect(pages).toEqual([
      "GET /v1.0/drives/b!ita-library-drive/items/ITA-ROOT/children",
      `GET /v1.0/drives/b!ita-library-drive/items/${period[0].id}/children`,
      `GET /v1.0/drives/b!ita-library-drive/items/${period[0].id}/children?$skiptoken=2`,
      `GET /v1.0/drives/b!ita-library-drive/items/${period[0].id}/children?$skiptoken=4`,
    ]);
    expect(s.log("graph")[0]).toBe(
      "GET /v1.0/shares/u!aHR0cHM6Ly9ia2suc2hhcmVwb2ludC5jb20vc2l0ZXMvSVRBL1NoYXJlZCUyMERvY3VtZW50cy9JVEE/driveItem"
    );
  });

  it("refuses a next link on another origin without sending it the token", async () => {
    const g = client({
      fetch: async (u, i) =>
        u.endsWith("/children")
          ? new Response(
              JSON.stringify({ value: [], "@odata.nextLink": "https://evil.example/next" })
            )
          : fetch(u, i),
    });
    await expect(listChildren(g, { driveId: "d", id: "x" }, action)).rejects.toMatchObject({
      kind: "other",
      code: "nextLinkElsewhere",
    });
  });

  it("says a URL that points at a file is not a folder", async () => {
    // A file's driveItem, as the shares API would give it for a file's URL.
    const g = graphClient({
      base: s.graphBase,
      token: async () => TOKEN,
      fetch: async () =>
        new Response(
          JSON.stringify({ id: "F1", name: "x.xlsx", file: {}, parentReference: { driveId: "d" } })
        ),
    });
    await expect(resolveFolder(g, `${LIBRARY}/x.xlsx`)).rejects.toThrow(
      `${LIBRARY}/x.xlsx is the file x.xlsx, not a folder: copy the folder's address from SharePoint`
    );
  });
});

describe("throttling: 429 and 503 with Retry-After, a bounded number of retries", () => {
  it("waits the seconds Retry-After gives, then retries and succeeds", async () => {
    s.fault({ path: /\/children/, status: 429, retryAfter: "1" });
    s.fault({ path: /\/children/, status: 503, retryAfter: "2" });
    const notes: string[] = [];
    const g = client({ onRetry: (n) => notes.push(`${n.status} ${n.waitMs} ${n.retry}/${n.of}`) });
    expect(
      await listChildren(g, { driveId: "b!ita-library-drive", id: "ITA-ROOT" }, action)
    ).toEqual([]);
    expect(waits).toEqual([1000, 2000]);
    expect(notes).toEqual(["429 1000 1/3", "503 2000 2/3"]);
    expect(s.log("graph")).toHaveLength(3);
  });

  it("gives up after three retries, saying when to try again", async () => {
    s.fault({ path: /\/children/, status: 429, retryAfter: "1", times: 10 });
    const g = client();
    const e = await listChildren(
      g,
      { driveId: "b!ita-library-drive", id: "ITA-ROOT" },
      action
    ).catch((x) => x);
    expect(e).toBeInstanceOf(GraphError);
    expect(e.kind).toBe("throttled");
    expect(e.reason.en).toBe(
      "Microsoft 365 asked to wait (429) and was still busy after 3 retries, so could not test: try again in 1 second"
    );
    expect(waits).toEqual([1000, 1000, 1000]);
    expect(s.log("graph")).toHaveLength(4);
  });

  it("does not wait a Retry-After longer than two minutes", async () => {
    s.fault({ path: /\/children/, status: 503, retryAfter: "600" });
    const e = await listChildren(
      client(),
      { driveId: "b!ita-library-drive", id: "ITA-ROOT" },
      action
    ).catch((x) => x);
    expect(e.kind).toBe("throttled");
    expect(e.reason.th).toBe(
      "Microsoft 365 ขอให้รอ 600 วินาที (503) นานกว่าที่โปรแกรมรอ จึงทดสอบไม่ได้: ลองอีกครั้งในอีก 600 วินาที"
    );
    expect(e.reason.en).toBe(
      "Microsoft 365 asked to wait 600 seconds (503), longer than this program waits, so could not test: try again in 600 seconds"
    );
    expect(waits).toEqual([]);
  });

  it("waits at least a second, whatever Retry-After says, and backs off on one it cannot read", async () => {
    s.fault({ path: /\/children/, status: 429, retryAfter: "0" });
    s.fault({ path: /\/children/, status: 429, retryAfter: "1.5" });
    s.fault({ path: /\/children/, status: 503, retryAfter: "5, 5" });
    await listChildren(client(), { driveId: "b!ita-library-drive", id: "ITA-ROOT" }, action);
    expect(waits).toEqual([1000, 4000, 8000]);
  });

  it("a read is retried when a gateway fails on the way (502, 504); then it goes on", async () => {
    s.fault({ path: /\/children/, status: 504 });
    s.fault({ path: /\/children/, status: 502 });
    const notes: string[] = [];
    const g = client({ onRetry: (n) => notes.push(`${n.reason} ${n.status} ${n.waitMs}`) });
    expect(
      await listChildren(g, { driveId: "b!ita-library-drive", id: "ITA-ROOT" }, action)
    ).toEqual([]);
    expect(notes).toEqual(["gateway 504 2000", "gateway 502 4000"]);
    expect(s.log("graph")).toHaveLength(3);
  });

  it("a write is not sent twice after a 504: it fails with the status", async () => {
    s.fault({ method: "PUT", path: /content/, status: 504 });
    const e = await client()
      .request("PUT", "/drives/b!ita-library-drive/items/ITA-ROOT:/x.xlsx:/content", {
        action,
        body: "x",
      })
      .catch((x) => x);
    expect(e.reason.en).toBe(
      "Could not test: Microsoft 365 answered 504, faultInjected; try again later"
    );
    expect(waits).toEqual([]);
    expect(s.log("graph")).toHaveLength(1);
  });

  it("backs off 2, 4, 8 s when no Retry-After is given", async () => {
    s.fault({ path: /\/children/, status: 429, times: 3 });
    await listChildren(client(), { driveId: "b!ita-library-drive", id: "ITA-ROOT" }, action);
    expect(waits).toEqual([2000, 4000, 8000]);
  });
});

describe("errors in words, never with the token", () => {
  it("401 asks to sign in again", async () => {
    const g = client({ token: async () => "expired-token-XYZ" });
    const e = await resolveFolder(g, LIBRARY).catch((x) => x);
    expect(e.kind).toBe("signin");
    expect(e.reason.en).toBe(
      `Sign in again: Microsoft 365 did not accept the sign-in (401: expired or not valid), so could not open the folder at ${LIBRARY}`
    );
    expect(e.reason.th).toMatch(/^ลงชื่อเข้าใช้อีกครั้ง/);
    expect(JSON.stringify(e.reason)).not.toContain("expired-token-XYZ");
    expect(e.message).not.toContain("expired-token-XYZ");
  });

  it("403, 404, 409 and 423 name the action and what to do", async () => {
    const g = client();
    const folder = { driveId: "b!ita-library-drive", id: "ITA-ROOT" };
    for (const [status, code, en] of [
      [
        403,
        "accessDenied",
        "No permission to test (403, accessDenied): ask the central office's library administrator for access",
      ],
      [
        404,
        "itemNotFound",
        "Could not test: Microsoft 365 has no such item (404); it may have been moved or deleted, or the address is wrong",
      ],
      [
        409,
        "nameAlreadyExists",
        "Could not test: a conflicting change in Microsoft 365 (409, nameAlreadyExists), such as the file being checked out or a folder of that name; wait a moment and try again",
      ],
      [
        423,
        "resourceLocked",
        "Could not test: the file is locked (423), open for editing or checked out by someone; close it there and try again",
      ],
    ] as const) {
      s.fault({ path: /\/children/, status, code });
      await expect(listChildren(g, folder, action)).rejects.toThrow(en);
    }
  });

  it("no connection is said as such", async () => {
    const closed = await startStandin({ token: TOKEN, libraryUrl: LIBRARY });
    const base = closed.graphBase;
    await closed.close();
    const g = graphClient({
      base,
      fetch: (u, i) => fetch(u, i),
      token: async () => TOKEN,
      wait: async (ms) => {
        waits.push(ms);
      },
    });
    const e = await resolveFolder(g, LIBRARY).catch((x) => x);
    // Tried again after 2, 4 and 8 s (a connection can come back), then said.
    expect(waits).toEqual([2000, 4000, 8000]);
    expect(e.kind).toBe("offline");
    expect(e.reason.en).toBe(
      `Could not reach Microsoft 365 to open the folder at ${LIBRARY}: check the internet connection and try again`
    );
  });

  it("an answer that is not JSON (a proxy's sign-in page) is said as such", async () => {
    s.fault({ path: /\/shares\//, status: 200, answer: "html" });
    const e = await resolveFolder(client(), LIBRARY).catch((x) => x);
    expect(e).toBeInstanceOf(GraphError);
    expect(e.code).toBe("notJson");
    expect(e.reason.en).toBe(
      `Could not open the folder at ${LIBRARY}: the answer was not Microsoft Graph's (not JSON); a network sign-in page or a proxy may be in the way: check the ITA_GRAPH_BASE address and the connection, and try again`
    );
  });

  it("never sends the token to another origin, whatever it is asked", async () => {
    await expect(
      client().request("GET", "https://elsewhere.example/x", { action })
    ).rejects.toThrow("refused: the Graph token is sent only to the Graph base's origin");
    expect(s.requests).toEqual([]);
  });
});

describe("downloads through @microsoft.graph.downloadUrl (https://learn.microsoft.com/graph/api/driveitem-get-content)", () => {
  it("fetch the bytes from the file host without the token", async () => {
    s.put("2570-r6/1035.xlsx", new Uint8Array([80, 75, 3, 4]));
    const g = client();
    const root = await resolveFolder(g, LIBRARY);
    const [folder] = await listChildren(g, root, action);
    const [file] = await listChildren(g, { driveId: root.driveId, id: folder.id }, action);
    expect(file["@microsoft.graph.downloadUrl"]).toMatch(
      new RegExp(`^${s.filesOrigin}/download/${file.id}\\?tempauth=`)
    );
    expect([...(await downloadFile(g, root.driveId, file, action))]).toEqual([80, 75, 3, 4]);
    const files = s.requests.filter((r) => r.host === "files");
    expect(files.map((r) => [r.method, r.authorization])).toEqual([["GET", null]]);
    expect(s.violations).toEqual([]);
  });

  it("asks Graph for a fresh URL once when the listed one has expired", async () => {
    s.put("f.xlsx", new Uint8Array([9]));
    const g = client();
    const root = await resolveFolder(g, LIBRARY);
    const [file] = (await listChildren(g, root, action)).filter((i) => i.file);
    s.expireDownloadUrls();
    expect([...(await downloadFile(g, root.driveId, file, action))]).toEqual([9]);
    expect(s.log("graph").at(-1)).toBe(
      `GET /v1.0/drives/b!ita-library-drive/items/${file.id}?$select=id,@microsoft.graph.downloadUrl`
    );
    expect(s.log("files")).toHaveLength(2);
    expect(s.violations).toEqual([]);
  });
});

describe("downloads that fail on the way", () => {
  async function listed(bytes: number[]) {
    s.put("f.xlsx", new Uint8Array(bytes));
    const g = client();
    const root = await resolveFolder(g, LIBRARY);
    const [file] = (await listChildren(g, root, action)).filter((i) => i.file);
    return { g, root, file };
  }

  it("a download broken off is fetched again, without the token", async () => {
    const { g, root, file } = await listed([7, 8]);
    s.fault({ host: "files", path: /download/, status: 200, answer: "cut" });
    expect([...(await downloadFile(g, root.driveId, file, action))]).toEqual([7, 8]);
    expect(waits).toEqual([2000]);
    expect(s.log("files")).toHaveLength(2);
    expect(s.violations).toEqual([]);
  });

  it("one that keeps breaking off is the connection's failing, not the file's", async () => {
    const { g, root, file } = await listed([7]);
    s.fault({ host: "files", path: /download/, status: 200, answer: "cut", times: 4 });
    const e = await downloadFile(g, root.driveId, file, action).catch((x) => x);
    expect(e.kind).toBe("offline");
    expect(e.fatal).toBe(true);
    expect(e.reason.en).toBe(
      "The connection to Microsoft 365 broke off, so could not test: check the internet connection and try again"
    );
    expect(waits).toEqual([2000, 4000, 8000]);
  });

  it("a download address refused twice is not a sign-in to renew", async () => {
    const { g, root, file } = await listed([7]);
    s.fault({ host: "files", path: /download/, status: 401, times: 2 });
    const e = await downloadFile(g, root.driveId, file, action).catch((x) => x);
    expect(e.kind).toBe("linkRefused");
    expect(e.fatal).toBe(false);
    expect(e.reason.en).toBe(
      "Could not test: the temporary address Microsoft 365 gave for it was refused (401), although the sign-in is valid; try again later"
    );
    expect(e.reason.th).toBe(
      "ทดสอบไม่ได้: ที่อยู่ชั่วคราวที่ Microsoft 365 ให้มาถูกปฏิเสธ (401) แม้การลงชื่อเข้าใช้ยังใช้ได้ ลองอีกครั้งภายหลัง"
    );
    // The listed address, then the fresh one Graph gave: each once.
    expect(s.log("files")).toHaveLength(2);
  });
});

describe("uploads (driveitem-put-content, driveitem-createuploadsession)", () => {
  const root = { driveId: "b!ita-library-drive", id: "ITA-ROOT" };
  const type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  it("a small file: one PUT with conflictBehavior=replace in the URL; again replaces it as version 2.0", async () => {
    const period = { driveId: root.driveId, id: s.mkdir("2570-r6") };
    const g = client();
    const first = await uploadFile(g, {
      folder: period,
      name: "1035-2570-r6.xlsx",
      bytes: new Uint8Array([1, 2, 3]),
      contentType: type,
      action,
    });
    expect(first.name).toBe("1035-2570-r6.xlsx");
    await uploadFile(g, {
      folder: period,
      name: "1035-2570-r6.xlsx",
      bytes: new Uint8Array([4, 5]),
      contentType: type,
      action,
    });
    expect(s.log("graph")).toEqual([
      `PUT /v1.0/drives/b!ita-library-drive/items/${period.id}:/1035-2570-r6.xlsx:/content?@microsoft.graph.conflictBehavior=replace`,
      `PUT /v1.0/drives/b!ita-library-drive/items/${period.id}:/1035-2570-r6.xlsx:/content?@microsoft.graph.conflictBehavior=replace`,
    ]);
    expect(s.versionsAt("2570-r6/1035-2570-r6.xlsx").map((v) => [v.id, [...v.bytes]])).toEqual([
      ["1.0", [1, 2, 3]],
      ["2.0", [4, 5]],
    ]);
    expect(await latestVersion(g, root.driveId, first.id, action)).toBe("2.0");
  });

  it("a large file goes through an upload session in 320 KiB multiples, without the token", async () => {
    const bytes = new Uint8Array(700 * 1024).map((_, i) => i % 251);
    const progress: string[] = [];
    const item = await uploadFile(client(), {
      folder: root,
      name: "big.xlsx",
      bytes,
      contentType: type,
      action,
      simpleMax: 100 * 1024,
      fragmentSize: 320 * 1024,
      onProgress: (p) => progress.push(`${p.sent}/${p.total}`),
    });
    expect(item.name).toBe("big.xlsx");
    expect(s.log("graph")).toEqual([
      "POST /v1.0/drives/b!ita-library-drive/items/ITA-ROOT:/big.xlsx:/createUploadSession",
    ]);
    // 716,800 bytes: 327,680 + 327,680 + 61,440.
    const puts = s.requests.filter((r) => r.host === "files");
    expect(puts.map((r) => [r.method, r.authorization])).toEqual([
      ["PUT", null],
      ["PUT", null],
      ["PUT", null],
    ]);
    expect(progress).toEqual(["0/716800", "327680/716800", "655360/716800", "716800/716800"]);
    expect(s.violations).toEqual([]);
    expect(Buffer.from(s.versionsAt("big.xlsx")[0].bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it("a simple upload refused as too large (413) goes on through a session", async () => {
    const s2 = await startStandin({ token: TOKEN, libraryUrl: LIBRARY, simpleMax: 1000 });
    try {
      const g = graphClient({
        base: s2.graphBase,
        fetch: (u, i) => fetch(u, i),
        token: async () => TOKEN,
      });
      await uploadFile(g, {
        folder: root,
        name: "x.xlsx",
        bytes: new Uint8Array(2000),
        contentType: type,
        action,
      });
      expect(s2.log("graph").map((l) => l.split(" ")[0] + " " + l.split(":/").pop())).toEqual([
        "PUT content?@microsoft.graph.conflictBehavior=replace",
        "POST createUploadSession",
      ]);
      expect(s2.log("files")).toEqual(["PUT /upload/S1?guid=S1"]);
      expect(s2.versionsAt("x.xlsx")).toHaveLength(1);
    } finally {
      await s2.close();
    }
  });

  it("a fragment lost on the way is resumed from the session's nextExpectedRanges", async () => {
    s.fault({ host: "files", method: "PUT", path: /^\/upload\//, status: 500 });
    const bytes = new Uint8Array(400 * 1024);
    await uploadFile(client(), {
      folder: root,
      name: "r.xlsx",
      bytes,
      contentType: type,
      action,
      simpleMax: 1024,
      fragmentSize: 320 * 1024,
    });
    expect(s.log("files")).toEqual([
      "PUT /upload/S1?guid=S1",
      "GET /upload/S1?guid=S1",
      "PUT /upload/S1?guid=S1",
      "PUT /upload/S1?guid=S1",
    ]);
    expect(s.versionsAt("r.xlsx")[0].bytes.length).toBe(409600);
  });
});
