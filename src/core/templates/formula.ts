/**
 * Template formulas as block-relative specs, rendered to A1 text for wherever the block is placed. Keeping the spec
 * (not the text) means a block placed at any origin gets formulas that point at its own cells.
 */
import { rangeToA1, type CellRange } from "../address";
import type { CellValue } from "../grid";

export type FormulaSpec =
  /** SUM(a, b:c) — a total row or total column that always shows a number. */
  | { op: "sum"; ranges: CellRange[] }
  /** IF(COUNT(…),SUM(…),"") — a row total on a data row: blank until the row has an amount, so empty rows stay empty. */
  | { op: "sum-if-any"; ranges: CellRange[] }
  /**
   * The 合计 row of a coded table: only the rows whose code has `length` digits — SUMPRODUCT(--(LEN(codes)=7),amounts).
   * LEN reads codes typed as text or as numbers alike; SUMPRODUCT takes the blank ("") row totals as 0.
   */
  | { op: "sum-by-code-length"; codes: CellRange; length: number; amounts: CellRange }
  /** SUMIF(codes,"<>",amounts) — the 合计 row with split codes: the rows whose last code part is filled. */
  | { op: "sum-if-coded"; codes: CellRange; amounts: CellRange };

export function shiftRange(r: CellRange, rows: number, cols: number): CellRange {
  return { top: r.top + rows, bottom: r.bottom + rows, left: r.left + cols, right: r.right + cols };
}

/** The formula text (no leading "=") for the block whose top-left cell is at `origin`. */
export function renderFormula(spec: FormulaSpec, origin: { row: number; col: number }): string {
  const at = (r: CellRange) => rangeToA1(shiftRange(r, origin.row, origin.col));
  switch (spec.op) {
    case "sum":
      return `SUM(${spec.ranges.map(at).join(",")})`;
    case "sum-if-any": {
      const refs = spec.ranges.map(at).join(",");
      return `IF(COUNT(${refs}),SUM(${refs}),"")`;
    }
    case "sum-by-code-length":
      return `SUMPRODUCT(--(LEN(${at(spec.codes)})=${spec.length}),${at(spec.amounts)})`;
    case "sum-if-coded":
      return `SUMIF(${at(spec.codes)},"<>",${at(spec.amounts)})`;
  }
}

/** What Excel shows for the formula while the table is empty. */
export function emptyResult(spec: FormulaSpec): CellValue {
  return spec.op === "sum-if-any" ? "" : 0;
}

/** Single cells of one row merged into the fewest ranges (E7, F7, G7, M7 → E7:G7, M7). */
export function rowRanges(row: number, cols: number[]): CellRange[] {
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const out: CellRange[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last.right === c - 1) last.right = c;
    else out.push({ top: row, bottom: row, left: c, right: c });
  }
  return out;
}

/** Single cells of one column merged into the fewest ranges. */
export function columnRanges(col: number, rows: number[]): CellRange[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: CellRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.bottom === r - 1) last.bottom = r;
    else out.push({ top: r, bottom: r, left: col, right: col });
  }
  return out;
}
