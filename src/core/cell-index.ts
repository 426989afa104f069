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
import { CENTS_EMPTY, forEachCell, type AmountReader, type CellKey, type CentsAt, type Identity } from "./rules/identity";

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
    let lastSheet: GridSheet | undefined;
    let lastAt: CentsAt = NO_SHEET;
    const centsIn = (name: string): CentsAt => {
      const s = this.sheet(name);
      if (!s) return NO_SHEET;
      if (lastSheet === s) return lastAt;
      let at = centsBySheet.get(s);
      if (!at) centsBySheet.set(s, (at = new SheetCents(s)));
      lastSheet = s;
      return (lastAt = at);
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
    // The wanted cells' lists per sheet, by row then column and by column then row (the same lists): a sum along a
    // line looks up just its own cells on that line, and a line holding none of them costs one lookup.
    const sheets = new Map<string, WantedOnSheet>();
    for (const c of cells) {
      if (this.readerSheets.has(c.sheet)) continue;
      const k = this.numbering.of(c);
      if (wanted.has(k)) continue;
      const list: number[] = [];
      wanted.set(k, list);
      let w = sheets.get(c.sheet);
      if (!w) sheets.set(c.sheet, (w = { byRow: new Map(), byCol: new Map() }));
      lineOf(w.byRow, c.row).set(c.col, list);
      lineOf(w.byCol, c.col).set(c.row, list);
    }
    // One pass over the identities in order (lists ascending, as the index's): grouping them all by sheet first
    // made a list entry per identity, for a handful of wanted cells.
    let i = 0;
    const visit = (sheet: string, row: number, col: number): void => addReader(sheets.get(sheet)?.byRow.get(row)?.get(col), i);
    const identities = this.identities;
    // Sums along a line name their sheet by one shared string: the sheet's lists are looked up when it changes.
    let lastSheet: string | undefined;
    let onSheet: WantedOnSheet | undefined;
    if (sheets.size)
      for (i = 0; i < identities.length; i++) {
        const identity = identities[i];
        const line = identity.line;
        if (!line) {
          forEachCell(identity, visit);
          continue;
        }
        const sheet = line.sheet;
        if (sheet !== lastSheet) {
          lastSheet = sheet;
          onSheet = sheets.get(sheet);
        }
        if (!onSheet) continue;
        const across = (line.alongRow ? onSheet.byRow : onSheet.byCol).get(line.at);
        if (!across) continue;
        addReader(across.get(line.total), i);
        const terms = line.terms;
        for (let t = 0; t < terms.length; t++) addReader(across.get(terms[t]), i);
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
      else addReader(list, i);
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
      addReader(out.get(sheet) ?? out.set(sheet, []).get(sheet)!, i);
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

/** The wanted cells of one sheet (see readersOfCells): each cell's list of readers, by row and by column. */
interface WantedOnSheet {
  byRow: Map<number, Map<number, number[]>>;
  byCol: Map<number, Map<number, number[]>>;
}

function lineOf(lines: Map<number, Map<number, number[]>>, at: number): Map<number, number[]> {
  let l = lines.get(at);
  if (!l) lines.set(at, (l = new Map()));
  return l;
}

/** Identity i as a reader of a wanted cell (once, though it may read the cell on both sides). */
function addReader(list: number[] | undefined, i: number): void {
  if (list && list[list.length - 1] !== i) list.push(i);
}

/** A missing sheet's cells, read as empty (as parseAmount(null)). */
const NO_SHEET: CentsAt = { at: () => CENTS_EMPTY };

/** The cents of a sheet's cells (see AmountReader): a number is its own amount, a blank without formula empty. */
class SheetCents implements CentsAt {
  constructor(private readonly s: GridSheet) {}
  at(row: number, col: number): number {
    const s = this.s;
    const v = cellValue(s, row, col);
    if (typeof v === "number") return (Number.isFinite(v) ? wholeCents(v) : undefined) ?? NaN;
    return v === null && cellFormula(s, row, col) === null ? CENTS_EMPTY : NaN;
  }
}
