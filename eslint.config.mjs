import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import tsPlugin from "@typescript-eslint/eslint-plugin";
import prettier from "eslint-plugin-prettier";
import reactHooks from "eslint-plugin-react-hooks";

/**
 * `npm run lint` (office-addin-lint, which reads this flat config) over src/, test/ and bench/ (the
 * `lint_files` setting in package.json). The Office add-in config checks .ts/.js only; the block at the
 * end gives .tsx the same parser, unused-variable and prettier rules.
 */
/** A parameter or variable named with a leading underscore is unused on purpose (an interface's shape). */
const UNUSED = { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" };

export default [
  { ignores: ["dist/**", "lib/**", "out/**", "coverage/**", "node_modules/**", "test-artifacts/**"] },
  ...officeAddins.configs.react,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
    settings: { react: { version: "19.3" } },
    // TypeScript checks names itself (and knows Office, Node and DOM globals from their types).
    rules: {
      "no-undef": "off",
      // The automatic JSX runtime (react-jsx): React need not be in scope.
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
      "@typescript-eslint/no-unused-vars": ["error", UNUSED],
    },
  },
  {
    files: ["**/*.{tsx,jsx}"],
    plugins: { "@typescript-eslint": tsPlugin, prettier, "react-hooks": reactHooks },
    languageOptions: {
      parser: tsParser,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": ["error", UNUSED],
      "prettier/prettier": ["error", { endOfLine: "auto" }],
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // ExcelJS objects in the in-memory host and the file tests are plain objects, not Office.js proxies:
    // the load/sync rules (which go by names like `cell` and `range`) do not apply to them.
    files: ["test/host/**", "test/xlsx/**", "test/corpus/**", "test/merge/**"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-after-load": "off",
    },
  },
  {
    // Node scripts (CommonJS).
    files: ["bench/**/*.js", "bin/**/*.js", "*.config.js", "webpack*.js"],
    languageOptions: { sourceType: "commonjs" },
  },
];
