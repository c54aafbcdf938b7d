/**
 * Sign-in in the pane with nested app authentication (NAA): MSAL.js asks the Office host for a token
 * for the add-in's own app registration, with the user's Office sign-in — no server of ours
 * (https://learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in).
 * As that page says: `createNestablePublicClientApplication`, then `acquireTokenSilent`, and
 * `acquireTokenPopup` only when the silent call fails (consent not given yet, an expired session);
 * the smallest scopes for the job, asked when the job runs (incremental consent). Where the host does
 * not support the NestedAppAuth 1.1 requirement set (older builds; Office on the web with a file not
 * opened from SharePoint or OneDrive:
 * https://learn.microsoft.com/javascript/api/requirement-sets/common/nested-app-auth-requirement-sets)
 * the pane says so and does not try. Tokens stay in MSAL's own cache; we keep none.
 */
import { ReasonError } from "../../domain/errors";
import { msg } from "../../domain/text";
import type { OfficeLike } from "../office";
import type { M365Config } from "./config";

/** Whether the host brokers sign-in for nested apps (`isSetSupported("NestedAppAuth", "1.1")`). */
export function naaSupported(office: OfficeLike | undefined): boolean {
  try {
    return Boolean(office?.context?.requirements?.isSetSupported("NestedAppAuth", "1.1"));
  } catch {
    return false;
  }
}

/** The public client application's calls we make (MSAL's, or a test's fake). */
export interface PcaLike {
  getActiveAccount?(): unknown | null;
  getAllAccounts(): unknown[];
  acquireTokenSilent(request: {
    scopes: string[];
    account?: unknown;
  }): Promise<{ accessToken: string }>;
  acquireTokenPopup(request: { scopes: string[] }): Promise<{ accessToken: string }>;
}

/** The part of `@azure/msal-browser` we use. */
export interface MsalBrowserLike {
  createNestablePublicClientApplication(configuration: {
    auth: { clientId: string; authority: string; redirectUri?: string };
  }): Promise<PcaLike>;
}

/** A token for the scopes a job needs. */
export type ScopedToken = (scopes: string[]) => Promise<string>;

const loadMsal = () =>
  import(
    /* webpackChunkName: "msal" */ "@azure/msal-browser"
  ) as unknown as Promise<MsalBrowserLike>;

function signInFailed(e: unknown): ReasonError {
  const code = (e as { errorCode?: string } | null)?.errorCode ?? null;
  if (code === "user_cancelled")
    return new ReasonError(
      msg(
        "ยกเลิกการลงชื่อเข้าใช้ Microsoft 365 แล้ว จึงยังไม่ได้ทำรายการ ลงชื่อเข้าใช้อีกครั้งเมื่อพร้อม",
        "The Microsoft 365 sign-in was cancelled, so nothing was done; sign in again when ready"
      )
    );
  return new ReasonError(
    msg(
      `ลงชื่อเข้าใช้ Microsoft 365 ไม่สำเร็จ${code ? ` (${code})` : ""}: ลงชื่อเข้าใช้อีกครั้ง หรือแจ้งผู้ดูแลระบบของส่วนกลาง`,
      `Signing in to Microsoft 365 did not succeed${code ? ` (${code})` : ""}: sign in again, or tell the central office's administrator`
    )
  );
}

/** Tokens through NAA; MSAL is loaded on the first call (a chunk of its own). */
export function naaToken(
  config: M365Config,
  load: () => Promise<MsalBrowserLike> = loadMsal
): ScopedToken {
  let app: Promise<PcaLike> | null = null;
  const pca = () =>
    (app ??= load().then((m) =>
      m.createNestablePublicClientApplication({
        auth: {
          clientId: config.clientId,
          authority: config.authority,
          ...(config.redirectUri ? { redirectUri: config.redirectUri } : {}),
        },
      })
    ));
  return async (scopes) => {
    let p: PcaLike;
    try {
      p = await pca();
    } catch (e) {
      app = null; // try again from the start next time
      throw signInFailed(e);
    }
    const account = p.getActiveAccount?.() ?? p.getAllAccounts()[0];
    try {
      return (await p.acquireTokenSilent({ scopes, ...(account ? { account } : {}) })).accessToken;
    } catch {
      // Interaction needed (consent, an expired session): the host shows its sign-in.
    }
    try {
      return (await p.acquireTokenPopup({ scopes })).accessToken;
    } catch (e) {
      throw signInFailed(e);
    }
  };
}
