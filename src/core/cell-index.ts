/**
 * The index a live session keeps over the workbook's cells: the amounts read, which identities read each cell, which
 * cells each table reads as amounts. Cells are numbered by cell-number.ts.
 */
import { CellNumbering } from "./cell-number";
import type { GridSheet, GridWorkbook } from "./grid";
import { cellFormula, cellValue } from "./grid";
import { parseAmount, wholeCents, type Amount } from "./money";
import { cellAmount } from "./formula/evaluate";
import type { RecognisedTable } from "./recognise/types";
import { amountCells } from "./rules/cell-rules";
import { CENTS_EMPTY, forEachCell, type AmountReader, type CellKey, type CentsAt, type Identity, type IdentityLine } from "./rules/identity";

/**
 * What a session knows of the cells: amounts read (a cache for what costs more than the grid lookup), and, built per
 * sheet on demand (a one-shot check, the CLI, never needs them; on a large workbook no single step builds them all),
 * the identities reading each cell and each table's amount cells.
 */
export class CellIndex {
  readonly numbering = new CellNumbering();
  readonly read: AmountReader;
  /** Amounts of the other cells (text parsed, formulas without a cached value computed). */
  private readonly cache = new Map<number, Amount>();
  private identities: readonly Identity[] = [];
  private byCell = new Map<number, number[]>();
  private amountCells = new Map<string, Set<number>>();
  /** Sheets whose readers (byCell) are indexed, and those whose tables' amount cells are too. */
  private readerSheets = new Set<string>();
  private indexedSheets = new Set<string>();
  /** Identities (indices) reading each sheet, grouped once per reset for the per-sheet index. */
  private identitiesBySheet: Map<string, number[]> | null = null;
  private lastSheet: GridSheet | undefined;
  private lastSheetAt = -1;

  constructor(
    private readonly workbook: GridWorkbook,
    private readonly tablesOf: (sheet: string) => readonly RecognisedTable[],
  ) {
    const read = (c: CellKey): Amount => {
      const s = this.sheet(c.sheet);
      if (!s) return parseAmount(null);
      const v = cellValue(s, c.row, c.col);
      // A number, or a blank without a formula, is its own amount (what cellAmount returns for it): cheaper made
      // again than cached, and most amount cells are one or the other.
      if (typeof v === "number" || (v === null && cellFormula(s, c.row, c.col) === null)) return parseAmount(v);
      const k = this.numbering.of(c);
      let a = this.cache.get(k);
      if (!a) this.cache.set(k, (a = cellAmount(this.workbook, s, c.row, c.col)));
      return a;
    };
    // The same cells' cents without an Amount each (see AmountReader): what evaluating every identity reads. One
    // reader per sheet object, the sheet found once per identity rather than once per cell.
    const centsBySheet = new WeakMap<GridSheet, CentsAt>();
    let last: { sheet: GridSheet; at: CentsAt } | undefined;
    const centsIn = (name: string): CentsAt => {
      const s = this.sheet(name);
      if (!s) return NO_SHEET;
      if (last?.sheet === s) return last.at;
      let at = centsBySheet.get(s);
      if (!at) centsBySheet.set(s, (at = centsOf(s)));
      last = { sheet: s, at };
      return at;
    };
    this.read = Object.assign(read, { centsIn });
  }

  /** The sheet of that name, remembering the last one asked for (reads come sheet by sheet). */
  sheet(name: string): GridSheet | undefined {
    const { sheets } = this.workbook;
    const last = this.lastSheet;
    // Still that sheet, at that place (a sheet replaced, removed or renamed by an edit is looked up again).
    if (last && sheets[this.lastSheetAt] === last && last.name === name) return last;
    this.lastSheetAt = sheets.findIndex((s) => s.name === name);
    return (this.lastSheet = this.lastSheetAt < 0 ? undefined : sheets[this.lastSheetAt]);
  }

  /** New identities (tables re-recognised): the per-sheet index is rebuilt on demand. */
  reset(identities: readonly Identity[]): void {
    this.identities = identities;
    this.readerSheets = new Set();
    this.indexedSheets = new Set();
    this.identitiesBySheet = null;
    this.byCell = new Map();
    this.amountCells = new Map();
  }

  /** Cells whose contents changed: their cached amounts are dropped. */
  forget(cells: readonly CellKey[]): void {
    for (const c of cells) this.cache.delete(this.numbering.of(c));
  }

  /** A sheet re-recognised: every cached amount is dropped (formulas may read across sheets). */
  forgetAll(): void {
    this.cache.clear();
  }

  /** Indices of the identities reading the cell. */
  readersOf(c: CellKey): readonly number[] {
    this.indexReaders(c.sheet);
    return this.byCell.get(this.numbering.of(c)) ?? [];
  }

  /**
   * The readers of just these cells, found in one pass over the identities without indexing the sheets
   * (sheets already indexed answer from the index; any other cell falls back to it): a one-shot check asks only for
   * its few failed cells, and a whole sheet's index was the largest part of its memory. Lists equal readersOf's.
   */
  readersOfCells(cells: readonly CellKey[]): (c: CellKey) => readonly number[] {
    const wanted = new Map<number, number[]>();
    // The rows and columns of the wanted cells, per sheet: a sum along a line none of them lies on is passed over.
    const lines = new Map<string, { sheetNumber: number; rows: Set<number>; cols: Set<number> }>();
    for (const c of cells) {
      if (this.readerSheets.has(c.sheet)) continue;
      wanted.set(this.numbering.of(c), []);
      let l = lines.get(c.sheet);
      if (!l) lines.set(c.sheet, (l = { sheetNumber: this.numbering.sheetNumber(c.sheet), rows: new Set(), cols: new Set() }));
      l.rows.add(c.row);
      l.cols.add(c.col);
    }
    // One pass over the identities in order (lists ascending, as the index's): grouping them all by sheet first
    // made a list entry per identity, for a handful of wanted cells.
    let i = 0;
    const visit = (sheet: string, row: number, col: number): void => {
      const l = lines.get(sheet);
      if (!l) return;
      const list = wanted.get(CellNumbering.at(l.sheetNumber, row, col));
      if (list && list[list.length - 1] !== i) list.push(i);
    };
    if (lines.size)
      for (i = 0; i < this.identities.length; i++) {
        const line = this.identities[i].line;
        if (line) {
          const l = lines.get(line.sheet);
          if (!l || !mayRead(line, line.alongRow ? l.rows : l.cols, line.alongRow ? l.cols : l.rows)) continue;
        }
        forEachCell(this.identities[i], visit);
      }
    return (c) => wanted.get(this.numbering.of(c)) ?? this.readersOf(c);
  }

  /** Whether the table reads the cell as an amount (the index of its sheet must be built: see ensure). */
  isAmountCell(tableId: string, c: CellKey): boolean {
    return this.amountCells.get(tableId)!.has(this.numbering.of(c));
  }

  /** Builds the index of these sheets: identities by the cells they read there, and their tables' amount cells. */
  ensure(sheets: Iterable<string>): void {
    for (const name of sheets) {
      if (this.indexedSheets.has(name)) continue;
      this.indexedSheets.add(name);
      this.indexReaders(name);
      const sheetNumber = this.numbering.sheetNumber(name);
      for (const t of this.tablesOf(name)) {
        const cells = new Set<number>();
        for (const c of amountCells(t)) cells.add(CellNumbering.at(sheetNumber, c.row, c.col));
        this.amountCells.set(t.id, cells);
      }
    }
  }

  /** Identities by the cells they read on this sheet (all a one-shot check needs, to fold its few failures). */
  private indexReaders(name: string): void {
    if (this.readerSheets.has(name)) return;
    this.readerSheets.add(name);
    this.identitiesBySheet ??= this.groupIdentitiesBySheet();
    const sheetNumber = this.numbering.sheetNumber(name);
    const byCell = this.byCell;
    let i = 0;
    const visit = (sheet: string, row: number, col: number): void => {
      if (sheet !== name) return;
      const k = CellNumbering.at(sheetNumber, row, col);
      const list = byCell.get(k);
      if (!list) byCell.set(k, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    };
    for (i of this.identitiesBySheet.get(name) ?? []) forEachCell(this.identities[i], visit);
  }

  /** Every sheet an identity reads a cell of, by the cells themselves (a cross-table identity lists under each). */
  private groupIdentitiesBySheet(): Map<string, number[]> {
    const out = new Map<string, number[]>();
    let i = 0;
    let last = "";
    const visit = (sheet: string): void => {
      if (sheet === last) return;
      last = sheet;
      const list = out.get(sheet) ?? out.set(sheet, []).get(sheet)!;
      if (list[list.length - 1] !== i) list.push(i);
    };
    for (i = 0; i < this.identities.length; i++) {
      last = "";
      const line = this.identities[i].line;
      // A sum along a line reads one sheet only.
      if (line) visit(line.sheet);
      else forEachCell(this.identities[i], visit);
    }
    return out;
  }
}

/**
 * Whether a sum along a line may read one of the wanted cells: its line (the row or column all its cells share) is
 * among `onLine`, and its total or a term among `across` (the wanted cells' other coordinate).
 */
function mayRead(line: IdentityLine, onLine: ReadonlySet<number>, across: ReadonlySet<number>): boolean {
  if (!onLine.has(line.at)) return false;
  if (across.has(line.total)) return true;
  for (const t of line.terms) if (across.has(t)) return true;
  return false;
}

/** A missing sheet's cells, read as empty (as parseAmount(null)). */
const NO_SHEET: CentsAt = () => CENTS_EMPTY;

/** The cents of a sheet's cells (see AmountReader): a number is its own amount, a blank without formula empty. */
function centsOf(s: GridSheet): CentsAt {
  return (row, col) => {
    const v = cellValue(s, row, col);
    if (typeof v === "number") return (Number.isFinite(v) ? wholeCents(v) : undefined) ?? NaN;
    return v === null && cellFormula(s, row, col) === null ? CENTS_EMPTY : NaN;
  };
}
