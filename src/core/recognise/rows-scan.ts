/** A light per-row scan of a sheet used by segmentation: texts, numbers, and what the row looks like. */
import { cellNumberFormat, isErrorValue, sheetColCount, sheetRowCount, type CellValue, type GridSheet } from "../grid";
import { isAmountText } from "../money";
import { normaliseLabel, smallChineseNumber } from "../text";
import { looksLikeTitle } from "./kinds";

export interface ScanCell {
  col: number;
  text: string;
  numeric: boolean;
  date?: boolean;
}

const HAS_NUMBER = 1;
const PLAIN_NUMBER = 2;
const HAS_NUMERIC = 4;
const FIRST_IS_NUMBER = 8;

/**
 * A sheet's rows as segmentation sees them. Each row's extent and kinds of content are read into typed arrays,
 * building nothing per cell or per row, and reading a row only up to its first number (and back from its end for
 * its last cell): a row's cells and distinct texts (RowScan) are built only when
 * a test needs them (header, title, meta and note candidates), since most rows of a large table are plain data rows
 * that these alone decide.
 */
export class SheetScan {
  /** First and last non-empty column per row (-1 for a blank row). */
  readonly firstCol: Int32Array;
  readonly lastCol: Int32Array;
  private readonly flags: Uint8Array;
  private readonly full = new Map<number, RowScan>();

  constructor(
    readonly sheet: GridSheet,
    readonly height: number,
    width: number,
  ) {
    this.firstCol = new Int32Array(height).fill(-1);
    this.lastCol = new Int32Array(height).fill(-1);
    this.flags = new Uint8Array(height);
    for (let row = 0; row < height; row++) {
      const r = sheet.values[row];
      if (r) this.scan(row, r, Math.min(r.length, width));
    }
  }

  private scan(row: number, r: CellValue[], n: number): void {
    let first = -1;
    let flags = 0;
    for (let c = 0; c < n; c++) {
      const v = r[c];
      if (v === undefined || v === null || v === "") continue;
      if (typeof v === "number") {
        if (first < 0) {
          first = c;
          flags |= FIRST_IS_NUMBER;
        }
        flags |= HAS_NUMBER | HAS_NUMERIC;
        // One number not shown as a date settles every flag: the rest of the row is not read.
        if (!isDateFormat(cellNumberFormat(this.sheet, row, c))) {
          flags |= PLAIN_NUMBER;
          break;
        }
      } else {
        const text = scanText(v);
        if (text === "") continue;
        if (first < 0) first = c;
        // Once the row is known numeric its other texts are not tested (numericCount counts them when asked).
        if (!(flags & HAS_NUMERIC) && isNumericText(v, text)) flags |= HAS_NUMERIC;
      }
    }
    if (first < 0) return;
    let last = n - 1;
    while (last > first && isBlank(r[last])) last--;
    this.firstCol[row] = first;
    this.lastCol[row] = last;
    this.flags[row] = flags;
  }

  /** The row has no non-empty cell. */
  blank(row: number): boolean {
    return this.firstCol[row] < 0;
  }

  /** The row with its cells (built on first use). */
  at(row: number): RowScan {
    let scan = this.full.get(row);
    if (scan === undefined) {
      scan = new RowScan(this, row);
      this.full.set(row, scan);
    }
    return scan;
  }

  /** A cell of the row is numeric (a number, an error, an amount typed as text). */
  hasNumeric(row: number): boolean {
    return (this.flags[row] & HAS_NUMERIC) !== 0;
  }

  /** A cell of the row holds a number (typed, not text): no title line holds one. */
  hasNumber(row: number): boolean {
    return (this.flags[row] & HAS_NUMBER) !== 0;
  }

  /** A cell of the row holds a number not shown as a date: no footer line holds one. */
  plainNumber(row: number): boolean {
    return (this.flags[row] & PLAIN_NUMBER) !== 0;
  }

  /** The row's first non-empty cell holds a number (typed). */
  firstIsNumber(row: number): boolean {
    return (this.flags[row] & FIRST_IS_NUMBER) !== 0;
  }

  /** The first non-empty cell's text. */
  firstText(row: number): string {
    const col = this.firstCol[row];
    const v = col >= 0 ? this.sheet.values[row][col] : null;
    return v === null || v === undefined ? "" : typeof v === "number" ? String(v) : scanText(v);
  }

  /** Whether the row's `distinct.join("|")` equals `key`, compared text by text so a data row stops at its first cell. */
  distinctIs(row: number, key: string): boolean {
    const built = this.full.get(row);
    if (built !== undefined) return built.distinct.join("|") === key;
    const r = this.sheet.values[row];
    if (!r) return key === "";
    let at = 0;
    let previous: string | undefined;
    const first = this.firstCol[row];
    const last = this.lastCol[row];
    for (let c = first; c >= 0 && c <= last; c++) {
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
}

/** A row with its cells, for the tests of rows that may be titles, headers, meta lines, notes or footers. */
export class RowScan {
  private cellList: ScanCell[] | undefined;
  private distinctList: string[] | undefined;
  private numerics: number | undefined;

  constructor(
    private readonly scan: SheetScan,
    readonly row: number,
  ) {}

  /** Non-empty cells. */
  get count(): number {
    return this.scan.blank(this.row) ? 0 : this.cells.length;
  }

  get firstCol(): number {
    return this.scan.firstCol[this.row];
  }

  get lastCol(): number {
    return this.scan.lastCol[this.row];
  }

  /** A cell is numeric; numericCount says how many. */
  get hasNumeric(): boolean {
    return this.scan.hasNumeric(this.row);
  }

  get hasNumber(): boolean {
    return this.scan.hasNumber(this.row);
  }

  get plainNumber(): boolean {
    return this.scan.plainNumber(this.row);
  }

  firstIsNumber(): boolean {
    return this.scan.firstIsNumber(this.row);
  }

  firstText(): string {
    return this.cellList !== undefined ? this.cellList[0]?.text ?? "" : this.scan.firstText(this.row);
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
      const r = this.scan.sheet.values[this.row];
      for (const cell of this.cells) {
        const t = distinctText(cell, r[cell.col]);
        if (distinct[distinct.length - 1] !== t) distinct.push(t);
      }
      this.distinctList = distinct;
    }
    return this.distinctList;
  }

  private readCells(): ScanCell[] {
    const cells: ScanCell[] = [];
    const sheet = this.scan.sheet;
    const r = sheet.values[this.row];
    if (!r) return cells;
    for (let c = this.firstCol; c >= 0 && c <= this.lastCol; c++) {
      const v = r[c];
      if (v === undefined || v === null || v === "") continue;
      const text = typeof v === "number" ? String(v) : scanText(v);
      if (text === "") continue;
      const numeric = typeof v === "number" || isNumericText(v, text);
      if (typeof v === "number" && isDateFormat(cellNumberFormat(sheet, this.row, c))) cells.push({ col: c, text, numeric, date: true });
      else cells.push({ col: c, text, numeric });
    }
    return cells;
  }
}

/** A cell the scan skips: nothing, or text that is only spaces. */
function isBlank(v: CellValue | undefined): boolean {
  return v === undefined || v === null || v === "" || (typeof v !== "number" && scanText(v) === "");
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

export function scanSheet(sheet: GridSheet, height = sheetRowCount(sheet), width = sheetColCount(sheet)): SheetScan {
  return new SheetScan(sheet, height, width);
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
  if (scan.hasNumber || scan.count === 0) return null;
  if (scan.hasNumeric && !scan.cells.every((c) => !c.numeric || /年/.test(c.text))) return null;
  const texts = [...new Set(scan.cells.map((c) => c.text.trim()))];
  const titles = texts.filter((t) => looksLikeTitle(t));
  if (titles.length !== 1) return null;
  // Beside the title: an annex number (附件1, 表一), or the table's unit or 编制单位 typed at the right of the title.
  const others = texts.filter((t) => t !== titles[0]);
  if (!others.every((t) => ANNEX.test(normaliseLabel(t)) || META.test(t))) return null;
  return titles[0].replace(/^\s*\[bookmark:[^\]]*\]\s*/, "").trim();
}

const META = /(单位[:：]|预算年度|年度[:：]|(部门|单位)名称[:：]|编制单位[:：]?|编制部门|金额单位|部门[:：])/;

/** A cell's text that states a meta line (单位：万元, 预算年度：2025, 编制单位：…). */
export function isMetaText(text: string): boolean {
  return META.test(text);
}

export function isMetaRow(scan: RowScan): boolean {
  if (scan.count === 0) return false;
  if (scan.cells.some((c) => META.test(c.text))) return scan.numericCount <= 1;
  return false;
}

export function isNoteRow(scan: RowScan): boolean {
  // A row starting with a number (a 序号) is counted numeric and starts with no note word.
  if (scan.count === 0 || scan.firstIsNumber()) return false;
  const first = normaliseLabel(scan.firstText());
  if (isNoteStart(first)) return true;
  // A statement typed alone in the body's first row ("本单位无此项", "本表无数据") ends the table like a note.
  return scan.count === 1 && !scan.hasNumeric && /无此项|(本|此)表无数据|空表/.test(first);
}

/** A first cell's normalised text that starts a note ("注：", "说明1", "空表列示"): the row is a note, whatever follows. */
export function isNoteStart(first: string): boolean {
  return /^(注|备注|说明|填报说明)[:：\d、.]/.test(first) || /^注[:：]?/.test(first) || /空表列示/.test(first);
}

const SIGNATURE = /(单位|部门)?负责人|制表人|填表人|审核人|复核人|经办人|编制人|主管会计|财务负责人|联系电话|制表日期|填报日期|编制日期|报送日期|^日期[:：]/;
const DATE_TEXT = /^\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?$|^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/;

/**
 * A signature or date line under a table ("单位负责人：… 制表人：…", "2025年1月10日", a date typed as a date): it
 * ends the table. The only number such a line may hold is a date (a number shown with a date format).
 */
export function isFooterRow(scan: RowScan): boolean {
  // A number not shown as a date is neither a signature's nor a date line's: the tests below would refuse the row.
  if (scan.plainNumber || scan.count === 0 || scan.count > 6) return false;
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
