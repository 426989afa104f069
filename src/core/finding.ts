/** The finding record shared by the core, the pane and the CLI (spec §3). */
import { parseA1, toA1 } from "./address";
import type { RuleId } from "./rule-registry";

export type Severity = "error" | "warning" | "info";

/** A cell a finding names: 0-based row and column like the grid. A1 text is made only where it is shown (a1()). */
export interface FindingCell {
  /** Cross-workbook findings only: the workbook the cell is in (as the report names the file). Absent = this one. */
  file?: string;
  sheet: string;
  row: number;
  col: number;
}

/** The cell's A1 text ("B5"), for reports, notes and the pane: the only place findings' cells become text. */
export function a1(c: { row: number; col: number }): string {
  return toA1(c.row, c.col);
}

/** A finding cell from A1 text, where a cell comes as text (a cross-workbook extract, a test). */
export function cellAt(sheet: string, address: string, file?: string): FindingCell {
  const { row, col } = parseA1(address);
  return file !== undefined ? { file, sheet, row, col } : { sheet, row, col };
}

/** A finding cell as a map key (file, sheet, row, column): the one text key of finding cells. */
export function findingCellKey(c: FindingCell): string {
  return `${c.file ?? ""}\u0000${c.sheet}\u0000${c.row}\u0000${c.col}`;
}

/** Same sheet (and file), row and column. */
export function sameCell(a: FindingCell, b: FindingCell): boolean {
  return a.row === b.row && a.col === b.col && a.sheet === b.sheet && a.file === b.file;
}

/** A cell as the reports print it (the CLI's JSON, the pane's export; spec §3): A1 text. */
export interface PublicCell {
  file?: string;
  sheet: string;
  address: string;
}

export function publicCell(c: FindingCell): PublicCell {
  return c.file !== undefined ? { file: c.file, sheet: c.sheet, address: a1(c) } : { sheet: c.sheet, address: a1(c) };
}

/** A finding as the reports print it: the spec §3 record. */
export interface PublicFinding {
  rule: RuleId;
  severity: Severity;
  message: string;
  messageEn: string;
  cells: PublicCell[];
  expected?: string;
  actual?: string;
}

export interface Finding {
  /** Stable rule id, e.g. "hierarchy.sum". */
  rule: RuleId;
  severity: Severity;
  /** zh-CN message. */
  message: string;
  messageEn: string;
  /** cells[0] is the cell most likely wrong; the rest are every other cell the rule read. */
  cells: FindingCell[];
  expected?: string;
  actual?: string;
  /**
   * The value that, written into cells[0], makes every identity reading that cell hold (the pane's quick fix).
   * Absent when no single value does: then no quick fix is offered. Not part of the CLI's JSON format.
   */
  fix?: string;
  /** Other rules folded into this finding (one wrong cell read by several identities, see rules/fold.ts). */
  also?: RuleId[];
  /**
   * Id of the recognised table holding cells[0] ("支出总表#0"), which the reports group by; absent outside every
   * table. Set by the session for every finding (session.ts), not by rules. Not part of the CLI's JSON format.
   */
  table?: string;
}

/** Table summary as the CLI reports it (spec §4). */
export interface TableSummary {
  /** The recognised table's id (findings name it in `table`); absent on summaries read back from a JSON report. */
  id?: string;
  sheet: string;
  kind: string;
  range: string;
  title: string;
  /** Budget year and unit name read from the table's title and unit line, where it states them. */
  year?: number;
  unitName?: string;
  /** The table's sheet is hidden in Excel (checked as usual; the user cannot see it until it is unhidden). */
  hidden?: boolean;
}

export interface CheckResult {
  tables: TableSummary[];
  findings: Finding[];
}

/** Longest message, and longest expected/actual, a finding carries; longer ones (a 1 MB cell quoted) are clipped. */
export const MAX_MESSAGE_LENGTH = 2000;
export const MAX_VALUE_LENGTH = 200;

function clipTo(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/** The finding with every text field within bounds (the same object when it already is). */
function tooLong(s: string | undefined, max: number): boolean {
  return s !== undefined && s.length > max;
}

export function boundFinding(f: Finding): Finding {
  if (
    !tooLong(f.message, MAX_MESSAGE_LENGTH) &&
    !tooLong(f.messageEn, MAX_MESSAGE_LENGTH) &&
    !tooLong(f.expected, MAX_VALUE_LENGTH) &&
    !tooLong(f.actual, MAX_VALUE_LENGTH)
  )
    return f;
  const out: Finding = { ...f, message: clipTo(f.message, MAX_MESSAGE_LENGTH), messageEn: clipTo(f.messageEn, MAX_MESSAGE_LENGTH) };
  if (f.expected !== undefined) out.expected = clipTo(f.expected, MAX_VALUE_LENGTH);
  if (f.actual !== undefined) out.actual = clipTo(f.actual, MAX_VALUE_LENGTH);
  return out;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Deterministic order: severity, then file (cross-workbook findings), sheet, cell, then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (s !== 0) return s;
  const ca = a.cells[0];
  const cb = b.cells[0];
  if (ca && cb) {
    if ((ca.file ?? "") !== (cb.file ?? "")) return (ca.file ?? "") < (cb.file ?? "") ? -1 : 1;
    if (ca.sheet !== cb.sheet) return ca.sheet < cb.sheet ? -1 : 1;
    if (ca.row !== cb.row) return ca.row - cb.row;
    if (ca.col !== cb.col) return ca.col - cb.col;
  }
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
}
