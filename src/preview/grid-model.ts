/** Pure helpers for the preview grid: what to draw where (display text, merges, visible extent). */
import { columnLetters, rangeContains, type CellRange } from "../core/address";
import { cellFormula, cellValue, isErrorValue, sheetColCount, sheetRowCount, type CellValue, type GridSheet } from "../core/grid";

export const MAX_ROWS = 1000;

export function visibleExtent(sheet: GridSheet): { rows: number; cols: number } {
  return {
    rows: Math.min(MAX_ROWS, Math.max(sheetRowCount(sheet), ...sheet.merges.map((m) => m.bottom + 1), 30) + 5),
    cols: Math.max(sheetColCount(sheet), ...sheet.merges.map((m) => m.right + 1), 8) + 2,
  };
}

/** What a cell shows: its value, or "=formula" when the value is unknown (formulas typed in the preview). */
export function displayText(sheet: GridSheet, row: number, col: number): string {
  const v = cellValue(sheet, row, col);
  if (v === null) {
    const f = cellFormula(sheet, row, col);
    return f ? `=${f}` : "";
  }
  if (isErrorValue(v)) return v.error;
  return String(v);
}

/** What an edit starts from: the formula if there is one, else the value. */
export function editText(sheet: GridSheet, row: number, col: number): string {
  const f = cellFormula(sheet, row, col);
  if (f) return `=${f}`;
  const v = cellValue(sheet, row, col);
  return v === null ? "" : isErrorValue(v) ? v.error : String(v);
}

/** Typed text → cell value: numbers as numbers (as Excel does), empty as empty, anything else as text. */
export function parseTyped(text: string): CellValue {
  const t = text.trim();
  if (t === "") return null;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return Number(t);
  return text;
}

export interface MergeLayout {
  /** Top-left cells of merges → span. */
  spans: Map<string, { rowSpan: number; colSpan: number }>;
  /** Cells hidden under a merge. */
  covered: Set<string>;
}

export function mergeLayout(merges: readonly CellRange[]): MergeLayout {
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const m of merges) {
    spans.set(`${m.top},${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  return { spans, covered };
}

export function isSelected(selection: CellRange, row: number, col: number): boolean {
  return rangeContains(selection, row, col);
}

export { columnLetters };
