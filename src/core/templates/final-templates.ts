/**
 * Templates of the nine 决算 tables (spec §6) and the full set, laid out as the 上海 2024 部门决算 template
 * (test/fixtures/shanghai-final-template-2024.xlsx): title without year (the year goes on the unit line, where the
 * checker finds it), 编制单位 / 年度 / 单位 line, the printed header rows and merges, the 基本支出决算表 in two panels
 * with its 部门经济分类 codes, and the statement under the tables a unit often publishes empty. Values only: a 决算 is
 * filled from the accounts, not computed from the sheet.
 */
import type { CellValue } from "../grid";
import type { FinalKind } from "../recognise/types";
import { FINAL_KINDS } from "../recognise/final-kinds";
import { AMOUNT_FORMAT, BlockBuilder, TEXT_FORMAT } from "./block-builder";
import { placeTemplate } from "./place-template";
import type { PlacedTemplate, TemplateBlock, TemplateOptions } from "./types";

const _ = null;

interface FinalLayout {
  title: string;
  sheet: string;
  en: string;
  header: CellValue[][];
  /** Header merges, header-relative: [top, left, bottom, right]. */
  merges: Array<[number, number, number, number]>;
  /** Body rows (labels; amounts blank), and which of them are totals. */
  body: (options: TemplateOptions) => { rows: CellValue[][]; totals: number[]; merges?: Array<[number, number, number, number]> };
  amountCols: number[];
  textCols: number[];
  widths: number[];
  note: string;
  statement?: (unit: string) => string;
}

const INCOME_ITEMS = [
  "一、一般公共预算财政拨款收入",
  "二、政府性基金预算财政拨款收入",
  "三、国有资本经营预算财政拨款收入",
  "四、上级补助收入",
  "五、事业收入",
  "六、经营收入",
  "七、附属单位上缴收入",
  "八、其他收入",
];

const CLASSES = [
  "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出",
  "社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出", "农林水支出", "交通运输支出",
  "资源勘探工业信息等支出", "商业服务业等支出", "金融支出", "援助其他地区支出", "自然资源海洋气象等支出", "住房保障支出",
  "粮油物资储备支出", "国有资本经营预算支出", "灾害防治及应急管理支出", "其他支出", "抗疫特别国债安排的支出",
];

const ORDINALS = "一二三四五六七八九十".split("");

/** "一", "十一", "二十四" … */
function ordinal(n: number): string {
  if (n <= 10) return ORDINALS[n - 1];
  if (n < 20) return `十${ORDINALS[n - 11]}`;
  return `${ORDINALS[Math.floor(n / 10) - 1]}十${n % 10 ? ORDINALS[(n % 10) - 1] : ""}`;
}

const CLASS_LABELS = CLASSES.map((c, i) => `${ordinal(i + 1)}、${c}`);

/** Two-sided body: income labels left, 类 labels right, then the 本年合计 / 结余 / 结转 / 总计 lines. */
function twoSided(income: string[], expenditureWidth: number, tail: Array<[string | null, string | null]>) {
  const rows: CellValue[][] = [];
  const n = Math.max(income.length, CLASS_LABELS.length);
  for (let i = 0; i < n; i++) rows.push([income[i] ?? _, _, CLASS_LABELS[i] ?? _, ...new Array<CellValue>(expenditureWidth).fill(_)]);
  const totals: number[] = [];
  for (const [l, r] of tail) {
    if (/合计|总计/.test(l ?? "")) totals.push(rows.length);
    rows.push([l, _, r, ...new Array<CellValue>(expenditureWidth).fill(_)]);
  }
  return { rows, totals };
}

function codedBody(width: number, dataRows: number, totalFirst: boolean) {
  const blank = () => new Array<CellValue>(width).fill(_);
  const total = ["合计", ...new Array<CellValue>(width - 1).fill(_)];
  const data = Array.from({ length: dataRows }, blank);
  const rows = totalFirst ? [total, ...data] : [...data, total];
  const t = totalFirst ? 0 : dataRows;
  return { rows, totals: [t], merges: [[t, 0, t, 1]] as Array<[number, number, number, number]> };
}

const PERSONNEL: Array<[string, string]> = [
  ["301", "工资福利支出"], ["30101", "基本工资"], ["30102", "津贴补贴"], ["30103", "奖金"], ["30106", "伙食补助费"],
  ["30107", "绩效工资"], ["30108", "机关事业单位基本养老保险缴费"], ["30109", "职业年金缴费"], ["30110", "职工基本医疗保险缴费"],
  ["30111", "公务员医疗补助缴费"], ["30112", "其他社会保障缴费"], ["30113", "住房公积金"], ["30114", "医疗费"],
  ["30199", "其他工资福利支出"], ["303", "对个人和家庭的补助"], ["30301", "离休费"], ["30302", "退休费"],
  ["30303", "退职（役）费"], ["30304", "抚恤金"], ["30305", "生活补助"], ["30306", "救济费"], ["30307", "医疗费补助"],
  ["30308", "助学金"], ["30309", "奖励金"], ["30310", "个人农业生产补贴"], ["30311", "代缴社会保险费"],
  ["30399", "其他对个人和家庭的补助"],
];

const PUBLIC_USE: Array<[string, string]> = [
  ["302", "商品和服务支出"], ["30201", "办公费"], ["30202", "印刷费"], ["30203", "咨询费"], ["30204", "手续费"],
  ["30205", "水费"], ["30206", "电费"], ["30207", "邮电费"], ["30208", "取暖费"], ["30209", "物业管理费"],
  ["30211", "差旅费"], ["30212", "因公出国（境）费用"], ["30213", "维修（护）费"], ["30214", "租赁费"], ["30215", "会议费"],
  ["30216", "培训费"], ["30217", "公务接待费"], ["30218", "专用材料费"], ["30224", "被装购置费"], ["30225", "专用燃料费"],
  ["30226", "劳务费"], ["30227", "委托业务费"], ["30228", "工会经费"], ["30229", "福利费"], ["30231", "公务用车运行维护费"],
  ["30239", "其他交通费用"], ["30240", "税金及附加费用"], ["30299", "其他商品和服务支出"], ["310", "资本性支出"],
  ["31001", "房屋建筑物购建"], ["31002", "办公设备购置"], ["31003", "专用设备购置"], ["31007", "信息网络及软件购置更新"],
  ["31013", "公务用车购置"], ["31019", "其他交通工具购置"], ["31021", "文物和陈列品购置"], ["31022", "无形资产购置"],
  ["31099", "其他资本性支出"],
];

const FUND_HEADER: CellValue[][] = [
  ["项目", _, "年初结转和结余", "本年收入", "本年支出", _, _, "年末结转和结余"],
  ["功能分类科目编码", "科目名称", _, _, _, _, _, _],
  ["合计", _, _, _, "合计", "基本支出", "项目支出", _],
];
const FUND_MERGES: Array<[number, number, number, number]> = [[0, 0, 0, 1], [0, 2, 1, 2], [0, 3, 1, 3], [0, 4, 1, 6], [0, 7, 1, 7], [2, 0, 2, 1]];

const LAYOUTS: Record<FinalKind, FinalLayout> = {
  "final-summary": {
    title: "收入支出决算总表",
    sheet: "收入支出决算总表",
    en: "Final accounts summary",
    header: [["收入", _, "支出", _], ["项目", "决算数", "项目", "决算数"]],
    merges: [[0, 0, 0, 1], [0, 2, 0, 3]],
    body: () => twoSided(INCOME_ITEMS, 1, [["本年收入合计", "本年支出合计"], ["使用非财政拨款结余", "结余分配"], ["年初结转和结余", "年末结转和结余"], ["总计", "总计"]]),
    amountCols: [1, 3],
    textCols: [],
    widths: [34, 16, 34, 16],
    note: "注：本表反映部门本年度的总收支和年末结转结余情况。",
  },
  "final-revenue": {
    title: "收入决算表",
    sheet: "收入决算表",
    en: "Final revenue",
    header: [["项目", _, "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"], ["功能分类科目编码", "科目名称", _, _, _, _, _, _, _]],
    merges: [[0, 0, 0, 1], [0, 2, 1, 2], [0, 3, 1, 3], [0, 4, 1, 4], [0, 5, 1, 5], [0, 6, 1, 6], [0, 7, 1, 7], [0, 8, 1, 8]],
    body: (o) => codedBody(9, o.dataRows ?? 8, true),
    amountCols: [2, 3, 4, 5, 6, 7, 8],
    textCols: [0],
    widths: [14, 30, 14, 14, 14, 14, 14, 14, 14],
    note: "注：本表反映部门本年度取得的各项收入情况。",
  },
  "final-expenditure": {
    title: "支出决算表",
    sheet: "支出决算表",
    en: "Final expenditure",
    header: [["项目", _, "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"], ["功能分类科目编码", "科目名称", _, _, _, _, _, _]],
    merges: [[0, 0, 0, 1], [0, 2, 1, 2], [0, 3, 1, 3], [0, 4, 1, 4], [0, 5, 1, 5], [0, 6, 1, 6], [0, 7, 1, 7]],
    body: (o) => codedBody(8, o.dataRows ?? 8, true),
    amountCols: [2, 3, 4, 5, 6, 7],
    textCols: [0],
    widths: [14, 30, 14, 14, 14, 14, 14, 14],
    note: "注：本表反映部门本年度各项支出情况。",
  },
  "final-fiscal-summary": {
    title: "财政拨款收入支出决算总表",
    sheet: "财政拨款收入支出决算总表",
    en: "Final fiscal appropriation summary",
    header: [["收入", _, "支出", _, _, _, _], ["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]],
    merges: [[0, 0, 0, 1], [0, 2, 0, 6]],
    body: () => {
      const income = ["一、一般公共预算财政拨款", "二、政府性基金预算财政拨款", "三、国有资本经营预算财政拨款"];
      const b = twoSided(income, 4, [["本年收入合计", "本年支出合计"], ["年初财政拨款结转和结余", "年末财政拨款结转和结余"], ...income.map((l): [string, null] => [l, _]), ["总计", "总计"]]);
      return b;
    },
    amountCols: [1, 3, 4, 5, 6],
    textCols: [],
    widths: [30, 14, 30, 14, 14, 14, 14],
    note: "注：本表反映部门本年度财政拨款总收支和结转结余情况。",
  },
  "final-general-expenditure": {
    title: "一般公共预算财政拨款支出决算表",
    sheet: "一般公共预算财政拨款支出决算表",
    en: "Final general public budget expenditure",
    header: [["项目", _, "合计", "基本支出", "项目支出"], ["功能分类科目编码", "科目名称", _, _, _]],
    merges: [[0, 0, 0, 1], [0, 2, 1, 2], [0, 3, 1, 3], [0, 4, 1, 4]],
    body: (o) => codedBody(5, o.dataRows ?? 8, false),
    amountCols: [2, 3, 4],
    textCols: [0],
    widths: [14, 30, 14, 14, 14],
    note: "注：本表反映部门本年度一般公共预算财政拨款支出情况。",
  },
  "final-basic-expenditure": {
    title: "一般公共预算财政拨款基本支出决算表",
    sheet: "一般公共预算财政拨款基本支出决算表",
    en: "Final general public budget basic expenditure",
    header: [["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"]],
    merges: [],
    body: () => {
      const n = Math.max(PERSONNEL.length, PUBLIC_USE.length);
      const rows: CellValue[][] = [];
      for (let i = 0; i < n; i++) rows.push([PERSONNEL[i]?.[0] ?? _, PERSONNEL[i]?.[1] ?? _, _, PUBLIC_USE[i]?.[0] ?? _, PUBLIC_USE[i]?.[1] ?? _, _]);
      rows.push(["人员经费合计", _, _, "公用经费合计", _, _]);
      return { rows, totals: [n], merges: [[n, 0, n, 1], [n, 3, n, 4]] };
    },
    amountCols: [2, 5],
    textCols: [0, 3],
    widths: [14, 30, 14, 14, 30, 14],
    note: "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",
  },
  "final-three-public": {
    title: "财政拨款“三公”经费支出决算表",
    sheet: "财政拨款“三公”经费支出决算表",
    en: 'Final "three public" expenses',
    header: [
      ["财政拨款“三公”经费", _, _, _, _, _, _, _, _, _, _, _],
      ["合计", _, "因公出国（境）费", _, "公务用车购置及运行维护费", _, _, _, _, _, "公务接待费", _],
      [_, _, _, _, "小计", _, "公务用车购置费", _, "公务用车运行维护费", _, _, _],
      ["预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数"],
    ],
    merges: [[0, 0, 0, 11], [1, 0, 2, 1], [1, 2, 2, 3], [1, 4, 1, 9], [1, 10, 2, 11], [2, 4, 2, 5], [2, 6, 2, 7], [2, 8, 2, 9]],
    body: () => ({ rows: [new Array<CellValue>(12).fill(_)], totals: [] }),
    amountCols: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    textCols: [],
    widths: new Array<number>(12).fill(11),
    note: "注：本表反映部门本年度“三公”经费支出预决算情况。",
    statement: (u) => `说明：${u}本年度没有财政拨款“三公”经费支出，故本表无数据。`,
  },
  "final-fund": {
    title: "政府性基金预算财政拨款收入支出决算表",
    sheet: "政府性基金预算财政拨款收入支出决算表",
    en: "Final government fund revenue and expenditure",
    header: FUND_HEADER,
    merges: FUND_MERGES,
    body: () => ({ rows: [new Array<CellValue>(8).fill(_)], totals: [] }),
    amountCols: [2, 3, 4, 5, 6, 7],
    textCols: [0],
    widths: [14, 30, 14, 14, 14, 14, 14, 14],
    note: "注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。",
    statement: (u) => `说明：${u}本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。`,
  },
  "final-state-capital": {
    title: "国有资本经营预算财政拨款收入支出决算表",
    sheet: "国有资本经营预算财政拨款收入支出决算表",
    en: "Final state capital operation revenue and expenditure",
    header: FUND_HEADER,
    merges: FUND_MERGES,
    body: () => ({ rows: [new Array<CellValue>(8).fill(_)], totals: [] }),
    amountCols: [2, 3, 4, 5, 6, 7],
    textCols: [0],
    widths: [14, 30, 14, 14, 14, 14, 14, 14],
    note: "注：本表反映部门本年度国有资本经营预算财政拨款收入支出及结转和结余情况。",
    statement: (u) => `说明：${u}本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。`,
  },
};

export function buildFinalTemplate(kind: FinalKind, options: TemplateOptions): TemplateBlock {
  if (!Number.isInteger(options.year) || options.year < 1900 || options.year > 9999) throw new RangeError(`Not a year: ${options.year}`);
  const layout = LAYOUTS[kind];
  const width = layout.header[0].length;
  const b = new BlockBuilder(width);
  b.set(0, 0, layout.title);
  b.merge(0, 0, 0, width - 1);
  b.setHeight(0, 30);
  // Unit line: 编制单位 left, the year in the middle (a 决算 title carries none), 单位 right.
  b.set(1, 0, `编制单位：${options.unitName}`);
  if (width > 2) b.set(1, Math.floor(width / 2), `${options.year}年度`);
  b.set(1, width - 1, `单位：${options.measure}`);
  const headerFirst = 2;
  layout.header.forEach((row, i) => row.forEach((v, c) => v !== null && b.set(headerFirst + i, c, v)));
  for (const [t, l, bo, r] of layout.merges) b.merge(headerFirst + t, l, headerFirst + bo, r);
  const bodyStart = headerFirst + layout.header.length;
  const body = layout.body(options);
  body.rows.forEach((row, i) => {
    row.forEach((v, c) => {
      if (v !== null) b.set(bodyStart + i, c, v, layout.textCols.includes(c) ? TEXT_FORMAT : undefined);
      else if (layout.amountCols.includes(c)) b.format(bodyStart + i, c, AMOUNT_FORMAT);
      else if (layout.textCols.includes(c)) b.format(bodyStart + i, c, TEXT_FORMAT);
    });
  });
  for (const [t, l, bo, r] of body.merges ?? []) b.merge(bodyStart + t, l, bodyStart + bo, r);
  const bodyLast = bodyStart + body.rows.length - 1;
  b.set(bodyLast + 1, 0, layout.note);
  b.merge(bodyLast + 1, 0, bodyLast + 1, width - 1);
  let statementRow: number | undefined;
  if (layout.statement) {
    statementRow = bodyLast + 2;
    b.set(statementRow, 0, layout.statement(options.unitName));
    b.merge(statementRow, 0, statementRow, width - 1);
  }
  layout.widths.forEach((w, c) => b.setWidth(c, w));
  const built = b.build();
  return {
    kind,
    style: "unit",
    title: layout.title,
    rowCount: b.rowCount,
    colCount: width,
    ...built,
    regions: {
      titleRow: 0,
      unitRow: 1,
      headerRows: { first: headerFirst, last: bodyStart - 1 },
      bodyRows: { first: bodyStart, last: bodyLast },
      totalRows: body.totals.map((t) => bodyStart + t),
      statementRow,
    },
    print: { orientation: width > 7 ? "landscape" : "portrait", fitToPagesWide: 1, repeatRows: { first: headerFirst, last: bodyStart - 1 } },
  };
}

/** The 决算 tables the pane offers, with their names. */
export function finalTemplateKinds(): Array<{ kind: FinalKind; titleZh: string; titleEn: string }> {
  return FINAL_KINDS.map((kind) => ({ kind, titleZh: LAYOUTS[kind].title, titleEn: LAYOUTS[kind].en }));
}

export function finalTemplateSheetName(kind: FinalKind): string {
  return LAYOUTS[kind].sheet;
}

/** The nine 决算 tables, each at A1 of its own sheet. */
export function buildFinalTemplateSet(options: TemplateOptions): PlacedTemplate[] {
  return FINAL_KINDS.map((kind) => placeTemplate(buildFinalTemplate(kind, options), { row: 0, col: 0 }, finalTemplateSheetName(kind)));
}
