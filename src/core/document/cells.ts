/** Cells the document rules name: a table's title/year/unit cells (amounts they read through core/amounts.ts). */
import type { CellRef } from "../address";
import type { FindingCell } from "../finding";
import type { RecognisedTable } from "../recognise/types";

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
