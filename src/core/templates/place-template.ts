/** Puts a block at an origin on a sheet: formulas re-rendered for that origin, merges and regions shifted. */
import { rangeToA1, type CellRange } from "../address";
import type { GridSheet } from "../grid";
import { renderFormula, shiftRange } from "./formula";
import type { PlacedTemplate, TemplateBlock } from "./types";

export function placeTemplate(block: TemplateBlock, origin: { row: number; col: number }, sheetName: string): PlacedTemplate {
  if (origin.row < 0 || origin.col < 0) throw new RangeError(`Origin outside the sheet: ${origin.row},${origin.col}`);
  const shiftRow = (r: number) => r + origin.row;
  const range: CellRange = {
    top: origin.row,
    left: origin.col,
    bottom: origin.row + block.rowCount - 1,
    right: origin.col + block.colCount - 1,
  };
  const { regions } = block;
  const repeat = block.print.repeatRows;
  return {
    kind: block.kind,
    title: block.title,
    sheetName,
    origin: { ...origin },
    range,
    values: block.values.map((row) => [...row]),
    formulas: block.formulaSpecs.map((row) => row.map((spec) => (spec ? renderFormula(spec, origin) : null))),
    numberFormats: block.numberFormats.map((row) => [...row]),
    merges: block.merges.map((m) => shiftRange(m, origin.row, origin.col)),
    columnWidths: block.columnWidths.map((width, i) => ({ col: origin.col + i, width })),
    rowHeights: block.rowHeights.flatMap((h, i) => (h === null ? [] : [{ row: origin.row + i, height: h }])),
    regions: {
      titleRow: shiftRow(regions.titleRow),
      unitRow: shiftRow(regions.unitRow),
      headerRows: { first: shiftRow(regions.headerRows.first), last: shiftRow(regions.headerRows.last) },
      lanciRow: regions.lanciRow === undefined ? undefined : shiftRow(regions.lanciRow),
      bodyRows: { first: shiftRow(regions.bodyRows.first), last: shiftRow(regions.bodyRows.last) },
      totalRows: regions.totalRows.map(shiftRow),
      statementRow: regions.statementRow === undefined ? undefined : shiftRow(regions.statementRow),
    },
    print: {
      ...block.print,
      repeatRows: { first: shiftRow(repeat.first), last: shiftRow(repeat.last) },
      area: rangeToA1(range),
      titleRows: `$${shiftRow(repeat.first) + 1}:$${shiftRow(repeat.last) + 1}`,
    },
  };
}

/** True when every cell the placed block would cover is empty on the sheet (the pane never writes over data). */
export function placementIsFree(sheet: GridSheet, placed: PlacedTemplate): boolean {
  const { range } = placed;
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) {
      const v = sheet.values[r]?.[c];
      if (v !== null && v !== undefined && v !== "") return false;
      if (sheet.formulas?.[r]?.[c]) return false;
    }
  }
  return !sheet.merges.some((m) => m.left <= range.right && range.left <= m.right && m.top <= range.bottom && range.top <= m.bottom);
}

/** Writes a placed block into a grid sheet (values, formulas, formats, merges); pure, for the preview and tests. */
export function writePlacedTemplate(sheet: GridSheet, placed: PlacedTemplate): void {
  const { origin } = placed;
  placed.values.forEach((row, i) => {
    const r = origin.row + i;
    row.forEach((v, j) => {
      const c = origin.col + j;
      (sheet.values[r] ??= [])[c] = v;
      ((sheet.formulas ??= [])[r] ??= [])[c] = placed.formulas[i][j];
      ((sheet.numberFormats ??= [])[r] ??= [])[c] = placed.numberFormats[i][j];
    });
  });
  sheet.merges.push(...placed.merges.map((m) => ({ ...m })));
  if (sheet.rowCount !== undefined) sheet.rowCount = Math.max(sheet.rowCount, placed.range.bottom + 1);
  if (sheet.colCount !== undefined) sheet.colCount = Math.max(sheet.colCount, placed.range.right + 1);
}
