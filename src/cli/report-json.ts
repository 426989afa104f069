/** The CLI's JSON report (spec §4): one object { file, tables, findings } with findings in the spec §3 format. */
import type { CheckResult, Finding, PublicFinding, TableSummary } from "../core/finding";
import { cellAt, compareFindings, publicCell } from "../core/finding";

export interface JsonReport {
  file: string;
  tables: TableSummary[];
  findings: PublicFinding[];
}

/** Projects onto exactly the documented fields, so engine-internal extras never leak into the public format. */
export function jsonReport(file: string, result: CheckResult): JsonReport {
  return {
    file,
    // "hidden": true only on tables of hidden sheets: the entries of visible ones stay as they were.
    tables: result.tables.map((t) => ({ sheet: t.sheet, kind: t.kind, range: t.range, title: t.title, ...(t.hidden ? { hidden: true } : {}) })),
    findings: [...result.findings].sort(compareFindings).map(publicFinding),
  };
}

/** The spec §3 record; a cell of another workbook (cross-workbook rules) keeps its `file`. */
export function publicFinding(f: Finding): PublicFinding {
  const out: PublicFinding = {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    messageEn: f.messageEn,
    cells: f.cells.map(publicCell),
  };
  if (f.expected !== undefined) out.expected = f.expected;
  if (f.actual !== undefined) out.actual = f.actual;
  return out;
}

/** Back from the spec §3 record (a shard's JSON read by `merge`); throws on a cell that is not A1 text. */
export function findingFromPublic(f: PublicFinding): Finding {
  return { ...f, cells: f.cells.map((c) => cellAt(c.sheet, c.address, c.file)) };
}

export function formatJsonReport(file: string, result: CheckResult): string {
  return `${JSON.stringify(jsonReport(file, result), null, 2)}\n`;
}
