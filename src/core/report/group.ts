/**
 * What every report of findings shares (the pane's Check tab, the CLI's text and batch reports, the CSV): severities
 * in report order, counts by severity, the table a finding belongs to, and how a cell is named.
 */
import { parseRange, rangeContains } from "../address";
import { a1, type Finding, type FindingCell, type Severity, type TableSummary } from "../finding";

/** Report order. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** A cell as reports name it; one in another workbook as Excel writes an external reference, [file]sheet!A1. */
export function cellLabel(c: FindingCell): string {
  return `${c.file !== undefined ? `[${c.file}]` : ""}${c.sheet}!${a1(c)}`;
}

/**
 * The finding's table: the one its `table` id names, else (summaries without ids, read back from a JSON report) the
 * one whose range holds the finding's first cell, the one most likely wrong. Undefined outside every table.
 */
export function tableOf(finding: Finding, tables: readonly TableSummary[]): TableSummary | undefined {
  if (finding.table !== undefined) {
    const named = tables.find((t) => t.id === finding.table);
    if (named) return named;
  }
  const cell = finding.cells[0];
  if (!cell) return undefined;
  return tables.find((t) => {
    if (t.sheet !== cell.sheet) return false;
    const range = safely(() => parseRange(t.range));
    return range !== undefined && rangeContains(range, cell.row, cell.col);
  });
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
