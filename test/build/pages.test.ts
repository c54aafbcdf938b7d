import { promises as fs } from "fs";
import path from "path";

const ROOT = path.join(__dirname, "../..");
const PAGES = ["src/taskpane/taskpane.html", "src/commands/commands.html"];
const OFFICE_JS = "https://officeapis.public.onecdn.static.microsoft/1/office.js";

/** The page's Content-Security-Policy as directive → sources. */
function csp(html: string): Map<string, string[]> {
  const m = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!m) throw new Error("no Content-Security-Policy");
  return new Map(
    m[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources])
  );
}

const scriptSources = (html: string) =>
  [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);

describe("the add-in's pages", () => {
  it.each(PAGES)(
    "%s loads Office.js from Microsoft's CDN at its address since September 2026",
    async (page) => {
      const html = await fs.readFile(path.join(ROOT, page), "utf8");
      expect(scriptSources(html)).toEqual([OFFICE_JS]);
    }
  );

  it.each(PAGES)(
    "%s allows scripts from its own server and both addresses of the Office.js CDN, and nothing else",
    async (page) => {
      const policy = csp(await fs.readFile(path.join(ROOT, page), "utf8"));
      expect(policy.get("script-src")).toEqual([
        "'self'",
        "https://officeapis.public.onecdn.static.microsoft",
        "https://appsforoffice.microsoft.com",
      ]);
      expect(policy.get("default-src")).toEqual(["'self'"]);
      expect(policy.get("connect-src")).toEqual(["'self'"]);
      expect(policy.get("frame-src")).toEqual(["'none'"]);
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect(policy.get("form-action")).toEqual(["'none'"]);
    }
  );

  it.each(PAGES)(
    "%s has no inline script (the CSP allows scripts from files only)",
    async (page) => {
      const html = await fs.readFile(path.join(ROOT, page), "utf8");
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter(([, attrs, body]) => !/\bsrc="/.test(attrs) || body.trim())).toEqual(
        []
      );
      expect(html).not.toMatch(/\son[a-z]+="/);
    }
  );
});
