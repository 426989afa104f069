/**
 * Values inside the evaluator and Excel's rules for them: exact decimals for numbers, coercion of text and
 * booleans, comparison across types, and SUMIF criteria ("<>", "=x", ">0", "201*").
 */
import { Decimal, parseAmountText } from "../money";

export class FormulaError {
  constructor(readonly code: string) {}
}

/** One value: a number, text, a boolean, a blank cell (null) or an Excel error. */
export type Scalar = Decimal | string | boolean | null | FormulaError;

/** A range or an array result: row-major cells. `ref`: read from cells (SUM and COUNT skip its text and booleans). */
export interface Grid {
  rows: number;
  cols: number;
  cells: Scalar[];
  ref: boolean;
}

export type Value = Scalar | Grid;

export const VALUE_ERROR = new FormulaError("#VALUE!");
export const DIV0_ERROR = new FormulaError("#DIV/0!");

export function isGrid(v: Value): v is Grid {
  return typeof v === "object" && v !== null && !(v instanceof Decimal) && !(v instanceof FormulaError);
}

export function isNumber(v: Scalar): v is Decimal {
  return v instanceof Decimal;
}

/** A number for arithmetic, as Excel coerces: blank 0, TRUE 1, numeric text its number, other text #VALUE!. */
export function toNumber(v: Scalar): Decimal | FormulaError {
  if (v instanceof Decimal || v instanceof FormulaError) return v;
  if (v === null) return new Decimal(0);
  if (typeof v === "boolean") return new Decimal(v ? 1 : 0);
  const d = v.trim() === "" ? null : parseAmountText(v);
  return d ?? VALUE_ERROR;
}

/** Text as Excel shows a value in a General cell (LEN, &). */
export function toText(v: Scalar): string | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Decimal) return v.toFixed();
  return v;
}

/** A condition: numbers are true unless 0; TRUE/FALSE as text too; other text is #VALUE!. */
export function toBoolean(v: Scalar): boolean | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (v instanceof Decimal) return !v.isZero();
  const t = v.trim().toUpperCase();
  if (t === "TRUE" || t === "FALSE") return t === "TRUE";
  return VALUE_ERROR;
}

/** Type rank in Excel comparisons: numbers < text < booleans. */
function rank(v: Decimal | string | boolean): number {
  return v instanceof Decimal ? 0 : typeof v === "string" ? 1 : 2;
}

/** −1, 0 or 1 as Excel orders two values (a blank takes the other side's type; text ignores case). */
export function compareValues(a: Scalar, b: Scalar): number | FormulaError {
  if (a instanceof FormulaError) return a;
  if (b instanceof FormulaError) return b;
  const blankLike = (other: Scalar): Decimal | string | boolean =>
    other instanceof Decimal ? new Decimal(0) : typeof other === "boolean" ? false : "";
  const x = a === null ? blankLike(b) : a;
  const y = b === null ? blankLike(a) : b;
  if (rank(x) !== rank(y)) return Math.sign(rank(x) - rank(y));
  if (x instanceof Decimal && y instanceof Decimal) return x.comparedTo(y);
  if (typeof x === "string" && typeof y === "string") {
    const p = x.toLowerCase();
    const q = y.toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return Number(x) - Number(y);
}

export function compareOp(op: string, c: number): boolean {
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    default:
      return c >= 0;
  }
}

/** A SUMIF criterion as a test on one cell. */
export function criterion(value: Scalar): ((cell: Scalar) => boolean) | FormulaError {
  if (value instanceof FormulaError) return value;
  if (value instanceof Decimal) return criterion(value.toFixed());
  if (typeof value === "boolean") return (cell) => cell === value;
  const text = value ?? "";
  const m = /^(<>|<=|>=|<|>|=)?(.*)$/s.exec(text)!;
  const op = m[1] ?? "=";
  const operand = m[2];
  if (operand === "") {
    // "=" and "" match blank cells, "<>" every cell that is not blank; "<", ">" … match nothing.
    if (op === "=") return (cell) => cell === null || cell === "";
    if (op === "<>") return (cell) => cell !== null && cell !== "";
    return () => false;
  }
  const number = parseAmountText(operand);
  if (number !== null) {
    // Excel converts numeric text in the range for an equality test: "20102" typed as text matches "=20102" (and a
    // wildcard never matches a number: "201*" finds codes typed as text only).
    const equal = (cell: Scalar) =>
      cell instanceof Decimal ? cell.eq(number) : typeof cell === "string" && (parseAmountText(cell)?.eq(number) ?? false);
    if (op === "=") return equal;
    if (op === "<>") return (cell) => !equal(cell);
    return (cell) => cell instanceof Decimal && compareOp(op, cell.comparedTo(number));
  }
  const upper = operand.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") {
    const b = upper === "TRUE";
    return op === "<>" ? (cell) => cell !== b : op === "=" ? (cell) => cell === b : () => false;
  }
  if (op === "=" || op === "<>") {
    // Wildcards: * any run, ? one character, ~ escapes; text cells only, whole cell, ignoring case.
    const pattern = new RegExp(`^${wildcardSource(operand)}$`, "is");
    const matches = (cell: Scalar) => typeof cell === "string" && pattern.test(cell);
    return op === "=" ? matches : (cell) => !matches(cell);
  }
  return (cell) => typeof cell === "string" && compareOp(op, compareValues(cell, operand) as number);
}

function wildcardSource(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "~" && i + 1 < pattern.length && "*?~".includes(pattern[i + 1])) out += escapeRegExp(pattern[++i]);
    else if (ch === "*") out += ".*";
    else if (ch === "?") out += ".";
    else out += escapeRegExp(ch);
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
