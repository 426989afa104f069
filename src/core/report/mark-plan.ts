/**
 * Pure planning of the add-in's marks: which cells get a coloured conditional format and which get a note, derived
 * from findings, grouped so that one changed finding only touches its own column's group, and diffed against what is
 * already in the workbook. Both hosts use it, so the in-memory preview shows what Excel would.
 */
import { parseA1, rangeToA1, type CellRange } from "../address";
import type { Finding, Severity } from "../finding";

/** Every note or comment the add-in writes starts with this; it is how stale marks are recognised after reopening. */
export const MARK_PREFIX = "【预算表检查】";
/**
 * Formula of the add-in's conditional formats: always true, and a signature no user rule will carry, so a scan can
 * tell our rules from the user's even when the in-memory registry is gone (reopened workbook).
 */
export const MARK_CF_FORMULA = '=N("预算表检查")=0';
export const MARK_FILL: Record<MarkSeverity, string> = { error: "#FFC7CE", warning: "#FFEB9C" };
/** Notes are shown in a small box; long lists are cut so 10,000 findings stay well under the request payload cap. */
export const NOTE_MAX_CHARS = 240;
/** Areas per RangeAreas conditional format: keeps each address string short. */
export const AREAS_PER_GROUP = 16;
/**
 * Cells that get a note; the rest are coloured only and listed in the pane. A workbook with thousands of findings
 * gains nothing from thousands of notes, and each costs request payload.
 */
export const NOTE_LIMIT = 1000;

export type MarkSeverity = Exclude<Severity, "info">;

export interface CellMark {
  sheet: string;
  address: string;
  severity: MarkSeverity;
  /** "" when the cell is past NOTE_LIMIT. */
  note: string;
}

/** One conditional format: a single range, or a comma-separated list of areas when RangeAreas is available. */
export interface CfGroup {
  key: string;
  sheet: string;
  severity: MarkSeverity;
  address: string;
}

export interface MarkPlan {
  cells: Map<string, CellMark>;
  groups: Map<string, CfGroup>;
}

export function cellKey(sheet: string, address: string): string {
  return `${sheet}!${address}`;
}

/** Error/warning findings marked on cells[0]; several findings on one cell share a mark (the worst severity). */
export function planMarks(findings: readonly Finding[], multiArea: boolean): MarkPlan {
  const byCell = new Map<string, { sheet: string; address: string; findings: Finding[] }>();
  for (const f of findings) {
    if (f.severity === "info") continue;
    const c = f.cells[0];
    if (!c) continue;
    const key = cellKey(c.sheet, c.address);
    let entry = byCell.get(key);
    if (!entry) byCell.set(key, (entry = { sheet: c.sheet, address: c.address, findings: [] }));
    entry.findings.push(f);
  }
  const cells = new Map<string, CellMark>();
  for (const [key, e] of byCell) {
    const severity: MarkSeverity = e.findings.some((f) => f.severity === "error") ? "error" : "warning";
    const note = cells.size < NOTE_LIMIT ? noteText(e.findings) : "";
    cells.set(key, { sheet: e.sheet, address: e.address, severity, note });
  }
  return { cells, groups: groupMarks(cells.values(), multiArea) };
}

export function noteText(findings: readonly Finding[]): string {
  const lines = findings.map((f) => {
    const label = f.severity === "error" ? "错误" : "警告";
    const numbers =
      f.expected !== undefined || f.actual !== undefined
        ? `（应为 ${f.expected ?? "?"}，实为 ${f.actual ?? "?"}）`
        : "";
    return `${label}：${f.message}${numbers}`;
  });
  const text = MARK_PREFIX + lines.join("\n");
  return text.length <= NOTE_MAX_CHARS ? text : `${text.slice(0, NOTE_MAX_CHARS - 1)}…`;
}

/** Vertical runs per (sheet, severity, column); with RangeAreas, up to AREAS_PER_GROUP runs per format. */
function groupMarks(marks: Iterable<CellMark>, multiArea: boolean): Map<string, CfGroup> {
  const columns = new Map<string, { sheet: string; severity: MarkSeverity; col: number; rows: number[] }>();
  for (const m of marks) {
    const { row, col } = parseA1(m.address);
    const k = `${m.sheet}\u0000${m.severity}\u0000${col}`;
    let c = columns.get(k);
    if (!c) columns.set(k, (c = { sheet: m.sheet, severity: m.severity, col, rows: [] }));
    c.rows.push(row);
  }
  const groups = new Map<string, CfGroup>();
  for (const c of columns.values()) {
    const runs = verticalRuns(c.col, c.rows);
    const size = multiArea ? AREAS_PER_GROUP : 1;
    for (let i = 0; i < runs.length; i += size) {
      const address = runs
        .slice(i, i + size)
        .map(rangeToA1)
        .join(",");
      const key = `${c.sheet}!${c.severity}!${address}`;
      groups.set(key, { key, sheet: c.sheet, severity: c.severity, address });
    }
  }
  return groups;
}

function verticalRuns(col: number, rows: number[]): CellRange[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: CellRange[] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.bottom === r - 1) last.bottom = r;
    else runs.push({ top: r, bottom: r, left: col, right: col });
  }
  return runs;
}

export interface PlanDiff {
  addGroups: CfGroup[];
  removeGroups: CfGroup[];
  /** Notes to add or replace (content changed). */
  addNotes: CellMark[];
  removeNotes: CellMark[];
}

/** What to change to go from `current` to `next`; unchanged groups and notes are left alone. */
export function diffPlans(current: MarkPlan, next: MarkPlan): PlanDiff {
  const addGroups = [...next.groups.values()].filter((g) => !current.groups.has(g.key));
  const removeGroups = [...current.groups.values()].filter((g) => !next.groups.has(g.key));
  const addNotes: CellMark[] = [];
  const removeNotes: CellMark[] = [];
  for (const [key, m] of next.cells) {
    const oldNote = current.cells.get(key)?.note ?? "";
    if (oldNote === m.note) continue;
    if (oldNote !== "") removeNotes.push(current.cells.get(key) as CellMark);
    if (m.note !== "") addNotes.push(m);
  }
  for (const [key, m] of current.cells) if (!next.cells.has(key) && m.note !== "") removeNotes.push(m);
  return { addGroups, removeGroups, addNotes, removeNotes };
}

export function emptyPlan(): MarkPlan {
  return { cells: new Map(), groups: new Map() };
}

/** `'Sheet name'!A1` — always quoted, since budget sheet names are Chinese and often contain brackets. */
export function qualify(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}
