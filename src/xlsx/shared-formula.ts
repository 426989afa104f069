/**
 * Shared formulas (`<f t="shared" si ref>`): Excel stores the text once, on the master cell, and each dependent cell
 * means the same formula with its relative references moved by the dependent's offset from the master. This moves
 * them as Excel does: `$` parts stay, text in quotes and structured references ([…]) are left alone, and a reference
 * moved off the grid becomes #REF!.
 */
import { columnIndex, columnLetters } from "../core/address";
import { MAX_COLS, MAX_ROWS } from "./limits";

// A cell (A1, $B$2), a column range (A:C) or a row range (1:3), not preceded by a name character and not followed by
// one or by "(" (a function such as LOG10) or "!" (a sheet named like a cell).
const REF =
  /(?<![A-Za-z0-9_.$])(?:(\$?)([A-Z]{1,3})(\$?)(\d{1,7})|(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})|(\$?)(\d{1,7}):(\$?)(\d{1,7}))(?![A-Za-z0-9_.(!])/g;

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = "";
  let i = 0;
  // Split into literal segments ("…", '…', […]) copied as they are and code segments where references are moved.
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'" || ch === "[") {
      const close = ch === "[" ? "]" : ch;
      let j = i + 1;
      let depth = 1;
      while (j < formula.length) {
        if (ch === "[" && formula[j] === "[") depth++;
        else if (formula[j] === close) {
          // A doubled quote inside quotes is an escaped quote.
          if (ch !== "[" && formula[j + 1] === close) {
            j += 2;
            continue;
          }
          if (--depth === 0) break;
        }
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < formula.length && formula[j] !== '"' && formula[j] !== "'" && formula[j] !== "[") j++;
    out += shiftCode(formula.slice(i, j), dRow, dCol);
    i = j;
  }
  return out;
}

function shiftCode(code: string, dRow: number, dCol: number): string {
  return code.replace(REF, (whole, ca, cl, ra, rd, c1a, c1, c2a, c2, r1a, r1, r2a, r2) => {
    if (cl !== undefined) {
      const col = moveCol(cl, ca, dCol);
      const row = moveRow(rd, ra, dRow);
      return col === null || row === null ? "#REF!" : `${ca}${col}${ra}${row}`;
    }
    if (c1 !== undefined) {
      const a = moveCol(c1, c1a, dCol);
      const b = moveCol(c2, c2a, dCol);
      return a === null || b === null ? "#REF!" : `${c1a}${a}:${c2a}${b}`;
    }
    const a = moveRow(r1, r1a, dRow);
    const b = moveRow(r2, r2a, dRow);
    return a === null || b === null ? whole : `${r1a}${a}:${r2a}${b}`;
  });
}

function moveCol(letters: string, abs: string, d: number): string | null {
  const c = columnIndex(letters);
  if (c >= MAX_COLS) return letters; // not a column after all (a name such as "XYZ1" beyond XFD): leave it
  if (abs) return letters;
  const n = c + d;
  return n < 0 || n >= MAX_COLS ? null : columnLetters(n);
}

function moveRow(digits: string, abs: string, d: number): string | null {
  const r = Number(digits);
  if (abs) return digits;
  const n = r + d;
  return n < 1 || n > MAX_ROWS ? null : String(n);
}
