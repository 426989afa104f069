/** Accumulates a template block cell by cell; `build` turns it into the dense arrays of a TemplateBlock. */
import type { CellRange } from "../address";
import type { CellValue } from "../grid";
import { emptyResult, renderFormula, type FormulaSpec } from "./formula";

export const AMOUNT_FORMAT = "#,##0.00";
export const TEXT_FORMAT = "@";

export class BlockBuilder {
  private readonly cells = new Map<string, { value: CellValue; spec: FormulaSpec | null; format: string | null }>();
  readonly merges: CellRange[] = [];
  private readonly widths = new Map<number, number>();
  private readonly heights = new Map<number, number>();
  rowCount = 0;

  constructor(readonly colCount: number) {}

  private cell(row: number, col: number) {
    if (col >= this.colCount) throw new RangeError(`Column ${col} outside the block (${this.colCount} columns)`);
    const k = `${row},${col}`;
    let c = this.cells.get(k);
    if (!c) {
      c = { value: null, spec: null, format: null };
      this.cells.set(k, c);
    }
    this.rowCount = Math.max(this.rowCount, row + 1);
    return c;
  }

  set(row: number, col: number, value: CellValue, format?: string): void {
    const c = this.cell(row, col);
    c.value = value;
    if (format !== undefined) c.format = format;
  }

  format(row: number, col: number, format: string): void {
    this.cell(row, col).format = format;
  }

  formula(row: number, col: number, spec: FormulaSpec, format = AMOUNT_FORMAT): void {
    const c = this.cell(row, col);
    c.spec = spec;
    c.value = emptyResult(spec);
    c.format = format;
  }

  /** Merges an area of more than one cell (single cells are not merges). */
  merge(top: number, left: number, bottom: number, right: number): void {
    if (top === bottom && left === right) return;
    this.merges.push({ top, left, bottom, right });
    this.rowCount = Math.max(this.rowCount, bottom + 1);
  }

  setWidth(col: number, width: number): void {
    this.widths.set(col, width);
  }

  setHeight(row: number, height: number): void {
    this.heights.set(row, height);
  }

  build() {
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    const formulaSpecs: (FormulaSpec | null)[][] = [];
    const numberFormats: (string | null)[][] = [];
    for (let r = 0; r < this.rowCount; r++) {
      values.push(new Array<CellValue>(this.colCount).fill(null));
      formulas.push(new Array<string | null>(this.colCount).fill(null));
      formulaSpecs.push(new Array<FormulaSpec | null>(this.colCount).fill(null));
      numberFormats.push(new Array<string | null>(this.colCount).fill(null));
    }
    for (const [k, c] of this.cells) {
      const [r, col] = k.split(",").map(Number);
      values[r][col] = c.value;
      formulaSpecs[r][col] = c.spec;
      formulas[r][col] = c.spec ? renderFormula(c.spec, { row: 0, col: 0 }) : null;
      numberFormats[r][col] = c.format;
    }
    const columnWidths = Array.from({ length: this.colCount }, (_, c) => this.widths.get(c) ?? 12);
    const rowHeights = Array.from({ length: this.rowCount }, (_, r) => this.heights.get(r) ?? null);
    return { values, formulas, formulaSpecs, numberFormats, merges: [...this.merges], columnWidths, rowHeights };
  }
}
