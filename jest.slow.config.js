/**
 * The scale checks (`npm run test:slow`, run by CI after `npm test`): the same two projects as
 * jest.config.js, only the `*.slow.test.ts[x]` files.
 */
const quick = require("./jest.config");

/** @type {import('jest').Config} */
module.exports = {
  ...quick,
  projects: quick.projects.map((p) => ({
    ...p,
    testMatch: p.testMatch.map((m) => m.replace("*.test.", "*.slow.test.")),
    testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  })),
};
