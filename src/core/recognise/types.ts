/** What recognition says about a table: its kind, where it is, what each column and row means. */
import type { Classification } from "../codes/classify";
import type { CellRange, CellRef } from "../address";

export type TableKind =
  | "summary"
  | "revenue"
  | "expenditure"
  | "fiscal-summary"
  | "general-expenditure"
  | "basic-expenditure"
  | "fund-expenditure"
  | "state-capital-expenditure"
  | "three-public"
  | "economic-summary"
  | "project-expenditure"
  | FinalKind
  | "other";

/** The nine tables of a 部门决算 / 单位决算 (spec §6). */
export type FinalKind =
  | "final-summary"
  | "final-revenue"
  | "final-expenditure"
  | "final-fiscal-summary"
  | "final-general-expenditure"
  | "final-basic-expenditure"
  | "final-three-public"
  | "final-fund"
  | "final-state-capital";

export type { Classification };

export type ColumnRole = "index" | "code" | "unit-code" | "name" | "amount" | "text";

export type Side = "income" | "expenditure";

export interface RecognisedColumn {
  col: number;
  /** Normalised header labels from top to bottom (merged cells repeated once). */
  path: string[];
  /** Last label of the path. */
  label: string;
  role: ColumnRole;
  /** Two-sided tables (收支总表, 财政拨款收支总表): the side the column belongs to. */
  side?: Side;
  /** Code columns: which code system (0 = the table's primary code, 1 = a second one such as 政府经济分类). */
  codeGroup?: number;
  /** Code columns split into 类/款/项: the part this column holds. */
  codePart?: "class" | "section" | "item" | "full";
}

export interface CodeInfo {
  code: string;
  classification: Classification | null;
  /** 1 = 类, 2 = 款, 3 = 项, 4 = 目. */
  level: number;
  /** Columns that held the code (one, or several for split 类/款/项); shared by rows read alike, never changed. */
  cols: readonly number[];
  name?: string;
  nameCol?: number;
}

export type RowRole = "total" | "unit" | "code" | "item";

export interface RecognisedRow {
  row: number;
  role: RowRole;
  /** Name or label text as written. */
  label: string;
  labelCol?: number;
  code?: CodeInfo;
  /** A second code on the row (政府经济分类 next to 部门经济分类). */
  secondaryCode?: CodeInfo;
  /** Unit rows: the unit code, used for nesting (027 ⊃ 027001). */
  unitCode?: string;
  /** Index (in `rows`) of the row this one adds up into; undefined for top-level rows and total rows. */
  parent?: number;
  /** Tables printed as side-by-side panels (基本支出决算表): the panel (index in `panels`) the row belongs to. */
  panel?: number;
}

/** One panel of a side-by-side table: its code, name and amount columns. */
export interface TablePanel {
  codeCol: number;
  nameCol?: number;
  amountCols: number[];
}

/** One side of a two-sided table: its label column, amount columns and labelled rows. */
export interface SideRows {
  side: Side;
  labelCol: number;
  amountCols: number[];
  rows: Array<{ row: number; label: string }>;
}

export interface RecognisedTable {
  id: string;
  sheet: string;
  kind: TableKind;
  title: string;
  /** Whole table, title to last body row. */
  range: CellRange;
  headerRows: number[];
  /** Rows of the body (data rows, blank rows inside and repeated page headers excluded). */
  bodyRange: { top: number; bottom: number };
  /** Rows skipped as repeated page headers/titles inside the body. */
  repeatedHeaderRows: number[];
  year?: number;
  /** "万元" or "元" as stated in the unit line. */
  unit?: string;
  /** Decimals the amount cells display (number format: "#,##0" → 0), where the formats say; the fewest found. */
  decimals?: number;
  unitName?: string;
  columns: RecognisedColumn[];
  rows: RecognisedRow[];
  /** Two-sided tables only. */
  sides?: SideRows[];
  /** Side-by-side panels (基本支出决算表: 301/303 left, 302/310 right); rows then carry `panel`. */
  panels?: TablePanel[];
  /** Three-public tables whose items are columns (Henan style) rather than rows. */
  itemsAsColumns?: boolean;
  /** The table carries an "空表列示"/"无数据" statement, or has no data rows. */
  empty: boolean;
  emptyStatement?: string;
  /** Cells (on `sheet`) the title, year, unit of measure, unit name and empty statement were read from, where
   * found; document-level findings name them. */
  titleCell?: CellRef;
  yearCell?: CellRef;
  unitCell?: CellRef;
  unitNameCell?: CellRef;
  emptyStatementCell?: CellRef;
  /** The sheet is hidden (or very hidden) in Excel: the table is checked as usual, and listed as hidden. */
  hidden?: boolean;
}
