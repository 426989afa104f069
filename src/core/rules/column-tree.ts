/**
 * The column tree from multi-row headers: 合计/小计/总计 under a header group is the sum of the group's other
 * columns (其中 columns are breakdowns, not addends). Works for every table kind: 收入总表 (合计 = 本年收入小计 +
 * 上年结转), 支出表 (合计 = 基本支出 + 项目支出 …), 三公 (合计 = 一般公共预算 + 政府性基金 + 国有资本经营) …
 */
import { isComparisonLabel } from "../recognise/columns";
import type { RecognisedColumn } from "../recognise/types";

interface Node {
  label: string;
  col?: number;
  children: Node[];
}

export interface ColumnSum {
  total: number;
  terms: number[];
  /** Header label of the total column's group, for messages ("基本支出"). */
  group: string;
}

const TOTAL_LABEL = /(合计|小计|总计)$/;
const BREAKDOWN = /^其中/;

export function buildColumnTree(columns: RecognisedColumn[], dropTop = 0): Node {
  const root: Node = { label: "", children: [] };
  for (const c of columns) {
    if (c.role !== "amount") continue;
    const path = c.path.slice(dropTop);
    if (path.length === 0) path.push(c.label || `#${c.col}`);
    let node = root;
    for (let i = 0; i < path.length; i++) {
      let child = node.children.find((n) => n.label === path[i] && n.col === undefined && i < path.length - 1);
      if (i === path.length - 1 || !child) {
        child = { label: path[i], children: [] };
        if (i === path.length - 1) child.col = c.col;
        node.children.push(child);
      }
      node = child;
    }
  }
  return root;
}

function totalOf(node: Node): Node | undefined {
  return node.children.find((n) => n.col !== undefined && TOTAL_LABEL.test(n.label) && n.children.length === 0);
}

/** Columns whose sum is the node's value: its own total column, or its addends flattened. */
function valueColumns(node: Node): number[] {
  if (node.col !== undefined && node.children.length === 0) return [node.col];
  const t = totalOf(node);
  if (t) return [t.col!];
  return addends(node).flatMap(valueColumns);
}

function addends(node: Node): Node[] {
  const t = totalOf(node);
  // 上年预算数 beside 合计 | 基本支出 | 项目支出 is shown for comparison, not added.
  return node.children.filter((n) => n !== t && !BREAKDOWN.test(n.label) && !isComparisonLabel(n.label));
}

export function columnSums(root: Node): ColumnSum[] {
  const out: ColumnSum[] = [];
  const visit = (node: Node) => {
    const t = totalOf(node);
    const adds = addends(node);
    if (t && adds.length > 0) {
      out.push({ total: t.col!, terms: adds.flatMap(valueColumns), group: node.label || t.label });
    }
    for (const c of node.children) if (c.children.length) visit(c);
  };
  visit(root);
  return out;
}

/** The root's total column (合计/总计 of the whole table), if the header has one. */
export function rootTotalColumn(root: Node): number | undefined {
  const t = totalOf(root);
  if (t) return t.col;
  if (root.children.length === 1 && root.children[0].children.length) return rootTotalColumn(root.children[0]);
  return undefined;
}
