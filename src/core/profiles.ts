/**
 * Rule profiles: which findings the user sees, and how severe. The pane's settings and the CLI (--profile,
 * --disable) share this; listRules() is the catalogue of rule ids they list.
 *
 * | profile   | rules shown                                                  | severity                                    |
 * |-----------|--------------------------------------------------------------|---------------------------------------------|
 * | `default` | all                                                          | as each rule reports it                     |
 * | `strict`  | all                                                          | every warning becomes an error (rounding    |
 * |           |                                                              | differences, 30110↔2101101 pairs, document, |
 * |           |                                                              | plausibility and catalogue-name warnings);  |
 * |           |                                                              | info stays info. For the final review.      |
 * | `minimal` | the sums: table.*, hierarchy.*, summary.*, three-public.*,   | errors only (rounding warnings and info     |
 * |           | basic.*, cross.*, workbooks.department-sum,                  | dropped)                                    |
 * |           | workbooks.final-vs-budget, and what breaks a sum:            |                                             |
 * |           | cell.error-value,                                            |                                             |
 * |           | cell.not-a-number, cell.circular-formula,                    |                                             |
 * |           | plausibility.all-children-blank                              |                                             |
 *
 * Then the user's own settings, which beat the profile:
 * - `severity: { key: "error" | "warning" | "info" | "off" }` sets the severity of every rule the key matches (the
 *   longest matching key wins; "off" hides them), and shows the rule even where the profile would drop it;
 * - `disabled: [key …]` hides every rule a key matches, whatever else says.
 * A key matches a rule id exactly or as a dotted prefix: "cross" or "cross." matches every cross.* rule, "cell.number"
 * matches nothing (it is not a whole segment), "*" matches all.
 */
import type { Finding, Severity } from "./finding";

export type ProfileName = "default" | "strict" | "minimal";

export const PROFILE_NAMES: readonly ProfileName[] = ["default", "strict", "minimal"];

export interface RuleProfile {
  name: ProfileName;
  disabled?: string[];
  severity?: Record<string, Severity | "off">;
}

/** "workbooks": rules across several workbooks (CLI batch and merge, spec §7). */
export type RuleGroup = "sum" | "cross" | "cell" | "catalogue" | "document" | "plausibility" | "workbooks";

export interface RuleInfo {
  id: string;
  group: RuleGroup;
  /** Severity under the default profile; sum rules report rounding differences one step lower. */
  severity: Severity;
  zh: string;
  en: string;
}

const RULES: RuleInfo[] = [
  { id: "table.columns-sum", group: "sum", severity: "error", zh: "每行：合计列 = 各分项列之和", en: "Each row: the total column = sum of its part columns" },
  { id: "table.total-row", group: "sum", severity: "error", zh: "合计行 = 各类（或各单位）行之和", en: "Total row = sum of the top-level rows" },
  { id: "hierarchy.sum", group: "sum", severity: "error", zh: "类 = 其下各款之和，款 = 其下各项之和，单位 = 其下各行之和", en: "Class = sum of its sections, section = sum of its items, unit = sum of its rows" },
  { id: "basic.personnel", group: "sum", severity: "error", zh: "基本支出表：人员经费 = 301 + 303", en: "Basic expenditure: personnel = 301 + 303" },
  { id: "basic.public-use", group: "sum", severity: "error", zh: "基本支出表：公用经费 = 302（及其他公用经费类）", en: "Basic expenditure: public use = 302 (and other non-personnel classes)" },
  { id: "summary.current-total", group: "sum", severity: "error", zh: "收支总表：本年收入（支出）合计 = 各项目之和", en: "Summary: current-year total = sum of the items" },
  { id: "summary.carry-split", group: "sum", severity: "error", zh: "收支总表：结转结余 = 其下各项之和", en: "Summary: carry-over = sum of its parts" },
  { id: "summary.grand-total", group: "sum", severity: "error", zh: "收支总表：总计 = 本年合计 + 结转结余", en: "Summary: grand total = current-year total + carry-over" },
  { id: "summary.balance", group: "sum", severity: "error", zh: "收支总表：收入总计 = 支出总计", en: "Summary: total income = total expenditure" },
  { id: "three-public.subtotal", group: "sum", severity: "error", zh: "“三公”经费小计 = 因公出国(境)费 + 公务用车 + 公务接待费", en: '"Three public" subtotal = overseas trips + vehicles + reception' },
  { id: "three-public.total", group: "sum", severity: "error", zh: "“三公”表合计 = 小计 + 会议费 + 培训费", en: '"Three public" total = subtotal + meetings + training' },
  { id: "three-public.vehicle", group: "sum", severity: "error", zh: "公务用车购置及运行维护费 = 购置费 + 运行维护费", en: "Official vehicles = purchase + operation" },
  { id: "three-public.abroad", group: "sum", severity: "error", zh: "因公出国(境)费 = 其下各项之和", en: "Overseas trips = sum of its parts" },
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
  { id: "final.summary-expenditure-class", group: "cross", severity: "error", zh: "收入支出决算总表各类支出 = 支出决算表该类本年支出合计", en: "Final summary expenditure by class = final expenditure table" },
  { id: "final.summary-expenditure-total", group: "cross", severity: "error", zh: "收入支出决算总表本年支出合计 = 支出决算表合计行", en: "Final summary current-year expenditure = final expenditure table total" },
  { id: "final.summary-revenue-total", group: "cross", severity: "error", zh: "收入支出决算总表本年收入合计 = 收入决算表合计行", en: "Final summary current-year income = final revenue table total" },
  { id: "final.summary-revenue-source", group: "cross", severity: "error", zh: "收入决算表合计行各来源 = 收入支出决算总表对应收入项目", en: "Final revenue table sources = final summary income items" },
  { id: "final.fiscal-fund-total", group: "cross", severity: "error", zh: "财政拨款收入支出决算总表各资金本年支出 = 对应决算表合计", en: "Final fiscal summary expenditure by fund = the fund tables' totals" },
  { id: "final.fiscal-fund-class", group: "cross", severity: "error", zh: "财政拨款收入支出决算总表各类各资金支出 = 对应决算表该类", en: "Final fiscal summary expenditure by class and fund = the fund tables' classes" },
  { id: "final.general-basic-total", group: "cross", severity: "error", zh: "一般公共预算财政拨款支出决算表基本支出合计 = 基本支出决算表人员经费合计 + 公用经费合计", en: "Final general budget basic expenditure = basic table personnel + public-use totals" },
  { id: "final.basic-three-public", group: "cross", severity: "error", zh: "基本支出决算表 30217/30231 ≤ “三公”决算数（公务接待费/运行维护费）", en: 'Final basic 30217/30231 ≤ "three public" final amounts' },
  { id: "cell.error-value", group: "cell", severity: "error", zh: "金额单元格是错误值（#REF! 等）", en: "Amount cell holds an error value (#REF! …)" },
  { id: "cell.not-a-number", group: "cell", severity: "error", zh: "金额单元格的内容不是数字", en: "Amount cell holds text that is not a number" },
  { id: "cell.circular-formula", group: "cell", severity: "error", zh: "金额单元格的公式引用了自身（循环引用）", en: "Amount cell's formula refers to its own cell (circular reference)" },
  { id: "cell.formula-no-value", group: "cell", severity: "warning", zh: "公式没有计算结果（未经 Excel 计算保存），未参与核对", en: "Formula without a computed value (not calculated and saved by Excel); not checked" },
  { id: "cell.number-as-text", group: "cell", severity: "info", zh: "数字以文本形式存储", en: "Number stored as text" },
  { id: "catalogue.unknown-code", group: "catalogue", severity: "error", zh: "科目编码不在当年政府收支分类科目中", en: "Code not in the year's classification" },
  { id: "catalogue.not-covered", group: "catalogue", severity: "info", zh: "内置科目表未列全的上级科目下的编码，未核对（每个上级科目一条）", en: "Codes under a parent the built-in list does not list completely; not checked (one note per parent)" },
  { id: "catalogue.name-mismatch", group: "catalogue", severity: "warning", zh: "科目名称与科目表不一致", en: "Subject name differs from the classification" },
  { id: "catalogue.wrong-parent", group: "catalogue", severity: "error", zh: "科目列在错误的上级科目之下", en: "Subject listed under the wrong parent" },
  { id: "catalogue.economic-pairing", group: "catalogue", severity: "warning", zh: "部门经济分类与政府经济分类对应不符", en: "Department vs government economic code pairing" },
  { id: "document.missing-table", group: "document", severity: "warning", zh: "缺少标准公开表（部门预算特有表缺失为提示）", en: "A standard table is missing (department-only tables: info)" },
  { id: "document.missing-total-row", group: "document", severity: "warning", zh: "编码表没有合计行", en: "A coded table has no total row" },
  { id: "document.duplicate-table", group: "document", severity: "warning", zh: "同一张标准表出现两次", en: "A standard table appears twice" },
  { id: "document.empty-statement", group: "document", severity: "warning", zh: "空表须注明“空表列示”，注明空表的表须无数据", en: "An empty table must say so; a table saying so must be empty" },
  { id: "document.year-mismatch", group: "document", severity: "error", zh: "各表预算年度不一致", en: "Tables state different budget years" },
  { id: "document.unit-mismatch", group: "document", severity: "error", zh: "各表金额单位（万元/元）不一致", en: "Tables state different units of measure (万元/元)" },
  { id: "document.unit-name-mismatch", group: "document", severity: "warning", zh: "各表单位名称不一致", en: "Tables name different units" },
  { id: "document.hidden-sheet", group: "document", severity: "info", zh: "表格所在工作表是隐藏的（照常检查）", en: "A table is on a hidden sheet (checked as usual)" },
  { id: "document.year-source", group: "document", severity: "info", zh: "决算年度及其来源（标题、封面、单位行、文件名或设置）", en: "The 决算 year and where it came from (titles, cover, unit line, file name or setting)" },
  { id: "document.unit-label", group: "document", severity: "info", zh: "单位写作“万”，应为“万元”", en: 'Unit written "万" instead of "万元"' },
  { id: "document.magnitude", group: "document", severity: "warning", zh: "表中金额似乎以元填列而表头为万元（约 10,000 倍）", en: "Amounts look like yuan under a 万元 header (×10,000)" },
  { id: "plausibility.percent", group: "plausibility", severity: "error", zh: "金额单元格设置为百分比或日期格式", en: "Amount cell formatted as a percentage or a date" },
  { id: "plausibility.negative", group: "plausibility", severity: "warning", zh: "金额为负数（调整、增减类栏目除外）", en: "Negative amount (adjustment columns excepted)" },
  { id: "plausibility.decimals", group: "plausibility", severity: "warning", zh: "万元表金额超过两位小数", en: "More than 2 decimals in a 万元 table" },
  { id: "plausibility.all-children-blank", group: "plausibility", severity: "error", zh: "合计有金额而其组成部分全部空白（代替相应的合计核对结果）", en: "A total holds an amount while all its parts are blank (restates the sum finding)" },
  { id: "workbooks.department-sum", group: "workbooks", severity: "error", zh: "部门工作簿各表 = 其各单位工作簿对应表之和（逐表、逐行、逐列）", en: "A department workbook's tables = the sum of its unit workbooks' tables (table, row and column)" },
  { id: "workbooks.department-incomplete", group: "workbooks", severity: "info", zh: "缺少部分单位的工作簿，部门合计无法核对", en: "Some units' workbooks are missing, so the department totals cannot be compared" },
  { id: "workbooks.final-vs-budget", group: "workbooks", severity: "error", zh: "决算“三公”经费预算数 = 预算工作簿“三公”经费", en: 'The 决算 "three public" budget amounts = the 预算 workbook\'s "three public" amounts' },
  { id: "workbooks.final-variance", group: "workbooks", severity: "info", zh: "“三公”经费决算数与预算数相差超过 20% 且超过 1 万元，须在情况说明中解释", en: '"Three public" final amount differs from the budget by more than 20 % and 1 万元: to be explained' },
];

/** Every rule id with its group, default severity and zh/en description, in a stable order. */
export function listRules(): RuleInfo[] {
  return RULES.map((r) => ({ ...r }));
}

/** Does a settings key ("cross", "cross.", "hierarchy.sum", "*") match a rule id? */
export function ruleKeyMatches(key: string, rule: string): boolean {
  const k = key.trim().replace(/\.$/, "");
  return k === "*" || rule === k || rule.startsWith(`${k}.`);
}

/** Keys that match no known rule (for the CLI to warn about a typo in --disable). */
export function unknownRuleKeys(keys: string[]): string[] {
  return keys.filter((k) => !RULES.some((r) => ruleKeyMatches(k, r.id)));
}

const MINIMAL_PREFIXES = ["table", "hierarchy", "summary", "three-public", "basic", "cross", "final", "workbooks.department-sum", "workbooks.final-vs-budget", "cell.error-value", "cell.not-a-number", "cell.circular-formula", "plausibility.all-children-blank"];

function override(severity: RuleProfile["severity"], rule: string): Severity | "off" | undefined {
  if (!severity) return undefined;
  let best: string | undefined;
  for (const key of Object.keys(severity)) {
    if (ruleKeyMatches(key, rule) && (best === undefined || key.replace(/\.$/, "").length > best.replace(/\.$/, "").length)) best = key;
  }
  return best === undefined ? undefined : severity[best];
}

function byProfile(name: ProfileName, f: Finding): Severity | null {
  switch (name) {
    case "default":
      return f.severity;
    case "strict":
      return f.severity === "warning" ? "error" : f.severity;
    case "minimal":
      return f.severity === "error" && MINIMAL_PREFIXES.some((p) => ruleKeyMatches(p, f.rule)) ? "error" : null;
  }
}

/** The findings as the profile shows them (new objects where the severity changes; the input is not modified). */
export function applyProfile(findings: Finding[], profile: RuleProfile): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (profile.disabled?.some((k) => ruleKeyMatches(k, f.rule))) continue;
    const own = override(profile.severity, f.rule);
    const severity = own === "off" ? null : own ?? byProfile(profile.name, f);
    if (severity === null) continue;
    out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}
