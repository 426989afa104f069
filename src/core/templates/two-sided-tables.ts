/**
 * 收支总表 and 财政拨款收支总表: income items on the left, the expenditure 类 on the right (all of them, in code
 * order, as published), then 本年收入合计/本年支出合计, carry-over rows and 收入总计/支出总计.
 *
 * Totals are SUMs of the rows above them (本年合计 = Σ items; 总计 = 本年合计 + 结转), i.e. the spec §2 identities
 * written as formulas; the one identity a formula cannot enforce, 收入总计 = 支出总计, is left to the checker.
 */
import { AMOUNT_FORMAT } from "./block-builder";
import { columnRanges, rowRanges } from "./formula";
import { closeFrame, openFrame, type Frame } from "./frame";
import { expenditureClassRows } from "./expenditure-classes";
import type { ColumnNode } from "./header";
import type { TemplateBlock, TemplateOptions } from "./types";

const SUMMARY_INCOME = [
  "一、一般公共预算拨款收入",
  "二、政府性基金预算拨款收入",
  "三、国有资本经营预算拨款收入",
  "四、财政专户管理资金收入",
  "五、事业收入",
  "六、事业单位经营收入",
  "七、上级补助收入",
  "八、附属单位上缴收入",
  "九、其他收入",
];

const FISCAL_SOURCES = ["一、一般公共预算拨款", "二、政府性基金预算拨款", "三、国有资本经营预算拨款"];

const LABEL_WIDTH = 30;

interface Sides {
  index: number;
  incomeLabel: number;
  incomeAmount: number;
  expenditureLabel: number;
  /** Expenditure amount columns; the first is the side's total (合计 or 预算数). */
  expenditureAmounts: number[];
}

function sidesOf(frame: Frame): Sides {
  const leaves = frame.header.leaves;
  const income = leaves.filter((l) => l.path[0] === "收入");
  const expenditure = leaves.filter((l) => l.path[0] === "支出");
  return {
    index: leaves.find((l) => l.role === "index")!.col,
    incomeLabel: income.find((l) => l.role === "name")!.col,
    incomeAmount: income.find((l) => l.role === "amount")!.col,
    expenditureLabel: expenditure.find((l) => l.role === "name")!.col,
    expenditureAmounts: expenditure.filter((l) => l.role === "amount").map((l) => l.col),
  };
}

/** Labels and blank amount cells of the item rows; returns the rows used. */
function writeItems(frame: Frame, s: Sides, incomeLabels: string[]): number[] {
  const classes = expenditureClassRows();
  const rows: number[] = [];
  const count = Math.max(classes.length, incomeLabels.length);
  for (let i = 0; i < count; i++) {
    const r = frame.bodyStart + i;
    rows.push(r);
    frame.b.set(r, s.index, i + 1);
    if (i < incomeLabels.length) {
      frame.b.set(r, s.incomeLabel, incomeLabels[i]);
      frame.b.format(r, s.incomeAmount, AMOUNT_FORMAT);
    }
    if (i < classes.length) frame.b.set(r, s.expenditureLabel, classes[i].label);
  }
  return rows;
}

/** Expenditure amounts of a data row: inputs, with the row's 合计 = Σ the fund columns where the header has one. */
function expenditureInputs(frame: Frame, row: number, s: Sides): void {
  for (const c of s.expenditureAmounts) frame.b.format(row, c, AMOUNT_FORMAT);
  for (const sum of frame.header.rowSums) frame.b.formula(row, sum.total, { op: "sum-if-any", ranges: rowRanges(row, sum.terms) });
}

const sumOf = (col: number, rows: number[]) => ({ op: "sum" as const, ranges: columnRanges(col, rows) });

function labelColumns(amountLabel: string, expenditureAmounts: ColumnNode[]): ColumnNode[] {
  return [
    { label: "序号", role: "index" },
    { label: "收入", children: [{ label: "项目", role: "name", width: LABEL_WIDTH }, { label: amountLabel }] },
    { label: "支出", children: [{ label: "项目", role: "name", width: LABEL_WIDTH }, ...expenditureAmounts] },
  ];
}

export function buildSummaryTable(options: TemplateOptions): TemplateBlock {
  const frame = openFrame("summary", options, labelColumns("预算数", [{ label: "预算数" }]));
  const s = sidesOf(frame);
  const items = writeItems(frame, s, SUMMARY_INCOME);
  for (const r of items) expenditureInputs(frame, r, s);
  const [current, carry, grand] = [0, 1, 2].map((i) => items[items.length - 1] + 1 + i);
  const expCol = s.expenditureAmounts[0];
  const b = frame.b;
  [current, carry, grand].forEach((r, i) => b.set(r, s.index, items.length + i + 1));
  b.set(current, s.incomeLabel, "本年收入合计");
  b.formula(current, s.incomeAmount, sumOf(s.incomeAmount, items.slice(0, SUMMARY_INCOME.length)));
  b.set(current, s.expenditureLabel, "本年支出合计");
  b.formula(current, expCol, sumOf(expCol, items));
  b.set(carry, s.incomeLabel, "上年结转结余");
  b.format(carry, s.incomeAmount, AMOUNT_FORMAT);
  b.set(carry, s.expenditureLabel, "年终结转结余");
  b.format(carry, expCol, AMOUNT_FORMAT);
  b.set(grand, s.incomeLabel, "收入总计");
  b.formula(grand, s.incomeAmount, sumOf(s.incomeAmount, [current, carry]));
  b.set(grand, s.expenditureLabel, "支出总计");
  b.formula(grand, expCol, sumOf(expCol, [current, carry]));
  return closeFrame(frame, [current, grand]);
}

export function buildFiscalSummaryTable(options: TemplateOptions): TemplateBlock {
  const funds: ColumnNode[] = [
    { label: "合计", total: true },
    { label: "一般公共预算财政拨款" },
    { label: "政府性基金预算财政拨款" },
    { label: "国有资本经营预算财政拨款" },
  ];
  const frame = openFrame("fiscal-summary", options, labelColumns("金额", funds));
  const s = sidesOf(frame);
  const b = frame.b;
  const items = writeItems(frame, s, FISCAL_SOURCES);
  for (const r of items) expenditureInputs(frame, r, s);
  const current = items[items.length - 1] + 1;
  const carry = current + 1;
  const parts = FISCAL_SOURCES.map((_, i) => carry + 1 + i);
  const grand = parts[parts.length - 1] + 1;
  [current, carry, ...parts, grand].forEach((r, i) => b.set(r, s.index, items.length + i + 1));
  b.set(current, s.incomeLabel, "本年收入合计");
  b.formula(current, s.incomeAmount, sumOf(s.incomeAmount, items.slice(0, FISCAL_SOURCES.length)));
  b.set(current, s.expenditureLabel, "本年支出合计");
  for (const c of s.expenditureAmounts) b.formula(current, c, sumOf(c, items));
  // 年初结转 is split by fund (spec §1); its row is the sum of the split.
  b.set(carry, s.incomeLabel, "年初财政拨款结转和结余");
  b.formula(carry, s.incomeAmount, sumOf(s.incomeAmount, parts));
  parts.forEach((r, i) => {
    b.set(r, s.incomeLabel, FISCAL_SOURCES[i]);
    b.format(r, s.incomeAmount, AMOUNT_FORMAT);
  });
  b.set(carry, s.expenditureLabel, "年末财政拨款结转和结余");
  expenditureInputs(frame, carry, s);
  b.set(grand, s.incomeLabel, "收入总计");
  b.formula(grand, s.incomeAmount, sumOf(s.incomeAmount, [current, carry]));
  b.set(grand, s.expenditureLabel, "支出总计");
  for (const c of s.expenditureAmounts) b.formula(grand, c, sumOf(c, [current, carry]));
  return closeFrame(frame, [current, carry, grand]);
}
