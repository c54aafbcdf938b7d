/**
 * What a Microsoft Graph request can fail with, said to the user in Thai and English: the status
 * (https://learn.microsoft.com/graph/errors) with what the user can do about it. A message names
 * what was being done ("list the files of the folder 2570-r6"), never a URL: a download or upload URL
 * carries its own credential (`tempauth`), and the bearer token is never part of any message.
 */
import { ReasonError } from "../domain/errors";
import { countEn, Msg, msg } from "../domain/text";

/** What was being done, as a verb phrase in each language: `อ่านรายการไฟล์ในโฟลเดอร์ 2570-r6`. */
export type Action = Msg;

export type GraphErrorKind =
  /** 401: the sign-in expired or is not valid. */
  | "signin"
  /** 403: signed in, but not allowed. */
  | "forbidden"
  | "notFound"
  /** 409 or 412: a conflicting change. */
  | "conflict"
  /** 423: the file is locked (open for editing, checked out). */
  | "locked"
  /** 413: too large for the request (a simple upload). */
  | "tooLarge"
  /** 429 or 503 still after the retries (or a wait longer than we wait). */
  | "throttled"
  /** 507: the library's storage is full. */
  | "quota"
  /** The request never reached Microsoft 365 (no connection, refused by the page's policy), or its answer broke off. */
  | "offline"
  /** A preauthenticated URL (a download or upload address) refused (401, 403) though the sign-in is good. */
  | "linkRefused"
  | "other";

/** Failures that are the source's, not a file's: the reading stops rather than blame each file. */
export const FATAL_KINDS: ReadonlySet<GraphErrorKind> = new Set(["signin", "offline", "throttled"]);

export class GraphError extends ReasonError {
  constructor(
    readonly kind: GraphErrorKind,
    readonly status: number | null,
    /** Graph's error code (`itemNotFound`, `accessDenied`, …), when it gave one. */
    readonly code: string | null,
    reason: Msg
  ) {
    super(reason);
    this.name = "GraphError";
  }

  get fatal(): boolean {
    return FATAL_KINDS.has(this.kind);
  }
}

export function kindOfStatus(status: number): GraphErrorKind {
  if (status === 401) return "signin";
  if (status === 403) return "forbidden";
  if (status === 404 || status === 410) return "notFound";
  if (status === 409 || status === 412) return "conflict";
  if (status === 413) return "tooLarge";
  if (status === 423) return "locked";
  if (status === 429 || status === 503) return "throttled";
  if (status === 507) return "quota";
  return "other";
}

/** The words for a failed request: what happened, and what to do. */
export function graphError(
  status: number,
  code: string | null,
  action: Action,
  extra: { retries?: number; waitSeconds?: number | null } = {}
): GraphError {
  const kind = kindOfStatus(status);
  const a = action;
  const c = code ? `, ${code}` : "";
  const notDone = cannot(a.th);
  let reason: Msg;
  switch (kind) {
    case "signin":
      reason = msg(
        `ลงชื่อเข้าใช้อีกครั้ง: Microsoft 365 ไม่รับการลงชื่อเข้าใช้ (401 หมดอายุหรือไม่ถูกต้อง) จึง${notDone}`,
        `Sign in again: Microsoft 365 did not accept the sign-in (401: expired or not valid), so could not ${a.en}`
      );
      break;
    case "forbidden":
      reason = msg(
        `ไม่มีสิทธิ์${a.th} (403${c}): ขอสิทธิ์จากผู้ดูแลไลบรารีของส่วนกลาง`,
        `No permission to ${a.en} (403${c}): ask the central office's library administrator for access`
      );
      break;
    case "notFound":
      reason = msg(
        `${notDone}: ไม่พบรายการนี้ใน Microsoft 365 (404) อาจถูกย้ายหรือลบ หรือที่อยู่ไม่ถูกต้อง`,
        `Could not ${a.en}: Microsoft 365 has no such item (404); it may have been moved or deleted, or the address is wrong`
      );
      break;
    case "conflict":
      reason = msg(
        `${notDone}: มีการเปลี่ยนแปลงที่ขัดกันใน Microsoft 365 (${status}${c}) เช่น ไฟล์ถูกเช็กเอาต์ไว้ หรือมีโฟลเดอร์ชื่อเดียวกัน รอสักครู่แล้วลองอีกครั้ง`,
        `Could not ${a.en}: a conflicting change in Microsoft 365 (${status}${c}), such as the file being checked out or a folder of that name; wait a moment and try again`
      );
      break;
    case "locked":
      reason = msg(
        `${notDone}: ไฟล์ถูกล็อกอยู่ (423) เพราะมีผู้เปิดแก้ไขหรือเช็กเอาต์ไว้ ให้ปิดไฟล์นั้นก่อนแล้วลองอีกครั้ง`,
        `Could not ${a.en}: the file is locked (423), open for editing or checked out by someone; close it there and try again`
      );
      break;
    case "tooLarge":
      reason = msg(
        `${notDone}: ไฟล์ใหญ่เกินกว่าที่ Microsoft 365 รับในคำขอเดียว (413)`,
        `Could not ${a.en}: the file is larger than Microsoft 365 takes in one request (413)`
      );
      break;
    case "throttled": {
      const s = extra.waitSeconds ?? null;
      const retries = extra.retries ?? 0;
      const later = s !== null ? ` ลองอีกครั้งในอีก ${s} วินาที` : " ลองอีกครั้งในอีกสักครู่";
      const laterEn =
        s !== null ? ` try again in ${countEn(s, "second")}` : " try again in a few minutes";
      reason =
        retries === 0 && s !== null
          ? // Asked to wait longer than the client waits: nothing was tried again.
            msg(
              `Microsoft 365 ขอให้รอ ${s} วินาที (${status}) นานกว่าที่โปรแกรมรอ จึง${notDone}:${later}`,
              `Microsoft 365 asked to wait ${countEn(s, "second")} (${status}), longer than this program waits, so could not ${a.en}:${laterEn}`
            )
          : msg(
              `Microsoft 365 ขอให้รอ (${status}) และยังไม่ว่างหลังลองใหม่ ${retries} ครั้ง จึง${notDone}:${later}`,
              `Microsoft 365 asked to wait (${status}) and was still busy after ${countEn(retries, "retry", "retries")}, so could not ${a.en}:${laterEn}`
            );
      break;
    }
    case "quota":
      reason = msg(
        `${notDone}: พื้นที่ของไลบรารีเต็ม (507) แจ้งผู้ดูแลไลบรารีของส่วนกลาง`,
        `Could not ${a.en}: the library's storage is full (507); tell the central office's library administrator`
      );
      break;
    default:
      reason = msg(
        `${notDone}: Microsoft 365 ตอบรหัส ${status}${c} ลองอีกครั้งภายหลัง`,
        `Could not ${a.en}: Microsoft 365 answered ${status}${c}; try again later`
      );
  }
  return new GraphError(kind, status, code, reason);
}

/**
 * `<action>ไม่ได้`, with a space when the action ends in a name or address in Latin letters (a file,
 * a URL): Thai puts a space after a foreign word that a Thai word follows.
 */
export function cannot(actionTh: string): string {
  return /[\u0E00-\u0E7F]$/.test(actionTh) ? `${actionTh}ไม่ได้` : `${actionTh} ไม่ได้`;
}

/** The request did not reach Microsoft 365 at all. */
export function offlineError(action: Action): GraphError {
  return new GraphError(
    "offline",
    null,
    null,
    msg(
      `ติดต่อ Microsoft 365 ไม่ได้ จึง${cannot(action.th)}: ตรวจการเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง`,
      `Could not reach Microsoft 365 to ${action.en}: check the internet connection and try again`
    )
  );
}

/** The answer began and then broke off (the connection dropped), still so after the retries. */
export function brokenError(action: Action): GraphError {
  return new GraphError(
    "offline",
    null,
    "connectionBroken",
    msg(
      `การเชื่อมต่อกับ Microsoft 365 ขาดระหว่างทาง จึง${cannot(action.th)}: ตรวจการเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง`,
      `The connection to Microsoft 365 broke off, so could not ${action.en}: check the internet connection and try again`
    )
  );
}

/**
 * A download or upload address refused (401, 403). Graph accepted the sign-in moments before and
 * gave the address; signing in again would not help.
 */
export function linkRefusedError(status: number, action: Action): GraphError {
  return new GraphError(
    "linkRefused",
    status,
    null,
    msg(
      `${cannot(action.th)}: ที่อยู่ชั่วคราวที่ Microsoft 365 ให้มาถูกปฏิเสธ (${status}) แม้การลงชื่อเข้าใช้ยังใช้ได้ ลองอีกครั้งภายหลัง`,
      `Could not ${action.en}: the temporary address Microsoft 365 gave for it was refused (${status}), although the sign-in is valid; try again later`
    )
  );
}

/** A 2xx answer that is not Graph's JSON: something between (a proxy's sign-in page) answered instead. */
export function notJsonError(action: Action): GraphError {
  return new GraphError(
    "other",
    null,
    "notJson",
    msg(
      `${cannot(action.th)}: คำตอบที่ได้ไม่ใช่ของ Microsoft Graph (ไม่ใช่ JSON) อาจมีหน้าลงชื่อเข้าใช้ของเครือข่ายหรือพร็อกซีคั่นอยู่ ตรวจที่อยู่ ITA_GRAPH_BASE และการเชื่อมต่อ แล้วลองอีกครั้ง`,
      `Could not ${action.en}: the answer was not Microsoft Graph's (not JSON); a network sign-in page or a proxy may be in the way: check the ITA_GRAPH_BASE address and the connection, and try again`
    )
  );
}
