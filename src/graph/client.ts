/**
 * A small Microsoft Graph client over `fetch`, the same in the task pane (the browser's fetch) and in
 * the command (Node 20's global fetch); the token comes from a source the shell gives (MSAL's nested
 * app authentication in the pane, `ITA_GRAPH_TOKEN` or a device-code sign-in in the command).
 *
 * What it keeps to, from Microsoft's documents:
 * - The bearer token goes only to the Graph base's own origin. Download URLs
 *   (`@microsoft.graph.downloadUrl`) are preauthenticated and are fetched without it
 *   (https://learn.microsoft.com/graph/api/driveitem-get-content: "don't require an Authorization
 *   header"), as are upload-session URLs ("Don't include it when you issue the PUT call",
 *   https://learn.microsoft.com/graph/api/driveitem-createuploadsession). A link to follow
 *   (`@odata.nextLink`) on another origin is refused rather than sent the token.
 * - 429 and 503 are retried after the `Retry-After` seconds (or date) the response gives, a bounded
 *   number of times (https://learn.microsoft.com/graph/throttling; SharePoint answers either, with
 *   Retry-After: https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online).
 *   Without the header (or with one that is neither whole seconds nor an HTTP date) the wait doubles
 *   from 2 s; it is never under 1 s. A wait longer than `maxWaitSeconds` is not waited: the user is
 *   told when to try again.
 * - A read (GET) is also retried, the same way, when a gateway fails on the way (502, 504: Microsoft's
 *   own SDKs retry 504 with 429 and 503) or the connection breaks before the whole answer came; a
 *   write is not (an upload session resumes from what the service says it has).
 * - Errors are Graph's JSON `{ "error": { "code", "message" } }` (https://learn.microsoft.com/graph/errors);
 *   only the code is kept, for the message. An answer that is not JSON where JSON is due (a proxy's
 *   sign-in page) is said as such.
 * - A preauthenticated URL refused (401, 403) is the URL's failing, not the sign-in's: the token was
 *   accepted by Graph itself and is not asked again.
 */
import {
  Action,
  brokenError,
  graphError,
  GraphError,
  linkRefusedError,
  notJsonError,
  offlineError,
} from "./errors";

/** The `fetch` the client uses: the global one, or a test's. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Gives a bearer token for Graph (MSAL's cache and refresh stay inside the source). */
export type TokenSource = () => Promise<string>;

export interface RetryNote {
  /** busy: Microsoft 365 asked to wait (429, 503); gateway: a gateway failed (502, 504); connection: no answer, or one broken off. */
  reason: "busy" | "gateway" | "connection";
  /** The status answered; null when the connection broke. */
  status: number | null;
  /** How long the client waits before the next try, in ms. */
  waitMs: number;
  /** The retry about to be made (1 = the first) and how many it makes at most. */
  retry: number;
  of: number;
}

export interface GraphClientOptions {
  /** e.g. https://graph.microsoft.com/v1.0 (ITA_GRAPH_BASE, or the pane's configuration). */
  base: string;
  fetch: FetchLike;
  token: TokenSource;
  /** Waits before a retry (a test's clock resolves at once). */
  wait?: (ms: number) => Promise<void>;
  /** Retries of a throttled request (429/503), or of a read that failed on the way; default 3. */
  maxRetries?: number;
  /** The longest Retry-After waited; default 120 s. */
  maxWaitSeconds?: number;
  /** Told before each wait: the command prints it, the pane shows it with the progress. */
  onRetry?: (note: RetryNote) => void;
}

export interface RequestOptions {
  body?: RequestInit["body"];
  headers?: Record<string, string>;
  /** What this request does, for messages. */
  action: Action;
  /** "graph": send the bearer token (only to the Graph origin); "none": a preauthenticated URL. */
  auth?: "graph" | "none";
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * An HTTP date in any of the three forms HTTP takes (RFC 9110 §5.6.7): `Sun, 06 Nov 1994 08:49:37 GMT`,
 * `Sunday, 06-Nov-94 08:49:37 GMT`, `Sun Nov  6 08:49:37 1994`. Only these: `Date.parse` also takes
 * "1.5" or "5, 5" (two headers a proxy joined) as dates long past, which would mean "retry at once".
 */
const HTTP_DATE =
  /^(?:[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]+, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/;

/**
 * The seconds a `Retry-After` header asks for: whole seconds, or an HTTP date; null when there is
 * none or it is neither (the client then backs off on its own).
 */
export function retryAfterSeconds(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d{1,9}$/.test(v)) return Number(v);
  if (!HTTP_DATE.test(v)) return null;
  // The asctime form names no zone: it is GMT, as every HTTP date is (not this computer's time).
  const at = Date.parse(/GMT$/.test(v) ? v : `${v} GMT`);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The shortest wait before a retry, whatever the service asked: never a burst of retries. */
const MIN_WAIT_SECONDS = 1;

async function errorCode(res: Response): Promise<string | null> {
  try {
    const j = (await res.json()) as { error?: { code?: unknown } };
    return typeof j?.error?.code === "string" ? j.error.code.slice(0, 80) : null;
  } catch {
    return null;
  }
}

export class GraphClient {
  readonly base: string;
  readonly origin: string;
  private readonly opts: Required<Omit<GraphClientOptions, "onRetry">> &
    Pick<GraphClientOptions, "onRetry">;

  constructor(opts: GraphClientOptions) {
    this.base = opts.base.replace(/\/+$/, "");
    this.origin = new URL(this.base).origin;
    this.opts = { wait: sleep, maxRetries: 3, maxWaitSeconds: 120, ...opts };
  }

  /** A Graph URL from a path under the base (`/drives/…`), or an absolute URL as it is. */
  url(pathOrUrl: string): string {
    return /^https?:\/\//i.test(pathOrUrl) ? pathOrUrl : `${this.base}${pathOrUrl}`;
  }

  /**
   * One request, retried while Graph throttles; resolves to a response with a 2xx status, or throws
   * a GraphError (the status in words) — never with the token or the URL in it.
   */
  async request(method: string, pathOrUrl: string, o: RequestOptions): Promise<Response> {
    const url = this.url(pathOrUrl);
    const auth = o.auth ?? "graph";
    if (auth === "graph" && new URL(url).origin !== this.origin)
      // A programming error, not the user's: the token never goes to another host.
      throw new Error("refused: the Graph token is sent only to the Graph base's origin");
    const read = method === "GET" || method === "HEAD";
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (auth === "graph") headers.Authorization = `Bearer ${await this.opts.token()}`;
      let res: Response;
      try {
        res = await this.opts.fetch(url, { method, headers, body: o.body });
      } catch {
        // No answer at all: a read is tried again after a while; then the connection is the cause.
        if (read && (await this.retry(attempt, null, null))) continue;
        throw offlineError(o.action);
      }
      if (res.ok) return res;
      const busy =
        res.status === 429 ||
        res.status === 503 ||
        (read && (res.status === 502 || res.status === 504));
      if (busy) {
        const asked = retryAfterSeconds(res.headers.get("Retry-After"));
        // Read the body so that the connection is free for the retry.
        await res.arrayBuffer().catch(() => undefined);
        if (await this.retry(attempt, res.status, asked)) continue;
        const waitSeconds = asked === null ? null : Math.max(asked, MIN_WAIT_SECONDS);
        throw graphError(res.status, null, o.action, { retries: attempt, waitSeconds });
      }
      if (auth === "none" && (res.status === 401 || res.status === 403)) {
        await res.arrayBuffer().catch(() => undefined);
        throw linkRefusedError(res.status, o.action);
      }
      throw graphError(res.status, await errorCode(res), o.action);
    }
  }

  /**
   * Whether to try again after `attempt` tries (0 = the first) failed with `status` (null: no
   * answer, or one broken off), waiting what the service asked or doubling from 2 s; false when the
   * retries are spent or the wait is longer than this client waits.
   */
  private async retry(
    attempt: number,
    status: number | null,
    asked: number | null
  ): Promise<boolean> {
    const waitS = Math.max(asked ?? 2 ** (attempt + 1), MIN_WAIT_SECONDS);
    if (attempt >= this.opts.maxRetries || waitS > this.opts.maxWaitSeconds) return false;
    const note: RetryNote = {
      reason:
        status === null ? "connection" : status === 502 || status === 504 ? "gateway" : "busy",
      status,
      waitMs: waitS * 1000,
      retry: attempt + 1,
      of: this.opts.maxRetries,
    };
    this.opts.onRetry?.(note);
    await this.opts.wait(note.waitMs);
    return true;
  }

  /**
   * A read's whole answer: the request again (a bounded number of times) when the connection breaks
   * while the body comes, as when it fails before any answer.
   */
  private async body<T>(
    method: string,
    pathOrUrl: string,
    o: RequestOptions,
    take: (res: Response) => Promise<T>
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const res = await this.request(method, pathOrUrl, o);
      try {
        return await take(res);
      } catch {
        // Asked again only when asking changes nothing (a read); a write is not made twice.
        if ((method === "GET" || method === "HEAD") && (await this.retry(attempt, null, null)))
          continue;
        throw brokenError(o.action);
      }
    }
  }

  async json<T>(method: string, pathOrUrl: string, o: RequestOptions): Promise<T> {
    const opts = { ...o, headers: { Accept: "application/json", ...(o.headers ?? {}) } };
    const text = await this.body(method, pathOrUrl, opts, (res) => res.text());
    try {
      return JSON.parse(text) as T;
    } catch {
      throw notJsonError(o.action);
    }
  }

  /**
   * Every item of a collection, following `@odata.nextLink` page by page
   * (https://learn.microsoft.com/graph/paging). A next link must be on the Graph origin: the token
   * is sent with it.
   */
  async collect<T>(path: string, action: Action, maxPages = 500): Promise<T[]> {
    const out: T[] = [];
    let next: string | undefined = this.url(path);
    for (let page = 0; next; page++) {
      if (page >= maxPages) throw graphError(508, "tooManyPages", action);
      if (new URL(next).origin !== this.origin) throw graphError(502, "nextLinkElsewhere", action);
      const body: { value?: T[]; "@odata.nextLink"?: string } = await this.json("GET", next, {
        action,
      });
      out.push(...(body.value ?? []));
      next = body["@odata.nextLink"];
    }
    return out;
  }

  /** The bytes at a preauthenticated URL (a download URL): fetched without the token. */
  async bytes(url: string, action: Action): Promise<Uint8Array> {
    return this.body("GET", url, { action, auth: "none" }, async (res) => {
      return new Uint8Array(await res.arrayBuffer());
    });
  }
}

export function graphClient(opts: GraphClientOptions): GraphClient {
  return new GraphClient(opts);
}

export { GraphError };
