/**
 * Variants of a fixture workbook, derived inside tests (no hand-edited binaries). Every transformation is pure: it
 * returns a new GridWorkbook and leaves its input untouched, so variants compose:
 *   stackOnOneSheet(splitCodes(amountsAsText(wb), "支出总表"))
 * Cells that move (inserted rows/columns, stacking) carry their values, formulas, number formats and merges with
 * them, and formula references are rewritten as Excel would.
 */
import type { CellRange } from "../../src/core/address";
import { columnIndex, parseA1, rangesIntersect, toA1 } from "../../src/core/address";
import type { CellValue, GridSheet, GridWorkbook } from "../../src/core/grid";
import { sheetColCount, sheetRowCount } from "../../src/core/grid";
import { amountOrZero, decimalFromNumber, Decimal, parseAmount } from "../../src/core/money";
import { recogniseSheet } from "../../src/core/recognise";
import { amountCellsOf } from "../../src/core/rules/cell-rules";
import { rewriteFormulaRefs, type FormulaRef, type RefTarget } from "./formula-refs";

export { loadFixture, FIXTURE_NAMES, type FixtureName } from "./fixtures";

type Grid2D<T> = (T | null | undefined)[][];

function clone(wb: GridWorkbook): GridWorkbook {
  return structuredClone(wb);
}

export function getSheet(wb: GridWorkbook, name: string): GridSheet {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`No sheet "${name}" (have: ${wb.sheets.map((x) => x.name).join(", ")})`);
  return s;
}

function setCell<T>(grid: Grid2D<T>, row: number, col: number, v: T | null): void {
  (grid[row] ??= [])[col] = v;
}

function growUsedArea(sheet: GridSheet, row: number, col: number): void {
  if (sheet.rowCount !== undefined && row + 1 > sheet.rowCount) sheet.rowCount = row + 1;
  if (sheet.colCount !== undefined && col + 1 > sheet.colCount) sheet.colCount = col + 1;
}

/** Rewrites every formula of the workbook through `map` (each formula knows its own sheet). */
function rewriteAllFormulas(wb: GridWorkbook, map: (ref: FormulaRef, formulaSheet: string) => RefTarget): void {
  for (const s of wb.sheets) {
    s.formulas?.forEach((row) => {
      if (!row) return;
      row.forEach((f, c) => {
        if (f) row[c] = rewriteFormulaRefs(f, s.name, (ref) => map(ref, s.name));
      });
    });
  }
}

/** Keeps a reference's written form: qualified stays qualified (with the sheet's possibly new name). */
function target(ref: FormulaRef, row: number, col: number, sheet = ref.sheet): RefTarget {
  return { sheet: ref.qualified ? sheet : null, row, col };
}

// ---------------------------------------------------------------------------------------------------------------
// Amount cells

/** Default notion of an amount cell: a number shown with an amount format (#,##0.00, 0.00 …), not a formula. */
export function isAmountCell(sheet: GridSheet, row: number, col: number): boolean {
  const v = sheet.values[row]?.[col];
  if (typeof v !== "number") return false;
  if (sheet.formulas?.[row]?.[col]) return false;
  const fmt = sheet.numberFormats?.[row]?.[col];
  return Boolean(fmt && /#,##0|0\.0/.test(fmt));
}

/** The amount as an accountant would type it: at least 2 decimals, all of them if it has more. */
export function amountText(value: number, options: { thousands?: boolean } = {}): string {
  const d = decimalFromNumber(value);
  let s = d.toFixed(Math.max(2, d.decimalPlaces()));
  if (options.thousands) {
    const [int, frac] = s.split(".");
    const sign = int.startsWith("-") ? "-" : "";
    const digits = sign ? int.slice(1) : int;
    s = `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${frac !== undefined ? `.${frac}` : ""}`;
  }
  return s;
}

export interface AmountTextOptions {
  thousands?: boolean;
  /** Which cells count as amounts; defaults to isAmountCell. */
  isAmount?: (sheet: GridSheet, row: number, col: number) => boolean;
}

function mapAmounts(
  wb: GridWorkbook,
  isAmount: (sheet: GridSheet, row: number, col: number) => boolean,
  toText: (v: number) => string,
): GridWorkbook {
  const out = clone(wb);
  for (const s of out.sheets) {
    s.values.forEach((row, r) => {
      if (!row) return;
      row.forEach((v, c) => {
        if (typeof v !== "number" || !isAmount(s, r, c)) return;
        row[c] = toText(v);
        // A number typed as text normally sits in a cell formatted as Text.
        s.numberFormats ??= [];
        setCell(s.numberFormats, r, c, "@");
      });
    });
  }
  return out;
}

/** Every numeric amount cell becomes text: "1234.56", or "1,234.56" with `thousands`. */
export function amountsAsText(wb: GridWorkbook, options: AmountTextOptions = {}): GridWorkbook {
  return mapAmounts(wb, options.isAmount ?? isAmountCell, (v) => amountText(v, options));
}

const FULL_WIDTH: Record<string, string> = { ",": "，", ".": "．", "-": "－" };

/** Every numeric amount cell becomes text typed with full-width digits: "１２３４.５６" (`punctuation`: "１２３４．５６"). */
export function fullWidthDigits(
  wb: GridWorkbook,
  options: AmountTextOptions & { punctuation?: boolean } = {},
): GridWorkbook {
  return mapAmounts(wb, options.isAmount ?? isAmountCell, (v) =>
    [...amountText(v, options)]
      .map((ch) =>
        ch >= "0" && ch <= "9"
          ? String.fromCharCode(ch.charCodeAt(0) - 48 + 0xff10)
          : options.punctuation && FULL_WIDTH[ch]
            ? FULL_WIDTH[ch]
            : ch,
      )
      .join(""),
  );
}

/** One cell typed over (a number, a text, or null to clear it); any formula there is removed, as typing would. */
export function setAmount(wb: GridWorkbook, sheet: string, address: string, value: CellValue): GridWorkbook {
  const out = clone(wb);
  const s = getSheet(out, sheet);
  const { row, col } = parseA1(address);
  setCell(s.values, row, col, value);
  if (s.formulas?.[row]?.[col]) s.formulas[row][col] = null;
  growUsedArea(s, row, col);
  return out;
}

/** The value at an A1 address of a sheet (null when empty). */
export function valueAt(wb: GridWorkbook, sheet: string, address: string): CellValue {
  const { row, col } = parseA1(address);
  return getSheet(wb, sheet).values[row]?.[col] ?? null;
}

/**
 * The total at `address` becomes =SUM(...) of `summed` (same sheet), cached with the exact sum of their values.
 * Contiguous cells in one column or row are written as a range (SUM(D7:D9)), others listed (SUM(D7,D9,D12)).
 */
export function sumFormulas(wb: GridWorkbook, sheet: string, address: string, summed: string[]): GridWorkbook {
  if (summed.length === 0) throw new Error("sumFormulas: nothing to sum");
  const out = clone(wb);
  const s = getSheet(out, sheet);
  const target = parseA1(address);
  const refs = summed.map(parseA1);
  let total = new Decimal(0);
  for (const r of refs) total = total.plus(amountOrZero(parseAmount(s.values[r.row]?.[r.col] ?? null)));
  setCell(s.values, target.row, target.col, Number(total.toString()));
  s.formulas ??= [];
  setCell(s.formulas, target.row, target.col, `SUM(${sumArguments(refs)})`);
  growUsedArea(s, target.row, target.col);
  return out;
}

function sumArguments(refs: { row: number; col: number }[]): string {
  const sameCol = refs.every((r) => r.col === refs[0].col);
  const sameRow = refs.every((r) => r.row === refs[0].row);
  const sorted = [...refs].sort((a, b) => a.row - b.row || a.col - b.col);
  const contiguous = sorted.every(
    (r, i) => i === 0 || (sameCol ? r.row === sorted[i - 1].row + 1 : sameRow && r.col === sorted[i - 1].col + 1),
  );
  if (refs.length > 1 && (sameCol || sameRow) && contiguous) {
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    return `${toA1(first.row, first.col)}:${toA1(last.row, last.col)}`;
  }
  return refs.map((r) => toA1(r.row, r.col)).join(",");
}

// ---------------------------------------------------------------------------------------------------------------
// Structure: rows, columns, sheets

function emptyRow(width: number): CellValue[] {
  return new Array<CellValue>(width).fill(null);
}

/** Inserts `count` empty rows before row `at` of one sheet (in place, on a clone). Formulas are not rewritten here. */
function insertRowsInSheet(s: GridSheet, at: number, count: number): void {
  const width = sheetColCount(s);
  const rows = sheetRowCount(s);
  if (at < s.values.length) s.values.splice(at, 0, ...Array.from({ length: count }, () => emptyRow(width)));
  for (const g of [s.formulas, s.texts, s.numberFormats]) {
    if (g && at < g.length) g.splice(at, 0, ...Array.from({ length: count }, () => []));
  }
  s.merges = s.merges.map((m) => {
    if (m.top >= at) return { ...m, top: m.top + count, bottom: m.bottom + count };
    if (m.bottom >= at) return { ...m, bottom: m.bottom + count };
    return m;
  });
  if (s.rowCount !== undefined && at < rows) s.rowCount = rows + count;
}

/** Inserts `count` empty columns before column `at` of one sheet (in place, on a clone). */
function insertColumnsInSheet(s: GridSheet, at: number, count: number): void {
  const cols = sheetColCount(s);
  const fill = <T>(row: (T | null | undefined)[] | undefined, v: T | null) => {
    if (row && at < row.length) row.splice(at, 0, ...new Array<T | null>(count).fill(v));
  };
  s.values.forEach((row) => fill(row, null));
  for (const g of [s.formulas, s.texts, s.numberFormats]) g?.forEach((row) => fill(row, undefined));
  s.merges = s.merges.map((m) => {
    if (m.left >= at) return { ...m, left: m.left + count, right: m.right + count };
    if (m.right >= at) return { ...m, right: m.right + count };
    return m;
  });
  if (s.colCount !== undefined && at < cols) s.colCount = cols + count;
}

function insertRows(wb: GridWorkbook, sheet: string, at: number, count: number): void {
  insertRowsInSheet(getSheet(wb, sheet), at, count);
  rewriteAllFormulas(wb, (ref) =>
    ref.sheet === sheet && ref.row >= at ? target(ref, ref.row + count, ref.col) : target(ref, ref.row, ref.col),
  );
}

function insertColumns(wb: GridWorkbook, sheet: string, at: number, count: number): void {
  insertColumnsInSheet(getSheet(wb, sheet), at, count);
  rewriteAllFormulas(wb, (ref) =>
    ref.sheet === sheet && ref.col >= at ? target(ref, ref.row, ref.col + count) : target(ref, ref.row, ref.col),
  );
}

/** An empty row inserted before 0-based `rowIndex`; everything below moves down one (merges spanning it grow). */
export function insertBlankRow(wb: GridWorkbook, sheet: string, rowIndex: number): GridWorkbook {
  const out = clone(wb);
  insertRows(out, sheet, rowIndex, 1);
  return out;
}

/** `count` empty columns inserted before 0-based `colIndex`; everything right of it moves along (merges spanning it grow). */
export function insertBlankColumns(wb: GridWorkbook, sheet: string, colIndex: number, count = 1): GridWorkbook {
  const out = clone(wb);
  insertColumns(out, sheet, colIndex, count);
  return out;
}

/** Sheets renamed by position: Sheet1, Sheet2, … (formulas referring to them follow). */
export function deleteSheet(wb: GridWorkbook, name: string): GridWorkbook {
  getSheet(wb, name);
  const out = clone(wb);
  out.sheets = out.sheets.filter((s) => s.name !== name);
  return out;
}

/** A copy of a sheet under a new name, appended (as when a user copies a sheet in Excel). */
export function duplicateSheet(wb: GridWorkbook, name: string, newName: string): GridWorkbook {
  const out = clone(wb);
  out.sheets.push({ ...structuredClone(getSheet(out, name)), name: newName });
  return out;
}

export function renameSheets(wb: GridWorkbook, prefix = "Sheet"): GridWorkbook {
  const out = clone(wb);
  const names = new Map(out.sheets.map((s, i) => [s.name, `${prefix}${i + 1}`]));
  rewriteAllFormulas(out, (ref) => target(ref, ref.row, ref.col, names.get(ref.sheet) ?? ref.sheet));
  for (const s of out.sheets) s.name = names.get(s.name) ?? s.name;
  return out;
}

/** Deterministic PRNG (mulberry32), so a seed reproduces a shuffle. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sheet order shuffled by `seed`; never the original order when there are two sheets or more. */
export function shuffleSheets(wb: GridWorkbook, seed: number): GridWorkbook {
  const out = clone(wb);
  const order = out.sheets.map((_, i) => i);
  const rand = mulberry32(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  if (order.length > 1 && order.every((v, i) => v === i)) order.push(order.shift() as number);
  out.sheets = order.map((i) => out.sheets[i]);
  return out;
}

export interface StackOptions {
  /** Name of the one sheet; default 全部. */
  name?: string;
  /** Blank rows between tables; default 2. */
  gap?: number;
}

/** Where each original sheet starts on the stacked sheet (0-based row offset), in workbook order. */
export function stackLayout(wb: GridWorkbook, options: StackOptions = {}): Map<string, number> {
  const gap = options.gap ?? 2;
  const offsets = new Map<string, number>();
  let offset = 0;
  for (const s of wb.sheets) {
    offsets.set(s.name, offset);
    offset += sheetRowCount(s) + gap;
  }
  return offsets;
}

/** The address a cell of `sheet` has after stackOnOneSheet. */
export function stackedAddress(wb: GridWorkbook, sheet: string, address: string, options: StackOptions = {}) {
  const offset = stackLayout(wb, options).get(sheet);
  if (offset === undefined) throw new Error(`No sheet "${sheet}"`);
  const { row, col } = parseA1(address);
  return { sheet: options.name ?? "全部", address: toA1(row + offset, col) };
}

/** All sheets one below another on one sheet (default 全部), `gap` blank rows between, merges and formulas moved. */
export function stackOnOneSheet(wb: GridWorkbook, options: StackOptions = {}): GridWorkbook {
  const name = options.name ?? "全部";
  const src = clone(wb);
  const offsets = stackLayout(src, options);
  const rowTotal = src.sheets.reduce((n, s, i) => n + sheetRowCount(s) + (i > 0 ? (options.gap ?? 2) : 0), 0);
  const width = Math.max(0, ...src.sheets.map(sheetColCount));
  // Formulas first, while each still knows its own sheet.
  rewriteAllFormulas(src, (ref) => ({ sheet: null, row: ref.row + (offsets.get(ref.sheet) ?? 0), col: ref.col }));

  const values: CellValue[][] = Array.from({ length: rowTotal }, () => emptyRow(width));
  const formulas: Grid2D<string> = [];
  const texts: Grid2D<string> = [];
  const numberFormats: Grid2D<string> = [];
  const merges: CellRange[] = [];
  for (const s of src.sheets) {
    const off = offsets.get(s.name) ?? 0;
    const rows = sheetRowCount(s);
    for (let r = 0; r < rows; r++) {
      s.values[r]?.forEach((v, c) => (values[r + off][c] = v ?? null));
      if (s.formulas?.[r]) formulas[r + off] = [...s.formulas[r]];
      if (s.texts?.[r]) texts[r + off] = [...s.texts[r]];
      if (s.numberFormats?.[r]) numberFormats[r + off] = [...s.numberFormats[r]];
    }
    for (const m of s.merges) merges.push({ ...m, top: m.top + off, bottom: m.bottom + off });
  }
  const sheet: GridSheet = { name, values, merges, rowCount: rowTotal, colCount: width };
  if (src.sheets.some((s) => s.formulas)) sheet.formulas = formulas;
  if (src.sheets.some((s) => s.texts)) sheet.texts = texts;
  if (src.sheets.some((s) => s.numberFormats)) sheet.numberFormats = numberFormats;
  return { name: src.name, sheets: [sheet] };
}

// ---------------------------------------------------------------------------------------------------------------
// Codes split into 类 / 款 / 项

/** 类 / 款 / 项 function (2xx) or economic (3xx, 5xx) codes; unit codes such as 027 start with 0 and are not codes. */
const CODE = /^[1-9]\d{2}(\d{2}){0,2}$/;
/** Words of total and 栏次 rows, which sit between a header and the first code but are not the header. */
const NOT_HEADER = /合计|总计|小计|栏次/;

function codeText(v: CellValue | undefined): string | null {
  if (typeof v === "string") {
    const t = v.trim();
    return CODE.test(t) ? t : null;
  }
  return null;
}

/** The column holding the most 3/5/7-digit codes (as text), or -1. */
export function codeColumn(sheet: GridSheet): number {
  const counts: number[] = [];
  sheet.values.forEach((row) => row?.forEach((v, c) => codeText(v) && (counts[c] = (counts[c] ?? 0) + 1)));
  let best = -1;
  counts.forEach((n, c) => {
    if (n && (best < 0 || n > counts[best])) best = c;
  });
  return best;
}

/** True when the code column is followed by 款 digits ("01"), i.e. the codes are split already. */
function codesAlreadySplit(sheet: GridSheet, c: number): boolean {
  return sheet.values.some((row) => codeText(row?.[c]) !== null && /^\d{2}$/.test(String(row?.[c + 1] ?? "").trim()));
}

function mergeAt(sheet: GridSheet, row: number, col: number): CellRange | undefined {
  return sheet.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

function cellAt(sheet: GridSheet, row: number, col: number): CellValue {
  return sheet.values[row]?.[col] ?? null;
}

/**
 * A single code column (2080505) becomes three columns 类 / 款 / 项 ("208", "05", "05") under a 科目编码 header merged
 * across them, as in the Henan layout. Two columns are inserted right of the code column; everything to their right
 * (values, formulas, formats, merges, 栏次 numbers) moves along. When the code header is one row high, a header row
 * is added below it for 类/款/项 and the other header cells of that row are merged down over it.
 */
export function splitCodes(wb: GridWorkbook, sheet: string, column?: string): GridWorkbook {
  const out = clone(wb);
  let s = getSheet(out, sheet);
  const c = column !== undefined ? columnIndex(column) : codeColumn(s);
  if (c < 0) throw new Error(`splitCodes: no code column on "${sheet}"`);
  if (codesAlreadySplit(s, c)) throw new Error(`splitCodes: codes on "${sheet}" are already split`);
  const firstCodeRow = s.values.findIndex((row) => codeText(row?.[c]) !== null);

  // The header cell of the code column: nearest text above the first code (skipping a 栏次 row of numbers).
  let headerRow = -1;
  for (let r = firstCodeRow - 1; r >= 0; r--) {
    const m = mergeAt(s, r, c);
    const v = m ? cellAt(s, m.top, m.left) : cellAt(s, r, c);
    // Unit-code rows (027, 027001) may also sit between the header and the first code.
    if (typeof v === "string" && v.trim() !== "" && !NOT_HEADER.test(v) && !/^\d+$/.test(v.trim())) {
      if (/^[类款项]$/.test(v.trim())) throw new Error(`splitCodes: codes on "${sheet}" are already split`);
      headerRow = r;
      break;
    }
  }
  if (headerRow < 0) throw new Error(`splitCodes: no header above the codes on "${sheet}"`);

  insertColumns(out, sheet, c + 1, 2);
  s = getSheet(out, sheet);

  const area = mergeAt(s, headerRow, c) ?? { top: headerRow, left: c, bottom: headerRow, right: c };
  const headerText = cellAt(s, area.top, area.left);
  let subRow: number;
  if (area.bottom > area.top) {
    // A tall header: its upper rows keep 科目编码 across the three columns, its last row takes 类/款/项.
    subRow = area.bottom;
  } else {
    subRow = area.bottom + 1;
    insertRows(out, sheet, subRow, 1);
    s = getSheet(out, sheet);
    // Header cells ending on the code header's row now reach down over the new row.
    const width = sheetColCount(s);
    s.merges = s.merges.map((m) => (m.bottom === area.bottom && !sameRange(m, area) ? { ...m, bottom: subRow } : m));
    for (let col = 0; col < width; col++) {
      if (col >= c && col <= c + 2) continue;
      const v = cellAt(s, area.bottom, col);
      if (v !== null && !mergeAt(s, area.bottom, col))
        s.merges.push({ top: area.bottom, left: col, bottom: subRow, right: col });
    }
  }
  // Header cells above 科目编码 that covered only the code column (功能分类科目 in B3 alone) now span all three.
  for (let r = area.top - 1; r >= 0; r--) {
    const m = mergeAt(s, r, c);
    if (m) {
      if (m.right === c) s.merges = s.merges.map((x) => (x === m ? { ...x, right: c + 2 } : x));
    } else if (cellAt(s, r, c) !== null) {
      s.merges.push({ top: r, left: c, bottom: r, right: c + 2 });
    }
  }
  s.merges = s.merges.filter((m) => !sameRange(m, area));
  const codeHeader: CellRange = { top: area.top, left: c, bottom: subRow - 1, right: Math.max(c + 2, area.right) };
  if (!s.merges.some((m) => rangesIntersect(m, codeHeader))) s.merges.push(codeHeader);
  s.values[area.top][c] = headerText;
  ["类", "款", "项"].forEach((t, i) => (s.values[subRow][c + i] = t));

  // Data rows: split each code; renumber a 栏次 row so its numbers stay consecutive.
  const rows = sheetRowCount(s);
  for (let r = subRow + 1; r < rows; r++) {
    const row = s.values[r];
    if (!row) continue;
    const code = codeText(row[c]);
    if (code) {
      row[c] = code.slice(0, 3);
      row[c + 1] = code.length >= 5 ? code.slice(3, 5) : null;
      row[c + 2] = code.length >= 7 ? code.slice(5, 7) : null;
      continue;
    }
    const k = row[c];
    if (typeof k === "number" && Number.isInteger(k) && row[c + 3] === k + 1) {
      row[c + 1] = k + 1;
      row[c + 2] = k + 2;
      for (let x = c + 3; x < row.length; x++) {
        const v = row[x];
        if (typeof v === "number") row[x] = v + 2;
      }
    }
  }
  return out;
}

function sameRange(a: CellRange, b: CellRange): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

// ---------------------------------------------------------------------------------------------------------------
// Code and name in one cell

/** Removes column `at` of one sheet (in place, on a clone); merges shrink, 1×1 leftovers are dropped. */
function deleteColumnInSheet(s: GridSheet, at: number): void {
  const cols = sheetColCount(s);
  s.values.forEach((row) => row && at < row.length && row.splice(at, 1));
  for (const g of [s.formulas, s.texts, s.numberFormats])
    g?.forEach((row) => row && at < row.length && row.splice(at, 1));
  s.merges = s.merges
    .filter((m) => !(m.left === at && m.right === at))
    .map((m) =>
      m.left > at ? { ...m, left: m.left - 1, right: m.right - 1 } : m.right >= at ? { ...m, right: m.right - 1 } : m,
    )
    .filter((m) => m.top !== m.bottom || m.left !== m.right);
  if (s.colCount !== undefined && at < cols) s.colCount = cols - 1;
}

export interface CodeAndNameOptions {
  /** Header text of the joined column; default 科目编码及名称. */
  header?: string;
}

/**
 * The code column and the name column right of it become one column of "2080505 行政单位离退休" (spec §1: "code
 * name" in one cell). The name column is removed; columns to its right move left; a 栏次 row is renumbered.
 */
export function codeAndNameInOneCell(wb: GridWorkbook, sheet: string, options: CodeAndNameOptions = {}): GridWorkbook {
  const out = clone(wb);
  const s = getSheet(out, sheet);
  const c = codeColumn(s);
  if (c < 0) throw new Error(`codeAndNameInOneCell: no code column on "${sheet}"`);
  if (codesAlreadySplit(s, c)) throw new Error(`codeAndNameInOneCell: codes on "${sheet}" are split into 类/款/项`);
  const n = c + 1;
  const firstCodeRow = s.values.findIndex((row) => codeText(row?.[c]) !== null);
  const rows = sheetRowCount(s);
  let headerSet = false;
  for (let r = firstCodeRow - 1; r >= 0 && !headerSet; r--) {
    const code = cellAt(s, r, c);
    const name = cellAt(s, r, n);
    if (typeof code === "string" && typeof name === "string" && !mergeAt(s, r, c) && !mergeAt(s, r, n)) {
      s.values[r][c] = options.header ?? "科目编码及名称";
      headerSet = true;
    }
  }
  for (let r = 0; r < rows; r++) {
    const row = s.values[r];
    if (!row) continue;
    const code = codeText(row[c]);
    const name = row[n];
    if (code) row[c] = typeof name === "string" && name.trim() ? `${code} ${name.trim()}` : code;
    else if (r >= firstCodeRow && row[c] === null && name !== null) row[c] = name;
    else if (typeof row[c] === "number" && row[n] === (row[c] as number) + 1) {
      for (let x = n + 1; x < row.length; x++) {
        const v = row[x];
        if (typeof v === "number") row[x] = v - 1;
      }
    }
  }
  deleteColumnInSheet(s, n);
  rewriteAllFormulas(out, (ref) =>
    ref.sheet === sheet && ref.col > n ? target(ref, ref.row, ref.col - 1) : target(ref, ref.row, ref.col),
  );
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Units of measure and displayed precision

/**
 * Every amount of one sheet multiplied by `factor` (exactly: 24.79 × 10,000 = 247900), as when a table is filled in
 * 元 instead of 万元; with `unitLine`, the sheet's "单位：…" cell is rewritten too ("单位：元").
 */
export function scaleSheet(wb: GridWorkbook, sheet: string, factor: number, unitLine?: string): GridWorkbook {
  const out = clone(wb);
  const s = getSheet(out, sheet);
  s.values.forEach((row, r) => {
    row?.forEach((v, c) => {
      if (typeof v === "number" && isAmountCell(s, r, c)) row[c] = decimalFromNumber(v).times(factor).toNumber();
      else if (unitLine !== undefined && typeof v === "string" && /单位\s*[:：]\s*(万元|千元|元|万)\s*$/.test(v)) row[c] = unitLine;
    });
  });
  return out;
}

/**
 * Every amount the checker reads in the sheet's recognised tables (not 序号 or 栏次 numbers) multiplied by `factor`,
 * rounded to cents: scaleSheet goes by the cells' amount formats, this by recognition, for fixtures in General format.
 */
export function scaleAmounts(wb: GridWorkbook, sheet: string, factor: number): GridWorkbook {
  const out = clone(wb);
  const s = getSheet(out, sheet);
  for (const t of recogniseSheet(s)) {
    for (const { row, col } of amountCellsOf(t)) {
      const v = s.values[row]?.[col];
      if (typeof v === "number") s.values[row][col] = Math.round(v * factor * 100) / 100;
    }
  }
  return out;
}

/** Every amount cell of one sheet shown with `format` ("#,##0" for whole 元). */
export function formatAmounts(wb: GridWorkbook, sheet: string, format: string): GridWorkbook {
  const out = clone(wb);
  const s = getSheet(out, sheet);
  s.values.forEach((row, r) => {
    row?.forEach((v, c) => {
      if (typeof v === "number" && isAmountCell(s, r, c)) setCell((s.numberFormats ??= []), r, c, format);
    });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Things accountants put around a table

/** Where a sheet's table sits, from its merged title and its cells: header row, last row and last column. */
export interface TableFrame {
  /** 0-based row of the first header row (the row after the title and the unit line). */
  headerRow: number;
  /** 0-based rows of the body (first to last row holding content below the header). */
  firstBodyRow: number;
  lastRow: number;
  right: number;
}

/**
 * The frame of a fixture sheet laid out as test/fixtures/README.md says: title in row 1, unit line in row 2, header
 * from row 3 down to its last merged or labelled row, then the body. Content only, no recognition involved.
 */
export function tableFrame(sheet: GridSheet): TableFrame {
  const rows = sheetRowCount(sheet);
  let right = 0;
  let lastRow = 0;
  for (let r = 0; r < rows; r++)
    sheet.values[r]?.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== "") {
        if (r >= 2 && c > right) right = c;
        lastRow = r;
      }
    });
  for (const m of sheet.merges) if (m.top >= 2 && m.right > right) right = m.right;
  // The header ends at the bottom of the merges starting in row 3 (or row 3 itself), plus a 栏次 row of 1, 2, 3 ….
  let headerBottom = 2;
  for (const m of sheet.merges) if (m.top >= 2 && m.top <= headerBottom && m.bottom > headerBottom) headerBottom = m.bottom;
  // The body starts at the first row holding an amount or a code (header rows without merges hold neither).
  let firstBodyRow = lastRow + 1;
  for (let r = headerBottom + 1; r <= lastRow; r++) {
    const row = sheet.values[r] ?? [];
    if (row.some((v, c) => isAmountCell(sheet, r, c) || codeText(v) !== null)) {
      firstBodyRow = r;
      break;
    }
  }
  return { headerRow: 2, firstBodyRow, lastRow, right };
}

/**
 * Every sheet's table gets a column `gap` blank columns right of it: `header` on its first header row (or the one
 * `headerOffset` rows below, when that row is still above the body and not its 栏次 row), `fill` per body row, and
 * `lanci` (when given) on the 栏次 row (the row of 1, 2, 3 … under the header) where the table has one.
 */
export function columnBeside(
  wb: GridWorkbook,
  gap: number,
  header: string | null,
  fill: (row: number, index: number) => CellValue,
  options: { format?: string; sheets?: string[]; headerOffset?: number; lanci?: CellValue } = {},
): GridWorkbook {
  const out = clone(wb);
  for (const s of out.sheets) {
    if (options.sheets && !options.sheets.includes(s.name)) continue;
    const f = tableFrame(s);
    const col = f.right + 1 + gap;
    const lanci = lanciRow(s, f);
    const wanted = f.headerRow + (options.headerOffset ?? 0);
    const headerRow = wanted < f.firstBodyRow && wanted !== lanci ? wanted : f.headerRow;
    if (header !== null) setCell(s.values, headerRow, col, header);
    if (options.lanci !== undefined && lanci !== null) setCell(s.values, lanci, col, options.lanci);
    for (let r = f.firstBodyRow, i = 0; r <= f.lastRow; r++, i++) {
      const v = fill(r, i);
      if (v === null) continue;
      setCell(s.values, r, col, v);
      if (options.format) setCell((s.numberFormats ??= []), r, col, options.format);
    }
    growUsedArea(s, f.lastRow, col);
  }
  return out;
}

/** Rows of a table's frame a stray value can be typed on. */
export type FrameRow = "title" | "unit line" | "first header row" | "last header row" | "first body row";

/**
 * Every sheet gets one value `gap` blank columns right of its table on the given row of its frame: a word typed after
 * the title, a figure or a 1 noted beside a header row, a check number beside the body.
 */
export function strayBeside(wb: GridWorkbook, gap: number, on: FrameRow, value: CellValue): GridWorkbook {
  const out = clone(wb);
  for (const s of out.sheets) {
    const f = tableFrame(s);
    const row = { title: 0, "unit line": 1, "first header row": f.headerRow, "last header row": f.firstBodyRow - 1, "first body row": f.firstBodyRow }[on];
    const col = f.right + 1 + gap;
    setCell(s.values, row, col, value);
    growUsedArea(s, row, col);
  }
  return out;
}

/**
 * Every sheet's first cell in its top three rows matching `re` (its unit line, 编制单位, 预算年度) moved along its row
 * (or to row `onRow`) to `gap` blank columns right of the table (and of the merges), its own merge dropped: typed at
 * the far right.
 */
export function metaBeside(wb: GridWorkbook, re: RegExp, gap = 1, onRow?: number): GridWorkbook {
  const out = clone(wb);
  for (const s of out.sheets) {
    const f = tableFrame(s);
    const right = Math.max(f.right, ...s.merges.map((m) => m.right));
    found: for (let r = 0; r < 3; r++) {
      const row = s.values[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== "string" || !re.test(v)) continue;
        row[c] = null;
        s.merges = s.merges.filter((m) => !(m.top === r && m.left === c));
        setCell(s.values, onRow ?? r, right + 1 + gap, v);
        growUsedArea(s, onRow ?? r, right + 1 + gap);
        break found;
      }
    }
  }
  return out;
}

/** The row between the header and the body numbering the columns 1, 2, 3 … (content only), or null. */
function lanciRow(sheet: GridSheet, f: TableFrame): number | null {
  for (let r = f.headerRow + 1; r < f.firstBodyRow; r++) {
    const numbers = (sheet.values[r] ?? []).filter((v): v is number => typeof v === "number");
    if (numbers.length >= 2 && numbers.every((n, i) => n === numbers[0] + i)) return r;
  }
  return null;
}

/** Every sheet gets `lines` written `gap` blank rows below its table (signature lines, a date, notes). */
export function linesBelow(wb: GridWorkbook, gap: number, lines: Array<Array<{ col: "first" | "last" | number; value: CellValue; format?: string }>>): GridWorkbook {
  const out = clone(wb);
  for (const s of out.sheets) {
    const f = tableFrame(s);
    lines.forEach((line, i) => {
      const r = f.lastRow + 1 + gap + i;
      for (const cell of line) {
        const c = cell.col === "first" ? 0 : cell.col === "last" ? f.right : cell.col;
        setCell(s.values, r, c, cell.value);
        if (cell.format) setCell((s.numberFormats ??= []), r, c, cell.format);
        growUsedArea(s, r, c);
      }
    });
  }
  return out;
}

/** Sheet `right` moved beside sheet `left` (after its last column and `gap` blank columns); `right` is removed. */
export function sideBySide(wb: GridWorkbook, left: string, right: string, gap = 1): GridWorkbook {
  const out = clone(wb);
  const a = getSheet(out, left);
  const b = getSheet(out, right);
  const offset = Math.max(sheetColCount(a), tableFrame(a).right + 1) + gap;
  rewriteAllFormulas(out, (ref) =>
    ref.sheet === right ? { sheet: ref.qualified ? left : null, row: ref.row, col: ref.col + offset } : target(ref, ref.row, ref.col),
  );
  const rows = sheetRowCount(b);
  for (let r = 0; r < rows; r++) {
    b.values[r]?.forEach((v, c) => {
      if (v !== null && v !== undefined) setCell(a.values, r, c + offset, v);
    });
    b.numberFormats?.[r]?.forEach((v, c) => v && setCell((a.numberFormats ??= []), r, c + offset, v));
    b.formulas?.[r]?.forEach((v, c) => v && setCell((a.formulas ??= []), r, c + offset, v));
  }
  for (const m of b.merges) a.merges.push({ ...m, left: m.left + offset, right: m.right + offset });
  growUsedArea(a, rows - 1, sheetColCount(b) + offset - 1);
  out.sheets = out.sheets.filter((s) => s.name !== right);
  return out;
}

/** The cached values of the given formula cells dropped (a file written by a script, never calculated by Excel). */
export function withoutCachedValues(wb: GridWorkbook, sheet: string, addresses: string[]): GridWorkbook {
  const out = clone(wb);
  const s = getSheet(out, sheet);
  for (const a of addresses) {
    const { row, col } = parseA1(a);
    if (!s.formulas?.[row]?.[col]) throw new Error(`withoutCachedValues: ${sheet}!${a} holds no formula`);
    setCell(s.values, row, col, null);
  }
  return out;
}

/** A formula written into a cell (text without "="), with or without a cached value. */
export function setFormula(wb: GridWorkbook, sheet: string, address: string, formula: string, cached: CellValue = null): GridWorkbook {
  const out = clone(wb);
  const s = getSheet(out, sheet);
  const { row, col } = parseA1(address);
  setCell((s.formulas ??= []), row, col, formula);
  setCell(s.values, row, col, cached);
  growUsedArea(s, row, col);
  return out;
}
