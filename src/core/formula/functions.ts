/**
 * The worksheet functions the evaluator computes: those the templates write (SUM, IF(COUNT(…),SUM(…),""),
 * SUMPRODUCT(--(LEN(codes)=N),amounts), SUMIF(codes,"<>",amounts)) and the ones accountants use in these tables
 * (SUMIF/SUMIFS/COUNTIF criteria, ROUND, ABS, IF, MIN, MAX). Arguments arrive unevaluated: IF evaluates one branch, and SUM, COUNT
 * and SUMIF need to know which arguments are ranges.
 */
import { Decimal } from "../money";
import type { Node } from "./parse";
import { criterion, FormulaError, isGrid, toBoolean, toNumber, toText, VALUE_ERROR, type Grid, type Scalar, type Value } from "./values";

export interface Evaluation {
  eval(node: Node): Value;
  /** A reference node as a grid of its cells. */
  range(node: Node): Grid;
}

/** Not computed here (an unknown function, an argument shape this evaluator does not take). */
export class Unsupported extends Error {}

type Fn = (args: Array<Node | null>, ev: Evaluation) => Value;

function required(args: Array<Node | null>, min: number, max: number): Node[] {
  if (args.length < min || args.length > max) throw new Unsupported();
  for (let k = 0; k < min; k++) if (args[k] === null) throw new Unsupported();
  return args as Node[];
}

function scalar(v: Value): Scalar {
  if (!isGrid(v)) return v;
  if (v.cells.length === 1) return v.cells[0];
  throw new Unsupported();
}

/** The values SUM-like functions take from an argument: ranges give their numbers; typed values are coerced. */
function numbersOf(node: Node, ev: Evaluation): Decimal[] | FormulaError {
  const v = node.t === "ref" ? ev.range(node) : ev.eval(node);
  const out: Decimal[] = [];
  if (isGrid(v)) {
    for (const c of v.cells) {
      if (c instanceof FormulaError) return c;
      if (c instanceof Decimal) out.push(c);
    }
    return out;
  }
  const n = toNumber(v);
  if (n instanceof FormulaError) return n;
  out.push(n);
  return out;
}

function aggregate(args: Array<Node | null>, ev: Evaluation, fold: (all: Decimal[]) => Decimal): Value {
  const all: Decimal[] = [];
  for (const a of args) {
    if (a === null) continue;
    const ns = numbersOf(a, ev);
    if (ns instanceof FormulaError) return ns;
    all.push(...ns);
  }
  return fold(all);
}

const sum: Fn = (args, ev) => aggregate(args, ev, (all) => all.reduce((x, y) => x.plus(y), new Decimal(0)));

const count: Fn = (args, ev) => {
  let n = 0;
  for (const a of args) {
    if (a === null) continue;
    const v = a.t === "ref" ? ev.range(a) : ev.eval(a);
    if (isGrid(v)) n += v.cells.filter((c) => c instanceof Decimal).length;
    else if (!(toNumber(v) instanceof FormulaError) && v !== null) n++;
  }
  return new Decimal(n);
};

const sumif: Fn = (args, ev) => {
  const [rangeNode, critNode, sumNode] = required(args, 2, 3);
  if (rangeNode.t !== "ref" || (sumNode && sumNode.t !== "ref")) throw new Unsupported();
  const range = ev.range(rangeNode);
  const sums = sumNode ? ev.range(sumNode) : range;
  // Excel sizes the sum range from its top-left cell to the criteria range's shape; only equal shapes are taken here.
  if (sums.rows !== range.rows || sums.cols !== range.cols) throw new Unsupported();
  const test = criterion(scalar(ev.eval(critNode)));
  if (test instanceof FormulaError) return test;
  let total = new Decimal(0);
  for (let k = 0; k < range.cells.length; k++) {
    if (!test(range.cells[k])) continue;
    const s = sums.cells[k];
    if (s instanceof FormulaError) return s;
    if (s instanceof Decimal) total = total.plus(s);
  }
  return total;
};

/** SUMIFS(sums, range1, criterion1, …): the cells of `sums` whose row passes every criterion; same shapes only. */
const sumifs: Fn = (args, ev) => {
  if (args.length < 3 || args.length % 2 === 0 || args.some((a) => a === null)) throw new Unsupported();
  const [sumNode, ...pairs] = args as Node[];
  if (sumNode.t !== "ref") throw new Unsupported();
  const sums = ev.range(sumNode);
  const tests: Array<{ range: Grid; test: (cell: Scalar) => boolean }> = [];
  for (let k = 0; k < pairs.length; k += 2) {
    if (pairs[k].t !== "ref") throw new Unsupported();
    const range = ev.range(pairs[k]);
    if (range.rows !== sums.rows || range.cols !== sums.cols) throw new Unsupported();
    const test = criterion(scalar(ev.eval(pairs[k + 1])));
    if (test instanceof FormulaError) return test;
    tests.push({ range, test });
  }
  let total = new Decimal(0);
  for (let k = 0; k < sums.cells.length; k++) {
    if (!tests.every((t) => t.test(t.range.cells[k]))) continue;
    const s = sums.cells[k];
    if (s instanceof FormulaError) return s;
    if (s instanceof Decimal) total = total.plus(s);
  }
  return total;
};

/** COUNTIF(range, criterion). */
const countif: Fn = (args, ev) => {
  const [rangeNode, critNode] = required(args, 2, 2);
  if (rangeNode.t !== "ref") throw new Unsupported();
  const test = criterion(scalar(ev.eval(critNode)));
  if (test instanceof FormulaError) return test;
  return new Decimal(ev.range(rangeNode).cells.filter(test).length);
};

const sumproduct: Fn = (args, ev) => {
  if (args.length === 0 || args.some((a) => a === null)) throw new Unsupported();
  const arrays = (args as Node[]).map((a) => {
    const v = ev.eval(a);
    return isGrid(v) ? v : { rows: 1, cols: 1, cells: [v], ref: false };
  });
  const [first] = arrays;
  if (arrays.some((g) => g.rows !== first.rows || g.cols !== first.cols)) return VALUE_ERROR;
  let total = new Decimal(0);
  for (let k = 0; k < first.cells.length; k++) {
    let product = new Decimal(1);
    for (const g of arrays) {
      const c = g.cells[k];
      if (c instanceof FormulaError) return c;
      // Text, booleans and blanks count as 0 (hence the -- in SUMPRODUCT(--(LEN(…)=7),…)).
      product = c instanceof Decimal ? product.times(c) : new Decimal(0);
    }
    total = total.plus(product);
  }
  return total;
};

const round: Fn = (args, ev) => {
  const [x, digits] = required(args, 1, 2);
  const n = toNumber(scalar(ev.eval(x)));
  const d = digits ? toNumber(scalar(ev.eval(digits))) : new Decimal(0);
  if (n instanceof FormulaError) return n;
  if (d instanceof FormulaError) return d;
  const places = d.trunc().toNumber();
  if (Math.abs(places) > 15) throw new Unsupported();
  // Half away from zero, as Excel rounds; negative places round to tens, hundreds ….
  if (places >= 0) return n.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  const unit = new Decimal(10).pow(-places);
  return n.div(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(unit);
};

const abs: Fn = (args, ev) => {
  const [x] = required(args, 1, 1);
  const n = toNumber(scalar(ev.eval(x)));
  return n instanceof FormulaError ? n : n.abs();
};

const iff: Fn = (args, ev) => {
  required(args, 1, 3);
  const cond = toBoolean(scalar(ev.eval(args[0]!)));
  if (cond instanceof FormulaError) return cond;
  const branch = cond ? args[1] : args[2];
  // IF(c,,x) gives 0 where the branch is left out; IF(c,x) gives FALSE when c is false.
  if (branch === undefined) return false;
  if (branch === null) return new Decimal(0);
  const v = ev.eval(branch);
  return isGrid(v) && v.ref ? scalar(v) : v;
};

const len: Fn = (args, ev) => {
  const [x] = required(args, 1, 1);
  const v = ev.eval(x);
  const one = (c: Scalar): Scalar => {
    const t = toText(c);
    return t instanceof FormulaError ? t : new Decimal(t.length);
  };
  return isGrid(v) ? { rows: v.rows, cols: v.cols, cells: v.cells.map(one), ref: false } : one(v);
};

// A loop, not Decimal.min(...all): spreading a long range overflows the stack.
const extreme = (pick: (a: Decimal, b: Decimal) => boolean) => (all: Decimal[]) =>
  all.length ? all.reduce((a, b) => (pick(b, a) ? b : a)) : new Decimal(0);
const min: Fn = (args, ev) => aggregate(args, ev, extreme((b, a) => b.lessThan(a)));
const max: Fn = (args, ev) => aggregate(args, ev, extreme((b, a) => b.greaterThan(a)));

const constant =
  (v: boolean): Fn =>
  (args) => {
    required(args, 0, 0);
    return v;
  };

export const FUNCTIONS: Readonly<Record<string, Fn>> = {
  TRUE: constant(true),
  FALSE: constant(false),
  SUM: sum,
  COUNT: count,
  SUMIF: sumif,
  SUMIFS: sumifs,
  COUNTIF: countif,
  SUMPRODUCT: sumproduct,
  ROUND: round,
  ABS: abs,
  IF: iff,
  LEN: len,
  MIN: min,
  MAX: max,
};
