/**
 * The findings list as files the user can keep or send: CSV for Excel (RFC 4180, CRLF, UTF-8 with a BOM so Excel
 * opens Chinese text correctly) and JSON (the spec §3 records as they are).
 */
import { a1, publicCell, type Finding, type Severity } from "../finding";
import { cellLabel } from "./group";

export const SEVERITY_LABEL: Record<Severity, string> = { error: "错误/error", warning: "警告/warning", info: "提示/info" };

export const CSV_HEADER = [
  "严重程度/severity",
  "规则/rule",
  "工作表/sheet",
  "单元格/cell",
  "应为/expected",
  "实为/actual",
  "说明/message",
  "messageEn",
  "相关单元格/cells read",
];

/** One CSV field: quoted when it holds a comma, quote or line break; a leading =, +, @ or tab (which Excel would
 * run as a formula) is defused with an apostrophe, except in numbers such as "-12.00". */
export function csvField(value: string): string {
  let v = value;
  if (/^[=+@\t\r]/.test(v) || (/^-/.test(v) && !/^-\d+(\.\d+)?$/.test(v))) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One finding's fields, in CSV_HEADER's order (unquoted). */
export function findingCsvFields(f: Finding): string[] {
  const first = f.cells[0];
  return [
    SEVERITY_LABEL[f.severity],
    f.rule,
    first?.sheet ?? "",
    first ? a1(first) : "",
    f.expected ?? "",
    f.actual ?? "",
    f.message,
    f.messageEn,
    f.cells.slice(1).map(cellLabel).join("; "),
  ];
}

/** Rows as a CSV file Excel opens: BOM, CRLF, every field through csvField. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}

export function findingsToCsv(findings: Finding[]): string {
  return csvDocument([CSV_HEADER, ...findings.map(findingCsvFields)]);
}

/** The findings as a JSON array of spec §3 records, keys in the spec's order, two-space indented. */
export function findingsToJson(findings: Finding[]): string {
  const records = findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    messageEn: f.messageEn,
    cells: f.cells.map(publicCell),
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.actual !== undefined ? { actual: f.actual } : {}),
  }));
  return JSON.stringify(records, null, 2);
}
