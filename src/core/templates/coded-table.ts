/**
 * Tables listed by classification code (收入总表, 支出总表, the three fund expenditure tables, 基本支出表,
 * 经济分类汇总表): a 合计 row on top, then empty code rows for the unit to fill.
 *
 * Totals:
 * - Each data row's total columns (合计 = 基本支出 + 项目支出 …, per the header tree) are IF(COUNT(…),SUM(…),"")
 *   so an unused row stays blank (a row of 0.00 without a code would read as an unlabelled total row).
 * - The 合计 row sums the leaf rows: codes of 7 digits (项) for 功能分类, 5 digits (款) for 经济分类
 *   (SUMPRODUCT(--(LEN(codes)=7),amounts)), or, with codes split into 类/款/项 columns, the rows whose last part is
 *   filled (SUMIF(项,"<>",amounts)). Amounts live on the leaves; 类 and 款 rows are their sums (the checker's
 *   hierarchy rule), so Σ leaves = Σ 类 rows whether or not the unit lists the 类/款 rows, and nothing is counted
 *   twice. Not SUMIF(codes,"???????",…): engines disagree on "?" (HyperFormula reads it as "at most one"), and a
 *   code typed as a number would not match. Rows inserted inside the block fall inside the ranges.
 */
import { TEXT_FORMAT } from "./block-builder";
import { openFrame, styleOf } from "./frame";
import { fillListTable, type TotalFormula } from "./list-table";
import type { ColumnNode, LeafColumn } from "./header";
import type { TemplateBlock, TemplateKind, TemplateOptions, TemplateStyle } from "./types";

export type CodeSystem = "function" | "economic";

const INDEX: ColumnNode = { label: "序号", role: "index" };
const NAME: ColumnNode = { label: "科目名称", role: "name" };
const code = (label: string, width = 12): ColumnNode => ({ label, role: "code", width });

/** Code and name columns of a table, by classification and style. */
export function codeColumns(system: CodeSystem, style: TemplateStyle, kind: TemplateKind): ColumnNode[] {
  if (system === "function") {
    if (style === "department") {
      return [INDEX, { label: "科目编码", children: [code("类", 6), code("款", 5), code("项", 5)] }, NAME];
    }
    return [INDEX, { label: "功能分类科目", children: [code("科目编码"), NAME] }];
  }
  const group = kind === "basic-expenditure" && style === "unit" ? "支出部门经济分类科目" : "部门预算支出经济分类科目";
  if (style === "department" && kind === "basic-expenditure") {
    // The department layout pairs each 部门经济分类 code with its 政府经济分类 code (spec §1, Henan).
    return [
      INDEX,
      { label: group, children: [code("科目编码"), NAME] },
      { label: "政府预算支出经济分类科目", children: [code("科目编码"), { ...NAME, width: 20 }] },
    ];
  }
  if (style === "department") return [INDEX, { label: group, children: [code("类", 6), code("款", 5), NAME] }];
  return [INDEX, { label: group, children: [code("科目编码"), NAME] }];
}

/** The 合计 row's formula: Σ the leaf rows of the primary code (see the module comment). */
function sumOfLeafRows(codeCols: LeafColumn[], system: CodeSystem): TotalFormula {
  const primary = codeCols.filter((c) => c.path[0] === codeCols[0].path[0]);
  const last = primary[primary.length - 1].col;
  return (first, lastRow, col) => {
    const codes = { top: first, bottom: lastRow, left: last, right: last };
    const amounts = { top: first, bottom: lastRow, left: col, right: col };
    if (primary.length > 1) return { op: "sum-if-coded", codes, amounts };
    return { op: "sum-by-code-length", codes, length: system === "function" ? 7 : 5, amounts };
  };
}

export interface CodedTableSpec {
  kind: TemplateKind;
  system: CodeSystem;
  amounts: ColumnNode[];
}

export function buildCodedTable(spec: CodedTableSpec, options: TemplateOptions): TemplateBlock {
  const style = styleOf(options);
  const frame = openFrame(spec.kind, options, [...codeColumns(spec.system, style, spec.kind), ...spec.amounts]);
  const leaves = frame.header.leaves;
  const codeCols = leaves.filter((l) => l.role === "code");
  const nameCol = leaves.find((l) => l.role === "name")!.col;
  const sumOfLeaves = sumOfLeafRows(codeCols, spec.system);
  // Codes are text: "01" must keep its zero.
  const codesAsText = (row: number) => codeCols.forEach((c) => frame.b.format(row, c.col, TEXT_FORMAT));
  return fillListTable(frame, nameCol, options, sumOfLeaves, codesAsText);
}
