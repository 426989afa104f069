/**
 * An identity is structure only: which cell should equal the sum of which cells. Values are read when it is
 * evaluated, so a live edit re-evaluates just the identities that read the edited cell.
 */
import { toA1 } from "../address";
import { CellNumbering } from "../cell-number";
import type { Finding, FindingCell, Severity } from "../finding";
import type { RuleId } from "../rule-registry";
import { Decimal, ZERO, formatAmount, round2, type Amount } from "../money";
import { scaleOf, type Measure } from "./measure";

export interface CellKey {
  sheet: string;
  row: number;
  col: number;
}

export interface Identity {
  rule: RuleId;
  /** Tables the identity reads (ids), for scoping re-checks. */
  tables: string[];
  /** "error": mismatches are errors, rounding differences warnings; "warning": mismatches warnings, rounding info. */
  strength: "error" | "warning";
  /** The stated side (usually one total cell); several cells are added; empty means absent (0). */
  left: CellKey[];
  /** The cells whose sum the left side must equal. */
  right: CellKey[];
  /** Cells subtracted from the right side (年末结转和结余 = 年初 + 本年收入 − 本年支出); read in the right side's unit. */
  minus?: CellKey[];
  /** "le": total must not exceed the sum (e.g. 一般公共预算基本支出 per 类 ≤ 部门基本支出 per 类). */
  comparator?: "eq" | "le";
  /** What must hold, for messages: "“合计”行“基本支出”列 = Σ 各类". */
  zh: string;
  en: string;
  /**
   * Units and displayed precision of each side, where they are not the plain default (same unit, 2 decimals): a
   * 万元 table against a 元 table, or a table shown in whole 元. Sides are compared in the finer unit.
   */
  measures?: { left: Measure; right: Measure };
  /**
   * Set when the identity is one sum along a row or column of one sheet (left = the total's cell, right = the terms',
   * nothing subtracted): its cells can then be walked without making their keys (left and right make them anew).
   */
  readonly line?: IdentityLine;
}

/** A sum along one line of a sheet: see Identity.line. */
export interface IdentityLine {
  readonly sheet: string;
  /** Along a row: the cells are (at, total) and (at, term); along a column: (total, at) and (term, at). */
  readonly alongRow: boolean;
  /** The row (along a row) or column (along a column) the sum lies on. */
  readonly at: number;
  /** The total's column or row. */
  readonly total: number;
  readonly terms: readonly number[];
}

/** Calls `visit` with every cell the identity reads (left, right, then the subtracted ones), without making keys. */
export function forEachCell(identity: Identity, visit: (sheet: string, row: number, col: number) => void): void {
  const line = identity.line;
  if (line) {
    // Indexed loops: for…of here made an iterator result per cell of every sum.
    const { sheet, at, alongRow } = line;
    const terms = line.terms;
    if (alongRow) {
      visit(sheet, at, line.total);
      for (let i = 0; i < terms.length; i++) visit(sheet, at, terms[i]);
    } else {
      visit(sheet, line.total, at);
      for (let i = 0; i < terms.length; i++) visit(sheet, terms[i], at);
    }
    return;
  }
  visitKeys(identity.left, visit);
  visitKeys(identity.right, visit);
  if (identity.minus) visitKeys(identity.minus, visit);
}

function visitKeys(cells: readonly CellKey[], visit: (sheet: string, row: number, col: number) => void): void {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    visit(c.sheet, c.row, c.col);
  }
}

/**
 * The identity read with other measures. Field by field, not by spread: compact identities (LineSum) keep their
 * cells and texts behind getters, which a spread would drop.
 */
export function withMeasures(identity: Identity, measures: Identity["measures"]): Identity {
  const { rule, tables, strength, left, right, minus, comparator, zh, en } = identity;
  return { rule, tables, strength, left, right, minus, comparator, zh, en, measures };
}

/**
 * Reads a cell's amount. A reader may offer `centsIn`, a shortcut for the common cells read without making an Amount:
 * for one sheet, a cell's whole cents if it is a number (read(cell).cents), CENTS_EMPTY for a cell read as empty, NaN
 * for any other cell (text, error, a formula without value, more than 2 decimals: read it as an Amount).
 */
export type AmountReader = ((cell: CellKey) => Amount) & { readonly centsIn?: (sheet: string) => CentsAt };

/**
 * The cents of the cells of one sheet: see AmountReader. An object with a method rather than a function: one method
 * for every sheet, so the sums' loops reach the same code whichever sheet they read.
 */
export interface CentsAt {
  at(row: number, col: number): number;
}

/** What CentsAt gives for a cell read as empty (no amount, not a term). */
export const CENTS_EMPTY = Number.POSITIVE_INFINITY;

export interface Evaluation {
  readonly identity: Identity;
  /** Both sides in the common (finer) unit of the identity's measures. */
  readonly stated: Decimal;
  readonly computed: Decimal;
  readonly outcome: "equal" | "rounding" | "mismatch";
}

/** Factors from each side's unit into the common one, and the rounding half-step per term in common cents. */
export function scaleOfIdentity(identity: Identity): { left: number; right: number; halfCents: number } {
  return identity.measures ? scaleOf(identity.measures.left, identity.measures.right) : PLAIN_SCALE;
}

const PLAIN_SCALE = { left: 1, right: 1, halfCents: 0.5 };

function outcomeOf(identity: Identity, diffCents: number, terms: number, halfCents: number): Evaluation["outcome"] {
  const bound = Math.max(terms, 1) * halfCents;
  // "le": the stated side may be smaller; larger only within rounding.
  if (identity.comparator === "le") return diffCents <= bound + 1e-9 ? "equal" : "mismatch";
  const diff = Math.abs(diffCents);
  return diff === 0 ? "equal" : diff <= bound + 1e-9 ? "rounding" : "mismatch";
}

/** An evaluation done in cents; its decimals are made only when asked for (only failed identities are reported). */
class CentsEvaluation implements Evaluation {
  constructor(
    readonly identity: Identity,
    private readonly statedCents: number,
    private readonly computedCents: number,
    readonly outcome: Evaluation["outcome"],
  ) {}
  get stated(): Decimal {
    return new Decimal(this.statedCents).dividedBy(100);
  }
  get computed(): Decimal {
    return new Decimal(this.computedCents).dividedBy(100);
  }
}

/** Evaluates one identity; null when a cell it reads is not a number (the cell rule reports that instead). */
export function evaluate(identity: Identity, read: AmountReader): Evaluation | null {
  return evaluateWith(identity, read, false);
}

/**
 * The identity's evaluation if it fails (a rounding difference or a mismatch); null when it holds or a cell it reads
 * is not a number. A full check evaluates every identity and keeps only these: the holding ones make no object.
 */
export function failure(identity: Identity, read: AmountReader): Evaluation | null {
  return evaluateWith(identity, read, true);
}

function evaluateWith(identity: Identity, read: AmountReader, failuresOnly: boolean): Evaluation | null {
  const fast = evaluateInCents(identity, read, failuresOnly);
  if (fast !== undefined) return fast;
  const e = evaluateInDecimals(identity, read);
  return failuresOnly && e?.outcome === "equal" ? null : e;
}

/** The evaluation in decimals: any amounts, each side also as displayed. */
function evaluateInDecimals(identity: Identity, read: AmountReader): Evaluation | null {
  const scale = scaleOfIdentity(identity);
  // Each side as stored, and as displayed: every term rounded to the decimals its table shows (at most 2).
  const places = { left: Math.min(identity.measures?.left.decimals ?? 2, 2), right: Math.min(identity.measures?.right.decimals ?? 2, 2) };
  const shown = (d: Decimal, side: "left" | "right") => d.toDecimalPlaces(places[side], Decimal.ROUND_HALF_UP);
  let stated = ZERO;
  let statedShown = ZERO;
  for (const t of identity.left) {
    const a = read(t);
    if (a.kind === "invalid" || a.kind === "error") return null;
    if (a.kind === "number") {
      stated = stated.plus(a.value);
      statedShown = statedShown.plus(shown(a.value, "left"));
    }
  }
  let computed = ZERO;
  let computedShown = ZERO;
  let nonEmpty = 0;
  for (const [cells, sign] of [[identity.right, 1], [identity.minus ?? [], -1]] as const) {
    for (const t of cells) {
      const a = read(t);
      if (a.kind === "invalid" || a.kind === "error") return null;
      if (a.kind === "number") {
        computed = sign > 0 ? computed.plus(a.value) : computed.minus(a.value);
        computedShown = sign > 0 ? computedShown.plus(shown(a.value, "right")) : computedShown.minus(shown(a.value, "right"));
        nonEmpty++;
      }
    }
  }
  // Both sides rounded to the displayed 2 decimals in their own unit, then converted (spec §2).
  stated = round2(stated).times(scale.left);
  computed = round2(computed).times(scale.right);
  const outcome = outcomeOf(identity, stated.minus(computed).times(100).toNumber(), nonEmpty, scale.halfCents);
  if (outcome === "equal") return { identity, stated, computed, outcome };
  // Amounts stored with more decimals than shown (=B5/3 behind #,##0.00): a table whose displayed amounts add up
  // reads right, and plausibility.decimals already names the hidden decimals; judged on what is shown, it holds.
  statedShown = statedShown.times(scale.left);
  computedShown = computedShown.times(scale.right);
  const outcomeShown = outcomeOf(identity, statedShown.minus(computedShown).times(100).toNumber(), nonEmpty, scale.halfCents);
  if (OUTCOME_ORDER[outcomeShown] < OUTCOME_ORDER[outcome]) return { identity, stated: statedShown, computed: computedShown, outcome: outcomeShown };
  return { identity, stated, computed, outcome };
}

const OUTCOME_ORDER: Record<Evaluation["outcome"], number> = { equal: 0, rounding: 1, mismatch: 2 };

/** One side's sum in integer cents, how many of its cells hold an amount, and Σ |amount| (for exactness). */
interface CentsSum {
  sum: number;
  terms: number;
  magnitude: number;
}

// Scratch sums of the evaluation under way (evaluations do not nest: reading a cell never evaluates an identity).
const LEFT: CentsSum = { sum: 0, terms: 0, magnitude: 0 };
const RIGHT: CentsSum = { sum: 0, terms: 0, magnitude: 0 };

function addCents(c: number, sign: 1 | -1, acc: CentsSum): boolean {
  if (c === CENTS_EMPTY) return true;
  if (c !== c) return false; // NaN: the cell must be read as an Amount
  acc.sum += sign * c;
  acc.terms++;
  acc.magnitude += Math.abs(c);
  return true;
}

/** Both sides into LEFT/RIGHT through the reader's shortcut; false when some cell must be read as an Amount. */
function sidesByShortcut(identity: Identity, centsIn: (sheet: string) => CentsAt): boolean {
  const line = identity.line;
  if (line) {
    const at = centsIn(line.sheet);
    const { alongRow, total } = line;
    const on = line.at;
    const terms = line.terms;
    if (!addCents(alongRow ? at.at(on, total) : at.at(total, on), 1, LEFT)) return false;
    // Indexed: for…of made an iterator result per term of every sum (the largest garbage of a check).
    if (alongRow) {
      for (let i = 0; i < terms.length; i++) if (!addCents(at.at(on, terms[i]), 1, RIGHT)) return false;
    } else for (let i = 0; i < terms.length; i++) if (!addCents(at.at(terms[i], on), 1, RIGHT)) return false;
    return true;
  }
  return (
    keysByShortcut(identity.left, 1, centsIn, LEFT) &&
    keysByShortcut(identity.right, 1, centsIn, RIGHT) &&
    (!identity.minus || keysByShortcut(identity.minus, -1, centsIn, RIGHT))
  );
}

function keysByShortcut(cells: readonly CellKey[], sign: 1 | -1, centsIn: (sheet: string) => CentsAt, acc: CentsSum): boolean {
  // A side's cells are mostly on one sheet: its reader is asked for when the sheet changes, not per cell.
  let sheet: string | undefined;
  let at: CentsAt | undefined;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (at === undefined || c.sheet !== sheet) at = centsIn((sheet = c.sheet));
    if (!addCents(at.at(c.row, c.col), sign, acc)) return false;
  }
  return true;
}

/** One side's cells read as Amounts into acc: false when one has more decimals, null when one is not a number. */
function addAmounts(cells: readonly CellKey[], sign: 1 | -1, read: AmountReader, acc: CentsSum): boolean | null {
  for (let i = 0; i < cells.length; i++) {
    const a = read(cells[i]);
    if (a.kind === "invalid" || a.kind === "error") return null;
    if (a.kind === "number") {
      if (a.cents === undefined) return false;
      acc.sum += sign * a.cents;
      acc.terms++;
      acc.magnitude += Math.abs(a.cents);
    }
  }
  return true;
}

/** Both sides into LEFT/RIGHT from the Amounts read: false when some amount has more decimals, null as above. */
function sidesByAmounts(identity: Identity, read: AmountReader): boolean | null {
  return (
    addAmounts(identity.left, 1, read, LEFT) &&
    addAmounts(identity.right, 1, read, RIGHT) &&
    (identity.minus ? addAmounts(identity.minus, -1, read, RIGHT) : true)
  );
}

function resetSides(): void {
  LEFT.sum = LEFT.terms = LEFT.magnitude = 0;
  RIGHT.sum = RIGHT.terms = RIGHT.magnitude = 0;
}

/**
 * The same evaluation in integer cents, when every amount read is a whole number of cents (the common case):
 * without allocating decimals per term, and through the reader's shortcut without an Amount per cell either.
 * undefined = use decimals (some amount has more decimals, or the sums could leave the exact range).
 * Equivalent to compareTotals: rounding to 2 decimals is a no-op, and the bound N × 0.005 is N × 0.5 cents.
 * Exact: every amount is a safe integer of cents, and each partial sum, scaled side and the difference is bounded in
 * magnitude by Σ|amount| × scale; while that is at most 2^53 − 1, every intermediate result is an integer a double
 * holds exactly, so each + − × is exact (IEEE 754 rounds only results it cannot represent). The bound itself,
 * computed in doubles, can only round up past 2^53 − 1 when its true value is at least that (rounding is
 * monotonic), so a sum that could be inexact is never taken for exact.
 */
function evaluateInCents(identity: Identity, read: AmountReader, failuresOnly: boolean): Evaluation | null | undefined {
  resetSides();
  const centsIn = read.centsIn;
  if (!centsIn || !sidesByShortcut(identity, centsIn)) {
    resetSides();
    const whole = sidesByAmounts(identity, read);
    if (whole === null) return null;
    if (!whole) return undefined;
  }
  const scale = scaleOfIdentity(identity);
  if (LEFT.magnitude * scale.left + RIGHT.magnitude * scale.right > Number.MAX_SAFE_INTEGER) return undefined;
  const stated = LEFT.sum * scale.left;
  const computed = RIGHT.sum * scale.right;
  const outcome = outcomeOf(identity, stated - computed, RIGHT.terms, scale.halfCents);
  if (failuresOnly && outcome === "equal") return null;
  return new CentsEvaluation(identity, stated, computed, outcome);
}

function severityOf(e: Evaluation): Severity | null {
  if (e.outcome === "equal") return null;
  if (e.identity.strength === "error") return e.outcome === "mismatch" ? "error" : "warning";
  return e.outcome === "mismatch" ? "warning" : "info";
}

function cellOf(c: CellKey): FindingCell {
  return { sheet: c.sheet, row: c.row, col: c.col };
}

/**
 * Turns failed evaluations into findings. The cell most likely wrong goes first: a cell read by two or more failed
 * identities (a leaf that breaks both its row sum and its column sum) rather than the totals that merely disagree.
 */
export function findingsFrom(evaluations: Evaluation[], read: AmountReader): Finding[] {
  return findingsWithSources(evaluations, read).map((x) => x.finding);
}

/** findingsFrom, each finding with the evaluation it was made from (for folding, see fold.ts). */
export function findingsWithSources(evaluations: Evaluation[], read: AmountReader): Array<{ finding: Finding; evaluation: Evaluation }> {
  const failed = evaluations.filter((e) => e.outcome === "mismatch");
  const numbering = new CellNumbering();
  const keyOf = (c: CellKey) => numbering.of(c);
  const counts = new Map<number, number>();
  for (const e of failed) {
    const seen = new Set<number>();
    for (const c of cellsOf(e.identity)) {
      const k = keyOf(c);
      if (seen.has(k)) continue;
      seen.add(k);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  const out: Array<{ finding: Finding; evaluation: Evaluation }> = [];
  for (const e of evaluations) {
    const severity = severityOf(e);
    if (!severity) continue;
    const { identity } = e;
    const scale = scaleOfIdentity(identity);
    let blamed: CellKey | null = identity.left[0] ?? null;
    // Values in the blamed cell's own unit (the left side's unless a right-hand term is blamed).
    let expected = e.computed.dividedBy(scale.left);
    let actual = e.stated.dividedBy(scale.left);
    let blamedSide: "left" | "right" = "left";
    if (e.outcome === "mismatch" && identity.comparator !== "le" && identity.left.length <= 1) {
      const totalCount = blamed ? counts.get(keyOf(blamed)) ?? 0 : 0;
      let bestCount = totalCount;
      let candidates: CellKey[] = [];
      const minus = new Set((identity.minus ?? []).map(keyOf));
      for (const t of [...identity.right, ...(identity.minus ?? [])]) {
        const n = counts.get(keyOf(t)) ?? 0;
        if (n > bestCount) {
          bestCount = n;
          candidates = [t];
        } else if (n === bestCount && n > totalCount && !candidates.some((c) => CellNumbering.same(c, t))) candidates.push(t);
      }
      // Among equally suspicious cells, a blank one is rarely the mistake: prefer the single one holding an amount.
      if (candidates.length > 1) candidates = candidates.filter((c) => read(c).kind !== "empty");
      const best = candidates.length === 1 ? candidates[0] : null;
      const tie = candidates.length > 1;
      if (best && !tie && bestCount >= 2) {
        const own = read(best);
        const ownValue = own.kind === "number" ? own.value : ZERO;
        // What this term must be for the identity to hold (in its own unit): total − the other terms, or for a
        // subtracted term (年末 = 年初 + 本年收入 − 本年支出) the reverse.
        const others = e.computed.minus((minus.has(keyOf(best)) ? ownValue.negated() : ownValue).times(scale.right));
        const needed = (minus.has(keyOf(best)) ? others.minus(e.stated) : e.stated.minus(others)).dividedBy(scale.right);
        // A term that would have to be negative is not the mistake: the total is (a blank or short 合计).
        if (!needed.isNegative()) {
          blamed = best;
          blamedSide = "right";
          expected = needed;
          actual = ownValue;
        }
      }
    }
    if (!blamed) {
      // The stated side is absent (no such row): report the cells that do have an amount, against 0.
      expected = ZERO;
      actual = e.computed.dividedBy(scale.right);
      blamedSide = "right";
    }
    const first = blamed ?? identity.right[0];
    if (!first) continue;
    const rest = cellsOf(identity).filter((c) => !CellNumbering.same(c, first));
    const diff = formatAmount(actual.minus(expected));
    const rounding = e.outcome === "rounding";
    const expectedText = formatAmount(expected);
    const actualText = formatAmount(actual);
    const where = `${first.sheet}!${toA1(first.row, first.col)}`;
    const le = identity.comparator === "le";
    const m = identity.measures;
    const mixed = m !== undefined && m.left.unit !== m.right.unit;
    const ownUnit = m ? (blamedSide === "left" ? m.left.unit : m.right.unit) : "";
    const unitZh = mixed ? `（单位：${ownUnit}，已按两表单位换算）` : "";
    const unitEn = mixed ? ` (in ${ownUnit}, converted between the tables' units)` : "";
    const blank = read(first).kind === "empty" && e.outcome === "mismatch" && !le;
    const isZh = blank ? `为空白，应为 ${expectedText}` : `应为 ${expectedText}，实为 ${actualText}（差 ${diff}）`;
    const isEn = blank ? `is blank and should be ${expectedText}` : `should be ${expectedText} but is ${actualText} (difference ${diff})`;
    const finding: Finding = {
      rule: identity.rule,
      severity,
      message: le
        ? `${identity.zh}不成立：${actualText} 超过 ${expectedText}${unitZh}。`
        : `${where} ${isZh}${rounding ? "，在四舍五入误差以内" : ""}${unitZh}。依据：${identity.zh}。`,
      messageEn: le
        ? `${identity.en} does not hold: ${actualText} exceeds ${expectedText}${unitEn}.`
        : `${where} ${isEn}${rounding ? ", within rounding tolerance" : ""}${unitEn}. Rule: ${identity.en}.`,
      cells: [cellOf(first), ...rest.map(cellOf)],
      expected: expectedText,
      actual: actualText,
    };
    out.push({ finding, evaluation: e });
  }
  return out;
}

/** Every cell an identity reads: left, right, then the subtracted ones. */
export function cellsOf(identity: Identity): CellKey[] {
  return identity.minus ? [...identity.left, ...identity.right, ...identity.minus] : [...identity.left, ...identity.right];
}
