/**
 * Multi-row headers from a column tree: group labels merged across their columns, leaves merged down to the last
 * header row (the published layout). The same tree says which column is the sum of which (合计 = Σ its siblings),
 * mirroring how the checker reads the header, so row formulas and the checker agree by construction.
 */
import type { BlockBuilder } from "./block-builder";

export type ColumnRole = "index" | "code" | "name" | "text" | "amount";

export interface ColumnNode {
  label: string;
  /** Leaves only; default "amount". */
  role?: ColumnRole;
  /** Leaf that is its group's total (合计/小计): the sum of the group's other children. */
  total?: boolean;
  /** Excel column width in characters; default by role. */
  width?: number;
  children?: ColumnNode[];
}

export interface LeafColumn {
  col: number;
  node: ColumnNode;
  role: ColumnRole;
  path: string[];
}

export interface RowSum {
  total: number;
  terms: number[];
}

export interface HeaderLayout {
  leaves: LeafColumn[];
  depth: number;
  /** Column identities of every row: total column = Σ term columns. */
  rowSums: RowSum[];
}

const DEFAULT_WIDTH: Record<ColumnRole, number> = { index: 6, code: 12, name: 32, text: 14, amount: 14 };

function depthOf(nodes: ColumnNode[]): number {
  return Math.max(...nodes.map((n) => (n.children?.length ? 1 + depthOf(n.children) : 1)));
}

function leafCount(node: ColumnNode): number {
  return node.children?.length ? node.children.reduce((s, c) => s + leafCount(c), 0) : 1;
}

export function headerWidth(nodes: ColumnNode[]): number {
  return nodes.reduce((s, n) => s + leafCount(n), 0);
}

/** Writes the header rows from `firstRow` and returns the leaf columns and their row identities. */
export function layoutHeader(b: BlockBuilder, nodes: ColumnNode[], firstRow: number): HeaderLayout {
  const depth = depthOf(nodes);
  const lastRow = firstRow + depth - 1;
  const leaves: LeafColumn[] = [];
  const place = (list: ColumnNode[], level: number, col: number, path: string[]): number => {
    for (const node of list) {
      const row = firstRow + level;
      b.set(row, col, node.label);
      if (node.children?.length) {
        const width = leafCount(node);
        b.merge(row, col, row, col + width - 1);
        place(node.children, level + 1, col, [...path, node.label]);
        col += width;
      } else {
        b.merge(row, col, lastRow, col);
        const role = node.role ?? "amount";
        leaves.push({ col, node, role, path: [...path, node.label] });
        b.setWidth(col, node.width ?? DEFAULT_WIDTH[role]);
        col++;
      }
    }
    return col;
  };
  place(nodes, 0, 0, []);
  const colOf = new Map(leaves.map((l) => [l.node, l.col]));
  return { leaves, depth, rowSums: rowSums({ label: "", children: nodes }, colOf) };
}

const BREAKDOWN = /^其中/;

function hasAmounts(node: ColumnNode): boolean {
  return node.children?.length ? node.children.some(hasAmounts) : (node.role ?? "amount") === "amount";
}

function totalChild(node: ColumnNode): ColumnNode | undefined {
  return node.children?.find((c) => !c.children?.length && c.total && (c.role ?? "amount") === "amount");
}

function addends(node: ColumnNode): ColumnNode[] {
  const t = totalChild(node);
  return (node.children ?? []).filter((c) => c !== t && hasAmounts(c) && !BREAKDOWN.test(c.label));
}

/** Columns whose sum is the node's value: a leaf itself, a group's total column, or its addends flattened. */
function valueColumns(node: ColumnNode, colOf: Map<ColumnNode, number>): number[] {
  if (!node.children?.length) return [colOf.get(node)!];
  const t = totalChild(node);
  if (t) return [colOf.get(t)!];
  return addends(node).flatMap((a) => valueColumns(a, colOf));
}

function rowSums(node: ColumnNode, colOf: Map<ColumnNode, number>): RowSum[] {
  const out: RowSum[] = [];
  const t = totalChild(node);
  const adds = addends(node);
  if (t && adds.length) out.push({ total: colOf.get(t)!, terms: adds.flatMap((a) => valueColumns(a, colOf)) });
  for (const c of node.children ?? []) if (c.children?.length) out.push(...rowSums(c, colOf));
  return out;
}
