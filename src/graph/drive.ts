/**
 * Files and folders of a SharePoint document library (or a OneDrive folder) through Microsoft Graph:
 * a folder from the URL people copy, its children, a file's bytes, and an upload that replaces the
 * unit's earlier file. Each step follows the page of Microsoft's reference named beside it.
 */
import { msg } from "../domain/text";
import { GraphClient } from "./client";
import { Action, GraphError } from "./errors";

/** The parts of a driveItem (https://learn.microsoft.com/graph/api/resources/driveitem) we use. */
export interface DriveItem {
  id: string;
  name: string;
  size?: number;
  /** Changes with the item's content or metadata; `cTag` with its content only (not on folders). */
  eTag?: string;
  cTag?: string;
  webUrl?: string;
  lastModifiedDateTime?: string;
  lastModifiedBy?: { user?: { displayName?: string; email?: string } };
  file?: { mimeType?: string };
  folder?: { childCount?: number };
  /** A package (a OneNote notebook): neither a file nor a folder to us. */
  package?: { type?: string };
  parentReference?: { driveId?: string; id?: string; path?: string };
  /** Preauthenticated, valid for a short while (minutes); fetched without the token. */
  "@microsoft.graph.downloadUrl"?: string;
}

/** A folder located in its drive. */
export interface DriveFolder {
  driveId: string;
  id: string;
  name: string;
  webUrl: string | null;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Unpadded base64url of bytes (the same in the browser and Node, without Buffer or btoa). */
function base64url(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    if (i + 1 < bytes.length) out += B64[(n >> 6) & 63];
    if (i + 2 < bytes.length) out += B64[n & 63];
  }
  return out;
}

/**
 * The sharing token of a URL for `/shares/{shareIdOrEncodedSharingUrl}`: base64 of the URL, made
 * unpadded base64url (`=` removed from the end, `/` → `_`, `+` → `-`), with `u!` before it
 * (https://learn.microsoft.com/graph/api/shares-get, "Encoding sharing URLs").
 */
export function sharingToken(url: string): string {
  return `u!${base64url(new TextEncoder().encode(url))}`;
}

/**
 * The folder's URL as the shares API takes it. A library's page (`…/Forms/AllItems.aspx?id=/sites/…`,
 * what the browser's address bar shows inside a library) names the folder in its `id` parameter:
 * that path on the same host is the folder's own URL. Any other URL (the folder's address, a sharing
 * link `…/:f:/s/…`) is taken as it is.
 */
export function folderUrl(input: string): string {
  const text = input.trim();
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return text;
  }
  const id = u.searchParams.get("id");
  if (id && /\/Forms\/[^/]+\.aspx$/i.test(u.pathname) && id.startsWith("/"))
    return `${u.origin}${encodeURI(id)}`;
  return text;
}

/** `/drives/{d}/items/{id}:/a/b:` — an item addressed by its path under a folder. */
function pathUnder(folder: { driveId: string; id: string }, path: string): string {
  const parts = path.split("/").filter(Boolean).map(encodeURIComponent).join("/");
  return `/drives/${encodeURIComponent(folder.driveId)}/items/${encodeURIComponent(folder.id)}:/${parts}:`;
}

const itemPath = (driveId: string, id: string) =>
  `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(id)}`;

/** The folder a URL points at (`GET /shares/{token}/driveItem`); a file there is refused. */
export async function resolveFolder(g: GraphClient, url: string): Promise<DriveFolder> {
  const given = folderUrl(url);
  const action: Action = msg(`เปิดโฟลเดอร์ตามที่อยู่ ${given}`, `open the folder at ${given}`);
  const item = await g.json<DriveItem>("GET", `/shares/${sharingToken(given)}/driveItem`, {
    action,
  });
  if (!item.folder)
    throw new GraphError(
      "other",
      null,
      "notAFolder",
      msg(
        `ที่อยู่ ${given} เป็นไฟล์ ${item.name} ไม่ใช่โฟลเดอร์ ให้คัดลอกที่อยู่ของโฟลเดอร์จาก SharePoint`,
        `${given} is the file ${item.name}, not a folder: copy the folder's address from SharePoint`
      )
    );
  const driveId = item.parentReference?.driveId;
  if (!driveId)
    throw new GraphError(
      "other",
      null,
      "noDrive",
      msg(
        `Microsoft 365 ไม่ได้บอกไลบรารีของโฟลเดอร์ ${item.name}`,
        `Microsoft 365 did not say which library holds the folder ${item.name}`
      )
    );
  return { driveId, id: item.id, name: item.name, webUrl: item.webUrl ?? null };
}

/** An item by its path under a folder, or null when there is none (404). */
export async function itemAt(
  g: GraphClient,
  folder: { driveId: string; id: string },
  path: string,
  action: Action
): Promise<DriveItem | null> {
  try {
    return await g.json<DriveItem>("GET", pathUnder(folder, path), { action });
  } catch (e) {
    if (e instanceof GraphError && e.kind === "notFound") return null;
    throw e;
  }
}

/**
 * A folder's children, every page (https://learn.microsoft.com/graph/api/driveitem-list-children:
 * over 200 items, `@odata.nextLink` gives the next page).
 */
export function listChildren(
  g: GraphClient,
  folder: { driveId: string; id: string },
  action: Action
): Promise<DriveItem[]> {
  return g.collect<DriveItem>(`${itemPath(folder.driveId, folder.id)}/children`, action);
}

/**
 * A file's bytes through its download URL, without the token. The URL a listing gave may have expired
 * (it is valid only a short while): without one, or when the download host refuses it (401, 403, 404,
 * 410), a fresh one is asked of Graph once
 * (`GET …/items/{id}?$select=id,@microsoft.graph.downloadUrl`, driveitem-get-content).
 */
export async function downloadFile(
  g: GraphClient,
  driveId: string,
  item: DriveItem,
  action: Action
): Promise<Uint8Array> {
  const fresh = async () => {
    const it = await g.json<DriveItem>(
      "GET",
      `${itemPath(driveId, item.id)}?$select=id,@microsoft.graph.downloadUrl`,
      { action }
    );
    const url = it["@microsoft.graph.downloadUrl"];
    if (!url) throw new GraphError("other", null, "noDownloadUrl", noDownload(item.name));
    return url;
  };
  const listed = item["@microsoft.graph.downloadUrl"];
  if (listed) {
    try {
      return await g.bytes(listed, action);
    } catch (e) {
      if (!(e instanceof GraphError) || !(e.kind === "linkRefused" || e.kind === "notFound"))
        throw e;
    }
  }
  return g.bytes(await fresh(), action);
}

const noDownload = (name: string) =>
  msg(
    `Microsoft 365 ไม่ให้ที่อยู่สำหรับดาวน์โหลดไฟล์ ${name}`,
    `Microsoft 365 gave no download address for ${name}`
  );

/** Simple uploads up to this size; larger files go through an upload session. */
export const SIMPLE_UPLOAD_MAX = 4 * 1024 * 1024;
/** An upload session's fragments are multiples of 320 KiB (driveitem-createuploadsession). */
export const FRAGMENT_UNIT = 320 * 1024;
/** 10 × 320 KiB = 3.125 MiB a request: well under the 60 MiB a fragment may be. */
export const FRAGMENT_SIZE = 10 * FRAGMENT_UNIT;

export interface UploadProgress {
  sent: number;
  total: number;
}

export interface UploadOptions {
  folder: { driveId: string; id: string };
  name: string;
  bytes: Uint8Array;
  contentType: string;
  action: Action;
  onProgress?: (p: UploadProgress) => void;
  /** Sizes above which the session is used (a test lowers them). */
  simpleMax?: number;
  fragmentSize?: number;
}

/**
 * Put a file in a folder under its name, replacing a file of that name (SharePoint keeps the earlier
 * one as a version). Up to 4 MiB one `PUT …/{parent}:/{name}:/content` with
 * `@microsoft.graph.conflictBehavior=replace` in the URL (driveitem-put-content; the driveItem
 * resource's note: the parameter goes in the URL, not the body); larger files, or when the simple
 * upload is refused as too large (413), through an upload session.
 */
export async function uploadFile(g: GraphClient, o: UploadOptions): Promise<DriveItem> {
  const simpleMax = o.simpleMax ?? SIMPLE_UPLOAD_MAX;
  if (o.bytes.length <= simpleMax) {
    try {
      o.onProgress?.({ sent: 0, total: o.bytes.length });
      const res = await g.request(
        "PUT",
        `${pathUnder(o.folder, o.name)}/content?@microsoft.graph.conflictBehavior=replace`,
        {
          action: o.action,
          body: o.bytes as unknown as RequestInit["body"],
          headers: { "Content-Type": o.contentType },
        }
      );
      o.onProgress?.({ sent: o.bytes.length, total: o.bytes.length });
      return (await res.json()) as DriveItem;
    } catch (e) {
      if (!(e instanceof GraphError) || e.kind !== "tooLarge") throw e;
    }
  }
  return uploadInSession(g, o);
}

interface UploadSession {
  uploadUrl: string;
  expirationDateTime?: string;
  nextExpectedRanges?: string[];
}

/** The first byte the session still expects (`"26-"`, `"12345-55232"`), or null when it expects none. */
export function nextExpected(ranges: readonly string[] | undefined): number | null {
  const first = ranges?.[0];
  if (!first) return null;
  const n = Number(first.split("-")[0]);
  return Number.isFinite(n) ? n : null;
}

/**
 * An upload session (driveitem-createuploadsession): `POST …/{parent}:/{name}:/createUploadSession`
 * with `item.@microsoft.graph.conflictBehavior = replace` (with the token), then the fragments in
 * order with `Content-Range` to the session's URL (without the token: it may answer 401 to one). A
 * fragment that fails on the way (no answer, 5xx) is resumed from the session's `nextExpectedRanges`
 * (a GET of the upload URL), twice at most; a cancelled or failed upload deletes the session.
 */
async function uploadInSession(g: GraphClient, o: UploadOptions): Promise<DriveItem> {
  const fragment = o.fragmentSize ?? FRAGMENT_SIZE;
  if (fragment % FRAGMENT_UNIT !== 0)
    throw new Error("fragment size must be a multiple of 320 KiB");
  const session = await g.json<UploadSession>(
    "POST",
    `${pathUnder(o.folder, o.name)}/createUploadSession`,
    {
      action: o.action,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        item: { "@microsoft.graph.conflictBehavior": "replace", name: o.name },
      }),
    }
  );
  const total = o.bytes.length;
  let from = 0;
  let resumes = 0;
  try {
    for (;;) {
      const to = Math.min(from + fragment, total);
      o.onProgress?.({ sent: from, total });
      let res: Response;
      try {
        res = await g.request("PUT", session.uploadUrl, {
          action: o.action,
          auth: "none",
          body: o.bytes.subarray(from, to) as unknown as RequestInit["body"],
          headers: {
            "Content-Range": `bytes ${from}-${to - 1}/${total}`,
            "Content-Type": "application/octet-stream",
          },
        });
      } catch (e) {
        const transient =
          e instanceof GraphError &&
          (e.kind === "offline" || (e.status !== null && e.status >= 500) || e.status === 416);
        if (!transient || resumes >= 2) throw e;
        resumes++;
        const status = await g.json<UploadSession>("GET", session.uploadUrl, {
          action: o.action,
          auth: "none",
        });
        const next = nextExpected(status.nextExpectedRanges);
        if (next === null) throw e;
        from = next;
        continue;
      }
      if (res.status === 200 || res.status === 201) {
        o.onProgress?.({ sent: total, total });
        return (await res.json()) as DriveItem;
      }
      const body = (await res.json()) as UploadSession;
      const next = nextExpected(body.nextExpectedRanges);
      from = next ?? to;
      if (from >= total)
        throw new GraphError("other", res.status, "uploadIncomplete", incomplete(o.name));
    }
  } catch (e) {
    // The temporary upload is dropped rather than left until it expires.
    await g
      .request("DELETE", session.uploadUrl, { action: o.action, auth: "none" })
      .catch(() => undefined);
    throw e;
  }
}

const incomplete = (name: string) =>
  msg(
    `ส่งไฟล์ ${name} ไม่ครบ: Microsoft 365 ยังรอข้อมูลส่วนที่ส่งไปแล้ว ลองส่งอีกครั้ง`,
    `${name} was not uploaded whole: Microsoft 365 still expected parts already sent; send it again`
  );

/**
 * The newest version's label of a file (`3.0`): versions come newest first
 * (https://learn.microsoft.com/graph/api/driveitem-list-versions, Remarks); null when the library
 * keeps none or will not say.
 */
export async function latestVersion(
  g: GraphClient,
  driveId: string,
  id: string,
  action: Action
): Promise<string | null> {
  try {
    const body = await g.json<{ value?: { id?: string }[] }>(
      "GET",
      `${itemPath(driveId, id)}/versions`,
      { action }
    );
    return body.value?.[0]?.id ?? null;
  } catch (e) {
    if (e instanceof GraphError && !e.fatal) return null;
    throw e;
  }
}
