/**
 * Every piece of UI text, in both languages. Components take their text from here (through useStrings), never
 * from literals, so the two columns cannot drift apart: the `Strings` type is derived from the Chinese table and
 * the English one must match it.
 */
export type Language = "zh-CN" | "en";

const zh = {
  appTitle: "预算表检查",
  tabCheck: "检查",
  tabCodes: "科目",
  tabTemplates: "模板",
  tabSettings: "设置",

  checkNow: "立即检查",
  checking: "正在检查…",
  liveCheck: "实时检查",
  clearMarks: "清除标记",
  showMarks: "显示标记",
  filterLabel: "显示",
  severity: { error: "错误", warning: "警告", info: "提示" },
  /** One finding's label (the filters above count many). */
  severityOne: { error: "错误", warning: "警告", info: "提示" },
  noProblems: "未发现问题",
  noProblemsDetail: "已识别的表格之间及表内的金额、科目均一致。",
  noTables: "未识别到预算公开表",
  noTablesDetail: "打开或插入标准公开表后再检查（见“模板”）。",
  allFiltered: "当前筛选条件下没有问题可显示。",
  recognisedTitle: (n: number) => `已识别 ${n} 张表`,
  workbookLevel: "整个工作簿",
  expected: "应为",
  actual: "实为",
  cells: "单元格",
  fixName: "改为科目表名称",
  /** The fixed cell is the one the rule blames: usually the total, sometimes the only part of a one-part sum. */
  fixSum: (to: string) => `改为 ${to}`,
  confirmTitle: "修改金额？",
  confirmBody: (cell: string, from: string, to: string) => `将 ${cell} 从 ${from} 改为 ${to}。`,
  confirmFormula: (formula: string) => `该单元格现为公式 =${formula}，确认后将被替换为数值。`,
  confirm: "修改",
  cancel: "取消",
  fixed: (cell: string) => `已修改 ${cell}`,
  errorPrefix: "出错：",
  catalogueLoading: "正在加载科目表…",
  findingCount: (n: number) => `${n} 个问题`,

  codesSearchLabel: "搜索科目（编码、名称或拼音首字母）",
  codesSearchPlaceholder: "例如 2080505、养老、ylbx",
  codesYear: (asked: number, data: number) => (asked === data ? `${asked}年科目` : `${asked}年（使用${data}年科目表）`),
  codesNoResults: "没有匹配的科目",
  codesResults: "搜索结果",
  codesTree: "浏览科目",
  insertMode: "插入方式",
  modeCodeName: "编码和名称（一格）",
  modeSplit: "类 / 款 / 项 分列",
  insertCode: "在所选位置插入",
  inserted: (where: string) => `已插入到 ${where}`,
  selectedCode: "已选科目",
  noCodeSelected: "请先在搜索结果或科目树中选择一个科目。",
  classifications: {
    function: "支出功能分类",
    "dept-economic": "部门经济分类",
    "gov-economic": "政府经济分类",
    revenue: "收入分类",
  },

  templatesIntro: "一键插入标准公开表：标题、表头（合并单元格、栏次）、合计行公式齐全，不会覆盖已有数据。",
  templatesYear: "预算年度",
  templatesMeasure: "金额单位",
  templatesTarget: "插入到",
  targetNewSheet: "新工作表",
  targetSelection: "所选位置",
  insertFullSet: "插入整套公开表（9 张）",
  insertTable: "插入",
  templatesInserted: (n: number) => `已插入 ${n} 张表`,

  settingsYear: "预算年度",
  settingsUnitName: "单位名称",
  settingsMeasure: "金额单位",
  settingsTolerance: "容差（元/万元，0 表示按四舍五入规则）",
  settingsLanguage: "界面语言",
  settingsLive: "实时检查",
  settingsSaved: "设置已保存",
  languageNames: { "zh-CN": "中文", en: "English" },
  measureNames: { 万元: "万元", 元: "元" },
};

export type Strings = typeof zh;

const en: Strings = {
  appTitle: "Budget table checker",
  tabCheck: "Check",
  tabCodes: "Codes",
  tabTemplates: "Templates",
  tabSettings: "Settings",

  checkNow: "Check now",
  checking: "Checking…",
  liveCheck: "Live checking",
  clearMarks: "Clear marks",
  showMarks: "Show marks",
  filterLabel: "Show",
  severity: { error: "Errors", warning: "Warnings", info: "Info" },
  severityOne: { error: "Error", warning: "Warning", info: "Info" },
  noProblems: "No problems found",
  noProblemsDetail: "Amounts and codes agree within and across the recognised tables.",
  noTables: "No budget tables recognised",
  noTablesDetail: "Open or insert the standard tables, then check (see Templates).",
  allFiltered: "Nothing to show with the current filters.",
  recognisedTitle: (n: number) => `${n} table${n === 1 ? "" : "s"} recognised`,
  workbookLevel: "Whole workbook",
  expected: "Expected",
  actual: "Actual",
  cells: "Cells",
  fixName: "Use the catalogue name",
  fixSum: (to: string) => `Set to ${to}`,
  confirmTitle: "Change the amount?",
  confirmBody: (cell: string, from: string, to: string) => `${cell} will change from ${from} to ${to}.`,
  confirmFormula: (formula: string) => `This cell holds the formula =${formula}; it will be replaced by the value.`,
  confirm: "Change",
  cancel: "Cancel",
  fixed: (cell: string) => `Changed ${cell}`,
  errorPrefix: "Error: ",
  catalogueLoading: "Loading the classification…",
  findingCount: (n: number) => `${n} problem${n === 1 ? "" : "s"}`,

  codesSearchLabel: "Search codes (code, name or pinyin initials)",
  codesSearchPlaceholder: "e.g. 2080505, 养老, ylbx",
  codesYear: (asked: number, data: number) =>
    asked === data ? `${asked} classification` : `${asked} (using the ${data} classification)`,
  codesNoResults: "No matching codes",
  codesResults: "Results",
  codesTree: "Browse",
  insertMode: "Insert as",
  modeCodeName: "Code and name (one cell)",
  modeSplit: "类 / 款 / 项 in separate columns",
  insertCode: "Insert at selection",
  inserted: (where: string) => `Inserted at ${where}`,
  selectedCode: "Selected code",
  noCodeSelected: "Select a code in the results or the tree first.",
  classifications: {
    function: "Function classification",
    "dept-economic": "Department economic classification",
    "gov-economic": "Government economic classification",
    revenue: "Revenue classification",
  },

  templatesIntro:
    "Insert the standard disclosure tables in one click: title, merged headers, 栏次 and total formulas; never over existing data.",
  templatesYear: "Budget year",
  templatesMeasure: "Amounts in",
  templatesTarget: "Insert into",
  targetNewSheet: "New sheet",
  targetSelection: "Selection",
  insertFullSet: "Insert the full set (9 tables)",
  insertTable: "Insert",
  templatesInserted: (n: number) => `Inserted ${n} table${n === 1 ? "" : "s"}`,

  settingsYear: "Budget year",
  settingsUnitName: "Unit name",
  settingsMeasure: "Amounts in",
  settingsTolerance: "Tolerance (in the table's unit; 0 = rounding rule only)",
  settingsLanguage: "Language",
  settingsLive: "Live checking",
  settingsSaved: "Settings saved",
  languageNames: { "zh-CN": "中文", en: "English" },
  measureNames: { 万元: "10,000 yuan (万元)", 元: "yuan (元)" },
};

export const STRINGS: Record<Language, Strings> = { "zh-CN": zh, en };

/** Office reports e.g. "zh-CN", "zh-TW", "en-US": any Chinese locale gets the Chinese UI, everything else English. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale && locale.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}
