/** End-to-end tests: the built task pane in headless Chromium, and the outputs in LibreOffice. */
/** @type {import('jest').Config} */
module.exports = {
  testMatch: ["<rootDir>/test/e2e/**/*.e2e.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "CommonJS", moduleResolution: "Bundler", esModuleInterop: true, resolveJsonModule: true, isolatedModules: true }, diagnostics: false }],
  },
  testEnvironment: "node",
  testTimeout: 180000,
  maxWorkers: 1,
};
