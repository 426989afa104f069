/**
 * The one home of what a 政府收支分类科目 code says by its shape (digits, length, first digit): its classification,
 * its level, its parts and the codes it sits under. The catalogue, recognition and the inserted code rows use these.
 */

export type Classification = "function" | "dept-economic" | "gov-economic" | "revenue";

/** 类/款/项/目: code lengths 3/5/7/9. */
export type Level = "类" | "款" | "项" | "目";

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
  if (!/^\d+$/.test(code)) return undefined;
  if (hint && fits(hint, code)) return hint;
  // A loop, not find with a closure: recognition classifies every code of every table.
  for (const c of CLASSIFICATIONS) if (fits(c, code)) return c;
  return undefined;
}

function fits(c: Classification, code: string): boolean {
  return SHAPES[c].first === code[0] && SHAPES[c].lengths.includes(code.length);
}

const SHAPES: Record<Classification, { first: string; lengths: number[] }> = {
  function: { first: "2", lengths: [3, 5, 7] },
  "dept-economic": { first: "3", lengths: [3, 5] },
  "gov-economic": { first: "5", lengths: [3, 5] },
  revenue: { first: "1", lengths: [3, 5, 7, 9] },
};

/** In SHAPES' order: the first that fits a code is its classification. */
const CLASSIFICATIONS = Object.keys(SHAPES) as Classification[];

/** The level as a depth: 类 1, 款 2, 项 3, 目 4 (from the length, whatever it is: (length − 1) / 2). */
export function levelDepth(code: string): number {
  return (code.length - 1) / 2;
}

/** The first digit of a classification's codes (支出功能分类 2, 部门经济分类 3, 政府经济分类 5, 收入分类 1). */
export function firstDigitOf(classification: Classification): string {
  return SHAPES[classification].first;
}

/** "2080505" → ["208", "05", "05"]: 类 3 digits, 款 and 项 2 each (shorter codes leave trailing parts empty). */
export function splitCode(code: string): [string, string, string] {
  const c = code.trim();
  return [c.slice(0, 3), c.slice(3, 5), c.slice(5, 7)];
}

/** The code it sits directly under (two digits shorter), or undefined for a 类. */
export function parentCode(code: string): string | undefined {
  return code.length > 3 ? code.slice(0, code.length - 2) : undefined;
}

/** The 类 (first three digits) a code belongs to. */
export function classCodeOf(code: string): string {
  return code.slice(0, 3);
}

/** Codes of the enclosing 类, 款, … of a code, outermost first (not including the code itself). */
export function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  for (let len = 3; len < code.length; len += 2) out.push(code.slice(0, len));
  return out;
}
