/**
 * The build's Microsoft 365 configuration (tools/m365.js): read from ADDIN_M365_… beside
 * ADDIN_PUBLIC_URL, and the pane's Content-Security-Policy opened to Graph, the sign-in host and the
 * library's host only in a build configured for it.
 */
import { promises as fs } from "fs";
import path from "path";

const { m365Config, m365Page } = require("../../tools/m365") as {
  m365Config: (env: Record<string, string>, publicUrl?: string) => Record<string, unknown> | null;
  m365Page: (html: string, config: Record<string, unknown> | null) => string;
};

const ROOT = path.join(__dirname, "../..");
const ENV = {
  ADDIN_M365_CLIENT_ID: "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
  ADDIN_M365_TENANT: "bkk.onmicrosoft.com",
  ADDIN_M365_LIBRARY: "https://bkk.sharepoint.com/sites/ITA/Shared%20Documents/ITA/",
};

/** The page's policy as directive → sources. */
function csp(html: string): Map<string, string[]> {
  const m = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)!;
  return new Map(
    m[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources])
  );
}

describe("the Microsoft 365 build settings", () => {
  it("are none without the variables: the build is the local-file add-in", () => {
    expect(m365Config({ ADDIN_PUBLIC_URL: "https://ita.bangkok.go.th/addin/" })).toBe(null);
  });

  it("take the client id, tenant and library, with Graph and the scopes by default", () => {
    expect(m365Config(ENV, "https://ita.bangkok.go.th/addin/")).toEqual({
      clientId: "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
      tenant: "bkk.onmicrosoft.com",
      library: "https://bkk.sharepoint.com/sites/ITA/Shared%20Documents/ITA",
      graphBase: "https://graph.microsoft.com/v1.0",
      authority: "https://login.microsoftonline.com/bkk.onmicrosoft.com",
      readScopes: ["Files.Read.All"],
      writeScopes: ["Files.ReadWrite.All"],
      redirectUri: "https://ita.bangkok.go.th/addin/taskpane.html",
    });
    expect(
      m365Config({
        ...ENV,
        ADDIN_M365_READ_SCOPES: "Sites.Selected",
        ADDIN_M365_WRITE_SCOPES: "Sites.Selected",
      })
    ).toMatchObject({ readScopes: ["Sites.Selected"], writeScopes: ["Sites.Selected"] });
  });

  it("refuse a build half configured, or with values that cannot be right", () => {
    expect(() => m365Config({ ADDIN_M365_CLIENT_ID: ENV.ADDIN_M365_CLIENT_ID })).toThrow(
      "Microsoft 365 build: set all of ADDIN_M365_CLIENT_ID, ADDIN_M365_TENANT, ADDIN_M365_LIBRARY (missing: ADDIN_M365_TENANT, ADDIN_M365_LIBRARY)"
    );
    expect(() => m365Config({ ...ENV, ADDIN_M365_CLIENT_ID: "ita-addin" })).toThrow(
      'ADDIN_M365_CLIENT_ID "ita-addin" is not an application (client) ID (a GUID)'
    );
    expect(() => m365Config({ ...ENV, ADDIN_M365_LIBRARY: "http://bkk.sharepoint.com/x" })).toThrow(
      'ADDIN_M365_LIBRARY "http://bkk.sharepoint.com/x" must use https'
    );
    expect(() => m365Config({ ...ENV, ADDIN_M365_TENANT: "bkk" })).toThrow(
      'ADDIN_M365_TENANT "bkk" is neither a tenant ID (GUID) nor a domain'
    );
  });
});

describe("the pane's Content-Security-Policy", () => {
  it("is unchanged in a build without Microsoft 365: requests to its own server only, no frames", async () => {
    const html = await fs.readFile(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
    expect(m365Page(html, null)).toBe(html);
    const policy = csp(m365Page(html, null));
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("frame-src")).toEqual(["'none'"]);
  });

  it("gains Graph, the sign-in host and the library's host in a Microsoft 365 build, and nothing else", async () => {
    const html = await fs.readFile(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
    const policy = csp(m365Page(html, m365Config(ENV)));
    expect(policy.get("connect-src")).toEqual([
      "'self'",
      "https://graph.microsoft.com",
      "https://login.microsoftonline.com",
      "https://bkk.sharepoint.com",
    ]);
    expect(policy.get("frame-src")).toEqual(["https://login.microsoftonline.com"]);
    // Everything else as in the source page.
    const before = csp(html);
    for (const d of [
      "default-src",
      "script-src",
      "style-src",
      "img-src",
      "font-src",
      "worker-src",
      "object-src",
      "base-uri",
      "form-action",
    ])
      expect([d, policy.get(d)]).toEqual([d, before.get(d)]);
  });

  it("refuses a page whose policy it cannot find as expected", () => {
    expect(() => m365Page("<html></html>", m365Config(ENV))).toThrow(
      "taskpane.html: expected one Content-Security-Policy"
    );
  });
});
