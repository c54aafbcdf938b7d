/**
 * The pane's Microsoft 365 ports over the Office host: sign-in by nested app authentication (MSAL
 * behind a fake `@azure/msal-browser`, as Microsoft's page describes the pattern:
 * https://learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in)
 * and the workbook's file through `getFileAsync` (the fake document of test/host/document.ts, after
 * the Office.File, GetFileOptions and Slice reference pages).
 */
import type { M365Config } from "../../src/taskpane/m365/config";
import { MsalBrowserLike, naaSupported, naaToken, PcaLike } from "../../src/taskpane/m365/naa";
import { isSignInReturn } from "../../src/taskpane/m365/redirect";
import { readDocumentFile, workbookName } from "../../src/taskpane/documentFile";
import { fakeDocument } from "../host/document";

const CONFIG: M365Config = {
  clientId: "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
  tenant: "bkk.onmicrosoft.com",
  authority: "https://login.microsoftonline.com/bkk.onmicrosoft.com",
  library: "https://bkk.sharepoint.com/sites/ITA/Shared%20Documents/ITA",
  graphBase: "https://graph.microsoft.com/v1.0",
  readScopes: ["Files.Read.All"],
  writeScopes: ["Files.ReadWrite.All"],
  redirectUri: "https://ita.bangkok.go.th/addin/taskpane.html",
};

/** A fake MSAL: records the calls; silent and popup answer as the test says. */
function fakeMsal(o: {
  silent: () => Promise<string>;
  popup: () => Promise<string>;
  accounts?: unknown[];
}) {
  const calls: string[] = [];
  const pca: PcaLike = {
    getAllAccounts: () => o.accounts ?? [],
    acquireTokenSilent: async (r) => {
      calls.push(`silent ${r.scopes.join(" ")}${r.account ? " with account" : ""}`);
      return { accessToken: await o.silent() };
    },
    acquireTokenPopup: async (r) => {
      calls.push(`popup ${r.scopes.join(" ")}`);
      return { accessToken: await o.popup() };
    },
  };
  const msal: MsalBrowserLike = {
    createNestablePublicClientApplication: async (cfg) => {
      calls.push(`create ${cfg.auth.clientId} ${cfg.auth.authority} ${cfg.auth.redirectUri}`);
      return pca;
    },
  };
  return { msal, calls };
}

const fail = (errorCode: string) => () =>
  Promise.reject(Object.assign(new Error(errorCode), { errorCode }));

describe("nested app authentication", () => {
  it("asks the host whether it brokers sign-in: NestedAppAuth 1.1", () => {
    const asked: string[] = [];
    const office = (yes: boolean) => ({
      context: {
        requirements: {
          isSetSupported: (name: string, v?: string) => {
            asked.push(`${name} ${v}`);
            return yes;
          },
        },
      },
    });
    expect(naaSupported(office(true))).toBe(true);
    expect(naaSupported(office(false))).toBe(false);
    expect(naaSupported(undefined)).toBe(false);
    expect(asked).toEqual(["NestedAppAuth 1.1", "NestedAppAuth 1.1"]);
  });

  it("creates the nestable application once and gets tokens silently", async () => {
    const { msal, calls } = fakeMsal({ silent: async () => "tok-1", popup: async () => "never" });
    const token = naaToken(CONFIG, async () => msal);
    expect(await token(["Files.ReadWrite.All"])).toBe("tok-1");
    expect(await token(["Files.Read.All"])).toBe("tok-1");
    expect(calls).toEqual([
      "create 3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b https://login.microsoftonline.com/bkk.onmicrosoft.com https://ita.bangkok.go.th/addin/taskpane.html",
      "silent Files.ReadWrite.All",
      "silent Files.Read.All",
    ]);
  });

  it("falls back to the host's sign-in window when the silent call fails (consent, an expired session)", async () => {
    const { msal, calls } = fakeMsal({
      silent: fail("consent_required"),
      popup: async () => "tok-popup",
      accounts: [{ username: "somchai@bkk.go.th" }],
    });
    expect(await naaToken(CONFIG, async () => msal)(["Files.ReadWrite.All"])).toBe("tok-popup");
    expect(calls.slice(1)).toEqual([
      "silent Files.ReadWrite.All with account",
      "popup Files.ReadWrite.All",
    ]);
  });

  it("says a cancelled or failed sign-in in words, without anything MSAL holds", async () => {
    const cancelled = fakeMsal({
      silent: fail("interaction_required"),
      popup: fail("user_cancelled"),
    });
    await expect(naaToken(CONFIG, async () => cancelled.msal)(["Files.Read.All"])).rejects.toThrow(
      "The Microsoft 365 sign-in was cancelled, so nothing was done; sign in again when ready"
    );
    const failed = fakeMsal({
      silent: fail("interaction_required"),
      popup: fail("nested_app_auth_bridge_disabled"),
    });
    const e = await naaToken(CONFIG, async () => failed.msal)(["Files.Read.All"]).catch((x) => x);
    expect(e.reason).toEqual({
      th: "ลงชื่อเข้าใช้ Microsoft 365 ไม่สำเร็จ (nested_app_auth_bridge_disabled): ลงชื่อเข้าใช้อีกครั้ง หรือแจ้งผู้ดูแลระบบของส่วนกลาง",
      en: "Signing in to Microsoft 365 did not succeed (nested_app_auth_bridge_disabled): sign in again, or tell the central office's administrator",
    });
  });

  it("loads MSAL again after a failed start", async () => {
    let loads = 0;
    const { msal } = fakeMsal({ silent: async () => "tok", popup: async () => "tok" });
    const token = naaToken(CONFIG, async () => {
      if (++loads === 1) throw new Error("chunk failed to load");
      return msal;
    });
    await expect(token(["Files.Read.All"])).rejects.toThrow(
      "Signing in to Microsoft 365 did not succeed"
    );
    expect(await token(["Files.Read.All"])).toBe("tok");
    expect(loads).toBe(2);
  });

  it("knows the web's sign-in window coming back to the pane's page", () => {
    expect(isSignInReturn({ hash: "#code=0.AXo&state=eyJp", search: "" }, {})).toBe(true);
    expect(isSignInReturn({ hash: "", search: "?error=access_denied&state=x" }, {})).toBe(true);
    // The pane itself (no opener), or a page with no answer in its address.
    expect(isSignInReturn({ hash: "#code=0.AXo&state=eyJp", search: "" }, null)).toBe(false);
    expect(isSignInReturn({ hash: "", search: "?ui=en-US" }, {})).toBe(false);
  });
});

describe("the workbook's file (getFileAsync, Compressed)", () => {
  const bytes = Uint8Array.from({ length: 10 }, (_, i) => 100 + i);

  it("reads every slice in order and closes the file", async () => {
    const doc = fakeDocument(async () => bytes);
    expect([...(await readDocumentFile(doc, "compressed", 4))]).toEqual([
      100, 101, 102, 103, 104, 105, 106, 107, 108, 109,
    ]);
    expect({ calls: doc.calls(), open: doc.open() }).toEqual({ calls: 1, open: 0 });
  });

  it("asks slices of 4 MB, the most Office gives, by default", async () => {
    const big = new Uint8Array(4 * 1024 * 1024 + 3);
    big[big.length - 1] = 7;
    const got = await readDocumentFile(fakeDocument(async () => big));
    expect([got.length, got[got.length - 1]]).toEqual([4194307, 7]);
  });

  it("says when Excel does not give the file (two files already open)", async () => {
    const doc = fakeDocument(async () => bytes);
    // Two files another part left open.
    await new Promise<void>((r) => doc.getFileAsync("compressed", { sliceSize: 4 }, () => r()));
    await new Promise<void>((r) => doc.getFileAsync("compressed", { sliceSize: 4 }, () => r()));
    await expect(readDocumentFile(doc)).rejects.toThrow(
      "Excel did not give this workbook's file (6002): save the workbook and try again"
    );
  });

  it("names the workbook from its address", () => {
    expect(
      workbookName(
        fakeDocument(
          async () => bytes,
          "https://bkk.sharepoint.com/sites/x/Shared%20Documents/ITA%202567.xlsx?web=1"
        )
      )
    ).toBe("ITA 2567.xlsx");
    expect(
      workbookName(fakeDocument(async () => bytes, "C:\\Users\\somchai\\Documents\\รายงาน.xlsx"))
    ).toBe("รายงาน.xlsx");
    expect(workbookName(fakeDocument(async () => bytes))).toBe("Book1.xlsx");
  });
});
