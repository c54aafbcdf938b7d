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

/** Node's own modules: none of the browser-safe layers may import them. */
const NODE = [
  "fs", "fs/*", "path", "os", "zlib", "crypto", "util", "stream", "child_process", "worker_threads",
  "http", "https", "url", "events", "buffer", "node:*",
].map((name) => ({ group: [name], message: "Node's modules stay in src/cli and src/xlsx/files (this layer runs in the pane too)." }));

const zone = (groups, message) => ({ group: groups, message });

/**
 * The layers, enforced (ARCHITECTURE.md): the domain imports nothing outside it; the use cases
 * (src/app) and the documents (src/docx) run in the pane and the command alike; the pane never
 * imports Node-only modules, the writers of files, or the reader's internals (it reads files through
 * src/app and the two read entry points named below).
 */
const LAYERS = [
  {
    files: ["src/domain/**/*.{ts,tsx}"],
    patterns: [
      ...NODE,
      zone(
        ["**/xlsx", "**/xlsx/**", "**/excel", "**/excel/**", "**/taskpane/**", "**/cli/**", "**/app/**", "**/docx/**", "**/graph/**"],
        "src/domain is pure: it imports nothing outside src/domain."
      ),
      zone(["exceljs", "react", "react-dom", "@fluentui/*", "docx", "fflate", "saxes"], "src/domain is pure TypeScript (zod only)."),
    ],
    globals: ["document", "window", "navigator", "localStorage", "Office", "Excel", "process", "Buffer", "XMLHttpRequest", "fetch"],
  },
  {
    files: ["src/app/**/*.{ts,tsx}", "src/docx/**/*.{ts,tsx}", "src/xlsx/read/**/*.{ts,tsx}"],
    patterns: [
      ...NODE,
      zone(["**/cli/**", "**/taskpane/**", "**/excel/**", "**/xlsx/write/**", "**/xlsx/files", "**/xlsx/nodeInflate"], "This layer runs in the pane and the command: no shell, no Node-only module."),
      zone(["exceljs", "react", "react-dom", "@fluentui/*"], "This layer is neither a writer of workbooks nor UI."),
    ],
    globals: ["document", "window", "Office", "Excel", "process", "Buffer"],
  },
  {
    // The one writer the pane loads (its read workers' warm-up sample): browser-safe, fflate only.
    files: ["src/xlsx/write/sampleBook.ts", "src/xlsx/write/packageXml.ts", "src/xlsx/write/cellText.ts", "src/xlsx/write/utf8.ts"],
    patterns: [...NODE, zone(["exceljs", "**/output", "**/writeForm", "**/writeSummary"], "The pane loads this writer: no ExcelJS, no Node-only writer.")],
    globals: ["process", "Buffer"],
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/excel/**/*.{ts,tsx}", "src/commands/**/*.{ts,tsx}"],
    patterns: [
      ...NODE,
      // xlsx/write/sampleBook is browser-safe (fflate only): the read workers warm up on its sample.
      zone(["**/cli/**", "**/xlsx/write/**", "!**/xlsx/write/sampleBook", "**/xlsx/files", "**/xlsx/nodeInflate", "exceljs"], "The pane never loads Node-only modules or the workbook writers of the command."),
      {
        regex: String.raw`(^|/)xlsx(/(?!read/(fflateInflate|formFile)$|write/sampleBook$).*)?$`,
        message:
          "The pane reads files through src/app (merges) and xlsx/read/formFile (a form definition file), with xlsx/read/fflateInflate, and warms its readers with xlsx/write/sampleBook; not the reader's internals.",
      },
    ],
    globals: ["process", "Buffer"],
  },
];

/** The import() sources a layer may not load, as an esquery regex. */
function dynamicZone(files) {
  if (files.some((f) => f.startsWith("src/domain"))) return String.raw`/(^|\/)(xlsx|excel|taskpane|cli|app|docx|graph)(\/|$)/`;
  if (files.some((f) => f.startsWith("src/taskpane")))
    return String.raw`/(^|\/)(cli|xlsx\/write|xlsx\/files|xlsx\/nodeInflate)(\/|$)/`;
  return String.raw`/(^|\/)(cli|taskpane|excel|xlsx\/write)(\/|$)/`;
}

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
  ...LAYERS.map(({ files, patterns, globals }) => ({
    files,
    rules: {
      "no-restricted-imports": ["error", { patterns }],
      // no-restricted-imports does not look at import(): the same zones for the modules loaded on demand.
      "no-restricted-syntax": [
        "error",
        {
          selector: `ImportExpression[source.value=${dynamicZone(files)}]`,
          message: "Not in this layer (ARCHITECTURE.md): a module loaded on demand is still imported.",
        },
      ],
      "no-restricted-globals": ["error", ...globals.map((name) => ({ name, message: "Not in this layer (ARCHITECTURE.md)." }))],
    },
  })),
];
