/**
 * Feeds the catalogue rules from a recognised table: one CodeRow per coded row, with the cells to mark, the enclosing
 * row's code (by position, so a 项 listed under another 款 is caught) and the 政府经济分类 code printed beside a
 * 部门经济分类 code.
 */
import type { FindingCell } from "../finding";
import type { RecognisedTable } from "../recognise/types";
import { classifyCode, type Classification } from "../codes/classify";
import type { CodeRow } from "./rules";

/** A table's code row; its code cells are made when asked for (for the few rows that make a finding). */
class TableCodeRow implements CodeRow {
  declare name?: string;
  declare nameCell?: FindingCell;
  declare pairedCode?: { code: string; cell: FindingCell };
  constructor(
    readonly sheet: string,
    private readonly row: number,
    private readonly cols: readonly number[],
    readonly code: string,
    readonly classification: Classification,
    readonly parentCode: string | undefined,
  ) {}
  get codeCells(): FindingCell[] {
    return this.cols.map((col) => ({ sheet: this.sheet, row: this.row, col }));
  }
}

export function codeRowsOfTable(table: RecognisedTable): CodeRow[] {
  const out: CodeRow[] = [];
  forEachCodeRow(table, (row) => out.push(row));
  return out;
}

/**
 * The same rows, each handed to `visit` as it is made: a check keeps only the few that make a finding (a callback,
 * not a generator, which made an iterator result per row).
 */
export function forEachCodeRow(table: RecognisedTable, visit: (row: CodeRow) => void): void {
  const cell = (row: number, col: number): FindingCell => ({ sheet: table.sheet, row: row, col: col });
  // The latest code seen above at each length (per classification), in the current unit's block; reset at unit
  // and total rows. Codes are 3/5/7/9 digits, so finding the enclosing row is constant time, not a scan upwards.
  // Indexed by code length, per classification (numbers, not "class:len" strings made for every length of every row).
  // A new block starts a new order: entries from before it (orders below blockStart) count as absent, so the
  // lists are not made anew per unit.
  const above = new Map<string, { codes: string[]; orders: number[] }>();
  let order = 0;
  let blockStart = 0;
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.role !== "code" || !r.code) {
      if (r.role === "unit" || r.role === "total") blockStart = order;
      continue;
    }
    const code = r.code.code;
    const classification = r.code.classification ?? classifyCode(code);
    if (!classification) continue;
    // Nearest row above with a shorter code of the same classification: the row this one is listed under.
    let parentCode: string | undefined;
    let nearest = -1;
    let seen = above.get(classification);
    if (!seen) above.set(classification, (seen = { codes: [], orders: [] }));
    for (let len = 1; len < code.length; len++) {
      const at = seen.orders[len];
      if (at !== undefined && at >= blockStart && at > nearest) {
        nearest = at;
        parentCode = seen.codes[len];
      }
    }
    seen.codes[code.length] = code;
    seen.orders[code.length] = order++;
    const row = new TableCodeRow(table.sheet, r.row, r.code.cols, code, classification, parentCode);
    const name = r.code.name ?? r.label;
    if (name) row.name = name;
    if (r.code.nameCol !== undefined && r.code.nameCol !== r.code.cols[0]) row.nameCell = cell(r.row, r.code.nameCol);
    if (r.secondaryCode && classification === "dept-economic" && classifyCode(r.secondaryCode.code) === "gov-economic") {
      const col = r.secondaryCode.cols[0];
      if (col !== undefined) row.pairedCode = { code: r.secondaryCode.code, cell: cell(r.row, col) };
    }
    visit(row);
  }
}
