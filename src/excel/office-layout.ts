/**
 * A block's layout written through Office.js: formats queued with the block's own write (title, header, grid lines,
 * total rows; column widths and row heights only on a sheet of its own), and the print setup, which needs ExcelApi
 * 1.9, in a batch of its own that may fail without undoing the insert.
 */
import { columnWidthInPoints } from "../core/templates/column-width";
import type { BlockLayout } from "../host/host";

const GRID_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

export function queueBlockFormats(
  ws: Excel.Worksheet,
  at: { top: number; left: number },
  cols: number,
  layout: BlockLayout,
  ownSheet: boolean,
): void {
  const rows = (first: number, last: number) => ws.getRangeByIndexes(at.top + first, at.left, last - first + 1, cols);
  const { titleRow, headerRows: header, bodyRows: body, totalRows } = layout.regions;
  const title = rows(titleRow, titleRow).format;
  title.font.bold = true;
  title.font.size = 16;
  title.horizontalAlignment = "Center";
  title.verticalAlignment = "Center";
  const headings = rows(header.first, header.last).format;
  headings.font.bold = true;
  headings.horizontalAlignment = "Center";
  headings.verticalAlignment = "Center";
  headings.wrapText = true;
  const borders = rows(header.first, body.last).format.borders;
  for (const edge of GRID_EDGES) borders.getItem(edge).style = "Continuous";
  for (const r of totalRows) rows(r, r).format.font.bold = true;
  if (!ownSheet) return; // the user's own columns and rows keep their sizes
  layout.columnWidths.forEach((w, c) => {
    ws.getRangeByIndexes(0, at.left + c, 1, 1).format.columnWidth = columnWidthInPoints(w);
  });
  layout.rowHeights.forEach((h, r) => {
    if (h !== null) ws.getRangeByIndexes(at.top + r, 0, 1, 1).format.rowHeight = h;
  });
}

/** Queues the print setup of a sheet of its own; the caller syncs it apart (ExcelApi 1.9, best effort). */
export function queuePrintSetup(ws: Excel.Worksheet, at: { top: number; left: number }, rowCount: number, cols: number, layout: BlockLayout): void {
  const print = layout.print;
  const page = ws.pageLayout;
  page.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  // One page wide, as many pages tall as it takes (0 = automatic, as in the file format's fitToHeight).
  page.zoom = { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: 0 };
  page.setPrintTitleRows(`$${at.top + print.repeatRows.first + 1}:$${at.top + print.repeatRows.last + 1}`);
  page.setPrintArea(ws.getRangeByIndexes(at.top, at.left, rowCount, cols));
}
