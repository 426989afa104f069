/** Identities across tables (spec §2, "Across tables"), built when both tables are present. */
import { functionClassName, functionClassOfLabel } from "../codes/function-classes";
import { parseOrdinalLabel } from "../text";
import type { RecognisedColumn, RecognisedRow, RecognisedTable, TableKind } from "../recognise/types";
import { buildColumnTree, rootTotalColumn } from "./column-tree";
import type { CellKey, Identity } from "./identity";
import { key, maximalCodeRows, sideStructure, type SideStructure } from "./table-identities";
import type { RuleInfo } from "../rule-info";
import type { RuleId } from "../rule-registry";
import { amountColumns, threePublicItemRow, totalRow } from "../recognise/queries";

/** The rules this family reports (id, group, default severity, zh/en), collected by core/rule-registry.ts. */
export const CROSS_RULES = [
  { id: "cross.summary-expenditure-class", group: "cross", severity: "error", zh: "收支总表各类支出 = 支出总表该类合计", en: "Summary expenditure by class = expenditure table class totals" },
  { id: "cross.summary-expenditure-total", group: "cross", severity: "error", zh: "收支总表本年支出合计 = 支出总表合计", en: "Summary current-year expenditure = expenditure table total" },
  { id: "cross.summary-revenue-total", group: "cross", severity: "error", zh: "收支总表收入合计/总计 = 收入总表合计", en: "Summary income totals = revenue table totals" },
  { id: "cross.summary-revenue-source", group: "cross", severity: "error", zh: "收支总表各收入项目 = 收入总表合计行对应来源列", en: "Summary income items = revenue table source columns" },
  { id: "cross.fiscal-fund-total", group: "cross", severity: "error", zh: "财政拨款收支总表各资金支出 = 对应支出表合计", en: "Fiscal summary expenditure by fund = the fund tables' totals" },
  { id: "cross.fiscal-fund-class", group: "cross", severity: "error", zh: "财政拨款收支总表各类支出 = 对应支出表该类合计", en: "Fiscal summary expenditure by class = the fund tables' class totals" },
  { id: "cross.general-basic-total", group: "cross", severity: "error", zh: "一般公共预算支出表基本支出合计 = 基本支出表合计", en: "General budget basic expenditure = basic expenditure table total" },
  { id: "cross.general-within-expenditure", group: "cross", severity: "error", zh: "一般公共预算各类基本支出 ≤ 支出总表该类基本支出", en: "General budget basic expenditure per class ≤ expenditure table's" },
  { id: "cross.basic-function", group: "cross", severity: "warning", zh: "经济分类与功能分类对应（30108 = 2080505 等）", en: "Economic vs function codes (30108 = 2080505 …)" },
  { id: "cross.basic-three-public", group: "cross", severity: "error", zh: "基本支出表 30217/30231/30215/30216 ≤ “三公”表对应项目（“三公”可含项目支出）", en: 'Basic expenditure 30217/30231/30215/30216 ≤ the "three public" items (which may include project spending)' },
  { id: "cross.summary-basic-personnel", group: "cross", severity: "error", zh: "收支总表支出合计“人员经费”列 = 基本支出表人员经费合计", en: "Summary's personnel expenditure total = basic expenditure table's personnel total" },
  { id: "cross.summary-basic-public-use", group: "cross", severity: "error", zh: "收支总表支出合计“公用经费”列 = 基本支出表公用经费合计", en: "Summary's public-use expenditure total = basic expenditure table's public-use total" },
] as const satisfies readonly RuleInfo[];

export type Tables = Map<TableKind, RecognisedTable>;

/** "221 住房保障" for messages. */
export function classLabel(code: string): string {
  const name = functionClassName(code);
  return name ? `${code} ${name}` : code;
}

/** The first table of each kind (a duplicate is reported by the document rules, not double-checked here). */
export function tablesByKind(tables: RecognisedTable[]): Tables {
  const m: Tables = new Map();
  for (const t of tables) if (!m.has(t.kind)) m.set(t.kind, t);
  return m;
}

/**
 * The column holding the table's own amounts: the header's 合计; in a comparison layout (2022年预算数 | 2023年预算数 |
 * 增减) the budget year's column; else the first amount column.
 */
export function totalColumn(table: RecognisedTable): number | undefined {
  const root = rootTotalColumn(buildColumnTree(table.columns));
  if (root !== undefined) return root;
  const cols = amountColumns(table);
  const byYear = cols.filter((c) => /20\d\d年?/.test(c.label) && !/增减|变动|差额/.test(c.label));
  if (byYear.length > 1) {
    const year = table.year ?? Math.max(...byYear.map((c) => Number(/(20\d\d)/.exec(c.label)![1])));
    const current = byYear.find((c) => c.label.includes(String(year)));
    if (current) return current.col;
  }
  return cols.find((c) => !/增减|变动|差额|上年/.test(c.label))?.col ?? cols[0]?.col;
}

/** A column's value column: a leaf, or a header group's 合计/小计 column ("基本支出" → 基本支出/小计). */
export function columnFor(table: RecognisedTable, re: RegExp, columns: RecognisedColumn[] = amountColumns(table)): number | undefined {
  const candidates = columns.filter((c) => c.role === "amount" && !/^其中/.test(c.label));
  const groupTotal = candidates.find((c) => c.path.some((p) => re.test(p)) && /合计|小计/.test(c.label) && !re.test(c.label));
  if (groupTotal) return groupTotal.col;
  return candidates.find((c) => re.test(c.label))?.col;
}

/** The 合计 row's cell(s) in a column; without a 合计 row, the top-level rows (empty table → none, i.e. 0). */
export function totalCells(table: RecognisedTable, col: number): CellKey[] {
  const t = totalRow(table);
  if (t) return [key(table, t.row, col)];
  return table.rows.filter((r) => (r.role === "unit" || r.role === "code") && r.parent === undefined).map((r) => key(table, r.row, col));
}

/** Digits of a code that the code rows are grouped by for prefixCells (a 类 code: every prefix asked has as many). */
const HEAD = 3;
const codeRowsByHead = new WeakMap<readonly RecognisedRow[], Map<string, RecognisedRow[]>>();

/**
 * The rows that may hold codes starting with `prefix`, in table order: the code rows of its 类, grouped once per
 * table (a scan of every row for every code asked was most of the cross-table identities' time on a large table).
 */
function rowsForPrefix(table: RecognisedTable, prefix: string): readonly RecognisedRow[] {
  if (prefix.length < HEAD) return table.rows;
  let byHead = codeRowsByHead.get(table.rows);
  if (!byHead) {
    byHead = new Map();
    const rows = table.rows;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r.role !== "code" || !r.code) continue;
      const head = r.code.code.slice(0, HEAD);
      const list = byHead.get(head);
      if (list) list.push(r);
      else byHead.set(head, [r]);
    }
    codeRowsByHead.set(table.rows, byHead);
  }
  return byHead.get(prefix.slice(0, HEAD)) ?? [];
}

/** Cells adding up to a code's amount: the rows with that code, or the highest rows below it where it is absent. */
export function prefixCells(table: RecognisedTable, prefix: string, col: number): CellKey[] {
  return prefixRows(table, prefix).map((r) => key(table, r.row, col));
}

const prefixRowsOf = new WeakMap<readonly RecognisedRow[], Map<string, RecognisedRow[]>>();

/** The rows of prefixCells, found once per table and code: the same code is asked for in every amount column. */
function prefixRows(table: RecognisedTable, prefix: string): RecognisedRow[] {
  let byPrefix = prefixRowsOf.get(table.rows);
  if (!byPrefix) prefixRowsOf.set(table.rows, (byPrefix = new Map()));
  let rows = byPrefix.get(prefix);
  if (!rows) byPrefix.set(prefix, (rows = rowsWithPrefix(table, prefix)));
  return rows;
}

function rowsWithPrefix(table: RecognisedTable, prefix: string): RecognisedRow[] {
  return rowsForPrefix(table, prefix).filter((r) => {
    if (r.role !== "code" || !r.code!.code.startsWith(prefix)) return false;
    const parent = r.parent === undefined ? undefined : table.rows[r.parent];
    if (!parent || parent.role !== "code") return true;
    // A mistyped code linked under the row it stands in (2090505 among 20805's rows) counts with that row.
    if (!r.code!.code.startsWith(parent.code!.code)) return false;
    return !parent.code!.code.startsWith(prefix);
  });
}

function codesOfClass(table: RecognisedTable): Set<string> {
  return new Set(maximalCodeRows(table).map((r) => r.code!.code.slice(0, 3)));
}

export function make(rule: RuleId, tables: RecognisedTable[], left: CellKey[], right: CellKey[], zh: string, en: string, strength: "error" | "warning" = "error"): Identity {
  return { rule, tables: tables.map((t) => t.id), strength, left, right, zh, en };
}

export function side(table: RecognisedTable, which: "income" | "expenditure"): SideStructure | undefined {
  const s = table.sides?.find((x) => x.side === which);
  return s ? sideStructure(s) : undefined;
}

/** Rows of a side that name a 类 ("八、社会保障和就业支出"), grouped by class code. */
export function classRows(st: SideStructure, table: RecognisedTable): Map<string, number[]> {
  const m = new Map<string, number[]>();
  const labels = new Map(st.side.rows.map((r) => [r.row, r.label]));
  for (const row of st.items) {
    const code = functionClassOfLabel(parseOrdinalLabel(labels.get(row) ?? "").text);
    if (!code) continue;
    (m.get(code) ?? m.set(code, []).get(code)!).push(row);
  }
  void table;
  return m;
}

export type SourceKey = "general" | "fund" | "state-capital" | "fiscal" | "special-account" | "business" | "operating" | "superior" | "affiliated" | "other" | "carry";

export function sourceKey(label: string): SourceKey | null {
  const t = parseOrdinalLabel(label).text;
  if (/结转|结余/.test(t)) return "carry";
  if (/一般公共预算/.test(t)) return "general";
  if (/政府性基金/.test(t)) return "fund";
  if (/国有资本经营/.test(t)) return "state-capital";
  if (/财政专户/.test(t)) return "special-account";
  if (/经营收入/.test(t)) return "operating";
  if (/事业收入/.test(t)) return "business";
  if (/上级补助/.test(t)) return "superior";
  if (/附属单位/.test(t)) return "affiliated";
  if (/其他收入/.test(t)) return "other";
  if (/财政拨款/.test(t)) return "fiscal";
  return null;
}

function summaryIdentities(summary: RecognisedTable, tables: Tables): Identity[] {
  const out: Identity[] = [];
  const income = side(summary, "income");
  const expSide = side(summary, "expenditure");
  const expenditure = tables.get("expenditure");
  const revenue = tables.get("revenue");
  const incomeCol = income?.side.amountCols[0];
  const expCol = expSide?.side.amountCols[0];
  if (expenditure && expSide && expCol !== undefined) {
    const total = totalColumn(expenditure);
    if (total !== undefined) {
      // 类 rows of the summary = 类 totals of the 支出总表.
      for (const [code, rows] of classRows(expSide, summary)) {
        out.push(
          make(
            "cross.summary-expenditure-class",
            [summary, expenditure],
            rows.map((r) => key(summary, r, expCol)),
            prefixCells(expenditure, code, total),
            `${summary.sheet}支出“${classLabel(code)}”类 = ${expenditure.sheet}该类合计`,
            `${summary.sheet} expenditure class ${code} = ${expenditure.sheet} class ${code} total`,
          ),
        );
      }
      const listed = new Set(classRows(expSide, summary).keys());
      for (const code of codesOfClass(expenditure)) {
        if (listed.has(code) || !code.startsWith("2")) continue;
        out.push(
          make(
            "cross.summary-expenditure-class",
            [summary, expenditure],
            [],
            prefixCells(expenditure, code, total),
            `${expenditure.sheet}有“${classLabel(code)}”类支出，${summary.sheet}未列示`,
            `${expenditure.sheet} has class ${code}, which ${summary.sheet} does not list`,
          ),
        );
      }
      const current = expSide.current ?? expSide.grand;
      if (current !== undefined) {
        out.push(
          make(
            "cross.summary-expenditure-total",
            [summary, expenditure],
            [key(summary, current, expCol)],
            totalCells(expenditure, total),
            `${summary.sheet}本年支出合计 = ${expenditure.sheet}合计`,
            `${summary.sheet} current-year expenditure = ${expenditure.sheet} total`,
          ),
        );
      }
    }
  }
  // A unit summary (财务收支预算总表) splitting 基本支出 into 人员经费/公用经费: its 支出总计 row of those columns = the
  // 基本支出表's 人员经费/公用经费 totals (spec §2).
  const basic = tables.get("basic-expenditure");
  const expTotalRow = expSide?.grand ?? expSide?.current;
  if (basic && expSide && expTotalRow !== undefined) {
    const expCols = summary.columns.filter((c) => c.side === "expenditure");
    for (const part of [
      { re: /人员经费/, rule: "cross.summary-basic-personnel" as const, zh: "人员经费", en: "personnel" },
      { re: /公用经费/, rule: "cross.summary-basic-public-use" as const, zh: "公用经费", en: "public use" },
    ]) {
      const col = expCols.find((c) => c.role === "amount" && part.re.test(c.label))?.col;
      const basicCol = amountColumns(basic).find((c) => part.re.test(c.label))?.col;
      if (col === undefined || basicCol === undefined) continue;
      out.push(
        make(
          part.rule,
          [summary, basic],
          [key(summary, expTotalRow, col)],
          totalCells(basic, basicCol),
          `${summary.sheet}支出合计“${part.zh}”= ${basic.sheet}${part.zh}合计`,
          `${summary.sheet} total ${part.en} expenditure = ${basic.sheet} ${part.en} total`,
        ),
      );
    }
  }
  if (revenue && income && incomeCol !== undefined) {
    const total = totalColumn(revenue);
    const tree = buildColumnTree(revenue.columns);
    const currentGroup = tree.children.find((n) => /本年收入/.test(n.label));
    const currentCol = currentGroup ? rootTotalColumn({ label: "", children: [currentGroup] }) : undefined;
    if (income.grand !== undefined && total !== undefined) {
      out.push(
        make("cross.summary-revenue-total", [summary, revenue], [key(summary, income.grand, incomeCol)], totalCells(revenue, total), `${summary.sheet}收入总计 = ${revenue.sheet}合计`, `${summary.sheet} total income = ${revenue.sheet} total`),
      );
    }
    if (income.current !== undefined && currentCol !== undefined) {
      out.push(
        make("cross.summary-revenue-total", [summary, revenue], [key(summary, income.current, incomeCol)], totalCells(revenue, currentCol), `${summary.sheet}本年收入合计 = ${revenue.sheet}本年收入`, `${summary.sheet} current-year income = ${revenue.sheet} current-year income`),
      );
    }
    // Income items = the source columns of the 收入总表's 合计 row.
    const labels = new Map(income.side.rows.map((r) => [r.row, r.label]));
    const byKey = new Map<SourceKey, number[]>();
    for (const row of [...income.items, ...income.carries.map((c) => c.row)]) {
      const k = sourceKey(labels.get(row) ?? "");
      if (k) (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(row);
    }
    const sourceCols = revenue.columns.filter((c) => c.role === "amount" && !/合计|小计|总计/.test(c.label) && !/^其中/.test(c.label));
    const seen = new Set<SourceKey>();
    for (const c of sourceCols) {
      // A source is named by its own label, or its group (一般公共预算 ▸ 小计); carry-over columns by their group.
      const groupLabel = c.path.length > 1 ? c.path[c.path.length - 2] : "";
      const k = /结转|结余/.test(c.path.join("")) ? "carry" : sourceKey(c.label) ?? sourceKey(groupLabel);
      if (!k || seen.has(k)) continue;
      seen.add(k);
      const col = k === "carry" ? columnFor(revenue, /结转|结余/) ?? c.col : k === "general" ? columnFor(revenue, /一般公共预算/) ?? c.col : c.col;
      const summaryRows = k === "fiscal" ? (["general", "fund", "state-capital"] as SourceKey[]).flatMap((x) => byKey.get(x) ?? []) : byKey.get(k) ?? [];
      if (summaryRows.length === 0) continue;
      out.push(
        make(
          "cross.summary-revenue-source",
          [summary, revenue],
          totalCells(revenue, col),
          summaryRows.map((r) => key(summary, r, incomeCol)),
          `${revenue.sheet}合计行“${revenue.columns.find((x) => x.col === col)?.label ?? ""}”= ${summary.sheet}对应收入项目`,
          `${revenue.sheet} total of source "${k}" = the matching income item(s) of ${summary.sheet}`,
        ),
      );
    }
  }
  return out;
}

/** One fiscal fund: the fiscal summary's column for it and the expenditure table it must agree with. */
export interface FiscalFund {
  re: RegExp;
  kind: TableKind;
  zh: string;
  en: string;
}

/**
 * The fiscal summary (财政拨款收支总表, or its 决算) against each fund's expenditure table: per fund its current-year
 * spending, and per class. 预算 and 决算 differ only in the tables, the spending column, the current-year row and
 * the wording, which `spec` gives.
 */
export interface FiscalFundSpec {
  funds: readonly FiscalFund[];
  rules: { total: RuleId; class: RuleId };
  /** The fund table's column holding the spending compared. */
  spending(table: RecognisedTable): number | undefined;
  /** The fiscal summary's current-year expenditure row. */
  current(exp: SideStructure): number | undefined;
  totalText(fiscal: RecognisedTable, table: RecognisedTable, f: FiscalFund): { zh: string; en: string };
  classText(fiscal: RecognisedTable, table: RecognisedTable, f: FiscalFund, code: string): { zh: string; en: string };
}

export function fiscalFundIdentities(fiscal: RecognisedTable, tables: Tables, spec: FiscalFundSpec): Identity[] {
  const out: Identity[] = [];
  const exp = side(fiscal, "expenditure");
  if (!exp) return out;
  const expCols = fiscal.columns.filter((c) => c.side === "expenditure");
  const classes = classRows(exp, fiscal);
  for (const f of spec.funds) {
    const table = tables.get(f.kind);
    const col = columnFor(fiscal, f.re, expCols);
    if (!table || col === undefined) continue;
    const spending = spec.spending(table);
    if (spending === undefined) continue;
    const current = spec.current(exp);
    if (current !== undefined) {
      const t = spec.totalText(fiscal, table, f);
      out.push(make(spec.rules.total, [fiscal, table], [key(fiscal, current, col)], totalCells(table, spending), t.zh, t.en));
    }
    for (const [code, rows] of classes) {
      const t = spec.classText(fiscal, table, f, code);
      out.push(make(spec.rules.class, [fiscal, table], rows.map((r) => key(fiscal, r, col)), prefixCells(table, code, spending), t.zh, t.en));
    }
  }
  return out;
}

const BUDGET_FISCAL: FiscalFundSpec = {
  funds: [
    { re: /一般公共预算/, kind: "general-expenditure", zh: "一般公共预算", en: "general budget" },
    { re: /政府性基金/, kind: "fund-expenditure", zh: "政府性基金", en: "government funds" },
    { re: /国有资本经营/, kind: "state-capital-expenditure", zh: "国有资本经营", en: "state capital" },
  ],
  rules: { total: "cross.fiscal-fund-total", class: "cross.fiscal-fund-class" },
  spending: totalColumn,
  current: (exp) => exp.current ?? exp.grand,
  totalText: (fiscal, table, f) => ({ zh: `${fiscal.sheet}本年支出“${f.zh}”= ${table.sheet}合计`, en: `${fiscal.sheet} ${f.en} expenditure = ${table.sheet} total` }),
  classText: (fiscal, table, f, code) => ({
    zh: `${fiscal.sheet}“${classLabel(code)}”类“${f.zh}”= ${table.sheet}该类合计`,
    en: `${fiscal.sheet} class ${code} (${f.en}) = ${table.sheet} class ${code}`,
  }),
};

function generalIdentities(general: RecognisedTable, tables: Tables): Identity[] {
  const out: Identity[] = [];
  const basicCol = columnFor(general, /基本支出/);
  const basic = tables.get("basic-expenditure");
  if (basic && basicCol !== undefined) {
    const total = totalColumn(basic);
    if (total !== undefined) {
      out.push(
        make("cross.general-basic-total", [general, basic], totalCells(general, basicCol), totalCells(basic, total), `${general.sheet}基本支出合计 = ${basic.sheet}合计`, `${general.sheet} basic expenditure total = ${basic.sheet} total`),
      );
    }
  }
  const expenditure = tables.get("expenditure");
  const expBasic = expenditure ? columnFor(expenditure, /基本支出/) : undefined;
  if (expenditure && basicCol !== undefined && expBasic !== undefined) {
    for (const code of codesOfClass(general)) {
      out.push({
        ...make(
          "cross.general-within-expenditure",
          [general, expenditure],
          prefixCells(general, code, basicCol),
          prefixCells(expenditure, code, expBasic),
          `${general.sheet}“${classLabel(code)}”类基本支出 ≤ ${expenditure.sheet}该类基本支出`,
          `${general.sheet} class ${code} basic expenditure ≤ ${expenditure.sheet} class ${code} basic expenditure`,
        ),
        comparator: "le",
      });
    }
  }
  return out;
}

/** 部门经济分类 ↔ 功能分类 pairs that must agree in 基本支出 (warnings: units may classify differently). */
const ECONOMIC_FUNCTION_PAIRS: Array<{ economic: string; functions: string[]; zh: string }> = [
  { economic: "30108", functions: ["2080505"], zh: "机关事业单位基本养老保险缴费" },
  { economic: "30110", functions: ["2101101", "2101102"], zh: "职工基本医疗保险缴费" },
  { economic: "30111", functions: ["2101103"], zh: "公务员医疗补助缴费" },
  { economic: "30113", functions: ["2210201"], zh: "住房公积金" },
];

function basicIdentities(basic: RecognisedTable, tables: Tables): Identity[] {
  const out: Identity[] = [];
  const total = totalColumn(basic);
  if (total === undefined) return out;
  const general = tables.get("general-expenditure");
  const generalBasic = general ? columnFor(general, /基本支出/) : undefined;
  if (general && generalBasic !== undefined) {
    for (const p of ECONOMIC_FUNCTION_PAIRS) {
      const left = prefixCells(basic, p.economic, total);
      const right = p.functions.flatMap((f) => prefixCells(general, f, generalBasic));
      if (left.length === 0 && right.length === 0) continue;
      out.push(
        make(
          "cross.basic-function",
          [basic, general],
          left,
          right,
          `${p.economic} ${p.zh} = ${p.functions.join(" + ")} 基本支出`,
          `${p.economic} = ${p.functions.join(" + ")} basic expenditure`,
          "warning",
        ),
      );
    }
  }
  const three = tables.get("three-public");
  if (three) {
    const items: Array<{ economic: string; re: RegExp; zh: string; optional: boolean }> = [
      { economic: "30217", re: /公务接待/, zh: "公务接待费", optional: false },
      { economic: "30231", re: /运行(维护)?费$/, zh: "公务用车运行维护费", optional: false },
      { economic: "30216", re: /培训费/, zh: "培训费", optional: true },
      { economic: "30215", re: /会议费/, zh: "会议费", optional: true },
    ];
    for (const item of items) {
      const cells = threePublicCells(three, item.re);
      if (cells === null) {
        if (item.optional) continue;
      }
      const left = prefixCells(basic, item.economic, total);
      const right = cells ?? [];
      if (left.length === 0 && right.length === 0) continue;
      // A “三公” table may cover 项目支出 too (上海 does): the 基本支出 amount may be smaller, never larger (spec §2).
      out.push({
        ...make(
          "cross.basic-three-public",
          [basic, three],
          left,
          right,
          `${basic.sheet} ${item.economic} ${item.zh} ≤ ${three.sheet}${item.zh}（一般公共预算）`,
          `${basic.sheet} ${item.economic} ≤ ${three.sheet} ${item.zh} (general budget)`,
        ),
        comparator: "le",
      });
    }
  }
  return out;
}

/** The 一般公共预算 amount of a 三公 item; null when the table has no such item at all. */
function threePublicCells(three: RecognisedTable, re: RegExp): CellKey[] | null {
  if (three.itemsAsColumns) {
    const col = three.columns.find((c) => c.role === "amount" && re.test(c.label) && !/公务用车购置及运/.test(c.label));
    if (!col) return null;
    const rows: RecognisedRow[] = three.rows.filter((r) => r.role === "total");
    const use = rows.length ? rows : three.rows.slice(0, 1);
    return use.map((r) => key(three, r.row, col.col));
  }
  const row = threePublicItemRow(three, re);
  if (!row) return null;
  const general = amountColumns(three).find((c) => /一般公共预算/.test(c.label))?.col;
  const col = general ?? totalColumn(three);
  return col !== undefined ? [key(three, row.row, col)] : null;
}

export function crossIdentities(tables: RecognisedTable[]): Identity[] {
  const byKind = tablesByKind(tables.filter((t) => t.kind !== "other"));
  const out: Identity[] = [];
  const summary = byKind.get("summary");
  if (summary) out.push(...summaryIdentities(summary, byKind));
  const fiscal = byKind.get("fiscal-summary");
  if (fiscal) out.push(...fiscalFundIdentities(fiscal, byKind, BUDGET_FISCAL));
  const general = byKind.get("general-expenditure");
  if (general) out.push(...generalIdentities(general, byKind));
  const basic = byKind.get("basic-expenditure");
  if (basic) out.push(...basicIdentities(basic, byKind));
  return out;
}
