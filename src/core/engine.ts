/**
 * Entry point of the core: workbook grid in, recognised tables and findings out.
 * Data flows one way: grid → recognised tables → identities (structure) → evaluations (values) → findings.
 */
import { rangeToA1 } from "./address";
import { compareFindings, type CheckResult, type Finding, type TableSummary } from "./finding";
import { cellValue, type GridSheet, type GridWorkbook } from "./grid";
import { parseAmount, type Amount } from "./money";
import { recogniseSheet } from "./recognise";
import type { RecognisedTable } from "./recognise/types";
import { cellFindings } from "./rules/cell-rules";
import { crossIdentities } from "./rules/cross-identities";
import { evaluate, findingsFrom, type AmountReader, type Evaluation, type Identity } from "./rules/identity";
import { tableIdentities } from "./rules/table-identities";

export interface CheckOptions {
  /** Budget year override (otherwise read from titles/unit lines). */
  year?: number;
}

export function tableSummary(t: RecognisedTable): TableSummary {
  return { sheet: t.sheet, kind: t.kind, range: rangeToA1(t.range), title: t.title };
}

/** Reads amounts from the grid, parsing each cell once per check. */
export function amountReader(wb: GridWorkbook): AmountReader {
  const sheets = new Map<string, GridSheet>(wb.sheets.map((s) => [s.name, s]));
  const cache = new Map<string, Map<number, Amount>>();
  return (c) => {
    let m = cache.get(c.sheet);
    if (!m) cache.set(c.sheet, (m = new Map()));
    const k = c.row * 16384 + c.col;
    let a = m.get(k);
    if (!a) {
      const s = sheets.get(c.sheet);
      a = parseAmount(s ? cellValue(s, c.row, c.col) : null);
      m.set(k, a);
    }
    return a;
  };
}

export function recogniseAll(wb: GridWorkbook): RecognisedTable[] {
  return wb.sheets.flatMap((s) => recogniseSheet(s));
}

export function identitiesFor(tables: RecognisedTable[]): Identity[] {
  return [...tables.flatMap((t) => tableIdentities(t)), ...crossIdentities(tables)];
}

export function evaluateAll(identities: Identity[], read: AmountReader): Evaluation[] {
  const out: Evaluation[] = [];
  for (const id of identities) {
    const e = evaluate(id, read);
    if (e && e.outcome !== "equal") out.push(e);
  }
  return out;
}

export function findingsForTables(wb: GridWorkbook, tables: RecognisedTable[], evaluations: Evaluation[], read: AmountReader): Finding[] {
  const sheets = new Map(wb.sheets.map((s) => [s.name, s]));
  const findings = [...findingsFrom(evaluations, read)];
  for (const t of tables) {
    const sheet = sheets.get(t.sheet);
    if (sheet && t.kind !== "other") findings.push(...cellFindings(t, sheet));
  }
  return findings.sort(compareFindings);
}

export function checkWorkbook(wb: GridWorkbook, _options: CheckOptions = {}): CheckResult {
  const tables = recogniseAll(wb);
  const read = amountReader(wb);
  const evaluations = evaluateAll(identitiesFor(tables), read);
  return { tables: tables.map(tableSummary), findings: findingsForTables(wb, tables, evaluations, read) };
}
