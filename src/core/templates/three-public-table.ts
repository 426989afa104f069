/**
 * 财政拨款“三公”经费支出表 (Hebei layout): fixed rows, amounts by fund. Sub-totals are SUMs of their parts:
 * 小计 = 出国 + 公务用车 + 接待; 公务用车 = 购置 + 运行维护; 合计 = 小计 + 会议费 + 培训费; the 合计 column =
 * Σ the fund columns on every row.
 */
import { AMOUNT_FORMAT } from "./block-builder";
import { columnRanges, rowRanges } from "./formula";
import { closeFrame, openFrame } from "./frame";
import type { ColumnNode } from "./header";
import type { TemplateBlock, TemplateOptions } from "./types";

const COLUMNS: ColumnNode[] = [
  { label: "序号", role: "index" },
  { label: "项目", role: "name", width: 34 },
  {
    label: "资金性质",
    children: [
      { label: "合计", total: true },
      { label: "一般公共预算财政拨款", width: 16 },
      { label: "政府性基金预算财政拨款", width: 16 },
      { label: "国有资本经营预算财政拨款", width: 16 },
    ],
  },
];

type Line = { label: string; parts?: string[] };

/** Row labels; `parts` names the rows a sub-total adds up. */
const LINES: Record<string, Line> = {
  total: { label: "合计", parts: ["subtotal", "meeting", "training"] },
  subtotal: { label: "“三公”经费小计", parts: ["abroad", "vehicle", "reception"] },
  abroad: { label: "一、因公出国（境）费" },
  vehicle: { label: "二、公务用车购置及运行维护费", parts: ["purchase", "operation"] },
  purchase: { label: "　　其中：公务用车购置费" },
  operation: { label: "　　　　　公务用车运行维护费" },
  reception: { label: "三、公务接待费" },
  meeting: { label: "四、会议费" },
  training: { label: "五、培训费" },
};

export function buildThreePublicTable(options: TemplateOptions): TemplateBlock {
  const frame = openFrame("three-public", options, COLUMNS);
  const { b, header } = frame;
  const index = header.leaves.find((l) => l.role === "index")!.col;
  const name = header.leaves.find((l) => l.role === "name")!.col;
  const funds = header.rowSums[0];
  const keys = Object.keys(LINES);
  const rowOf = new Map(keys.map((k, i) => [k, frame.bodyStart + i]));
  const totals: number[] = [];
  keys.forEach((k, i) => {
    const r = rowOf.get(k)!;
    const line = LINES[k];
    b.set(r, index, i + 1);
    b.set(r, name, line.label);
    if (line.parts) {
      totals.push(r);
      const partRows = line.parts.map((p) => rowOf.get(p)!);
      for (const c of funds.terms) b.formula(r, c, { op: "sum", ranges: columnRanges(c, partRows) });
      b.formula(r, funds.total, { op: "sum", ranges: rowRanges(r, funds.terms) });
    } else {
      for (const c of funds.terms) b.format(r, c, AMOUNT_FORMAT);
      b.formula(r, funds.total, { op: "sum-if-any", ranges: rowRanges(r, funds.terms) });
    }
  });
  return closeFrame(frame, totals);
}
