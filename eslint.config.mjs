import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  { ignores: ["dist/**", "lib/**", "out/**", "coverage/**", "node_modules/**", "test-artifacts/**"] },
  ...officeAddins.configs.react,
  {
    plugins: {
      "office-addins": officeAddins,
    },
    languageOptions: {
      parser: tsParser,
    },
    settings: { react: { version: "18.3" } },
    // TypeScript checks names itself (and knows Office, Node and DOM globals from their types).
    rules: { "no-undef": "off" },
  },
];
