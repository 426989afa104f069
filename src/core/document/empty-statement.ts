/**
 * document.empty-statement: a 政府性基金 / 国有资本经营 / 三公 / 项目支出 table with no amounts must say why
 * ("注：无…，空表列示" / "…故此表无数据"), and a table carrying that statement must really be empty.
 * Amounts are read through the reader, not from `table.empty`: a live edit of a known row does not re-recognise the
 * table, so recognition's flag can be stale. All-zero tables count as empty (0.00 means "nothing budgeted").
 */
import { a1, type FindingCell, type Finding } from "../finding";
import { formatAmount } from "../money";
import { isFinalKind } from "../recognise/final-kinds";
import type { RecognisedTable, TableKind } from "../recognise/types";
import type { AmountReader } from "../amounts";
import { findingCell, metaCell, tableCell, tableLabel } from "./cells";
import { KIND_NAMES } from "./style";

/** Tables a unit may legitimately publish empty (it has no such funds or no projects). */
export const MAY_BE_EMPTY: ReadonlySet<TableKind> = new Set<TableKind>([
  "fund-expenditure",
  "state-capital-expenditure",
  "three-public",
  "project-expenditure",
  "final-three-public",
  "final-fund",
  "final-state-capital",
]);

/** The first non-zero amount of the table, or null; stops at the first one found. */
export function firstNonZeroAmount(table: RecognisedTable, read: AmountReader): { cell: FindingCell; value: string } | null {
  const lines: Array<{ rows: number[]; cols: number[] }> = table.sides
    ? table.sides.map((s) => ({ rows: s.rows.map((r) => r.row), cols: s.amountCols }))
    : [{ rows: table.rows.map((r) => r.row), cols: table.columns.filter((c) => c.role === "amount").map((c) => c.col) }];
  for (const { rows, cols } of lines) {
    for (const row of rows) {
      for (const col of cols) {
        const a = read({ sheet: table.sheet, row, col });
        if (a.kind === "number" && !a.value.isZero()) return { cell: findingCell(table, { row, col }), value: formatAmount(a.value) };
      }
    }
  }
  return null;
}

export function emptyStatementFindings(tables: RecognisedTable[], read: AmountReader): Finding[] {
  const out: Finding[] = [];
  // A 决算 template (no amounts in any table) is not a disclosure: its empty tables need no statement yet.
  const finalTemplate = tables.some((t) => isFinalKind(t.kind)) && tables.every((t) => firstNonZeroAmount(t, read) === null);
  for (const t of tables) {
    const mayBeEmpty = MAY_BE_EMPTY.has(t.kind);
    if (!mayBeEmpty && !t.emptyStatement) continue;
    const amount = firstNonZeroAmount(t, read);
    const name = KIND_NAMES[t.kind];
    if (amount === null && mayBeEmpty && !t.emptyStatement) {
      if (finalTemplate) continue;
      out.push({
        rule: "document.empty-statement",
        severity: "warning",
        message: `${tableLabel(t)}没有数据，但未注明原因；空表应注明“无…，空表列示”或“…故此表无数据”。`,
        messageEn: `${t.sheet} ("${t.title}", the ${name.en}) has no amounts but no statement why; an empty table must say so ("无…，空表列示").`,
        cells: [tableCell(t)],
        expected: "空表列示",
      });
    } else if (amount !== null && t.emptyStatement) {
      out.push({
        rule: "document.empty-statement",
        severity: "warning",
        message: `${tableLabel(t)}注明“${t.emptyStatement.slice(0, 40)}”，但 ${a1(amount.cell)} 有金额 ${amount.value}：说明与数据矛盾。`,
        messageEn: `${t.sheet} ("${t.title}") states it is empty, but ${a1(amount.cell)} holds ${amount.value}; the statement contradicts the data.`,
        cells: [amount.cell, metaCell(t, t.emptyStatementCell)],
        expected: "0.00",
        actual: amount.value,
      });
    }
  }
  return out;
}
