/* eslint-disable no-undef */
// The build's Microsoft 365 configuration (issue 23): the central office sets it with ADDIN_M365_…
// variables beside ADDIN_PUBLIC_URL (docs/m365-setup.md). Without them the build is the local-file
// add-in as before: no sign-in code runs and the Content-Security-Policy reaches no one but the pane's
// own server. With them, the policy's connect-src gains Microsoft Graph, the sign-in host and the
// library's SharePoint host (downloads and upload sessions are served from it), and frame-src the
// sign-in host (MSAL's silent renewal in a browser); nothing else.
//
//   ADDIN_M365_CLIENT_ID    the app registration's Application (client) ID (a GUID)
//   ADDIN_M365_TENANT       the tenant: its ID (GUID) or domain (bkk.onmicrosoft.com)
//   ADDIN_M365_LIBRARY      the library folder's URL, as copied from SharePoint (https)
//   ADDIN_M365_GRAPH_BASE   optional; default https://graph.microsoft.com/v1.0
//   ADDIN_M365_READ_SCOPES  optional; the central office's merge; default Files.Read.All
//   ADDIN_M365_WRITE_SCOPES optional; the district's submit; default Files.ReadWrite.All
const GRAPH = "https://graph.microsoft.com/v1.0";
const LOGIN = "https://login.microsoftonline.com";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function httpsUrl(name, raw) {
  let u;
  try {
    u = new URL(String(raw).trim());
  } catch {
    throw new Error(`${name} "${raw}" is not a URL`);
  }
  if (u.protocol !== "https:") throw new Error(`${name} "${raw}" must use https`);
  return u;
}

const scopes = (raw, dflt) => (raw && raw.trim() ? raw.trim().split(/[\s,]+/) : dflt);

/**
 * The configuration from the environment, or null when none of it is set. Setting some but not all
 * of the three required variables is an error: a build half configured for Microsoft 365 is refused.
 * `publicUrl` is the pane's base (ADDIN_PUBLIC_URL): the sign-in window of Excel on the web returns to
 * the pane's page, which must be registered as a SPA redirect URI.
 */
function m365Config(env, publicUrl) {
  const names = ["ADDIN_M365_CLIENT_ID", "ADDIN_M365_TENANT", "ADDIN_M365_LIBRARY"];
  const given = names.filter((n) => env[n] && String(env[n]).trim());
  if (!given.length) return null;
  if (given.length < names.length)
    throw new Error(
      `Microsoft 365 build: set all of ${names.join(", ")} (missing: ${names.filter((n) => !given.includes(n)).join(", ")})`
    );
  const clientId = env.ADDIN_M365_CLIENT_ID.trim();
  if (!GUID.test(clientId)) throw new Error(`ADDIN_M365_CLIENT_ID "${clientId}" is not an application (client) ID (a GUID)`);
  const tenant = env.ADDIN_M365_TENANT.trim();
  if (!GUID.test(tenant) && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(tenant))
    throw new Error(`ADDIN_M365_TENANT "${tenant}" is neither a tenant ID (GUID) nor a domain`);
  const library = httpsUrl("ADDIN_M365_LIBRARY", env.ADDIN_M365_LIBRARY).toString().replace(/\/+$/, "");
  const graphBase = httpsUrl("ADDIN_M365_GRAPH_BASE", env.ADDIN_M365_GRAPH_BASE || GRAPH)
    .toString()
    .replace(/\/+$/, "");
  return {
    clientId,
    tenant,
    library,
    graphBase,
    authority: `${LOGIN}/${tenant}`,
    readScopes: scopes(env.ADDIN_M365_READ_SCOPES, ["Files.Read.All"]),
    writeScopes: scopes(env.ADDIN_M365_WRITE_SCOPES, ["Files.ReadWrite.All"]),
    redirectUri: publicUrl ? new URL("taskpane.html", publicUrl).toString() : null,
  };
}

/** The origins the pane may reach in a Microsoft 365 build: Graph, the sign-in host, the library's host. */
function m365Origins(config) {
  return [...new Set([new URL(config.graphBase).origin, LOGIN, new URL(config.library).origin])];
}

/**
 * The pane's page with its Content-Security-Policy opened to `connect` origins (and the sign-in host
 * as a frame) — only these. The page must carry exactly one policy with `connect-src 'self'` and
 * `frame-src 'none'`, as src/taskpane/taskpane.html does; anything else fails the build.
 */
function withConnectSources(html, connect, frames = []) {
  const policies = html.match(/http-equiv="Content-Security-Policy"/g) || [];
  if (policies.length !== 1) throw new Error("taskpane.html: expected one Content-Security-Policy");
  if (!/connect-src 'self';/.test(html) || !/frame-src 'none';/.test(html))
    throw new Error("taskpane.html: the policy's connect-src 'self' or frame-src 'none' was not found");
  let out = html.replace(/connect-src 'self';/, `connect-src 'self' ${connect.join(" ")};`);
  if (frames.length) out = out.replace(/frame-src 'none';/, `frame-src ${frames.join(" ")};`);
  return out;
}

/** The page of a build: unchanged without Microsoft 365, opened to its origins with it. */
function m365Page(html, config) {
  return config ? withConnectSources(html, m365Origins(config), [LOGIN]) : html;
}

module.exports = { m365Config, m365Origins, withConnectSources, m365Page, LOGIN, GRAPH };
