/**
 * 决算 (final accounts) kinds, spec §6. A 决算 table has the title of its 预算 sibling with 决算 in it (收入决算表,
 * 一般公共预算财政拨款基本支出决算表) and header words no 预算 table prints (决算数, 年初/年末结转和结余, 本年收入合计 as a
 * column). The title decides first: 决算 in it makes a final kind, 预算 in it (fund names aside) a budget kind;
 * only a title saying neither lets the header words decide, so a 决算 table is never read as a 预算 one or the reverse.
 */
import type { FinalKind, TableKind } from "./types";

export const FINAL_KINDS: readonly FinalKind[] = [
  "final-summary",
  "final-revenue",
  "final-expenditure",
  "final-fiscal-summary",
  "final-general-expenditure",
  "final-basic-expenditure",
  "final-three-public",
  "final-fund",
  "final-state-capital",
];

const FINAL_SET = new Set<TableKind>(FINAL_KINDS);

export function isFinalKind(kind: TableKind): kind is FinalKind {
  return FINAL_SET.has(kind);
}

/** The 预算 kind each 决算 kind corresponds to (same codes, same shape), for the rules they share. */
export const BUDGET_KIND_OF: Record<FinalKind, TableKind> = {
  "final-summary": "summary",
  "final-revenue": "revenue",
  "final-expenditure": "expenditure",
  "final-fiscal-summary": "fiscal-summary",
  "final-general-expenditure": "general-expenditure",
  "final-basic-expenditure": "basic-expenditure",
  "final-three-public": "three-public",
  "final-fund": "fund-expenditure",
  "final-state-capital": "state-capital-expenditure",
};

const FINAL_OF = new Map<TableKind, FinalKind>(FINAL_KINDS.map((k) => [BUDGET_KIND_OF[k], k]));

/** Which set a title belongs to: "final" (决算), "budget" (预算, the fund names 一般公共预算 … aside), or unknown. */
export function titleSet(title: string): "final" | "budget" | null {
  const t = title.replace(/\s+/g, "");
  if (/决算/.test(t)) return "final";
  const withoutFunds = t.replace(/一般公共预算|政府性?基金预算|国有资本经营预算/g, "");
  return /预算/.test(withoutFunds) ? "budget" : null;
}

/** The 决算 kind of a title that says 决算; null when it does not (or names no standard table). */
export function finalKindFromTitle(title: string): FinalKind | null {
  const t = title.replace(/\s+/g, "");
  if (!/决算/.test(t)) return null;
  if (/三公/.test(t)) return "final-three-public";
  if (/基本支出/.test(t)) return "final-basic-expenditure";
  if (/政府性基金|政府基金/.test(t)) return "final-fund";
  if (/国有资本经营/.test(t)) return "final-state-capital";
  // 一般公共预算财政拨款(收入)支出决算(明细)表 is the 公开05 table, not the 财政拨款收支总表.
  if (/一般公共预算/.test(t) && /支出/.test(t)) return "final-general-expenditure";
  const incomeAndExpenditure = /收支|收入支出/.test(t);
  if (/财政拨款/.test(t) && incomeAndExpenditure) return "final-fiscal-summary";
  if (incomeAndExpenditure) return "final-summary";
  if (/收入/.test(t)) return "final-revenue";
  if (/支出/.test(t)) return "final-expenditure";
  return null;
}

/** Header words only a 决算 table prints. */
const FINAL_HEADER = /决算数|年初(财政拨款)?结转和结余|年末(财政拨款)?结转和结余|本年收入合计|本年支出合计/;

export function headerSaysFinal(headerText: string): boolean {
  return FINAL_HEADER.test(headerText.replace(/\s+/g, ""));
}

/**
 * The kind of a table from its title's kind (or its header's), decided between 预算 and 决算: a title saying 决算 gives
 * the final kind; a title saying neither set gives the final kind when the header words are a 决算's.
 */
export function decideSet(kind: TableKind | null, title: string, headerText: string): TableKind | null {
  const fromTitle = finalKindFromTitle(title);
  if (fromTitle) return fromTitle;
  if (kind === null || kind === "other" || isFinalKind(kind)) return kind;
  if (titleSet(title) === "budget" || !headerSaysFinal(headerText)) return kind;
  return FINAL_OF.get(kind) ?? kind;
}
