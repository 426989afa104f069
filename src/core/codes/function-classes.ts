/**
 * 支出功能分类 类 (three-digit codes) with the names and older aliases used in the 收支总表 / 财政拨款收支总表 rows,
 * which list expenditure by 类 name without a code. Facts from the public 政府收支分类科目.
 */
const CLASSES: Array<[string, string[]]> = [
  ["201", ["一般公共服务"]],
  ["202", ["外交"]],
  ["203", ["国防"]],
  ["204", ["公共安全"]],
  ["205", ["教育"]],
  ["206", ["科学技术"]],
  ["207", ["文化旅游体育与传媒", "文化体育与传媒", "文化体育旅游与传媒", "文化和旅游体育与传媒"]],
  ["208", ["社会保障和就业"]],
  ["209", ["社会保险基金"]],
  ["210", ["卫生健康", "医疗卫生与计划生育", "医疗卫生"]],
  ["211", ["节能环保"]],
  ["212", ["城乡社区", "城乡社区事务"]],
  ["213", ["农林水", "农林水事务"]],
  ["214", ["交通运输"]],
  ["215", ["资源勘探工业信息等", "资源勘探信息等", "资源勘探电力信息等"]],
  ["216", ["商业服务业等"]],
  ["217", ["金融", "金融监管等事务"]],
  ["219", ["援助其他地区"]],
  ["220", ["自然资源海洋气象等", "国土海洋气象等"]],
  ["221", ["住房保障"]],
  ["222", ["粮油物资储备", "粮油物资储备事务"]],
  ["223", ["国有资本经营预算"]],
  ["224", ["灾害防治及应急管理"]],
  ["227", ["预备费"]],
  ["229", ["其他"]],
  ["230", ["转移性"]],
  ["231", ["债务还本"]],
  ["232", ["债务付息"]],
  ["233", ["债务发行费用"]],
  ["234", ["抗疫特别国债安排的"]],
];

const BY_NAME = new Map<string, string>();
for (const [code, names] of CLASSES) for (const n of names) BY_NAME.set(n, code);

/** The 类 code a 收支总表 expenditure label names ("八、社会保障和就业支出" → "208"), or null. */
export function functionClassOfLabel(text: string): string | null {
  let s = text.replace(/\s+/g, "");
  const code = /^(2\d\d)/.exec(s);
  if (code) return code[1];
  s = s.replace(/支出$/, "");
  return BY_NAME.get(s) ?? null;
}

export function functionClassName(code: string): string | undefined {
  return CLASSES.find(([c]) => c === code)?.[1][0];
}
