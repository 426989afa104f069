/**
 * The CLI's file layer. Reading is src/xlsx (fflate + saxes, shared with the preview); re-exported here so existing
 * imports keep working. exceljs remains only for `--annotate` (loadExcelWorkbook) until that is a surgical patch, and
 * for gridToXlsx, a test and benchmark helper that writes a grid as .xlsx.
 */
import ExcelJS from "exceljs";
import type { CellValue, GridWorkbook } from "../core/grid";
import { isErrorValue } from "../core/grid";
import { readFileBytes } from "../xlsx/read-file";
import { WorkbookReadError } from "../xlsx/read-error";
import { readXlsxBytes } from "../xlsx/read-workbook";

export { readXlsxFile, readXlsxBuffer } from "../xlsx/read-file";

/**
 * For --annotate: the workbook as exceljs loads it. The file is first read by the new reader, so every file it
 * refuses is refused here with the same one-line message.
 */
export async function loadExcelWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const data = await readFileBytes(file);
  readXlsxBytes(data, file);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs' typings want its own Buffer alias; a Node Buffer is what it reads.
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    // A file the reader accepts but exceljs cannot load (Open XML SDK prefixes, …): one line, as for any unreadable file.
    throw new WorkbookReadError(file, "corrupt", e instanceof Error ? e.message : String(e));
  }
  return wb;
}

/** Test and benchmark helper: writes a grid as .xlsx (values, formulas with cached results, merges, number formats). */
export async function gridToXlsx(grid: GridWorkbook): Promise<Buffer> {
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
