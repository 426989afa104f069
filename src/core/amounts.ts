/**
 * The one amount reader of the core: the identities, the plausibility restatement and the document rules all read
 * amounts through an AmountReader. The session passes its cached reader; a one-shot check reads the grid.
 */
import { cellAmount } from "./formula/evaluate";
import type { GridWorkbook } from "./grid";
import { parseAmount } from "./money";
import type { AmountReader } from "./rules/identity";

export type { AmountReader, CellKey } from "./rules/identity";

/** Reads a cell's amount straight from the grid (formulas evaluated where no cached value was saved). */
export function gridReader(workbook: GridWorkbook): AmountReader {
  const sheets = new Map(workbook.sheets.map((s) => [s.name, s]));
  return ({ sheet, row, col }) => {
    const s = sheets.get(sheet);
    return s ? cellAmount(workbook, s, row, col) : parseAmount(null);
  };
}
