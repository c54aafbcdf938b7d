import { promises as fs } from "fs";
import path from "path";

// tools/manifest.js is the build's own CommonJS module (webpack.config.js uses it).
const tools = require("../../tools/manifest.js") as {
  publicUrl(raw: string): string;
  productionManifest(xml: string, base: string): string;
};

const MANIFEST = path.join(__dirname, "../../manifest.xml");

describe("production manifest", () => {
  it("replaces every localhost URL, the AppDomain included, whether or not the URL ends in /", async () => {
    const xml = await fs.readFile(MANIFEST, "utf8");
    expect(xml).toContain("<AppDomain>https://localhost:3000</AppDomain>");
    for (const base of ["https://x.example/ita/", "https://x.example/ita"]) {
      const out = tools.productionManifest(xml, base);
      expect(out).not.toMatch(/localhost/i);
      expect(out).toContain("<AppDomain>https://x.example</AppDomain>");
      expect(out).toContain('<SourceLocation DefaultValue="https://x.example/ita/taskpane.html"/>');
      expect(out).toContain('DefaultValue="https://x.example/ita/assets/icon-80.png"');
    }
  });

  it("refuses a public URL that is not https, has a query, or is this computer", () => {
    expect(() => tools.publicUrl("http://x.example/ita/")).toThrow(/https/);
    expect(() => tools.publicUrl("https://x.example/ita/?v=1")).toThrow(/query/);
    expect(() => tools.publicUrl("https://localhost:8443/")).toThrow(/this computer/);
    expect(() => tools.publicUrl("x.example")).toThrow(/not a URL/);
  });

  it("fails rather than ship a manifest that still names localhost", () => {
    expect(() =>
      tools.productionManifest('<a href="http://localhost:3000/x"/>', "https://x.example/")
    ).toThrow(/localhost/);
  });
});
