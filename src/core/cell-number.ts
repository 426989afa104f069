/**
 * The one encoder of cell positions in the core: a cell is sheet number × 2^34 + row × 2^14 + column, exact in a
 * double for Excel's 1,048,576 × 16,384 grid and 2^19 sheets, and far cheaper to hash than a "sheet\0row\0col"
 * string (keys are made for every cell of the workbook).
 */

/** A cell by sheet name (0-based row and column); structurally the same as an identity's CellKey. */
interface SheetCell {
  sheet: string;
  row: number;
  col: number;
}

const COLS = 2 ** 14;
const ROWS = 2 ** 20;

/** Sheet names numbered in the order first seen; a cell's number packs its sheet, row and column. */
export class CellNumbering {
  private readonly sheets = new Map<string, number>();

  sheetNumber(name: string): number {
    let n = this.sheets.get(name);
    if (n === undefined) this.sheets.set(name, (n = this.sheets.size));
    return n;
  }

  /** The number of the cell at row, col of the sheet whose number is sheetNumber(). */
  static at(sheetNumber: number, row: number, col: number): number {
    return sheetNumber * (ROWS * COLS) + row * COLS + col;
  }

  of(c: SheetCell): number {
    return CellNumbering.at(this.sheetNumber(c.sheet), c.row, c.col);
  }

  /** A cell's number within one sheet (as if its sheet were number 0), and its row and column back from a number. */
  static inSheet(row: number, col: number): number {
    return row * COLS + col;
  }

  static rowOf(n: number): number {
    return Math.floor((n % (ROWS * COLS)) / COLS);
  }

  static colOf(n: number): number {
    return n % COLS;
  }

  /** Whether two cells are the same one (no numbering needed). */
  static same(a: SheetCell, b: SheetCell): boolean {
    return a.row === b.row && a.col === b.col && a.sheet === b.sheet;
  }
}
