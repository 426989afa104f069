/** Recognition entry points: sheet → tables, workbook → tables. */
import { rangeToA1 } from "../address";
import type { TableSummary } from "../finding";
import { MergeIndex, type GridSheet, type GridWorkbook } from "../grid";
import { segmentSheet } from "./segment";
import { recogniseSegment } from "./table";
import type { RecognisedTable } from "./types";

export * from "./types";

export function recogniseSheet(sheet: GridSheet): RecognisedTable[] {
  const merges = new MergeIndex(sheet);
  return segmentSheet(sheet).map((seg, i) => recogniseSegment(sheet, merges, seg, i));
}

export function recogniseWorkbook(wb: GridWorkbook): RecognisedTable[] {
  return wb.sheets.flatMap((s) => recogniseSheet(s));
}

export function tableSummary(t: RecognisedTable): TableSummary {
  const summary: TableSummary = { sheet: t.sheet, kind: t.kind, range: rangeToA1(t.range), title: t.title };
  // The pane takes its default year and unit name from the workbook (not the clock) when the user has set none.
  if (t.year !== undefined) summary.year = t.year;
  if (t.unitName) summary.unitName = t.unitName;
  return summary;
}
