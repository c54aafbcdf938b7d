/**
 * Unit tests in two projects: `node` (domain, files, CLI, Office.js adapter over the in-memory host) and
 * `jsdom` (the React views, `*.test.tsx`). jsdom renders Fluent UI's CSS-in-JS and is several times
 * slower per test, so it has its own budget; neither budget is close to what a test takes on a busy
 * 2-core machine (`npm test` is run with two busy loops beside it before a change lands).
 *
 * `npm test` is the quick suite: the scale checks (`*.slow.test.ts[x]`: request sizes at 2,000 units,
 * the long lists of the views) run with `npm run test:slow` (jest.slow.config.js), which CI also runs.
 *
 * `test/cleanup.ts` removes, after each test file, the temp folders its tests made with `tmpDir`.
 */
const SLOW = "\\.slow\\.test\\.tsx?$";
const transform = {
  "^.+\\.tsx?$": [
    "ts-jest",
    {
      tsconfig: {
        module: "CommonJS",
        moduleResolution: "Bundler",
        jsx: "react-jsx",
        esModuleInterop: true,
        resolveJsonModule: true,
        isolatedModules: true,
      },
      diagnostics: false,
    },
  ],
};

/** @type {import('jest').Config} */
module.exports = {
  // Both cores: Jest's default on a 2-core machine is one worker.
  maxWorkers: 2,
  projects: [
    {
      displayName: "node",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/", SLOW],
      transform,
      testEnvironment: "node",
      // jest-circus reads only the global testTimeout, so each project sets its budget in a setup file.
      setupFilesAfterEnv: ["<rootDir>/test/budget.node.ts", "<rootDir>/test/cleanup.ts"],
    },
    {
      displayName: "jsdom",
      testMatch: ["<rootDir>/test/**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/", SLOW],
      transform,
      testEnvironment: "jsdom",
      setupFiles: ["<rootDir>/test/setup.ts"],
      // The views' tests load ExcelJS (the in-memory Excel host): resolve packages as in Node.
      testEnvironmentOptions: { customExportConditions: ["node", "node-addons"] },
      setupFilesAfterEnv: ["<rootDir>/test/budget.jsdom.ts", "<rootDir>/test/cleanup.ts"],
    },
  ],
};
