"use strict";
// Preloaded into every measured process (`node -r bench/cpu-exit.js …`): on exit it writes the
// process's own CPU time (user + system, Node start included) to stderr as the last line,
// {"cpuMs": N}. On a machine shared with other work the wall time grows with the load; the CPU
// time much less, so the bench prints both.
process.on("exit", () => {
  const u = process.cpuUsage();
  process.stderr.write(`\n${JSON.stringify({ cpuMs: Math.round((u.user + u.system) / 1000) })}\n`);
});
