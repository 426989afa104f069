/**
 * Questions rules and document checks ask of a recognised table (its amount columns, its 合计 row, a “三公” item's
 * row): answered here once, beside the recognition that defines rows and columns, instead of in each rule.
 */
import { parseOrdinalLabel } from "../text";
import type { RecognisedColumn, RecognisedRow, RecognisedTable } from "./types";

export function amountColumns(table: RecognisedTable): RecognisedColumn[] {
  return table.columns.filter((c) => c.role === "amount");
}

/** The 合计/总计 row, where the table has one. */
export function totalRow(table: RecognisedTable): RecognisedRow | undefined {
  return table.rows.find((r) => r.role === "total");
}

/**
 * The row of a “三公” item (公务接待费, 运行(维护)费 …) by its label, numbering stripped. 公务用车购置及运行费 is the
 * 公务用车 subtotal, never the 运行费 or 购置费 item its label also names.
 */
export function threePublicItemRow(three: RecognisedTable, item: RegExp): RecognisedRow | undefined {
  return three.rows.find((r) => item.test(parseOrdinalLabel(r.label).text) && !/购置及运/.test(r.label));
}
