/**
 * The standard table set of a disclosure, which depends on its style:
 *
 * - unit style (单位预算, Hebei): the 9 tables every set has — summary, revenue, expenditure, fiscal-summary,
 *   general-expenditure, basic-expenditure, fund-expenditure, state-capital-expenditure, three-public;
 * - department style (部门预算, Henan): the same 9 plus economic-summary (支出经济分类汇总表) and
 *   project-expenditure (项目支出表). The rest of Henan's 13-table set (政府采购预算表, 绩效目标表) is recognised as
 *   `other` and not required. Provinces differ here (the central 8-table 部门预算 has neither extra table), so a
 *   missing extra is reported as info, a missing core table as a warning.
 *
 * Style is read from titles only (spec §1: never from sheet names): each title saying 单位预算 votes "unit", each
 * saying 部门 (部门收支预算表, 2022年部门预算…) votes "department"; the majority wins, and without votes or on a tie
 * the style is "unknown" and only the 9 core tables are expected.
 */
import { UNIT_SET_KINDS } from "../recognise/kinds";
import type { RecognisedTable, TableKind } from "../recognise/types";

export type DocumentStyle = "unit" | "department" | "unknown";

export const CORE_KINDS: readonly TableKind[] = UNIT_SET_KINDS;

export const DEPARTMENT_EXTRA_KINDS: readonly TableKind[] = ["economic-summary", "project-expenditure"];

export function documentStyle(tables: RecognisedTable[]): DocumentStyle {
  let unit = 0;
  let department = 0;
  for (const t of tables) {
    const title = t.title.replace(/\s+/g, "");
    if (/单位预算/.test(title)) unit++;
    else if (/部门/.test(title)) department++;
  }
  if (unit > department) return "unit";
  if (department > unit) return "department";
  return "unknown";
}

export function expectedKinds(style: DocumentStyle): TableKind[] {
  return style === "department" ? [...CORE_KINDS, ...DEPARTMENT_EXTRA_KINDS] : [...CORE_KINDS];
}

/** Names of the standard tables for messages (zh as commonly published, en). */
export const KIND_NAMES: Record<TableKind, { zh: string; en: string }> = {
  summary: { zh: "收支总表", en: "revenue and expenditure summary" },
  revenue: { zh: "收入总表", en: "revenue table" },
  expenditure: { zh: "支出总表", en: "expenditure table" },
  "fiscal-summary": { zh: "财政拨款收支总表", en: "fiscal appropriation summary" },
  "general-expenditure": { zh: "一般公共预算支出表", en: "general public budget expenditure table" },
  "basic-expenditure": { zh: "一般公共预算基本支出表", en: "general public budget basic expenditure table" },
  "fund-expenditure": { zh: "政府性基金预算支出表", en: "government fund expenditure table" },
  "state-capital-expenditure": { zh: "国有资本经营预算支出表", en: "state capital operation expenditure table" },
  "three-public": { zh: "“三公”经费支出表", en: '"three public expenses" table' },
  "economic-summary": { zh: "支出经济分类汇总表", en: "expenditure by economic classification" },
  "project-expenditure": { zh: "项目支出表", en: "project expenditure table" },
  "final-summary": { zh: "收入支出决算总表", en: "final accounts summary" },
  "final-revenue": { zh: "收入决算表", en: "final revenue table" },
  "final-expenditure": { zh: "支出决算表", en: "final expenditure table" },
  "final-fiscal-summary": { zh: "财政拨款收入支出决算总表", en: "final fiscal appropriation summary" },
  "final-general-expenditure": { zh: "一般公共预算财政拨款支出决算表", en: "final general public budget expenditure table" },
  "final-basic-expenditure": { zh: "一般公共预算财政拨款基本支出决算表", en: "final general public budget basic expenditure table" },
  "final-three-public": { zh: "财政拨款“三公”经费支出决算表", en: 'final "three public expenses" table' },
  "final-fund": { zh: "政府性基金预算财政拨款收入支出决算表", en: "final government fund table" },
  "final-state-capital": { zh: "国有资本经营预算财政拨款收入支出决算表", en: "final state capital operation table" },
  other: { zh: "其他表", en: "other table" },
};
