/**
 * 项目支出表: one row per project, amounts by source (as the Henan department tables publish it). Projects carry
 * no code and no hierarchy, so the 合计 row is a plain SUM of the project rows.
 */
import { fillListTable } from "./list-table";
import { openFrame } from "./frame";
import type { ColumnNode } from "./header";
import type { TemplateBlock, TemplateOptions } from "./types";

const FUNDS = ["一般公共预算", "政府性基金预算", "国有资本经营预算"];

const COLUMNS: ColumnNode[] = [
  { label: "序号", role: "index" },
  { label: "项目类型", role: "text", width: 12 },
  { label: "项目名称", role: "name", width: 32 },
  { label: "项目单位", role: "text", width: 24 },
  { label: "合计", total: true },
  { label: "本年拨款", children: FUNDS.map((label) => ({ label })) },
  { label: "财政拨款结转结余", children: FUNDS.map((label) => ({ label })) },
  { label: "财政专户管理资金" },
  { label: "单位资金" },
];

export function buildProjectTable(options: TemplateOptions): TemplateBlock {
  const frame = openFrame("project-expenditure", options, COLUMNS);
  const nameCol = frame.header.leaves.find((l) => l.role === "name")!.col;
  return fillListTable(frame, nameCol, options, (first, last, col) => ({
    op: "sum",
    ranges: [{ top: first, bottom: last, left: col, right: col }],
  }));
}
