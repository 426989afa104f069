/**
 * `npm run test:e2e`: the browser tests need a Chromium (Debian's `chromium` package; `.ci/run` installs it). Without
 * one they are skipped with a notice on a developer's machine, so `npm test` works on a fresh checkout, and fail in
 * CI (CI set), where they must run.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { CHROMIUM_CANDIDATES, findChromium } from "../test/e2e/browser";

const chromium = findChromium();
if (!chromium) {
  const where = CHROMIUM_CANDIDATES.join(", ");
  if (process.env.CI) {
    console.error(`e2e: no Chromium found (looked at ${where}); CI must run the browser tests.`);
    process.exit(1);
  }
  console.warn(
    `e2e: SKIPPED, no Chromium found (looked at ${where}). Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH, then run npm run test:e2e.`,
  );
  process.exit(0);
}
const jest = path.join(__dirname, "../node_modules/jest/bin/jest.js");
const run = spawnSync(process.execPath, [jest, "--testMatch", "**/test/e2e/**/*.e2e.ts", "--runInBand", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(run.status ?? 1);
