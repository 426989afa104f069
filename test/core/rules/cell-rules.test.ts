/** cell.*: what an amount cell holds (src/core/rules/cell-rules.ts); every id has a failing case here. */
import { checkWorkbook } from "../../../src/core/engine";
import type { Finding } from "../../../src/core/finding";
import { CELL_RULES } from "../../../src/core/rules/cell-rules";
import { at, book, expenditureRows, nonInfo, sheet } from "../build";

const reported = new Set<string>();
const check = (rows: Parameters<typeof sheet>[1], formulas: Record<string, string> = {}): Finding[] => {
  const s = sheet("S", rows);
  if (Object.keys(formulas).length) {
    s.formulas = [];
    for (const [a1, formula] of Object.entries(formulas)) {
      const col = a1.charCodeAt(0) - 65;
      const row = Number(a1.slice(1)) - 1;
      (s.formulas[row] ??= [])[col] = formula;
    }
  }
  const found = checkWorkbook(book(s)).findings;
  for (const f of found) reported.add(f.rule);
  return found;
};

describe("cell rules", () => {
  it("a consistent table has no cell findings", () => {
    expect(check(expenditureRows())).toEqual([]);
  });

  it("reports error values and non-numbers as errors naming the cell, and numbers stored as text as info", () => {
    const rows = expenditureRows();
    rows[6][3] = { error: "#REF!" };
    rows[7][3] = "八十";
    rows[7][4] = "1,00.0x";
    rows[6][2] = "120.00";
    const f = check(rows);
    const byRule = (r: string) => f.filter((x) => x.rule === r).map(at);
    expect(byRule("cell.error-value")).toEqual(["S!D7"]);
    expect(byRule("cell.not-a-number").sort()).toEqual(["S!D8", "S!E8"]);
    expect(f.find((x) => x.rule === "cell.number-as-text")).toMatchObject({ severity: "info", cells: [{ sheet: "S", row: 6, col: 2 }] });
    expect(f.find((x) => x.rule === "cell.error-value")!.message).toContain("S!D7");
  });

  it("accepts 1,234.56 as text, full-width digits and （12.00） negatives without new errors", () => {
    const rows = expenditureRows();
    rows[6][2] = "１２０.００";
    rows[7][2] = "180";
    expect(nonInfo(check(rows))).toEqual([]);
  });

  it("a formula reading its own cell is an error at that cell, even when its cached value keeps every sum", () => {
    const f = check(expenditureRows(), { D7: "SUM(D6:D7)" });
    expect(nonInfo(f).map((x) => [x.rule, x.severity, at(x)])).toEqual([["cell.circular-formula", "error", "S!D7"]]);
    expect(nonInfo(check(expenditureRows(), { D7: "D8+0" }))).toEqual([]);
  });

  it("a formula without a saved value is a warning at its cell, and no sum reads it as 0", () => {
    const rows = expenditureRows();
    rows[6][3] = null;
    // VLOOKUP is outside the evaluator: the cell has no value to read.
    const f = check(rows, { D7: 'VLOOKUP("20801",B8:D20,3,FALSE)' });
    expect(nonInfo(f).map((x) => [x.rule, x.severity, at(x)])).toEqual([["cell.formula-no-value", "warning", "S!D7"]]);
  });
});

it("every cell.* id has a failing case above", () => {
  expect(CELL_RULES.map((r) => r.id).filter((id) => !reported.has(id))).toEqual([]);
});
