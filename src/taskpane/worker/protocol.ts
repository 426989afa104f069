/** Messages between the pane and the check worker (structured-clone data only: grids, changes, results). */
import type { CheckResult } from "../../core/finding";
import type { GridWorkbook } from "../../core/grid";
import type { RuleProfile } from "../../core/profiles";
import type { GridChange, UpdateResult } from "../../core/session";

export interface WorkerCheckOptions {
  year?: number;
  profile?: RuleProfile;
  /** Run the catalogue rules (the worker carries its own copy of the catalogue data). */
  catalogue: boolean;
}

export type WorkerRequest =
  | { id: number; type: "open"; workbook: GridWorkbook; options: WorkerCheckOptions }
  | { id: number; type: "update"; changes: GridChange[] }
  | { id: number; type: "prepare"; sheet: string };

export type WorkerResponse =
  | { id: number; ok: true; result: CheckResult; update?: Omit<UpdateResult, "result"> }
  | { id: number; ok: false; error: string };
