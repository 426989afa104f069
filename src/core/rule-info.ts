/** What every rule family says about each rule it reports; the families' lists are collected by rule-registry.ts. */
import type { Severity } from "./finding";

/** "workbooks": rules across several workbooks (CLI batch and merge, spec §7). */
export type RuleGroup = "sum" | "cross" | "cell" | "catalogue" | "document" | "plausibility" | "workbooks";

export interface RuleInfo {
  readonly id: string;
  readonly group: RuleGroup;
  /** Severity under the default profile; sum rules report rounding differences one step lower. */
  readonly severity: Severity;
  readonly zh: string;
  readonly en: string;
}
