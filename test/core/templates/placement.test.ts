/** A block placed away from A1 (row 41, column D): formulas, merges and regions move with it and still check. */
import { parseA1, rangeToA1 } from "../../../src/core/address";
import { checkWorkbook, recogniseAll } from "../../../src/core/engine";
import type { GridSheet } from "../../../src/core/grid";
import {
  buildTemplate,
  placeTemplate,
  placementIsFree,
  templateKinds,
  templatesToWorkbook,
  type TemplateStyle,
} from "../../../src/core/templates";
import { getCell, recalculate, setCell } from "./excel-eval";
import { OPTIONS, deleteEmptyStatement, problems, shiftFormula, workbookOf } from "./helpers";

const ORIGIN = { row: 40, col: 3 };
const KINDS = templateKinds().map((k) => k.kind);

describe.each(["unit", "department"] as TemplateStyle[])("placeTemplate at D41 (%s style)", (style) => {
  it.each(KINDS)("%s: every formula is the A1 formula with its references shifted by 40 rows and 3 columns", (kind) => {
    const block = buildTemplate(kind, { ...OPTIONS, style });
    const placed = placeTemplate(block, ORIGIN, "表");
    block.formulas.forEach((row, i) =>
      row.forEach((f, j) => expect(placed.formulas[i][j]).toBe(f === null ? null : shiftFormula(f, 40, 3))),
    );
    expect(placed.merges.map(rangeToA1)).toEqual(
      block.merges.map((m) => rangeToA1({ top: m.top + 40, bottom: m.bottom + 40, left: m.left + 3, right: m.right + 3 })),
    );
    expect(placed.range).toEqual({ top: 40, left: 3, bottom: 40 + block.rowCount - 1, right: 3 + block.colCount - 1 });
    expect(placed.columnWidths[0].col).toBe(3);
    expect(placed.print.area).toBe(rangeToA1(placed.range));
    expect(placed.regions.totalRows).toEqual(block.regions.totalRows.map((r) => r + 40));
  });

  it.each(KINDS)("%s: recognised where it was placed and clean", (kind) => {
    const wb = workbookOf(kind, { ...OPTIONS, style }, ORIGIN);
    const [table] = recogniseAll(wb);
    expect(table.kind).toBe(kind);
    expect(table.range.top).toBe(40);
    expect(table.range.left).toBe(3);
    expect(checkWorkbook(wb).findings).toEqual([]);
  });
});

describe("placed formulas compute from the placed cells", () => {
  it("收入总表 at D41: a typed 项 row flows into its row totals and the 合计 row", () => {
    const wb = workbookOf("revenue", OPTIONS, ORIGIN);
    // Block-relative B7/C7/F7/M7 → sheet E47/F47/I47/P47; the 合计 row (block row 6) → sheet row 46.
    const s = "表";
    setCell(wb, s, "E47", "2080109");
    setCell(wb, s, "F47", "社会保险经办机构");
    setCell(wb, s, "I47", 40);
    setCell(wb, s, "P47", 5);
    recalculate(wb);
    expect(wb.sheets[0].formulas![parseA1("G47").row][parseA1("G47").col]).toBe('IF(COUNT(H47,P47),SUM(H47,P47),"")');
    expect([getCell(wb, s, "H47"), getCell(wb, s, "G47"), getCell(wb, s, "G46"), getCell(wb, s, "P46")]).toEqual([40, 45, 45, 5]);
    expect(problems(checkWorkbook(wb).findings)).toEqual([]);
  });

  it("三公 at D41: 公务用车 sub-rows roll up to 小计 and 合计", () => {
    const wb = workbookOf("three-public", OPTIONS, ORIGIN);
    // Body starts at block row 6 → sheet row 46; 公务用车购置费 is the 5th line (row 50), 运行维护费 row 51,
    // 培训费 row 54; 一般公共预算 is block column D → sheet column G.
    setCell(wb, "表", "G50", 12);
    setCell(wb, "表", "G51", 3.5);
    setCell(wb, "表", "H54", 1.25);
    deleteEmptyStatement(wb, "表");
    recalculate(wb);
    expect([getCell(wb, "表", "G49"), getCell(wb, "表", "G47"), getCell(wb, "表", "G46"), getCell(wb, "表", "F46")]).toEqual([15.5, 15.5, 15.5, 16.75]);
    expect(problems(checkWorkbook(wb).findings)).toEqual([]);
  });

  it("two blocks stacked on one sheet are two tables, each clean", () => {
    const a = placeTemplate(buildTemplate("general-expenditure", OPTIONS), { row: 0, col: 0 }, "汇总");
    const b = placeTemplate(buildTemplate("fund-expenditure", OPTIONS), { row: a.range.bottom + 3, col: 0 }, "汇总");
    const wb = templatesToWorkbook([a, b]);
    expect(recogniseAll(wb).map((t) => t.kind)).toEqual(["general-expenditure", "fund-expenditure"]);
    expect(checkWorkbook(wb).findings).toEqual([]);
  });
});

describe("placementIsFree", () => {
  const sheet = (): GridSheet => ({ name: "表", values: [], merges: [] });

  it("is true on an empty area and false over any value, formula or merge", () => {
    const placed = placeTemplate(buildTemplate("three-public", OPTIONS), ORIGIN, "表");
    expect(placementIsFree(sheet(), placed)).toBe(true);
    const withValue = sheet();
    withValue.values[45] = [];
    withValue.values[45][5] = 1;
    expect(placementIsFree(withValue, placed)).toBe(false);
    const withMerge = sheet();
    withMerge.merges.push({ top: 0, left: 0, bottom: 40, right: 3 });
    expect(placementIsFree(withMerge, placed)).toBe(false);
    const beside = sheet();
    beside.values[40] = ["x", "y", "z"];
    expect(placementIsFree(beside, placed)).toBe(true);
  });

  it("rejects an origin outside the sheet", () => {
    expect(() => placeTemplate(buildTemplate("summary", OPTIONS), { row: -1, col: 0 }, "表")).toThrow(RangeError);
  });
});
