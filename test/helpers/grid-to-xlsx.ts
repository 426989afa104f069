/**
 * Test and benchmark helper: writes a grid as .xlsx with exceljs (a dev dependency only; the product reads with
 * src/xlsx and writes with the surgical patch of src/xlsx/annotate). Values, formulas with cached results, merges and
 * number formats.
 */
import ExcelJS from "exceljs";
import type { CellValue, GridWorkbook } from "../../src/core/grid";
import { isErrorValue } from "../../src/core/grid";

/** Test and benchmark helper: writes a grid as .xlsx (values, formulas with cached results, merges, number formats); `decorate` edits the exceljs workbook before it is written. */
export async function gridToXlsx(grid: GridWorkbook, decorate?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of grid.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const rows = Math.max(sheet.values.length, sheet.formulas?.length ?? 0, sheet.numberFormats?.length ?? 0);
    for (let r = 0; r < rows; r++) {
      const vals = sheet.values[r];
      const fs = sheet.formulas?.[r];
      const nfs = sheet.numberFormats?.[r];
      const width = Math.max(vals?.length ?? 0, fs?.length ?? 0, nfs?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const v = vals?.[c] ?? null;
        const f = fs?.[c];
        const nf = nfs?.[c];
        if (v === null && !f && !nf) continue;
        const cell = ws.getCell(r + 1, c + 1);
        if (f) cell.value = { formula: f, result: toExcelResult(v) } as ExcelJS.CellFormulaValue;
        else if (v !== null) cell.value = toExcelValue(v);
        if (nf) cell.numFmt = nf;
      }
    }
    for (const m of sheet.merges) {
      if (m.top === m.bottom && m.left === m.right) continue;
      ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    }
  }
  // What the grid does not model (frozen panes, filters, print titles, hidden rows) is added by the caller.
  decorate?.(wb);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

function toExcelValue(v: CellValue): ExcelJS.CellValue {
  if (isErrorValue(v)) return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}

function toExcelResult(v: CellValue): ExcelJS.CellFormulaValue["result"] {
  if (v === null) return undefined;
  if (isErrorValue(v)) return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}
