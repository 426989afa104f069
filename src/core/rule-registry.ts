/**
 * The registry of rules: each family's list, kept beside the code that reports it, in one stable order. `RuleId` is
 * the union of their ids, so a finding or identity naming an unknown rule does not compile.
 */
import { CATALOGUE_RULES } from "./catalogue/rules";
import { DOCUMENT_RULES } from "./document";
import type { RuleGroup, RuleInfo } from "./rule-info";
import { CELL_RULES } from "./rules/cell-rules";
import { CROSS_RULES } from "./rules/cross-identities";
import { FINAL_CROSS_RULES } from "./rules/final-cross";
import { FINAL_RULES } from "./rules/final-identities";
import { PLAUSIBILITY_RULES } from "./rules/plausibility";
import { TABLE_RULES } from "./rules/table-identities";
import { DEPARTMENT_SUM_RULES } from "./workbooks/department-sum";
import { FINAL_VS_BUDGET_RULES } from "./workbooks/final-vs-budget";

export type { RuleGroup } from "./rule-info";

const FAMILIES = [
  TABLE_RULES,
  CROSS_RULES,
  FINAL_RULES,
  FINAL_CROSS_RULES,
  CELL_RULES,
  CATALOGUE_RULES,
  DOCUMENT_RULES,
  PLAUSIBILITY_RULES,
  DEPARTMENT_SUM_RULES,
  FINAL_VS_BUDGET_RULES,
] as const;

export type RuleId = (typeof FAMILIES)[number][number]["id"];

export interface RegisteredRule extends RuleInfo {
  readonly id: RuleId;
  readonly group: RuleGroup;
}

/** Every rule, family by family. */
export const RULES: readonly RegisteredRule[] = FAMILIES.flat();

const IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

/** Narrows a string (a stored setting, a parsed report) to a rule id. */
export function isRuleId(s: string): s is RuleId {
  return IDS.has(s);
}
