/** Findings about single amount cells: error values, text that is not a number, numbers stored as text. */
import { toA1 } from "../address";
import type { Finding } from "../finding";
import { cellValue, type GridSheet } from "../grid";
import { parseAmount } from "../money";
import type { RecognisedTable } from "../recognise/types";
import { plausibilityFindings } from "./plausibility";

export function amountCellsOf(table: RecognisedTable): Array<{ row: number; col: number }> {
  const out: Array<{ row: number; col: number }> = [];
  if (table.sides) {
    for (const s of table.sides) for (const r of s.rows) for (const col of s.amountCols) out.push({ row: r.row, col });
    return out;
  }
  const cols = table.columns.filter((c) => c.role === "amount").map((c) => c.col);
  for (const r of table.rows) for (const col of cols) out.push({ row: r.row, col });
  return out;
}

export function cellFindings(table: RecognisedTable, sheet: GridSheet, cells = amountCellsOf(table)): Finding[] {
  const out: Finding[] = [];
  for (const { row, col } of cells) {
    const a = parseAmount(cellValue(sheet, row, col));
    const address = toA1(row, col);
    const where = `${sheet.name}!${address}`;
    if (a.kind === "error") {
      out.push({
        rule: "cell.error-value",
        severity: "error",
        message: `${where} 是错误值 ${a.error}，无法参与核对；请修正公式。`,
        messageEn: `${where} holds the error value ${a.error} and cannot be checked; fix the formula.`,
        cells: [{ sheet: sheet.name, address }],
        actual: a.error,
      });
    } else if (a.kind === "invalid") {
      out.push({
        rule: "cell.not-a-number",
        severity: "error",
        message: `${where} 的内容“${a.text}”不是金额，无法参与核对。`,
        messageEn: `${where} holds "${a.text}", which is not an amount and cannot be checked.`,
        cells: [{ sheet: sheet.name, address }],
        actual: a.text,
      });
    } else if (a.kind === "number" && a.fromText) {
      out.push({
        rule: "cell.number-as-text",
        severity: "info",
        message: `${where} 的数字以文本形式存储（已按 ${a.value.toFixed()} 参与核对）。`,
        messageEn: `${where} is a number stored as text (checked as ${a.value.toFixed()}).`,
        cells: [{ sheet: sheet.name, address }],
        actual: String(cellValue(sheet, row, col)),
      });
    }
  }
  // Plausibility (negative, decimals, percent/date formats) on the same cells, so the live fast path runs it too.
  out.push(...plausibilityFindings(table, sheet, cells));
  return out;
}
