/**
 * The CLI path on a file: exceljs load alone vs what `npm run check` does (readXlsxFile, then checkWorkbook with the
 * bundled catalogue), timed alternately; the conversion to the grid is timed apart.
 */
import { promises as fs } from "node:fs";
import ExcelJS from "exceljs";
import { excelWorkbookToGrid, readXlsxFile } from "../src/cli/xlsx-grid";
import { getCatalogueSync } from "../src/core/catalogue/sync";
import { checkWorkbook } from "../src/core/engine";
import { time, timePaired, type Timing } from "./timing";

export interface CliResult {
  /** fs.readFile + exceljs load: the baseline. */
  load: Timing;
  /** readXlsxFile (load + grid conversion) + checkWorkbook with the catalogue, as the CLI runs it. */
  loadAndCheck: Timing;
  /** Per-pair ratio loadAndCheck ÷ load (runs alternate, so both see the same machine load). */
  ratio: Timing;
  /** Grid conversion of one loaded workbook (median). */
  toGridMs: number;
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
  const paired = await timePaired(
    () => exceljsLoad(file),
    async () => {
      const grid = await readXlsxFile(file);
      findings = checkWorkbook(grid, { catalogue }).findings.length;
    },
    reps,
    warmup,
  );
  const wb = await exceljsLoad(file);
  const toGrid = await time(() => excelWorkbookToGrid(wb, file), reps, warmup);
  return { load: paired.a, loadAndCheck: paired.b, ratio: paired.ratio, toGridMs: toGrid.median, findings };
}
