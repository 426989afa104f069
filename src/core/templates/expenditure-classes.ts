/**
 * The 支出功能分类 类 rows listed by name in 收支总表 and 财政拨款收支总表 ("一、一般公共服务支出" …), in code order.
 * Names come from function-classes.ts, the list the checker maps back to codes, so every row is recognised.
 */
import { functionClassName } from "../codes/function-classes";

const CLASS_CODES = [
  "201", "202", "203", "204", "205", "206", "207", "208", "209", "210",
  "211", "212", "213", "214", "215", "216", "217", "219", "220", "221",
  "222", "223", "224", "227", "229", "230", "231", "232", "233", "234",
];

const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 14 → 十四, 30 → 三十, 31 → 三十一 (the ordinals of the published lists). */
export function chineseOrdinal(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? "" : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

/** "一般公共服务支出", but "预备费" (the published name has no 支出). */
function className(code: string): string {
  const name = functionClassName(code) ?? code;
  return /费$/.test(name) ? name : `${name}支出`;
}

export interface ClassRow {
  code: string;
  /** "八、社会保障和就业支出" */
  label: string;
}

export function expenditureClassRows(): ClassRow[] {
  return CLASS_CODES.map((code, i) => ({ code, label: `${chineseOrdinal(i + 1)}、${className(code)}` }));
}
