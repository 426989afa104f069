/** Mutations of fixture workbooks for the document-level tests (pure, on a loaded copy). */
import { parseA1 } from "../../../src/core/address";
import type { CellValue, GridSheet, GridWorkbook } from "../../../src/core/grid";
import { recogniseSheet } from "../../../src/core/recognise";
import { amountCellsOf } from "../../../src/core/rules/cell-rules";

export function sheetOf(wb: GridWorkbook, name: string): GridSheet {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

export function deleteSheet(wb: GridWorkbook, name: string): GridWorkbook {
  sheetOf(wb, name);
  wb.sheets = wb.sheets.filter((s) => s.name !== name);
  return wb;
}

/** A copy of a sheet under a new name, appended (as when a user copies a sheet in Excel). */
export function duplicateSheet(wb: GridWorkbook, name: string, newName: string): GridWorkbook {
  wb.sheets.push({ ...structuredClone(sheetOf(wb, name)), name: newName });
  return wb;
}

export function setCell(wb: GridWorkbook, sheet: string, address: string, value: CellValue, numberFormat?: string): GridWorkbook {
  const s = sheetOf(wb, sheet);
  const { row, col } = parseA1(address);
  (s.values[row] ??= [])[col] = value;
  // Like Excel's used range: writing below or right of it extends it.
  if (s.rowCount !== undefined && row + 1 > s.rowCount) s.rowCount = row + 1;
  if (s.colCount !== undefined && col + 1 > s.colCount) s.colCount = col + 1;
  if (numberFormat !== undefined) ((s.numberFormats ??= [])[row] ??= [])[col] = numberFormat;
  return wb;
}

export function cellAt(wb: GridWorkbook, sheet: string, address: string): CellValue {
  const { row, col } = parseA1(address);
  return sheetOf(wb, sheet).values[row]?.[col] ?? null;
}

/** Multiplies every amount of the sheet's tables (not 序号 or 栏次 numbers) by `factor`; returns how many changed. */
export function scaleAmounts(wb: GridWorkbook, sheet: string, factor: number): number {
  const s = sheetOf(wb, sheet);
  let n = 0;
  for (const t of recogniseSheet(s)) {
    for (const { row, col } of amountCellsOf(t)) {
      const v = s.values[row]?.[col];
      if (typeof v === "number") {
        s.values[row][col] = Math.round(v * factor * 100) / 100;
        n++;
      }
    }
  }
  return n;
}
