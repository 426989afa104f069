/**
 * WorkbookHost over an in-memory GridWorkbook (e.g. loaded from .xlsx by the CLI loader): the tests' host and the
 * browser preview's. Marks are kept as data (the same plan the Office host writes), and user edits are simulated
 * with setCellValue / insertRows, which fire change events like Excel does.
 */
import { parseA1, parseRange, rangeToA1, type CellRange } from "../core/address";
import { cellValue, type CellValue, type GridSheet, type GridWorkbook } from "../core/grid";
import type { Finding, FindingCell } from "../core/finding";
import type { FindingDelta } from "../core/finding-delta";
import {
  TargetNotEmptyError,
  type BlockTarget,
  type ChangeListener,
  type CodeInsertMode,
  type CodeRow,
  type HostChange,
  type InsertResult,
  type RangeContents,
  type RangeRequest,
  type TableBlock,
  type Unsubscribe,
  type WorkbookHost,
} from "./host";
import { codeRowsToValues, uniqueSheetName } from "./insert-values";
import { cellKey, emptyPlan, MarkPlanner, type CellMark, type CfGroup, type MarkPlan } from "../core/report/mark-plan";

export interface Selection {
  sheet: string;
  range: CellRange;
}

export class MemoryHost implements WorkbookHost {
  private readonly wb: GridWorkbook;
  private plan: MarkPlan = emptyPlan();
  /** The plan of the findings last written, kept up to date by each edit's delta. */
  private readonly planner = new MarkPlanner(true);
  private readonly listeners = new Set<ChangeListener>();
  private selected: Selection;
  /** The user's own notes, by "sheet!A1"; the add-in never writes over them. */
  readonly userNotes = new Map<string, string>();
  /** Round trips a real host would need; the memory host counts calls so tests can compare. */
  readonly calls = { reads: 0, writes: 0 };

  constructor(workbook: GridWorkbook) {
    this.wb = cloneWorkbook(workbook);
    this.selected = { sheet: this.wb.sheets[0]?.name ?? "Sheet1", range: { top: 0, left: 0, bottom: 0, right: 0 } };
  }

  // ---- WorkbookHost -------------------------------------------------------------------------------------------

  async readWorkbook(): Promise<GridWorkbook> {
    this.calls.reads++;
    return cloneWorkbook(this.wb);
  }

  async readSheets(names: string[]): Promise<GridSheet[]> {
    this.calls.reads++;
    return this.wb.sheets.filter((s) => names.includes(s.name)).map(cloneSheet);
  }

  async readRanges(requests: RangeRequest[]): Promise<RangeContents[]> {
    this.calls.reads++;
    const out: RangeContents[] = [];
    for (const { sheet: name, range } of requests) {
      const sheet = this.sheet(name);
      if (!sheet) continue;
      const values: CellValue[][] = [];
      const formulas: (string | null)[][] = [];
      const numberFormats: (string | null)[][] = [];
      for (let r = range.top; r <= range.bottom; r++) {
        const v: CellValue[] = [];
        const f: (string | null)[] = [];
        const n: (string | null)[] = [];
        for (let c = range.left; c <= range.right; c++) {
          v.push(cellValue(sheet, r, c));
          f.push(sheet.formulas?.[r]?.[c] ?? null);
          n.push(sheet.numberFormats?.[r]?.[c] ?? null);
        }
        values.push(v);
        formulas.push(f);
        numberFormats.push(n);
      }
      out.push({ sheet: name, range, values, formulas, numberFormats });
    }
    return out;
  }

  async writeHighlights(findings: readonly Finding[], delta?: FindingDelta): Promise<void> {
    this.calls.writes++;
    const planned = this.planner.update(findings, delta);
    // A copy: the planner's plan changes with the next delta, and the user's notes are not ours to replace.
    const plan: MarkPlan = { cells: new Map(planned.cells), groups: new Map(planned.groups) };
    for (const [key, m] of plan.cells) if (this.userNotes.has(key)) plan.cells.set(key, { ...m, note: "" });
    this.plan = plan;
  }

  async clearHighlights(): Promise<void> {
    this.calls.writes++;
    this.plan = emptyPlan();
  }

  async selectCells(cells: readonly FindingCell[]): Promise<void> {
    const first = cells[0];
    if (!first) return;
    const same = cells.filter((c) => c.sheet === first.sheet);
    // A loop, not Math.min(...): a total over 150,000 rows has that many cells, too many to spread as arguments.
    const range = { top: Infinity, left: Infinity, bottom: -Infinity, right: -Infinity };
    for (const c of same) {
      range.top = Math.min(range.top, c.row);
      range.left = Math.min(range.left, c.col);
      range.bottom = Math.max(range.bottom, c.row);
      range.right = Math.max(range.right, c.col);
    }
    this.selected = { sheet: first.sheet, range };
  }

  async insertCodes(rows: readonly CodeRow[], mode: CodeInsertMode): Promise<InsertResult> {
    return this.writeBlock(
      this.selected.sheet,
      this.selected.range.top,
      this.selected.range.left,
      codeRowsToValues(rows, mode),
      [],
    );
  }

  async insertBlock(block: TableBlock, target: BlockTarget): Promise<InsertResult> {
    if (target === "selection")
      return this.writeBlock(
        this.selected.sheet,
        this.selected.range.top,
        this.selected.range.left,
        block.values,
        block.merges ?? [],
        true,
        block,
      );
    const name = uniqueSheetName(
      block.title,
      this.wb.sheets.map((s) => s.name),
    );
    this.wb.sheets.push({ name, values: [], merges: [] });
    this.selected = { sheet: name, range: { top: 0, left: 0, bottom: 0, right: 0 } };
    const result = this.writeBlock(name, 0, 0, block.values, block.merges ?? [], false, block);
    this.emit({ kind: "sheet", sheet: name });
    return result;
  }

  async onChange(listener: ChangeListener): Promise<Unsubscribe> {
    this.listeners.add(listener);
    return async () => {
      this.listeners.delete(listener);
    };
  }

  // ---- Simulated user actions and inspection -----------------------------------------------------------------

  get workbook(): GridWorkbook {
    return this.wb;
  }

  get selection(): Selection {
    return this.selected;
  }

  select(sheet: string, address: string): void {
    this.selected = { sheet, range: parseRange(address) };
  }

  /** A user typing into one cell; a string starting with "=" is taken as a formula whose value is unknown (null). */
  setCellValue(sheet: string, address: string, value: CellValue): void {
    const s = this.requireSheet(sheet);
    const { row, col } = parseA1(address);
    setCell(s, row, col, value);
    this.emit({ kind: "cells", sheet, range: { top: row, left: col, bottom: row, right: col } });
  }

  /** Excel recalculating without an edit (F9, volatile formulas): values changed silently, then onCalculated. */
  calculated(): void {
    this.emit({ kind: "calculated" });
  }

  /** A paste: one event for the whole block, as Excel sends it. */
  paste(sheet: string, address: string, values: CellValue[][]): void {
    const s = this.requireSheet(sheet);
    const { row, col } = parseA1(address);
    values.forEach((r, i) => r.forEach((v, j) => setCell(s, row + i, col + j, v)));
    const range = {
      top: row,
      left: col,
      bottom: row + values.length - 1,
      right: col + Math.max(1, ...values.map((r) => r.length)) - 1,
    };
    this.emit({ kind: "cells", sheet, range });
  }

  /** Rows inserted above `beforeRow` (0-based); one whole-sheet change, as Excel reports it. */
  insertRows(sheet: string, beforeRow: number, count: number): void {
    const s = this.requireSheet(sheet);
    const blank = () => Array.from({ length: count }, () => [] as never[]);
    s.values.splice(beforeRow, 0, ...blank());
    s.formulas?.splice(beforeRow, 0, ...blank());
    s.numberFormats?.splice(beforeRow, 0, ...blank());
    if (s.rowCount !== undefined) s.rowCount += count;
    s.merges = s.merges.map((m) => (m.top >= beforeRow ? { ...m, top: m.top + count, bottom: m.bottom + count } : m));
    this.emit({ kind: "sheet", sheet });
  }

  marks(): { cells: CellMark[]; groups: CfGroup[] } {
    return { cells: [...this.plan.cells.values()], groups: [...this.plan.groups.values()] };
  }

  markAt(sheet: string, address: string): CellMark | undefined {
    return this.plan.cells.get(cellKey(sheet, address));
  }

  // ---- internals ----------------------------------------------------------------------------------------------

  private sheet(name: string): GridSheet | undefined {
    return this.wb.sheets.find((s) => s.name === name);
  }

  private requireSheet(name: string): GridSheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`No sheet named ${name}`);
    return s;
  }

  private writeBlock(
    sheetName: string,
    top: number,
    left: number,
    values: readonly (readonly (string | number | null)[])[],
    merges: readonly CellRange[],
    announce = true,
    block?: TableBlock,
  ): InsertResult {
    const s = this.requireSheet(sheetName);
    const cols = Math.max(1, ...values.map((r) => r.length));
    const range = { top, left, bottom: top + Math.max(1, values.length) - 1, right: left + cols - 1 };
    for (let r = range.top; r <= range.bottom; r++)
      for (let c = range.left; c <= range.right; c++)
        if (cellValue(s, r, c) !== null || s.formulas?.[r]?.[c])
          throw new TargetNotEmptyError(sheetName, rangeToA1(range));
    values.forEach((row, i) => row.forEach((v, j) => setCell(s, top + i, left + j, v)));
    // Formulas keep the block's cached values (no calculation engine here), as a workbook saved by Excel would.
    const formulas = block?.formulasAt?.({ row: top, col: left });
    formulas?.forEach((row, i) =>
      row.forEach((f, j) => {
        if (f) ((s.formulas ??= [])[top + i] ??= [])[left + j] = f;
      }),
    );
    block?.numberFormats?.forEach((row, i) =>
      row.forEach((f, j) => {
        if (f) ((s.numberFormats ??= [])[top + i] ??= [])[left + j] = f;
      }),
    );
    for (const m of merges)
      s.merges.push({ top: top + m.top, left: left + m.left, bottom: top + m.bottom, right: left + m.right });
    if (announce) this.emit({ kind: "cells", sheet: sheetName, range });
    return { sheet: sheetName, range };
  }

  private emit(change: HostChange): void {
    for (const l of this.listeners) l(change);
  }
}

function setCell(s: GridSheet, row: number, col: number, value: CellValue): void {
  const isFormula = typeof value === "string" && value.startsWith("=");
  (s.values[row] ??= [])[col] = isFormula ? null : value;
  ((s.formulas ??= [])[row] ??= [])[col] = isFormula ? value.slice(1) : null;
  if (s.rowCount !== undefined && row + 1 > s.rowCount) s.rowCount = row + 1;
  if (s.colCount !== undefined && col + 1 > s.colCount) s.colCount = col + 1;
}

function cloneSheet(s: GridSheet): GridSheet {
  return {
    ...s,
    values: s.values.map((r) => (r ? r.map((v) => (typeof v === "object" && v !== null ? { ...v } : v)) : [])),
    formulas: s.formulas?.map((r) => (r ? [...r] : [])),
    texts: s.texts?.map((r) => (r ? [...r] : [])),
    numberFormats: s.numberFormats?.map((r) => (r ? [...r] : [])),
    merges: s.merges.map((m) => ({ ...m })),
  };
}

function cloneWorkbook(wb: GridWorkbook): GridWorkbook {
  return { ...wb, sheets: wb.sheets.map(cloneSheet) };
}
