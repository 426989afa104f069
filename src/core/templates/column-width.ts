/**
 * Column widths are in Excel's character units (what an .xlsx stores and exceljs' `column.width` takes); Office.js
 * `format.columnWidth` wants points. Excel's rule for the default font (Calibri 11, 7-pixel digits):
 * pixels = chars × 7 + 5, and a point is 4/3 pixels.
 */
export function columnWidthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
