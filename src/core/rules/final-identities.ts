/**
 * Identities inside one 决算 table (spec §6), built with the 预算 machinery where the shape is the same (two-sided
 * totals, column trees, 类 = Σ 款 = Σ 项) under 决算 rule ids, plus what only a 决算 has: the carry-over identity
 * 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出, the side-by-side panels of the 基本支出决算表, and the 预算数 /
 * 决算数 pairs of the “三公” table.
 */
import { isFinalKind } from "../recognise/final-kinds";
import { panelAmountCol } from "../recognise/final-panels";
import { amountColumns } from "../recognise/queries";
import type { RecognisedColumn, RecognisedRow, RecognisedTable } from "../recognise/types";
import { withMeasures, type CellKey, type Identity } from "./identity";
import {
  columnSumIdentities,
  hierarchyIdentities,
  key,
  pushAll,
  rowLabel,
  rowsForColumnSums,
  threePublicRowIdentities,
  twoSidedIdentities,
  type TableRuleId,
} from "./table-identities";
import type { RuleInfo } from "../rule-info";
import type { RuleId } from "../rule-registry";

/** The rules this family reports (id, group, default severity, zh/en), collected by core/rule-registry.ts. */
export const FINAL_RULES = [
  { id: "final.summary-current-total", group: "sum", severity: "error", zh: "收入支出决算总表：本年收入（支出）合计 = 各项目之和", en: "Final summary: current-year total = sum of the items" },
  { id: "final.summary-carry-split", group: "sum", severity: "error", zh: "收入支出决算总表：结转和结余 = 其下各项之和", en: "Final summary: carry-over = sum of its parts" },
  { id: "final.summary-grand-total", group: "sum", severity: "error", zh: "收入支出决算总表：总计 = 本年合计 + 使用非财政拨款结余/结余分配 + 年初（年末）结转和结余", en: "Final summary: grand total = current-year total + balances used/distributed + carry-over" },
  { id: "final.summary-balance", group: "sum", severity: "error", zh: "收入支出决算总表：收入总计 = 支出总计", en: "Final summary: total income = total expenditure" },
  { id: "final.fiscal-current-total", group: "sum", severity: "error", zh: "财政拨款收入支出决算总表：本年收入（支出）合计 = 各项目之和", en: "Final fiscal summary: current-year total = sum of the items" },
  { id: "final.fiscal-carry-split", group: "sum", severity: "error", zh: "财政拨款收入支出决算总表：年初（年末）财政拨款结转和结余 = 各资金之和", en: "Final fiscal summary: carry-over = sum of its funds" },
  { id: "final.fiscal-grand-total", group: "sum", severity: "error", zh: "财政拨款收入支出决算总表：总计 = 本年合计 + 结转和结余", en: "Final fiscal summary: grand total = current-year total + carry-over" },
  { id: "final.fiscal-balance", group: "sum", severity: "error", zh: "财政拨款收入支出决算总表：收入总计 = 支出总计", en: "Final fiscal summary: total income = total expenditure" },
  { id: "final.carry-over", group: "sum", severity: "error", zh: "决算表：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出", en: "Final tables: closing balance = opening balance + income − expenditure" },
  { id: "final.basic-panel", group: "sum", severity: "error", zh: "基本支出决算表：各类 = 其下各款之和（分栏）", en: "Final basic expenditure: each class = sum of its sections (panels)" },
  { id: "final.basic-personnel", group: "sum", severity: "error", zh: "基本支出决算表：人员经费合计 = 301 + 303", en: "Final basic expenditure: personnel total = 301 + 303" },
  { id: "final.basic-public-use", group: "sum", severity: "error", zh: "基本支出决算表：公用经费合计 = 302 + 310（及其他公用经费类）", en: "Final basic expenditure: public-use total = 302 + 310 (and other classes)" },
  { id: "final.basic-total", group: "sum", severity: "error", zh: "基本支出决算表：合计 = 各类之和", en: "Final basic expenditure: total = sum of the classes" },
  { id: "final.three-public-total", group: "sum", severity: "error", zh: "“三公”经费决算表：合计 = 因公出国(境)费 + 公务用车 + 公务接待费（预算数、决算数分别）", en: '"Three public" final: total = overseas trips + vehicles + reception (budget and final each)' },
  { id: "final.three-public-vehicle", group: "sum", severity: "error", zh: "“三公”经费决算表：公务用车购置及运行维护费 = 购置费 + 运行维护费", en: '"Three public" final: vehicles = purchase + operation' },
  { id: "final.three-public-subtotal", group: "sum", severity: "error", zh: "“三公”经费决算表：小计 = 因公出国(境)费 + 公务用车 + 公务接待费", en: '"Three public" final: subtotal = the three items' },
  { id: "final.three-public-abroad", group: "sum", severity: "error", zh: "“三公”经费决算表：因公出国(境)费 = 其下各项之和", en: '"Three public" final: overseas trips = sum of its parts' },
] as const satisfies readonly RuleInfo[];

export type FinalRuleId = (typeof FINAL_RULES)[number]["id"];

/** The 决算 rule id each shared 预算 identity is reported under, per table (spelled out: the ids are a public list). */
const RENAMES = {
  summary: {
    "summary.current-total": "final.summary-current-total",
    "summary.carry-split": "final.summary-carry-split",
    "summary.grand-total": "final.summary-grand-total",
    "summary.balance": "final.summary-balance",
  },
  fiscal: {
    "summary.current-total": "final.fiscal-current-total",
    "summary.carry-split": "final.fiscal-carry-split",
    "summary.grand-total": "final.fiscal-grand-total",
    "summary.balance": "final.fiscal-balance",
  },
  "three-public": {
    "three-public.total": "final.three-public-total",
    "three-public.subtotal": "final.three-public-subtotal",
    "three-public.vehicle": "final.three-public-vehicle",
    "three-public.abroad": "final.three-public-abroad",
  },
} satisfies Record<string, Partial<Record<TableRuleId, FinalRuleId>>>;

function renamed(identities: Identity[], table: keyof typeof RENAMES): Identity[] {
  const names: Partial<Record<RuleId, FinalRuleId>> = RENAMES[table];
  return identities.map((i) => {
    const to = names[i.rule];
    return to ? { ...withMeasures(i, i.measures), rule: to } : i;
  });
}

/** null for a 预算 table (the caller builds its identities); else `out` (returned) with the table's identities. */
export function finalTableIdentities(table: RecognisedTable, out: Identity[] = []): Identity[] | null {
  if (!isFinalKind(table.kind)) return null;
  switch (table.kind) {
    case "final-summary":
      return pushAll(out, renamed(twoSidedIdentities(table), "summary"));
    case "final-fiscal-summary":
      return pushAll(out, renamed(twoSidedIdentities(table), "fiscal"));
    case "final-three-public":
      return pushAll(out, threePublicIdentities(table));
    case "final-basic-expenditure":
      if (table.panels) return pushAll(out, panelIdentities(table));
      return hierarchyIdentities(table, columnSumIdentities(table, rowsForColumnSums(table), table.columns, 0, out));
    default:
      return pushAll(hierarchyIdentities(table, columnSumIdentities(table, rowsForColumnSums(table), table.columns, 0, out)), carryOverIdentities(table));
  }
}

/** A column by its own label, or the 合计/小计 column of the header group the label names (本年支出 ▸ 小计). */
function columnOf(table: RecognisedTable, re: RegExp): RecognisedColumn | undefined {
  const cols = amountColumns(table).filter((c) => !/^其中/.test(c.label));
  return cols.find((c) => re.test(c.label) && c.path.length === 1) ??
    cols.find((c) => c.path.some((p) => re.test(p)) && /^(合计|小计)$/.test(c.label)) ??
    cols.find((c) => re.test(c.label));
}

export interface CarryColumns {
  opening: number;
  income: number;
  spending: number;
  closing: number;
}

/** 年初结转和结余 | 本年收入 | 本年支出 (小计) | 年末结转和结余, where the table has all four. */
export function carryColumns(table: RecognisedTable): CarryColumns | null {
  const opening = columnOf(table, /^年初.*结转/);
  const income = columnOf(table, /^本年收入(合计)?$/);
  const spending = columnOf(table, /^本年支出(合计)?$/);
  const closing = columnOf(table, /^年末.*结转/);
  if (!opening || !income || !spending || !closing) return null;
  return { opening: opening.col, income: income.col, spending: spending.col, closing: closing.col };
}

/** final.carry-over: on every row, 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出. */
function carryOverIdentities(table: RecognisedTable): Identity[] {
  const cols = carryColumns(table);
  if (!cols) return [];
  return table.rows
    .filter((r) => r.role !== "item")
    .map((r) => ({
      rule: "final.carry-over",
      tables: [table.id],
      strength: "error" as const,
      left: [key(table, r.row, cols.closing)],
      right: [key(table, r.row, cols.opening), key(table, r.row, cols.income)],
      minus: [key(table, r.row, cols.spending)],
      zh: `${table.sheet}“${rowLabel(r)}”行：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出`,
      en: `${table.sheet}, ${r.code?.code ?? (r.role === "total" ? "total" : `row ${r.row + 1}`)}: closing balance = opening balance + income − expenditure`,
    }));
}

/** 基本支出决算表 in panels: each 类 = Σ its 款 (in their panels' 决算数), 人员经费合计 / 公用经费合计 = Σ their 类. */
function panelIdentities(table: RecognisedTable): Identity[] {
  const panels = table.panels!;
  const cell = (r: RecognisedRow): CellKey | null => {
    const col = panelAmountCol(panels, r);
    return col === undefined ? null : key(table, r.row, col);
  };
  const out: Identity[] = [];
  const children = new Map<number, RecognisedRow[]>();
  table.rows.forEach((r) => {
    if (r.parent !== undefined) (children.get(r.parent) ?? children.set(r.parent, []).get(r.parent)!).push(r);
  });
  for (const [parent, kids] of children) {
    const p = table.rows[parent];
    const left = cell(p);
    if (!left) continue;
    out.push({
      rule: "final.basic-panel",
      tables: [table.id],
      strength: "error",
      left: [left],
      right: kids.map(cell).filter((c): c is CellKey => c !== null),
      zh: `${table.sheet}：“${rowLabel(p)}”= 其下 ${kids.length} 款之和`,
      en: `${table.sheet}: ${p.code!.code} = sum of its ${kids.length} sections`,
    });
  }
  const classes = table.rows.filter((r) => r.role === "code" && r.code!.level === 1);
  const isPersonnel = (r: RecognisedRow) => /^30[13]/.test(r.code!.code);
  for (const t of table.rows.filter((r) => r.role === "total")) {
    const left = cell(t);
    if (!left) continue;
    const personnel = /人员/.test(t.label);
    const publicUse = /公用/.test(t.label);
    const terms = classes.filter((c) => (personnel ? isPersonnel(c) : publicUse ? !isPersonnel(c) : true));
    out.push({
      rule: personnel ? "final.basic-personnel" : publicUse ? "final.basic-public-use" : "final.basic-total",
      tables: [table.id],
      strength: "error",
      left: [left],
      right: terms.map(cell).filter((c): c is CellKey => c !== null),
      zh: personnel
        ? `${table.sheet}：人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助`
        : publicUse
          ? `${table.sheet}：公用经费合计 = 302 商品和服务支出 + 310 资本性支出（及其他公用经费类）`
          : `${table.sheet}：合计 = 各类之和`,
      en: personnel
        ? `${table.sheet}: personnel total = 301 + 303`
        : publicUse
          ? `${table.sheet}: public-use total = 302 + 310 (and other non-personnel classes)`
          : `${table.sheet}: total = sum of the classes`,
    });
  }
  return out;
}

const ITEM = {
  total: /合计/,
  abroad: /因公出国/,
  vehicle: /公务用车购置及运/,
  purchase: /购置费$/,
  ops: /运行(维护)?费$/,
  reception: /公务接待/,
};

/** The “三公” column of a measure (预算数 / 决算数) and item, from the header path. */
function threeColumn(table: RecognisedTable, measure: RegExp, item: (path: string[]) => boolean): number | undefined {
  return amountColumns(table).find((c) => c.path.some((p) => measure.test(p)) && item(c.path))?.col;
}

/** 三公 决算: for 预算数 and for 决算数, 合计 = 出国 + 公务用车 + 接待, 公务用车 = 购置 + 运行(维护). */
function threePublicIdentities(table: RecognisedTable): Identity[] {
  if (!table.itemsAsColumns) return renamed(threePublicRowIdentities(table), "three-public");
  const out: Identity[] = [];
  const inner = (p: string[]) => p.filter((x) => !/三公/.test(x) || /合计/.test(x));
  for (const [measure, zhM, enM] of [[/预算数/, "预算数", "budget"], [/决算数/, "决算数", "final"]] as const) {
    const col = (f: (path: string[]) => boolean) => threeColumn(table, measure, (p) => f(inner(p)));
    const total = col((p) => p.some((x) => ITEM.total.test(x)) && !p.some((x) => ITEM.abroad.test(x) || ITEM.vehicle.test(x) || ITEM.reception.test(x)));
    const abroad = col((p) => p.some((x) => ITEM.abroad.test(x)));
    const vehicle = col((p) => p.some((x) => ITEM.vehicle.test(x)) && p.some((x) => /^(小计|合计)$/.test(x)));
    const purchase = col((p) => p.some((x) => ITEM.purchase.test(x) && !ITEM.vehicle.test(x)));
    const ops = col((p) => p.some((x) => ITEM.ops.test(x) && !ITEM.vehicle.test(x)));
    const reception = col((p) => p.some((x) => ITEM.reception.test(x)));
    for (const r of table.rows) {
      const add = (rule: FinalRuleId, t: number | undefined, terms: Array<number | undefined>, zh: string, en: string) => {
        const present = terms.filter((x): x is number => x !== undefined);
        if (t === undefined || present.length === 0) return;
        out.push({
          rule,
          tables: [table.id],
          strength: "error",
          left: [key(table, r.row, t)],
          right: present.map((c) => key(table, r.row, c)),
          zh: `${table.sheet}${zhM}：${zh}`,
          en: `${table.sheet}, ${enM}: ${en}`,
        });
      };
      add("final.three-public-total", total, [abroad, vehicle, reception], "合计 = 因公出国(境)费 + 公务用车购置及运行维护费 + 公务接待费", "total = overseas trips + official vehicles + official reception");
      add("final.three-public-vehicle", vehicle, [purchase, ops], "公务用车购置及运行维护费 = 购置费 + 运行维护费", "official vehicles = purchase + operation");
    }
  }
  return out;
}
