/**
 * document.magnitude: a table whose amounts look like 元 while its header says 万元 (×10,000 against the rest).
 *
 * Each table's grand total (its 合计 row in the root total column; 收入总计 for the two-sided tables; without a 合计
 * row, the largest amount of that column) is converted to 万元 by the table's stated unit. The reference R is the
 * budget's size: the lower median of the "whole-budget" tables' totals (收支总表, 收入总表, 支出总表, which should
 * all be about equal; the 收支总表 itself when it agrees with that median), else the 财政拨款收支总表's. Then:
 * - a whole-budget table is flagged when its total is 1,000–100,000 × R;
 * - any other table (a part of the budget, so never above R) when its total is over 10 × R and, divided by
 *   10,000, fits within the budget (≤ 1.5 × R) — that is what a 元 table among 万元 tables looks like.
 * An error, and the root cause: the flagged table's cross-table sums, which fail by the same factor, are not reported.
 * O(rows of the tables), no cell scan beyond one column per table.
 */
import type { Finding, FindingCell } from "../finding";
import { Decimal, formatAmount } from "../money";
import type { RecognisedTable, TableKind } from "../recognise/types";
import { buildColumnTree, rootTotalColumn } from "../rules/column-tree";
import { documentUnit as commonUnit } from "../rules/measure";
import { sideStructure } from "../rules/table-identities";
import type { AmountReader } from "../amounts";
import { findingCell, tableLabel } from "./cells";
import { totalRow } from "../recognise/queries";

const WHOLE_BUDGET: ReadonlySet<TableKind> = new Set<TableKind>(["summary", "revenue", "expenditure"]);
const TO_WAN: Record<string, number> = { 万元: 1, 千元: 0.1, 元: 0.0001 };

interface GrandTotal {
  table: RecognisedTable;
  cell: FindingCell;
  value: Decimal;
  /** The value in 万元 by the table's stated unit, as a float: only its order of magnitude matters here. */
  wan: number;
}

function amountAt(read: AmountReader, table: RecognisedTable, row: number, col: number): Decimal | null {
  const a = read({ sheet: table.sheet, row, col });
  return a.kind === "number" ? a.value : null;
}

/** The grand total of a table (see the header comment), or null when it has none or it is zero. */
export function grandTotal(table: RecognisedTable, read: AmountReader): Omit<GrandTotal, "wan"> | null {
  let best: { row: number; col: number; value: Decimal } | null = null;
  if (table.sides) {
    const income = table.sides.find((s) => s.side === "income") ?? table.sides[0];
    if (!income || income.amountCols.length === 0) return null;
    const st = sideStructure(income);
    const row = st.grand ?? st.current;
    const col = income.amountCols[0];
    const value = row === undefined ? null : amountAt(read, table, row, col);
    if (row !== undefined && value) best = { row, col, value };
  } else {
    const col = rootTotalColumn(buildColumnTree(table.columns)) ?? table.columns.find((c) => c.role === "amount")?.col;
    if (col === undefined) return null;
    const total = totalRow(table);
    const candidates = total ? [total] : table.rows;
    for (const r of candidates) {
      const value = amountAt(read, table, r.row, col);
      if (value && (!best || value.abs().greaterThan(best.value.abs()))) best = { row: r.row, col, value };
    }
  }
  if (!best || best.value.isZero()) return null;
  return { table, cell: findingCell(table, best), value: best.value };
}

function lowerMedian(totals: GrandTotal[]): GrandTotal | undefined {
  const sorted = [...totals].sort((a, b) => a.wan - b.wan);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

export function magnitudeFindings(tables: RecognisedTable[], read: AmountReader): Finding[] {
  return magnitudeCheck(tables, read).findings;
}

/** The findings, and the ids of the tables they flag (root causes: their cross-table sums are not reported). */
export function magnitudeCheck(tables: RecognisedTable[], read: AmountReader): { findings: Finding[]; off: Set<string> } {
  const off = new Set<string>();
  const documentUnit = commonUnit(tables);
  const totals: GrandTotal[] = [];
  for (const t of tables) {
    const g = grandTotal(t, read);
    const factor = TO_WAN[t.unit ?? documentUnit] ?? 1;
    if (g) totals.push({ ...g, wan: Math.abs(g.value.toNumber()) * factor });
  }
  const median = lowerMedian(totals.filter((g) => WHOLE_BUDGET.has(g.table.kind)));
  // The 收支总表 is the natural anchor for messages whenever it agrees with the median (within a factor of 10).
  const summary = totals.find((g) => g.table.kind === "summary");
  const agrees = summary && median && summary.wan <= median.wan * 10 && summary.wan * 10 >= median.wan;
  const reference = (agrees ? summary : median) ?? totals.find((g) => g.table.kind === "fiscal-summary");
  if (!reference || reference.wan === 0) return { findings: [], off };
  const out: Finding[] = [];
  for (const g of totals) {
    if (g === reference) continue;
    const ratio = g.wan / reference.wan;
    const whole = WHOLE_BUDGET.has(g.table.kind);
    const flagged = whole ? ratio >= 1_000 && ratio <= 100_000 : ratio > 10 && ratio <= 15_000;
    if (!flagged) continue;
    const unit = g.table.unit ?? documentUnit;
    const times = Math.round(ratio).toLocaleString("en-US");
    const why =
      unit === "万元"
        ? { zh: "金额似乎以“元”填列，而表头单位是“万元”", en: 'the amounts look like yuan while the header says 万元 (ten thousand yuan)' }
        : { zh: "金额的数量级与其他表不符", en: "the amounts are off by orders of magnitude against the other tables" };
    const ref = formatAmount(reference.value);
    const scaled = formatAmount(g.value.dividedBy(10_000));
    off.add(g.table.id);
    out.push({
      rule: "document.magnitude",
      severity: "error",
      message: `${tableLabel(g.table)}的合计 ${formatAmount(g.value)} 是${reference.table.sheet}合计 ${ref} 的 ${times} 倍；除以 10,000 为 ${scaled}，才与其他表相符：${why.zh}。`,
      messageEn: `${g.table.sheet} ("${g.table.title}") totals ${formatAmount(g.value)}, ${times} times ${reference.table.sheet}'s ${ref}; divided by 10,000 it is ${scaled}, in line with the other tables: ${why.en}.`,
      cells: [g.cell, reference.cell],
      expected: whole ? ref : `≤ ${ref}`,
      actual: formatAmount(g.value),
    });
  }
  return { findings: out, off };
}
