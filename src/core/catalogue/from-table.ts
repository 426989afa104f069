/**
 * Feeds the catalogue rules from a recognised table: one CodeRow per coded row, with the cells to mark, the enclosing
 * row's code (by position, so a 项 listed under another 款 is caught) and the 政府经济分类 code printed beside a
 * 部门经济分类 code.
 */
import { toA1 } from "../address";
import type { FindingCell } from "../finding";
import type { RecognisedTable } from "../recognise/types";
import { classifyCode } from "./classify";
import type { CodeRow } from "./rules";

export function codeRowsOfTable(table: RecognisedTable): CodeRow[] {
  const out: CodeRow[] = [];
  const cell = (row: number, col: number): FindingCell => ({ sheet: table.sheet, address: toA1(row, col) });
  // Codes seen above in the current unit's block, most recent last; reset at unit and total rows.
  let above: string[] = [];
  for (const r of table.rows) {
    if (r.role !== "code" || !r.code) {
      if (r.role === "unit" || r.role === "total") above = [];
      continue;
    }
    const code = r.code.code;
    const classification = r.code.classification ?? classifyCode(code);
    if (!classification) continue;
    // Nearest row above with a shorter code of the same classification: the row this one is listed under.
    let parentCode: string | undefined;
    for (let i = above.length - 1; i >= 0; i--) {
      const c = above[i];
      if (c.length < code.length && classifyCode(c) === classification) {
        parentCode = c;
        break;
      }
    }
    above.push(code);
    const row: CodeRow = {
      sheet: table.sheet,
      codeCells: r.code.cols.map((col) => cell(r.row, col)),
      code,
      classification,
      parentCode,
    };
    const name = r.code.name ?? r.label;
    if (name) row.name = name;
    if (r.code.nameCol !== undefined && r.code.nameCol !== r.code.cols[0]) row.nameCell = cell(r.row, r.code.nameCol);
    if (r.secondaryCode && classification === "dept-economic" && classifyCode(r.secondaryCode.code) === "gov-economic") {
      const col = r.secondaryCode.cols[0];
      if (col !== undefined) row.pairedCode = { code: r.secondaryCode.code, cell: cell(r.row, col) };
    }
    out.push(row);
  }
  return out;
}
