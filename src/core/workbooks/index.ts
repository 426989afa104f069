/**
 * Rules across workbooks (spec §7), pure: the extracts of several workbooks in, findings naming cells in each file
 * out (FindingCell.file). The CLI's batch runs them over every readable workbook it checked, or `merge` over the
 * extracts shards wrote.
 */
import { boundFinding, compareFindings, type Finding } from "../finding";
import { applyProfile, type RuleProfile } from "../profiles";
import type { WorkbookEntry } from "./compare";
import { departmentSumFindings } from "./department-sum";
import { finalVsBudgetFindings } from "./final-vs-budget";

export type { WorkbookEntry } from "./compare";
export { extractWorkbook, type WorkbookExtract } from "./extract";

export interface WorkbookRuleOptions {
  /** Unit workbook → department (see department-sum.ts). */
  unitMap?: ReadonlyMap<string, string>;
  profile?: RuleProfile;
}

export function workbookFindings(entries: readonly WorkbookEntry[], options: WorkbookRuleOptions = {}): Finding[] {
  if (entries.length < 2) return [];
  const all = [...departmentSumFindings(entries, { unitMap: options.unitMap }), ...finalVsBudgetFindings(entries)];
  const profiled = options.profile ? applyProfile(all, options.profile) : all;
  return profiled.map(boundFinding).sort(compareFindings);
}
