/**
 * Deterministic generator of valid, internally consistent budget workbooks (the nine Hebei-layout tables of a
 * consolidated 单位预算: many units, each with its own 类/款/项 and 部门经济分类 rows), scaled by row count.
 *
 *   npx tsx bench/generate.ts [rows …]     writes bench/out/budget-<rows>.xlsx (default 1000 10000 100000)
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { GridWorkbook } from "../src/core/grid";
import { gridToXlsx } from "../test/helpers/grid-to-xlsx";
import { FAMILY_ITEMS, PERSONNEL_ITEMS, PUBLIC_USE_ITEMS, ECONOMIC_CLASSES, functionClasses, type CodeName } from "./codes";
import { Prng } from "./prng";
import {
  basicExpenditureSheet,
  emptyFundSheet,
  expenditureSheet,
  fiscalSummarySheet,
  generalExpenditureSheet,
  revenueSheet,
  summarySheet,
  threePublicSheet,
  type WorkbookModel,
} from "./tables";
import { generateUnit, type UnitModel } from "./unit-model";

export const DEFAULT_SIZES = [1_000, 10_000, 100_000];
export const OUT_DIR = path.join(__dirname, "out");
const SEED = 20231123;

/** Rows one unit adds to the workbook: its row and 类/款/项 rows in three function tables, its 基本支出表 rows. */
function rowsOfUnit(u: UnitModel): number {
  const fn = new Set<string>();
  for (const l of u.leaves) for (const n of [3, 5, 7]) fn.add(l.code.slice(0, n));
  const econ = new Set<string>();
  for (const c of u.economic.keys()) econ.add(c).add(c.slice(0, 3));
  return 3 * (1 + fn.size) + 1 + econ.size;
}

/** Fixed rows: titles, unit lines, headers, 栏次, 合计 rows, and the two-sided, 三公 and empty tables. */
const FIXED_ROWS = 5 * 6 + 1 * 4 + 39 + 42 + 16 + 6 + 6;

export function generateModel(targetRows: number, seed = SEED): WorkbookModel {
  const p = new Prng(seed);
  const classes = functionClasses();
  const names = new Map<string, CodeName>();
  for (const c of classes) {
    names.set(c.code, c);
    for (const s of c.sections) {
      names.set(s.code, s);
      for (const i of s.items) names.set(i.code, i);
    }
  }
  for (const e of [...PERSONNEL_ITEMS, ...PUBLIC_USE_ITEMS, ...FAMILY_ITEMS]) names.set(e.code, e);
  for (const [code, name] of Object.entries(ECONOMIC_CLASSES)) names.set(code, { code, name });
  const units: UnitModel[] = [];
  let rows = FIXED_ROWS;
  while (rows < targetRows || units.length === 0) {
    const u = generateUnit(p, units.length, classes, names);
    units.push(u);
    rows += rowsOfUnit(u);
  }
  return { owner: "河北省预算单位汇总（基准测试生成）", units, names };
}

export function workbookOf(model: WorkbookModel, name: string): GridWorkbook {
  return {
    name,
    sheets: [
      summarySheet(model),
      revenueSheet(model),
      expenditureSheet(model),
      fiscalSummarySheet(model),
      generalExpenditureSheet(model),
      basicExpenditureSheet(model),
      emptyFundSheet("政府性基金支出表", "单位预算政府基金预算财政拨款支出表", "注：无政府基金预算财政拨款预算，空表列示。", model.owner),
      emptyFundSheet("国有资本经营支出表", "单位预算国有资本经营预算财政拨款支出表", "注：无国有资本经营预算财政拨款预算，空表列示。", model.owner),
      threePublicSheet(model),
    ],
  };
}

/** The grid of a generated workbook of about `targetRows` rows (all sheets together). */
export function generateWorkbook(targetRows: number, seed = SEED): GridWorkbook {
  return workbookOf(generateModel(targetRows, seed), `budget-${targetRows}.xlsx`);
}

export function totalRows(wb: GridWorkbook): number {
  return wb.sheets.reduce((n, s) => n + (s.rowCount ?? s.values.length), 0);
}

export function outputPath(targetRows: number): string {
  return path.join(OUT_DIR, `budget-${targetRows}.xlsx`);
}

/** Generates and writes one workbook; returns its path and size. */
export async function writeWorkbook(targetRows: number): Promise<{ file: string; rows: number; units: number; bytes: number }> {
  const model = generateModel(targetRows);
  const grid = workbookOf(model, `budget-${targetRows}.xlsx`);
  const data = await gridToXlsx(grid);
  await fs.mkdir(OUT_DIR, { recursive: true });
  const file = outputPath(targetRows);
  await fs.writeFile(file, data);
  return { file, rows: totalRows(grid), units: model.units.length, bytes: data.length };
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  for (const size of sizes.length ? sizes : DEFAULT_SIZES) {
    const t0 = Date.now();
    const r = await writeWorkbook(size);
    console.log(`${r.file}: ${r.rows} rows, ${r.units} units, ${(r.bytes / 1024).toFixed(0)} KiB, ${Date.now() - t0} ms`);
  }
}

// Run as a script (tsx bench/generate.ts), not when imported by run.ts or the tests.
if (process.argv[1] && /generate\.ts$/.test(process.argv[1])) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
