/** A light per-row scan of a sheet used by segmentation: texts, numbers, and what the row looks like. */
import { cellNumberFormat, isErrorValue, sheetColCount, type CellValue, type GridSheet } from "../grid";
import { isAmountText } from "../money";
import { normaliseLabel, smallChineseNumber } from "../text";
import { looksLikeTitle } from "./kinds";

export interface ScanCell {
  col: number;
  text: string;
  numeric: boolean;
  date?: boolean;
}

/**
 * A row as segmentation sees it. The counts and extent are read in one pass that builds nothing per cell; the cells
 * and their distinct texts are built only when a test needs them (header, title, meta and note candidates), since
 * most rows of a large table are plain data rows that the counts alone decide.
 */
export class RowScan {
  /** Non-empty cells. */
  readonly count: number = 0;
  /** A cell is numeric (a number, an error, an amount typed as text); numericCount says how many. */
  readonly hasNumeric: boolean = false;
  readonly firstCol: number = -1;
  readonly lastCol: number = -1;
  /** A cell holds a number (typed, not text): no title line holds one. */
  readonly hasNumber: boolean = false;
  /** A cell holds a number not shown as a date: no footer line holds one. */
  readonly plainNumber: boolean = false;
  private cellList: ScanCell[] | undefined;
  private distinctList: string[] | undefined;
  private numerics: number | undefined;

  constructor(
    private readonly sheet: GridSheet,
    readonly row: number,
    private readonly width: number,
  ) {
    const r = sheet.values[row];
    if (!r) return;
    const n = Math.min(r.length, width);
    let count = 0;
    let hasNumber = false;
    let plainNumber = false;
    let hasNumeric = false;
    for (let c = 0; c < n; c++) {
      const v = r[c];
      if (v === undefined || v === null || v === "") continue;
      if (typeof v === "number") {
        hasNumber = true;
        // One non-date number settles it: the formats of the row's other numbers are not looked up.
        if (!plainNumber && !isDateFormat(cellNumberFormat(sheet, row, c))) plainNumber = true;
        hasNumeric = true;
      } else {
        const text = scanText(v);
        if (text === "") continue;
        // Once the row is known numeric its other texts are not tested (numericCount counts them when asked).
        if (!hasNumeric && isNumericText(v, text)) hasNumeric = true;
      }
      if (count === 0) this.firstCol = c;
      this.lastCol = c;
      count++;
    }
    this.count = count;
    this.hasNumber = hasNumber;
    this.plainNumber = plainNumber;
    this.hasNumeric = hasNumeric;
  }

  /** Numeric cells. */
  get numericCount(): number {
    if (this.numerics === undefined) {
      let n = 0;
      for (const cell of this.cells) if (cell.numeric) n++;
      this.numerics = n;
    }
    return this.numerics;
  }

  /** Non-empty cells in column order. */
  get cells(): readonly ScanCell[] {
    return (this.cellList ??= this.readCells());
  }

  /** Distinct normalised texts (merged repeats collapse). */
  get distinct(): readonly string[] {
    if (this.distinctList === undefined) {
      const distinct: string[] = [];
      for (const cell of this.cells) {
        const t = distinctText(cell, this.sheet.values[this.row][cell.col]);
        if (distinct[distinct.length - 1] !== t) distinct.push(t);
      }
      this.distinctList = distinct;
    }
    return this.distinctList;
  }

  /** Whether `distinct.join("|")` equals `key`, compared text by text so a data row stops at its first cell. */
  distinctIs(key: string): boolean {
    if (this.distinctList !== undefined) return this.distinctList.join("|") === key;
    const r = this.sheet.values[this.row];
    if (!r) return key === "";
    let at = 0;
    let previous: string | undefined;
    for (let c = this.firstCol; c >= 0 && c <= this.lastCol; c++) {
      const v = r[c];
      if (v === undefined || v === null || v === "") continue;
      const text = typeof v === "number" ? String(v) : scanText(v);
      if (text === "") continue;
      const t = typeof v === "number" ? text : normaliseLabel(text);
      if (t === previous) continue;
      if (previous !== undefined) {
        if (key.charCodeAt(at) !== 124 /* | */) return false;
        at++;
      }
      if (!key.startsWith(t, at)) return false;
      at += t.length;
      previous = t;
    }
    return at === key.length;
  }

  /** The first non-empty cell's text (its normalised form is what note tests read). */
  firstText(): string {
    if (this.cellList !== undefined) return this.cellList[0]?.text ?? "";
    const v = this.firstCol >= 0 ? this.sheet.values[this.row][this.firstCol] : null;
    return v === null || v === undefined ? "" : typeof v === "number" ? String(v) : scanText(v);
  }

  /** The first non-empty cell holds a number (typed). */
  firstIsNumber(): boolean {
    return this.firstCol >= 0 && typeof this.sheet.values[this.row][this.firstCol] === "number";
  }

  private readCells(): ScanCell[] {
    const cells: ScanCell[] = [];
    const r = this.sheet.values[this.row];
    if (!r) return cells;
    for (let c = this.firstCol; c >= 0 && c <= this.lastCol; c++) {
      const v = r[c];
      if (v === undefined || v === null || v === "") continue;
      const text = typeof v === "number" ? String(v) : scanText(v);
      if (text === "") continue;
      const numeric = typeof v === "number" || isNumericText(v, text);
      if (typeof v === "number" && isDateFormat(cellNumberFormat(this.sheet, this.row, c))) cells.push({ col: c, text, numeric, date: true });
      else cells.push({ col: c, text, numeric });
    }
    return cells;
  }
}

/** A non-number cell's text as the scan reads it ("" for empty): trimmed text, an error's code, a boolean spelled. */
function scanText(v: Exclude<CellValue, number | null>): string {
  return typeof v === "string" ? v.trim() : isErrorValue(v) ? v.error : String(v);
}

/** A non-number cell that counts as a number: an error value, or an amount typed as text. */
function isNumericText(v: Exclude<CellValue, number | null>, text: string): boolean {
  return isErrorValue(v) || (typeof v === "string" && isAmountText(text));
}

/** A cell's text among the row's distinct texts. A number's text is ASCII already: normaliseLabel would keep it. */
function distinctText(cell: ScanCell, v: CellValue | undefined): string {
  return typeof v === "number" ? cell.text : normaliseLabel(cell.text);
}

export function scanRow(sheet: GridSheet, row: number, width = sheetColCount(sheet)): RowScan {
  return new RowScan(sheet, row, width);
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
  // A typed number's text has no 年: the test below would refuse the row, without its cells being built.
  if (scan.count === 0 || scan.hasNumber) return null;
  if (scan.hasNumeric && !scan.cells.every((c) => !c.numeric || /年/.test(c.text))) return null;
  const texts = [...new Set(scan.cells.map((c) => c.text.trim()))];
  const titles = texts.filter((t) => looksLikeTitle(t));
  if (titles.length !== 1) return null;
  const others = texts.filter((t) => t !== titles[0]);
  if (!others.every((t) => ANNEX.test(normaliseLabel(t)))) return null;
  return titles[0].replace(/^\s*\[bookmark:[^\]]*\]\s*/, "").trim();
}

const META = /(单位[:：]|预算年度|年度[:：]|(部门|单位)名称[:：]|编制单位[:：]?|编制部门|金额单位|部门[:：])/;

export function isMetaRow(scan: RowScan): boolean {
  if (scan.count === 0) return false;
  if (scan.cells.some((c) => META.test(c.text))) return scan.numericCount <= 1;
  return false;
}

export function isNoteRow(scan: RowScan): boolean {
  // A row starting with a number (a 序号) is counted numeric and starts with no note word.
  if (scan.count === 0 || scan.firstIsNumber()) return false;
  const first = normaliseLabel(scan.firstText());
  if (/^(注|备注|说明|填报说明)[:：\d、.]/.test(first) || /^注[:：]?/.test(first) || /空表列示/.test(first)) return true;
  // A statement typed alone in the body's first row ("本单位无此项", "本表无数据") ends the table like a note.
  return scan.count === 1 && !scan.hasNumeric && /无此项|(本|此)表无数据|空表/.test(first);
}

const SIGNATURE = /(单位|部门)?负责人|制表人|填表人|审核人|复核人|经办人|编制人|主管会计|财务负责人|联系电话|制表日期|填报日期|编制日期|报送日期|^日期[:：]/;
const DATE_TEXT = /^\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?$|^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/;

/**
 * A signature or date line under a table ("单位负责人：… 制表人：…", "2025年1月10日", a date typed as a date): it
 * ends the table. The only number such a line may hold is a date (a number shown with a date format).
 */
export function isFooterRow(scan: RowScan): boolean {
  // A number not shown as a date is neither a signature's nor a date line's: the tests below would refuse the row.
  if (scan.count === 0 || scan.count > 6 || scan.plainNumber) return false;
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
  if (scan.count === 0) return false;
  if (scan.hasNumeric) return false;
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
function isColumnTotalLabel(dataLabels: readonly ScanCell[], cellCount: number): boolean {
  return dataLabels.length === 1 && cellCount - 1 >= 3 && /^本年(收入|支出)合计$/.test(normaliseLabel(dataLabels[0].text));
}
