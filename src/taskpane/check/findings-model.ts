/** Pure selectors for the Check tab: counts, filters, and findings grouped by table, then by rule. */
import { parseRange, rangeContains } from "../../core/address";
import { a1, type CheckResult, type Finding, type FindingCell, type Severity, type TableSummary } from "../../core/finding";
import { listRules } from "../../core/profiles";
import type { Language } from "../strings";

export type SeverityFilter = Record<Severity, boolean>;

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

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

/** The table whose range holds the finding's first cell (the one most likely wrong). */
export function tableOf(finding: Finding, tables: readonly TableSummary[]): TableSummary | undefined {
  const cell = finding.cells[0];
  if (!cell) return undefined;
  return tables.find((t) => t.sheet === cell.sheet && rangeContains(parseRange(t.range), cell.row, cell.col));
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

export function cellLabel(c: FindingCell): string {
  // A cell of another workbook (compare with another workbook) as Excel writes an external reference.
  return `${c.file !== undefined ? `[${c.file}]` : ""}${c.sheet}!${a1(c)}`;
}

/** Stable id of a finding in the list (React keys, test ids). */
export function findingId(f: Finding): string {
  return `${f.rule}|${f.cells.map(cellLabel).join(",")}`;
}
