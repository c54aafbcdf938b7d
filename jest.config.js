/** @type {import('jest').Config} */
module.exports = {
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "CommonJS", moduleResolution: "Bundler", jsx: "react-jsx", esModuleInterop: true, resolveJsonModule: true, isolatedModules: true }, diagnostics: false }],
  },
  testEnvironment: "node",
  setupFiles: ["<rootDir>/test/setup.ts"],
  // jsdom tests load ExcelJS (the in-memory Excel host): resolve packages as in Node, not as browser ESM.
  testEnvironmentOptions: { customExportConditions: ["node", "node-addons"] },
};
