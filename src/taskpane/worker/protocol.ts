/** Messages between the pane and the check worker (structured-clone data only: grids, changes, results). */
import type { ImportedList } from "../../core/catalogue/types";
import type { Finding, TableSummary } from "../../core/finding";
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
 * A check result as sent: a finding the worker sent before, unchanged, travels as its index in the previous result's
 * findings. Copying tens of thousands of findings after every edit would cost the pane more than the check itself.
 */
export interface EncodedResult {
  tables: TableSummary[];
  findings: (number | Finding)[];
}

export type WorkerRequest =
  | { id: number; type: "open"; workbook: GridWorkbook; options: WorkerCheckOptions }
  | { id: number; type: "update"; changes: GridChange[] }
  | { id: number; type: "prepare"; sheet: string };

export type WorkerResponse =
  | { id: number; ok: true; result?: EncodedResult; update?: Omit<UpdateResult, "result"> }
  | { id: number; ok: false; error: string };
