/**
 * Pure planning of the add-in's marks: which cells get a coloured conditional format and which get a note, derived
 * from findings, grouped so that one changed finding only touches its own column's group, and diffed against what is
 * already in the workbook. Both hosts use it, so the in-memory preview shows what Excel would.
 */
import { parseA1, rangeToA1, type CellRange } from "../address";
import { a1, type Finding, type Severity } from "../finding";
import type { FindingDelta } from "../finding-delta";

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
  const byCell = new Map<string, CellFindings>();
  for (const f of findings) addToCell(byCell, f);
  const cells = new Map<string, CellMark>();
  for (const [key, e] of byCell) cells.set(key, cellMark(e, cells.size < NOTE_LIMIT));
  return { cells, groups: groupMarks(cells.values(), multiArea) };
}

interface CellFindings {
  sheet: string;
  address: string;
  findings: Finding[];
}

function addToCell(byCell: Map<string, CellFindings>, f: Finding): string | undefined {
  if (f.severity === "info") return undefined;
  const c = f.cells[0];
  if (!c) return undefined;
  const address = a1(c);
  const key = cellKey(c.sheet, address);
  const entry = byCell.get(key);
  if (entry) entry.findings.push(f);
  else byCell.set(key, { sheet: c.sheet, address, findings: [f] });
  return key;
}

/** A cell's note lists its findings in list order (e.findings is in it). */
function cellMark(e: CellFindings, noted: boolean): CellMark {
  const severity: MarkSeverity = e.findings.some((f) => f.severity === "error") ? "error" : "warning";
  return { sheet: e.sheet, address: e.address, severity, note: noted ? noteText(e.findings) : "" };
}

/**
 * The mark plan kept up to date by the session's delta (issue 17): only the cells the delta names and their columns'
 * groups are planned again. Equal to planMarks over the whole list, which it falls back to when it has no delta, the
 * delta does not start from the findings it last planned, or the note limit is in play (which cells get a note then
 * depends on the order of all of them).
 */
export class MarkPlanner {
  private byCell = new Map<string, CellFindings>();
  private known = new Set<Finding>();
  private plan: MarkPlan = emptyPlan();
  /** The rows marked in each (sheet, severity, column), and the group keys planned for it. */
  private columns = new Map<string, { sheet: string; severity: MarkSeverity; col: number; rows: Set<number>; groups: string[] }>();

  constructor(private readonly multiArea: boolean) {}

  /** The plan for `findings`; `delta` (from the findings of the last call) spares planning the unchanged cells. */
  update(findings: readonly Finding[], delta?: FindingDelta): MarkPlan {
    if (!delta || !this.applies(findings, delta)) return this.replan(findings);
    const touched = new Set<string>();
    const gone = [...delta.removed, ...delta.changed.map((c) => c.before)];
    for (const f of gone) {
      this.known.delete(f);
      const c = f.severity === "info" ? undefined : f.cells[0];
      if (!c) continue;
      const key = cellKey(c.sheet, a1(c));
      const entry = this.byCell.get(key);
      if (!entry) continue;
      entry.findings = entry.findings.filter((x) => x !== f);
      touched.add(key);
    }
    for (const f of [...delta.added, ...delta.changed.map((c) => c.after)]) {
      this.known.add(f);
      const key = addToCell(this.byCell, f);
      if (key !== undefined) touched.add(key);
    }
    // A note lists its cell's findings in list order, as planMarks does: re-ordered by position where a delta added to
    // a cell that has others (the positions are looked up once, and only then).
    let position: Map<Finding, number> | undefined;
    for (const key of touched) {
      const entry = this.byCell.get(key);
      if (!entry) continue;
      if (entry.findings.length === 0) this.byCell.delete(key);
      else if (entry.findings.length > 1) {
        position ??= new Map(findings.map((f, i) => [f, i]));
        entry.findings.sort((a, b) => position!.get(a)! - position!.get(b)!);
      }
    }
    if (this.byCell.size > NOTE_LIMIT) return this.replan(findings);
    const columns = new Set<string>();
    for (const key of touched) {
      const old = this.plan.cells.get(key);
      if (old) columns.add(this.unmark(old));
      const entry = this.byCell.get(key);
      if (!entry) {
        this.plan.cells.delete(key);
        continue;
      }
      const mark = cellMark(entry, true);
      this.plan.cells.set(key, mark);
      columns.add(this.mark(mark));
    }
    for (const k of columns) this.regroup(k);
    return this.plan;
  }

  /** The delta starts from what was planned last: every finding it removes is known, none it adds is. */
  private applies(findings: readonly Finding[], delta: FindingDelta): boolean {
    if (this.plan.cells.size > NOTE_LIMIT || this.byCell.size !== this.plan.cells.size) return false;
    const gone = [...delta.removed, ...delta.changed.map((c) => c.before)];
    const added = [...delta.added, ...delta.changed.map((c) => c.after)];
    return (
      this.known.size - gone.length + added.length === findings.length &&
      gone.every((f) => this.known.has(f)) &&
      added.every((f) => !this.known.has(f))
    );
  }

  private replan(findings: readonly Finding[]): MarkPlan {
    this.byCell = new Map();
    for (const f of findings) addToCell(this.byCell, f);
    this.known = new Set(findings);
    this.plan = planMarks(findings, this.multiArea);
    this.columns = new Map();
    for (const m of this.plan.cells.values()) this.mark(m);
    for (const g of this.plan.groups.values()) this.columns.get(columnOf(g))?.groups.push(g.key);
    return this.plan;
  }

  private mark(m: CellMark): string {
    const { row, col } = parseA1(m.address);
    const k = columnKey(m.sheet, m.severity, col);
    let c = this.columns.get(k);
    if (!c) this.columns.set(k, (c = { sheet: m.sheet, severity: m.severity, col, rows: new Set(), groups: [] }));
    c.rows.add(row);
    return k;
  }

  private unmark(m: CellMark): string {
    const { row, col } = parseA1(m.address);
    const k = columnKey(m.sheet, m.severity, col);
    this.columns.get(k)?.rows.delete(row);
    return k;
  }

  private regroup(k: string): void {
    const c = this.columns.get(k);
    if (!c) return;
    for (const g of c.groups) this.plan.groups.delete(g);
    c.groups = [];
    for (const g of columnGroups(c.sheet, c.severity, c.col, [...c.rows], this.multiArea)) {
      this.plan.groups.set(g.key, g);
      c.groups.push(g.key);
    }
    if (c.rows.size === 0) this.columns.delete(k);
  }
}

function columnKey(sheet: string, severity: MarkSeverity, col: number): string {
  return `${sheet}\u0000${severity}\u0000${col}`;
}

/** The column a group is in (all its areas are runs of one column). */
function columnOf(g: CfGroup): string {
  const first = g.address.split(",")[0].split(":")[0];
  return columnKey(g.sheet, g.severity, parseA1(first).col);
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
    const k = columnKey(m.sheet, m.severity, col);
    let c = columns.get(k);
    if (!c) columns.set(k, (c = { sheet: m.sheet, severity: m.severity, col, rows: [] }));
    c.rows.push(row);
  }
  const groups = new Map<string, CfGroup>();
  for (const c of columns.values()) for (const g of columnGroups(c.sheet, c.severity, c.col, c.rows, multiArea)) groups.set(g.key, g);
  return groups;
}

function columnGroups(sheet: string, severity: MarkSeverity, col: number, rows: number[], multiArea: boolean): CfGroup[] {
  const runs = verticalRuns(col, rows);
  const size = multiArea ? AREAS_PER_GROUP : 1;
  const out: CfGroup[] = [];
  for (let i = 0; i < runs.length; i += size) {
    const address = runs
      .slice(i, i + size)
      .map(rangeToA1)
      .join(",");
    out.push({ key: `${sheet}!${severity}!${address}`, sheet, severity, address });
  }
  return out;
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
