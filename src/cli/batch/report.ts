/**
 * The report of a batch (several files, a folder, or a merge of shards), in the three formats of the single-file
 * CLI plus the per-file summary:
 * - json: { files: [{ file, tables, findings } | { file, error }], findings: [cross-workbook findings] }; a sharded
 *   run adds "shard": "K/N" and each file's "workbook" (what merge needs for the cross-workbook rules);
 * - csv: the findings with a file column first (an unreadable file is one row, rule file.unreadable);
 * - text: one block per file, the cross-workbook findings, a total line;
 * - summary csv: one row per file.
 */
import { compareFindings, type Finding, type Severity } from "../../core/finding";
import { CSV_HEADER, csvDocument, findingCsvFields, SEVERITY_LABEL } from "../../core/report/export";
import { say, severityLabel, type Lang } from "../bilingual";
import { publicFinding } from "../report-json";
import { countBySeverity, SEVERITIES } from "../../core/report/group";
import { formatFinding, formatTextReport } from "../report-text";
import { isUnreadable, type FileOutcome } from "./check-file";

export interface BatchResult {
  files: FileOutcome[];
  /** Cross-workbook findings (spec §7). */
  findings: Finding[];
  /** Set by a sharded run: "K/N". */
  shard?: string;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_CANNOT_READ = 2;

/** 2 if any file could not be read, else 1 if any error finding (in a file or across files), else 0. */
export function batchExitCode(r: BatchResult): number {
  if (r.files.some(isUnreadable)) return EXIT_CANNOT_READ;
  const errors = (fs: readonly Finding[]) => fs.some((f) => f.severity === "error");
  if (errors(r.findings) || r.files.some((f) => !isUnreadable(f) && errors(f.findings))) return EXIT_ERRORS_FOUND;
  return EXIT_OK;
}

export function formatBatchJson(r: BatchResult): string {
  const withWorkbooks = r.shard !== undefined;
  const out = {
    ...(r.shard !== undefined ? { shard: r.shard } : {}),
    files: r.files.map((f) =>
      isUnreadable(f)
        ? { file: f.file, error: f.error }
        : { file: f.file, tables: f.tables, findings: [...f.findings].sort(compareFindings).map(publicFinding), ...(withWorkbooks && f.workbook ? { workbook: f.workbook } : {}) },
    ),
    findings: [...r.findings].sort(compareFindings).map(publicFinding),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export const FILE_COLUMN = "文件/file";
export const UNREADABLE_RULE = "file.unreadable";

/** "zh / en" one-line messages into their halves (for the message and messageEn columns). */
function halves(message: string): [string, string] {
  const i = message.indexOf(" / ");
  return i < 0 ? [message, message] : [message.slice(0, i), message.slice(i + 3)];
}

export function formatBatchCsv(r: BatchResult): string {
  const rows: string[][] = [[FILE_COLUMN, ...CSV_HEADER]];
  for (const f of r.files) {
    if (isUnreadable(f)) {
      const [zh, en] = halves(f.error);
      rows.push([f.file, SEVERITY_LABEL.error, UNREADABLE_RULE, "", "", "", "", zh, en, ""]);
      continue;
    }
    for (const finding of [...f.findings].sort(compareFindings)) rows.push([f.file, ...findingCsvFields(finding)]);
  }
  for (const finding of [...r.findings].sort(compareFindings)) rows.push([finding.cells[0]?.file ?? "", ...findingCsvFields(finding)]);
  return csvDocument(rows);
}

function totals(r: BatchResult): Record<Severity, number> {
  const all = [...r.findings, ...r.files.flatMap((f) => (isUnreadable(f) ? [] : f.findings))];
  return countBySeverity(all);
}

export function formatBatchText(r: BatchResult, lang: Lang): string {
  const rule = "─".repeat(60);
  const blocks: string[] = [];
  for (const f of r.files) {
    if (isUnreadable(f)) blocks.push(`${say(lang, "文件", "File")}: ${f.file}\n${f.error}\n`);
    else blocks.push(formatTextReport(f.file, { tables: f.tables, findings: f.findings }, { lang }));
  }
  if (r.findings.length > 0) {
    const lines = [say(lang, "跨工作簿核对", "Across workbooks")];
    for (const f of [...r.findings].sort(compareFindings)) lines.push(...formatFinding(f, lang));
    blocks.push(`${lines.join("\n")}\n`);
  }
  const unreadable = r.files.filter(isUnreadable).length;
  const counts = totals(r);
  const files = say(lang, `${r.files.length} 个文件`, `${r.files.length} files`, "，");
  const badText = say(lang, `${unreadable} 个无法读取`, `${unreadable} unreadable`, "，");
  const bad = unreadable === 0 ? "" : lang === "en" ? ` (${badText})` : `（${badText}）`;
  const shard = r.shard !== undefined ? ` [${say(lang, "分片", "shard")} ${r.shard}]` : "";
  const total = `${say(lang, "合计", "Total")}: ${files}${bad}${shard} · ${SEVERITIES.map((s) => `${severityLabel(lang, s)} ${counts[s]}`).join(" · ")}`;
  return `${blocks.join(`${rule}\n`)}${rule}\n${total}\n`;
}

export const SUMMARY_HEADER = [
  FILE_COLUMN,
  "单位/unit",
  "年度/year",
  "预算或决算/set",
  "部门或单位/scope",
  "表数/tables",
  "错误/errors",
  "警告/warnings",
  "提示/infos",
  "状态/status",
];

const STATUS = {
  unreadable: "无法读取/unreadable",
  errors: "有错误/errors",
  warnings: "有警告/warnings",
  ok: "通过/ok",
};

/** One row per file; cross-workbook findings count for the file of their first cell (the one to correct). */
export function formatSummaryCsv(r: BatchResult): string {
  const rows: string[][] = [SUMMARY_HEADER];
  for (const f of r.files) {
    if (isUnreadable(f)) {
      rows.push([f.file, "", "", "", "", "", "", "", "", STATUS.unreadable]);
      continue;
    }
    const c = countBySeverity([...f.findings, ...r.findings.filter((x) => x.cells[0]?.file === f.file)]);
    const wb = f.workbook;
    const status = c.error > 0 ? STATUS.errors : c.warning > 0 ? STATUS.warnings : STATUS.ok;
    rows.push([f.file, wb?.unitName ?? "", wb?.year !== undefined ? String(wb.year) : "", wb?.set ?? "", wb?.scope ?? "", String(f.tables.length), String(c.error), String(c.warning), String(c.info), status]);
  }
  return csvDocument(rows);
}
