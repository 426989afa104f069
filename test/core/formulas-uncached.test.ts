/**
 * Formulas without cached values (files written by scripts): simple ones are computed (SUM, + − × ÷, references on
 * the sheet or another), others are reported as having no computed value — never read as 0.00.
 */
import { checkWorkbook } from "../../src/core/engine";
import { computeFormula } from "../../src/core/formula/evaluate";
import type { GridWorkbook } from "../../src/core/grid";
import { book, sheet } from "./build";
import { loadFixture, setFormula, sumFormulas, withoutCachedValues } from "../helpers/variants";
import { a1 } from "../../src/core/finding";

const HEBEI = "hebei-qinhuangdao-social-insurance-2023";
const shown = (wb: GridWorkbook) => checkWorkbook(wb).findings.filter((f) => f.severity !== "info");

describe("computeFormula", () => {
  const wb = book(sheet("A", [[1, 2, 3], [null, "4.5", null]]), sheet("B s", [[10]]));
  wb.sheets[0].formulas = [[null, null, null], [null, null, "SUM(A1:C1)+B2"]];
  it.each([
    ["SUM(A1:C1)", 6],
    ["A1+B1*C1", 7],
    ["(A1+B1)*C1-1", 8],
    ["-A1+'B s'!A1/4", 1.5],
    ["SUM(A1,B1,2)", 5],
    ["C2*2", 21],
    ["0.1+0.2", 0.3],
  ])("%s = %d", (f, v) => {
    expect(computeFormula(wb, "A", f)).toBe(v);
  });
  it.each(["VLOOKUP(1,A1:C1,2)", "Nope!A1", "A1+", "Total*2"])("%s cannot be computed here", (f) => {
    expect(computeFormula(wb, "A", f)).toBeNull();
  });
  it("SUMIF and IF are computed; a division by zero gives Excel's error", () => {
    expect(computeFormula(wb, "A", 'SUMIF(A1:C1,">1")')).toBe(5);
    expect(computeFormula(wb, "A", "IF(A1,1,2)")).toBe(1);
    expect(computeFormula(wb, "A", "A1/0")).toEqual({ error: "#DIV/0!" });
  });
});

describe("a workbook whose totals are formulas without cached values", () => {
  it("SUM totals (on the sheet and from another sheet) are computed: the same clean result", async () => {
    let wb = sumFormulas(await loadFixture(HEBEI), "支出总表", "D7", ["D8", "D11", "D14"]);
    wb = setFormula(wb, "收支总表", "C37", "SUM(C6:C14)");
    wb = withoutCachedValues(wb, "支出总表", ["D7"]);
    expect(shown(wb)).toEqual([]);
    // The 支出总表 合计 read from the 收支总表: a cross-sheet reference, uncached.
    const cross = setFormula(await loadFixture(HEBEI), "支出总表", "D6", "'收支总表'!E37");
    expect(shown(cross)).toEqual([]);
  });

  it("a formula the checker cannot compute: “no computed value”, a warning at that cell, and no sum reads it as 0", async () => {
    const wb = setFormula(await loadFixture(HEBEI), "支出总表", "D7", "VLOOKUP(208,B8:D20,3,FALSE)");
    const found = shown(wb);
    expect(found.map((f) => [f.rule, f.severity, `${f.cells[0].sheet}!${a1(f.cells[0])}`])).toEqual([["cell.formula-no-value", "warning", "支出总表!D7"]]);
    expect(found[0].message).toContain("没有计算结果");
    expect(found[0].messageEn).toContain("Open and save it in Excel");
  });
});
