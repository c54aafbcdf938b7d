/**
 * A local stand-in for Microsoft Graph and SharePoint's file host, serving what Microsoft's documents
 * say they serve, on two loopback ports (two origins, as graph.microsoft.com and
 * contoso.sharepoint.com are): nothing in the tests reaches outside the machine. Each behaviour cites
 * its page:
 *
 * - shares: `GET /shares/{u!base64url}/driveItem`, the token made from the sharing URL as
 *   https://learn.microsoft.com/graph/api/shares-get ("Encoding sharing URLs") says: base64, `=`
 *   removed from the end, `/` → `_`, `+` → `-`, `u!` before it. Anything else is 400.
 * - children: https://learn.microsoft.com/graph/api/driveitem-list-children — pages of at most 200
 *   items (here `pageSize`, small to page in tests) with `@odata.nextLink` to the next page, an
 *   absolute URL on the Graph host (https://learn.microsoft.com/graph/paging).
 * - items by path `…/items/{id}:/a/b:` (https://learn.microsoft.com/graph/onedrive-addressing-driveitems).
 * - driveItem properties: eTag (content or metadata), cTag (content; not on folders), size, webUrl,
 *   lastModifiedBy, and `@microsoft.graph.downloadUrl` on files: a preauthenticated URL on the file
 *   host, valid about an hour, needing no Authorization header
 *   (https://learn.microsoft.com/graph/api/resources/driveitem, Instance attributes;
 *   https://learn.microsoft.com/graph/api/driveitem-get-content). The file host refuses a request
 *   that carries an Authorization header (401, as SharePoint may: the upload page warns of it) and
 *   records it as a violation: the client must never send the token there.
 * - simple upload: `PUT …/{parent}:/{name}:/content` creates (201) or replaces (200) the file, a new
 *   version each time; over `simpleMax` (the page's 4 MB) it answers 413
 *   (https://learn.microsoft.com/graph/api/driveitem-put-content). `@microsoft.graph.conflictBehavior`
 *   is read from the URL (the driveItem page's note); `fail` on an existing file is 409.
 * - upload sessions: `POST …:/createUploadSession` gives an `uploadUrl` on the file host; fragments
 *   are PUT there in order with `Content-Range: bytes a-b/total`, each a multiple of 320 KiB but the
 *   last, 202 with `nextExpectedRanges` until the last, then 201/200 with the driveItem; a GET of the
 *   URL tells the expected ranges, a DELETE drops the session; an out-of-order fragment is 416
 *   (https://learn.microsoft.com/graph/api/driveitem-createuploadsession).
 * - versions: newest first, ids `1.0`, `2.0`, … as SharePoint labels them
 *   (https://learn.microsoft.com/graph/api/driveitem-list-versions).
 * - errors: `{ "error": { "code", "message" } }` (https://learn.microsoft.com/graph/errors); a missing
 *   or wrong bearer token is 401 `InvalidAuthenticationToken`.
 * - throttling: a fault of 429 or 503 with `Retry-After` in seconds
 *   (https://learn.microsoft.com/graph/throttling).
 * - CORS, for the pane in Chromium: preflights answered, Retry-After exposed (what the real hosts
 *   expose is on the real-tenant checklist).
 */
import http from "http";
import { AddressInfo } from "net";

export interface Recorded {
  host: "graph" | "files";
  method: string;
  /** Path and query as requested. */
  path: string;
  authorization: string | null;
  at: number;
}

export interface Fault {
  host?: "graph" | "files";
  method?: string;
  /** Matched against the path and query as requested (still percent-encoded). */
  path: RegExp;
  status: number;
  /** The Retry-After header to send (seconds). */
  retryAfter?: string;
  code?: string;
  /** How many matching requests fail (default 1). */
  times?: number;
  /**
   * Instead of an error: `cut`, a 200 whose body stops after a few bytes (the connection closed, as a
   * dropped link does); `html`, this status with a web page (a proxy's sign-in page) instead of JSON.
   */
  answer?: "cut" | "html";
}

interface Version {
  id: string;
  bytes: Uint8Array;
  modified: string;
  by: string;
}

interface Item {
  id: string;
  name: string;
  parent: string | null;
  folder: boolean;
  versions: Version[];
  /** Bumped by every change; part of the eTag. */
  change: number;
  package?: boolean;
}

interface Session {
  parent: string;
  name: string;
  total: number | null;
  received: Uint8Array[];
  next: number;
  by: string;
}

export interface StandinOptions {
  /** The bearer token the stand-in accepts. */
  token: string;
  /** The folder URL the shares API resolves (the library's folder, as people copy it). */
  libraryUrl: string;
  /** Children per page (Graph's is 200). */
  pageSize?: number;
  /** The largest simple upload (the put-content page's 4 MB). */
  simpleMax?: number;
  /** Who the uploads are by (the signed-in user). */
  user?: string;
}

const DRIVE = "b!ita-library-drive";
const json = (res: http.ServerResponse, status: number, body: unknown, headers = {}) => {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};
const error = (res: http.ServerResponse, status: number, code: string, message: string, h = {}) =>
  json(res, status, { error: { code, message } }, h);

function readBody(req: http.IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on("error", reject);
  });
}

/** The URL a sharing token stands for, or null when it is not encoded as the shares page says. */
export function decodeSharingToken(token: string): string | null {
  if (!token.startsWith("u!")) return null;
  const b64 = token.slice(2);
  if (/[=+/]/.test(b64) || !/^[A-Za-z0-9_-]*$/.test(b64)) return null;
  return Buffer.from(b64.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
}

export class GraphStandin {
  readonly requests: Recorded[] = [];
  /** Requests that broke a rule the documents set (the token sent to the file host, …). */
  readonly violations: string[] = [];
  graphBase = "";
  filesOrigin = "";
  token: string;
  private items = new Map<string, Item>();
  private sessions = new Map<string, Session>();
  private faults: (Fault & { left: number })[] = [];
  private tempauth = new Map<string, string>(); // tempauth → item id
  private nextId = 1;
  private clock = Date.parse("2026-11-02T09:00:00Z");
  private graph!: http.Server;
  private files!: http.Server;
  readonly rootId = "ITA-ROOT";

  constructor(readonly opts: StandinOptions) {
    this.token = opts.token;
    this.items.set(this.rootId, {
      id: this.rootId,
      // The shared folder's name: the last part of its URL.
      name: decodeURIComponent(opts.libraryUrl.replace(/\/+$/, "").split("/").pop() ?? "ITA"),
      parent: null,
      folder: true,
      versions: [],
      change: 1,
    });
  }

  async start(): Promise<this> {
    const listen = (s: http.Server) =>
      new Promise<number>((r) =>
        s.listen(0, "127.0.0.1", () => r((s.address() as AddressInfo).port))
      );
    this.graph = http.createServer((q, s) => void this.serve("graph", q, s));
    this.files = http.createServer((q, s) => void this.serve("files", q, s));
    this.graphBase = `http://127.0.0.1:${await listen(this.graph)}/v1.0`;
    this.filesOrigin = `http://127.0.0.1:${await listen(this.files)}`;
    return this;
  }

  close(): Promise<void> {
    const stop = (s: http.Server) =>
      new Promise<void>((r) => {
        s.closeAllConnections?.();
        s.close(() => r());
      });
    return Promise.all([stop(this.graph), stop(this.files)]).then(() => undefined);
  }

  /** A file at a path under the library's folder (folders made as needed); a new version if it exists. */
  put(path: string, bytes: Uint8Array, by = "ผู้ทดสอบ ระบบ"): string {
    const parts = path.split("/").filter(Boolean);
    const name = parts.pop()!;
    let parent = this.rootId;
    for (const p of parts) parent = this.folderIn(parent, p);
    return this.write(parent, name, bytes, by).id;
  }

  /** An empty folder at a path under the library's folder. */
  mkdir(path: string): string {
    let parent = this.rootId;
    for (const p of path.split("/").filter(Boolean)) parent = this.folderIn(parent, p);
    return parent;
  }

  /** A OneNote notebook (a package) at a path. */
  notebook(path: string): void {
    const parts = path.split("/").filter(Boolean);
    const name = parts.pop()!;
    let parent = this.rootId;
    for (const p of parts) parent = this.folderIn(parent, p);
    const id = this.newId();
    this.items.set(id, { id, name, parent, folder: false, package: true, versions: [], change: 1 });
  }

  /** The file at a path: its versions' contents, oldest first. */
  versionsAt(path: string): { id: string; bytes: Uint8Array; by: string }[] {
    const it = this.at(path);
    if (!it) throw new Error(`stand-in: nothing at ${path}`);
    return [...it.versions].reverse().map((v) => ({ id: v.id, bytes: v.bytes, by: v.by }));
  }

  exists(path: string): boolean {
    return this.at(path) !== null;
  }

  /** Make the next matching requests fail. */
  fault(f: Fault): void {
    this.faults.push({ ...f, left: f.times ?? 1 });
  }

  /** Every download URL given so far stops working (they last about an hour). */
  expireDownloadUrls(): void {
    this.tempauth.clear();
  }

  /** Requests to a host, as "METHOD path". */
  log(host: "graph" | "files"): string[] {
    return this.requests.filter((r) => r.host === host).map((r) => `${r.method} ${r.path}`);
  }

  downloads(): string[] {
    return this.requests
      .filter((r) => r.host === "files" && r.method === "GET" && r.path.startsWith("/download/"))
      .map((r) => this.items.get(r.path.split("/")[2].split("?")[0])?.name ?? r.path);
  }

  // --- the tree ---

  private newId(): string {
    return `ITEM${String(this.nextId++).padStart(4, "0")}`;
  }

  private tick(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  private childrenOf(id: string): Item[] {
    return [...this.items.values()]
      .filter((i) => i.parent === id)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private childNamed(parent: string, name: string): Item | undefined {
    return this.childrenOf(parent).find((i) => i.name.toLowerCase() === name.toLowerCase());
  }

  private folderIn(parent: string, name: string): string {
    const had = this.childNamed(parent, name);
    if (had) return had.id;
    const id = this.newId();
    this.items.set(id, { id, name, parent, folder: true, versions: [], change: 1 });
    return id;
  }

  private write(parent: string, name: string, bytes: Uint8Array, by: string): Item {
    let it = this.childNamed(parent, name);
    if (!it) {
      const id = this.newId();
      it = { id, name, parent, folder: false, versions: [], change: 0 };
      this.items.set(id, it);
    }
    it.change++;
    it.versions.unshift({
      id: `${it.versions.length + 1}.0`,
      bytes,
      modified: this.tick(),
      by,
    });
    return it;
  }

  private at(path: string, from = this.rootId): Item | null {
    let cur = this.items.get(from) ?? null;
    for (const p of path.split("/").filter(Boolean)) {
      if (!cur) return null;
      cur = this.childNamed(cur.id, p) ?? null;
    }
    return cur;
  }

  private pathOf(it: Item): string {
    const parts: string[] = [];
    for (let c: Item | undefined = it; c && c.parent; c = this.items.get(c.parent))
      parts.unshift(c.name);
    return parts.join("/");
  }

  private driveItem(it: Item): Record<string, unknown> {
    const v = it.versions[0];
    const web = `${this.opts.libraryUrl}/${this.pathOf(it).split("/").map(encodeURIComponent).join("/")}`;
    const out: Record<string, unknown> = {
      id: it.id,
      name: it.name,
      eTag: `"{${it.id}},${it.change}"`,
      webUrl: it.id === this.rootId ? this.opts.libraryUrl : web,
      lastModifiedDateTime: v?.modified ?? "2026-10-01T02:00:00Z",
      lastModifiedBy: { user: { displayName: v?.by ?? "ผู้ดูแลไลบรารี" } },
      parentReference: { driveId: DRIVE, id: it.parent ?? undefined },
    };
    if (it.folder) out.folder = { childCount: this.childrenOf(it.id).length };
    else if (it.package) out.package = { type: "oneNote" };
    else {
      out.cTag = `"c:{${it.id}},${it.versions.length}"`;
      out.size = v.bytes.length;
      out.file = { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };
      const ta = `ta-${it.id}-${this.tempauth.size + 1}-${Math.random().toString(36).slice(2)}`;
      this.tempauth.set(ta, it.id);
      out["@microsoft.graph.downloadUrl"] = `${this.filesOrigin}/download/${it.id}?tempauth=${ta}`;
    }
    return out;
  }

  // --- serving ---

  private cors(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    res.setHeader("Access-Control-Allow-Origin", req.headers.origin ?? "*");
    res.setHeader("Access-Control-Expose-Headers", "Retry-After");
    if (req.method !== "OPTIONS") return false;
    res.writeHead(204, {
      "Access-Control-Allow-Methods": "GET, PUT, POST, DELETE",
      "Access-Control-Allow-Headers": "Authorization, Content-Type, Content-Range, Accept",
      "Access-Control-Max-Age": "600",
    });
    res.end();
    return true;
  }

  private async serve(
    host: "graph" | "files",
    req: http.IncomingMessage,
    res: http.ServerResponse
  ) {
    if (this.cors(req, res)) return;
    const path = req.url ?? "/";
    const authorization = req.headers.authorization ?? null;
    this.requests.push({ host, method: req.method ?? "GET", path, authorization, at: Date.now() });
    const body = await readBody(req);
    const f = this.faults.find(
      (x) =>
        x.left > 0 &&
        (!x.host || x.host === host) &&
        (!x.method || x.method === req.method) &&
        x.path.test(path)
    );
    if (f) {
      f.left--;
      if (f.answer === "cut") {
        res.writeHead(200, {
          "Content-Type": "application/octet-stream",
          "Content-Length": "1000",
        });
        res.write(new Uint8Array(10));
        return void setImmediate(() => res.destroy());
      }
      if (f.answer === "html") {
        res.writeHead(f.status, { "Content-Type": "text/html" });
        return void res.end("<html><body>Sign in to the network</body></html>");
      }
      return error(res, f.status, f.code ?? "faultInjected", "stand-in fault", {
        ...(f.retryAfter !== undefined ? { "Retry-After": f.retryAfter } : {}),
      });
    }
    try {
      if (host === "graph") await this.serveGraph(req, res, path, authorization, body);
      else this.serveFiles(req, res, path, authorization, body);
    } catch (e) {
      error(res, 500, "standinError", String(e));
    }
  }

  private async serveGraph(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    raw: string,
    authorization: string | null,
    body: Uint8Array
  ) {
    if (authorization !== `Bearer ${this.token}`)
      return error(res, 401, "InvalidAuthenticationToken", "Access token is empty or not valid.");
    const url = new URL(raw, "http://graph.local");
    const p = url.pathname;
    const share = /^\/v1\.0\/shares\/([^/]+)\/driveItem$/.exec(p);
    if (share && req.method === "GET") {
      const target = decodeSharingToken(share[1]);
      if (target === null) return error(res, 400, "invalidRequest", "Malformed sharing token.");
      if (target.replace(/\/+$/, "") !== this.opts.libraryUrl)
        return error(res, 404, "itemNotFound", "The sharing link no longer exists.");
      return json(res, 200, this.driveItem(this.items.get(this.rootId)!));
    }
    const m =
      /^\/v1\.0\/drives\/([^/]+)\/items\/([^/:]+)(?::\/(.*?):)?(\/children|\/versions|\/content|\/createUploadSession)?$/.exec(
        p
      );
    if (!m || decodeURIComponent(m[1]) !== DRIVE)
      return error(res, 400, "invalidRequest", `Unsupported request ${req.method} ${p}`);
    const base = this.items.get(decodeURIComponent(m[2]));
    if (!base) return error(res, 404, "itemNotFound", "The resource could not be found.");
    const relPath = m[3] !== undefined ? m[3].split("/").map(decodeURIComponent).join("/") : null;
    const tail = m[4] ?? "";
    const target = relPath === null ? base : this.at(relPath, base.id);

    if (tail === "/content" && req.method === "PUT") {
      if (relPath === null && !target) return error(res, 404, "itemNotFound", "No such item.");
      const parts = (relPath ?? "").split("/").filter(Boolean);
      const name = relPath === null ? target!.name : parts.pop()!;
      const parent = relPath === null ? target!.parent! : this.at(parts.join("/"), base.id);
      if (!parent) return error(res, 404, "itemNotFound", "The parent folder does not exist.");
      const parentId = typeof parent === "string" ? parent : parent.id;
      if (body.length > (this.opts.simpleMax ?? 4 * 1024 * 1024))
        return error(res, 413, "requestTooLarge", "Use an upload session for files over 4 MB.");
      const existing = this.childNamed(parentId, name);
      if (existing?.folder) return error(res, 409, "nameAlreadyExists", "A folder has that name.");
      const behavior = url.searchParams.get("@microsoft.graph.conflictBehavior") ?? "replace";
      if (existing && behavior === "fail")
        return error(res, 409, "nameAlreadyExists", "The specified item name already exists.");
      const it = this.write(parentId, name, body, this.opts.user ?? "ผู้ส่ง ทดสอบ");
      return json(res, existing ? 200 : 201, this.driveItem(it));
    }
    if (tail === "/createUploadSession" && req.method === "POST") {
      const parts = (relPath ?? "").split("/").filter(Boolean);
      const name = parts.pop();
      const parent = this.at(parts.join("/"), base.id);
      if (!name || !parent)
        return error(res, 404, "itemNotFound", "The parent folder does not exist.");
      const asked = JSON.parse(Buffer.from(body).toString("utf8") || "{}") as {
        item?: { "@microsoft.graph.conflictBehavior"?: string; name?: string };
      };
      if (asked.item?.name !== undefined && asked.item.name !== name)
        return error(res, 400, "invalidRequest", "The item path must contain the name given.");
      const existing = this.childNamed(parent.id, name);
      const behavior = asked.item?.["@microsoft.graph.conflictBehavior"] ?? "fail";
      if (existing && behavior === "fail")
        return error(res, 409, "nameAlreadyExists", "The specified item name already exists.");
      const id = `S${this.sessions.size + 1}`;
      this.sessions.set(id, {
        parent: parent.id,
        name,
        total: null,
        received: [],
        next: 0,
        by: this.opts.user ?? "ผู้ส่ง ทดสอบ",
      });
      return json(res, 200, {
        uploadUrl: `${this.filesOrigin}/upload/${id}?guid=${id}`,
        expirationDateTime: new Date(this.clock + 3600_000).toISOString(),
        nextExpectedRanges: ["0-"],
      });
    }
    if (req.method !== "GET") return error(res, 405, "methodNotAllowed", "Not supported here.");
    if (!target) return error(res, 404, "itemNotFound", "The resource could not be found.");
    if (tail === "/versions") {
      if (target.folder) return error(res, 400, "invalidRequest", "Folders have no versions.");
      return json(res, 200, {
        value: target.versions.map((v) => ({
          id: v.id,
          lastModifiedDateTime: v.modified,
          lastModifiedBy: { user: { displayName: v.by } },
          size: v.bytes.length,
        })),
      });
    }
    if (tail === "/children") {
      if (!target.folder) return error(res, 400, "invalidRequest", "Only folders have children.");
      const all = this.childrenOf(target.id);
      const size = this.opts.pageSize ?? 200;
      const from = Number(url.searchParams.get("$skiptoken") ?? "0");
      const page = all.slice(from, from + size);
      const out: Record<string, unknown> = { value: page.map((i) => this.driveItem(i)) };
      if (from + size < all.length)
        out["@odata.nextLink"] =
          `${this.graphBase}${p.slice("/v1.0".length)}?$skiptoken=${from + size}`;
      return json(res, 200, out);
    }
    const item = this.driveItem(target);
    const select = url.searchParams.get("$select");
    if (select) {
      const keep = new Set(select.split(","));
      for (const k of Object.keys(item)) if (!keep.has(k)) delete item[k];
    }
    return json(res, 200, item);
  }

  private serveFiles(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    raw: string,
    authorization: string | null,
    body: Uint8Array
  ) {
    const url = new URL(raw, "http://files.local");
    if (authorization !== null) {
      this.violations.push(
        `${req.method} ${url.pathname}: Authorization header sent to the file host`
      );
      return error(res, 401, "unauthenticated", "Do not send an Authorization header here.");
    }
    const dl = /^\/download\/([^/]+)$/.exec(url.pathname);
    if (dl && req.method === "GET") {
      const ta = url.searchParams.get("tempauth") ?? "";
      if (this.tempauth.get(ta) !== dl[1])
        return error(res, 401, "expiredToken", "The download URL is no longer valid.");
      const it = this.items.get(dl[1]);
      if (!it || it.folder) return error(res, 404, "itemNotFound", "No such file.");
      res.writeHead(200, { "Content-Type": "application/octet-stream" });
      return res.end(Buffer.from(it.versions[0].bytes));
    }
    const up = /^\/upload\/([^/]+)$/.exec(url.pathname);
    const s = up ? this.sessions.get(up[1]) : undefined;
    if (!up || !s) return error(res, 404, "itemNotFound", "The upload session does not exist.");
    if (req.method === "DELETE") {
      this.sessions.delete(up[1]);
      res.writeHead(204);
      return res.end();
    }
    const expected = () => ({
      expirationDateTime: new Date(this.clock + 3600_000).toISOString(),
      nextExpectedRanges: [`${s.next}-`],
    });
    if (req.method === "GET") return json(res, 200, expected());
    if (req.method !== "PUT") return error(res, 405, "methodNotAllowed", "Not supported here.");
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers["content-range"] ?? ""));
    if (!range) return error(res, 400, "invalidRange", "Content-Range is required.");
    const [a, b, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (s.total !== null && s.total !== total)
      return error(res, 400, "invalidRange", "The total size changed between fragments.");
    s.total = total;
    if (a !== s.next) return error(res, 416, "invalidRange", "Fragments must come in order.");
    if (b - a + 1 !== body.length)
      return error(res, 400, "invalidRange", "Content-Range and body differ.");
    const last = b + 1 === total;
    if (!last && body.length % (320 * 1024) !== 0)
      this.violations.push(`fragment of ${body.length} bytes is not a multiple of 320 KiB`);
    s.received.push(body);
    s.next = b + 1;
    if (!last) return json(res, 202, expected());
    const all = new Uint8Array(total);
    let at = 0;
    for (const c of s.received) {
      all.set(c, at);
      at += c.length;
    }
    this.sessions.delete(up[1]);
    const existed = this.childNamed(s.parent, s.name);
    const it = this.write(s.parent, s.name, all, s.by);
    return json(res, existed ? 200 : 201, this.driveItem(it));
  }
}

export function startStandin(opts: StandinOptions): Promise<GraphStandin> {
  return new GraphStandin(opts).start();
}
