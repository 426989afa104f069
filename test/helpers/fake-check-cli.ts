/**
 * The real CLI process (real file reading, reports, annotation, stdout/stderr, exit code) with the engine replaced
 * by a fixed CheckResult from FAKE_CHECK_RESULT, so end-to-end tests do not depend on the engine's findings.
 */
import type { CheckResult } from "../../src/core/finding";
import { runCheck } from "../../src/cli/run-check";

const result: CheckResult = JSON.parse(process.env.FAKE_CHECK_RESULT ?? '{"tables":[],"findings":[]}');
runCheck(process.argv.slice(2), { check: () => result }).then((code) => {
  process.exitCode = code;
});
