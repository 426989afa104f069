/**
 * workbooks.final-vs-budget and workbooks.final-variance, pure: the 预算 side is the published Hebei workbook as
 * recognised; the 决算 side a hand-built recognised `final-three-public` table over the Shanghai 决算 layout (items as
 * columns, 预算数 / 决算数 under each), so the rule is tested apart from 决算 recognition; the last test goes through it.
 */
import { recogniseAll } from "../../../src/core/engine";
import type { CellValue, GridSheet, GridWorkbook } from "../../../src/core/grid";
import type { RecognisedColumn, RecognisedTable, TableKind } from "../../../src/core/recognise/types";
import { extractWorkbook, workbookFindings, type WorkbookEntry } from "../../../src/core/workbooks";
import { threePublicItems } from "../../../src/core/workbooks/final-vs-budget";
import { inYuan, scaledAmounts } from "../../helpers/bureau";
import { loadFixture } from "../../helpers/fixtures";
import { a1 } from "../../../src/core/finding";

const TOP = "财政拨款“三公”经费";
const PATHS: string[][] = [
  [TOP, "合计"],
  [TOP, "因公出国（境）费"],
  [TOP, "公务用车购置及运行维护费", "小计"],
  [TOP, "公务用车购置及运行维护费", "公务用车购置费"],
  [TOP, "公务用车购置及运行维护费", "公务用车运行维护费"],
  [TOP, "公务接待费"],
].flatMap((p) => [
  [...p, "预算数"],
  [...p, "决算数"],
]);

/** The 决算 三公 table with one data row (row 7): [预算数, 决算数] for 合计, 出国, 车小计, 购置, 运行, 接待. */
function finalWorkbook(row: CellValue[]): { grid: GridWorkbook; table: RecognisedTable } {
  const sheet: GridSheet = {
    name: "财政拨款“三公”经费支出决算表",
    values: [["财政拨款“三公”经费支出决算表"], [null, null, null, null, null, null, null, null, null, null, null, "单位：万元"], [TOP], [], [], [], row],
    merges: [],
  };
  const columns: RecognisedColumn[] = PATHS.map((path, col) => ({ col, path, label: path[path.length - 1], role: "amount" }));
  const table: RecognisedTable = {
    id: "final-3p",
    sheet: sheet.name,
    kind: "final-three-public" as TableKind,
    title: "财政拨款“三公”经费支出决算表",
    range: { top: 0, left: 0, bottom: 6, right: 11 },
    headerRows: [2, 3, 4, 5],
    bodyRange: { top: 6, bottom: 6 },
    repeatedHeaderRows: [],
    unit: "万元",
    columns,
    rows: [{ row: 6, role: "item", label: "" }],
    itemsAsColumns: true,
    empty: false,
  };
  return { grid: { name: "决算.xlsx", sheets: [sheet] }, table };
}

function finalEntry(row: CellValue[]): WorkbookEntry {
  const { grid, table } = finalWorkbook(row);
  return { file: "决算/2023决算.xlsx", workbook: extractWorkbook(grid, [table]) };
}

let budgetGrid: GridWorkbook;
let budget: WorkbookEntry;
beforeAll(async () => {
  // Hebei 2023 ×10: “三公”经费小计 6.80 = 公务接待费 6.80; 合计 86.60 also holds 培训费, which is not a “三公” item.
  budgetGrid = scaledAmounts(await loadFixture("hebei-qinhuangdao-social-insurance-2023"), 10);
  budget = { file: "预算/2023预算.xlsx", workbook: extractWorkbook(budgetGrid, recogniseAll(budgetGrid)) };
});

const of = (rule: string, entries: WorkbookEntry[]) => workbookFindings(entries).filter((f) => f.rule === rule);

describe("workbooks.final-vs-budget", () => {
  it("reads the items of both layouts: “三公”小计 (not 合计 with 培训费) and 公务接待费 from the 预算 rows", () => {
    const items = threePublicItems(budget.workbook.tables.find((t) => t.kind === "three-public")!, "budget");
    expect(items.get("total")!.budget.map((c) => [c[2], c[3], c[4]])).toEqual([[6, 2, "6.8"]]);
    expect(items.get("reception")!.budget.map((c) => [c[2], c[3], c[4]])).toEqual([[13, 2, "6.8"]]);
    const f = threePublicItems(finalEntry([6.8, 7, 0, 0, 0, 0, 0, 0, 0, 0, 6.8, 7]).workbook.tables[0], null);
    expect(f.get("reception")).toEqual({ budget: [["t:", expect.any(String), 6, 10, "6.8"]], final: [["t:", expect.any(String), 6, 11, "7"]] });
    expect(f.get("purchase")!.budget[0][3]).toBe(6);
  });

  it("is silent when the 决算's 预算数 equal the 预算 workbook and the 决算数 are close", () => {
    expect(workbookFindings([budget, finalEntry([6.8, 7.5, null, null, null, null, null, null, null, null, 6.8, 7.5])])).toEqual([]);
  });

  it("a 预算数 that differs from the 预算 workbook is an error naming both files' cells", () => {
    const found = of("workbooks.final-vs-budget", [budget, finalEntry([7.8, 7.5, null, null, null, null, null, null, null, null, 7.8, 7.5])]);
    expect(found.map((f) => [f.severity, f.cells[0], f.cells[1], f.expected, f.actual])).toEqual([
      ["error", { file: "决算/2023决算.xlsx", sheet: "财政拨款“三公”经费支出决算表", row: 6, col: 0 }, { file: "预算/2023预算.xlsx", sheet: "三公经费支出表", row: 6, col: 2 }, "6.80", "7.80"],
      ["error", { file: "决算/2023决算.xlsx", sheet: "财政拨款“三公”经费支出决算表", row: 6, col: 10 }, { file: "预算/2023预算.xlsx", sheet: "三公经费支出表", row: 13, col: 2 }, "6.80", "7.80"],
    ]);
  });

  it("converts units: a 预算 workbook in 元 against a 决算 in 万元", () => {
    const yuan = inYuan(budgetGrid);
    const inYuanEntry = { file: "预算/元.xlsx", workbook: extractWorkbook(yuan, recogniseAll(yuan)) };
    expect(workbookFindings([inYuanEntry, finalEntry([6.8, 7.5, null, null, null, null, null, null, null, null, 6.8, 7.5])])).toEqual([]);
  });

  it("lists each 决算数 more than 20 % and more than 1 万元 from its 预算数 (info), and only those", () => {
    // 接待 9.50 vs 6.80: +2.70 (+39.7 %) → listed; 出国 1.80 vs 0 → listed (no budget at all); 运行 0.50 vs 0: under 1 万元.
    const found = of("workbooks.final-variance", [budget, finalEntry([6.8, 11.8, 0, 1.8, 0, 0.5, 0, 0, 0, 0.5, 6.8, 9.5])]);
    expect(found.map((f) => [f.severity, a1(f.cells[0]), a1(f.cells[1]), f.expected, f.actual])).toEqual([
      ["info", "B7", "A7", "6.80", "11.80"],
      ["info", "D7", "C7", "0.00", "1.80"],
      ["info", "L7", "K7", "6.80", "9.50"],
    ]);
    expect(found[2].message).toContain("+39.7%");
    expect(found[2].message).toContain("情况说明");
  });

  it("over 20 % but under 1 万元, or over 1 万元 but under 20 %, is not listed", () => {
    const small = of("workbooks.final-variance", [budget, finalEntry([6.8, 7.7, null, null, null, null, null, null, null, null, 6.8, 7.7])]);
    expect(small).toEqual([]);
    // 8.00 vs 6.80: 1.20 万元 but +17.6 %.
    const under = of("workbooks.final-variance", [budget, finalEntry([6.8, 8, null, null, null, null, null, null, null, null, 6.8, 8])]);
    expect(under).toEqual([]);
    const over = of("workbooks.final-variance", [budget, finalEntry([6.8, 8.2, null, null, null, null, null, null, null, null, 6.8, 8.2])]);
    expect(over.map((f) => a1(f.cells[0]))).toEqual(["B7", "L7"]);
  });
});

describe("workbooks.final-vs-budget on recognised workbooks (决算 recognition, issue 13)", () => {
  it("the published Shanghai 决算 against a 预算 workbook: 预算数 compared, variances listed", async () => {
    const finalGrid = await loadFixture("shanghai-putuo-social-work-final-2024");
    const three = finalGrid.sheets.find((s) => /三公/.test(s.name))!;
    // The published table is empty (本表无数据); typed here: 预算数 / 决算数 for 合计, 出国, 车, 购置, 运行, 接待.
    three.values[6] = [10, 2.5, null, null, null, null, null, null, null, null, 1, 2.5];
    const final = { file: "决算.xlsx", workbook: extractWorkbook(finalGrid, recogniseAll(finalGrid)) };
    expect(final.workbook.tables.some((t) => t.kind === "final-three-public")).toBe(true);
    const budgetGrid2025 = await loadFixture("shanghai-putuo-commerce-unit-2025");
    const budget2 = { file: "预算.xlsx", workbook: extractWorkbook(budgetGrid2025, recogniseAll(budgetGrid2025)) };
    const found = workbookFindings([budget2, final]);
    // 合计 预算数 10.00 against the 预算's 1.00: an error naming both; 接待 1.00 = 1.00 holds.
    const mismatch = found.filter((f) => f.rule === "workbooks.final-vs-budget");
    expect(mismatch.map((f) => [f.severity, f.cells[0].file, a1(f.cells[0]), f.cells[1].file, f.expected, f.actual])).toEqual([["error", "决算.xlsx", "A7", "预算.xlsx", "1.00", "10.00"]]);
    // 接待 决算数 2.50 against its 预算数 1.00: +1.50 万元, +150 %.
    const variance = found.filter((f) => f.rule === "workbooks.final-variance");
    expect(variance.map((f) => a1(f.cells[0]))).toEqual(["B7", "L7"]);
  });
});
