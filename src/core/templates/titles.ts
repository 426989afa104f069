/** Template names: the published Chinese titles per style, English names for the pane, sheet names of a set. */
import type { BlockKind, TemplateKind, TemplateStyle } from "./types";
import { isFinalKind } from "../recognise/final-kinds";
import { finalTemplateSheetName } from "./final-templates";
import { STANDARD_KINDS } from "../recognise/kinds";

interface KindNames {
  /** Title after the year in the unit style: "2026年单位预算收支总表". */
  unit: string;
  /** Title after the year in the department style: "2026年部门收支预算表". */
  department: string;
  en: string;
  sheet: string;
}

const NAMES: Record<TemplateKind, KindNames> = {
  summary: { unit: "单位预算收支总表", department: "部门收支预算表", en: "Revenue and expenditure summary", sheet: "收支总表" },
  revenue: { unit: "单位预算收入总表", department: "部门收入预算表", en: "Revenue", sheet: "收入总表" },
  expenditure: { unit: "单位预算支出总表", department: "部门支出预算表", en: "Expenditure", sheet: "支出总表" },
  "fiscal-summary": {
    unit: "单位预算财政拨款收支总表",
    department: "财政拨款收支预算表",
    en: "Fiscal appropriation summary",
    sheet: "财政拨款收支总表",
  },
  "general-expenditure": {
    unit: "单位预算一般公共预算财政拨款支出表",
    department: "一般公共预算支出预算表",
    en: "General public budget expenditure",
    sheet: "一般公共预算支出表",
  },
  "basic-expenditure": {
    unit: "单位预算一般公共预算财政拨款基本支出表",
    department: "一般公共预算基本支出预算表",
    en: "General public budget basic expenditure",
    sheet: "基本支出表",
  },
  "fund-expenditure": {
    unit: "单位预算政府性基金预算财政拨款支出表",
    department: "政府性基金支出预算表",
    en: "Government fund expenditure",
    sheet: "政府性基金支出表",
  },
  "state-capital-expenditure": {
    unit: "单位预算国有资本经营预算财政拨款支出表",
    department: "国有资本经营支出预算表",
    en: "State capital operation expenditure",
    sheet: "国有资本经营支出表",
  },
  "three-public": {
    unit: "单位预算财政拨款“三公”经费支出表",
    department: "财政拨款“三公”经费预算表",
    en: '"Three public" expenses',
    sheet: "三公经费支出表",
  },
  "economic-summary": {
    unit: "单位预算支出经济分类汇总表",
    department: "支出经济分类汇总表",
    en: "Expenditure by economic classification",
    sheet: "经济分类汇总表",
  },
  "project-expenditure": {
    unit: "单位预算项目支出表",
    department: "项目支出预算表",
    en: "Project expenditure",
    sheet: "项目支出表",
  },
};

/** Every kind a template exists for: the standard tables, in spec §1 order. */
export const TEMPLATE_KINDS: readonly TemplateKind[] = STANDARD_KINDS;

export function templateTitle(kind: TemplateKind, style: TemplateStyle, year: number): string {
  return `${year}年${NAMES[kind][style]}`;
}

export function templateKinds(): Array<{ kind: TemplateKind; titleZh: string; titleEn: string }> {
  return TEMPLATE_KINDS.map((kind) => ({ kind, titleZh: NAMES[kind].unit, titleEn: NAMES[kind].en }));
}

/** Sheet name of a kind in a template set (as in the fixtures: 收支总表, 收入总表 …). */
export function templateSheetName(kind: BlockKind): string {
  return isFinalKind(kind) ? finalTemplateSheetName(kind) : NAMES[kind].sheet;
}
