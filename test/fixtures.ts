import { existsSync, readdirSync } from "fs";
import path from "path";

/**
 * A folder of test fixtures kept in the repository (`test/fixtures/NAME`). A test that needs one fails
 * with a message saying what is missing and why, never skipping silently: a clone alone must hold
 * everything its tests read.
 */
export function fixtureDir(name: string): string {
  const dir = path.join(__dirname, "fixtures", name);
  if (!existsSync(dir) || readdirSync(dir).length === 0)
    throw new Error(
      `Test fixtures missing: ${dir} (part of the repository; restore it with git checkout -- test/fixtures/${name})`
    );
  return dir;
}
