import { promises as fs, rmSync } from "fs";
import path from "path";

/** The hidden temporary file a write goes to before it is renamed over the target. */
const tmpName = (target: string, pid: number) => `.${path.basename(target)}.${pid}.tmp`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Remove temporary files an earlier, killed write to the same target left behind. */
async function removeStale(dir: string, target: string): Promise<void> {
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith(prefix) || !n.endsWith(".tmp")) continue;
    const pid = Number(n.slice(prefix.length, -4));
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || alive(pid)) continue;
    await fs.rm(path.join(dir, n), { force: true });
  }
}

const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Write bytes to a path; the target is replaced only once the whole file is written. The temporary
 * file is removed on failure and on Ctrl+C or a kill signal; one left by a hard kill (SIGKILL, power
 * loss) is removed by the next write to the same target.
 */
export async function writeBytesAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await fs.mkdir(dir, { recursive: true });
  await removeStale(dir, target);
  const tmp = path.join(dir, tmpName(target, process.pid));
  const cleanup = () => rmSync(tmp, { force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup();
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.kill(process.pid, signal); // then die of the signal as if we had not caught it
  };
  for (const s of SIGNALS) process.once(s, onSignal);
  process.once("exit", cleanup);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  } finally {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.removeListener("exit", cleanup);
  }
}
