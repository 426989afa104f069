/** Identify a code's classification and level from its shape (digits, length, first digit). */
import type { Classification, Level } from "../catalogue/types";

const LEVELS: Record<number, Level> = { 3: "类", 5: "款", 7: "项", 9: "目" };

/** 类/款/项/目 from the code length, or undefined for other lengths. */
export function levelOf(code: string): Level | undefined {
  return /^\d+$/.test(code) ? LEVELS[code.length] : undefined;
}

/**
 * The classification a code can belong to: 支出功能分类 2xx (3/5/7 digits), 部门经济分类 3xx (3/5), 政府经济分类 5xx
 * (3/5), 收入分类 1xx (3/5/7/9). `hint` (e.g. from the table kind or the column header) wins when it fits the shape.
 */
export function classifyCode(code: string, hint?: Classification): Classification | undefined {
  const fits = (c: Classification): boolean => SHAPES[c].first === code[0] && SHAPES[c].lengths.includes(code.length);
  if (!/^\d+$/.test(code)) return undefined;
  if (hint && fits(hint)) return hint;
  return (Object.keys(SHAPES) as Classification[]).find(fits);
}

const SHAPES: Record<Classification, { first: string; lengths: number[] }> = {
  function: { first: "2", lengths: [3, 5, 7] },
  "dept-economic": { first: "3", lengths: [3, 5] },
  "gov-economic": { first: "5", lengths: [3, 5] },
  revenue: { first: "1", lengths: [3, 5, 7, 9] },
};

/** Codes of the enclosing 类, 款, … of a code, outermost first (not including the code itself). */
export function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  for (let len = 3; len < code.length; len += 2) out.push(code.slice(0, len));
  return out;
}
