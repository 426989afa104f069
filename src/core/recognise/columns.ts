/** Column roles from the header: 序号, code (whole or 类/款/项 parts), unit code, name, amount, text. */
import { MergeIndex, cellText, type GridSheet } from "../grid";
import { amountKind } from "../money";
import { normaliseLabel } from "../text";
import type { Segment } from "./segment";
import type { RecognisedColumn, Side } from "./types";

export function headerPath(merges: MergeIndex, headerRows: number[], col: number): string[] {
  const path: string[] = [];
  for (const r of headerRows) {
    const t = normaliseLabel(merges.textAt(r, col));
    if (t && path[path.length - 1] !== t) path.push(t);
  }
  return path;
}

/**
 * A 合计 under a code or name header ("功能分类科目编码 / 合计": the 决算 fund tables print their 合计 row label in the
 * last header row, beside 本年支出's 合计 | 基本支出 | 项目支出) names the total row, not the column.
 */
function withoutTotalUnderLabel(path: string[]): string[] {
  const last = path[path.length - 1];
  if (path.length > 1 && /^(合计|总计)$/.test(last ?? "") && /编码|代码|名称/.test(path[path.length - 2])) return path.slice(0, -1);
  return path;
}

const INDEX = /^(序号|栏次|行次|序)$/;
const RATE = /率|%|％|百分比|比例|占比|比重/;
/** Another year's figures or a change beside this year's (上年预算数, 上年决算数, 比上年增减); 上年结转 is not one. */
const COMPARISON = /^上年((预算|决算|执行|实际)(数|额)?|数|同期(数|额)?)$|^(比上年|较上年)?增减(额|数)?$|^增减变[化动]$/;

/** A comparison column or group: its figures are shown beside this year's, never added into this year's totals. */
export function isComparisonLabel(label: string): boolean {
  return COMPARISON.test(label);
}
const UNIT_CODE = /(单位|部门).*(代码|编码)|^单位编码$|^预算单位$/;
const CODE = /(编码|代码|编号)$|^科目编码|^(类|款|项|目)$/;
const NAME = /名称|^项目$|^科目$|^项$/;
/** Columns an accountant adds beside a table: remarks and check columns (差额 = 0 checks, TRUE/FALSE) are not amounts. */
const NOTE_OR_CHECK = /备注|附注|^说明$|校验|核对|检查|验证|^差额$|^差异$|^check$/i;

/** A header label of a remark or check column (normalised text). */
export function isNoteOrCheckLabel(label: string): boolean {
  return NOTE_OR_CHECK.test(label);
}
/** Header words of an amount column: one stray text in it is a mistyped amount, not a sign of a text column. */
const AMOUNT_HEADER = /合计|小计|总计|支出|收入|经费|预算|拨款|资金|费$|结转|结余|金额|补助|上缴|数$/;

function codePartOf(label: string): RecognisedColumn["codePart"] {
  if (label === "类") return "class";
  if (label === "款") return "section";
  if (label === "项" || label === "目") return "item";
  return "full";
}

export function recogniseColumns(sheet: GridSheet, merges: MergeIndex, seg: Segment): RecognisedColumn[] {
  const columns: RecognisedColumn[] = [];
  const firstBody = seg.bodyRows[0];
  for (let c = seg.left; c <= seg.right; c++) {
    const path = withoutTotalUnderLabel(headerPath(merges, seg.headerRows, c));
    // The 合计 row printed with the 类/款/项 header words in its code cells ("类 | 款 | 项 | 合计 | 1,234.00", the
    // Ministry's 决算 layout): those words name the code columns.
    const part = firstBody === undefined ? "" : normaliseLabel(cellText(sheet, firstBody, c));
    if (/^(类|款|项)$/.test(part) && path[path.length - 1] !== part) path.push(part);
    const label = path[path.length - 1] ?? "";
    let role: RecognisedColumn["role"];
    // "项" alone under a 科目编码 group is a code part; "项目" alone is the label column of two-sided tables.
    const underCodeGroup = path.length > 1 && /编码|代码|科目/.test(path[0]) && /^(类|款|项|目)$/.test(label);
    if (INDEX.test(label) || (path.length && INDEX.test(path[0]) && path.every((p) => INDEX.test(p)))) role = "index";
    else if (UNIT_CODE.test(label)) role = "unit-code";
    else if (underCodeGroup || (CODE.test(label) && !/名称/.test(label))) role = "code";
    else if (NAME.test(label) || /单位\(科目名称\)|部门\(单位\)名称/.test(label)) role = "name";
    else if (isNoteOrCheckLabel(label)) role = "text";
    else role = "amount";
    const column: RecognisedColumn = { col: c, path, label, role };
    if (role === "code") column.codePart = codePartOf(label);
    columns.push(column);
  }
  // Amount columns whose body is mostly text (项目类型, 项目单位 …) are text columns. Counted row by row (each row's
  // cells read together), every amount column at once.
  const amounts = columns.filter((c) => c.role === "amount");
  const amountCols = Int32Array.from(amounts, (c) => c.col);
  const numberCounts = new Uint32Array(amounts.length);
  const textCounts = new Uint32Array(amounts.length);
  countKinds(sheet, seg.bodyRows, amountCols, numberCounts, textCounts);
  amounts.forEach((column, i) => {
    const numbers = numberCounts[i];
    const texts = textCounts[i];
    // Mostly text in the body (项目类型, 项目单位): a text column, even when the table has a single row. One text in
    // an otherwise blank column headed as amounts (“待定” under 事业收入) is a text amount, flagged as such.
    const strayText = texts === 1 && numbers === 0 && AMOUNT_HEADER.test(column.label);
    if (texts > numbers && (texts >= 2 || numbers === 0) && !strayText) column.role = "text";
    // No header label at all (scratch numbers beside a table): nothing says what the numbers are.
    if (column.path.length === 0 && (seg.headerRows.length > 0 || (numbers === 0 && texts === 0))) column.role = "text";
    // Rates and shares (增减率, 占比, %) are not amounts: they never add up.
    if (RATE.test(column.label)) column.role = "text";
    // A blank spacer column inside a merged group (收入 over 项目 | (blank) | 预算数): no label of its own where its
    // neighbours have one, nothing in the body. Taking it for the group's amount column would read the side as blank.
    if (numbers === 0 && texts === 0 && isUnlabelledInGroup(column, columns)) column.role = "text";
  });
  // A text column holding codes in its body (header lost or odd) stays text; the row parser looks for codes in names.
  assignCodeGroups(columns);
  return columns;
}

/**
 * Numbers and texts of each amount column in the body, counted row by row. Its own function: a loop optimised mid-run
 * (on-stack) and left for code it never ran is thrown away there, for every table.
 */
function countKinds(sheet: GridSheet, body: readonly number[], amountCols: Int32Array, numberCounts: Uint32Array, textCounts: Uint32Array): void {
  for (let k = 0; k < body.length; k++) {
    // Stop once no column's texts can outnumber its numbers any more: below, the counts then decide nothing else.
    if ((k & 255) === 0 && k > 0 && settled(numberCounts, textCounts, body.length - k)) break;
    const row = sheet.values[body[k]];
    if (!row) continue;
    for (let i = 0; i < amountCols.length; i++) {
      const kind = amountKind(row[amountCols[i]] ?? null);
      if (kind === "number" || kind === "error") numberCounts[i]++;
      else if (kind === "invalid") textCounts[i]++;
    }
  }
}

/** Every column holds more numbers than texts by more than the rows left to count. */
function settled(numbers: Uint32Array, texts: Uint32Array, left: number): boolean {
  for (let i = 0; i < numbers.length; i++) if (numbers[i] <= texts[i] + left) return false;
  return true;
}

function isUnlabelledInGroup(column: RecognisedColumn, columns: RecognisedColumn[]): boolean {
  const p = column.path;
  return p.length > 0 && columns.some((o) => o.path.length > p.length && p.every((t, i) => o.path[i] === t));
}

/**
 * Code systems: adjacent 类/款/项 columns form one code whatever the header above them says; a whole-code column, a
 * new 类 column, or a gap starts the next one. The first is the table's primary code (部门经济分类 before 政府经济分类).
 */
function assignCodeGroups(columns: RecognisedColumn[]): void {
  let group = -1;
  let previous: RecognisedColumn | undefined;
  for (const column of columns) {
    if (column.role !== "code") continue;
    const continues =
      previous !== undefined &&
      previous.col === column.col - 1 &&
      previous.codePart !== "full" &&
      column.codePart !== "full" &&
      column.codePart !== "class";
    if (!continues) group++;
    column.codeGroup = group;
    previous = column;
  }
}

/** Sides of a two-sided table from the top header label (收入 … | 支出 …). */
export function assignSides(columns: RecognisedColumn[]): boolean {
  let any = false;
  let current: Side | undefined;
  let names = 0;
  for (const column of columns) {
    const top = column.path[0] ?? "";
    const isName = column.role === "name" && /项目/.test(column.label);
    if (isName) names++;
    if (/收入/.test(top) && !/支出/.test(top)) current = "income";
    else if (/支出/.test(top) && !/收入/.test(top)) current = "expenditure";
    // No 收入/支出 header row: the first 项目 column starts the income side, the second the expenditure side.
    else if (isName) current = names === 1 ? "income" : "expenditure";
    if (current && column.role !== "index") {
      column.side = current;
      any = true;
    }
  }
  return any;
}

export function headerText(sheet: GridSheet, seg: Segment): string {
  const parts: string[] = [];
  for (const r of seg.headerRows) for (let c = seg.left; c <= seg.right; c++) parts.push(cellText(sheet, r, c));
  return parts.join(" ");
}
