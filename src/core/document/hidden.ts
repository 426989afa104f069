/**
 * document.hidden-sheet (info): a table on a hidden sheet is checked like any other, and said to be hidden — its
 * findings point at cells the user cannot see until the sheet is unhidden.
 */
import type { Finding } from "../finding";
import type { GridWorkbook } from "../grid";
import type { RecognisedTable } from "../recognise/types";
import { tableCell, tableLabel } from "./cells";

export function hiddenSheetFindings(tables: RecognisedTable[], workbook: GridWorkbook): Finding[] {
  const hidden = new Map(workbook.sheets.filter((s) => s.state === "hidden" || s.state === "veryHidden").map((s) => [s.name, s.state]));
  if (hidden.size === 0) return [];
  return tables
    .filter((t) => hidden.has(t.sheet))
    .map((t) => ({
      rule: "document.hidden-sheet",
      severity: "info" as const,
      message: `${tableLabel(t)}所在的工作表是隐藏的${hidden.get(t.sheet) === "veryHidden" ? "（深度隐藏）" : ""}；已照常检查，取消隐藏后可查看。`,
      messageEn: `${t.sheet} ("${t.title}") is on a hidden sheet${hidden.get(t.sheet) === "veryHidden" ? " (very hidden)" : ""}; it was checked as usual, unhide the sheet to see it.`,
      cells: [tableCell(t)],
      actual: hidden.get(t.sheet),
    }));
}
