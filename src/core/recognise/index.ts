/** Recognition entry points: sheet → tables, workbook → tables. */
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
