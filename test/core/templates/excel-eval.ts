/**
 * Computes a grid workbook's formulas the way Excel would (HyperFormula, an Excel-compatible engine with SUMIF
 * wildcards) and writes the results back as the cells' cached values — what a saved workbook would carry.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import type { CellValue, GridWorkbook } from "../../../src/core/grid";
import { parseA1 } from "../../../src/core/address";

type Raw = string | number | boolean | null;

function rawCell(value: CellValue, formula: string | null | undefined, format: string | null | undefined): Raw {
  if (formula) return `=${formula}`;
  if (value === null || value === "") return null;
  if (typeof value === "object") return null;
  // A text-formatted cell keeps "208" and "01" as text, as Excel does; the apostrophe tells HyperFormula so.
  if (typeof value === "string" && (format === "@" || /^[\d.+-]/.test(value))) return `'${value}`;
  return value;
}

/** Evaluates every formula and stores its result as the cell value; returns the workbook for chaining. */
export function recalculate(wb: GridWorkbook): GridWorkbook {
  const sheets: Record<string, Raw[][]> = {};
  for (const s of wb.sheets) {
    const height = Math.max(s.values.length, s.formulas?.length ?? 0);
    const rows: Raw[][] = [];
    for (let r = 0; r < height; r++) {
      const width = Math.max(s.values[r]?.length ?? 0, s.formulas?.[r]?.length ?? 0);
      const row: Raw[] = [];
      for (let c = 0; c < width; c++) row.push(rawCell(s.values[r]?.[c] ?? null, s.formulas?.[r]?.[c], s.numberFormats?.[r]?.[c]));
      rows.push(row);
    }
    sheets[s.name] = rows;
  }
  // Array arithmetic on, as Excel evaluates SUMPRODUCT's arguments as arrays.
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", useArrayArithmetic: true });
  try {
    wb.sheets.forEach((s) => {
      const id = hf.getSheetId(s.name)!;
      s.formulas?.forEach((row, r) =>
        row?.forEach((f, c) => {
          if (!f) return;
          const v = hf.getCellValue({ sheet: id, row: r, col: c });
          (s.values[r] ??= [])[c] = v instanceof DetailedCellError ? { error: v.value } : (v as CellValue);
        }),
      );
    });
  } finally {
    hf.destroy();
  }
  return wb;
}

/** Sets a cell by A1 address (amounts as numbers, codes and names as text). */
export function setCell(wb: GridWorkbook, sheet: string, address: string, value: CellValue): void {
  const s = wb.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`No sheet ${sheet}`);
  const { row, col } = parseA1(address);
  (s.values[row] ??= [])[col] = value;
}

export function getCell(wb: GridWorkbook, sheet: string, address: string): CellValue {
  const s = wb.sheets.find((x) => x.name === sheet)!;
  const { row, col } = parseA1(address);
  return s.values[row]?.[col] ?? null;
}
