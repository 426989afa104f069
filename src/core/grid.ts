/**
 * The grid model: what the core knows of a workbook. Built by the file layer (src/xlsx) in the CLI and the preview and
 * from Office.js in the add-in; it depends on neither. Cells are addressed by 0-based row/column from A1, held as parallel 2-D arrays so that a
 * range read from Office.js (values/text/formulas/numberFormat) maps onto it without per-cell objects.
 */
import type { CellRange } from "./address";
import { CellNumbering } from "./cell-number";

/** An Excel error value such as #REF! or #DIV/0!. */
export interface CellErrorValue {
  error: string;
}

/** The cached (computed) value of a cell. Formulas carry their last calculated result here. */
export type CellValue = string | number | boolean | null | CellErrorValue;

export interface GridSheet {
  name: string;
  /**
   * values[row][col]; rows may be ragged, missing or sparse (holes are empty cells): a file with one value in
   * XFD1048576 is one stored cell. Read cells through cellValue(); loop over the rows that exist.
   */
  values: CellValue[][];
  /**
   * Formula text without the leading "=", where the cell holds one. A formula cell whose value is null has no cached
   * result (the file was written by a program that does not calculate): see formulaWithoutValue().
   */
  formulas?: (string | null | undefined)[][];
  /** What Excel displays, where known (Office.js `text`); used only for messages and number-stored-as-text hints. */
  texts?: (string | null | undefined)[][];
  numberFormats?: (string | null | undefined)[][];
  /** Merged areas; the value lives in the top-left cell. */
  merges: CellRange[];
  /** Number of rows/columns of the used area (from A1); defaults to the extent of `values`. */
  rowCount?: number;
  colCount?: number;
  /** The sheet is hidden in Excel (absent: visible). */
  state?: "hidden" | "veryHidden";
}

export interface GridWorkbook {
  /** File name or workbook title, for messages. */
  name?: string;
  sheets: GridSheet[];
}

export function isErrorValue(v: CellValue | undefined): v is CellErrorValue {
  return typeof v === "object" && v !== null && "error" in v;
}

export function cellValue(sheet: GridSheet, row: number, col: number): CellValue {
  const r = sheet.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function cellFormula(sheet: GridSheet, row: number, col: number): string | null {
  return sheet.formulas?.[row]?.[col] ?? null;
}

/** A formula whose file holds no cached value: its value is unknown, not empty (a calculated formula never is null). */
export function formulaWithoutValue(sheet: GridSheet, row: number, col: number): boolean {
  return cellFormula(sheet, row, col) !== null && cellValue(sheet, row, col) === null;
}

export function cellNumberFormat(sheet: GridSheet, row: number, col: number): string | null {
  return sheet.numberFormats?.[row]?.[col] ?? null;
}

export function sheetRowCount(sheet: GridSheet): number {
  return sheet.rowCount ?? sheet.values.length;
}

export function sheetColCount(sheet: GridSheet): number {
  if (sheet.colCount !== undefined) return sheet.colCount;
  let max = 0;
  for (const r of sheet.values) if (r && r.length > max) max = r.length;
  return max;
}

/** The cell's content as trimmed text ("" for empty); numbers are rendered plainly. */
export function cellText(sheet: GridSheet, row: number, col: number): string {
  const v = cellValue(sheet, row, col);
  if (v === null) return "";
  if (isErrorValue(v)) return v.error;
  if (typeof v === "string") return v.trim();
  return String(v);
}

/**
 * Index of merged areas by cell, so recognition can read a merged header's text from any cell it covers.
 * Built once per sheet; O(merged cells).
 */
export class MergeIndex {
  private readonly owner = new Map<number, CellRange>();
  constructor(
    private readonly sheet: GridSheet,
    private readonly width = Math.max(sheetColCount(sheet), 1),
  ) {
    for (const m of sheet.merges) {
      // Very large merges (whole columns) are capped: only header-sized areas matter for reading text.
      const bottom = Math.min(m.bottom, m.top + 200);
      for (let r = m.top; r <= bottom; r++)
        for (let c = m.left; c <= m.right && c < this.width + 64; c++) this.owner.set(CellNumbering.inSheet(r, c), m);
    }
  }
  areaAt(row: number, col: number): CellRange | undefined {
    return this.owner.get(CellNumbering.inSheet(row, col));
  }
  /** Text of the cell, or of the merged area's top-left cell covering it. */
  textAt(row: number, col: number): string {
    const m = this.areaAt(row, col);
    return m ? cellText(this.sheet, m.top, m.left) : cellText(this.sheet, row, col);
  }
}
