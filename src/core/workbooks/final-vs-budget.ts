/**
 * `workbooks.final-vs-budget` (spec §7): the 决算 workbook's 财政拨款“三公”经费 预算数 equal the 预算 workbook's “三公”
 * amounts (the 决算 table's note says 预算数 is the 年初预算数), and `workbooks.final-variance`: every 决算数 that differs
 * from its 预算数 by more than 20 % and more than 1 万元 is listed (info), since the 情况说明 must explain it.
 *
 * Items are read from the row label and the column header path alike, so both layouts work: items as rows with
 * fund columns (Hebei), items as columns (Henan, Shanghai), and 预算数/决算数 as sub-columns or rows (决算).
 */
import type { Finding } from "../finding";
import { Decimal, formatAmount } from "../money";
import type { Identity } from "../rules/identity";
import { AmountStore, compareIdentities, externalSheet, tableOfKind, unitScale, type WorkbookEntry } from "./compare";
import { NOT_A_NUMBER, unitKey, type ExtractCell, type ExtractTable } from "./extract";
import { toA1 } from "../address";
import type { RuleInfo } from "../rule-info";

/** The rules this family reports (id, group, default severity, zh/en), collected by core/rule-registry.ts. */
export const FINAL_VS_BUDGET_RULES = [
  { id: "workbooks.final-vs-budget", group: "workbooks", severity: "error", zh: "决算“三公”经费预算数 = 预算工作簿“三公”经费", en: 'The 决算 "three public" budget amounts = the 预算 workbook\'s "three public" amounts' },
  { id: "workbooks.final-variance", group: "workbooks", severity: "info", zh: "“三公”经费决算数与预算数相差超过 20% 且超过 1 万元，须在情况说明中解释", en: '"Three public" final amount differs from the budget by more than 20 % and 1 万元: to be explained' },
] as const satisfies readonly RuleInfo[];

export const FINAL_VS_BUDGET = "workbooks.final-vs-budget";
export const FINAL_VARIANCE = "workbooks.final-variance";
export const BUDGET_THREE_PUBLIC = "three-public";
export const FINAL_THREE_PUBLIC = "final-three-public";

type Item = "total" | "abroad" | "vehicle" | "purchase" | "ops" | "reception";

const ITEM_NAMES: Record<Item, { zh: string; en: string }> = {
  total: { zh: "“三公”经费合计", en: '"three public" total' },
  abroad: { zh: "因公出国(境)费", en: "overseas trips" },
  vehicle: { zh: "公务用车购置及运行维护费", en: "official vehicles" },
  purchase: { zh: "公务用车购置费", en: "vehicle purchase" },
  ops: { zh: "公务用车运行维护费", en: "vehicle operation" },
  reception: { zh: "公务接待费", en: "official reception" },
};

/** The item a label names; "grand" = a 合计 that includes 会议费/培训费 where the table has a “三公”经费小计. */
function itemOf(text: string, hasSubtotal: boolean): Item | "grand" | null {
  if (/三公/.test(text) && /小计/.test(text)) return "total";
  if (/^(合计|总计)$/.test(text) || (/三公/.test(text) && /合计/.test(text))) return hasSubtotal ? "grand" : "total";
  if (/因公出国/.test(text)) return "abroad";
  if (/公务用车购置及运/.test(text)) return "vehicle";
  if (/购置费$/.test(text)) return "purchase";
  if (/运行(维护)?费$/.test(text)) return "ops";
  if (/公务接待/.test(text)) return "reception";
  return null;
}

type Measure = "budget" | "final";

interface ItemCells {
  budget: ExtractCell[];
  final: ExtractCell[];
}

function labelsOf(cell: ExtractCell): { row: string; path: string[] } {
  return { row: cell[0].replace(/^t:/, "").replace(/^其中:/, ""), path: cell[1].split("/") };
}

/**
 * Each item's cells by measure. Budget tables: every amount is a 预算数; the fund column 合计 is preferred over the
 * fund parts. 决算 tables: 预算数 or 决算数 by the words of the header or row. The first row naming an item is it.
 */
export function threePublicItems(table: ExtractTable, defaultMeasure: Measure | null): Map<Item, ItemCells> {
  const hasSubtotal = table.cells.some((c) => itemOf(labelsOf(c).row, false) === "total" && /小计/.test(c[0]));
  const out = new Map<Item, ItemCells>();
  const rowOfItem = new Map<Item, number>();
  for (const cell of table.cells) {
    const { row, path } = labelsOf(cell);
    let item = itemOf(row, hasSubtotal);
    const fromRow = item !== null;
    for (let i = path.length - 1; item === null && i >= 0; i--) item = itemOf(path[i], hasSubtotal);
    if (item === null || item === "grand") continue;
    // The first row naming an item is the item (a later 其他因公出国费 is a part of it).
    if (fromRow) {
      const seen = rowOfItem.get(item);
      if (seen === undefined) rowOfItem.set(item, cell[2]);
      else if (seen !== cell[2]) continue;
    }
    const words = [row, ...path].join("/");
    // 预算数 (not 预算: a fund column is 一般公共预算财政拨款).
    const measure: Measure | null = /决算/.test(words) ? "final" : /预算数|年初预算|全年预算/.test(words) ? "budget" : defaultMeasure;
    if (measure === null) continue;
    const slot = out.get(item) ?? { budget: [], final: [] };
    out.set(item, slot);
    const list = slot[measure];
    // One cell per item and measure: the fund 合计 column where there are several (a row of fund columns).
    const isTotalColumn = fromRow && /^(合计|小计|总计)$/.test(path[path.length - 1] ?? "");
    if (list.length === 0) list.push(cell);
    else if (isTotalColumn && !/^(合计|小计|总计)$/.test(labelsOf(list[0]).path.pop() ?? "")) list[0] = cell;
  }
  return out;
}

function amountOf(cells: ExtractCell[], table: ExtractTable): Decimal | null {
  let sum = new Decimal(0);
  let any = false;
  for (const c of cells) {
    if (c[4] === NOT_A_NUMBER) return null;
    if (c[4] === null) continue;
    sum = sum.plus(new Decimal(c[4]));
    any = true;
  }
  const scale = unitScale(table.unit) ?? 10_000;
  return any ? sum.times(scale).dividedBy(10_000) : new Decimal(0);
}

/** 决算 → 预算 pairs: same unit name and year; a single 决算 and a single 预算 left over are a pair. */
function pairs(entries: readonly WorkbookEntry[]): Array<{ final: WorkbookEntry; budget: WorkbookEntry }> {
  const finals = entries.filter((e) => tableOfKind(e.workbook, FINAL_THREE_PUBLIC));
  const budgets = entries.filter((e) => e.workbook.set !== "决算" && tableOfKind(e.workbook, BUDGET_THREE_PUBLIC));
  const out: Array<{ final: WorkbookEntry; budget: WorkbookEntry }> = [];
  const usedF = new Set<WorkbookEntry>();
  const usedB = new Set<WorkbookEntry>();
  for (const f of finals) {
    const name = f.workbook.unitName;
    if (name === undefined) continue;
    const b = budgets.find(
      (x) => !usedB.has(x) && x.workbook.unitName !== undefined && unitKey(x.workbook.unitName) === unitKey(name) && (f.workbook.year === undefined || x.workbook.year === undefined || x.workbook.year === f.workbook.year),
    );
    if (!b) continue;
    out.push({ final: f, budget: b });
    usedF.add(f);
    usedB.add(b);
  }
  const restF = finals.filter((f) => !usedF.has(f));
  const restB = budgets.filter((b) => !usedB.has(b));
  if (restF.length === 1 && restB.length === 1) out.push({ final: restF[0], budget: restB[0] });
  return out;
}

const ORDER: Item[] = ["total", "abroad", "vehicle", "purchase", "ops", "reception"];

function where(file: string, table: ExtractTable, c: ExtractCell): string {
  return `${externalSheet(file, table.sheet)}!${toA1(c[2], c[3])}`;
}

export function finalVsBudgetFindings(entries: readonly WorkbookEntry[]): Finding[] {
  const out: Finding[] = [];
  for (const { final, budget } of pairs(entries)) {
    const ft = tableOfKind(final.workbook, FINAL_THREE_PUBLIC)!;
    const bt = tableOfKind(budget.workbook, BUDGET_THREE_PUBLIC)!;
    const fi = threePublicItems(ft, null);
    const bi = threePublicItems(bt, "budget");
    const store = new AmountStore();
    const identities: Identity[] = [];
    for (const item of ORDER) {
      const f = fi.get(item);
      const b = bi.get(item);
      const name = ITEM_NAMES[item];
      if (f && f.budget.length > 0 && b && b.budget.length > 0) {
        identities.push({
          rule: FINAL_VS_BUDGET,
          tables: [],
          strength: "error",
          left: f.budget.map((c) => store.add(final.file, ft, c, ft.unit)),
          right: b.budget.map((c) => store.add(budget.file, bt, c, ft.unit)),
          zh: `决算“${ft.sheet}”${name.zh}预算数 = 预算工作簿 ${budget.file}“${bt.sheet}”${name.zh}`,
          en: `the 决算 "${ft.sheet}" ${name.en} budget amount = ${name.en} in the 预算 workbook ${budget.file} ("${bt.sheet}")`,
        });
      }
      // 决算数 against its 预算数: the 决算 table's own where it has one, else the 预算 workbook's.
      if (!f || f.final.length === 0) continue;
      const [baseFile, baseTable, baseCells] = f.budget.length > 0 ? [final.file, ft, f.budget] : b ? [budget.file, bt, b.budget] : [null, null, []];
      if (baseFile === null || baseTable === null || baseCells.length === 0) continue;
      const actual = amountOf(f.final, ft);
      const planned = amountOf(baseCells, baseTable);
      if (actual === null || planned === null) continue;
      const diff = actual.minus(planned);
      const overOne = diff.abs().greaterThan(1);
      const overShare = planned.isZero() ? !diff.isZero() : diff.abs().dividedBy(planned.abs()).greaterThan(0.2);
      if (!overOne || !overShare) continue;
      const pct = planned.isZero() ? null : diff.dividedBy(planned.abs()).times(100).toDecimalPlaces(1).toString();
      const up = diff.isPositive();
      const cells = [
        ...f.final.map((c) => ({ file: final.file, sheet: ft.sheet, row: c[2], col: c[3] })),
        ...baseCells.map((c) => ({ file: baseFile, sheet: baseTable.sheet, row: c[2], col: c[3] })),
      ];
      const at = where(final.file, ft, f.final[0]);
      out.push({
        rule: FINAL_VARIANCE,
        severity: "info",
        message: `${at} ${name.zh}决算数 ${formatAmount(actual)} 万元比预算数 ${formatAmount(planned)} 万元${up ? "增加" : "减少"} ${formatAmount(diff.abs())} 万元${pct === null ? "（预算数为 0）" : `（${up ? "+" : ""}${pct}%）`}，差异超过 20% 且超过 1 万元，应在情况说明中解释原因。`,
        messageEn: `${at} ${name.en}: the final amount ${formatAmount(actual)} (万元) is ${formatAmount(diff.abs())} ${up ? "above" : "below"} the budget ${formatAmount(planned)}${pct === null ? " (budget 0)" : ` (${up ? "+" : ""}${pct}%)`}: more than 20 % and 1 万元, so the 情况说明 must explain it.`,
        cells,
        expected: formatAmount(planned),
        actual: formatAmount(actual),
      });
    }
    out.push(...compareIdentities(identities, store));
  }
  return out;
}

