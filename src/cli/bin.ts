/**
 * The `budget-check` bin (build/cli/budget-check.cjs): V8 tuned for a short run, then the checker's bundle
 * (build/cli/checker.cjs, from main.ts) started with its code cache. Both before any of the checker's code is
 * compiled: the cache is only taken under the flags it was made with.
 */
import fs from "node:fs";
import path from "node:path";
import { runBundle } from "./code-cache";
import { exitWithLine } from "./exit-with-line";
import { tuneV8ForShortRun } from "./v8-tuning";

/** Exit code when the checker cannot start (as for a file that cannot be read: the user gets no result). */
const EXIT_CANNOT_START = 2;

tuneV8ForShortRun();
// The real file's folder, even when node was told to keep the path of a link to the bin (--preserve-symlinks-main).
const checker = path.join(path.dirname(fs.realpathSync(__filename)), "checker.cjs");
let exports: unknown;
try {
  exports = runBundle(checker).exports;
} catch (e) {
  // The checker could not even start (its bundle missing, unreadable or broken): one line, as for any failed run.
  exitWithLine(`${checker}: ${e instanceof Error ? e.message : String(e)}`, e, EXIT_CANNOT_START);
}
// main.ts says so as its last statement: an empty or cut bundle would otherwise end with no report and exit 0.
if ((exports as { loaded?: unknown } | undefined)?.loaded !== true) exitWithLine(`${checker} is incomplete; rebuild it (npm ci)`, undefined, EXIT_CANNOT_START);
