/**
 * Plausibility of single amounts (per cell, value-driven, cheap: the live fast path re-runs it on edited cells):
 * - plausibility.percent (error): a number formatted as a percentage or a date in an amount column — the cell shows
 *   "12%" or "2023/1/5" while the checker adds 0.12 or 44931;
 * - plausibility.negative (warning): a negative amount. Budget amounts (收入, 支出, 结转, 合计 …) cannot be negative
 *   in any table of spec §1; only a column or row that explicitly is an adjustment or change (调整, 调减, 增减, 差额,
 *   变动, 比上年 …, or a row labelled "减：…") may hold one;
 * - plausibility.decimals (warning): more than 2 decimals in a 万元 table (the published precision); the value is read
 *   with decimalFromNumber, so a cached formula result such as 0.30000000000000004 counts as 0.3.
 * At most one finding per cell (the session keeps one cell issue per cell), in that order of importance.
 * Hidden decimals seldom come alone (a column of =B5/3, amounts pasted from another system): foldHiddenDecimals()
 * turns a column's plausibility.decimals into one finding when the findings are assembled, so the per-cell ones stay
 * what the live fast path re-checks.
 *
 * plausibility.all-children-blank is not a per-cell rule: whether a total's parts are blank depends on other cells,
 * which a per-cell re-check would not see change. Every such total already fails its sum identity (hierarchy.sum,
 * table.total-row, table.columns-sum), so instead of a second finding for one problem, explainBlankChildren() turns
 * that identity finding into a clearer one ("its parts are all blank: not filled in or deleted?").
 */
import { toA1 } from "../address";
import { a1, type Finding, type FindingCell } from "../finding";
import { cellNumberFormat, cellValue, type GridSheet } from "../grid";
import { displayedDecimals, formatAmount, parseAmount } from "../money";
import type { RecognisedTable } from "../recognise/types";
import type { AmountReader } from "./identity";
import { amountCells, forEachCellOf } from "./cell-rules";
import type { RuleInfo } from "../rule-info";

/** The rules this family reports (id, group, default severity, zh/en), collected by core/rule-registry.ts. */
export const PLAUSIBILITY_RULES = [
  { id: "plausibility.percent", group: "plausibility", severity: "error", zh: "金额单元格设置为百分比或日期格式", en: "Amount cell formatted as a percentage or a date" },
  { id: "plausibility.negative", group: "plausibility", severity: "warning", zh: "金额为负数（调整、增减类栏目除外）", en: "Negative amount (adjustment columns excepted)" },
  { id: "plausibility.decimals", group: "plausibility", severity: "warning", zh: "万元表金额超过两位小数", en: "More than 2 decimals in a 万元 table" },
  { id: "plausibility.all-children-blank", group: "plausibility", severity: "error", zh: "合计有金额而其组成部分全部空白（代替相应的合计核对结果）", en: "A total holds an amount while all its parts are blank (restates the sum finding)" },
] as const satisfies readonly RuleInfo[];

const ADJUSTMENT = /调整|调减|调增|增减|增长|减少|差额|变动|变化|比上年|较上年|冲减|核减|冲销/;
const SUBTRACTED_ROW = /^减[:：]/;

/** What a number format makes a number look like: a percentage, a date/time, or an amount (null). */
export function numberFormatKind(format: string | null | undefined): "percent" | "date" | null {
  if (!format) return null;
  // Drop the parts that are not format codes: quoted literals, escaped characters, padding/fill, [Red]/[$-804].
  const codes = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "");
  if (/general/i.test(codes)) return null;
  if (codes.includes("%")) return "percent";
  if (/[ymdhs]|\[[hms]+\]/i.test(codes)) return "date";
  return null;
}

function columnPath(table: RecognisedTable, col: number): string {
  return table.columns.find((c) => c.col === col)?.path.join("/") ?? "";
}

function rowLabel(table: RecognisedTable, row: number): string {
  for (const s of table.sides ?? []) {
    const r = s.rows.find((x) => x.row === row);
    if (r) return r.label;
  }
  return table.rows.find((r) => r.row === row)?.label ?? "";
}

/** A column or row that explicitly holds an adjustment or a change may be negative. */
function mayBeNegative(table: RecognisedTable, row: number, col: number): boolean {
  const label = rowLabel(table, row).trim();
  return ADJUSTMENT.test(columnPath(table, col)) || ADJUSTMENT.test(label) || SUBTRACTED_ROW.test(label);
}

/**
 * A plain number that surely has at most 2 decimals and is not negative needs no closer look: the common case,
 * decided without building a Decimal (this runs on every amount cell of a full check). Float noise such as
 * 2185.93 × 100 = 218592.99999999997 is within a few units in the last place, hence the relative tolerance.
 */
function plainlyFine(n: number, tenThousands: boolean): boolean {
  if (n < 0) return false;
  if (!tenThousands) return true;
  const cents = n * 100;
  return Math.abs(cents - Math.round(cents)) <= Math.abs(cents) * 1e-15;
}

const formatKinds = new Map<string, "percent" | "date" | null>();

/** numberFormatKind, memoised: a workbook has few distinct formats but many cells. */
function formatKindOf(format: string | null): "percent" | "date" | null {
  if (!format) return null;
  let kind = formatKinds.get(format);
  if (kind === undefined) {
    kind = numberFormatKind(format);
    if (formatKinds.size < 1000) formatKinds.set(format, kind);
  }
  return kind;
}

export function plausibilityFindings(table: RecognisedTable, sheet: GridSheet, cells: Iterable<{ row: number; col: number }> = amountCells(table)): Finding[] {
  const out: Finding[] = [];
  forEachCellOf(cells, plausibilityCheck(table, sheet, out));
  return out;
}

/** The check of one cell of the table, its finding (if any) pushed into `out`: for walks that check more per cell. */
export function plausibilityCheck(table: RecognisedTable, sheet: GridSheet, out: Finding[]): (row: number, col: number) => void {
  const tenThousands = table.unit === "万元";
  return (row, col) => {
    const raw = cellValue(sheet, row, col);
    if (typeof raw !== "number" && typeof raw !== "string") return;
    const format = typeof raw === "number" ? cellNumberFormat(sheet, row, col) : null;
    const looksLike = formatKindOf(format);
    if (!looksLike && typeof raw === "number" && plainlyFine(raw, tenThousands)) return;
    const a = parseAmount(raw);
    if (a.kind !== "number") return;
    const address = toA1(row, col);
    const where = `${sheet.name}!${address}`;
    const cell = [{ sheet: sheet.name, row, col }];
    const shown = a.value.toFixed();
    if (looksLike) {
      const zh = looksLike === "percent" ? "百分比" : "日期";
      out.push({
        rule: "plausibility.percent",
        severity: "error",
        message: `${where} 设置为${zh}格式，金额列不应是${zh}（按数值 ${shown} 参与核对）；请改为数值格式并核对内容。`,
        messageEn: `${where} is formatted as a ${looksLike}, which an amount column cannot hold (checked as ${shown}); use a number format and check the entry.`,
        cells: cell,
        expected: "金额 amount",
        actual: `${looksLike} (${format})`,
      });
    } else if (a.value.isNegative() && !a.value.isZero() && !mayBeNegative(table, row, col)) {
      out.push({
        rule: "plausibility.negative",
        severity: "warning",
        message: `${where} 为负数 ${formatAmount(a.value)}；预算收支金额不应为负（调整、增减类栏目除外）。`,
        messageEn: `${where} is negative (${formatAmount(a.value)}); budget amounts cannot be negative (adjustment or change columns excepted).`,
        cells: cell,
        expected: "≥ 0",
        actual: formatAmount(a.value),
      });
    } else if (tenThousands && a.value.decimalPlaces() > Math.max(2, displayedDecimals(format) ?? 2)) {
      // A 万元 table shown to 4 decimals (#,##0.0000) displays what it sums: only decimals the format hides count.
      const places = a.value.decimalPlaces();
      out.push({
        rule: "plausibility.decimals",
        severity: "warning",
        message: `${where} 为 ${shown}，有 ${places} 位小数；万元表的金额应保留两位小数，否则显示值与参与合计的值不一致。`,
        messageEn: `${where} is ${shown}, with ${places} decimals; amounts in 万元 are published with 2, otherwise the shown value differs from the one summed.`,
        cells: cell,
        expected: formatAmount(a.value),
        actual: shown,
      });
    }
  };
}

/**
 * plausibility.decimals, one finding per table column: a column storing more decimals than it shows is one problem
 * (how its amounts were made), not one per cell. The first cell of the column (top row) goes first, so the pane
 * selects it; cells lists every affected one. A column with a single such cell keeps its per-cell finding. O(n).
 */
export function foldHiddenDecimals(findings: readonly Finding[], tableAt: (c: FindingCell) => RecognisedTable | undefined): Finding[] {
  const groups = new Map<string, Finding[]>();
  const out: Array<Finding | string> = [];
  for (const f of findings) {
    const c = f.cells[0];
    if (f.rule !== "plausibility.decimals" || !c) {
      out.push(f);
      continue;
    }
    const t = tableAt(c);
    const key = `${c.file ?? ""}\u0000${c.sheet}\u0000${t?.id ?? ""}\u0000${c.col}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else {
      groups.set(key, [f]);
      out.push(key);
    }
  }
  if (groups.size === 0) return findings.slice();
  return out.map((x) => (typeof x === "string" ? columnOfDecimals(groups.get(x)!, tableAt) : x));
}

function columnOfDecimals(group: Finding[], tableAt: (c: FindingCell) => RecognisedTable | undefined): Finding {
  if (group.length === 1) return group[0];
  const sorted = [...group].sort((a, b) => a.cells[0].row - b.cells[0].row);
  const first = sorted[0];
  const c = first.cells[0];
  const t = tableAt(c);
  const header = t ? columnPath(t, c.col).split("/").pop() ?? "" : "";
  const letter = a1(c).replace(/\d+$/, "");
  const columnZh = header ? `“${header}”列（${letter} 列）` : `${letter} 列`;
  const columnEn = header ? `column "${header}" (${letter})` : `column ${letter}`;
  const n = sorted.length;
  const shown = first.actual ?? "";
  return {
    ...first,
    message: `${c.sheet} ${columnZh}有 ${n} 个金额存有超过两位的小数，万元表按两位小数显示和公布，合计可能与显示值不符；首个：${a1(c)} = ${shown}。`,
    messageEn: `${c.sheet} ${columnEn}: ${n} amounts are stored with more than 2 decimals while a 万元 table shows and publishes 2, so totals may differ from the shown values; first: ${a1(c)} = ${shown}.`,
    cells: sorted.map((f) => f.cells[0]),
  };
}

/** Sum rules whose stated cell is a total and whose terms are its parts (rows below it, or columns beside it). */
const PART_SUM_RULES: ReadonlySet<string> = new Set(["hierarchy.sum", "table.total-row", "table.columns-sum"]);

/**
 * plausibility.all-children-blank: a sum finding whose total holds an amount while every part it reads is blank
 * (not 0.00: a written zero is an entry, and then the sum is simply wrong) is re-stated as that diagnosis — same
 * severity, cells, expected and actual — rather than reported twice. O(cells of the findings).
 */
export function explainBlankChildren(findings: Finding[], read: AmountReader): Finding[] {
  return findings.map((f) => {
    if (!PART_SUM_RULES.has(f.rule) || f.cells.length < 2) return f;
    const amountOf = (c: FindingCell) => read({ sheet: c.sheet, row: c.row, col: c.col });
    const total = amountOf(f.cells[0]);
    if (total.kind !== "number" || total.value.isZero()) return f;
    const parts = f.cells.slice(1);
    if (!parts.every((c) => amountOf(c).kind === "empty")) return f;
    const where = `${f.cells[0].sheet}!${a1(f.cells[0])}`;
    const list = parts.slice(0, 5).map(a1).join("、") + (parts.length > 5 ? " …" : "");
    return {
      ...f,
      rule: "plausibility.all-children-blank",
      message: `${where} 有金额 ${formatAmount(total.value)}，但其组成部分（${list}，共 ${parts.length} 格）全部空白：明细可能漏填或被删除。`,
      messageEn: `${where} holds ${formatAmount(total.value)} while all ${parts.length} of its parts (${parts.slice(0, 5).map(a1).join(", ")}${parts.length > 5 ? ", …" : ""}) are blank: details missing or deleted?`,
    };
  });
}
