/** The pane's figure for `npm run bench` (test/e2e/bench): headless Chromium over the e2e bundle. */
const e2e = require("./jest.e2e.config");

/** @type {import('jest').Config} */
module.exports = { ...e2e, testMatch: ["<rootDir>/test/e2e/bench/**/*.bench.ts"], testTimeout: 600000 };
