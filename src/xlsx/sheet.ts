/**
 * One worksheet part, streamed, into a sparse GridSheet. Only cells that hold a value or a formula are stored; rows
 * and cells without `r=` take the next position, as Excel reads them; the used area is the extent of the stored cells
 * and merges (never `<dimension>` or formatted empty rows). The grid is made dense with nulls only when that costs at
 * most a small factor over the stored cells, so one value in XFD1048576 is one stored cell, not 17 billion.
 */
import type { CellRange } from "../core/address";
import type { CellValue, GridSheet } from "../core/grid";
import { toA1 } from "../core/address";
import { MAX_COLS, MAX_ROWS } from "./limits";
import { isTrue, type Ctx } from "./parts";
import { WorkbookReadError } from "./read-error";
import { shiftFormula } from "./shared-formula";
import { cellRefAt, INVALID_REF, plainNumberAt, rowNumberAt, SheetDataScanner, type CellSink } from "./sheet-data";
import { attr, FastPathUnsupported, isMain, parsePart, type BodyHandoff, type Tag } from "./xml";
import type { ZipEntry } from "./zip";

export interface SheetInputs {
  name: string;
  entry: ZipEntry;
  /** Number format of each style index. */
  formats: (string | null)[];
  /** Shared strings, loaded on first use: a sheet that never references one does not need the part. */
  sharedStrings: () => string[];
  date1904: boolean;
  /** Cells stored so far in the workbook, for the cell bound. */
  cellBudget: { used: number };
}

/** Where a cell value is being collected: `<v>`, `<f>`, or the `<t>` of an inline string (outside `<rPh>`). */
const enum Capture {
  None,
  V,
  F,
  InlineT,
}

/**
 * How `<sheetData>` is read: by the scanner made for it (src/xlsx/sheet-data.ts), which hands anything unusual back
 * to saxes, or by saxes alone. "saxes" is for the tests that compare the two.
 */
export type SheetDataPath = "fast" | "saxes";

export function readSheet(ctx: Ctx, input: SheetInputs, path: SheetDataPath = "fast"): GridSheet {
  if (path === "fast") {
    const budget = input.cellBudget.used;
    try {
      return readSheetOnce(ctx, input, true);
    } catch (e) {
      if (!(e instanceof FastPathUnsupported)) throw e;
      // Read again from the start by saxes alone, which reads what the scanner does not, or refuses it.
      input.cellBudget.used = budget;
    }
  }
  return readSheetOnce(ctx, input, false);
}

function readSheetOnce(ctx: Ctx, input: SheetInputs, fast: boolean): GridSheet {
  const where = `${input.entry.name}（${input.name}）`;
  const values: CellValue[][] = [];
  let formulas: (string | null | undefined)[][] | undefined;
  let numberFormats: (string | null | undefined)[][] | undefined;
  const merges: CellRange[] = [];
  const sharedMasters = new Map<string, { text: string; row: number; col: number }>();
  let rowCount = 0;
  let colCount = 0;
  let stored = 0;

  let inSheetData = false;
  let row = -1;
  let col = -1;
  // The cell being read.
  let type = "";
  let style = -1;
  let v: string | null = null;
  let f: string | null = null;
  let fType = "";
  let fSi: string | undefined;
  let fRef: string | undefined;
  let inline: string | null = null;
  /** The `<v>` of a number or shared-string cell read in place by the scanner (NaN when not). */
  let num = NaN;
  let inInline = false;
  let phonetic = 0;
  let capture = Capture.None;

  const fail = (reason: "broken-part" | "missing-part" | "too-large", detail: string, at: string): never => {
    throw new WorkbookReadError(ctx.file, reason, detail, at);
  };
  const cellWhere = () => `${input.name}!${toA1(row, col)}`;

  const finishCell = () => {
    let text = f;
    if (fType === "shared" && fSi !== undefined) {
      if (text && fRef !== undefined) sharedMasters.set(fSi, { text, row, col });
      else if (!text) {
        const m = sharedMasters.get(fSi);
        if (m) text = shiftFormula(m.text, row - m.row, col - m.col);
      }
    }
    if (text && text.startsWith("=")) text = text.slice(1);
    const value = cellValueOf();
    if (value === null && !text) return;
    if (++input.cellBudget.used > ctx.limits.maxCells)
      fail("too-large", `over ${ctx.limits.maxCells} cells`, `超过 ${ctx.limits.maxCells} 个单元格 / over ${ctx.limits.maxCells} cells`);
    stored++;
    const fmt = style >= 0 ? input.formats[style] : null;
    if (row !== rowBuffer.row) {
      flushRow();
      // A row met again (cells out of order) is written in place; a new one is gathered first.
      if (values[row] === undefined && numberFormats?.[row] === undefined) rowBuffer.row = row;
    }
    if (rowBuffer.row === row) rowBuffer.add(col, value, fmt);
    else {
      (values[row] ??= [])[col] = value;
      if (fmt) ((numberFormats ??= [])[row] ??= [])[col] = fmt;
    }
    if (text) ((formulas ??= [])[row] ??= [])[col] = text;
    if (row + 1 > rowCount) rowCount = row + 1;
    if (col + 1 > colCount) colCount = col + 1;
  };

  // The cells of the row being read, made into its arrays when the row is done: grown cell by cell, a row's arrays
  // kept room for more and were copied to their exact width at the end, and both copies lived through every
  // young-generation collection while the sheet was read.
  const rowBuffer = new RowBuffer();
  const flushRow = () => {
    const r = rowBuffer.row;
    if (r < 0) return;
    rowBuffer.row = -1;
    const made = rowBuffer.take();
    if (!made) return;
    values[r] = made.values;
    if (made.formats) (numberFormats ??= [])[r] = made.formats;
  };

  const cellValueOf = (): CellValue => {
    switch (type) {
      case "s": {
        if (num === num) return input.sharedStrings()[num];
        if (v === null || v.trim() === "") return null;
        const strings = input.sharedStrings();
        const i = Number(v);
        if (!Number.isInteger(i) || i < 0 || i >= strings.length)
          fail("broken-part", `shared string ${v} of ${strings.length}`, `${cellWhere()}：共享字符串 ${v.trim()} 不存在 / shared string ${v.trim()} does not exist`);
        return strings[i];
      }
      case "inlineStr":
        return inline ?? v;
      case "str":
        return v;
      case "b":
        return v === null ? null : isTrue(v.trim());
      case "e":
        return v === null ? null : { error: v.trim() };
      case "d":
        return v === null || v.trim() === "" ? null : isoToSerial(v.trim(), input.date1904) ?? fail("broken-part", `date ${v}`, `${cellWhere()}：日期 ${v.trim().slice(0, 40)} 无效 / invalid date`);
      default: {
        if (num === num) return num;
        if (v === null) return null;
        const t = v.trim();
        if (t === "") return null;
        const n = Number(t);
        // Excel refuses a non-numeric number cell; keep what is there as text so a finding can name it.
        return Number.isFinite(n) ? n : v;
      }
    }
  };

  // What both parsers report inside <sheetData>; saxes' handlers below map its tags onto these.
  const cells: CellSink = {
    row(r) {
      if (r >= 0) row = r;
      else {
        row++;
        if (row >= MAX_ROWS) fail("broken-part", "more than 1048576 rows", `${input.name}：超过 1048576 行 / more than 1048576 rows`);
      }
      col = -1;
    },
    cell(at, t, s) {
      if (at >= 0) {
        row = Math.floor(at / MAX_COLS);
        col = at % MAX_COLS;
      } else {
        col++;
        if (row < 0) row = 0;
        if (col >= MAX_COLS) fail("broken-part", "more than 16384 cells in a row", `${input.name}：第 ${row + 1} 行超过 16384 列 / row ${row + 1} has more than 16384 cells`);
      }
      type = t;
      style = s;
      v = f = inline = null;
      num = NaN;
      fType = "";
      fSi = fRef = undefined;
    },
    value() {
      capture = Capture.V;
      v ??= "";
    },
    formula(t, si, ref) {
      capture = Capture.F;
      f ??= "";
      fType = t ?? "";
      fSi = si;
      fRef = ref;
    },
    inline() {
      inInline = true;
      inline ??= "";
    },
    inlineText() {
      if (inInline && phonetic === 0) capture = Capture.InlineT;
    },
    text(text) {
      if (capture === Capture.None) return;
      if (text.length + (capture === Capture.V ? v! : capture === Capture.F ? f! : inline!).length > ctx.limits.maxStringLength)
        fail("too-large", `${cellWhere()}: text over ${ctx.limits.maxStringLength} characters`, `${cellWhere()}：超过 ${ctx.limits.maxStringLength} 个字符 / over ${ctx.limits.maxStringLength} characters`);
      switch (capture) {
        case Capture.V:
          v += text;
          return;
        case Capture.F:
          f += text;
          return;
        case Capture.InlineT:
          inline += text;
      }
    },
    valueAt(src, from, to) {
      if (capture !== Capture.V || v !== "" || num === num) return false;
      if (type === "" || type === "n") {
        num = plainNumberAt(src, from, to);
      } else if (type === "s") {
        // A shared string's index: whole, and one the table has (otherwise the text path names it in its refusal).
        const i = plainNumberAt(src, from, to);
        num = Number.isInteger(i) && i >= 0 && i < input.sharedStrings().length ? i : NaN;
      }
      return num === num;
    },
    endCapture() {
      capture = Capture.None;
    },
    endInline() {
      inInline = false;
    },
    endCell: finishCell,
  };

  const handoff: BodyHandoff | undefined = fast
    ? { element: "sheetData", start: (resolve) => new SheetDataScanner(cells, resolve, ctx.limits, ctx.file, where) }
    : undefined;

  parsePart(
    ctx.zip,
    input.entry,
    ctx.file,
    ctx.limits,
    where,
    {
      open(tag: Tag) {
        if (!isMain(tag)) return;
        switch (tag.local) {
          case "c":
            if (inSheetData) {
              const ref = tag.attributes.r?.value ?? attr(tag, "r");
              const at = ref === undefined || ref === "" ? -1 : cellRefAt(ref, 0, ref.length);
              if (at === INVALID_REF) fail("broken-part", `cell reference ${ref}`, `${input.name}：单元格地址 ${ref!.slice(0, 20)} 无效 / invalid cell reference`);
              const s = tag.attributes.s?.value;
              cells.cell(at, tag.attributes.t?.value ?? "", s === undefined ? -1 : Number(s));
            }
            return;
          case "v":
            if (inSheetData) cells.value();
            return;
          case "f":
            if (inSheetData) cells.formula(tag.attributes.t?.value, tag.attributes.si?.value, tag.attributes.ref?.value);
            return;
          case "is":
            if (inSheetData) cells.inline();
            return;
          case "rPh":
            phonetic++;
            return;
          case "t":
            cells.inlineText();
            return;
          case "row":
            if (inSheetData) {
              const r = tag.attributes.r?.value;
              const n = r === undefined || r === "" ? -1 : rowNumberAt(r, 0, r.length);
              if (n === INVALID_REF) fail("broken-part", `row ${r}`, `${input.name}：行号 ${r!.slice(0, 20)} 无效 / invalid row number`);
              cells.row(n);
            }
            return;
          case "sheetData":
            inSheetData = true;
            return;
          case "mergeCell": {
            const m = rangeOf(attr(tag, "ref") ?? "");
            if (m) {
              merges.push(m);
              if (m.bottom + 1 > rowCount) rowCount = m.bottom + 1;
              if (m.right + 1 > colCount) colCount = m.right + 1;
            }
            return;
          }
        }
      },
      text: cells.text,
      close(tag: Tag) {
        if (!isMain(tag)) return;
        switch (tag.local) {
          case "c":
            if (inSheetData) finishCell();
            return;
          case "v":
          case "f":
          case "t":
            cells.endCapture();
            return;
          case "is":
            cells.endInline();
            return;
          case "rPh":
            phonetic--;
            return;
          case "sheetData":
            inSheetData = false;
        }
      },
    },
    handoff,
  );

  flushRow();
  clearCoveredCells(values, formulas, merges);
  // Dense with nulls where that is cheap (every real table): code that indexes any cell of the used area keeps
  // working. Otherwise the grid stays sparse and readers go through cellValue()/the rows that exist.
  if (rowCount * colCount <= 4 * stored + 65_536) {
    for (let r = 0; r < rowCount; r++) {
      const rowValues = values[r];
      // A row already at the sheet's width (most, see RowBuffer) is filled in place; any other is made anew at it.
      if (rowValues && rowValues.length === colCount) {
        for (let c = 0; c < colCount; c++) if (rowValues[c] === undefined) rowValues[c] = null;
        continue;
      }
      const exact: CellValue[] = new Array<CellValue>(colCount);
      for (let c = 0; c < colCount; c++) exact[c] = rowValues?.[c] ?? null;
      values[r] = exact;
    }
  }

  if (formulas) for (let r = 0; r < formulas.length; r++) if (formulas[r]) formulas[r] = formulas[r].slice();
  const sheet: GridSheet = { name: input.name, values, merges, rowCount, colCount };
  if (formulas) sheet.formulas = formulas;
  if (numberFormats) sheet.numberFormats = numberFormats;
  return sheet;
}

/**
 * The stored cells of one row, gathered as they are read and made into the row's arrays (values, and number formats
 * where any cell has one) at their exact width once the row is done.
 */
class RowBuffer {
  /** The row being gathered, or -1. */
  row = -1;
  private n = 0;
  private width = 0;
  private formatWidth = 0;
  private readonly cols: number[] = [];
  private readonly values: CellValue[] = [];
  private readonly formats: (string | null)[] = [];

  add(col: number, value: CellValue, format: string | null): void {
    const k = this.n++;
    this.cols[k] = col;
    this.values[k] = value;
    this.formats[k] = format;
    if (col >= this.width) this.width = col + 1;
    if (format && col >= this.formatWidth) this.formatWidth = col + 1;
  }

  /** The row's arrays (null when it stored nothing), the buffer emptied. Later cells at a column win, as in place. */
  take(): { values: CellValue[]; formats: (string | null | undefined)[] | null } | null {
    const n = this.n;
    if (n === 0) return null;
    const values = exactRow<CellValue>(this.width, n);
    const formats = this.formatWidth > 0 ? exactRow<string | null | undefined>(this.formatWidth, n) : null;
    for (let k = 0; k < n; k++) {
      values[this.cols[k]] = this.values[k];
      const f = this.formats[k];
      if (f && formats) formats[this.cols[k]] = f;
    }
    this.n = this.width = this.formatWidth = 0;
    return { values, formats };
  }
}

/** An array of `width` holes, allocated at that size when the row is dense enough, else grown sparse (one far cell). */
function exactRow<T>(width: number, cells: number): T[] {
  return width <= 2 * cells + 64 ? new Array<T>(width) : [];
}

/** Excel shows only the top-left value of a merged area; some producers repeat it in the covered cells. */
function clearCoveredCells(values: CellValue[][], formulas: (string | null | undefined)[][] | undefined, merges: CellRange[]): void {
  for (const m of merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    for (let r = m.top; r <= m.bottom && r < values.length; r++) {
      const rowValues = values[r];
      if (!rowValues) continue;
      const right = Math.min(m.right, rowValues.length - 1);
      for (let c = m.left; c <= right; c++) {
        if (r === m.top && c === m.left) continue;
        if (rowValues[c] !== undefined) rowValues[c] = null;
        const fr = formulas?.[r];
        if (fr && fr[c]) fr[c] = null;
      }
    }
  }
}

function rangeOf(ref: string): CellRange | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const a = { row: Number(m[2]) - 1, col: col(m[1]) };
  const b = m[3] ? { row: Number(m[4]) - 1, col: col(m[3]) } : a;
  const r: CellRange = {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
  if (r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLS) return null;
  return r;
}

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const LEAP_BUG_END = Date.UTC(1900, 2, 1);

/**
 * An ISO 8601 date/time of a `t="d"` cell as the serial Excel stores for it (wall-clock time, no time zone shift), so
 * the grid holds the number an Excel-saved copy would and the number format still says it is a date.
 */
export function isoToSerial(iso: string, date1904: boolean): number | null {
  const m = /^(?:(\d{4})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (!m || (m[1] === undefined && m[4] === undefined)) return null;
  const time = m[4] !== undefined ? ((Number(m[4]) * 60 + Number(m[5])) * 60 + Number(m[6] ?? 0) + Number(m[7] ?? 0)) * 1000 : 0;
  if (m[1] === undefined) return time / MS_PER_DAY;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (!Number.isFinite(day)) return null;
  const ms = day + time;
  let serial = (ms - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY;
  // Excel's 1900 system counts a 29 February 1900 that never was: dates before March 1900 are one lower.
  if (!date1904 && ms < LEAP_BUG_END) serial -= 1;
  return Number(serial.toPrecision(15));
}
