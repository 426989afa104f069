/** Entry point of `npm run check` (spec §4). All logic lives in run-check.ts; this only wires the process. */
import { EXIT_CANNOT_READ, runCheck } from "./run-check";

// Whatever goes wrong, the user sees one line, never a stack trace (BUDGET_CHECK_DEBUG=1 shows it).
function crash(e: unknown): never {
  const msg = (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, " ");
  process.stderr.write(`检查失败：${msg} / Check failed: ${msg}\n`);
  if (process.env.BUDGET_CHECK_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  process.exit(EXIT_CANNOT_READ);
}
process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);
// `... | head` closes stdout early; that is not an error of the check.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") crash(e);
});

runCheck(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, crash);
