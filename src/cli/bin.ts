/**
 * The `budget-check` bin (build/cli/budget-check.cjs): V8 tuned for a short run, then the checker's bundle
 * (build/cli/checker.cjs, from main.ts) started with its code cache. Both before any of the checker's code is
 * compiled: the cache is only taken under the flags it was made with.
 */
import path from "node:path";
import { runBundle } from "./code-cache";
import { tuneV8ForShortRun } from "./v8-tuning";

tuneV8ForShortRun();
try {
  runBundle(path.join(__dirname, "checker.cjs"));
} catch (e) {
  // The checker could not even start (its bundle missing or unreadable): one line, as for any failed run.
  const msg = (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, " ");
  process.stderr.write(`检查失败：${msg} / Check failed: ${msg}\n`);
  process.exit(2);
}
