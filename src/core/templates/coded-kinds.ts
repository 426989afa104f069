/** The amount columns of each coded table (spec §1), as header trees; 合计/小计 leaves are their group's sum. */
import { buildCodedTable } from "./coded-table";
import type { ColumnNode } from "./header";
import type { TemplateBlock, TemplateKind, TemplateOptions } from "./types";

const amount = (label: string): ColumnNode => ({ label });
const total = (label: string): ColumnNode => ({ label, total: true });

const REVENUE: ColumnNode[] = [
  total("合计"),
  {
    label: "本年收入",
    children: [
      total("小计"),
      amount("财政拨款收入"),
      amount("财政专户管理资金收入"),
      amount("事业收入"),
      amount("事业单位经营收入"),
      amount("上级补助收入"),
      amount("附属单位上缴收入"),
      amount("其他收入"),
    ],
  },
  amount("上年结转"),
];

const EXPENDITURE: ColumnNode[] = [
  total("合计"),
  amount("基本支出"),
  amount("项目支出"),
  amount("事业单位经营支出"),
  amount("上缴上级支出"),
  amount("对附属单位补助支出"),
];

const BASIC_AND_PROJECT: ColumnNode[] = [total("合计"), amount("基本支出"), amount("项目支出")];

export type CodedKind = Extract<
  TemplateKind,
  | "revenue"
  | "expenditure"
  | "general-expenditure"
  | "fund-expenditure"
  | "state-capital-expenditure"
  | "basic-expenditure"
  | "economic-summary"
>;

export function buildCodedKind(kind: CodedKind, options: TemplateOptions): TemplateBlock {
  switch (kind) {
    case "revenue":
      return buildCodedTable({ kind, system: "function", amounts: REVENUE }, options);
    case "expenditure":
      return buildCodedTable({ kind, system: "function", amounts: EXPENDITURE }, options);
    case "general-expenditure":
    case "fund-expenditure":
    case "state-capital-expenditure":
      return buildCodedTable({ kind, system: "function", amounts: BASIC_AND_PROJECT }, options);
    case "basic-expenditure": {
      const group = options.style === "department" ? "本年一般公共预算基本支出" : "一般公共预算基本支出";
      const amounts: ColumnNode[] = [{ label: group, children: [total("合计"), amount("人员经费"), amount("公用经费")] }];
      return buildCodedTable({ kind, system: "economic", amounts }, options);
    }
    case "economic-summary":
      return buildCodedTable({ kind, system: "economic", amounts: BASIC_AND_PROJECT }, options);
  }
}
