/** Workbooks for the adapter tests, built in the fake Excel and as core grids. */
import type { CellRange } from "../../src/core/address";
import type { CheckResult, Finding } from "../../src/core/finding";
import { diffFindings } from "../../src/core/finding-delta";
import type { GridWorkbook } from "../../src/core/grid";
import { applyChange, type GridChange, type UpdateResult } from "../../src/core/session";
import { toA1 } from "../../src/core/address";
import { listRules } from "../../src/core/profiles";
import { FULL_CAPABILITIES, type Capabilities } from "../../src/excel/capabilities";
import type { CheckSessionLike } from "../../src/live/live-checker";
import { FakeExcel, key, type FakeCell, type Scalar } from "./fake-excel";
import { parseA1 } from "../../src/core/address";

/** A unit workbook: `sheets` tables of `rows` data rows × 6 columns (~50,000 cells at 12 × 600). */
export function typicalWorkbook(
  sheets = 12,
  rows = 40,
  options: ConstructorParameters<typeof FakeExcel>[0] = {},
): FakeExcel {
  const excel = new FakeExcel(options);
  for (let s = 0; s < sheets; s++) {
    const data: (Scalar | null | FakeCell)[][] = [
      [`表${s + 1} 一般公共预算支出表`, null, null, null, null, null],
      ["单位：万元", null, null, null, null, null],
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出", "备注"],
    ];
    for (let r = 0; r < rows; r++)
      data.push([
        String(2080501 + r),
        `项目${r}`,
        { value: 30 + r, formula: `=D${r + 4}+E${r + 4}`, numberFormat: "0.00" },
        { value: 10 + r, numberFormat: "0.00" },
        { value: 20, numberFormat: "0.00" },
        r === 3 ? { error: "#DIV/0!" } : null,
      ]);
    const sheet = excel.addSheet(`Sheet${s + 1}`, data);
    sheet.merges.push({ top: 0, left: 0, bottom: 0, right: 5 });
  }
  return excel;
}

/** Capabilities with some sets missing (degradation tests). */
export function caps(patch: Partial<Capabilities> = {}): Capabilities {
  return { ...FULL_CAPABILITIES, ...patch };
}

export function finding(
  sheet: string,
  address: string,
  severity: Finding["severity"] = "error",
  extra: Partial<Finding> = {},
): Finding {
  return {
    rule: "plausibility.negative",
    severity,
    message: `${address} 为负数`,
    messageEn: `${address} is negative`,
    cells: [{ sheet, ...parseA1(address) }],
    expected: "≥ 0",
    actual: "-1",
    ...extra,
  };
}

/**
 * `count` findings on distinct cells of the sheets' C and D columns. "runs": one severity per column, so marks merge
 * into long runs; "scattered": severities alternate cell by cell, the worst case for grouping (every run one cell).
 */
/** Seven distinct rule ids, for findings spread over several rules. */
const SEVEN_RULES = listRules().slice(0, 7).map((r) => r.id);

export function manyFindings(
  count: number,
  sheets: string[],
  rowsPerSheet: number,
  pattern: "runs" | "scattered" = "runs",
): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const sheet = sheets[i % sheets.length];
    const k = Math.floor(i / sheets.length);
    const col = 2 + (k % 2);
    const row = 3 + (Math.floor(k / 2) % rowsPerSheet);
    const severity =
      pattern === "runs" ? (col === 2 ? "error" : "warning") : (row + col) % 2 === 0 ? "error" : "warning";
    out.push(finding(sheet, toA1(row, col), severity, { rule: SEVEN_RULES[k % 7] }));
  }
  return out;
}

/**
 * The fake checker the live tests inject instead of the engine: each sheet's used block is one "table"; a finding for
 * every negative number. update() re-checks only the tables the change touches, as the incremental core will.
 */
export class NegativeCellsSession implements CheckSessionLike {
  /** Every change received, in order; `calls` counts update() calls (one per re-check burst). */
  updates: GridChange[] = [];
  calls = 0;
  private current: CheckResult;
  constructor(private readonly wb: GridWorkbook) {
    this.current = this.check(wb.sheets.map((s) => s.name));
  }
  result(): CheckResult {
    return this.current;
  }
  update(input: GridChange | readonly GridChange[]): UpdateResult {
    this.calls++;
    const changes: readonly GridChange[] = Array.isArray(input) ? input : [input as GridChange];
    const touched = new Set<string>();
    for (const change of changes) {
      this.updates.push(change);
      applyChange(this.wb, change);
      if (change.kind === "cells") touched.add(change.sheet);
      else if (change.kind === "sheet") touched.add(change.sheet.name);
      else if (change.kind === "sheet-renamed") touched.add(change.to);
    }
    const keep = this.current.findings.filter(
      (f) => !touched.has(f.cells[0].sheet) && this.wb.sheets.some((s) => s.name === f.cells[0].sheet),
    );
    const fresh = this.check([...touched]);
    const before = this.current.findings;
    const { findings, delta } = diffFindings(before, [...keep, ...fresh.findings]);
    this.current = { tables: this.tables(), findings };
    return { result: this.current, recheckedTables: fresh.tables.map((t) => `${t.sheet}!${t.range}`), delta };
  }
  private tables(): CheckResult["tables"] {
    return this.wb.sheets.map((s) => ({
      sheet: s.name,
      kind: "test",
      range: tableRange(s.values.length, Math.max(0, ...s.values.map((r) => r?.length ?? 0))),
      title: s.name,
    }));
  }
  private check(sheets: string[]): CheckResult {
    const findings: Finding[] = [];
    for (const s of this.wb.sheets.filter((x) => sheets.includes(x.name)))
      s.values.forEach((row, r) =>
        row?.forEach((v, c) => {
          if (typeof v === "number" && v < 0)
            findings.push(finding(s.name, toA1(r, c), "error", { actual: String(v) }));
        }),
      );
    return { tables: this.tables().filter((t) => sheets.includes(t.sheet)), findings };
  }
}

function tableRange(rows: number, cols: number): string {
  const r: CellRange = { top: 0, left: 0, bottom: Math.max(0, rows - 1), right: Math.max(0, cols - 1) };
  return `${toA1(r.top, r.left)}:${toA1(r.bottom, r.right)}`;
}

/** The same workbook as a fake Excel document (values, formulas, number formats, merges). */
export function fakeFromGrid(wb: GridWorkbook, options: ConstructorParameters<typeof FakeExcel>[0] = {}): FakeExcel {
  const excel = new FakeExcel(options);
  for (const s of wb.sheets) {
    const sheet = excel.addSheet(s.name);
    s.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        const formula = s.formulas?.[r]?.[c];
        const numberFormat = s.numberFormats?.[r]?.[c] ?? undefined;
        if (v === null && !formula) return;
        const cell: FakeCell = { numberFormat };
        if (typeof v === "object" && v !== null) cell.error = v.error;
        else if (v !== null) cell.value = v;
        if (formula) cell.formula = `=${formula}`;
        sheet.cells.set(key(r, c), cell);
      }),
    );
    sheet.merges = s.merges.map((m) => ({ ...m }));
  }
  return excel;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
