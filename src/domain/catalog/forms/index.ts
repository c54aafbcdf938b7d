// Written by `npm run forms` (scripts/forms-index.js) from the JSON files in this folder.
// A new year's form is a new JSON file here; run `npm run forms` to list it. Do not edit by hand.
import form0 from "./bkk-district-2567.json";

/** The form files this build bundles, oldest first (by fiscal year, then version). */
export const BUNDLED_FORM_FILES: readonly { file: string; data: unknown }[] = [
  { file: "bkk-district-2567.json", data: form0 },
];
