/**
 * .xlsx bytes → grid in the browser: exceljs' browser build (webpack aliases "exceljs" to it) and the CLI's own
 * exceljs → grid conversion, so the preview sees a file exactly as `npm run check` does. Loaded as its own chunk.
 */
import ExcelJS from "exceljs";
import type { GridWorkbook } from "../core/grid";
import { excelWorkbookToGrid } from "../cli/xlsx-grid";

export async function gridFromXlsx(data: ArrayBuffer, name: string): Promise<GridWorkbook> {
  const wb = new ExcelJS.Workbook();
  // The browser build accepts an ArrayBuffer; the typings only name Node's Buffer.
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  if (wb.worksheets.length === 0) throw new Error(`${name}: not an Excel workbook (.xlsx)`);
  return excelWorkbookToGrid(wb, name);
}

/** A data: URL (the bundled sample, inlined so the preview makes no request for it) as bytes. */
export function dataUrlToBytes(url: string): ArrayBuffer {
  const base64 = url.slice(url.indexOf(",") + 1);
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes.buffer;
}
