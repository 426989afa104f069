/**
 * A live check session: holds the workbook grid, the recognised tables and the findings, and re-checks only what an
 * edit affects. The Excel adapter and the in-memory host drive it; the CLI uses checkWorkbook directly.
 */
import type { CellRange } from "./address";
import type { CellValue, GridSheet, GridWorkbook } from "./grid";
import type { CheckResult } from "./finding";
import { checkWorkbook, type CheckOptions } from "./engine";

export type GridChange =
  /** New contents of a rectangular block of one sheet (values required; formulas/texts/numberFormats if read). */
  | {
      kind: "cells";
      sheet: string;
      range: CellRange;
      values: CellValue[][];
      formulas?: (string | null)[][];
      numberFormats?: (string | null)[][];
    }
  /** A whole sheet replaced or added (structure changes: rows inserted/deleted, merges changed). */
  | { kind: "sheet"; sheet: GridSheet }
  | { kind: "sheet-deleted"; name: string }
  | { kind: "sheet-renamed"; from: string; to: string };

export interface UpdateResult {
  result: CheckResult;
  /** "sheet!range" of each table that was re-recognised or re-checked by this update (for tests and the pane). */
  recheckedTables: string[];
}

export class CheckSession {
  private current: CheckResult;
  constructor(
    private readonly workbook: GridWorkbook,
    private readonly options: CheckOptions = {},
  ) {
    this.current = checkWorkbook(workbook, options);
  }

  result(): CheckResult {
    return this.current;
  }

  get grid(): GridWorkbook {
    return this.workbook;
  }

  update(change: GridChange): UpdateResult {
    applyChange(this.workbook, change);
    // Interim: full re-check. Replaced by table-scoped incremental re-check in the engine.
    this.current = checkWorkbook(this.workbook, this.options);
    return { result: this.current, recheckedTables: this.current.tables.map((t) => `${t.sheet}!${t.range}`) };
  }
}

export function applyChange(wb: GridWorkbook, change: GridChange): void {
  switch (change.kind) {
    case "sheet": {
      const i = wb.sheets.findIndex((s) => s.name === change.sheet.name);
      if (i >= 0) wb.sheets[i] = change.sheet;
      else wb.sheets.push(change.sheet);
      return;
    }
    case "sheet-deleted":
      wb.sheets = wb.sheets.filter((s) => s.name !== change.name);
      return;
    case "sheet-renamed": {
      const s = wb.sheets.find((x) => x.name === change.from);
      if (s) s.name = change.to;
      return;
    }
    case "cells": {
      const sheet = wb.sheets.find((s) => s.name === change.sheet);
      if (!sheet) return;
      const { range } = change;
      for (let r = range.top; r <= range.bottom; r++) {
        const i = r - range.top;
        for (let c = range.left; c <= range.right; c++) {
          const j = c - range.left;
          (sheet.values[r] ??= [])[c] = change.values[i]?.[j] ?? null;
          if (change.formulas) ((sheet.formulas ??= [])[r] ??= [])[c] = change.formulas[i]?.[j] ?? null;
          if (change.numberFormats) ((sheet.numberFormats ??= [])[r] ??= [])[c] = change.numberFormats[i]?.[j] ?? null;
        }
      }
      if (sheet.rowCount !== undefined && range.bottom + 1 > sheet.rowCount) sheet.rowCount = range.bottom + 1;
      if (sheet.colCount !== undefined && range.right + 1 > sheet.colCount) sheet.colCount = range.right + 1;
      return;
    }
  }
}
