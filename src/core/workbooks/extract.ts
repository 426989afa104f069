/**
 * What the cross-workbook rules (spec §7) need of one workbook, as plain JSON: who published it (unit, department,
 * year, 预算/决算, 部门/单位) and every amount cell of its recognised tables keyed by row (code, 合计 or label) and
 * column (header path). A sharded run writes this next to each file's result, so `merge` can run the rules without
 * the workbooks; a single run builds it in memory. Pure: grid and recognised tables in, data out.
 */
import { cellText, type GridSheet, type GridWorkbook } from "../grid";
import { parseAmount } from "../money";
import type { RecognisedTable } from "../recognise/types";
import { normaliseLabel, parseOrdinalLabel } from "../text";

/** Amount as exact decimal text; null = blank; "?" = not a number (the single-workbook rules report it). */
export type ExtractValue = string | null;
export const NOT_A_NUMBER = "?";

/** [row key, column key, 0-based row, 0-based column, value]: a tuple, since a bureau's batch holds millions. */
export type ExtractCell = [rowKey: string, colKey: string, row: number, col: number, value: ExtractValue];

export interface ExtractTable {
  kind: string;
  sheet: string;
  /** 万元 / 元 / 千元 as the unit line states it. */
  unit?: string;
  /** The cell to name when the table as a whole is meant (its title). */
  anchor?: { row: number; col: number };
  cells: ExtractCell[];
}

export type BudgetSet = "预算" | "决算";
export type Scope = "部门" | "单位";

export interface WorkbookExtract {
  /** The unit (or department) the workbook is for, as its unit line names it. */
  unitName?: string;
  /** 预算主管部门 named in a unit line, where one is. */
  department?: string;
  year?: number;
  set?: BudgetSet;
  scope?: Scope;
  /** Units a department workbook lists as unit rows (leaf units only, not the department's own aggregate row). */
  listedUnits: string[];
  tables: ExtractTable[];
}

/** Names compared across workbooks: spaces and full-width forms folded, brackets and 本级 kept. */
export function unitKey(name: string): string {
  return normaliseLabel(name).replace(/[“”"'‘’]/g, "");
}

function rowKeyOf(t: RecognisedTable, i: number): string | null {
  const r = t.rows[i];
  if (r.code) return `c:${r.code.code}`;
  if (r.role === "total") return "合计";
  // A unit row of a department table (027001 …): its amounts are its rows' sums, compared through those rows.
  if (r.role === "unit" && r.unitCode !== undefined) return null;
  const o = parseOrdinalLabel(r.label);
  return `t:${o.breakdown ? "其中:" : ""}${o.text}`;
}

function colKeyOf(path: readonly string[]): string {
  return path.map((p) => normaliseLabel(p)).join("/");
}

function valueOf(sheet: GridSheet, row: number, col: number): ExtractValue {
  const a = parseAmount(sheet.values[row]?.[col] ?? null);
  if (a.kind === "empty") return null;
  if (a.kind !== "number") return NOT_A_NUMBER;
  return a.value.toString();
}

function tableCells(t: RecognisedTable, sheet: GridSheet): ExtractCell[] {
  const out: ExtractCell[] = [];
  const colKeys = new Map(t.columns.map((c) => [c.col, colKeyOf(c.path.length ? c.path : [c.label])]));
  if (t.sides) {
    for (const side of t.sides)
      for (const r of side.rows) {
        const rowKey = `${side.side}:${parseOrdinalLabel(r.label).text}`;
        for (const col of side.amountCols) out.push([rowKey, `${side.side}:${colKeys.get(col) ?? col}`, r.row, col, valueOf(sheet, r.row, col)]);
      }
    return out;
  }
  const amountCols = t.columns.filter((c) => c.role === "amount");
  for (let i = 0; i < t.rows.length; i++) {
    const rowKey = rowKeyOf(t, i);
    if (rowKey === null) continue;
    const row = t.rows[i].row;
    for (const c of amountCols) out.push([rowKey, colKeys.get(c.col)!, row, c.col, valueOf(sheet, row, c.col)]);
  }
  return out;
}

/** Leaf unit rows: a unit whose code is a prefix of another's (027 ⊃ 027001) is an aggregate. */
function listedUnits(tables: RecognisedTable[], own: string | undefined): string[] {
  const names = new Map<string, string>();
  for (const t of tables) {
    const units = t.rows.filter((r) => r.role === "unit" && r.unitCode !== undefined);
    for (const u of units) {
      if (units.some((o) => o !== u && o.unitCode!.length > u.unitCode!.length && o.unitCode!.startsWith(u.unitCode!))) continue;
      const name = u.label.trim();
      if (!name || (own !== undefined && unitKey(name) === unitKey(own))) continue;
      if (!names.has(unitKey(name))) names.set(unitKey(name), name);
    }
  }
  return [...names.values()];
}

const DEPARTMENT_LINE = /(?:预算主管部门|主管部门|主管单位)[:：]\s*([^\s:：]+)/;
const UNIT_LINE = /(?:预算单位|编制单位|单位名称|部门名称)[:：]\s*([^\s:：]+)/;

/** The title and unit lines of a table: its rows above the header, as one text. */
function metaText(wb: GridWorkbook, t: RecognisedTable): string {
  const sheet = wb.sheets.find((s) => s.name === t.sheet);
  if (!sheet) return "";
  const end = Math.min(t.headerRows[0] ?? t.range.top + 3, t.range.top + 6);
  const parts: string[] = [];
  for (let r = t.range.top; r < end; r++) for (let c = t.range.left; c <= t.range.right; c++) parts.push(cellText(sheet, r, c));
  return parts.filter((p) => p !== "").join(" ");
}

/** 预算主管部门 and the unit's own name as the unit lines state them ("预算主管部门：X 预算单位：Y", "编制单位：Y"). */
function unitLine(texts: readonly string[]): { department?: string; unit?: string } {
  const out: { department?: string; unit?: string } = {};
  for (const text of texts) {
    const d = DEPARTMENT_LINE.exec(text);
    if (d && out.department === undefined) out.department = d[1];
    const u = UNIT_LINE.exec(text.replace(DEPARTMENT_LINE, ""));
    if (u && out.unit === undefined) out.unit = u[1];
  }
  return out;
}

function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}

function setOf(tables: RecognisedTable[]): BudgetSet | undefined {
  if (tables.some((t) => t.kind.startsWith("final-") || /决算/.test(t.title))) return "决算";
  if (tables.some((t) => /预算/.test(t.title))) return "预算";
  return undefined;
}

/** 部门 when titles or unit lines say 部门 (部门预算, 部门收支预算表, 部门名称), 单位 when they say 单位预算 / 预算单位. */
function scopeOf(texts: readonly string[], hasDepartmentLine: boolean): Scope | undefined {
  if (hasDepartmentLine) return "单位";
  const dept = texts.filter((w) => /部门(预算|决算|收支|收入|支出|名称)|编制部门/.test(w)).length;
  const unit = texts.filter((w) => /单位(预算|决算)|预算单位|单位名称/.test(w)).length;
  if (dept === 0 && unit === 0) return undefined;
  return dept > unit ? "部门" : "单位";
}

export function extractWorkbook(wb: GridWorkbook, recognised: readonly RecognisedTable[]): WorkbookExtract {
  const tables = recognised.filter((t) => t.kind !== "other");
  const texts = tables.map((t) => `${t.title} ${metaText(wb, t)}`);
  const line = unitLine(texts);
  const unitName = line.unit ?? mostCommon(tables.map((t) => t.unitName).filter((n): n is string => n !== undefined && n.trim() !== ""));
  const out: WorkbookExtract = {
    listedUnits: listedUnits(tables, unitName),
    tables: [],
  };
  if (unitName !== undefined) out.unitName = unitName;
  if (line.department !== undefined) out.department = line.department;
  const year = mostCommon(tables.map((t) => t.year).filter((y): y is number => y !== undefined));
  if (year !== undefined) out.year = year;
  const set = setOf(tables);
  if (set) out.set = set;
  const scope = scopeOf(texts, line.department !== undefined);
  if (scope) out.scope = scope;
  for (const t of tables) {
    const sheet = wb.sheets.find((s) => s.name === t.sheet);
    if (!sheet) continue;
    const et: ExtractTable = { kind: t.kind, sheet: t.sheet, cells: tableCells(t, sheet) };
    if (t.unit !== undefined) et.unit = t.unit;
    const anchor = t.titleCell ?? { row: t.range.top, col: t.range.left };
    et.anchor = { row: anchor.row, col: anchor.col };
    out.tables.push(et);
  }
  return out;
}
