/**
 * Root cause first (issue 14): a blank total is named as blank with a positive expected value, a mistyped code gives
 * its code finding and no sum cascade, one cell gets one finding and never two different 应为, and no other table
 * is blamed for a blank row.
 */
import { checkWorkbook } from "../../src/core/engine";
import type { Finding } from "../../src/core/finding";
import type { GridWorkbook } from "../../src/core/grid";
import { getCatalogueSync } from "../../src/core/catalogue/sync";
import { loadFixture, setAmount } from "../helpers/variants";
import { a1 } from "../../src/core/finding";

const catalogue = getCatalogueSync();
const HEBEI = "hebei-qinhuangdao-social-insurance-2023";
const shown = (wb: GridWorkbook) => checkWorkbook(wb, { catalogue }).findings.filter((f) => f.severity !== "info");
const at = (f: Finding) => `${f.cells[0].sheet}!${a1(f.cells[0])}`;
const clear = (wb: GridWorkbook, sheet: string, cells: string[]) => cells.reduce((w, a) => setAmount(w, sheet, a, null), wb);

/** Invariants every result keeps: one finding per blamed cell, no negative expected amount. */
function expectOneVerdictPerCell(found: Finding[]): void {
  const cells = found.filter((f) => !f.rule.startsWith("catalogue.") && !f.rule.startsWith("document.")).map(at);
  expect(new Set(cells).size).toBe(cells.length);
  for (const f of found) if (f.expected !== undefined && /^-?\d/.test(f.expected)) expect(f.expected.startsWith("-")).toBe(false);
}

describe("blank totals are named as blank", () => {
  it.each([
    ["三公 合计", ["C6", "D6"], "8.66"],
    ["三公 小计", ["C7", "D7"], "0.68"],
  ])("a blank %s: each blank cell once, “为空白”, with the positive sum expected", async (_label, cells, expected) => {
    const found = shown(clear(await loadFixture(HEBEI), "三公经费支出表", cells));
    expectOneVerdictPerCell(found);
    expect(found.map((f) => [at(f), f.expected])).toEqual(cells.map((c) => [`三公经费支出表!${c}`, expected]));
    for (const f of found) {
      expect(f.message).toContain("为空白");
      expect(f.messageEn).toContain("is blank");
    }
  });

  it.each([
    ["类 208", ["D7", "E7", "F7"]],
    ["款 20805", ["D11", "E11"]],
  ])("a blank %s row in 支出总表: only its own cells are named, no other table blamed", async (_label, cells) => {
    const found = shown(clear(await loadFixture(HEBEI), "支出总表", cells));
    expectOneVerdictPerCell(found);
    expect(found.map(at).sort()).toEqual(cells.map((c) => `支出总表!${c}`).sort());
    for (const f of found) expect(f.message).toContain("为空白");
  });
});

describe("a mistyped code gives its code finding, not a cascade of sums", () => {
  it.each([
    ["a 类 digit (2080505 → 2090505)", "B13", "2090505", ["catalogue.wrong-parent"]],
    ["a digit lost (2080505 → 208055)", "B13", "208055", ["catalogue.unknown-code"]],
    ["two digits swapped in a 款 (20805 → 20850)", "B11", "20850", ["catalogue.wrong-parent", "catalogue.wrong-parent"]],
  ])("%s", async (_label, cell, typed, rules) => {
    const found = shown(setAmount(await loadFixture(HEBEI), "支出总表", cell, typed));
    expect(found.map((f) => f.rule)).toEqual(rules);
  });
});

describe("text in an amount column that is otherwise blank", () => {
  it("is flagged like any text amount (事业收入 of the 上海 收入预算总表 holds only “待定”)", async () => {
    const wb = setAmount(await loadFixture("shanghai-putuo-commerce-unit-2025"), "收入预算总表", "G8", "待定");
    expect(shown(wb).map((f) => [f.rule, at(f), f.actual])).toEqual([["cell.not-a-number", "收入预算总表!G8", "待定"]]);
  });
});

describe("hidden sheets", () => {
  it("are checked as usual and said to be hidden", async () => {
    const wb = setAmount(await loadFixture(HEBEI), "支出总表", "E12", 25.79);
    wb.sheets.find((s) => s.name === "支出总表")!.state = "hidden";
    const all = checkWorkbook(wb, { catalogue }).findings;
    expect(all.filter((f) => f.rule === "document.hidden-sheet").map((f) => [at(f), f.severity])).toEqual([["支出总表!A1", "info"]]);
    expect(all.some((f) => f.severity === "error" && at(f) === "支出总表!E12")).toBe(true);
  });
});
