#!/usr/bin/env node
"use strict";
// The `ita` command. The TypeScript sources are compiled to lib/ by `npm run build:cli`,
// which `npm ci` runs through the `prepare` script.
let main;
try {
  ({ main } = require("../lib/cli/main.js"));
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND") {
    process.stderr.write("ita: the CLI is not built yet; run `npm run build:cli` (npm ci does it) / ยังไม่ได้ build CLI\n");
    process.exit(2);
  }
  throw e;
}
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
