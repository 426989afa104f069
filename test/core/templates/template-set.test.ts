/**
 * Full sets: recognised sheet by sheet, clean when empty, and clean again once a realistic budget is typed in and
 * the totals are computed from the template's formulas as Excel would — templates and checker agree.
 */
import { getCatalogueSync } from "../../../src/core/catalogue/sync";
import { checkWorkbook, recogniseAll } from "../../../src/core/engine";
import type { CellValue, GridWorkbook } from "../../../src/core/grid";
import { buildTemplateSet, templateSetKinds, templatesToWorkbook, type TemplateOptions } from "../../../src/core/templates";
import { getCell, recalculate, setCell } from "./excel-eval";
import { OPTIONS, deleteEmptyStatement, problems } from "./helpers";

const UNIT: TemplateOptions = { ...OPTIONS, style: "unit" };
const DEPARTMENT: TemplateOptions = { ...OPTIONS, style: "department" };

function setOf(options: TemplateOptions): GridWorkbook {
  return templatesToWorkbook(buildTemplateSet(options), "模板.xlsx");
}

/** Types amounts as a user would: a table that was empty loses its 空表列示 statement once it gets data. */
function put(wb: GridWorkbook, sheet: string, cells: Record<string, CellValue>): void {
  for (const [address, value] of Object.entries(cells)) setCell(wb, sheet, address, value);
  if (["三公经费支出表", "项目支出表", "政府性基金支出表", "国有资本经营支出表"].includes(sheet)) deleteEmptyStatement(wb, sheet);
}

describe("buildTemplateSet", () => {
  it("unit style: the 9 tables of a 单位预算, one per sheet, named as in the Hebei fixture", () => {
    const wb = setOf(UNIT);
    expect(wb.sheets.map((s) => s.name)).toEqual([
      "收支总表",
      "收入总表",
      "支出总表",
      "财政拨款收支总表",
      "一般公共预算支出表",
      "基本支出表",
      "政府性基金支出表",
      "国有资本经营支出表",
      "三公经费支出表",
    ]);
    const tables = recogniseAll(wb);
    expect(tables.map((t) => [t.sheet, t.kind])).toEqual(wb.sheets.map((s, i) => [s.name, templateSetKinds("unit")[i]]));
    expect(checkWorkbook(wb).findings).toEqual([]);
  });

  it("department style: adds 经济分类汇总表 and 项目支出表 (Henan order), recognised and clean", () => {
    const wb = setOf(DEPARTMENT);
    expect(wb.sheets.map((s) => s.name)).toEqual([
      "收支总表",
      "收入总表",
      "支出总表",
      "财政拨款收支总表",
      "一般公共预算支出表",
      "基本支出表",
      "经济分类汇总表",
      "三公经费支出表",
      "政府性基金支出表",
      "国有资本经营支出表",
      "项目支出表",
    ]);
    const tables = recogniseAll(wb);
    expect(tables.map((t) => t.kind)).toEqual([...templateSetKinds("department")]);
    expect(tables.every((t) => t.range.top === 0 && t.range.left === 0)).toBe(true);
    expect(checkWorkbook(wb).findings).toEqual([]);
  });

  it("a set in 元 says so on every table", () => {
    const tables = recogniseAll(setOf({ ...UNIT, measure: "元" }));
    expect(new Set(tables.map((t) => t.unit))).toEqual(new Set(["元"]));
  });
});

/**
 * One small budget, typed into the input cells only (the totals are the template's formulas):
 * 一般公共预算 100.00 this year + 5.00 carried over, all spent in 类 208:
 *   2080109 社会保险经办机构 45.00 (基本 10.00, 项目 35.00; the 5.00 carry-over is spent here)
 *   2080505 机关事业单位基本养老保险缴费支出 60.00 (基本)
 * 基本支出 70.00 = 30101 基本工资 8.00 + 30108 养老保险缴费 60.00 (人员经费) + 30217 公务接待费 2.00 (公用经费),
 * and the 三公 table shows 公务接待费 2.00. Class and section rows (208, 20801, 20805; 301, 302) are typed too,
 * as units publish them.
 */
function fillUnitBudget(wb: GridWorkbook): void {
  put(wb, "收支总表", { C6: 100, C37: 5, E13: 105 });
  const functionRows = { B7: "208", C7: "社会保障和就业支出", B8: "20801", C8: "人力资源和社会保障管理事务", B9: "2080109", C9: "社会保险经办机构", B10: "20805", C10: "行政事业单位养老支出", B11: "2080505", C11: "机关事业单位基本养老保险缴费支出" };
  // 收入总表: F 财政拨款收入, M 上年结转.
  put(wb, "收入总表", { ...functionRows, F7: 100, M7: 5, F8: 40, M8: 5, F9: 40, M9: 5, F10: 60, F11: 60 });
  // 支出总表 and 一般公共预算支出表: E 基本支出, F 项目支出.
  for (const sheet of ["支出总表", "一般公共预算支出表"]) {
    put(wb, sheet, { ...functionRows, E7: 70, F7: 35, E8: 10, F8: 35, E9: 10, F9: 35, E10: 60, E11: 60 });
  }
  // 财政拨款收支总表: C6 一般公共预算拨款, C38 its carry-over; row 13 = 八、社会保障和就业支出, F = 一般公共预算.
  put(wb, "财政拨款收支总表", { C6: 100, C38: 5, F13: 105 });
  // 基本支出表: E 人员经费, F 公用经费.
  put(wb, "基本支出表", {
    B7: "301", C7: "工资福利支出", E7: 68,
    B8: "30101", C8: "基本工资", E8: 8,
    B9: "30108", C9: "机关事业单位基本养老保险缴费", E9: 60,
    B10: "302", C10: "商品和服务支出", F10: 2,
    B11: "30217", C11: "公务接待费", F11: 2,
  });
  // 三公: row 12 = 三、公务接待费, D = 一般公共预算财政拨款.
  put(wb, "三公经费支出表", { D12: 2 });
}

describe("a filled unit set, totals computed from the template formulas", () => {
  it("computes the totals Excel would and still checks clean", () => {
    const wb = setOf(UNIT);
    fillUnitBudget(wb);
    recalculate(wb);
    expect([getCell(wb, "收支总表", "C36"), getCell(wb, "收支总表", "C38"), getCell(wb, "收支总表", "E38")]).toEqual([100, 105, 105]);
    expect([getCell(wb, "收入总表", "D6"), getCell(wb, "收入总表", "E6"), getCell(wb, "收入总表", "M6"), getCell(wb, "收入总表", "D9")]).toEqual([105, 100, 5, 45]);
    expect([getCell(wb, "支出总表", "D6"), getCell(wb, "支出总表", "E6"), getCell(wb, "支出总表", "D7"), getCell(wb, "支出总表", "D12")]).toEqual([105, 70, 105, ""]);
    expect([getCell(wb, "财政拨款收支总表", "C37"), getCell(wb, "财政拨款收支总表", "C41"), getCell(wb, "财政拨款收支总表", "E41")]).toEqual([5, 105, 105]);
    expect([getCell(wb, "基本支出表", "D6"), getCell(wb, "基本支出表", "E6"), getCell(wb, "基本支出表", "F6")]).toEqual([70, 68, 2]);
    expect([getCell(wb, "三公经费支出表", "C6"), getCell(wb, "三公经费支出表", "D7")]).toEqual([2, 2]);
    expect(recogniseAll(wb).map((t) => t.kind)).toEqual([...templateSetKinds("unit")]);
    expect(problems(checkWorkbook(wb).findings)).toEqual([]);
    // With the catalogue too: the codes and names typed are the classification's.
    expect(problems(checkWorkbook(wb, { catalogue: getCatalogueSync() }).findings)).toEqual([]);
  });

  it("is not vacuous: a typed amount the totals do not follow is caught", () => {
    const wb = setOf(UNIT);
    fillUnitBudget(wb);
    recalculate(wb);
    // An accountant overwrites a 项 amount after the totals were computed (no recalculation).
    setCell(wb, "支出总表", "E11", 61);
    const rules = checkWorkbook(wb).findings.filter((f) => f.severity === "error").flatMap((f) => [f.rule, ...(f.also ?? [])]);
    expect(rules).toEqual(expect.arrayContaining(["hierarchy.sum", "table.columns-sum"]));
    // Recalculating makes the formulas follow, leaving only the real disagreement between tables and classes.
    recalculate(wb);
    expect(problems(checkWorkbook(wb).findings).length).toBeGreaterThan(0);
  });

  it("the 合计 row follows rows inserted anywhere in the data rows, with or without 类/款 rows", () => {
    const wb = setOf(UNIT);
    // Only 项 rows, in the last data rows, one code pasted as a number: the 合计 row still sums them (7-digit codes).
    put(wb, "一般公共预算支出表", { B13: "2080505", C13: "机关事业单位基本养老保险缴费支出", E13: 60, B14: 2101102, C14: "事业单位医疗", E14: 5.98 });
    recalculate(wb);
    expect(getCell(wb, "一般公共预算支出表", "D6")).toBeCloseTo(65.98, 10);
    const findings = checkWorkbook({ sheets: wb.sheets.filter((s) => s.name === "一般公共预算支出表") }).findings;
    expect(problems(findings)).toEqual([]);
  });
});

/** The same budget in the department layout: codes split into 类/款/项, leaf rows only (as Henan publishes). */
function fillDepartmentBudget(wb: GridWorkbook): void {
  put(wb, "收支总表", { C6: 100, C37: 5, E13: 105 });
  const leaves = { B7: "208", C7: "01", D7: "09", E7: "社会保险经办机构", B8: "208", C8: "05", D8: "05", E8: "机关事业单位基本养老保险缴费支出" };
  // 收入总表 (department): A 序号, B:D 类/款/项, E 名称, F 合计, G 小计, H 财政拨款收入 … O 上年结转.
  put(wb, "收入总表", { ...leaves, H7: 40, O7: 5, H8: 60 });
  for (const sheet of ["支出总表", "一般公共预算支出表"]) put(wb, sheet, { ...leaves, G7: 10, H7: 35, G8: 60 });
  put(wb, "财政拨款收支总表", { C6: 100, C38: 5, F13: 105 });
  // 基本支出表 (department): B 部门经济分类编码, C 名称, D 政府经济分类编码, E 名称, F 合计, G 人员经费, H 公用经费.
  put(wb, "基本支出表", {
    B7: "30101", C7: "基本工资", D7: "50501", E7: "工资福利支出", G7: 8,
    B8: "30108", C8: "机关事业单位基本养老保险缴费", D8: "50501", E8: "工资福利支出", G8: 60,
    B9: "30217", C9: "公务接待费", D9: "50502", E9: "商品和服务支出", H9: 2,
  });
  // 经济分类汇总表 (department): B 类, C 款, D 名称, E 合计, F 基本支出, G 项目支出.
  put(wb, "经济分类汇总表", {
    B7: "301", C7: "01", D7: "基本工资", F7: 8,
    B8: "301", C8: "08", D8: "机关事业单位基本养老保险缴费", F8: 60,
    B9: "302", C9: "17", D9: "公务接待费", F9: 2,
    B10: "302", C10: "27", D10: "委托业务费", G10: 35,
  });
  put(wb, "三公经费支出表", { D12: 2 });
  // 项目支出表: B 项目类型, C 项目名称, D 项目单位, E 合计, F 本年拨款·一般公共预算 …
  put(wb, "项目支出表", {
    B7: "其他运转类", C7: "社会保险经办运转经费", D7: OPTIONS.unitName, F7: 5,
    B8: "特定目标类", C8: "社会保险经办信息化建设", D8: OPTIONS.unitName, F8: 30,
  });
}

describe("a filled department set", () => {
  it("computes the totals Excel would and still checks clean", () => {
    const wb = setOf(DEPARTMENT);
    fillDepartmentBudget(wb);
    recalculate(wb);
    expect([getCell(wb, "收入总表", "F6"), getCell(wb, "收入总表", "G6"), getCell(wb, "收入总表", "F7")]).toEqual([105, 100, 45]);
    expect([getCell(wb, "支出总表", "F6"), getCell(wb, "支出总表", "G6"), getCell(wb, "支出总表", "H6")]).toEqual([105, 70, 35]);
    expect([getCell(wb, "基本支出表", "F6"), getCell(wb, "基本支出表", "G6"), getCell(wb, "基本支出表", "H6")]).toEqual([70, 68, 2]);
    expect([getCell(wb, "经济分类汇总表", "E6"), getCell(wb, "经济分类汇总表", "F6"), getCell(wb, "经济分类汇总表", "G6")]).toEqual([105, 70, 35]);
    expect([getCell(wb, "项目支出表", "E6"), getCell(wb, "项目支出表", "F6"), getCell(wb, "项目支出表", "E8")]).toEqual([35, 35, 30]);
    expect(recogniseAll(wb).map((t) => t.kind)).toEqual([...templateSetKinds("department")]);
    expect(problems(checkWorkbook(wb).findings)).toEqual([]);
    expect(problems(checkWorkbook(wb, { catalogue: getCatalogueSync() }).findings)).toEqual([]);
  });

  // 项目类型 and 项目单位 have no header word marking them as text: a single project's row alone must make them text.
  it("a department set with a single project checks clean", () => {
    const wb = setOf(DEPARTMENT);
    put(wb, "项目支出表", { B7: "特定目标类", C7: "社会保险经办信息化建设", D7: OPTIONS.unitName, F7: 30 });
    recalculate(wb);
    expect(problems(checkWorkbook({ sheets: wb.sheets.filter((s) => s.name === "项目支出表") }).findings)).toEqual([]);
  });
});
