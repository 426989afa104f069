/**
 * Excel's change events name only the cells the user edited, never the ones Excel recalculated: a 合计 =SUM(…) or a
 * cross-sheet ='收入总表'!B6 would keep its old value in the session and raise false sum errors. FormulaWatch keeps
 * the value last given to the session of every formula cell, says which areas of the recognised tables hold formulas
 * (read with the edited areas, in the same round trips), and turns a re-read of them into "cells" changes of just
 * the cells whose value moved, so only the identities reading them are re-evaluated.
 */
import { cellCount, parseRange, rangeContains, type CellRange } from "../core/address";
import type { TableSummary } from "../core/finding";
import { isErrorValue, type CellValue, type GridSheet, type GridWorkbook } from "../core/grid";
import type { GridChange } from "../core/session";
import { mergeAreas } from "./change-queue";
import type { RangeContents, RangeRequest } from "../host/host";
import { CellNumbering } from "../core/cell-number";

/** Beyond this many areas the tables' whole ranges are read instead (still one request each). */
export const MAX_FORMULA_REGIONS = 64;
/**
 * Formula cells re-read per burst at most (about 1 MB at read-plan's 48 bytes a cell, so the edit's read stays one
 * sync). A workbook with more (a formula column down a 100,000-row table) gets the formulas of the edited rows and
 * then the smallest areas (total rows, 小计 runs) within this budget; the rest wait for a full re-check.
 */
export const MAX_FORMULA_CELLS = 20_000;

type Cells = Map<number, CellValue>;

const cellNo = CellNumbering.inSheet;
const rowOf = CellNumbering.rowOf;
const colOf = CellNumbering.colOf;

export class FormulaWatch {
  /** Per sheet, formula cells (row/col packed) → the value the session holds. */
  private readonly sheets = new Map<string, Cells>();

  constructor(workbook: GridWorkbook) {
    for (const s of workbook.sheets) this.noteSheet(s);
  }

  /** A sheet read whole: its formula cells replace what was known of it. */
  noteSheet(sheet: GridSheet): void {
    const cells: Cells = new Map();
    sheet.formulas?.forEach((row, r) => row?.forEach((f, c) => f && cells.set(cellNo(r, c), sheet.values[r]?.[c] ?? null)));
    this.sheets.set(sheet.name, cells);
  }

  /** An edited block given to the session as is: formulas typed or removed there, and their values, are now known. */
  noteBlock(b: RangeContents): void {
    const cells = this.cellsOf(b.sheet);
    forEachCell(b, (k, value, formula) => {
      if (formula) cells.set(k, value);
      else cells.delete(k);
    });
  }

  renamed(from: string, to: string): void {
    const cells = this.sheets.get(from);
    this.sheets.delete(from);
    if (cells) this.sheets.set(to, cells);
  }

  deleted(sheet: string): void {
    this.sheets.delete(sheet);
  }

  /**
   * The areas to re-read: formula cells inside the recognised tables (every sheet: cross-sheet formulas are common),
   * as row runs merged into few rectangles; the tables' ranges when that is still too many.
   */
  regions(
    tables: readonly TableSummary[],
    skipSheets: ReadonlySet<string> = new Set(),
    edited: readonly RangeRequest[] = [],
    maxCells = MAX_FORMULA_CELLS,
  ): RangeRequest[] {
    const perTable: { sheet: string; table: CellRange; runs: CellRange[] }[] = [];
    for (const t of tables) {
      const cells = this.sheets.get(t.sheet);
      if (!cells || cells.size === 0 || skipSheets.has(t.sheet)) continue;
      const table = parseRange(t.range);
      const inside = [...cells.keys()].filter((k) => rangeContains(table, rowOf(k), colOf(k))).sort((a, b) => a - b);
      if (inside.length > 0) perTable.push({ sheet: t.sheet, table, runs: rowRuns(inside) });
    }
    const cells = perTable.reduce((n, t) => n + t.runs.reduce((m, r) => m + cellCount(r), 0), 0);
    if (cells > maxCells) return this.withinBudget(perTable, edited, maxCells);
    const merged = perTable.map((t) => ({ ...t, areas: mergeAreas(t.runs) }));
    const total = merged.reduce((n, t) => n + t.areas.length, 0);
    return merged.flatMap((t) =>
      (total > MAX_FORMULA_REGIONS ? [t.table] : t.areas).map((range) => ({ sheet: t.sheet, range })),
    );
  }

  /**
   * Too many formulas to re-read each burst: those in the edited rows, then column strips smallest first (a total
   * row's run across the amount columns is small, a formula column down every row is large) while the budget lasts.
   */
  private withinBudget(
    perTable: readonly { sheet: string; runs: CellRange[] }[],
    edited: readonly RangeRequest[],
    maxCells: number,
  ): RangeRequest[] {
    const out: RangeRequest[] = [];
    let budget = maxCells;
    const take = (a: RangeRequest) => {
      if (cellCount(a.range) > budget || out.length >= MAX_FORMULA_REGIONS * 4) return;
      out.push(a);
      budget -= cellCount(a.range);
    };
    const strips = perTable.flatMap((t) => columnStrips(t.runs).map((range) => ({ sheet: t.sheet, range })));
    for (const e of edited)
      for (const a of strips)
        if (a.sheet === e.sheet && a.range.top <= e.range.bottom && e.range.top <= a.range.bottom)
          take({ sheet: a.sheet, range: { ...a.range, top: Math.max(a.range.top, e.range.top), bottom: Math.min(a.range.bottom, e.range.bottom) } });
    for (const a of strips.sort((x, y) => cellCount(x.range) - cellCount(y.range))) take(a);
    return out;
  }

  /**
   * The changes a re-read of formula areas brings: one "cells" change per run of adjacent formula cells in a row
   * whose value moved; other cells of the block (constants, unchanged results) are left out.
   */
  recalculated(b: RangeContents): GridChange[] {
    const cells = this.sheets.get(b.sheet);
    if (!cells) return [];
    const moved: number[] = [];
    forEachCell(b, (k, value, formula) => {
      if (!formula || !cells.has(k) || sameValue(cells.get(k)!, value)) return;
      cells.set(k, value);
      moved.push(k);
    });
    return rowRuns(moved.sort((x, y) => x - y)).map((range) => {
      const slice = <T>(grid: T[][]) =>
        grid.slice(range.top - b.range.top, range.bottom - b.range.top + 1).map((r) => r.slice(range.left - b.range.left, range.right - b.range.left + 1));
      return {
        kind: "cells",
        sheet: b.sheet,
        range,
        values: slice(b.values),
        formulas: slice(b.formulas),
        numberFormats: slice(b.numberFormats),
      };
    });
  }

  private cellsOf(sheet: string): Cells {
    let cells = this.sheets.get(sheet);
    if (!cells) this.sheets.set(sheet, (cells = new Map()));
    return cells;
  }
}

function forEachCell(b: RangeContents, visit: (k: number, value: CellValue, formula: string | null) => void): void {
  for (let i = 0; i < b.values.length; i++)
    for (let j = 0; j < b.values[i].length; j++)
      visit(cellNo(b.range.top + i, b.range.left + j), b.values[i][j] ?? null, b.formulas[i]?.[j] ?? null);
}

/** Row runs (sorted by row) joined downward while they span the same columns in consecutive rows. */
function columnStrips(runs: readonly CellRange[]): CellRange[] {
  const open = new Map<string, CellRange>();
  const out: CellRange[] = [];
  for (const r of runs) {
    const k = `${r.left}:${r.right}`;
    const s = open.get(k);
    if (s && s.bottom === r.top - 1) s.bottom = r.top;
    else {
      const strip = { ...r };
      open.set(k, strip);
      out.push(strip);
    }
  }
  return out;
}

/** Sorted packed cells → one range per run of adjacent columns in a row. */
function rowRuns(sorted: readonly number[]): CellRange[] {
  const runs: CellRange[] = [];
  for (const k of sorted) {
    const row = rowOf(k);
    const col = colOf(k);
    const last = runs[runs.length - 1];
    if (last && last.top === row && last.right === col - 1) last.right = col;
    else runs.push({ top: row, left: col, bottom: row, right: col });
  }
  return runs;
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (isErrorValue(a) || isErrorValue(b)) return isErrorValue(a) && isErrorValue(b) && a.error === b.error;
  return a === b;
}
