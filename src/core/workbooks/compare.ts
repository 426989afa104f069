/**
 * Cross-workbook comparisons expressed as ordinary identities, so they are evaluated, toleranced (N × 0.005 after
 * rounding, spec §2) and blamed exactly like the single-workbook ones (rules/identity.ts). A cell of another
 * workbook is addressed as Excel writes an external reference, `[file.xlsx]Sheet`, in the identity's sheet; the
 * findings then carry that file in their cells' `file` field.
 */
import type { Finding, FindingCell } from "../finding";
import { Decimal, type Amount } from "../money";
import { CellNumbering } from "../cell-number";
import { evaluate, findingsFrom, type AmountReader, type CellKey, type Evaluation, type Identity } from "../rules/identity";
import { NOT_A_NUMBER, type ExtractCell, type ExtractTable, type WorkbookExtract } from "./extract";

export interface WorkbookEntry {
  /** The file as the report names it (relative path). */
  file: string;
  workbook: WorkbookExtract;
}

/** Yuan per unit of measure; undefined when the table does not say. */
export function unitScale(unit: string | undefined): number | undefined {
  if (unit === "万元") return 10_000;
  if (unit === "千元") return 1_000;
  if (unit === "元") return 1;
  return undefined;
}

export function externalSheet(file: string, sheet: string): string {
  return `[${file}]${sheet}`;
}

/** `[file]sheet` back into its parts (sheet names cannot hold "]", file names can: split at the last one). */
export function splitExternalSheet(s: string): { file?: string; sheet: string } {
  if (!s.startsWith("[")) return { sheet: s };
  const end = s.lastIndexOf("]");
  return end > 0 ? { file: s.slice(1, end), sheet: s.slice(end + 1) } : { sheet: s };
}

/** Amounts of the cells identities read, each converted to the unit of measure of the side it is compared with. */
export class AmountStore {
  private readonly amounts = new Map<number, Amount>();
  private readonly numbering = new CellNumbering();
  readonly read: AmountReader = (c) => this.amounts.get(this.numbering.of(c)) ?? { kind: "empty" };

  /** Registers a cell (in `toUnit`, the unit of the stated side) and returns its key for an identity. */
  add(file: string, table: ExtractTable, cell: ExtractCell, toUnit: string | undefined): CellKey {
    const key: CellKey = { sheet: externalSheet(file, table.sheet), row: cell[2], col: cell[3] };
    const k = this.numbering.of(key);
    if (!this.amounts.has(k)) this.amounts.set(k, toAmount(cell[4], factor(table.unit, toUnit)));
    return key;
  }
}

function factor(from: string | undefined, to: string | undefined): number {
  const a = unitScale(from);
  const b = unitScale(to);
  return a === undefined || b === undefined ? 1 : a / b;
}

function toAmount(v: ExtractCell[4], scale: number): Amount {
  if (v === null) return { kind: "empty" };
  if (v === NOT_A_NUMBER) return { kind: "invalid", text: v };
  let value: Decimal;
  try {
    value = new Decimal(v).times(scale);
  } catch {
    return { kind: "invalid", text: v };
  }
  const cents = value.times(100);
  return cents.isInteger() && cents.abs().lessThan(Number.MAX_SAFE_INTEGER)
    ? { kind: "number", value, fromText: false, cents: cents.toNumber() }
    : { kind: "number", value, fromText: false };
}

function splitCell(c: FindingCell): FindingCell {
  const { file, sheet } = splitExternalSheet(c.sheet);
  return file === undefined ? c : { file, sheet, row: c.row, col: c.col };
}

/** Evaluates the identities and reports the failed ones as findings whose cells name their files. */
export function compareIdentities(identities: Identity[], store: AmountStore): Finding[] {
  const evaluations = identities.map((i) => evaluate(i, store.read)).filter((e): e is Evaluation => e !== null && e.outcome !== "equal");
  return findingsFrom(evaluations, store.read).map((f) => ({ ...f, cells: f.cells.map(splitCell) }));
}

/** The first table of a kind in a workbook (a duplicate is reported by the single-workbook rules). */
export function tableOfKind(wb: WorkbookExtract, kind: string): ExtractTable | undefined {
  return wb.tables.find((t) => t.kind === kind);
}

/** A cell naming a whole table or workbook (its title), in another file. */
export function anchorCell(file: string, table: ExtractTable | undefined): FindingCell[] {
  if (!table?.anchor) return [];
  return [{ file, sheet: table.sheet, row: table.anchor.row, col: table.anchor.col }];
}
