/**
 * A live check session: holds the workbook grid, the recognised tables, the identities and the findings, and
 * re-checks only what an edit affects (the cells, their amounts and which identities read them: cell-index.ts). An amount edit inside a known row re-evaluates
 * just the identities that read the cell; an edit to a header, code, label, or outside the known rows re-recognises
 * that sheet. The Excel adapter and the in-memory host drive it; the CLI uses checkWorkbook directly.
 */
import { diffFindings, type FindingDelta } from "./finding-delta";
import { rangeContains, type CellRange } from "./address";
import { boundFinding, compareFindings, findingCellKey, type CheckResult, type Finding, type FindingCell } from "./finding";
import { CellIndex } from "./cell-index";
import { cellValue, type CellValue, type GridSheet, type GridWorkbook } from "./grid";
import { recogniseSheet, tableSummary } from "./recognise";
import type { RecognisedTable } from "./recognise/types";
import { amountCells, cellFindings } from "./rules/cell-rules";
import { failure, findingsWithSources, type AmountReader, type CellKey, type Evaluation, type Identity } from "./rules/identity";
import { foldFindings } from "./rules/fold";
import { identitiesFor } from "./rules";
import { checkCodeRows, codeRowsOfTables, type Catalogue } from "./catalogue";
import { disclosureSet, documentCheck, documentYear as findDocumentYear } from "./document";
import { applyProfile, type RuleProfile } from "./profiles";
import { explainBlankChildren, foldHiddenDecimals } from "./rules/plausibility";

export interface CheckOptions {
  /** Budget year override (otherwise read from titles/unit lines). */
  year?: number;
  /** The 政府收支分类科目 catalogue; code rules run only when it is given (the pane loads it lazily). */
  catalogue?: Catalogue;
  /** Rule profile (default / strict / minimal, rules switched off, severities changed); none = every rule as is. */
  profile?: RuleProfile;
}

export type GridChange =
  /** New contents of a rectangular block of one sheet (values required; formulas/numberFormats if read). */
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
  /** "sheet!range" of each table that was re-recognised or re-checked by this update. */
  recheckedTables: string[];
  /** True when the update re-recognised a sheet (slow path) rather than re-evaluating identities. */
  recognised?: boolean;
  /** What changed from the result before: the one diff of an edit, which the worker, tolerance and marks pass on. */
  delta: FindingDelta;
}

export class CheckSession {
  private tablesBySheet = new Map<string, RecognisedTable[]>();
  private identities: Identity[] = [];
  private readonly cells: CellIndex;
  private failed = new Map<number, Evaluation>();
  /** Findings about single cells (error values, text, plausibility), all of a cell's under its key. */
  private cellIssues = new Map<string, Finding[]>();
  /** Findings that depend on structure only (codes and names): recomputed when a sheet is re-recognised. */
  private codeIssues: Finding[] = [];
  private current: CheckResult = { tables: [], findings: [] };
  /**
   * Cell and code findings, profiled, bounded and sorted: kept between edits, since an edit changes few of them and
   * re-sorting tens of thousands of findings per keystroke was the bulk of an edit's cost. null = to recompute.
   */
  private settled: Finding[] | null = null;
  private readonly read: AmountReader;

  constructor(
    private readonly workbook: GridWorkbook,
    private readonly options: CheckOptions = {},
  ) {
    this.cells = new CellIndex(workbook, (sheet) => this.tablesBySheet.get(sheet) ?? []);
    this.read = this.cells.read;
    for (const s of workbook.sheets) this.tablesBySheet.set(s.name, recogniseSheet(s));
    this.rebuild();
  }

  result(): CheckResult {
    return this.current;
  }

  get grid(): GridWorkbook {
    return this.workbook;
  }

  get checkOptions(): CheckOptions {
    return this.options;
  }

  tables(): RecognisedTable[] {
    return this.workbook.sheets.flatMap((s) => this.tablesBySheet.get(s.name) ?? []);
  }

  /**
   * Applies one change or a burst of them (a paste, edits on several sheets) and re-checks once: re-recognising the
   * sheets whose structure changed, else re-evaluating only the identities that read the edited cells.
   */
  update(input: GridChange | readonly GridChange[]): UpdateResult {
    const before = this.current.findings;
    const out = this.apply(changeList(input));
    // Unchanged findings keep their objects from before, so the delta is the whole story of the edit.
    const { findings, delta, replaced } = diffFindings(before, this.current.findings);
    this.current = { ...this.current, findings };
    if (replaced.size > 0 && this.settled) this.settled = this.settled.map((f) => replaced.get(f) ?? f);
    return { ...out, result: this.current, delta };
  }

  private apply(changes: GridChange[]): Omit<UpdateResult, "result" | "delta"> {
    this.cells.ensure(changes.flatMap((c) => (c.kind === "cells" ? [c.sheet] : [])));
    const structural = new Set<string>();
    let wholeWorkbook = false;
    const edited: CellKey[] = [];
    for (const change of changes) {
      applyChange(this.workbook, change);
      if (change.kind !== "cells") {
        wholeWorkbook = true;
        if (change.kind === "sheet-deleted") this.tablesBySheet.delete(change.name);
        else if (change.kind === "sheet-renamed") {
          this.tablesBySheet.delete(change.from);
          structural.add(change.to);
        } else structural.add(change.sheet.name);
        continue;
      }
      const changed: CellKey[] = [];
      for (let r = change.range.top; r <= change.range.bottom; r++)
        for (let c = change.range.left; c <= change.range.right; c++) changed.push({ sheet: change.sheet, row: r, col: c });
      this.cells.forget(changed);
      if (structural.has(change.sheet) || this.isStructural(change.sheet, change.range, changed)) structural.add(change.sheet);
      else for (const c of changed) edited.push(c);
    }
    if (wholeWorkbook || structural.size > 0) {
      for (const name of structural) this.reRecognise(name);
      this.rebuild();
      const touched = wholeWorkbook ? this.tables() : this.tables().filter((t) => structural.has(t.sheet) || edited.some((c) => c.sheet === t.sheet));
      return { recheckedTables: touched.map(label), recognised: true };
    }
    // Fast path: re-evaluate the identities reading the edited cells, re-check those cells.
    const ids = new Set<number>();
    for (const c of edited) for (const i of this.cells.readersOf(c)) ids.add(i);
    const tableIds = new Set<string>();
    for (const i of ids) {
      const e = failure(this.identities[i], this.read);
      if (e) this.failed.set(i, e);
      else this.failed.delete(i);
      for (const t of this.identities[i].tables) tableIds.add(t);
    }
    for (const sheetName of new Set(edited.map((c) => c.sheet))) {
      const sheet = this.sheet(sheetName)!;
      for (const t of this.tablesBySheet.get(sheetName) ?? []) {
        const cells = edited.filter((c) => c.sheet === sheetName && this.cells.isAmountCell(t.id, c)).map((c) => ({ row: c.row, col: c.col }));
        if (cells.length === 0) continue;
        tableIds.add(t.id);
        for (const c of cells) if (this.cellIssues.delete(findingCellKey({ sheet: t.sheet, row: c.row, col: c.col }))) this.settled = null;
        if (t.kind !== "other") this.addCellIssues(cellFindings(t, sheet, cells, this.workbook));
      }
    }
    this.assemble();
    const rechecked = this.tables().filter((t) => tableIds.has(t.id)).map(label);
    return { recheckedTables: rechecked, recognised: false };
  }

  private sheet(name: string): GridSheet | undefined {
    return this.cells.sheet(name);
  }

  private reRecognise(name: string): void {
    const s = this.sheet(name);
    if (s) this.tablesBySheet.set(name, recogniseSheet(s));
    this.cells.forgetAll();
  }

  /** A change is structural unless every changed cell is an amount cell of a row the table already knows. */
  private isStructural(sheetName: string, range: CellRange, changed: CellKey[]): boolean {
    const tables = this.tablesBySheet.get(sheetName) ?? [];
    const inTable = tables.filter((t) => rangeContains({ ...t.range, bottom: t.range.bottom + 1 }, range.top, range.left) || rangeContains(t.range, range.bottom, range.right));
    if (inTable.length === 0) {
      // Outside every table: structural only if it could start or extend a table (any content typed).
      return changed.some((c) => {
        const v = cellValue(this.sheet(sheetName)!, c.row, c.col);
        return v !== null && v !== "";
      });
    }
    return !changed.every((c) => inTable.some((t) => this.cells.isAmountCell(t.id, c)));
  }

  private rebuild(): void {
    const tables = this.tables();
    this.identities = identitiesFor(tables);
    this.cells.reset(this.identities);
    this.failed = new Map();
    for (let i = 0; i < this.identities.length; i++) {
      const e = failure(this.identities[i], this.read);
      if (e) this.failed.set(i, e);
    }
    this.cellIssues = new Map();
    for (const t of tables) {
      const sheet = this.sheet(t.sheet);
      if (sheet && t.kind !== "other") this.addCellIssues(cellFindings(t, sheet, amountCells(t), this.workbook));
    }
    this.codeIssues = this.codeFindings(tables);
    this.settled = null;
    this.assemble();
  }

  /**
   * Builds the live index now rather than on the first edit: for one sheet, or all. The pane calls it sheet by sheet
   * once the first findings are shown, yielding between sheets.
   */
  prepareForEdits(sheet?: string): void {
    this.cells.ensure(sheet === undefined ? this.workbook.sheets.map((s) => s.name) : [sheet]);
  }

  private addCellIssues(findings: Finding[]): void {
    if (findings.length > 0) this.settled = null;
    for (const f of findings) {
      const k = findingCellKey(f.cells[0]);
      const list = this.cellIssues.get(k);
      if (list) list.push(f);
      else this.cellIssues.set(k, [f]);
    }
  }

  private codeFindings(tables: RecognisedTable[]): Finding[] {
    const catalogue = this.options.catalogue;
    if (!catalogue) return [];
    // A 决算's year is seldom in its titles: a cover sheet or the file name may give it (document/final-set.ts).
    const documentYear =
      mostCommon(tables.map((t) => t.year).filter((y): y is number => y !== undefined)) ??
      (disclosureSet(tables.map((t) => t.kind)) === "final" ? findDocumentYear(tables, this.workbook)?.year : undefined);
    // Rows of all tables of one year are checked together, so codes outside the built-in coverage give one note per
    // parent for the workbook, not one per table.
    const byYear = new Map<number, RecognisedTable[]>();
    for (const t of tables) {
      if (t.kind === "other") continue;
      const year = this.options.year ?? t.year ?? documentYear ?? catalogue.years[catalogue.years.length - 1];
      const list = byYear.get(year);
      if (list) list.push(t);
      else byYear.set(year, [t]);
    }
    const out: Finding[] = [];
    // The tables' code rows, walked one by one as they are checked: a workbook's all at once were tens of MB.
    for (const [year, ts] of byYear) for (const f of checkCodeRows(codeRowsOfTables(ts), catalogue, year)) out.push(f);
    return out;
  }

  private assemble(): void {
    // Identity order, not edit order, so a live session and a fresh check list findings identically.
    // Document rules are cheap (tables and their total rows) and value-driven: re-run after every edit.
    const doc = documentCheck(this.tables(), this.workbook, this.read, this.identities, this.options.year);
    // A table in another unit than it states is the root cause: its cross-table sums are not reported on top.
    const failed = [...this.failed.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, e]) => e)
      .filter((e) => e.identity.tables.length < 2 || !e.identity.tables.some((t) => doc.offUnit.has(t)));
    // One wrong amount, one finding: the sums blaming one cell fold; a quick-fix value only where it settles them all.
    const items = findingsWithSources(failed, this.read);
    const readers = this.cells.readersOfCells(items.flatMap((x) => x.finding.cells.map(cellKeyOf)));
    const readersOf = (c: CellKey): Identity[] => readers(c).map((i) => this.identities[i]);
    const sums = foldFindings(items, this.read, readersOf);
    const changing = this.finish([...explainBlankChildren(sums, this.read), ...doc.findings]);
    this.settled ??= this.finish([...foldHiddenDecimals([...this.cellIssues.values()].flat(), (c) => this.tableAt(c)), ...this.codeIssues]);
    this.current = { tables: this.tables().map(tableSummary), findings: mergeSorted(this.settled, changing) };
  }

  /**
   * The profile applied, every finding kept a readable size (a 1 MB unit name or label is clipped) and placed in its
   * table, sorted.
   */
  private finish(findings: Finding[]): Finding[] {
    const profiled = this.options.profile ? applyProfile(findings, this.options.profile) : findings;
    return profiled.map((f) => this.placed(boundFinding(f))).sort(compareFindings);
  }

  /** The first table in order holding the cell, as the reports find it; none for a cell of another workbook. */
  private tableAt(c: FindingCell): RecognisedTable | undefined {
    return c.file === undefined ? this.tablesBySheet.get(c.sheet)?.find((x) => rangeContains(x.range, c.row, c.col)) : undefined;
  }

  /**
   * The finding with the id of the table holding its first cell (the cell most likely wrong): set here, in one place,
   * for the findings of every rule, so the reports group by it. The first table in order, as the reports find it.
   */
  private placed(f: Finding): Finding {
    const c = f.cells[0];
    const t = c ? this.tableAt(c) : undefined;
    if (f.table === t?.id) return f;
    if (t) return { ...f, table: t.id };
    const { table: _outside, ...rest } = f;
    return rest;
  }
}

/** Two lists sorted by compareFindings, merged into one (equal to sorting both together: no finding ties across them). */
function mergeSorted(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  if (b.length === 0) return a.slice();
  if (a.length === 0) return b.slice();
  const out: Finding[] = new Array<Finding>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareFindings(b[j], a[i]) < 0 ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/** One change or a burst of them, as a list. */
export function changeList(input: GridChange | readonly GridChange[]): GridChange[] {
  return Array.isArray(input) ? [...(input as readonly GridChange[])] : [input as GridChange];
}

function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}

function label(t: RecognisedTable): string {
  return `${t.sheet}!${tableSummary(t).range}`;
}

function cellKeyOf(c: FindingCell): CellKey {
  return { sheet: c.sheet, row: c.row, col: c.col };
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
