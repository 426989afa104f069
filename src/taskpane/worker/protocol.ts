/** Messages between the pane and the check worker (structured-clone data only: grids, changes, results). */
import type { ImportedList } from "../../core/catalogue/types";
import type { CheckResult, Finding, TableSummary } from "../../core/finding";
import type { GridWorkbook } from "../../core/grid";
import type { RuleProfile } from "../../core/profiles";
import type { GridChange, UpdateResult } from "../../core/session";

export interface WorkerCheckOptions {
  year?: number;
  profile?: RuleProfile;
  /** Run the catalogue rules (the worker carries its own copy of the catalogue data). */
  catalogue: boolean;
  /** Imported code lists to lay over it (the pane's, from this browser's storage). */
  imported?: ImportedList[];
}

/**
 * An edit's result as sent: the session's delta, findings that went as their index in the previous result, new ones
 * with their index in the new result. Copying tens of thousands of findings after every edit would cost the pane
 * more than the check itself.
 */
export interface EncodedDelta {
  tables: TableSummary[];
  removed: number[];
  added: { at: number; finding: Finding }[];
  changed: { from: number; at: number; finding: Finding }[];
}

export type WorkerRequest =
  | { id: number; type: "open"; workbook: GridWorkbook; options: WorkerCheckOptions }
  | { id: number; type: "update"; changes: GridChange[] }
  | { id: number; type: "prepare"; sheet: string };

export type WorkerResponse =
  | { id: number; ok: true; result?: CheckResult; update?: Omit<UpdateResult, "result" | "delta"> & { delta: EncodedDelta } }
  | { id: number; ok: false; error: string };
