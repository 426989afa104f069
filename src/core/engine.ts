/** Entry point of the core: workbook grid in, recognised tables and findings out. */
import type { GridWorkbook } from "./grid";
import type { CheckResult } from "./finding";

export interface CheckOptions {
  /** Budget year override (otherwise read from titles/unit lines). */
  year?: number;
}

export function checkWorkbook(_wb: GridWorkbook, _options: CheckOptions = {}): CheckResult {
  throw new Error("not implemented yet");
}
