/** Findings about single amount cells: error values, text that is not a number, numbers stored as text. */
import { toA1 } from "../address";
import type { Finding } from "../finding";
import { cellFormula, cellValue, type GridSheet, type GridWorkbook } from "../grid";
import { NO_COMPUTED_VALUE, cellAmount } from "../formula/evaluate";
import { clip } from "../text";
import type { RecognisedTable } from "../recognise/types";
import { plausibilityCheck } from "./plausibility";
import type { RuleInfo } from "../rule-info";

/** The rules this family reports (id, group, default severity, zh/en), collected by core/rule-registry.ts. */
export const CELL_RULES = [
  { id: "cell.error-value", group: "cell", severity: "error", zh: "金额单元格是错误值（#REF! 等）", en: "Amount cell holds an error value (#REF! …)" },
  { id: "cell.not-a-number", group: "cell", severity: "error", zh: "金额单元格的内容不是数字", en: "Amount cell holds text that is not a number" },
  { id: "cell.circular-formula", group: "cell", severity: "error", zh: "金额单元格的公式引用了自身（循环引用）", en: "Amount cell's formula refers to its own cell (circular reference)" },
  { id: "cell.formula-no-value", group: "cell", severity: "warning", zh: "公式没有计算结果（未经 Excel 计算保存），未参与核对", en: "Formula without a computed value (not calculated and saved by Excel); not checked" },
  { id: "cell.number-as-text", group: "cell", severity: "info", zh: "数字以文本形式存储", en: "Number stored as text" },
] as const satisfies readonly RuleInfo[];

export function amountCellsOf(table: RecognisedTable): Array<{ row: number; col: number }> {
  return [...amountCells(table)];
}

/**
 * A table's amount cells, as blocks of rows × columns. Walked by `each` without an object per cell (a full check walks
 * every table's twice); iterated, each cell is made as it is reached (again on each walk): a list of them all would
 * outlive the young generation and linger as old-space garbage.
 */
export class AmountCells implements Iterable<{ row: number; col: number }> {
  constructor(private readonly blocks: ReadonlyArray<{ rows: readonly number[]; cols: readonly number[] }>) {}
  each(visit: (row: number, col: number) => void): void {
    // Indexed loops: for…of made an iterator result per cell.
    for (let b = 0; b < this.blocks.length; b++) {
      const { rows, cols } = this.blocks[b];
      for (let i = 0; i < rows.length; i++) for (let j = 0; j < cols.length; j++) visit(rows[i], cols[j]);
    }
  }
  *[Symbol.iterator](): Iterator<{ row: number; col: number }> {
    for (const { rows, cols } of this.blocks) for (const row of rows) for (const col of cols) yield { row, col };
  }
}

export function amountCells(table: RecognisedTable): AmountCells {
  if (table.sides) return new AmountCells(table.sides.map((s) => ({ rows: s.rows.map((r) => r.row), cols: s.amountCols })));
  const cols = table.columns.filter((c) => c.role === "amount").map((c) => c.col);
  // Side-by-side panels put two of the table's rows on one sheet row: each cell once, or its finding shows twice.
  const rows = table.rows.map((r) => r.row);
  return new AmountCells([{ rows: table.panels ? [...new Set(rows)] : rows, cols }]);
}

/** Calls `visit` with each cell: an AmountCells walked without making them. */
export function forEachCellOf(cells: Iterable<{ row: number; col: number }>, visit: (row: number, col: number) => void): void {
  if (cells instanceof AmountCells) cells.each(visit);
  else for (const { row, col } of cells) visit(row, col);
}

export function cellFindings(
  table: RecognisedTable,
  sheet: GridSheet,
  cells: Iterable<{ row: number; col: number }> = amountCells(table),
  workbook?: GridWorkbook,
): Finding[] {
  const out: Finding[] = [];
  const wb = workbook ?? { sheets: [sheet] };
  // Plausibility (negative, decimals, percent/date formats) on the same cells in the same walk, so the live fast
  // path runs it too; its findings follow the cell findings.
  const plausible: Finding[] = [];
  const plausibility = plausibilityCheck(table, sheet, plausible);
  forEachCellOf(cells, (row, col) => {
    plausibility(row, col);
    const formula = cellFormula(sheet, row, col);
    // Nearly every cell is a blank or a number without a formula: fine, decided without reading its amount.
    if (formula === null) {
      const v = cellValue(sheet, row, col);
      if (v === null || (typeof v === "number" && Number.isFinite(v))) return;
    }
    const a = cellAmount(wb, sheet, row, col);
    // Nearly every cell is a plain amount: its address is spelled out only for a finding.
    if (!formula && (a.kind === "empty" || (a.kind === "number" && !a.fromText))) return;
    const address = toA1(row, col);
    const where = `${sheet.name}!${address}`;
    if (a.kind === "error" && a.error === NO_COMPUTED_VALUE) {
      const shown = clip(formula ?? "");
      out.push({
        rule: "cell.formula-no-value",
        severity: "warning",
        message: `${where} 的公式 =${shown} 没有计算结果（文件未经 Excel 计算保存），未参与核对；请在 Excel 中打开并保存后再检查。`,
        messageEn: `${where} has a formula (=${shown}) with no computed value (the file was not calculated and saved by Excel); it was not checked. Open and save it in Excel, then check again.`,
        cells: [{ sheet: sheet.name, row, col }],
        actual: `=${shown}`,
      });
    } else if (a.kind === "error") {
      out.push({
        rule: "cell.error-value",
        severity: "error",
        message: `${where} 是错误值 ${a.error}，无法参与核对；请修正公式。`,
        messageEn: `${where} holds the error value ${a.error} and cannot be checked; fix the formula.`,
        cells: [{ sheet: sheet.name, row, col }],
        actual: a.error,
      });
    } else if (a.kind === "invalid") {
      // A pasted document in an amount cell must not turn into a megabyte-long message.
      const text = clip(a.text);
      out.push({
        rule: "cell.not-a-number",
        severity: "error",
        message: `${where} 的内容“${text}”不是金额，无法参与核对。`,
        messageEn: `${where} holds "${text}", which is not an amount and cannot be checked.`,
        cells: [{ sheet: sheet.name, row, col }],
        actual: text,
      });
    } else if (a.kind === "number" && a.fromText) {
      out.push({
        rule: "cell.number-as-text",
        severity: "info",
        message: `${where} 的数字以文本形式存储（已按 ${a.value.toFixed()} 参与核对）。`,
        messageEn: `${where} is a number stored as text (checked as ${a.value.toFixed()}).`,
        cells: [{ sheet: sheet.name, row, col }],
        actual: String(cellValue(sheet, row, col)),
      });
    }
    if (formula && refersToCell(formula, sheet.name, row, col)) {
      out.push({
        rule: "cell.circular-formula",
        severity: "error",
        message: `${where} 的公式 =${clip(formula)} 引用了单元格自身（循环引用），其值不可信；请修正公式。`,
        messageEn: `${where} has a formula (=${clip(formula)}) that refers to its own cell (a circular reference); its value cannot be trusted. Fix the formula.`,
        cells: [{ sheet: sheet.name, row, col }],
        actual: `=${clip(formula)}`,
      });
    }
  });
  for (const f of plausible) out.push(f);
  return out;
}

// A reference in a formula: optional sheet ('My sheet'! or Sheet1!), a cell, optionally ":" and a second cell.
const REF =
  /(?:('(?:[^']|'')+'|[^\s'!(),;=+\-*/&^<>"{}]+)!)?\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?(?![\w(])/gi;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/**
 * Whether a formula reads its own cell directly (=E10, =SUM(E5:E10) in E10, =Sheet!E10 on that sheet): Excel keeps the
 * last value it computed before it gave up, so the cached amount says nothing. Only direct self-references are seen;
 * a cycle through other cells would need the whole dependency graph. Text in quotes is skipped.
 */
export function refersToCell(formula: string, sheetName: string, row: number, col: number): boolean {
  const unquoted = formula.replace(/"[^"]*"/g, '""');
  for (const m of unquoted.matchAll(REF)) {
    const start = m.index ?? 0;
    // Part of a longer name (LOG10, A1B2): the character before must not be a word character.
    if (start > 0 && /[\w.$]/.test(unquoted[start - 1])) continue;
    if (m[1] !== undefined) {
      const name = m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
      if (name !== sheetName) continue;
    }
    const top = Number(m[3]) - 1;
    const left = columnNumber(m[2]);
    const bottom = m[5] !== undefined ? Number(m[5]) - 1 : top;
    const right = m[4] !== undefined ? columnNumber(m[4]) : left;
    if (row >= Math.min(top, bottom) && row <= Math.max(top, bottom) && col >= Math.min(left, right) && col <= Math.max(left, right))
      return true;
  }
  return false;
}
