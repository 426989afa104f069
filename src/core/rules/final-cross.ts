/**
 * Identities across the 决算 tables (spec §6, "Across"), with the helpers of the 预算 cross rules. Every identity
 * is measured in its tables' own units and precision (measure.ts, attached by identitiesFor): a workbook may publish
 * the “三公” table in 万元 and the rest in 元.
 */
import { parseOrdinalLabel } from "../text";
import type { RecognisedTable, TableKind } from "../recognise/types";
import { panelAmountCol } from "../recognise/final-panels";
import { buildColumnTree, rootTotalColumn } from "./column-tree";
import {
  classLabel,
  classRows,
  columnFor,
  fiscalFundIdentities,
  make,
  prefixCells,
  side,
  sourceKey,
  tablesByKind,
  totalCells,
  totalColumn,
  type FiscalFundSpec,
  type SourceKey,
} from "./cross-identities";
import type { CellKey, Identity } from "./identity";
import { key, maximalCodeRows } from "./table-identities";
import type { RuleInfo } from "../rule-info";
import { threePublicItemRow, totalRow } from "../recognise/queries";

/** The rules this family reports (id, group, default severity, zh/en), collected by core/rule-registry.ts. */
export const FINAL_CROSS_RULES = [
  { id: "final.summary-expenditure-class", group: "cross", severity: "error", zh: "收入支出决算总表各类支出 = 支出决算表该类本年支出合计", en: "Final summary expenditure by class = final expenditure table" },
  { id: "final.summary-expenditure-total", group: "cross", severity: "error", zh: "收入支出决算总表本年支出合计 = 支出决算表合计行", en: "Final summary current-year expenditure = final expenditure table total" },
  { id: "final.summary-revenue-total", group: "cross", severity: "error", zh: "收入支出决算总表本年收入合计 = 收入决算表合计行", en: "Final summary current-year income = final revenue table total" },
  { id: "final.summary-revenue-source", group: "cross", severity: "error", zh: "收入决算表合计行各来源 = 收入支出决算总表对应收入项目", en: "Final revenue table sources = final summary income items" },
  { id: "final.fiscal-fund-total", group: "cross", severity: "error", zh: "财政拨款收入支出决算总表各资金本年支出 = 对应决算表合计", en: "Final fiscal summary expenditure by fund = the fund tables' totals" },
  { id: "final.fiscal-fund-class", group: "cross", severity: "error", zh: "财政拨款收入支出决算总表各类各资金支出 = 对应决算表该类", en: "Final fiscal summary expenditure by class and fund = the fund tables' classes" },
  { id: "final.general-basic-total", group: "cross", severity: "error", zh: "一般公共预算财政拨款支出决算表基本支出合计 = 基本支出决算表人员经费合计 + 公用经费合计", en: "Final general budget basic expenditure = basic table personnel + public-use totals" },
  { id: "final.basic-three-public", group: "cross", severity: "error", zh: "基本支出决算表 30217/30231 ≤ “三公”决算数（公务接待费/运行维护费）", en: 'Final basic 30217/30231 ≤ "three public" final amounts' },
] as const satisfies readonly RuleInfo[];

type FinalCrossRuleId = (typeof FINAL_CROSS_RULES)[number]["id"];

type Tables = Map<TableKind, RecognisedTable>;

/** An identity between two tables (left side in `a`, right in `b`); their units are attached by identitiesFor. */
function between(rule: FinalCrossRuleId, a: RecognisedTable, b: RecognisedTable, left: CellKey[], right: CellKey[], zh: string, en: string): Identity {
  return make(rule, [a, b], left, right, zh, en);
}

/** The column a coded 决算 table's spending is in: 本年支出 (小计/合计) where the table has carry-over columns, else 合计. */
function spendingColumn(table: RecognisedTable): number | undefined {
  return columnFor(table, /^本年支出(合计)?$/) ?? totalColumn(table);
}

function summaryCross(summary: RecognisedTable, tables: Tables): Identity[] {
  const out: Identity[] = [];
  const expenditure = tables.get("final-expenditure");
  const revenue = tables.get("final-revenue");
  const expSide = side(summary, "expenditure");
  const income = side(summary, "income");
  const expCol = expSide?.side.amountCols[0];
  const incomeCol = income?.side.amountCols[0];
  if (expenditure && expSide && expCol !== undefined) {
    const total = spendingColumn(expenditure);
    if (total !== undefined) {
      const classes = classRows(expSide, summary);
      for (const [code, rows] of classes) {
        out.push(
          between(
            "final.summary-expenditure-class",
            summary,
            expenditure,
            rows.map((r) => key(summary, r, expCol)),
            prefixCells(expenditure, code, total),
            `${summary.sheet}支出“${classLabel(code)}”= ${expenditure.sheet}该类“本年支出合计”`,
            `${summary.sheet} expenditure class ${code} = ${expenditure.sheet} class ${code} total`,
          ),
        );
      }
      for (const code of new Set(maximalCodeRows(expenditure).map((r) => r.code!.code.slice(0, 3)))) {
        if (classes.has(code) || !code.startsWith("2")) continue;
        out.push(
          between(
            "final.summary-expenditure-class",
            summary,
            expenditure,
            [],
            prefixCells(expenditure, code, total),
            `${expenditure.sheet}有“${classLabel(code)}”类支出，${summary.sheet}未列示`,
            `${expenditure.sheet} has class ${code}, which ${summary.sheet} does not list`,
          ),
        );
      }
      if (expSide.current !== undefined) {
        out.push(
          between(
            "final.summary-expenditure-total",
            summary,
            expenditure,
            [key(summary, expSide.current, expCol)],
            totalCells(expenditure, total),
            `${summary.sheet}本年支出合计 = ${expenditure.sheet}合计行`,
            `${summary.sheet} current-year expenditure = ${expenditure.sheet} total row`,
          ),
        );
      }
    }
  }
  if (revenue && income && incomeCol !== undefined) {
    const total = rootTotalColumn(buildColumnTree(revenue.columns)) ?? totalColumn(revenue);
    if (income.current !== undefined && total !== undefined) {
      out.push(
        between(
          "final.summary-revenue-total",
          summary,
          revenue,
          [key(summary, income.current, incomeCol)],
          totalCells(revenue, total),
          `${summary.sheet}本年收入合计 = ${revenue.sheet}合计行`,
          `${summary.sheet} current-year income = ${revenue.sheet} total row`,
        ),
      );
    }
    // Income items 一 … 八 = the source columns of the 收入决算表's 合计 row (财政拨款收入 = 一 + 二 + 三).
    const labels = new Map(income.side.rows.map((r) => [r.row, r.label]));
    const byKey = new Map<SourceKey, number[]>();
    for (const row of income.items) {
      const k = sourceKey(labels.get(row) ?? "");
      if (k) (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(row);
    }
    const seen = new Set<SourceKey>();
    for (const c of revenue.columns) {
      if (c.role !== "amount" || /合计|小计|总计/.test(c.label)) continue;
      const k = sourceKey(c.label);
      if (!k || k === "carry" || seen.has(k)) continue;
      seen.add(k);
      const rows = k === "fiscal" ? (["general", "fund", "state-capital", "fiscal"] as SourceKey[]).flatMap((x) => byKey.get(x) ?? []) : byKey.get(k) ?? [];
      if (rows.length === 0) continue;
      out.push(
        between(
          "final.summary-revenue-source",
          revenue,
          summary,
          totalCells(revenue, c.col),
          rows.map((r) => key(summary, r, incomeCol)),
          `${revenue.sheet}合计行“${c.label}”= ${summary.sheet}${rows.map((r) => `“${parseOrdinalLabel(labels.get(r) ?? "").text}”`).join(" + ")}`,
          `${revenue.sheet} total of "${c.label}" = the matching income item(s) of ${summary.sheet}`,
        ),
      );
    }
  }
  return out;
}

const FINAL_FISCAL: FiscalFundSpec = {
  funds: [
    { re: /一般公共预算/, kind: "final-general-expenditure", zh: "一般公共预算财政拨款", en: "general budget" },
    { re: /政府性基金/, kind: "final-fund", zh: "政府性基金预算财政拨款", en: "government funds" },
    { re: /国有资本经营/, kind: "final-state-capital", zh: "国有资本经营预算财政拨款", en: "state capital" },
  ],
  rules: { total: "final.fiscal-fund-total", class: "final.fiscal-fund-class" },
  spending: spendingColumn,
  current: (exp) => exp.current,
  totalText: (fiscal, table, f) => ({
    zh: `${fiscal.sheet}本年支出合计“${f.zh}”= ${table.sheet}合计行本年支出`,
    en: `${fiscal.sheet} current-year ${f.en} expenditure = ${table.sheet} total`,
  }),
  classText: (fiscal, table, f, code) => ({
    zh: `${fiscal.sheet}“${classLabel(code)}”“${f.zh}”= ${table.sheet}该类本年支出`,
    en: `${fiscal.sheet} class ${code} (${f.en}) = ${table.sheet} class ${code}`,
  }),
};

/** 人员经费合计 and 公用经费合计 of the 基本支出决算表 (their panels' 决算数), or its 合计 row. */
function basicTotals(basic: RecognisedTable): CellKey[] {
  const totals = basic.rows.filter((r) => r.role === "total");
  if (basic.panels) {
    return totals.flatMap((r) => {
      const col = panelAmountCol(basic.panels!, r);
      return col === undefined ? [] : [key(basic, r.row, col)];
    });
  }
  const col = totalColumn(basic);
  return col === undefined ? [] : totalCells(basic, col);
}

/** One 部门经济分类 amount of the 基本支出决算表 (its panel's 决算数 column). */
function basicCodeCells(basic: RecognisedTable, code: string): CellKey[] {
  const rows = basic.rows.filter((r) => r.role === "code" && r.code!.code === code);
  return rows.flatMap((r) => {
    const col = basic.panels ? panelAmountCol(basic.panels, r) : totalColumn(basic);
    return col === undefined ? [] : [key(basic, r.row, col)];
  });
}

/** The 决算数 of a “三公” item (公务接待费, 运行(维护)费) on the table's first line; null when the table lacks it. */
function threePublicFinal(three: RecognisedTable, re: RegExp): CellKey[] | null {
  const measure = (p: string[]) => p.some((x) => /决算数/.test(x));
  if (three.itemsAsColumns) {
    const col = three.columns.find((c) => c.role === "amount" && measure(c.path) && c.path.some((x) => re.test(x) && !/购置及运/.test(x)));
    if (!col) return null;
    const total = totalRow(three) ?? three.rows[0];
    return total ? [key(three, total.row, col.col)] : [];
  }
  const row = threePublicItemRow(three, re);
  const col = three.columns.find((c) => c.role === "amount" && measure(c.path));
  return row && col ? [key(three, row.row, col.col)] : null;
}

function generalBasicCross(tables: Tables): Identity[] {
  const out: Identity[] = [];
  const general = tables.get("final-general-expenditure");
  const basic = tables.get("final-basic-expenditure");
  if (general && basic) {
    const basicCol = columnFor(general, /基本支出/);
    if (basicCol !== undefined) {
      out.push(
        between(
          "final.general-basic-total",
          general,
          basic,
          totalCells(general, basicCol),
          basicTotals(basic),
          `${general.sheet}合计行“基本支出”= ${basic.sheet}人员经费合计 + 公用经费合计`,
          `${general.sheet} total basic expenditure = ${basic.sheet} personnel + public-use totals`,
        ),
      );
    }
  }
  const three = tables.get("final-three-public");
  if (basic && three) {
    for (const item of [
      { code: "30217", re: /公务接待/, zh: "公务接待费", en: "official reception" },
      { code: "30231", re: /运行(维护)?费$/, zh: "公务用车运行维护费", en: "vehicle operation" },
    ]) {
      const left = basicCodeCells(basic, item.code);
      const right = threePublicFinal(three, item.re);
      if (left.length === 0 || right === null) continue;
      out.push({
        ...between(
          "final.basic-three-public",
          basic,
          three,
          left,
          right,
          `${basic.sheet} ${item.code} ${item.zh} ≤ ${three.sheet}${item.zh}决算数`,
          `${basic.sheet} ${item.code} ${item.en} ≤ ${three.sheet} final amount`,
        ),
        comparator: "le",
      });
    }
  }
  return out;
}

export function finalCrossIdentities(tables: RecognisedTable[]): Identity[] {
  const byKind = tablesByKind(tables.filter((t) => t.kind.startsWith("final-")));
  const out: Identity[] = [];
  const summary = byKind.get("final-summary");
  if (summary) out.push(...summaryCross(summary, byKind));
  const fiscal = byKind.get("final-fiscal-summary");
  if (fiscal) out.push(...fiscalFundIdentities(fiscal, byKind, FINAL_FISCAL));
  out.push(...generalBasicCross(byKind));
  return out;
}
