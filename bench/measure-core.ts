/**
 * Core-only measures on an in-memory grid: the full check with its phases (recognition, identity build, evaluation,
 * cell rules), and the incremental re-check after single amount edits through CheckSession.update.
 */
import { checkWorkbook, identitiesFor, recogniseAll } from "../src/core/engine";
import { cellValue, type GridWorkbook } from "../src/core/grid";
import { parseAmount, type Amount } from "../src/core/money";
import { amountCells, cellFindings } from "../src/core/rules/cell-rules";
import { CellNumbering } from "../src/core/cell-number";
import { evaluate, type CellKey, type Identity } from "../src/core/rules/identity";

const numbering = new CellNumbering();
const keyOf = (c: CellKey): number => numbering.of(c);
import { CheckSession, type CheckOptions } from "../src/core/session";
import { collectGarbage, median, nowMs, summarise, time, timeEach, type Timing } from "./timing";

export interface CorePhases {
  recogniseMs: number;
  identitiesMs: number;
  evaluateMs: number;
  cellRulesMs: number;
  identities: number;
  tables: number;
}

/** The phases the session runs (same functions, same order), each the median of `reps` passes after a warm-up. */
export function phases(wb: GridWorkbook, reps: number): CorePhases {
  const runs: CorePhases[] = [];
  for (let i = 0; i <= reps; i++) {
    collectGarbage();
    const p = phasePass(wb);
    if (i > 0) runs.push(p);
  }
  const med = (f: (p: CorePhases) => number) => median(runs.map(f));
  return {
    recogniseMs: med((p) => p.recogniseMs),
    identitiesMs: med((p) => p.identitiesMs),
    evaluateMs: med((p) => p.evaluateMs),
    cellRulesMs: med((p) => p.cellRulesMs),
    identities: runs[0].identities,
    tables: runs[0].tables,
  };
}

function phasePass(wb: GridWorkbook): CorePhases {
  let t = nowMs();
  const tables = recogniseAll(wb);
  const recogniseMs = nowMs() - t;
  t = nowMs();
  const ids = identitiesFor(tables);
  const identitiesMs = nowMs() - t;
  const sheets = new Map(wb.sheets.map((s) => [s.name, s]));
  const cache = new Map<number, Amount>();
  const read = (c: CellKey) => {
    const k = keyOf(c);
    let a = cache.get(k);
    if (!a) {
      const s = sheets.get(c.sheet);
      a = parseAmount(s ? cellValue(s, c.row, c.col) : null);
      cache.set(k, a);
    }
    return a;
  };
  t = nowMs();
  for (const id of ids) evaluate(id, read);
  const evaluateMs = nowMs() - t;
  t = nowMs();
  for (const table of tables) {
    const sheet = sheets.get(table.sheet);
    if (sheet && table.kind !== "other") cellFindings(table, sheet, amountCells(table));
  }
  const cellRulesMs = nowMs() - t;
  return { recogniseMs, identitiesMs, evaluateMs, cellRulesMs, identities: ids.length, tables: tables.length };
}

export async function fullCheck(wb: GridWorkbook, reps: number, warmup: number): Promise<Timing> {
  return time(() => checkWorkbook(wb), reps, warmup);
}
/** Amount cells read by identities, spread evenly over the workbook (deterministic). */
export function editableCells(ids: Identity[], wb: GridWorkbook, count: number): CellKey[] {
  const seen = new Map<number, CellKey>();
  for (const id of ids) for (const c of [...id.left, ...id.right]) seen.set(keyOf(c), c);
  const sheets = new Map(wb.sheets.map((s) => [s.name, s]));
  const numeric = [...seen.values()].filter((c) => typeof cellValue(sheets.get(c.sheet)!, c.row, c.col) === "number");
  const step = numeric.length / count;
  return Array.from({ length: count }, (_, i) => numeric[Math.floor(i * step + step / 2)]);
}

/** The cell whose edit re-evaluates the most terms (a 合计-row cell of a consolidated table): the worst edit. */
export function heaviestCell(ids: Identity[], wb: GridWorkbook): { cell: CellKey; identities: number; terms: number } {
  const load = new Map<number, { cell: CellKey; identities: number; terms: number }>();
  const sheets = new Map(wb.sheets.map((s) => [s.name, s]));
  for (const id of ids) {
    const terms = id.left.length + id.right.length;
    for (const c of [...id.left, ...id.right]) {
      if (typeof cellValue(sheets.get(c.sheet)!, c.row, c.col) !== "number") continue;
      const e = load.get(keyOf(c)) ?? { cell: c, identities: 0, terms: 0 };
      e.identities++;
      e.terms += terms;
      load.set(keyOf(c), e);
    }
  }
  return [...load.values()].reduce((a, b) => (b.terms > a.terms ? b : a));
}

export interface IncrementalResult {
  sessionBuildMs: number;
  /** The live edit index (identities by cell), built once after the first check, sheet by sheet (the pane defers it past the first render, one sheet per task). */
  indexBuildMs: number;
  /** The longest single step of that: the slowest sheet. */
  indexSlowestSheetMs: number;
  /** Heap the live session retains (tables, identities, indexes, amount cache), MB. */
  sessionHeapMb: number;
  edit: Timing & { samples: number[] };
  revert: Timing & { samples: number[] };
  recognised: number;
  worst: { cell: string; identities: number; terms: number; ms: number };
}

/** `count` single-cell amount edits (+0.01: each breaks its identities), each reverted after; times update() only. */
export function incremental(wb: GridWorkbook, count: number, options: CheckOptions = {}): IncrementalResult {
  collectGarbage();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = nowMs();
  const session = new CheckSession(wb, options);
  const sessionBuildMs = nowMs() - t0;
  let indexBuildMs = 0;
  let indexSlowestSheetMs = 0;
  for (const sheet of wb.sheets) {
    const t1 = nowMs();
    session.prepareForEdits(sheet.name);
    const ms = nowMs() - t1;
    indexBuildMs += ms;
    indexSlowestSheetMs = Math.max(indexSlowestSheetMs, ms);
  }
  collectGarbage();
  const sessionHeapMb = (process.memoryUsage().heapUsed - heap0) / 1e6;
  const ids = identitiesFor(session.tables());
  const cells = editableCells(ids, wb, count);
  const sheets = new Map(wb.sheets.map((s) => [s.name, s]));
  const valueOf = (c: CellKey) => cellValue(sheets.get(c.sheet)!, c.row, c.col) as number;
  const change = (c: CellKey, v: number) => ({ kind: "cells" as const, sheet: c.sheet, range: { top: c.row, left: c.col, bottom: c.row, right: c.col }, values: [[v]] });
  let recognised = 0;
  const originals = cells.map(valueOf);
  // Warm-up on the first cell (JIT), not counted.
  session.update(change(cells[0], originals[0] + 0.01));
  session.update(change(cells[0], originals[0]));
  const editSamples: number[] = [];
  const revertSamples: number[] = [];
  for (const [i, c] of cells.entries()) {
    const v = originals[i];
    const e = timeEach([c], () => {
      if (session.update(change(c, Math.round((v + 0.01) * 100) / 100)).recognised) recognised++;
    });
    editSamples.push(e.samples[0]);
    const r = timeEach([c], () => session.update(change(c, v)));
    revertSamples.push(r.samples[0]);
  }
  const heavy = heaviestCell(ids, wb);
  const hv = valueOf(heavy.cell);
  const w = timeEach([heavy.cell], () => session.update(change(heavy.cell, hv + 1)));
  session.update(change(heavy.cell, hv));
  const stats = (samples: number[]) => ({ ...summarise(samples), samples });
  return {
    sessionBuildMs,
    indexBuildMs,
    indexSlowestSheetMs,
    sessionHeapMb,
    edit: stats(editSamples),
    revert: stats(revertSamples),
    recognised,
    worst: { cell: `${heavy.cell.sheet}!R${heavy.cell.row + 1}C${heavy.cell.col + 1}`, identities: heavy.identities, terms: heavy.terms, ms: w.samples[0] },
  };
}

/** A session and a function applying `count` edit-and-revert pairs to it, for profiling the live path. */
export function editRunner(wb: GridWorkbook, count: number, options: CheckOptions = {}): () => void {
  const session = new CheckSession(wb, options);
  session.prepareForEdits();
  const cells = editableCells(identitiesFor(session.tables()), wb, count);
  const sheets = new Map(wb.sheets.map((s) => [s.name, s]));
  const change = (c: CellKey, v: number) => ({ kind: "cells" as const, sheet: c.sheet, range: { top: c.row, left: c.col, bottom: c.row, right: c.col }, values: [[v]] });
  return () => {
    for (const c of cells) {
      const v = cellValue(sheets.get(c.sheet)!, c.row, c.col) as number;
      session.update(change(c, Math.round((v + 0.01) * 100) / 100));
      session.update(change(c, v));
    }
  };
}
