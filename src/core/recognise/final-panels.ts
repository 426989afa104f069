/**
 * Side-by-side panels (the 基本支出决算表: 301/303 in the left panel, 302/310 in the right one, a third panel in the
 * Ministry's 公开06表): each panel has its own code, name and amount columns, and a row of the sheet holds one line
 * of each panel. Rows are read panel by panel and linked 类 → 款 by code prefix across the whole table (a class may
 * continue in the next panel); the last line's 人员经费合计 / 公用经费合计 are total rows of their panels.
 */
import { classCodeOf } from "../codes/classify";
import { cellText, cellValue, type GridSheet } from "../grid";
import { amountKind } from "../money";
import { codeDigits, normaliseLabel } from "../text";
import { isComparisonLabel } from "./columns";
import type { Segment } from "./segment";
import type { CodeInfo, RecognisedColumn, RecognisedRow, TablePanel } from "./types";

/** Panels from the columns: each whole-code column starts one; its name column and amount columns follow it. */
export function findPanels(columns: RecognisedColumn[]): TablePanel[] {
  const panels: TablePanel[] = [];
  const comparison: number[][] = [];
  for (const c of columns) {
    if (c.role === "code" && (c.codePart === "full" || c.codePart === "class")) panels.push({ codeCol: c.col, amountCols: [] });
    const p = panels[panels.length - 1];
    if (!p) continue;
    if (c.role === "name" && p.nameCol === undefined) p.nameCol = c.col;
    else if (c.role === "amount") (c.path.some(isComparisonLabel) ? (comparison[panels.length - 1] ??= []) : p.amountCols).push(c.col);
  }
  // This year's 决算数 first (panelAmountCol reads it), a 上年决算数 beside it after.
  panels.forEach((p, i) => p.amountCols.push(...(comparison[i] ?? [])));
  return panels.length >= 2 && panels.every((p) => p.amountCols.length > 0) ? panels : [];
}

const PANEL_TOTAL = /^(人员经费|公用经费)?(合计|总计)$/;

export function readPanelRows(sheet: GridSheet, seg: Segment, panels: TablePanel[]): RecognisedRow[] {
  const rows: RecognisedRow[] = [];
  // A total label merged across panels ("公用经费合计" over D:H, its amount in I) belongs to the panel whose amount
  // column follows the merge; that panel's line on the row is then taken.
  const taken = new Set<string>();
  const rightEdge = (row: number, col: number) => sheet.merges.find((m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right)?.right ?? col;
  // Panel by panel (not line by line), so each panel's rows are in reading order: the catalogue rules find a 款's
  // 类 as the nearest class row above it.
  panels.forEach((p, panel) => {
    for (const r of seg.bodyRows) {
      if (taken.has(`${r}:${panel}`)) continue;
      const codeText = cellText(sheet, r, p.codeCol);
      const name = p.nameCol === undefined ? "" : cellText(sheet, r, p.nameCol);
      const digits = codeDigits(codeText);
      const hasAmount = p.amountCols.some((c) => amountKind(cellValue(sheet, r, c)) !== "empty");
      if (digits && /^3\d\d(\d\d)?$/.test(digits)) {
        const code: CodeInfo = { code: digits, classification: "dept-economic", level: (digits.length - 1) / 2, cols: [p.codeCol], name: name || undefined, nameCol: p.nameCol };
        rows.push({ row: r, role: "code", label: name, labelCol: p.nameCol, code, panel });
        continue;
      }
      // The total label sits in the code cell (merged over the name) or in the name cell.
      const label = codeText || name;
      const labelCol = codeText ? p.codeCol : p.nameCol;
      if (PANEL_TOTAL.test(normaliseLabel(label)) && labelCol !== undefined) {
        const edge = rightEdge(r, labelCol);
        let owner = panels.findIndex((q, i) => i >= panel && q.amountCols[0] > edge);
        if (owner < 0) owner = panel;
        for (let i = panel + 1; i <= owner; i++) taken.add(`${r}:${i}`);
        rows.push({ row: r, role: "total", label, labelCol, panel: owner });
      }
      else if (label || hasAmount) rows.push({ row: r, role: "item", label, labelCol, panel });
    }
  });
  linkByPrefix(rows);
  return rows;
}

/** 款 → its 类 by code prefix, across panels. */
function linkByPrefix(rows: RecognisedRow[]): void {
  const classes = new Map<string, number>();
  rows.forEach((row, i) => {
    if (row.role === "code" && row.code!.level === 1) classes.set(row.code!.code, i);
  });
  for (const row of rows) {
    if (row.role !== "code" || row.code!.level === 1) continue;
    const p = classes.get(classCodeOf(row.code!.code));
    if (p !== undefined) row.parent = p;
  }
}

/** The amount column of a panelled row (its panel's first amount column). */
export function panelAmountCol(panels: readonly TablePanel[], row: RecognisedRow): number | undefined {
  return row.panel === undefined ? undefined : panels[row.panel]?.amountCols[0];
}
