/**
 * Peer baseline: HyperFormula evaluating the checker's own identities written as spreadsheet formulas, one
 * `=ABS(SUM(left)-SUM(right))<0.005` per identity on a "Checks" sheet, over a workbook loaded with the same values.
 * HyperFormula is used under its GPLv3 licence (licenseKey "gpl-v3"), in this dev-only benchmark; it is not shipped.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { columnLetters } from "../src/core/address";
import { identitiesFor, recogniseAll } from "../src/core/engine";
import { isErrorValue, type GridWorkbook } from "../src/core/grid";
import type { CellKey, Identity } from "../src/core/rules/identity";
import { collectGarbage, nowMs, summarise, type Timing } from "./timing";

const CHECKS = "Checks";
// Excel's own row limit (HyperFormula defaults to 40,000): one check per row needs up to ~400,000 rows at 100k.
const CONFIG = { licenseKey: "gpl-v3", maxRows: 1_048_576 };

/** References of a side, consecutive rows of one column merged into a range: 'Sheet'!C5:C9. */
export function refs(cells: CellKey[]): string {
  const sorted = [...cells].sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.col - b.col || a.row - b.row));
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    const c = sorted[i];
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].sheet === c.sheet && sorted[j + 1].col === c.col && sorted[j + 1].row === sorted[j].row + 1) j++;
    const from = `${columnLetters(c.col)}${c.row + 1}`;
    const to = `${columnLetters(c.col)}${sorted[j].row + 1}`;
    out.push(`'${c.sheet}'!${from}${j > i ? `:${to}` : ""}`);
    i = j + 1;
  }
  return out.join(",");
}

export function checkFormula(id: Identity): string {
  const side = (cells: CellKey[]) => (cells.length ? `SUM(${refs(cells)})` : "0");
  return id.comparator === "le"
    ? `=${side(id.left)}-${side(id.right)}<0.005`
    : `=ABS(${side(id.left)}-${side(id.right)})<0.005`;
}

function sheetsFor(wb: GridWorkbook, formulas: string[]): Record<string, RawCellContent[][]> {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const s of wb.sheets) sheets[s.name] = s.values.map((r) => r.map((v) => (isErrorValue(v) ? v.error : v)));
  sheets[CHECKS] = formulas.map((f) => [f]);
  return sheets;
}

export interface HyperFormulaResult {
  formulas: number;
  /** Building the formula strings from the identities (not part of either engine's time). */
  formulaTextMs: number;
  /** buildFromSheets with values + check formulas (parses, builds the dependency graph, evaluates) and reading them. */
  build: Timing;
  /** The checker's full check on the same grid (recognition included), from the core measures. */
  checker: Timing;
  failedChecks: number;
  /** setCellContents of one amount cell (dependents recomputed), median over the edits. */
  edit: Timing;
  /** Peak-ish heap after the build, MB. */
  heapMb: number;
}

/**
 * `warmup` + `reps` HyperFormula builds; the last instance serves the edits. `checker` is the core full-check timing
 * of the same grid (measured on a clean heap before HyperFormula's ~GBs are allocated).
 * At 100k rows one build takes tens of seconds and ~2.5 GB, so the run uses reps = 1 and no warm-up there.
 */
export async function measureHyperFormula(wb: GridWorkbook, reps: number, warmup: number, editCells: CellKey[], checker: Timing): Promise<HyperFormulaResult> {
  let t = nowMs();
  const ids = identitiesFor(recogniseAll(wb));
  const formulas = ids.map(checkFormula);
  const formulaTextMs = nowMs() - t;
  const samples: number[] = [];
  let failedChecks = 0;
  let hf: HyperFormula | undefined;
  for (let i = 0; i < warmup + reps; i++) {
    hf?.destroy();
    hf = undefined;
    collectGarbage();
    t = nowMs();
    hf = HyperFormula.buildFromSheets(sheetsFor(wb, formulas), CONFIG);
    const values = hf.getSheetValues(hf.getSheetId(CHECKS)!);
    failedChecks = values.filter((r) => r[0] !== true).length;
    if (i >= warmup) samples.push(nowMs() - t);
  }
  const heapMb = process.memoryUsage().heapUsed / 1e6;
  const edits: number[] = [];
  for (const c of editCells) {
    const sheet = hf!.getSheetId(c.sheet)!;
    const old = hf!.getCellValue({ sheet, row: c.row, col: c.col }) as number;
    t = nowMs();
    hf!.setCellContents({ sheet, row: c.row, col: c.col }, [[Math.round((old + 0.01) * 100) / 100]]);
    edits.push(nowMs() - t);
    hf!.setCellContents({ sheet, row: c.row, col: c.col }, [[old]]);
  }
  hf!.destroy();
  return { formulas: formulas.length, formulaTextMs, build: summarise(samples), checker, failedChecks, edit: summarise(edits), heapMb };
}
