/**
 * The request a batch sends at `sync()`, modelled on how Office.js serializes it, so that its size can
 * be measured the way Excel on the web measures it.
 *
 * Office.js (OfficeExtension.ClientRequest.buildRequestMessageBody) sends one JSON message per sync:
 * `{ AutoKeepReference, Actions: [...], ObjectPaths: { id: info } }`. Every proxy object is an object
 * path (global object 1, method 3, property 4, indexer 5) and is instantiated by an action
 * (ActionType 1); a property set is ActionType 4 with the value as its only argument, a method call
 * ActionType 3, a load ActionType 2 with its `Select` list. Every object path an action refers to is
 * sent with the request, with its parents. (Read in OfficeDev/office-js, dist/excel.debug.js.)
 *
 * Excel on the web refuses a request or a response over 5 MB with `RequestPayloadSizeLimitExceeded` /
 * `ResponsePayloadSizeLimitExceeded` ("Payload size limit best practices",
 * https://learn.microsoft.com/office/dev/add-ins/excel/performance; error codes:
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 * The page says "5 MB" without saying whether MB is 10^6 or 2^20 bytes: the host takes the smaller.
 */

export const PAYLOAD_LIMIT = 5_000_000;

const PATH_TYPE = { global: 1, method: 3, property: 4, indexer: 5 } as const;
export type PathKind = keyof typeof PATH_TYPE;

const ACTION_TYPE = { instantiate: 1, query: 2, method: 3, set: 4 } as const;
export type ActionKind = keyof typeof ACTION_TYPE;

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments: unknown[] };
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments: unknown[] };
  QueryInfo?: { Select?: string[] };
}

/** What one sync sent: its serialized size and how many actions it held. */
export interface RequestRecord {
  bytes: number;
  actions: number;
  /** Bytes of the loaded data sent back. */
  responseBytes: number;
}

export class RequestModel {
  private nextId = 1;
  private readonly paths = new Map<number, ObjectPathInfo>();
  private actions: ActionInfo[] = [];

  /** A new proxy object: its object path, and the action that instantiates it. */
  object(
    kind: PathKind,
    name: string,
    parent: number | null,
    args?: unknown[],
    instantiate = true
  ): number {
    const id = this.nextId++;
    const info: ObjectPathInfo = { Id: id, ObjectPathType: PATH_TYPE[kind], Name: name };
    if (parent !== null) info.ParentObjectPathId = parent;
    if (args) info.ArgumentInfo = { Arguments: args };
    this.paths.set(id, info);
    // Objects Office.js makes while reading a response (collection items) are not instantiated.
    if (instantiate) this.action("instantiate", "", id);
    return id;
  }

  action(kind: ActionKind, name: string, path: number, args?: unknown[], select?: string[]): void {
    const a: ActionInfo = {
      Id: this.nextId++,
      ActionType: ACTION_TYPE[kind],
      Name: name,
      ObjectPathId: path,
    };
    if (args) a.ArgumentInfo = { Arguments: args.map(argument) };
    if (select) a.QueryInfo = { Select: select };
    this.actions.push(a);
  }

  get pending(): number {
    return this.actions.length;
  }

  /** The message of the pending request, as Office.js would send it; starts the next request. */
  take(): { body: string; actions: number } {
    const objectPaths: Record<number, ObjectPathInfo> = {};
    for (const a of this.actions) {
      let id: number | undefined = a.ObjectPathId;
      while (id !== undefined && !objectPaths[id]) {
        const p = this.paths.get(id);
        if (!p) break;
        objectPaths[id] = p;
        id = p.ParentObjectPathId;
      }
    }
    const body = JSON.stringify({
      AutoKeepReference: true,
      Actions: this.actions,
      ObjectPaths: objectPaths,
    });
    const actions = this.actions.length;
    this.actions = [];
    return { body, actions };
  }
}

/** An argument as Office.js sends it: proxies by their object path id, everything else as is. */
function argument(a: unknown): unknown {
  if (a && typeof a === "object" && "_path" in a) return (a as { _path: number })._path;
  return a;
}

/** UTF-8 length of a string without encoding it (the host also runs in the browser tests). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
