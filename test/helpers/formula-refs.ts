/**
 * Rewrites the A1 cell references inside formula text, so that grid variants which move cells (inserted rows and
 * columns, stacked or renamed sheets) keep their formulas pointing at the same cells, as Excel would.
 * Handles "A1", "$A$1", "A1:B3", "Sheet!A1", "'My sheet'!A1:B3"; text inside "string literals" is left alone.
 * Whole-column/row references ("A:A", "1:1") are not rewritten.
 */
import { columnIndex, columnLetters } from "../../src/core/address";

export interface FormulaRef {
  /** Sheet the reference points to (the formula's own sheet when unqualified). */
  sheet: string;
  /** Whether the reference was written with a sheet prefix. */
  qualified: boolean;
  row: number;
  col: number;
}

/** Where a reference should point now; `sheet: null` writes it unqualified. */
export interface RefTarget {
  sheet: string | null;
  row: number;
  col: number;
}

const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z_\u3400-\u9fff][A-Za-z0-9_.\u3400-\u9fff]*)`;
const CELL = String.raw`(\$?)([A-Z]{1,3})(\$?)(\d+)`;
const REF_RE = new RegExp(
  String.raw`(?<![A-Za-z0-9_.$'!\u3400-\u9fff])(${SHEET}!)?${CELL}(?::${CELL})?(?![A-Za-z0-9_(!\u3400-\u9fff])`,
  "g",
);

function unquote(prefix: string): string {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u3400-\u9fff][A-Za-z0-9_.\u3400-\u9fff]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function rewriteFormulaRefs(formula: string, formulaSheet: string, map: (ref: FormulaRef) => RefTarget): string {
  // Even segments are outside string literals ("" inside a literal splits into two empty odd/even parts, harmlessly).
  const parts = formula.split('"');
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i].replace(
      REF_RE,
      (whole, prefix: string | undefined, d1: string, c1: string, d2: string, r1: string, ...rest: unknown[]) => {
        const [d3, c2, d4, r2] = rest as (string | undefined)[];
        const sheet = prefix ? unquote(prefix) : formulaSheet;
        const qualified = Boolean(prefix);
        const a = map({ sheet, qualified, row: Number(r1) - 1, col: columnIndex(c1) });
        let out = `${a.sheet === null ? "" : `${quoteSheet(a.sheet)}!`}${d1}${columnLetters(a.col)}${d2}${a.row + 1}`;
        if (c2 !== undefined && r2 !== undefined) {
          const b = map({ sheet, qualified, row: Number(r2) - 1, col: columnIndex(c2) });
          out += `:${d3 ?? ""}${columnLetters(b.col)}${d4 ?? ""}${b.row + 1}`;
        }
        return whole === out ? whole : out;
      },
    );
  }
  return parts.join('"');
}
