/**
 * A small pure evaluator for the formulas a workbook written by a script (or a template before Excel recalculates
 * it) leaves without a cached value: numbers, cell and range references (same sheet or 'Other sheet'!A1), + − × ÷,
 * unary minus, parentheses and SUM. Anything else (SUMIF, IF, names, …) is not computed: the caller reports the
 * cell as having no computed value rather than reading it as 0. Pure and bounded: references are followed with a
 * cycle guard and a depth limit.
 */
import { columnIndex } from "../address";
import { cellFormula, cellValue, formulaWithoutValue, isErrorValue, type GridSheet, type GridWorkbook } from "../grid";
import { parseAmount, type Amount } from "../money";

type Token = { t: "num"; v: number } | { t: "ref"; sheet: string | null; a: string; b?: string } | { t: "op"; v: string } | { t: "fn"; v: string };

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|((?:'(?:[^']|'')+'|[^\s'!(),:+\-*/^&=<>"]+)!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?(?![\w(])|([A-Za-z][A-Za-z0-9.]*)\s*\(|([-+*/(),]))/y;

function tokenize(formula: string): Token[] | null {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  const text = formula.trim();
  while (pos < text.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m || m.index !== pos) return null;
    pos = TOKEN.lastIndex;
    if (m[1] !== undefined) out.push({ t: "num", v: Number(m[1]) });
    else if (m[3] !== undefined) {
      const sheet = m[2] ? m[2].slice(0, -1).replace(/^'|'$/g, "").replace(/''/g, "'") : null;
      out.push({ t: "ref", sheet, a: `${m[3]}${m[4]}`.toUpperCase(), b: m[5] ? `${m[5]}${m[6]}`.toUpperCase() : undefined });
    } else if (m[7] !== undefined) out.push({ t: "fn", v: m[7].toUpperCase() });
    else if (m[8] !== undefined) out.push({ t: "op", v: m[8] });
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  }
  return out;
}

function cellOf(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

const MAX_DEPTH = 64;
const MAX_RANGE_CELLS = 100_000;

class Unsupported extends Error {}

/** The value of `formula` (no leading "=") on `sheet`, or null when it cannot be computed here. */
export function computeFormula(wb: GridWorkbook, sheet: string, formula: string, visiting = new Set<string>(), depth = 0): number | null {
  const tokens = tokenize(formula);
  if (!tokens || depth > MAX_DEPTH) return null;
  let i = 0;
  const peek = () => tokens[i];
  const take = () => tokens[i++];
  const valueAt = (sheetName: string, row: number, col: number): number => {
    const s = wb.sheets.find((x) => x.name === sheetName);
    if (!s) throw new Unsupported();
    const key = `${sheetName}!${row}:${col}`;
    const v = cellValue(s, row, col);
    const f = cellFormula(s, row, col);
    if (v === null && f) {
      if (visiting.has(key)) throw new Unsupported();
      visiting.add(key);
      const r = computeFormula(wb, sheetName, f, visiting, depth + 1);
      visiting.delete(key);
      if (r === null) throw new Unsupported();
      return r;
    }
    if (isErrorValue(v)) throw new Unsupported();
    const a = parseAmount(v);
    if (a.kind === "number") return a.value.toNumber();
    return 0;
  };
  const refValues = (tok: Extract<Token, { t: "ref" }>): number[] => {
    const sh = tok.sheet ?? sheet;
    const a = cellOf(tok.a);
    const b = tok.b ? cellOf(tok.b) : a;
    const top = Math.min(a.row, b.row);
    const bottom = Math.max(a.row, b.row);
    const left = Math.min(a.col, b.col);
    const right = Math.max(a.col, b.col);
    if ((bottom - top + 1) * (right - left + 1) > MAX_RANGE_CELLS) throw new Unsupported();
    const out: number[] = [];
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) out.push(valueAt(sh, r, c));
    return out;
  };
  const primary = (): number => {
    const tok = take();
    if (!tok) throw new Unsupported();
    if (tok.t === "num") return tok.v;
    if (tok.t === "ref") {
      if (tok.b) throw new Unsupported();
      return refValues(tok)[0];
    }
    if (tok.t === "op" && tok.v === "(") {
      const v = expr();
      const close = take();
      if (!(close?.t === "op" && close.v === ")")) throw new Unsupported();
      return v;
    }
    if (tok.t === "op" && (tok.v === "-" || tok.v === "+")) return tok.v === "-" ? -primary() : primary();
    if (tok.t === "fn" && tok.v === "SUM") {
      let total = 0;
      for (;;) {
        const next = peek();
        if (next?.t === "op" && next.v === ")") {
          i++;
          return total;
        }
        if (next?.t === "ref" && next.b) {
          i++;
          total += refValues(next).reduce((x, y) => x + y, 0);
        } else total += expr();
        const sep = take();
        if (sep?.t === "op" && sep.v === ")") return total;
        if (!(sep?.t === "op" && sep.v === ",")) throw new Unsupported();
      }
    }
    throw new Unsupported();
  };
  const term = (): number => {
    let v = primary();
    for (let n = peek(); n?.t === "op" && (n.v === "*" || n.v === "/"); n = peek()) {
      i++;
      const r = primary();
      if (n.v === "/" && r === 0) throw new Unsupported();
      v = n.v === "*" ? v * r : v / r;
    }
    return v;
  };
  const expr = (): number => {
    let v = term();
    for (let n = peek(); n?.t === "op" && (n.v === "+" || n.v === "-"); n = peek()) {
      i++;
      const r = term();
      v = n.v === "+" ? v + r : v - r;
    }
    return v;
  };
  try {
    const v = expr();
    if (i !== tokens.length || !Number.isFinite(v)) return null;
    // Float noise of the sums (0.1 + 0.2) is below what any amount shows.
    return Math.round(v * 1e8) / 1e8;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
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
