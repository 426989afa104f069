/**
 * The body of list-shaped tables (coded tables, 项目支出表): a 合计 row on top, then `dataRows` empty rows the unit
 * fills. Row totals are guarded sums (blank until the row has an amount); the 合计 row's formula is the caller's.
 */
import { AMOUNT_FORMAT } from "./block-builder";
import { rowRanges, type FormulaSpec } from "./formula";
import { closeFrame, type Frame } from "./frame";
import type { TemplateBlock, TemplateOptions } from "./types";

export const DEFAULT_DATA_ROWS = 8;

/** The 合计 row's formula in an amount column, given the data rows first..last. */
export type TotalFormula = (first: number, last: number, col: number) => FormulaSpec;

/** Writes the 合计 row (label, formulas from `total`) and the numbered empty rows, then closes the frame. */
export function fillListTable(
  frame: Frame,
  labelCol: number,
  options: TemplateOptions,
  total: TotalFormula,
  formatRow: (row: number) => void = () => undefined,
): TemplateBlock {
  const { b, header } = frame;
  const rows = options.dataRows ?? DEFAULT_DATA_ROWS;
  const totalRow = frame.bodyStart;
  const first = totalRow + 1;
  const last = totalRow + rows;
  const index = header.leaves.find((l) => l.role === "index");
  const amounts = header.leaves.filter((l) => l.role === "amount");
  if (index) b.set(totalRow, index.col, 1);
  b.set(totalRow, labelCol, "合计");
  for (const a of amounts) b.formula(totalRow, a.col, total(first, last, a.col));
  const rowTotals = new Set(header.rowSums.map((s) => s.total));
  for (let r = first; r <= last; r++) {
    if (index) b.set(r, index.col, r - totalRow + 1);
    formatRow(r);
    for (const a of amounts) if (!rowTotals.has(a.col)) b.format(r, a.col, AMOUNT_FORMAT);
    for (const s of header.rowSums) b.formula(r, s.total, { op: "sum-if-any", ranges: rowRanges(r, s.terms) });
  }
  return closeFrame(frame, [totalRow]);
}
