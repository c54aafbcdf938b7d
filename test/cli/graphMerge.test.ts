/**
 * `ita merge --graph URL` as a process, against the local Graph stand-in (test/graph/standin.ts, which
 * serves what Microsoft's pages describe: shares-get, driveitem-list-children paging,
 * driveitem-get-content's preauthenticated download URL on another host, throttling with Retry-After,
 * 401 for a token it does not take). Nothing leaves the machine: ITA_GRAPH_BASE points at loopback.
 */
import { spawn } from "child_process";
import { promises as fs } from "fs";
import path from "path";
import {
  DeviceCodeRequest,
  deviceCodeToken,
  graphBase,
  MsalNodeLike,
  tokenSource,
} from "../../src/cli/graph";
import { districtBytes } from "../graph/fixtures";
import { GraphStandin, startStandin } from "../graph/standin";
import { tmpDir } from "../tmp";

const ITA = path.join(__dirname, "../../bin/ita.js");
const TOKEN = "eyJ0eXAi.SECRET-CLI-TOKEN-4e1d.sig";
const FOLDER = "https://bkk.sharepoint.com/sites/ITA/Shared%20Documents/ITA/2567-r6";

/** Run the command without blocking this process (the stand-in answers from it). */
function ita(args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const p = spawn(process.execPath, [ITA, ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    p.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

let s: GraphStandin;
let dir: string;
let bytes: Record<string, Uint8Array>;

beforeAll(async () => {
  bytes = {};
  for (const c of ["1035", "1002", "1001", "1003"]) bytes[c] = await districtBytes(c);
});

beforeEach(async () => {
  // Pages of two entries (Graph's are 200): a folder of six takes three pages.
  s = await startStandin({ token: TOKEN, libraryUrl: FOLDER, pageSize: 2 });
  s.put("1001-2567-r6.xlsx", bytes["1001"], "พระนคร ผู้ส่ง");
  s.put("1002-2567-r6.xlsx", bytes["1002"], "ดุสิต ผู้ส่ง");
  s.put("1003/1003-2567-r6.xlsx", bytes["1003"], "หนองจอก ผู้ส่ง");
  s.put("1035-2567-r6.xlsx", bytes["1035"], "จอมทอง ผู้ส่ง");
  s.put("notes.xlsx", new TextEncoder().encode("meeting notes"), "ส่วนกลาง");
  s.put("~$1002-2567-r6.xlsx", new Uint8Array([0]));
  dir = await tmpDir();
});
afterEach(() => s.close());

const env = (extra: Record<string, string> = {}) => ({
  ITA_GRAPH_BASE: s.graphBase,
  ITA_GRAPH_TOKEN: TOKEN,
  ITA_GRAPH_CACHE: path.join(dir, "cache"),
  ...extra,
});

describe("ita merge --graph URL", () => {
  it("merges a paged folder, retries a 429 after its Retry-After, names the non-workbook, never sends the token to the download host", async () => {
    // The second page is throttled once: Retry-After 1 second.
    s.fault({ host: "graph", path: /\$skiptoken=2$/, status: 429, retryAfter: "1" });
    const out = path.join(dir, "s.xlsx");
    const r = await ita(["merge", "--graph", FOLDER, "-o", out], env());
    // notes.xlsx is rejected: exit 3, the summary still written.
    expect(r.status).toBe(3);
    expect((await fs.stat(out)).size).toBeGreaterThan(10000);
    expect(r.stderr).toContain(
      "Microsoft 365 ขอให้รอ 1 วินาที (429) แล้วลองใหม่ครั้งที่ 1 จาก 3 / Microsoft 365 asked to wait 1 s (429); retry 1 of 3"
    );
    expect(r.stdout).toContain(
      "ไลบรารี / library: 2567-r6 (https://bkk.sharepoint.com/sites/ITA/Shared%20Documents/ITA/2567-r6) · ไฟล์ / files: 5 · ดาวน์โหลด / downloaded: 5 · ไม่เปลี่ยนแปลงตั้งแต่ครั้งก่อน ไม่ดาวน์โหลดซ้ำ / unchanged since the last merge, not downloaded: 0"
    );
    expect(r.stdout).toContain(
      "  ส่งแล้ว / sent  1003/1003-2567-r6.xlsx · หนองจอก ผู้ส่ง · 2 พ.ย. 2569 16:03\u00a0น. / 2 Nov 2026, 16:03 (Bangkok time)"
    );
    expect(r.stdout).toContain("  ไม่รับ / rejected  notes.xlsx: ไฟล์ notes.xlsx เป็นไฟล์ข้อความ");
    expect(r.stdout).toContain("รวมแล้ว / merged: 4 · ไม่รับ / rejected: 1");
    expect(r.stdout).toContain(
      "  ไม่อ่านไฟล์ล็อกของ Office / Office lock files not read: ~$1002-2567-r6.xlsx\n"
    );

    // Three pages of children: the second asked twice, the retry at least a second after the 429.
    const pages = s.requests.filter((q) => q.host === "graph" && q.path.includes("/children"));
    expect(pages.map((q) => q.path.replace(/^.*\/children/, "children"))).toEqual([
      "children",
      "children?$skiptoken=2",
      "children?$skiptoken=2",
      "children?$skiptoken=4",
      // The unit's folder 1003.
      "children",
    ]);
    expect(pages[2].at - pages[1].at).toBeGreaterThanOrEqual(1000);
    // Every Graph request carried the token; no download did.
    expect(
      s.requests
        .filter((q) => q.host === "graph")
        .every((q) => q.authorization === `Bearer ${TOKEN}`)
    ).toBe(true);
    expect(s.requests.filter((q) => q.host === "files").map((q) => q.authorization)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(s.violations).toEqual([]);
    // The token is nowhere in what the command said.
    expect(r.stdout + r.stderr).not.toContain("SECRET-CLI-TOKEN");
    // Nor is a download URL's own credential.
    expect(r.stdout + r.stderr).not.toContain("tempauth");
  });

  it("a second merge downloads only what changed (eTag), and says who sent what in --json", async () => {
    const out = path.join(dir, "s.xlsx");
    const first = await ita(["merge", "--graph", FOLDER, "-o", out, "--json"], env());
    expect(first.status).toBe(3);
    expect(s.downloads()).toHaveLength(5);
    s.put("1002-2567-r6.xlsx", bytes["1002"], "ดุสิต แก้ไข");
    const again = await ita(["merge", "--graph", FOLDER, "-o", out, "--json"], env());
    expect(again.status).toBe(3);
    expect(s.downloads().slice(5)).toEqual(["1002-2567-r6.xlsx"]);
    const j = JSON.parse(again.stdout);
    expect(j.library).toEqual([
      {
        folder: "2567-r6",
        webUrl: FOLDER,
        files: [
          {
            file: "1001-2567-r6.xlsx",
            sentBy: "พระนคร ผู้ส่ง",
            sentAt: "2026-11-02T09:01:00.000Z",
            got: "cached",
          },
          {
            file: "1002-2567-r6.xlsx",
            sentBy: "ดุสิต แก้ไข",
            sentAt: "2026-11-02T09:07:00.000Z",
            got: "downloaded",
          },
          {
            file: "1003/1003-2567-r6.xlsx",
            sentBy: "หนองจอก ผู้ส่ง",
            sentAt: "2026-11-02T09:03:00.000Z",
            got: "cached",
          },
          {
            file: "1035-2567-r6.xlsx",
            sentBy: "จอมทอง ผู้ส่ง",
            sentAt: "2026-11-02T09:04:00.000Z",
            got: "cached",
          },
          {
            file: "notes.xlsx",
            sentBy: "ส่วนกลาง",
            sentAt: "2026-11-02T09:05:00.000Z",
            got: "cached",
          },
        ],
        notRead: [],
        ignored: [{ file: "~$1002-2567-r6.xlsx", kind: "lock" }],
      },
    ]);
    expect(j.merged.map((m: { unitCode: string }) => m.unitCode)).toEqual([
      "1001",
      "1002",
      "1003",
      "1035",
    ]);
    expect(j.rejected.map((x: { file: string }) => x.file)).toEqual(["notes.xlsx"]);
    expect(j.missing).toHaveLength(46);
  });

  it("exits 2 with 'sign in again' on a 401, without the token in any output", async () => {
    const r = await ita(
      ["merge", "--graph", FOLDER, "-o", path.join(dir, "s.xlsx")],
      env({ ITA_GRAPH_TOKEN: "eyJ.STALE-TOKEN-0a9.x" })
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `ไลบรารี / library  ${FOLDER}\n` +
        `ข้อผิดพลาด: ลงชื่อเข้าใช้อีกครั้ง: Microsoft 365 ไม่รับการลงชื่อเข้าใช้ (401 หมดอายุหรือไม่ถูกต้อง) จึงเปิดโฟลเดอร์ตามที่อยู่ ${FOLDER} ไม่ได้ (ตั้งค่า ITA_GRAPH_TOKEN ใหม่ หรือลบออกเพื่อลงชื่อเข้าใช้ด้วยรหัส)\n` +
        `Error: Sign in again: Microsoft 365 did not accept the sign-in (401: expired or not valid), so could not open the folder at ${FOLDER} (set a new ITA_GRAPH_TOKEN, or unset it to sign in with a code)\n`
    );
    expect(r.stdout + r.stderr).not.toContain("STALE-TOKEN");
    await expect(fs.stat(path.join(dir, "s.xlsx"))).rejects.toThrow();
  });

  it("exits 3 when a unit's folder could not be listed, naming it; the rest is merged", async () => {
    s.fault({ path: new RegExp(`/items/${s.mkdir("1003")}/children`), status: 403 });
    const out = path.join(dir, "s.xlsx");
    const r = await ita(["merge", "--graph", FOLDER, "-o", out], env());
    expect(r.status).toBe(3);
    expect(r.stdout).toContain(
      "  ไม่อ่าน / not read  1003: ไม่มีสิทธิ์อ่านรายการไฟล์ในโฟลเดอร์ 2567-r6/1003 (403, faultInjected): ขอสิทธิ์จากผู้ดูแลไลบรารีของส่วนกลาง / No permission to list the files of the folder 2567-r6/1003 (403, faultInjected): ask the central office's library administrator for access\n"
    );
    expect((await fs.stat(out)).size).toBeGreaterThan(0);
  });

  it("exits 2 naming the folder when it does not exist (404)", async () => {
    const r = await ita(["merge", "--graph", `${FOLDER}-x`, "-o", path.join(dir, "s.xlsx")], env());
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      `Error: Could not open the folder at ${FOLDER}-x: Microsoft 365 has no such item (404); it may have been moved or deleted, or the address is wrong`
    );
  });
});

describe("where the token and Graph come from", () => {
  it("ITA_GRAPH_BASE: Microsoft's by default; https, or http on this computer only", () => {
    expect(graphBase({})).toBe("https://graph.microsoft.com/v1.0");
    expect(graphBase({ ITA_GRAPH_BASE: "http://127.0.0.1:4000/v1.0/" })).toBe(
      "http://127.0.0.1:4000/v1.0"
    );
    expect(() => graphBase({ ITA_GRAPH_BASE: "http://graph.example.org/v1.0" })).toThrow(
      'ITA_GRAPH_BASE "http://graph.example.org/v1.0" must be https:// (but for this computer), so that the sign-in is never sent unencrypted'
    );
  });

  it("a token pasted wrapped, or with Bearer before it, is refused as such and never printed", () => {
    const io = { out: () => undefined, err: () => undefined };
    for (const t of ["eyJ0eXAi.SECRET-PART\n-TOKEN.sig", "Bearer eyJ0eXAi.SECRET-PART.sig"]) {
      let e: unknown = null;
      try {
        tokenSource({ ITA_GRAPH_TOKEN: t }, io);
      } catch (x) {
        e = x;
      }
      expect((e as Error).message).toContain(
        'ITA_GRAPH_TOKEN is not a usable token (it has a space, a line break or another character in it, or "Bearer" before it): copy the token again, on one line'
      );
      expect(JSON.stringify(e) + (e as Error).message).not.toContain("SECRET-PART");
    }
  });

  it("without ITA_GRAPH_TOKEN or ITA_GRAPH_CLIENT_ID it says what to set", () => {
    expect(() => tokenSource({}, { out: () => undefined, err: () => undefined })).toThrow(
      "Signing in to Microsoft 365 is needed: set ITA_GRAPH_TOKEN, or ITA_GRAPH_CLIENT_ID (the registered app's id, see docs/m365-setup.md) to sign in with a code"
    );
  });

  it("signs in with a code through MSAL (a fake msal-node), says where to type it, then renews silently", async () => {
    const calls: string[] = [];
    const fake: MsalNodeLike = {
      PublicClientApplication: class {
        constructor(cfg: { auth: { clientId: string; authority: string } }) {
          calls.push(`new ${cfg.auth.clientId} ${cfg.auth.authority}`);
        }
        async acquireTokenByDeviceCode(req: DeviceCodeRequest) {
          calls.push(`device ${req.scopes.join(" ")}`);
          req.deviceCodeCallback({
            userCode: "F7K2Q9",
            verificationUri: "https://microsoft.com/devicelogin",
            message: "",
          });
          return { accessToken: "device-token-1", account: { homeAccountId: "u1" } };
        }
        async acquireTokenSilent(req: { scopes: string[] }) {
          calls.push(`silent ${req.scopes.join(" ")}`);
          return { accessToken: "device-token-2" };
        }
      } as unknown as MsalNodeLike["PublicClientApplication"],
    };
    const err: string[] = [];
    const token = deviceCodeToken(
      {
        clientId: "11111111-2222-3333-4444-555555555555",
        tenant: "bkk.onmicrosoft.com",
        scopes: ["Files.Read.All"],
      },
      { out: () => undefined, err: (x) => err.push(x) },
      () => fake
    );
    expect(await token()).toBe("device-token-1");
    expect(await token()).toBe("device-token-2");
    expect(calls).toEqual([
      "new 11111111-2222-3333-4444-555555555555 https://login.microsoftonline.com/bkk.onmicrosoft.com",
      "device Files.Read.All",
      "silent Files.Read.All",
    ]);
    expect(err).toEqual([
      "ลงชื่อเข้าใช้ Microsoft 365: เปิด https://microsoft.com/devicelogin แล้วใส่รหัส F7K2Q9\n" +
        "Sign in to Microsoft 365: open https://microsoft.com/devicelogin and enter the code F7K2Q9\n",
    ]);
  });
});
