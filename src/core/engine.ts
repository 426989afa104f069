/**
 * Entry point of the core: workbook grid in, recognised tables and findings out.
 * Data flows one way: grid → recognised tables → identities (structure) → evaluations (values) → findings.
 * A one-shot check is a CheckSession that is never updated, so the CLI and the add-in share one code path.
 */
import type { CheckResult } from "./finding";
import type { GridWorkbook } from "./grid";
import { recogniseSheet } from "./recognise";
import type { RecognisedTable } from "./recognise/types";
import { CheckSession, type CheckOptions } from "./session";

export type { CheckOptions } from "./session";
export { identitiesFor } from "./rules";
export { tableSummary } from "./recognise";

export function recogniseAll(wb: GridWorkbook): RecognisedTable[] {
  return wb.sheets.flatMap((s) => recogniseSheet(s));
}

export function checkWorkbook(wb: GridWorkbook, options: CheckOptions = {}): CheckResult {
  return checkWorkbookWithTables(wb, options).result;
}

/** The same check, with the recognised tables it found (the CLI's batch extracts them for the cross-workbook rules). */
export function checkWorkbookWithTables(wb: GridWorkbook, options: CheckOptions = {}): { result: CheckResult; tables: RecognisedTable[] } {
  const session = new CheckSession(wb, options);
  return { result: session.result(), tables: session.tables() };
}
