/**
 * The nine tables of a 单位预算 disclosure in the Hebei layout (as hebei-qinhuangdao-social-insurance-2023.xlsx): one
 * table per sheet, title row, unit line, two-row merged header, 栏次 row, 合计 row, then per unit its 类/款/项 rows.
 * Every amount is a sum of the unit models' cents, so all identities hold.
 */
import type { GridSheet } from "../src/core/grid";
import { BUDGET_YEAR, type CodeName } from "./codes";
import { SheetBuilder } from "./sheet-builder";
import { economicClassOf, type FunctionLeaf, type UnitModel } from "./unit-model";

export interface WorkbookModel {
  /** Name of the consolidating body, for the unit line. */
  owner: string;
  units: UnitModel[];
  /** Names of every 类/款/项 code used. */
  names: Map<string, CodeName>;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const add = (a: number[], b: number[]) => a.map((x, i) => x + b[i]);

function start(name: string, title: string, width: number, owner: string, yearCol: number, unitMerge: number): SheetBuilder {
  const s = new SheetBuilder(name, width);
  s.row([title]);
  s.merge(0, 0, 0, width - 1);
  const line: (string | null)[] = [owner];
  line[yearCol] = `预算年度：${BUDGET_YEAR}`;
  line[width - 1] = "单位：万元";
  s.row(line);
  s.merge(1, 0, 1, unitMerge);
  return s;
}

function lanci(s: SheetBuilder, width: number): void {
  s.row(["栏次", ...Array.from({ length: width - 1 }, (_, i) => i + 1)]);
}

/** Function-coded body: 合计, then per unit its row and its 类/款/项 rows, each the sum of the 项 below it. */
function functionBody(s: SheetBuilder, model: WorkbookModel, columns: (l: FunctionLeaf) => number[]): void {
  const width = columns(model.units[0].leaves[0]).length;
  const zero = new Array<number>(width).fill(0);
  const total = model.units.reduce((acc, u) => u.leaves.reduce((a, l) => add(a, columns(l)), acc), zero);
  let index = 1;
  s.amountRow(index++, null, "合计", total);
  for (const unit of model.units) {
    s.amountRow(index++, unit.code, unit.name, unit.leaves.reduce((a, l) => add(a, columns(l)), zero));
    // Leaves are in code order, so each 类 and 款 is one contiguous run.
    for (let i = 0; i < unit.leaves.length; ) {
      const cls = unit.leaves[i].code.slice(0, 3);
      let end = i;
      while (end < unit.leaves.length && unit.leaves[end].code.startsWith(cls)) end++;
      const clsLeaves = unit.leaves.slice(i, end);
      s.amountRow(index++, cls, model.names.get(cls)!.name, clsLeaves.reduce((a, l) => add(a, columns(l)), zero));
      for (let j = 0; j < clsLeaves.length; ) {
        const sec = clsLeaves[j].code.slice(0, 5);
        let k = j;
        while (k < clsLeaves.length && clsLeaves[k].code.startsWith(sec)) k++;
        const secLeaves = clsLeaves.slice(j, k);
        s.amountRow(index++, sec, model.names.get(sec)!.name, secLeaves.reduce((a, l) => add(a, columns(l)), zero));
        for (const l of secLeaves) s.amountRow(index++, l.code, l.name, columns(l));
        j = k;
      }
      i = end;
    }
  }
}

/** Header of the function-coded tables: 序号 | 功能分类科目 (科目编码, 科目名称) | single-row amount columns. */
function functionHeader(s: SheetBuilder, amountLabels: string[]): void {
  const top = s.row(["序号", "功能分类科目", null, ...amountLabels]);
  s.row([null, "科目编码", "科目名称"]);
  s.merge(top, 1, top, 2);
  s.merge(top, 0, top + 1, 0);
  amountLabels.forEach((_, i) => s.merge(top, 3 + i, top + 1, 3 + i));
  lanci(s, 3 + amountLabels.length);
}

export function revenueSheet(model: WorkbookModel): GridSheet {
  const s = start("收入总表", "单位预算收入总表", 13, model.owner, 6, 5);
  const top = s.row(["序号", "功能分类科目", null, "合计", "本年收入", null, null, null, null, null, null, null, "上年结转"]);
  s.row([null, "科目编码", "科目名称", null, "小计", "财政拨款 收入", "财政专户 收入", "事业收入", "经营收入", "上级补助收入", "附属单位上缴收入", "其他收入", null]);
  s.merge(top, 1, top, 2);
  s.merge(top, 4, top, 11);
  s.merge(top, 0, top + 1, 0);
  s.merge(top, 3, top + 1, 3);
  s.merge(top, 12, top + 1, 12);
  lanci(s, 13);
  functionBody(s, model, (l) => {
    const fiscal = l.basic + l.projectGeneral - l.carry;
    return [fiscal + l.projectBusiness + l.carry, fiscal + l.projectBusiness, fiscal, 0, l.projectBusiness, 0, 0, 0, 0, l.carry];
  });
  return s.build();
}

export function expenditureSheet(model: WorkbookModel): GridSheet {
  const s = start("支出总表", "单位预算支出总表", 9, model.owner, 4, 3);
  functionHeader(s, ["合计", "基本支出", "项目支出", "经营支出", "上解上级支出", "对附属单位补助支出"]);
  functionBody(s, model, (l) => [l.basic + l.projectGeneral + l.projectBusiness, l.basic, l.projectGeneral + l.projectBusiness, 0, 0, 0]);
  return s.build();
}

export function generalExpenditureSheet(model: WorkbookModel): GridSheet {
  const s = start("一般公共预算支出表", "单位预算一般公共预算财政拨款支出表", 6, model.owner, 3, 2);
  functionHeader(s, ["合计", "基本支出", "项目支出"]);
  functionBody(s, model, (l) => [l.basic + l.projectGeneral, l.basic, l.projectGeneral]);
  return s.build();
}

/** 政府性基金 / 国有资本经营: empty, stated so under the header (as most units publish them). */
export function emptyFundSheet(name: string, title: string, statement: string, owner: string): GridSheet {
  const s = start(name, title, 6, owner, 3, 2);
  functionHeader(s, ["合计", "基本支出", "项目支出"]);
  s.row([statement]);
  return s.build();
}

export function basicExpenditureSheet(model: WorkbookModel): GridSheet {
  const s = start("基本支出表", "单位预算一般公共预算财政拨款基本支出表", 6, model.owner, 3, 2);
  const top = s.row(["序号", "支出部门经济分类科目", null, "一般公共预算基本支出"]);
  s.row([null, "科目编码", "科目名称", "合计", "人员经费", "公用经费"]);
  s.merge(top, 1, top, 2);
  s.merge(top, 3, top, 5);
  s.merge(top, 0, top + 1, 0);
  lanci(s, 6);
  const split = (code: string, cents: number) => (code.startsWith("302") ? [cents, 0, cents] : [cents, cents, 0]);
  const unitTotal = (u: UnitModel) => [...u.economic].reduce((a, [c, v]) => add(a, split(c, v)), [0, 0, 0]);
  let index = 1;
  s.amountRow(index++, null, "合计", model.units.reduce((a, u) => add(a, unitTotal(u)), [0, 0, 0]));
  for (const unit of model.units) {
    s.amountRow(index++, unit.code, unit.name, unitTotal(unit));
    const entries = [...unit.economic];
    for (const cls of ["301", "302", "303"]) {
      const items = entries.filter(([c]) => c.startsWith(cls));
      if (items.length === 0) continue;
      s.amountRow(index++, cls, economicClassOf(cls).name, items.reduce((a, [c, v]) => add(a, split(c, v)), [0, 0, 0]));
      for (const [code, cents] of items) s.amountRow(index++, code, model.names.get(code)!.name, split(code, cents));
    }
  }
  return s.build();
}

/** 类 rows of the 收支总表 / 财政拨款收支总表 expenditure side, in the published order. */
const CLASS_LINES: Array<[string, string | null]> = [
  ["一、一般公共服务支出", "201"], ["二、外交支出", "202"], ["三、国防支出", "203"], ["四、公共安全支出", "204"],
  ["五、教育支出", "205"], ["六、科学技术支出", "206"], ["七、文化旅游体育与传媒支出", "207"], ["八、社会保障和就业支出", "208"],
  ["九、社会保险基金支出", "209"], ["十、卫生健康支出", "210"], ["十一、节能环保支出", "211"], ["十二、城乡社区支出", "212"],
  ["十三、农林水支出", "213"], ["十四、交通运输支出", "214"], ["十五、资源勘探工业信息等支出", "215"], ["十六、商业服务业等支出", "216"],
  ["十七、金融支出", "217"], ["十八、援助其他地区支出", "219"], ["十九、自然资源海洋气象等支出", "220"], ["二十、住房保障支出", "221"],
  ["二十一、粮油物资储备支出", "222"], ["二十二、国有资本经营预算支出", "223"], ["二十三、灾害防治及应急管理支出", "224"], ["二十四、预备费", "227"],
  ["二十五、其他支出", "229"], ["二十六、转移性支出", "230"], ["二十七、债务还本支出", "231"], ["二十八、债务付息支出", "232"],
  ["二十九、债务发行费用支出", "233"], ["三十、抗疫特别国债安排的支出", "234"], ["三十一、人行科目", null],
];

interface Totals {
  fiscal: number;
  business: number;
  carry: number;
  /** Per 类: all spending, and the 一般公共预算 part. */
  classAll: Map<string, number>;
  classGeneral: Map<string, number>;
}

function totals(model: WorkbookModel): Totals {
  const t: Totals = { fiscal: 0, business: 0, carry: 0, classAll: new Map(), classGeneral: new Map() };
  for (const u of model.units) {
    for (const l of u.leaves) {
      t.fiscal += l.basic + l.projectGeneral - l.carry;
      t.business += l.projectBusiness;
      t.carry += l.carry;
      const cls = l.code.slice(0, 3);
      t.classAll.set(cls, (t.classAll.get(cls) ?? 0) + l.basic + l.projectGeneral + l.projectBusiness);
      t.classGeneral.set(cls, (t.classGeneral.get(cls) ?? 0) + l.basic + l.projectGeneral);
    }
  }
  return t;
}

const cell = (cents: number) => (cents === 0 ? null : cents / 100);

export function summarySheet(model: WorkbookModel): GridSheet {
  const t = totals(model);
  const s = start("收支总表", "单位预算收支总表", 5, model.owner, 2, 1);
  const top = s.row(["序号", "收入", null, "支出", null]);
  s.row([null, "项  目", "预算数", "项  目", "预算数"]);
  s.merge(top, 1, top, 2);
  s.merge(top, 3, top, 4);
  s.merge(top, 0, top + 1, 0);
  lanci(s, 5);
  const income: Array<[string, number]> = [
    ["一、一般公共预算拨款收入", t.fiscal], ["二、政府性基金预算拨款收入", 0], ["三、国有资本经营预算拨款收入", 0],
    ["四、财政专户管理资金收入", 0], ["五、事业收入", t.business], ["六、事业单位经营收入", 0], ["七、上级补助收入", 0],
    ["八、附属单位上缴收入", 0], ["九、其他收入", 0],
  ];
  const spent = sum([...t.classAll.values()]);
  CLASS_LINES.forEach(([label, code], i) => {
    const inc = income[i];
    s.row([i + 1, inc?.[0] ?? null, inc ? cell(inc[1]) : null, label, code ? cell(t.classAll.get(code) ?? 0) : null], 2);
  });
  const n = CLASS_LINES.length;
  s.row([n + 1, "本年收入合计", cell(t.fiscal + t.business), "本年支出合计", cell(spent)], 2);
  s.row([n + 2, "上年结转结余", cell(t.carry), "年终结转结余", null], 2);
  s.row([n + 3, "收入总计", cell(t.fiscal + t.business + t.carry), "支出总计", cell(spent)], 2);
  return s.build();
}

export function fiscalSummarySheet(model: WorkbookModel): GridSheet {
  const t = totals(model);
  const s = start("财政拨款收支总表", "单位预算财政拨款收支总表", 8, model.owner, 4, 3);
  const top = s.row(["序号", "收入", null, "支出"]);
  s.row([null, "项  目", "金额", "项  目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]);
  s.merge(top, 1, top, 2);
  s.merge(top, 3, top, 7);
  s.merge(top, 0, top + 1, 0);
  lanci(s, 8);
  const income: Array<[string, number]> = [["一、一般公共预算拨款", t.fiscal], ["二、政府性基金预算拨款", 0], ["三、国有资本经营预算拨款", 0]];
  const spent = sum([...t.classGeneral.values()]);
  CLASS_LINES.forEach(([label, code], i) => {
    const inc = income[i];
    const v = code ? cell(t.classGeneral.get(code) ?? 0) : null;
    s.row([i + 1, inc?.[0] ?? null, inc ? cell(inc[1]) : null, label, v, v, null, null], 2);
  });
  const n = CLASS_LINES.length;
  s.row([n + 1, "本年收入合计", cell(t.fiscal), "本年支出合计", cell(spent), cell(spent), null, null], 2);
  s.row([n + 2, "年初财政拨款结转和结余", cell(t.carry), "年末财政拨款结转和结余", null, null, null, null], 2);
  s.row([n + 3, "一、一般公共预算拨款", cell(t.carry)], 2);
  s.row([n + 4, "二、政府性基金预算拨款", null], 2);
  s.row([n + 5, "三、国有资本经营预算拨款", null], 2);
  s.row([n + 6, "收入总计", cell(t.fiscal + t.carry), "支出总计", cell(spent), cell(spent), null, null], 2);
  return s.build();
}

export function threePublicSheet(model: WorkbookModel): GridSheet {
  const econ = (code: string) => sum(model.units.map((u) => u.economic.get(code) ?? 0));
  const research = sum(model.units.map((u) => u.abroadResearch));
  const otherAbroad = sum(model.units.map((u) => u.abroadOther));
  const purchase = sum(model.units.map((u) => u.vehiclePurchase));
  const ops = econ("30231");
  const reception = econ("30217");
  const meeting = econ("30215");
  const training = econ("30216");
  const abroad = research + otherAbroad;
  const vehicle = purchase + ops;
  const subtotal = abroad + vehicle + reception;
  const s = start("三公经费支出表", "单位预算财政拨款“三公”经费支出表", 6, model.owner, 3, 2);
  const top = s.row(["序号", "项  目", "资 金 性 质"]);
  s.row([null, null, "合计", "一般公共预算财政拨款", "政府性基金预算拨款", "国有资本经营预算财政拨款"]);
  s.merge(top, 2, top, 5);
  s.merge(top, 0, top + 1, 0);
  s.merge(top, 1, top + 1, 1);
  lanci(s, 6);
  const lines: Array<[string, number]> = [
    ["合计", subtotal + meeting + training], ["“三公”经费小计", subtotal], ["一、因公出国（境）费", abroad],
    ["    其中：教学科研人员因公出国（境）费", research], ["          其他因公出国（境）费", otherAbroad],
    ["二、公务用车购置及运维费", vehicle], ["    其中：公务用车购置费", purchase], ["          公务用车运行维护费", ops],
    ["三、公务接待费", reception], ["四、会议费", meeting], ["五、培训费", training],
  ];
  lines.forEach(([label, cents], i) => s.row([i + 1, label, cell(cents), cell(cents), null, null], 2));
  return s.build();
}
