/**
 * The CLI's readable report for accountants: tables found, counts by severity, then findings grouped by sheet and
 * table, each with its message, the cell to look at, expected vs actual and the other cells it read.
 */
import { disclosureSet } from "../core/document/final-set";
import type { CheckResult, Finding, TableSummary } from "../core/finding";
import { a1, compareFindings } from "../core/finding";
import { KIND_NAMES } from "../core/document/style";
import { cellLabel, countBySeverity, SEVERITIES, tableOf } from "../core/report/group";
import { say, severityLabel, type Lang } from "./bilingual";

export interface TextReportOptions {
  lang?: Lang;
}

interface Group {
  heading: string;
  findings: Finding[];
}

/**
 * A table kind as the report shows it: the published table name (core KIND_NAMES) beside the spec §1 id, which is
 * what JSON and --disable use; Chinese only prints the name, English only the id. Unknown ids are shown as they are.
 */
export function kindLabel(lang: Lang, kind: string): string {
  const names = (KIND_NAMES as Record<string, { zh: string } | undefined>)[kind];
  if (!names || lang === "en") return kind;
  const zh = kind === "other" ? `${names.zh}（不检查）` : names.zh;
  return lang === "zh" ? zh : `${zh} ${kind}`;
}

export function formatTextReport(file: string, result: CheckResult, options: TextReportOptions = {}): string {
  const lang = options.lang ?? "both";
  const lines: string[] = [];
  lines.push(say(lang, "预算公开表检查报告", "Budget table check report"));
  lines.push(`${say(lang, "文件", "File")}: ${file}`);
  lines.push("");

  lines.push(`${say(lang, "识别的表格", "Tables recognised")}: ${result.tables.length}`);
  for (const t of result.tables)
    lines.push(`  ${t.sheet}!${t.range}  [${kindLabel(lang, t.kind)}]  ${t.title}${t.hidden ? `  ${say(lang, "（隐藏的工作表）", "(hidden sheet)")}` : ""}`);
  if (result.tables.length === 0) lines.push(`  ${say(lang, "（未识别到预算表）", "(no budget table recognised)")}`);
  const set = disclosureSet(result.tables.map((t) => t.kind));
  if (set) lines.push(`${say(lang, "公开表类别", "Set")}: ${set === "final" ? say(lang, "决算", "final accounts") : say(lang, "预算", "budget")}`);
  lines.push("");

  const counts = countBySeverity(result.findings);
  const summary = SEVERITIES.map((s) => `${severityLabel(lang, s)} ${counts[s]}`).join(" · ");
  lines.push(`${say(lang, "结果", "Summary")}: ${summary}`);
  if (result.findings.length === 0) {
    lines.push(say(lang, "未发现问题。", "No problems found."));
    return `${lines.join("\n")}\n`;
  }

  for (const group of groupFindings(result, lang)) {
    lines.push("");
    lines.push(group.heading);
    for (const f of group.findings) lines.push(...formatFinding(f, lang));
  }
  return `${lines.join("\n")}\n`;
}

export function formatFinding(f: Finding, lang: Lang): string[] {
  const first = f.cells[0];
  const where = first ? cellLabel(first) : say(lang, "（整个工作簿）", "(whole workbook)");
  const out = [`  [${severityLabel(lang, f.severity)}] ${where}  (${f.rule})`];
  if (lang !== "en") out.push(`    ${f.message}`);
  if (lang !== "zh") out.push(`    ${f.messageEn}`);
  if (f.expected !== undefined || f.actual !== undefined) {
    const parts: string[] = [];
    if (f.expected !== undefined) parts.push(`${say(lang, "应为", "expected", " ")} ${f.expected}`);
    if (f.actual !== undefined) parts.push(`${say(lang, "实为", "actual", " ")} ${f.actual}`);
    out.push(`    ${parts.join("；")}`);
  }
  const others = f.cells.slice(1);
  if (others.length > 0) {
    const shown = others
      .slice(0, 12)
      .map((c) => (first && c.sheet === first.sheet && c.file === first.file ? a1(c) : cellLabel(c)));
    const more = others.length > shown.length ? ` … (+${others.length - shown.length})` : "";
    out.push(`    ${say(lang, "涉及单元格", "Cells read")}: ${shown.join(", ")}${more}`);
  }
  return out;
}

/** Groups findings under the table holding their first cell, in workbook order; the rest by sheet. */
function groupFindings(result: CheckResult, lang: Lang): Group[] {
  const byTable = new Map<TableSummary, Finding[]>(result.tables.map((t) => [t, []]));
  const bySheet = new Map<string, Finding[]>();
  const noCell: Finding[] = [];
  for (const f of [...result.findings].sort(compareFindings)) {
    const first = f.cells[0];
    if (!first) {
      noCell.push(f);
      continue;
    }
    const table = tableOf(f, result.tables);
    if (table) byTable.get(table)!.push(f);
    else {
      const list = bySheet.get(first.sheet) ?? [];
      list.push(f);
      bySheet.set(first.sheet, list);
    }
  }
  const groups: Group[] = [];
  for (const [t, findings] of byTable) {
    if (findings.length === 0) continue;
    groups.push({ heading: `【${t.sheet}】${t.title} [${kindLabel(lang, t.kind)}] ${t.range}`, findings });
  }
  for (const [sheet, findings] of bySheet) {
    groups.push({ heading: `【${sheet}】${say(lang, "表格之外", "outside the recognised tables")}`, findings });
  }
  if (noCell.length > 0) groups.push({ heading: `【${say(lang, "工作簿", "Workbook")}】`, findings: noCell });
  return groups;
}
