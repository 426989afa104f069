/** Pure selectors for the Check tab: counts, filters, and findings grouped by table, then by rule. */
import type { CheckResult, Finding, Severity, TableSummary } from "../../core/finding";
import { listRules } from "../../core/profiles";
import { cellLabel, tableOf } from "../../core/report/group";
import type { Language } from "../strings";

export type SeverityFilter = Record<Severity, boolean>;

export interface RuleGroupView {
  rule: string;
  title: string;
  findings: Finding[];
}

export interface TableGroupView {
  key: string;
  /** Undefined for findings about the workbook as a whole (document rules, cells outside any table). */
  table?: TableSummary;
  rules: RuleGroupView[];
  count: number;
}

const RULE_TITLES = new Map<string, { zh: string; en: string }>(listRules().map((r) => [r.id, r]));

export function ruleTitle(rule: string, lang: Language): string {
  const info = RULE_TITLES.get(rule);
  if (!info) return rule;
  return lang === "zh-CN" ? info.zh : info.en;
}

export function tableKey(t: TableSummary): string {
  return `${t.sheet}!${t.range}`;
}

/** Groups in table order (as recognised), the workbook-level group last; rules in first-seen order. */
export function groupFindings(result: CheckResult, filter: SeverityFilter, lang: Language): TableGroupView[] {
  const groups = new Map<string, TableGroupView>();
  for (const t of result.tables) groups.set(tableKey(t), { key: tableKey(t), table: t, rules: [], count: 0 });
  const workbook: TableGroupView = { key: "workbook", rules: [], count: 0 };
  for (const f of result.findings) {
    if (!filter[f.severity]) continue;
    const t = tableOf(f, result.tables);
    const g = (t && groups.get(tableKey(t))) ?? workbook;
    let r = g.rules.find((x) => x.rule === f.rule);
    if (!r) g.rules.push((r = { rule: f.rule, title: ruleTitle(f.rule, lang), findings: [] }));
    r.findings.push(f);
    g.count++;
  }
  return [...groups.values(), workbook].filter((g) => g.count > 0);
}

export function findingMessage(f: Finding, lang: Language): string {
  return lang === "zh-CN" ? f.message : f.messageEn;
}

/** Stable id of a finding in the list (React keys, test ids). */
export function findingId(f: Finding): string {
  return `${f.rule}|${f.cells.map(cellLabel).join(",")}`;
}
