/**
 * A small pure evaluator for formulas without a cached value (a workbook written by a script, a template in the
 * preview before anything recalculates it): references, + − × ÷ ^ &, comparisons, and the functions in
 * functions.ts, in exact decimals. Anything else (names, VLOOKUP, …) is not computed: the caller reports the cell as
 * having no computed value rather than reading it as 0. Bounded: references are followed with a cycle guard and a
 * depth limit, ranges are capped.
 */
import { cellFormula, cellValue, formulaWithoutValue, isErrorValue, sheetRowCount, type CellValue, type GridSheet, type GridWorkbook } from "../grid";
import { Decimal, decimalFromNumber, parseAmount, type Amount } from "../money";
import { FUNCTIONS, Unsupported, type Evaluation } from "./functions";
import { parseFormula, type Node } from "./parse";
import {
  compareOp,
  compareValues,
  DIV0_ERROR,
  FormulaError,
  isGrid,
  toNumber,
  toText,
  VALUE_ERROR,
  type Grid,
  type Scalar,
  type Value,
} from "./values";

const MAX_DEPTH = 64;
const MAX_RANGE_CELLS = 100_000;

/** How a referenced cell that holds a formula is read: its cached value, or its formula computed afresh. */
type FormulaCells = "cached-first" | "recompute";

class Evaluator {
  private readonly visiting = new Set<string>();
  private readonly memo = new Map<string, Scalar>();
  private depth = 0;
  constructor(
    private readonly wb: GridWorkbook,
    private readonly mode: FormulaCells,
  ) {}

  /** The value of `formula` as written on `sheet`. */
  formula(sheet: string, formula: string): Scalar {
    const node = parseFormula(formula);
    if (!node) throw new Unsupported();
    if (++this.depth > MAX_DEPTH) throw new Unsupported();
    try {
      return this.result(new SheetEvaluation(this, sheet).eval(node));
    } finally {
      this.depth--;
    }
  }

  /** A formula's final value: a one-cell array is its cell; a larger one would spill, which is not computed here. */
  private result(v: Value): Scalar {
    if (!isGrid(v)) return v;
    if (v.cells.length === 1) return v.cells[0];
    throw new Unsupported();
  }

  cell(sheetName: string, row: number, col: number): Scalar {
    const s = this.wb.sheets.find((x) => x.name === sheetName);
    if (!s) throw new Unsupported();
    const f = cellFormula(s, row, col);
    const v = cellValue(s, row, col);
    if (f && (this.mode === "recompute" || v === null)) {
      const key = `${sheetName}!${row}:${col}`;
      const known = this.memo.get(key);
      if (known !== undefined) return known;
      if (this.visiting.has(key)) throw new Unsupported();
      this.visiting.add(key);
      try {
        const r = this.formula(sheetName, f);
        this.memo.set(key, r);
        return r;
      } catch (e) {
        // Recomputing, a formula this evaluator cannot read keeps the value Excel last computed for it.
        if (e instanceof Unsupported && this.mode === "recompute" && v !== null) return fromCell(v);
        throw e;
      } finally {
        this.visiting.delete(key);
      }
    }
    return fromCell(v);
  }

  sheetRows(sheetName: string): number {
    const s = this.wb.sheets.find((x) => x.name === sheetName);
    if (!s) throw new Unsupported();
    return sheetRowCount(s);
  }
}

function fromCell(v: CellValue): Scalar {
  if (v === null || v === "") return null;
  if (typeof v === "number") return decimalFromNumber(v);
  if (isErrorValue(v)) return new FormulaError(v.error);
  return v;
}

/** Evaluation of one formula's nodes, relative to the sheet it is written on. */
class SheetEvaluation implements Evaluation {
  constructor(
    private readonly ev: Evaluator,
    private readonly sheet: string,
  ) {}

  range(node: Node): Grid {
    if (node.t !== "ref") throw new Unsupported();
    const sheet = node.sheet ?? this.sheet;
    // A whole column (B:B) reads the used rows only: the rest of it is blank.
    const bottom = node.wholeColumns ? Math.min(node.bottom, this.ev.sheetRows(sheet) - 1) : node.bottom;
    const rows = Math.max(0, bottom - node.top + 1);
    const cols = node.right - node.left + 1;
    if (rows * cols > MAX_RANGE_CELLS) throw new Unsupported();
    const cells: Scalar[] = [];
    for (let r = node.top; r <= bottom; r++) for (let c = node.left; c <= node.right; c++) cells.push(this.ev.cell(sheet, r, c));
    return { rows, cols, cells, ref: true };
  }

  eval(node: Node): Value {
    switch (node.t) {
      case "num":
        return new Decimal(node.v);
      case "str":
        return node.v;
      case "bool":
        return node.v;
      case "ref": {
        if (node.top === node.bottom && node.left === node.right) return this.ev.cell(node.sheet ?? this.sheet, node.top, node.left);
        return this.range(node);
      }
      case "neg":
        return map1(this.eval(node.x), (x) => {
          const n = toNumber(x);
          return n instanceof FormulaError ? n : n.negated();
        });
      case "bin":
        return map2(this.eval(node.a), this.eval(node.b), (a, b) => binary(node.op, a, b));
      case "call": {
        const fn = FUNCTIONS[node.fn];
        if (!fn) throw new Unsupported();
        return fn(node.args, this);
      }
    }
  }
}

function map1(v: Value, f: (x: Scalar) => Scalar): Value {
  return isGrid(v) ? { rows: v.rows, cols: v.cols, cells: v.cells.map(f), ref: false } : f(v);
}

/** Element by element over arrays of one shape; a single value pairs with every element. */
function map2(a: Value, b: Value, f: (x: Scalar, y: Scalar) => Scalar): Value {
  if (!isGrid(a) && !isGrid(b)) return f(a, b);
  const ga = isGrid(a) ? a : null;
  const gb = isGrid(b) ? b : null;
  const shape = ga && ga.cells.length !== 1 ? ga : gb && gb.cells.length !== 1 ? gb : (ga ?? gb)!;
  for (const g of [ga, gb]) if (g && g.cells.length !== 1 && (g.rows !== shape.rows || g.cols !== shape.cols)) throw new Unsupported();
  const at = (v: Value, k: number): Scalar => (isGrid(v) ? (v.cells.length === 1 ? v.cells[0] : v.cells[k]) : v);
  const cells: Scalar[] = [];
  for (let k = 0; k < shape.cells.length; k++) cells.push(f(at(a, k), at(b, k)));
  return { rows: shape.rows, cols: shape.cols, cells, ref: false };
}

function binary(op: string, a: Scalar, b: Scalar): Scalar {
  if (op === "&") {
    const x = toText(a);
    const y = toText(b);
    if (x instanceof FormulaError) return x;
    if (y instanceof FormulaError) return y;
    return x + y;
  }
  if (op === "+" || op === "-" || op === "*" || op === "/" || op === "^") {
    const x = toNumber(a);
    const y = toNumber(b);
    if (x instanceof FormulaError) return x;
    if (y instanceof FormulaError) return y;
    switch (op) {
      case "+":
        return x.plus(y);
      case "-":
        return x.minus(y);
      case "*":
        return x.times(y);
      case "/":
        return y.isZero() ? DIV0_ERROR : x.div(y);
      default:
        if (x.isZero() && y.lessThanOrEqualTo(0)) return x.isZero() && y.isZero() ? VALUE_ERROR : DIV0_ERROR;
        return x.pow(y);
    }
  }
  const c = compareValues(a, b);
  return c instanceof FormulaError ? c : compareOp(op, c);
}

function toCellValue(v: Scalar): CellValue {
  if (v === null) return 0;
  if (v instanceof FormulaError) return { error: v.code };
  if (v instanceof Decimal) {
    if (!v.isFinite()) return { error: "#NUM!" };
    return v.toNumber();
  }
  return v;
}

/**
 * The value of `formula` (no leading "=") on `sheet` as Excel would cache it (errors such as #DIV/0! included), or
 * null when it cannot be computed here. A referenced formula cell is read by its cached value, or computed when it
 * has none.
 */
export function computeFormula(wb: GridWorkbook, sheet: string, formula: string): CellValue | null {
  try {
    return toCellValue(new Evaluator(wb, "cached-first").formula(sheet, formula));
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

export interface Recalculated {
  sheet: string;
  row: number;
  col: number;
  value: CellValue;
}

/**
 * Every formula of the workbook computed afresh from the cells it reads, as Excel recalculates after an edit (the
 * preview's workbook has no engine of its own). A formula this evaluator cannot read keeps its cached value, and
 * stays without one if it had none.
 */
export function recalculate(wb: GridWorkbook): Recalculated[] {
  const ev = new Evaluator(wb, "recompute");
  const out: Recalculated[] = [];
  for (const s of wb.sheets) {
    s.formulas?.forEach((row, r) =>
      row?.forEach((f, c) => {
        if (!f) return;
        try {
          out.push({ sheet: s.name, row: r, col: c, value: toCellValue(ev.cell(s.name, r, c)) });
        } catch (e) {
          if (!(e instanceof Unsupported)) throw e;
        }
      }),
    );
  }
  return out;
}

/** The error text an amount carries when its formula has no cached value and cannot be computed here. */
export const NO_COMPUTED_VALUE = "#NO-VALUE";

/**
 * The amount of a cell as the checks read it: its cached value; for a formula without one, the value computed here,
 * or an error amount (never 0.00) that the cell rules report as "no computed value".
 */
export function cellAmount(wb: GridWorkbook, sheet: GridSheet, row: number, col: number): Amount {
  const v = cellValue(sheet, row, col);
  // The reader keeps a cached "" as ""; null with a formula means never calculated (grid.formulaWithoutValue).
  if (formulaWithoutValue(sheet, row, col)) {
    const n = computeFormula(wb, sheet.name, cellFormula(sheet, row, col)!);
    return n === null ? { kind: "error", error: NO_COMPUTED_VALUE } : parseAmount(n);
  }
  return parseAmount(v);
}
