/**
 * The budget of one generated unit, in integer cents, from which every table is derived by addition only — so every
 * identity of the spec holds by construction (row sums, 类 = Σ款 = Σ项, cross-table totals).
 *
 * Funding model per function 项: 基本支出 B (all 一般公共预算), project spending Pg (一般公共预算) and Pb (事业收入),
 * of which C (≤ Pg) is last year's carry-over. 收入总表: 合计 B+Pg+Pb = 本年收入 (财政拨款 B+Pg−C, 事业收入 Pb) + 上年结转 C.
 * 支出总表: 基本 B, 项目 Pg+Pb. 一般公共预算支出表: 基本 B, 项目 Pg. 基本支出表 splits Σ B by 部门经济分类.
 */
import {
  ECONOMIC_CLASSES,
  FAMILY_ITEMS,
  LINKED_ITEMS,
  PERSONNEL_ITEMS,
  PUBLIC_USE_ITEMS,
  unitIdentity,
  type CodeName,
  type FunctionClass,
} from "./codes";
import type { Prng } from "./prng";

export interface FunctionLeaf extends CodeName {
  basic: number;
  projectGeneral: number;
  projectBusiness: number;
  carry: number;
}

export interface UnitModel extends CodeName {
  /** 项 in code order. */
  leaves: FunctionLeaf[];
  /** 部门经济分类 款 → cents (基本支出), in code order. */
  economic: Map<string, number>;
  /** 三公 items not in 基本支出表 (project-funded): vehicle purchase, overseas trips. */
  vehiclePurchase: number;
  abroadResearch: number;
  abroadOther: number;
}

const yuan = (p: Prng, min: number, max: number) => p.int(min * 100, max * 100);

/** Amounts are in 万元 with two decimals, as in the published tables. */
export function generateUnit(p: Prng, index: number, classes: FunctionClass[], byCode: Map<string, CodeName>): UnitModel {
  const id = unitIdentity(index);
  const administrative = p.chance(0.5);
  // 基本支出 by economic 款.
  const economic = new Map<string, number>();
  for (const item of PERSONNEL_ITEMS) {
    const always = ["30101", "30102", "30108", "30110", "30112", "30113"].includes(item.code);
    if (item.code === "30111" && !administrative) continue;
    if (always || p.chance(0.5)) economic.set(item.code, yuan(p, 1, 300));
  }
  for (const item of PUBLIC_USE_ITEMS) if (p.chance(0.55)) economic.set(item.code, yuan(p, 0, 20) + 1);
  for (const item of FAMILY_ITEMS) if (p.chance(0.4)) economic.set(item.code, yuan(p, 0, 40) + 1);

  // Function 项: the linked ones carry exactly the matching economic amounts; others share the rest.
  const linked: FunctionLeaf[] = [];
  const leaf = (code: string, basic: number): FunctionLeaf => ({ code, name: byCode.get(code)!.name, basic, projectGeneral: 0, projectBusiness: 0, carry: 0 });
  linked.push(leaf(LINKED_ITEMS.pension, economic.get("30108") ?? 0));
  linked.push(leaf(administrative ? LINKED_ITEMS.medicalAdmin : LINKED_ITEMS.medicalInstitution, economic.get("30110") ?? 0));
  if (economic.has("30111")) linked.push(leaf(LINKED_ITEMS.civilServantMedical, economic.get("30111")!));
  linked.push(leaf(LINKED_ITEMS.housingFund, economic.get("30113") ?? 0));
  const linkedCodes = new Set<string>(Object.values(LINKED_ITEMS));
  let rest = 0;
  for (const [code, cents] of economic) if (!["30108", "30110", "30111", "30113"].includes(code)) rest += cents;

  // The unit's own line of work: 1–4 类, each with 1–3 款 and 1–4 项.
  const own: FunctionLeaf[] = [];
  for (const cls of p.sample(classes, p.int(1, 4))) {
    for (const section of p.sample(cls.sections, p.int(1, 3))) {
      for (const item of p.sample(section.items, p.int(1, 4))) {
        if (linkedCodes.has(item.code)) continue;
        own.push(leaf(item.code, 0));
      }
    }
  }
  if (own.length === 0) own.push(leaf(classes[0].sections[0].items[0].code, 0));
  const basicShares = p.split(rest, own.length);
  own.forEach((l, i) => {
    l.basic = basicShares[i];
    if (p.chance(0.6) || l.basic === 0) l.projectGeneral = yuan(p, 1, 500);
    if (p.chance(0.2)) l.projectBusiness = yuan(p, 1, 200);
    if (l.projectGeneral > 0 && p.chance(0.25)) l.carry = p.int(1, l.projectGeneral);
  });
  const byLeaf = new Map<string, FunctionLeaf>();
  for (const l of [...own, ...linked]) {
    const prev = byLeaf.get(l.code);
    if (!prev) byLeaf.set(l.code, l);
    else {
      prev.basic += l.basic;
      prev.projectGeneral += l.projectGeneral;
      prev.projectBusiness += l.projectBusiness;
      prev.carry += l.carry;
    }
  }
  // A linked 项 with nothing on it (e.g. no 30108) would be an all-blank row: give it a small project amount.
  for (const l of byLeaf.values()) if (l.basic + l.projectGeneral + l.projectBusiness === 0) l.projectGeneral = yuan(p, 1, 10);
  const leaves = [...byLeaf.values()].sort((a, b) => a.code.localeCompare(b.code));
  const vehicle = economic.has("30231") && p.chance(0.1) ? yuan(p, 10, 30) : 0;
  const abroad = p.chance(0.1);
  return {
    ...id,
    leaves,
    economic: new Map([...economic.entries()].sort((a, b) => a[0].localeCompare(b[0]))),
    vehiclePurchase: vehicle,
    abroadResearch: abroad ? yuan(p, 1, 10) : 0,
    abroadOther: abroad ? yuan(p, 1, 10) : 0,
  };
}

export function economicClassOf(code: string): CodeName {
  const cls = code.slice(0, 3);
  return { code: cls, name: ECONOMIC_CLASSES[cls] };
}
