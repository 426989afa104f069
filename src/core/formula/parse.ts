/**
 * Formula text → syntax tree, for the evaluator: numbers, "text", TRUE/FALSE, cell and range references (same sheet
 * or 'Other sheet'!A1, whole columns B:B), operators (+ − × ÷ ^ & and comparisons) and function calls. Anything else
 * (names, array constants, R1C1, structured references) does not parse: the caller reports no computed value.
 */
import { columnIndex } from "../address";

export type Node =
  | { t: "num"; v: string }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "ref"; sheet: string | null; top: number; left: number; bottom: number; right: number; wholeColumns: boolean }
  | { t: "neg"; x: Node }
  | { t: "bin"; op: string; a: Node; b: Node }
  | { t: "call"; fn: string; args: Array<Node | null> };

type Token =
  | { t: "num"; v: string }
  | { t: "str"; v: string }
  | { t: "ref"; node: Extract<Node, { t: "ref" }> }
  | { t: "fn"; v: string }
  | { t: "word"; v: string }
  | { t: "op"; v: string };

const SHEET = String.raw`(?:'(?:[^']|'')+'|[^\s'!(),:+\-*/^&=<>"]+)!`;
const CELL = String.raw`\$?([A-Za-z]{1,3})\$?(\d{1,7})`;
const TOKEN = new RegExp(
  String.raw`\s*(?:` +
    String.raw`(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+)` + // 1 number
    String.raw`|"((?:[^"]|"")*)"` + // 2 text
    String.raw`|(${SHEET})?(?:${CELL}(?::${CELL})?|\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3}))(?![\w(!])` + // 3 sheet, 4-7 cells, 8-9 columns
    String.raw`|([A-Za-z_][A-Za-z0-9._]*)\s*\(` + // 10 function
    String.raw`|([A-Za-z_][A-Za-z0-9._]*)` + // 11 word
    String.raw`|(<>|<=|>=|[-+*/^&=<>(),])` + // 12 operator
    String.raw`)`,
  "y",
);

/** Rows a whole-column reference (B:B) spans; the evaluator bounds it by the sheet's used rows. */
export const WHOLE_COLUMN_ROWS = 1_048_576;

function tokenize(formula: string): Token[] | null {
  const out: Token[] = [];
  const text = formula.trim();
  let pos = 0;
  while (pos < text.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m || TOKEN.lastIndex === pos) return null;
    pos = TOKEN.lastIndex;
    if (m[1] !== undefined) out.push({ t: "num", v: m[1] });
    else if (m[2] !== undefined) out.push({ t: "str", v: m[2].replace(/""/g, '"') });
    else if (m[4] !== undefined || m[8] !== undefined) {
      const sheet = m[3] ? m[3].slice(0, -1).replace(/^'|'$/g, "").replace(/''/g, "'") : null;
      if (m[4] !== undefined) {
        const a = { row: Number(m[5]) - 1, col: columnIndex(m[4].toUpperCase()) };
        const b = m[6] !== undefined ? { row: Number(m[7]) - 1, col: columnIndex(m[6].toUpperCase()) } : a;
        out.push({ t: "ref", node: { t: "ref", sheet, top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col), wholeColumns: false } });
      } else {
        const a = columnIndex(m[8].toUpperCase());
        const b = columnIndex(m[9].toUpperCase());
        out.push({ t: "ref", node: { t: "ref", sheet, top: 0, bottom: WHOLE_COLUMN_ROWS - 1, left: Math.min(a, b), right: Math.max(a, b), wholeColumns: true } });
      }
    } else if (m[10] !== undefined) out.push({ t: "fn", v: m[10].toUpperCase() });
    else if (m[11] !== undefined) out.push({ t: "word", v: m[11].toUpperCase() });
    else if (m[12] !== undefined) out.push({ t: "op", v: m[12] });
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  }
  return out;
}

const MAX_LENGTH = 8192;
/** Nested parentheses, function calls and signs, together: Excel allows 64 levels of functions. */
const MAX_NESTING = 200;

const COMPARISON = new Set(["=", "<>", "<", ">", "<=", ">="]);

class NotParsed extends Error {}

/** The syntax tree of `formula` (no leading "="), or null when it uses anything this evaluator does not read. */
export function parseFormula(formula: string): Node | null {
  // Excel's own limits: 8,192 characters, 64 levels of nesting (so the recursion here stays shallow).
  if (formula.length > MAX_LENGTH) return null;
  const tokens = tokenize(formula.replace(/^=/, ""));
  if (!tokens || tokens.length === 0) return null;
  let i = 0;
  let nesting = 0;
  const nested = <T>(f: () => T): T => {
    if (++nesting > MAX_NESTING) throw new NotParsed();
    try {
      return f();
    } finally {
      nesting--;
    }
  };
  const peek = () => tokens[i];
  const isOp = (v: string) => {
    const p = peek();
    return p?.t === "op" && p.v === v;
  };
  const expect = (v: string) => {
    if (!isOp(v)) throw new NotParsed();
    i++;
  };
  // Excel's precedence, loosest first: comparison, &, + −, × ÷, ^, unary minus.
  const comparison = (): Node => nested(() => {
    let a = concat();
    for (let p = peek(); p?.t === "op" && COMPARISON.has(p.v); p = peek()) {
      i++;
      a = { t: "bin", op: p.v, a, b: concat() };
    }
    return a;
  });
  const concat = (): Node => {
    let a = additive();
    while (isOp("&")) {
      i++;
      a = { t: "bin", op: "&", a, b: additive() };
    }
    return a;
  };
  const additive = (): Node => {
    let a = term();
    for (let p = peek(); p?.t === "op" && (p.v === "+" || p.v === "-"); p = peek()) {
      i++;
      a = { t: "bin", op: p.v, a, b: term() };
    }
    return a;
  };
  const term = (): Node => {
    let a = power();
    for (let p = peek(); p?.t === "op" && (p.v === "*" || p.v === "/"); p = peek()) {
      i++;
      a = { t: "bin", op: p.v, a, b: power() };
    }
    return a;
  };
  const power = (): Node => {
    let a = unary();
    while (isOp("^")) {
      i++;
      a = { t: "bin", op: "^", a, b: unary() };
    }
    return a;
  };
  const unary = (): Node =>
    nested(() => {
      if (isOp("-")) {
        i++;
        return { t: "neg", x: unary() };
      }
      if (isOp("+")) {
        i++;
        return unary();
      }
      return primary();
    });
  const primary = (): Node => {
    const tok = tokens[i++];
    if (!tok) throw new NotParsed();
    switch (tok.t) {
      case "num":
        return { t: "num", v: tok.v };
      case "str":
        return { t: "str", v: tok.v };
      case "ref":
        return tok.node;
      case "word":
        if (tok.v === "TRUE" || tok.v === "FALSE") return { t: "bool", v: tok.v === "TRUE" };
        throw new NotParsed();
      case "fn": {
        const args: Array<Node | null> = [];
        if (isOp(")")) {
          i++;
          return { t: "call", fn: tok.v, args };
        }
        for (;;) {
          // An omitted argument (ROUND(A1,), IF(A1,,0)) is kept as null.
          args.push(isOp(",") || isOp(")") ? null : comparison());
          if (isOp(")")) {
            i++;
            return { t: "call", fn: tok.v, args };
          }
          expect(",");
        }
      }
      case "op":
        if (tok.v === "(") {
          const inner = comparison();
          expect(")");
          return inner;
        }
        throw new NotParsed();
    }
  };
  try {
    const node = comparison();
    return i === tokens.length ? node : null;
  } catch (e) {
    if (e instanceof NotParsed) return null;
    throw e;
  }
}
