/* eslint-disable no-undef */
// The production manifest: every development URL (https://localhost:3000/...) replaced by the public
// URL the add-in is served from, the AppDomain by that URL's origin, and nothing left that points at
// localhost. Used by webpack.config.js for `npm run build`, and as a check:
//   node tools/manifest.js check dist/manifest.xml   (no localhost; valid against the manifest XSD)
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const DEV_ORIGIN = "https://localhost:3000";

/** ADDIN_PUBLIC_URL as a base URL: https, no query or fragment, ending in "/". */
function publicUrl(raw) {
  let u;
  try {
    u = new URL(String(raw).trim());
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL "${raw}" is not a URL (expected e.g. https://your.server/ita/)`);
  }
  if (u.protocol !== "https:") throw new Error(`ADDIN_PUBLIC_URL "${raw}" must use https`);
  if (u.search || u.hash) throw new Error(`ADDIN_PUBLIC_URL "${raw}" must have no query or fragment`);
  if (/^(localhost|127\.|\[::1\])/i.test(u.hostname))
    throw new Error(`ADDIN_PUBLIC_URL "${raw}" points at this computer`);
  if (!u.pathname.endsWith("/")) u.pathname += "/";
  return u.toString();
}

/** The manifest with its development URLs replaced; fails if anything still names localhost. */
function productionManifest(xml, base) {
  const url = publicUrl(base);
  const origin = new URL(url).origin;
  const out = xml.split(`${DEV_ORIGIN}/`).join(url).split(DEV_ORIGIN).join(origin);
  const left = localhostLines(out);
  if (left.length) throw new Error(`manifest still points at localhost:\n${left.join("\n")}`);
  return out;
}

function localhostLines(xml) {
  return xml
    .split("\n")
    .map((line, i) => `${i + 1}: ${line.trim()}`)
    .filter((l) => /localhost|127\.0\.0\.1|\[::1\]/i.test(l));
}

/** Check a built manifest: no localhost, and valid against Microsoft's XSD (offline, with xmllint). */
function check(file, xsd = path.join(__dirname, "manifest-xsd/OfficeAppManifestV1_1.xsd")) {
  const xml = fs.readFileSync(file, "utf8");
  const left = localhostLines(xml);
  if (left.length) throw new Error(`${file} points at localhost:\n${left.join("\n")}`);
  execFileSync("xmllint", ["--noout", "--schema", xsd, file], { stdio: "inherit" });
  console.log(`${file}: no localhost, valid against ${path.basename(xsd)}`);
}

module.exports = { publicUrl, productionManifest, check, DEV_ORIGIN };

if (require.main === module) {
  const [cmd, file, xsd] = process.argv.slice(2);
  if (cmd !== "check" || !file) {
    console.error("usage: node tools/manifest.js check dist/manifest.xml [schema.xsd]");
    process.exit(2);
  }
  try {
    check(file, xsd);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
