/** Cells and amounts the document rules read: a table's title/year/unit cells, and amounts through a reader. */
import type { CellRef } from "../address";
import type { FindingCell } from "../finding";
import type { GridWorkbook } from "../grid";
import { cellAmount } from "../formula/evaluate";
import { parseAmount, type Amount } from "../money";
import type { RecognisedTable } from "../recognise/types";

/** Reads one amount cell; the session passes its cached reader, a one-shot check reads the grid. */
export type AmountAt = (sheet: string, row: number, col: number) => Amount;

export function gridReader(workbook: GridWorkbook): AmountAt {
  const sheets = new Map(workbook.sheets.map((s) => [s.name, s]));
  return (sheet, row, col) => {
    const s = sheets.get(sheet);
    return s ? cellAmount(workbook, s, row, col) : parseAmount(null);
  };
}

export function findingCell(table: RecognisedTable, ref: CellRef): FindingCell {
  return { sheet: table.sheet, row: ref.row, col: ref.col };
}

/** The cell that stands for a whole table: its title cell, else the table's first cell. */
export function tableCell(table: RecognisedTable): FindingCell {
  return findingCell(table, table.titleCell ?? { row: table.range.top, col: table.range.left });
}

/** A named meta cell of the table, falling back to the table's own cell. */
export function metaCell(table: RecognisedTable, ref: CellRef | undefined): FindingCell {
  return ref ? findingCell(table, ref) : tableCell(table);
}

/** "收支总表“单位预算收支总表”" for messages. */
export function tableLabel(table: RecognisedTable): string {
  return `${table.sheet}“${table.title}”`;
}
