/**
 * The checker behind the `budget-check` bin (bundled as build/cli/checker.cjs by scripts/build-cli.mjs and started
 * by bin.ts, which tunes V8 first) and so of `npm run check` / `npm run catalogue`:
 *
 *   budget-check [FILE.xlsx] [options]      check a workbook (run-check.ts)
 *   budget-check catalogue lookup|search …  the classification code look-up (catalogue.ts)
 *
 * All logic lives in those modules; this only wires the process. Each is imported when chosen, so the look-up does
 * not load the .xlsx reader.
 */
import { exitWithLine } from "./exit-with-line";

/** Exit code of a run that failed unexpectedly (same as "cannot read": the user gets no result). */
const EXIT_CRASH = 2;

// Whatever goes wrong, the user sees one line, never a stack trace (BUDGET_CHECK_DEBUG=1 shows it).
function crash(e: unknown): never {
  exitWithLine(e instanceof Error ? e.message : String(e), e, EXIT_CRASH);
}
process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);
// `... | head` closes stdout early; that is not an error of the check.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") crash(e);
});

async function main(argv: string[]): Promise<number> {
  if (argv[0] === "catalogue") {
    const [{ runCatalogueCliWithFiles }, { invocationDir }] = await Promise.all([
      import("./catalogue"),
      import("./invocation-dir"),
    ]);
    const result = await runCatalogueCliWithFiles(argv.slice(1), invocationDir());
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    return result.code;
  }
  const { runCheck } = await import("./run-check");
  return runCheck(argv);
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, crash);

/** This module's top level ran to its end: the bin tells a whole bundle from an empty or cut one by it. */
export const loaded = true;
