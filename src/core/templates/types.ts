/** What a template is: a block of cells (values, formulas, formats, merges) ready to be placed on a sheet. */
import type { CellRange } from "../address";
import type { CellValue } from "../grid";
import type { FinalKind, TableKind } from "../recognise/types";
import type { FormulaSpec } from "./formula";

/** The 预算 tables; the 决算 tables have their own builder (final-templates.ts). */
export type TemplateKind = Exclude<TableKind, "other" | FinalKind>;

/** Any kind a template block may be of: a 预算 table or a 决算 one. */
export type BlockKind = TemplateKind | FinalKind;

/** "unit": 单位预算 (Hebei layout, one code column); "department": 部门预算 (codes split into 类/款/项 columns). */
export type TemplateStyle = "unit" | "department";

export type Measure = "万元" | "元";

export interface TemplateOptions {
  year: number;
  unitName: string;
  /** Printed before the unit name on the unit line in the unit style ("323003秦皇岛…"). */
  unitCode?: string;
  measure: Measure;
  style?: TemplateStyle;
  /** Empty code rows under the 合计 row of coded tables (default 8). */
  dataRows?: number;
}

/** Rows of a block with a role the pane styles differently (block-relative, inclusive). */
export interface TemplateRegions {
  titleRow: number;
  unitRow: number;
  headerRows: { first: number; last: number };
  /** The 栏次 row, where the layout has one. */
  lanciRow?: number;
  bodyRows: { first: number; last: number };
  /** Rows whose amounts are formulas (合计, 小计, 总计 …): bold in print, not for typing. */
  totalRows: number[];
  /** The "注：…空表列示" line of tables that are often empty; to be deleted once the table has data. */
  statementRow?: number;
}

export interface PrintHints {
  orientation: "portrait" | "landscape";
  /** Fit all columns on one page width. */
  fitToPagesWide: 1;
  /** Header rows to repeat on every printed page (block-relative). */
  repeatRows: { first: number; last: number };
}

export interface TemplateBlock {
  kind: BlockKind;
  style: TemplateStyle;
  title: string;
  rowCount: number;
  colCount: number;
  /** values[row][col], block-relative; formula cells hold the value Excel computes for the empty table. */
  values: CellValue[][];
  /** Formula text without the leading "=" (as in GridSheet), rendered for the block placed at A1. */
  formulas: (string | null)[][];
  /** The same formulas as block-relative specs: placeTemplate renders them for any origin. */
  formulaSpecs: (FormulaSpec | null)[][];
  numberFormats: (string | null)[][];
  /** Block-relative merged areas. */
  merges: CellRange[];
  /** Excel column widths (characters), one per column. */
  columnWidths: number[];
  /** Row heights in points, one per row (null = default height). */
  rowHeights: (number | null)[];
  regions: TemplateRegions;
  print: PrintHints;
}

export interface PlacedTemplate {
  kind: BlockKind;
  title: string;
  sheetName: string;
  origin: { row: number; col: number };
  /** Absolute range the block occupies (0-based). */
  range: CellRange;
  /** Same shape as the block; cell [i][j] goes to (origin.row + i, origin.col + j). */
  values: CellValue[][];
  /** Formulas with absolute sheet addresses, without the leading "=". */
  formulas: (string | null)[][];
  numberFormats: (string | null)[][];
  /** Absolute merged areas. */
  merges: CellRange[];
  columnWidths: Array<{ col: number; width: number }>;
  rowHeights: Array<{ row: number; height: number }>;
  regions: TemplateRegions;
  print: PrintHints & { area: string; titleRows: string };
}
