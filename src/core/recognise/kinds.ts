/** Table kind from title words, confirmed or decided by header words. */
import type { FinalKind, TableKind } from "./types";

/** Words that make a row look like a table title. */
export function looksLikeTitle(text: string): boolean {
  const t = text.replace(/\s+/g, "");
  if (t.length < 4 || t.length > 60) return false;
  if (/^(注|备注|说明|单位[:：])/.test(t)) return false;
  return /表$|表[(（].*[)）]$|表\d*$/.test(t) && /(预算|收支|收入|支出|经费|三公|决算|绩效|采购|资产)/.test(t);
}

export function kindFromTitle(title: string): TableKind | null {
  const t = title.replace(/\s+/g, "");
  if (/绩效|政府采购|采购预算|固定资产|资产配置|国有资产|整体支出/.test(t)) return "other";
  // "收支" is often spelled out: 收入支出(预算|决算)总表, 财政拨款收入支出总表.
  const incomeAndExpenditure = /收支|收入支出/.test(t);
  if (/三公/.test(t)) return "three-public";
  if (/基本支出/.test(t)) return "basic-expenditure";
  // 政府性基金预算财政拨款收入支出表 is the fund table, not the 财政拨款收支总表.
  if (/(政府性基金|政府基金)/.test(t)) return "fund-expenditure";
  if (/国有资本经营/.test(t)) return "state-capital-expenditure";
  if (/财政拨款/.test(t) && incomeAndExpenditure) return "fiscal-summary";
  if (incomeAndExpenditure) return "summary";
  if (/经济分类/.test(t)) return "economic-summary";
  if (/一般公共预算/.test(t) && /支出/.test(t)) return "general-expenditure";
  if (/项目支出/.test(t)) return "project-expenditure";
  if (/收入/.test(t)) return "revenue";
  if (/支出/.test(t)) return "expenditure";
  return null;
}

/** Decides the kind from header words alone (used when the title is missing or says nothing). */
export function kindFromHeader(headerText: string): TableKind | null {
  const h = headerText.replace(/\s+/g, "");
  const twoSided = /收入/.test(h) && /支出/.test(h) && /项目/.test(h) && !/收入合计|本年收入.*小计/.test(h);
  if (/因公出国|公务接待|公务用车/.test(h)) return "three-public";
  if (twoSided && /(一般公共预算|政府性基金)/.test(h) && /支出/.test(h) && /金额/.test(h)) return "fiscal-summary";
  if (twoSided) return "summary";
  if (/人员经费/.test(h) && /公用经费/.test(h) && /经济分类/.test(h) && !/项目支出/.test(h)) return "basic-expenditure";
  if (/经济分类/.test(h)) return "economic-summary";
  if (/(事业收入|财政拨款收入|上级补助收入)/.test(h) && !/支出/.test(h)) return "revenue";
  if (/基本支出/.test(h) && /项目支出/.test(h) && /(经营支出|上缴上级|上解上级|对附属单位)/.test(h)) return "expenditure";
  if (/基本支出/.test(h) && /项目支出/.test(h)) return "general-expenditure";
  if (/项目名称/.test(h)) return "project-expenditure";
  return null;
}

/** The 预算 kinds (the 决算 ones are in final-kinds.ts). */
export type StandardKind = Exclude<TableKind, "other" | FinalKind>;

/** The standard tables of spec §1, in its order: the 9 of a 单位预算 set, then the 部门预算 extras. */
export const STANDARD_KINDS: readonly StandardKind[] = [
  "summary",
  "revenue",
  "expenditure",
  "fiscal-summary",
  "general-expenditure",
  "basic-expenditure",
  "fund-expenditure",
  "state-capital-expenditure",
  "three-public",
  "economic-summary",
  "project-expenditure",
];

/** The 9 tables every 单位预算 disclosure publishes. */
export const UNIT_SET_KINDS: readonly StandardKind[] = STANDARD_KINDS.slice(0, 9);
