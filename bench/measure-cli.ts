/**
 * The CLI path on a file: exceljs load alone vs what `npm run check` does (readXlsxFile, then checkWorkbook with the
 * bundled catalogue), with the conversion to the grid and the check timed apart.
 */
import { promises as fs } from "node:fs";
import ExcelJS from "exceljs";
import { excelWorkbookToGrid, readXlsxFile } from "../src/cli/xlsx-grid";
import { getCatalogueSync } from "../src/core/catalogue/sync";
import { checkWorkbook } from "../src/core/engine";
import { time, type Timing } from "./timing";

export interface CliResult {
  /** fs.readFile + exceljs load: the baseline. */
  load: Timing;
  /** readXlsxFile (load + grid conversion) + checkWorkbook with the catalogue, as the CLI runs it. */
  loadAndCheck: Timing;
  /** Medians of the parts: exceljs load, grid conversion, check with the catalogue. */
  split: { loadMs: number; toGridMs: number; checkMs: number };
  findings: number;
}

async function exceljsLoad(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fs.readFile(file)) as unknown as ExcelJS.Buffer);
  return wb;
}

export async function measureCli(file: string, reps: number, warmup: number): Promise<CliResult> {
  const catalogue = getCatalogueSync();
  let findings = 0;
  const load = await time(() => exceljsLoad(file), reps, warmup);
  const loadAndCheck = await time(async () => {
    const grid = await readXlsxFile(file);
    findings = checkWorkbook(grid, { catalogue }).findings.length;
  }, reps, warmup);
  // The splits, each its own median: conversion of one loaded workbook, check of one converted grid.
  const wb = await exceljsLoad(file);
  const toGrid = await time(() => excelWorkbookToGrid(wb, file), reps, warmup);
  const grid = excelWorkbookToGrid(wb, file);
  const check = await time(() => checkWorkbook(grid, { catalogue }), reps, warmup);
  return { load, loadAndCheck, split: { loadMs: load.median, toGridMs: toGrid.median, checkMs: check.median }, findings };
}
