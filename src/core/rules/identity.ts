/**
 * An identity is structure only: which cell should equal the sum of which cells. Values are read when it is
 * evaluated, so a live edit re-evaluates just the identities that read the edited cell.
 */
import { toA1 } from "../address";
import type { Finding, FindingCell, Severity } from "../finding";
import { Decimal, ZERO, compareTotals, formatAmount, type Amount } from "../money";

export interface CellKey {
  sheet: string;
  row: number;
  col: number;
}

export interface Identity {
  rule: string;
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
  /**
   * Units of the two sides as multiples of a common one (元 = 1, 万元 = 10000; see units.ts), where they differ: a
   * 元 table against a 万元 one. Each side's rounding bound is that of its own unit.
   */
  scale?: { left: number; right: number };
  /** "le": total must not exceed the sum (e.g. 一般公共预算基本支出 per 类 ≤ 部门基本支出 per 类). */
  comparator?: "eq" | "le";
  /** What must hold, for messages: "“合计”行“基本支出”列 = Σ 各类". */
  zh: string;
  en: string;
}

export type AmountReader = (cell: CellKey) => Amount;

export interface Evaluation {
  readonly identity: Identity;
  readonly stated: Decimal;
  readonly computed: Decimal;
  readonly outcome: "equal" | "rounding" | "mismatch";
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

export function keyOf(c: CellKey): string {
  return `${c.sheet}\u0000${c.row}\u0000${c.col}`;
}

/** Evaluates one identity; null when a cell it reads is not a number (the cell rule reports that instead). */
export function evaluate(identity: Identity, read: AmountReader): Evaluation | null {
  const fast = evaluateInCents(identity, read);
  if (fast !== undefined) return fast;
  let stated = ZERO;
  for (const t of identity.left) {
    const a = read(t);
    if (a.kind === "invalid" || a.kind === "error") return null;
    if (a.kind === "number") stated = stated.plus(a.value);
  }
  let computed = ZERO;
  let nonEmpty = 0;
  for (const [cells, sign] of [[identity.right, 1], [identity.minus ?? [], -1]] as const) {
    for (const t of cells) {
      const a = read(t);
      if (a.kind === "invalid" || a.kind === "error") return null;
      if (a.kind === "number") {
        computed = sign > 0 ? computed.plus(a.value) : computed.minus(a.value);
        nonEmpty++;
      }
    }
  }
  if (identity.scale && identity.scale.left !== identity.scale.right) {
    // Compared in the left side's unit; the bound is the coarser side's rounding.
    const { left, right } = identity.scale;
    computed = computed.times(right).dividedBy(left);
    if (identity.comparator === "le") {
      return { identity, stated, computed, outcome: stated.lessThanOrEqualTo(computed.plus(right > left ? new Decimal(0.005).times(right).dividedBy(left) : 0)) ? "equal" : "mismatch" };
    }
    const diff = stated.minus(computed).abs();
    const bound = new Decimal(0.005).times(Math.max(nonEmpty, 1)).times(Math.max(right / left, 1));
    return { identity, stated, computed, outcome: diff.isZero() ? "equal" : diff.lessThanOrEqualTo(bound) ? "rounding" : "mismatch" };
  }
  if (identity.comparator === "le") {
    const outcome = stated.toDecimalPlaces(2).lessThanOrEqualTo(computed.toDecimalPlaces(2)) ? "equal" : "mismatch";
    return { identity, stated, computed, outcome };
  }
  return { identity, stated, computed, outcome: compareTotals(stated, computed, Math.max(nonEmpty, 1)) };
}

/**
 * The same evaluation in integer cents, when every amount read is a whole number of cents (the common case):
 * exact, and without allocating decimals per term. undefined = some amount has more decimals: use decimals.
 * Equivalent to compareTotals: rounding to 2 decimals is a no-op, and the bound N × 0.005 is N × 0.5 cents.
 */
function evaluateInCents(identity: Identity, read: AmountReader): Evaluation | null | undefined {
  // Two units: exact decimals (rare, cross-table only).
  if (identity.scale && identity.scale.left !== identity.scale.right) return undefined;
  let stated = 0;
  for (const t of identity.left) {
    const a = read(t);
    if (a.kind === "invalid" || a.kind === "error") return null;
    if (a.kind === "number") {
      if (a.cents === undefined) return undefined;
      stated += a.cents;
    }
  }
  let computed = 0;
  let nonEmpty = 0;
  for (const t of identity.right) {
    const a = read(t);
    if (a.kind === "invalid" || a.kind === "error") return null;
    if (a.kind === "number") {
      if (a.cents === undefined) return undefined;
      computed += a.cents;
      nonEmpty++;
    }
  }
  if (identity.minus) {
    for (const t of identity.minus) {
      const a = read(t);
      if (a.kind === "invalid" || a.kind === "error") return null;
      if (a.kind === "number") {
        if (a.cents === undefined) return undefined;
        computed -= a.cents;
        nonEmpty++;
      }
    }
  }
  let outcome: Evaluation["outcome"];
  if (identity.comparator === "le") outcome = stated <= computed ? "equal" : "mismatch";
  else {
    const diff = Math.abs(stated - computed);
    outcome = diff === 0 ? "equal" : diff <= Math.max(nonEmpty, 1) * 0.5 ? "rounding" : "mismatch";
  }
  return new CentsEvaluation(identity, stated, computed, outcome);
}

function severityOf(e: Evaluation): Severity | null {
  if (e.outcome === "equal") return null;
  if (e.identity.strength === "error") return e.outcome === "mismatch" ? "error" : "warning";
  return e.outcome === "mismatch" ? "warning" : "info";
}

function cellOf(c: CellKey): FindingCell {
  return { sheet: c.sheet, address: toA1(c.row, c.col) };
}

/**
 * Turns failed evaluations into findings. The cell most likely wrong goes first: a cell read by two or more failed
 * identities (a leaf that breaks both its row sum and its column sum) rather than the totals that merely disagree.
 */
export function findingsFrom(evaluations: Evaluation[], read: AmountReader): Finding[] {
  const failed = evaluations.filter((e) => e.outcome === "mismatch");
  const counts = new Map<string, number>();
  for (const e of failed) {
    const seen = new Set<string>();
    for (const c of cellsOf(e.identity)) {
      const k = keyOf(c);
      if (seen.has(k)) continue;
      seen.add(k);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  const out: Finding[] = [];
  for (const e of evaluations) {
    const severity = severityOf(e);
    if (!severity) continue;
    const { identity } = e;
    let blamed: CellKey | null = identity.left[0] ?? null;
    let expected = e.computed;
    let actual = e.stated;
    const twoUnits = identity.scale !== undefined && identity.scale.left !== identity.scale.right;
    if (e.outcome === "mismatch" && identity.comparator !== "le" && identity.left.length <= 1 && !twoUnits) {
      const totalCount = blamed ? counts.get(keyOf(blamed)) ?? 0 : 0;
      let bestCount = totalCount;
      let candidates: CellKey[] = [];
      const minus = new Set((identity.minus ?? []).map(keyOf));
      for (const t of [...identity.right, ...(identity.minus ?? [])]) {
        const n = counts.get(keyOf(t)) ?? 0;
        if (n > bestCount) {
          bestCount = n;
          candidates = [t];
        } else if (n === bestCount && n > totalCount && !candidates.some((c) => keyOf(c) === keyOf(t))) candidates.push(t);
      }
      // Among equally suspicious cells, a blank one is rarely the mistake: prefer the single one holding an amount.
      if (candidates.length > 1) candidates = candidates.filter((c) => read(c).kind !== "empty");
      const best = candidates.length === 1 ? candidates[0] : null;
      const tie = candidates.length > 1;
      if (best && !tie && bestCount >= 2) {
        blamed = best;
        const own = read(best);
        const ownValue = own.kind === "number" ? own.value : ZERO;
        // What this term must be for the identity to hold: total − the other terms (a subtracted term: the reverse).
        expected = minus.has(keyOf(best)) ? e.computed.plus(ownValue).minus(e.stated) : e.stated.minus(e.computed.minus(ownValue));
        actual = ownValue;
      }
    }
    if (!blamed) {
      // The stated side is absent (no such row): report the cells that do have an amount, against 0.
      expected = e.stated;
      actual = e.computed;
    }
    const first = blamed ?? identity.right[0];
    if (!first) continue;
    const rest = cellsOf(identity).filter((c) => keyOf(c) !== keyOf(first));
    const diff = formatAmount(actual.minus(expected));
    const rounding = e.outcome === "rounding";
    const expectedText = formatAmount(expected);
    const actualText = formatAmount(actual);
    const where = `${first.sheet}!${toA1(first.row, first.col)}`;
    const le = identity.comparator === "le";
    out.push({
      rule: identity.rule,
      severity,
      message: le
        ? `${identity.zh}不成立：${actualText} 超过 ${expectedText}。`
        : `${where} 应为 ${expectedText}，实为 ${actualText}（差 ${diff}）${rounding ? "，在四舍五入误差以内" : ""}。依据：${identity.zh}。`,
      messageEn: le
        ? `${identity.en} does not hold: ${actualText} exceeds ${expectedText}.`
        : `${where} should be ${expectedText} but is ${actualText} (difference ${diff})${rounding ? ", within rounding tolerance" : ""}. Rule: ${identity.en}.`,
      cells: [cellOf(first), ...rest.map(cellOf)],
      expected: expectedText,
      actual: actualText,
    });
  }
  return out;
}

/** Every cell an identity reads: left, right, then the subtracted ones. */
export function cellsOf(identity: Identity): CellKey[] {
  return identity.minus ? [...identity.left, ...identity.right, ...identity.minus] : [...identity.left, ...identity.right];
}
