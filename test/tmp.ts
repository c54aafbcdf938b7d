import { promises as fs } from "fs";
import os from "os";
import path from "path";

/** The folders `tmpDir` made in this test file, removed after its last test (test/cleanup.ts). */
const made: string[] = [];

/** A new empty folder under the system's temp folder, removed once the test file has run. */
export async function tmpDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ita-test-"));
  made.push(dir);
  return dir;
}

/** Remove every folder `tmpDir` made (and all in it); a folder already gone is no error. */
export async function removeTmpDirs(): Promise<void> {
  const dirs = made.splice(0);
  await Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true })));
}
