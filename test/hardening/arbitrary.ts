/**
 * fast-check arbitraries of small consistent table sets: a 收支总表, 支出总表, 一般公共预算支出表 and 基本支出表 of one
 * or two units, with 项 codes drawn from a short list of real 2023 codes and random cents. Every amount is derived
 * from the unit models by addition (bench/tables.ts lays the sheets out), so every identity of spec §2 holds: row and
 * column sums, 类 = Σ款 = Σ项, the 合计 rows, the 收支总表 balance and class lines, 一般公共预算 基本支出 = 基本支出表
 * 合计, and the 30108/30110/30111/30113 ↔ 2080505/2101101/2101102/2101103/2210201 pairs.
 */
import fc from "fast-check";
import { BUDGET_YEAR, type CodeName } from "../../bench/codes";
import { basicExpenditureSheet, expenditureSheet, generalExpenditureSheet, summarySheet, type WorkbookModel } from "../../bench/tables";
import type { FunctionLeaf, UnitModel } from "../../bench/unit-model";
import type { GridWorkbook } from "../../src/core/grid";
import type { RuleProfile } from "../../src/core/profiles";
import { catalogue } from "./helpers";

/** 项 a unit may spend on besides the linked ones (all in the 2023 catalogue). */
const OWN_ITEMS = ["2010101", "2010102", "2010201", "2080101", "2080102", "2210202"];
/** 部门经济分类 款 and their names (as in 基本支出表). */
const ECONOMIC: CodeName[] = [
  { code: "30101", name: "基本工资" },
  { code: "30102", name: "津贴补贴" },
  { code: "30108", name: "机关事业单位基本养老保险缴费" },
  { code: "30110", name: "职工基本医疗保险缴费" },
  { code: "30111", name: "公务员医疗补助缴费" },
  { code: "30113", name: "住房公积金" },
  { code: "30201", name: "办公费" },
  { code: "30211", name: "差旅费" },
  { code: "30217", name: "公务接待费" },
  { code: "30302", name: "退休费" },
];
const ECONOMIC_CLASSES: Record<string, string> = { "301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助" };
/** 部门经济分类 款 whose 基本支出 must equal a function 项's (cross.basic-function). */
const LINKED: Record<string, string> = { "30108": "2080505", "30110": "2101101", "30111": "2101103", "30113": "2210201" };

/** The four tables of the set, so a profile can leave the other standard tables' absence unreported. */
export const SET_PROFILE: RuleProfile = { name: "default", disabled: ["document.missing-table"] };

function functionName(code: string): string {
  const e = catalogue.lookup(code, BUDGET_YEAR);
  if (!e) throw new Error(`${code} is not in the ${BUDGET_YEAR} catalogue`);
  return e.name;
}

const cents = (max: number) => fc.integer({ min: 1, max });

interface OwnLeafSpec {
  code: string;
  basicWeight: number;
  projectGeneral: number;
  projectBusiness: number;
  carryShare: number;
}

const unitSpec = fc.record({
  economic: fc.uniqueArray(fc.record({ item: fc.constantFrom(...ECONOMIC), cents: cents(300_00) }), {
    minLength: 1,
    maxLength: 6,
    selector: (e) => e.item.code,
  }),
  own: fc.uniqueArray(
    fc.record({
      code: fc.constantFrom(...OWN_ITEMS),
      basicWeight: fc.integer({ min: 0, max: 10 }),
      projectGeneral: fc.oneof(fc.constant(0), cents(500_00)),
      projectBusiness: fc.oneof(fc.constant(0), fc.constant(0), cents(200_00)),
      carryShare: fc.integer({ min: 0, max: 4 }),
    }),
    { minLength: 1, maxLength: 4, selector: (l) => l.code },
  ),
  administrative: fc.boolean(),
});

type UnitSpec = typeof unitSpec extends fc.Arbitrary<infer T> ? T : never;

function unitOf(spec: UnitSpec, index: number): UnitModel {
  const economic = new Map<string, number>();
  for (const e of spec.economic) economic.set(e.item.code, e.cents);
  const leaves = new Map<string, FunctionLeaf>();
  const leaf = (code: string): FunctionLeaf => {
    let l = leaves.get(code);
    if (!l) leaves.set(code, (l = { code, name: functionName(code), basic: 0, projectGeneral: 0, projectBusiness: 0, carry: 0 }));
    return l;
  };
  // Linked economic 款 carry their amount to their function 项 (30110 to 2101101 or 2101102 by the unit's type).
  let rest = 0;
  for (const [code, amount] of economic) {
    const linked = code === "30110" && !spec.administrative ? "2101102" : LINKED[code];
    if (linked) leaf(linked).basic += amount;
    else rest += amount;
  }
  // The rest of 基本支出 is shared by the unit's own 项 by weight (exact cents: the last takes the remainder).
  const own: OwnLeafSpec[] = spec.own;
  const weights = own.map((o) => o.basicWeight);
  const total = weights.reduce((a, b) => a + b, 0);
  let given = 0;
  own.forEach((o, i) => {
    const l = leaf(o.code);
    const share = i === own.length - 1 ? rest - given : total === 0 ? 0 : Math.floor((rest * weights[i]) / total);
    given += share;
    l.basic += share;
    l.projectGeneral += o.projectGeneral;
    l.projectBusiness += o.projectBusiness;
    l.carry += Math.floor((o.projectGeneral * o.carryShare) / 4);
  });
  // No all-blank 项 rows (a blank row is a different test).
  for (const l of leaves.values()) if (l.basic + l.projectGeneral + l.projectBusiness === 0) l.projectGeneral = 1_00;
  return {
    code: `30100${index + 1}`,
    name: ["秦皇岛市社会保险管理中心", "秦皇岛市医疗保障事务中心"][index],
    leaves: [...leaves.values()].sort((a, b) => a.code.localeCompare(b.code)),
    economic: new Map([...economic].sort((a, b) => a[0].localeCompare(b[0]))),
    vehiclePurchase: 0,
    abroadResearch: 0,
    abroadOther: 0,
  };
}

function namesOf(units: UnitModel[]): Map<string, CodeName> {
  const names = new Map<string, CodeName>();
  for (const u of units) {
    for (const l of u.leaves)
      for (const code of [l.code.slice(0, 3), l.code.slice(0, 5), l.code]) names.set(code, { code, name: functionName(code) });
    for (const code of u.economic.keys()) {
      names.set(code, ECONOMIC.find((e) => e.code === code)!);
      names.set(code.slice(0, 3), { code: code.slice(0, 3), name: ECONOMIC_CLASSES[code.slice(0, 3)] });
    }
  }
  return names;
}

export function workbookOfModel(model: WorkbookModel): GridWorkbook {
  return {
    name: "generated.xlsx",
    sheets: [summarySheet(model), expenditureSheet(model), generalExpenditureSheet(model), basicExpenditureSheet(model)],
  };
}

/** A consistent four-table set of one or two units. */
export const consistentSet: fc.Arbitrary<GridWorkbook> = fc.array(unitSpec, { minLength: 1, maxLength: 2 }).map((specs) => {
  const units = specs.map(unitOf);
  return workbookOfModel({ owner: "秦皇岛市人力资源和社会保障局", units, names: namesOf(units) });
});
