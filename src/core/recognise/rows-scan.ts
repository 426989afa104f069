/** A light per-row scan of a sheet used by segmentation: texts, numbers, and what the row looks like. */
import { cellNumberFormat, isErrorValue, sheetColCount, type GridSheet } from "../grid";
import { isAmountText } from "../money";
import { normaliseLabel, smallChineseNumber } from "../text";
import { looksLikeTitle } from "./kinds";

export interface RowScan {
  row: number;
  /** Non-empty cells in column order. */
  cells: Array<{ col: number; text: string; numeric: boolean; date?: boolean }>;
  /** Distinct normalised texts (merged repeats collapse). */
  distinct: string[];
  numericCount: number;
  firstCol: number;
  lastCol: number;
}

export function scanRow(sheet: GridSheet, row: number, width = sheetColCount(sheet)): RowScan {
  const cells: RowScan["cells"] = [];
  const distinct: string[] = [];
  const r = sheet.values[row];
  let numericCount = 0;
  if (r) {
    const n = Math.min(r.length, width);
    for (let c = 0; c < n; c++) {
      const v = r[c];
      if (v === undefined || v === null || v === "") continue;
      // Read the value once (this runs for every cell of a sheet); text as cellText gives it.
      const text = typeof v === "string" ? v.trim() : isErrorValue(v) ? v.error : String(v);
      if (text === "") continue;
      const numeric = typeof v === "number" || isErrorValue(v) || (typeof v === "string" && isAmountText(text));
      if (numeric) numericCount++;
      if (typeof v === "number" && isDateFormat(cellNumberFormat(sheet, row, c))) cells.push({ col: c, text, numeric, date: true });
      else cells.push({ col: c, text, numeric });
      // A number's text is ASCII already: normaliseLabel would return it unchanged.
      const t = typeof v === "number" ? text : normaliseLabel(text);
      if (distinct[distinct.length - 1] !== t) distinct.push(t);
    }
  }
  return {
    row,
    cells,
    distinct,
    numericCount,
    firstCol: cells.length ? cells[0].col : -1,
    lastCol: cells.length ? cells[cells.length - 1].col : -1,
  };
}

// A sheet has a handful of number formats but many numeric cells: each format is judged once (bounded, so a hostile
// workbook's thousands of formats cannot grow it without end).
const DATE_FORMATS = new Map<string, boolean>();
const DATE_FORMATS_KEPT = 512;

/** A number format that shows a date ("yyyy年m月d日", "yyyy/m/d"): literals, [colour] and escapes skipped. */
function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  let known = DATE_FORMATS.get(format);
  if (known === undefined) {
    known = judgeDateFormat(format);
    if (DATE_FORMATS.size < DATE_FORMATS_KEPT) DATE_FORMATS.set(format, known);
  }
  return known;
}

function judgeDateFormat(format: string): boolean {
  const codes = format.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
  return !/general/i.test(codes) && /[ymd]/i.test(codes);
}

// "附表1", "表3", and the Ministry's "公开01表" printed beside a 决算 title.
const ANNEX = /^(附表|附件|表)[\d一二三四五六七八九十\-—.]*$|^公开\d{1,2}表$/;

/** The title text if the row is a title row ("单位预算收支总表", possibly beside "附表1"). */
export function titleOf(scan: RowScan): string | null {
  if (scan.numericCount > 0 && !scan.cells.every((c) => !c.numeric || /年/.test(c.text))) return null;
  const texts = [...new Set(scan.cells.map((c) => c.text.trim()))];
  const titles = texts.filter((t) => looksLikeTitle(t));
  if (titles.length !== 1) return null;
  const others = texts.filter((t) => t !== titles[0]);
  if (!others.every((t) => ANNEX.test(normaliseLabel(t)))) return null;
  return titles[0].replace(/^\s*\[bookmark:[^\]]*\]\s*/, "").trim();
}

const META = /(单位[:：]|预算年度|年度[:：]|(部门|单位)名称[:：]|编制单位[:：]?|编制部门|金额单位|部门[:：])/;

export function isMetaRow(scan: RowScan): boolean {
  if (scan.cells.length === 0) return false;
  if (scan.cells.some((c) => META.test(c.text))) return scan.numericCount <= 1;
  return false;
}

export function isNoteRow(scan: RowScan): boolean {
  if (scan.cells.length === 0) return false;
  const first = normaliseLabel(scan.cells[0].text);
  if (/^(注|备注|说明|填报说明)[:：\d、.]/.test(first) || /^注[:：]?/.test(first) || /空表列示/.test(first)) return true;
  // A statement typed alone in the body's first row ("本单位无此项", "本表无数据") ends the table like a note.
  return scan.cells.length === 1 && scan.numericCount === 0 && /无此项|(本|此)表无数据|空表/.test(first);
}

const SIGNATURE = /(单位|部门)?负责人|制表人|填表人|审核人|复核人|经办人|编制人|主管会计|财务负责人|联系电话|制表日期|填报日期|编制日期|报送日期|^日期[:：]/;
const DATE_TEXT = /^\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?$|^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/;

/**
 * A signature or date line under a table ("单位负责人：… 制表人：…", "2025年1月10日", a date typed as a date): it
 * ends the table. The only number such a line may hold is a date (a number shown with a date format).
 */
export function isFooterRow(scan: RowScan): boolean {
  if (scan.cells.length === 0 || scan.cells.length > 6) return false;
  if (scan.cells.some((c) => SIGNATURE.test(normaliseLabel(c.text)))) return scan.cells.every((c) => !c.numeric || c.date || DATE_TEXT.test(c.text));
  return scan.cells.every((c) => DATE_TEXT.test(normaliseLabel(c.text)) || c.date === true);
}

/**
 * A 栏次 row: "栏次" label and/or consecutive small integers 1, 2, 3 … (or 一, 二, 三 …). Only the cells of columns
 * that `counts` (the table's own columns: a check column's 0 or TRUE beside the 8 does not make the row data).
 */
export function isLanciRow(scan: RowScan, counts: (col: number) => boolean = () => true): boolean {
  const cells = scan.cells.filter((c) => counts(c.col));
  if (cells.length < 2) return false;
  let expect = -1;
  let ints = 0;
  for (const c of cells) {
    const t = normaliseLabel(c.text);
    if (/^(栏次|行次|栏号)$/.test(t)) continue;
    const n = /^\d{1,2}$/.test(t) ? Number(t) : smallChineseNumber(t);
    if (n === null) return false;
    if (expect >= 0 && n !== expect) return false;
    expect = n + 1;
    ints++;
  }
  return ints >= 2;
}

const DATA_LABEL = /^([一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))|^本年(收入|支出)合计$|^(收入|支出)总计$/;

const HEADER_WORDS =
  /(项目|科目|编码|代码|合计|金额|预算数|收入|支出|名称|小计|^类$|^款$|^项$|序号|经费|总计|资金|拨款|其中|单位|结转|基本|公用|人员|类型|一般公共预算|政府性基金|国有资本|财政专户|单位资金)/;

/**
 * A header row: labels only (no amounts), header vocabulary present, and at least two cells, or one cell in a row
 * whose other columns are covered by merged cells from the header row above.
 */
export function isHeaderLike(scan: RowScan, continuesMerge = false): boolean {
  if (scan.cells.length === 0) return false;
  if (scan.numericCount > 0) return false;
  if (scan.cells.some((c) => META.test(c.text))) return false;
  // Data labels ("一、一般公共服务支出", "（一）…", "本年收入合计") never sit in a header, even on rows without amounts.
  // A 决算 table's column header may name 本年收入合计 / 本年支出合计 among its other columns (本年收入合计 | 财政拨款收入 |
  // 上级补助收入 …): one such label with at least three other header cells is a column label, not a data row.
  const dataLabels = scan.cells.filter((c) => DATA_LABEL.test(normaliseLabel(c.text)));
  if (dataLabels.length > 0 && !isColumnTotalLabel(dataLabels, scan.cells.length)) return false;
  const words = scan.cells.filter((c) => HEADER_WORDS.test(normaliseLabel(c.text))).length;
  if (scan.cells.length < 2 && scan.distinct.length < 2 && !continuesMerge) return false;
  return words >= 1;
}

/** One 本年收入合计/本年支出合计 cell beside three or more other cells: a 决算 column header. */
function isColumnTotalLabel(dataLabels: RowScan["cells"], cellCount: number): boolean {
  return dataLabels.length === 1 && cellCount - 1 >= 3 && /^本年(收入|支出)合计$/.test(normaliseLabel(dataLabels[0].text));
}
