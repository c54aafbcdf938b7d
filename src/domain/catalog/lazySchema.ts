import type * as Schema from "./schema";

let schema: typeof Schema | undefined;

/**
 * The module loader of the build (CommonJS in the CLI, webpack's in the pane, which bundles the module
 * it names): the domain knows no Node types, so it is declared here for this one lazy load.
 */
declare const require: (id: string) => unknown;

/**
 * The form file schema, with zod, loaded the first time a form from outside the build is checked (an
 * edited form file, a definition a workbook carries that is not a bundled one). Loading zod costs more
 * than reading a district file, and the bundled forms are checked by the tests instead
 * (test/domain/bundledForms.test.ts), so commands that only read and merge never load it.
 */
export function formDefSchema(): typeof Schema.formDefSchema {
  schema ??= require("./schema") as typeof Schema;
  return schema.formDefSchema;
}
