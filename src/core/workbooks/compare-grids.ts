/**
 * The pane's "Compare with another workbook…": the open workbook and the files the user picked, as grids, through
 * the same extracts and rules as the CLI's batch.
 */
import { recogniseAll } from "../engine";
import type { Finding } from "../finding";
import type { GridWorkbook } from "../grid";
import { extractWorkbook } from "./extract";
import { workbookFindings, type WorkbookRuleOptions } from "./index";

export interface NamedGrid {
  /** How findings name the workbook (cells' `file`). */
  file: string;
  grid: GridWorkbook;
}

export function compareGrids(current: NamedGrid, others: readonly NamedGrid[], options: WorkbookRuleOptions = {}): Finding[] {
  const entries = [current, ...others].map((g) => ({ file: g.file, workbook: extractWorkbook(g.grid, recogniseAll(g.grid)) }));
  return workbookFindings(entries, options);
}
