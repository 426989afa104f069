/**
 * Code pools for generated workbooks: 支出功能分类 类 from the real list (src/core/function-classes.ts), 款/项 from
 * the built-in catalogue where it has them and invented ("real-looking": 行政运行 01, 一般行政管理事务 02, 事业运行
 * 50, 其他… 99) elsewhere; 部门经济分类 codes as published. The catalogue decides names of real codes and forbids
 * invented codes below a parent whose list it declares complete, so a check with the catalogue stays clean.
 */
import { getCatalogueSync } from "../src/core/catalogue/sync";
import { functionClassName } from "../src/core/codes/function-classes";

export const BUDGET_YEAR = 2023;

export interface CodeName {
  code: string;
  name: string;
}

/** 类 a spending unit plausibly uses (no 社会保险基金, 国有资本经营, debt, transfer or 其他 classes). */
const UNIT_CLASSES = ["201", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214", "215", "216", "220", "221", "224"];

const SECTION_NAMES = ["行政事务管理", "业务管理事务", "专项事务", "公共服务事务", "监督管理事务", "综合事务", "发展与改革事务", "执法监察事务"];
const ITEM_NAMES: Record<string, string> = { "01": "行政运行", "02": "一般行政管理事务", "03": "机关服务", "50": "事业运行" };

export interface FunctionClass extends CodeName {
  sections: Array<CodeName & { items: CodeName[] }>;
}

/** Every 类 with its 款 and their 项 (real where the catalogue knows them, invented where it cannot object). */
export function functionClasses(): FunctionClass[] {
  const cat = getCatalogueSync();
  const known = (code: string) => cat.lookup(code, BUDGET_YEAR);
  // An invented code is usable only where the catalogue says "not covered", never where it would be "unknown"
  // (a covered parent, or a real code of another year, such as one a later revision adds).
  const inventable = (code: string) => !known(code) && !cat.isCovered(code, BUDGET_YEAR) && cat.yearsOf(code).length === 0;
  return UNIT_CLASSES.map((cls) => {
    const className = known(cls)?.name ?? `${functionClassName(cls)}支出`;
    const sections: FunctionClass["sections"] = [];
    for (let s = 1; s <= 12; s++) {
      const code = `${cls}${String(s).padStart(2, "0")}`;
      const real = known(code);
      if (!real && !inventable(code)) continue;
      const name = real?.name ?? SECTION_NAMES[s % SECTION_NAMES.length];
      const items: CodeName[] = cat.children(code, BUDGET_YEAR).map((e) => ({ code: e.code, name: e.name }));
      for (const suffix of ["01", "02", "03", "04", "05", "06", "50", "99"]) {
        const item = `${code}${suffix}`;
        if (items.some((i) => i.code === item) || !inventable(item)) continue;
        items.push({ code: item, name: ITEM_NAMES[suffix] ?? (suffix === "99" ? `其他${name}支出` : `${name}专项${Number(suffix)}`) });
      }
      items.sort((a, b) => a.code.localeCompare(b.code));
      if (items.length) sections.push({ code, name, items });
    }
    return { code: cls, name: className, sections };
  });
}

/** Function 项 that the cross-table identities tie to 部门经济分类 (spec §2): their 基本支出 must match. */
export const LINKED_ITEMS = {
  pension: "2080505",
  medicalAdmin: "2101101",
  medicalInstitution: "2101102",
  civilServantMedical: "2101103",
  housingFund: "2210201",
} as const;

/** 部门经济分类 款 used in 基本支出表 (names as in the official list). */
export const PERSONNEL_ITEMS: CodeName[] = [
  { code: "30101", name: "基本工资" },
  { code: "30102", name: "津贴补贴" },
  { code: "30103", name: "奖金" },
  { code: "30106", name: "伙食补助费" },
  { code: "30107", name: "绩效工资" },
  { code: "30108", name: "机关事业单位基本养老保险缴费" },
  { code: "30109", name: "职业年金缴费" },
  { code: "30110", name: "职工基本医疗保险缴费" },
  { code: "30111", name: "公务员医疗补助缴费" },
  { code: "30112", name: "其他社会保障缴费" },
  { code: "30113", name: "住房公积金" },
  { code: "30199", name: "其他工资福利支出" },
];

export const PUBLIC_USE_ITEMS: CodeName[] = [
  { code: "30201", name: "办公费" },
  { code: "30202", name: "印刷费" },
  { code: "30205", name: "水费" },
  { code: "30206", name: "电费" },
  { code: "30207", name: "邮电费" },
  { code: "30209", name: "物业管理费" },
  { code: "30211", name: "差旅费" },
  { code: "30213", name: "维修（护）费" },
  { code: "30215", name: "会议费" },
  { code: "30216", name: "培训费" },
  { code: "30217", name: "公务接待费" },
  { code: "30228", name: "工会经费" },
  { code: "30229", name: "福利费" },
  { code: "30231", name: "公务用车运行维护费" },
  { code: "30299", name: "其他商品和服务支出" },
];

export const FAMILY_ITEMS: CodeName[] = [
  { code: "30301", name: "离休费" },
  { code: "30302", name: "退休费" },
  { code: "30305", name: "生活补助" },
  { code: "30399", name: "其他对个人和家庭的补助" },
];

export const ECONOMIC_CLASSES: Record<string, string> = { "301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助" };

const PLACES = ["秦皇岛市", "唐山市", "保定市", "邯郸市", "沧州市", "廊坊市", "承德市", "张家口市", "衡水市", "邢台市"];
const BODIES = ["社会保险管理中心", "人力资源服务中心", "医疗保障事务中心", "住房公积金管理中心", "市场监督管理局", "自然资源局", "交通运输局", "农业农村局", "文化广电和旅游局", "科学技术局", "教育局", "卫生健康委员会", "应急管理局", "生态环境局", "城市管理综合行政执法局", "商务局"];

/** A unit's code (6 digits: never a classification code) and name. */
export function unitIdentity(index: number): CodeName {
  const dept = 301 + Math.floor(index / 40);
  const unit = (index % 40) + 1;
  const place = PLACES[index % PLACES.length];
  const body = BODIES[Math.floor(index / PLACES.length) % BODIES.length];
  return { code: `${dept}${String(unit).padStart(3, "0")}`, name: `${place}${body}${index >= PLACES.length * BODIES.length ? `第${Math.floor(index / (PLACES.length * BODIES.length)) + 1}分中心` : ""}` };
}
