/** Builds one GridSheet row by row: values, merges and the amount number format, as the fixtures lay them out. */
import type { CellRange } from "../src/core/address";
import type { CellValue, GridSheet } from "../src/core/grid";

export const AMOUNT_FORMAT = "#,##0.00";

/** Cents as the number a cell shows with two decimals; zero is left blank, as published tables do. */
export function amount(cents: number): number | null {
  return cents === 0 ? null : cents / 100;
}

export class SheetBuilder {
  private readonly values: CellValue[][] = [];
  private readonly formats: (string | null)[][] = [];
  private readonly merges: CellRange[] = [];

  constructor(
    private readonly name: string,
    private readonly width: number,
  ) {}

  get rowCount(): number {
    return this.values.length;
  }

  /** Appends a row; numbers from column `amountFrom` on get the amount format. Returns the row index. */
  row(cells: CellValue[], amountFrom = Number.MAX_SAFE_INTEGER): number {
    const r = this.values.length;
    const values: CellValue[] = new Array(this.width).fill(null);
    const formats: (string | null)[] = new Array(this.width).fill(null);
    cells.forEach((v, c) => {
      values[c] = v;
      if (c >= amountFrom && typeof v === "number") formats[c] = AMOUNT_FORMAT;
    });
    this.values.push(values);
    this.formats.push(formats);
    return r;
  }

  /** Amount row: index, code, name, then cents per amount column. */
  amountRow(index: number | null, code: string | null, name: string, cents: number[]): number {
    return this.row([index, code, name, ...cents.map(amount)], 3);
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push({ top, left, bottom, right });
  }

  build(): GridSheet {
    return {
      name: this.name,
      values: this.values,
      numberFormats: this.formats,
      merges: this.merges,
      rowCount: this.values.length,
      colCount: this.width,
    };
  }
}
