/**
 * `ita merge --graph URL`: the library's files as the merge takes them, in the command. The token is
 * `ITA_GRAPH_TOKEN`, or a sign-in with a code (`@azure/msal-node`'s device-code flow: open the page
 * it names on any device and type the code) with `ITA_GRAPH_CLIENT_ID` and `ITA_GRAPH_TENANT`; Graph
 * is `ITA_GRAPH_BASE` (default https://graph.microsoft.com/v1.0) so that tests use a local stand-in.
 * The token is never printed, logged or put in a message. Copies of the files are kept in a cache
 * folder by item and eTag, so that a file unchanged since the last merge is not downloaded again.
 */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { ByteCache, LibraryListing, listLibrary } from "../app/library";
import { msg } from "../domain/text";
import { graphClient, GraphClient, RetryNote, TokenSource } from "../graph";
import { writeBytesAtomic } from "../xlsx/write/atomic";
import { UserError } from "./args";
import type { Io } from "./io";

export const DEFAULT_GRAPH_BASE = "https://graph.microsoft.com/v1.0";
/** What the central office's merge needs: to read the files the signed-in user may read. */
export const DEFAULT_READ_SCOPES = ["Files.Read.All"];

export type Env = Record<string, string | undefined>;

/**
 * The Graph base URL: `ITA_GRAPH_BASE` or Microsoft's. It must be https, but for this computer's own
 * addresses (a local stand-in): the token is never sent in clear over a network.
 */
export function graphBase(env: Env): string {
  const raw = env.ITA_GRAPH_BASE?.trim() || DEFAULT_GRAPH_BASE;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new UserError(
      msg(
        `ITA_GRAPH_BASE "${raw}" ไม่ใช่ที่อยู่เว็บ (ค่าปกติ ${DEFAULT_GRAPH_BASE})`,
        `ITA_GRAPH_BASE "${raw}" is not a URL (the default is ${DEFAULT_GRAPH_BASE})`
      )
    );
  }
  const local = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(u.hostname);
  if (u.protocol !== "https:" && !(u.protocol === "http:" && local))
    throw new UserError(
      msg(
        `ITA_GRAPH_BASE "${raw}" ต้องขึ้นต้นด้วย https:// (ยกเว้นเครื่องนี้เอง) เพื่อไม่ให้ส่งสิทธิ์การเข้าใช้โดยไม่เข้ารหัส`,
        `ITA_GRAPH_BASE "${raw}" must be https:// (but for this computer), so that the sign-in is never sent unencrypted`
      )
    );
  return raw.replace(/\/+$/, "");
}

/** A device-code sign-in request, as `@azure/msal-node` takes it. */
export interface DeviceCodeRequest {
  scopes: string[];
  deviceCodeCallback: (r: { userCode: string; verificationUri: string; message: string }) => void;
}

/** The parts of `@azure/msal-node` the command uses (a fake one in the tests). */
export interface MsalNodeLike {
  PublicClientApplication: new (config: { auth: { clientId: string; authority: string } }) => {
    acquireTokenByDeviceCode(
      request: DeviceCodeRequest
    ): Promise<{ accessToken: string; account: unknown } | null>;
    acquireTokenSilent(request: {
      scopes: string[];
      account: never;
    }): Promise<{ accessToken: string }>;
  };
}

const loadMsalNode = () => require("@azure/msal-node") as MsalNodeLike;

/**
 * A sign-in with a code: MSAL asks Microsoft for a code, the command says where to type it, and the
 * token comes once the user has signed in there. Kept in MSAL's memory for this run only (renewed
 * silently if the run outlasts it); nothing is written to disk.
 */
export function deviceCodeToken(
  cfg: { clientId: string; tenant: string; scopes: string[] },
  io: Io,
  load: () => MsalNodeLike = loadMsalNode
): TokenSource {
  const { PublicClientApplication } = load();
  const pca = new PublicClientApplication({
    auth: {
      clientId: cfg.clientId,
      authority: `https://login.microsoftonline.com/${encodeURIComponent(cfg.tenant)}`,
    },
  });
  let account: unknown = null;
  return async () => {
    if (account) {
      try {
        return (await pca.acquireTokenSilent({ scopes: cfg.scopes, account: account as never }))
          .accessToken;
      } catch {
        // fall through to a new sign-in
      }
    }
    let r;
    try {
      r = await pca.acquireTokenByDeviceCode({
        scopes: cfg.scopes,
        deviceCodeCallback: (d) =>
          io.err(
            `ลงชื่อเข้าใช้ Microsoft 365: เปิด ${d.verificationUri} แล้วใส่รหัส ${d.userCode}\n` +
              `Sign in to Microsoft 365: open ${d.verificationUri} and enter the code ${d.userCode}\n`
          ),
      });
    } catch (e) {
      const code = (e as { errorCode?: string }).errorCode;
      throw new UserError(
        msg(
          `ลงชื่อเข้าใช้ Microsoft 365 ไม่สำเร็จ${code ? ` (${code})` : ""}: ลงชื่อเข้าใช้อีกครั้ง`,
          `Signing in to Microsoft 365 did not succeed${code ? ` (${code})` : ""}: sign in again`
        )
      );
    }
    if (!r)
      throw new UserError(
        msg(
          "ลงชื่อเข้าใช้ Microsoft 365 ไม่สำเร็จ: ลงชื่อเข้าใช้อีกครั้ง",
          "Signing in to Microsoft 365 did not succeed: sign in again"
        )
      );
    account = r.account;
    return r.accessToken;
  };
}

/** Where the token comes from: ITA_GRAPH_TOKEN, else a sign-in with a code. */
export function tokenSource(env: Env, io: Io, load?: () => MsalNodeLike): TokenSource {
  const token = env.ITA_GRAPH_TOKEN?.trim();
  // A token is one line of visible characters (RFC 6750 b64token); one pasted wrapped or with a
  // "Bearer " before it would fail as a header, and be taken for no connection. Never printed.
  if (token && !/^[A-Za-z0-9\-._~+/]+=*$/.test(token))
    throw new UserError(
      msg(
        "ITA_GRAPH_TOKEN ไม่ใช่โทเค็นที่ใช้ได้ (มีช่องว่าง ขึ้นบรรทัดใหม่ หรือตัวอักษรอื่นปนอยู่ หรือมีคำว่า Bearer นำหน้า) ให้คัดลอกโทเค็นมาใหม่เป็นบรรทัดเดียว",
        'ITA_GRAPH_TOKEN is not a usable token (it has a space, a line break or another character in it, or "Bearer" before it): copy the token again, on one line'
      )
    );
  if (token) return async () => token;
  const clientId = env.ITA_GRAPH_CLIENT_ID?.trim();
  if (!clientId)
    throw new UserError(
      msg(
        "ต้องลงชื่อเข้าใช้ Microsoft 365: ตั้งค่า ITA_GRAPH_TOKEN หรือ ITA_GRAPH_CLIENT_ID (รหัสแอปที่ลงทะเบียนไว้ ดู docs/m365-setup.md) เพื่อลงชื่อเข้าใช้ด้วยรหัส",
        "Signing in to Microsoft 365 is needed: set ITA_GRAPH_TOKEN, or ITA_GRAPH_CLIENT_ID (the registered app's id, see docs/m365-setup.md) to sign in with a code"
      )
    );
  const scopes = env.ITA_GRAPH_SCOPES?.trim().split(/[\s,]+/) ?? DEFAULT_READ_SCOPES;
  return deviceCodeToken(
    { clientId, tenant: env.ITA_GRAPH_TENANT?.trim() || "organizations", scopes },
    io,
    load
  );
}

/** The cache folder: `--cache DIR`, `ITA_GRAPH_CACHE`, else this user's cache folder; "off": none. */
export function cacheDir(given: string | undefined, env: Env): string | null {
  const v = given ?? env.ITA_GRAPH_CACHE;
  if (v === "off") return null;
  if (v) return v;
  const base =
    env.XDG_CACHE_HOME ||
    (process.platform === "win32" && env.LOCALAPPDATA) ||
    path.join(os.homedir(), ".cache");
  return path.join(base, "ita", "graph");
}

/** Copies kept on disk: `<sha256>.xlsx` beside `<sha256>.etag`, written whole or not at all. */
export function diskCache(dir: string): ByteCache {
  const file = (key: string) => path.join(dir, createHash("sha256").update(key).digest("hex"));
  return {
    get: async (key, eTag) => {
      try {
        if ((await fs.readFile(`${file(key)}.etag`, "utf8")) !== eTag) return null;
        return new Uint8Array(await fs.readFile(`${file(key)}.xlsx`));
      } catch {
        return null;
      }
    },
    put: async (key, eTag, bytes) => {
      try {
        // Units' reports: this user's only (as the folder they came from is not everyone's).
        await fs.mkdir(dir, { recursive: true, mode: 0o700 });
        // The tag is removed first and written last: a copy is used only when both are whole.
        await fs.rm(`${file(key)}.etag`, { force: true });
        await writeBytesAtomic(`${file(key)}.xlsx`, bytes);
        await writeBytesAtomic(`${file(key)}.etag`, new TextEncoder().encode(eTag));
      } catch {
        // A cache that cannot be written only costs a download next time.
      }
    },
  };
}

/** What the command says while Graph asks it to wait. */
export function retryLine(n: RetryNote): string {
  const s = Math.round(n.waitMs / 1000);
  if (n.reason === "gateway")
    return `Microsoft 365 ตอบ ${n.status} (ระบบทางผ่านขัดข้องชั่วคราว) รอ ${s} วินาที แล้วลองใหม่ครั้งที่ ${n.retry} จาก ${n.of} / Microsoft 365 answered ${n.status} (a gateway failed on the way); waiting ${s} s, retry ${n.retry} of ${n.of}\n`;
  return n.reason === "connection"
    ? `การเชื่อมต่อกับ Microsoft 365 ขาด รอ ${s} วินาที แล้วลองใหม่ครั้งที่ ${n.retry} จาก ${n.of} / the connection to Microsoft 365 broke off; waiting ${s} s, retry ${n.retry} of ${n.of}\n`
    : `Microsoft 365 ขอให้รอ ${s} วินาที (${n.status}) แล้วลองใหม่ครั้งที่ ${n.retry} จาก ${n.of} / Microsoft 365 asked to wait ${s} s (${n.status}); retry ${n.retry} of ${n.of}\n`;
}

export function cliGraph(env: Env, io: Io, opts: { quiet?: boolean } = {}): GraphClient {
  return graphClient({
    base: graphBase(env),
    fetch: (u, i) => fetch(u, i),
    token: tokenSource(env, io),
    onRetry: (n) => {
      if (!opts.quiet) io.err(retryLine(n));
    },
  });
}

/** List the library's folder (every page) with the disk cache, saying each file as it is fetched. */
export async function libraryFiles(
  url: string,
  g: GraphClient,
  io: Io,
  o: { cache: string | null; quiet?: boolean }
): Promise<LibraryListing> {
  if (!o.quiet) io.err(`ไลบรารี / library  ${url}\n`);
  return listLibrary(g, url, {
    cache: o.cache ? diskCache(o.cache) : undefined,
    onFile: (e, how) => {
      if (o.quiet) return;
      io.err(
        how === "cached"
          ? `ไม่เปลี่ยนแปลง ใช้สำเนาเดิม / unchanged, kept copy  ${e.name}\n`
          : `ดาวน์โหลด / downloading  ${e.name}\n`
      );
    },
  });
}
