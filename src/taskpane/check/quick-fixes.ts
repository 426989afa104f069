/**
 * Quick fixes the Check tab offers where the fix is obvious: a wrong subject name replaced by the catalogue's, and a
 * total set to the sum its rule computed. Pure: what to write where; the pane writes it through PaneServices.
 */
import type { Finding, FindingCell } from "../../core/finding";
import type { CellValue } from "../../core/grid";
import { listRules } from "../../core/profiles";

const SUM_RULES = new Set(listRules().filter((r) => r.group === "sum").map((r) => r.id));

export type QuickFix =
  | { kind: "name"; cell: FindingCell; from: string; to: string }
  | { kind: "sum"; cell: FindingCell; from: string; to: number };

export function quickFixFor(f: Finding): QuickFix | undefined {
  const cell = f.cells[0];
  if (!cell || f.expected === undefined) return undefined;
  if (f.rule === "catalogue.name-mismatch" && f.expected.trim() !== "" && f.actual !== undefined)
    return { kind: "name", cell, from: f.actual, to: f.expected };
  // Only a value the core checked settles every identity reading the cell (Finding.fix): an "expected" alone may
  // satisfy one sum and break another.
  if (SUM_RULES.has(f.rule) && f.fix !== undefined) {
    const to = Number(f.fix);
    if (f.fix.trim() !== "" && Number.isFinite(to)) return { kind: "sum", cell, from: f.actual ?? "", to };
  }
  return undefined;
}

/**
 * The new content of a name cell: the published name replaced in place, so a cell holding "2080505 旧名称" keeps its
 * code; a cell that no longer holds the old name gets the catalogue name alone.
 */
export function renamedCellText(current: CellValue, from: string, to: string): string {
  const text = typeof current === "string" ? current : "";
  const old = from.trim();
  if (old !== "" && text.includes(old)) return text.replace(old, to);
  return to;
}
