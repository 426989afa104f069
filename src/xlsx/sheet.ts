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
  const cells = new SheetCells(ctx, input);
  const merges: CellRange[] = [];
  let inSheetData = false;

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
              if (at === INVALID_REF) refuse(ctx, "broken-part", `cell reference ${ref}`, `${input.name}：单元格地址 ${ref!.slice(0, 20)} 无效 / invalid cell reference`);
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
            cells.phonetic++;
            return;
          case "t":
            cells.inlineText();
            return;
          case "row":
            if (inSheetData) {
              const r = tag.attributes.r?.value;
              const n = r === undefined || r === "" ? -1 : rowNumberAt(r, 0, r.length);
              if (n === INVALID_REF) refuse(ctx, "broken-part", `row ${r}`, `${input.name}：行号 ${r!.slice(0, 20)} 无效 / invalid row number`);
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
              cells.cover(m);
            }
            return;
          }
        }
      },
      text: (text) => cells.text(text),
      close(tag: Tag) {
        if (!isMain(tag)) return;
        switch (tag.local) {
          case "c":
            if (inSheetData) cells.endCell();
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
            cells.phonetic--;
            return;
          case "sheetData":
            inSheetData = false;
        }
      },
    },
    handoff,
  );

  return cells.sheet(merges);
}

/**
 * What both parsers report inside `<sheetData>`, made into the sheet's grid: saxes' handlers above map its tags onto
 * these calls, and the scanner (src/xlsx/sheet-data.ts) makes them itself. A class, not closures made per sheet: the
 * scanner's calls then reach the same functions on every sheet, and stay optimised from one sheet to the next.
 */
class SheetCells implements CellSink {
  private readonly values: CellValue[][] = [];
  private formulas: (string | null | undefined)[][] | undefined;
  private numberFormats: (string | null | undefined)[][] | undefined;
  private readonly sharedMasters = new Map<string, { text: string; row: number; col: number }>();
  private rowCount = 0;
  private colCount = 0;
  private stored = 0;
  private rowAt = -1;
  private colAt = -1;
  // The cell being read.
  private type = "";
  private style = -1;
  private v: string | null = null;
  private f: string | null = null;
  private fType = "";
  private fSi: string | undefined = undefined;
  private fRef: string | undefined = undefined;
  private inlineValue: string | null = null;
  /** The `<v>` of a number or shared-string cell read in place by the scanner (NaN when not). */
  private num = NaN;
  private inInline = false;
  /** Depth of `<rPh>` (phonetic runs, not part of the text), kept by saxes' handlers. */
  phonetic = 0;
  private capture = Capture.None;
  /**
   * The cells of the row being read, made into its arrays when the row is done: grown cell by cell, a row's arrays
   * kept room for more and were copied to their exact width at the end, and both copies lived through every
   * young-generation collection while the sheet was read.
   */
  private readonly rowBuffer = new RowBuffer();

  constructor(
    private readonly ctx: Ctx,
    private readonly input: SheetInputs,
  ) {}

  private fail(reason: "broken-part" | "too-large", detail: string, at: string): never {
    return refuse(this.ctx, reason, detail, at);
  }

  private cellWhere(): string {
    return `${this.input.name}!${toA1(this.rowAt, this.colAt)}`;
  }

  row(r: number): void {
    if (r >= 0) this.rowAt = r;
    else {
      this.rowAt++;
      if (this.rowAt >= MAX_ROWS) this.fail("broken-part", "more than 1048576 rows", `${this.input.name}：超过 1048576 行 / more than 1048576 rows`);
    }
    this.colAt = -1;
  }

  cell(at: number, t: string, s: number): void {
    if (at >= 0) {
      this.rowAt = Math.floor(at / MAX_COLS);
      this.colAt = at % MAX_COLS;
    } else {
      this.colAt++;
      if (this.rowAt < 0) this.rowAt = 0;
      if (this.colAt >= MAX_COLS)
        this.fail("broken-part", "more than 16384 cells in a row", `${this.input.name}：第 ${this.rowAt + 1} 行超过 16384 列 / row ${this.rowAt + 1} has more than 16384 cells`);
    }
    this.type = t;
    this.style = s;
    this.v = this.f = this.inlineValue = null;
    this.num = NaN;
    this.fType = "";
    this.fSi = this.fRef = undefined;
  }

  value(): void {
    this.capture = Capture.V;
    this.v ??= "";
  }

  formula(t: string | undefined, si: string | undefined, ref: string | undefined): void {
    this.capture = Capture.F;
    this.f ??= "";
    this.fType = t ?? "";
    this.fSi = si;
    this.fRef = ref;
  }

  inline(): void {
    this.inInline = true;
    this.inlineValue ??= "";
  }

  inlineText(): void {
    if (this.inInline && this.phonetic === 0) this.capture = Capture.InlineT;
  }

  text(text: string): void {
    const capture = this.capture;
    if (capture === Capture.None) return;
    const max = this.ctx.limits.maxStringLength;
    if (text.length + (capture === Capture.V ? this.v! : capture === Capture.F ? this.f! : this.inlineValue!).length > max)
      this.fail("too-large", `${this.cellWhere()}: text over ${max} characters`, `${this.cellWhere()}：超过 ${max} 个字符 / over ${max} characters`);
    switch (capture) {
      case Capture.V:
        this.v += text;
        return;
      case Capture.F:
        this.f += text;
        return;
      case Capture.InlineT:
        this.inlineValue += text;
    }
  }

  valueAt(src: string, from: number, to: number): boolean {
    if (this.capture !== Capture.V || this.v !== "" || this.num === this.num) return false;
    const type = this.type;
    if (type === "" || type === "n") {
      this.num = plainNumberAt(src, from, to);
    } else if (type === "s") {
      // A shared string's index: whole, and one the table has (otherwise the text path names it in its refusal).
      const i = plainNumberAt(src, from, to);
      this.num = Number.isInteger(i) && i >= 0 && i < this.input.sharedStrings().length ? i : NaN;
    }
    return this.num === this.num;
  }

  endCapture(): void {
    this.capture = Capture.None;
  }

  endInline(): void {
    this.inInline = false;
  }

  endCell(): void {
    let text = this.f;
    const fSi = this.fSi;
    if (this.fType === "shared" && fSi !== undefined) {
      if (text && this.fRef !== undefined) this.sharedMasters.set(fSi, { text, row: this.rowAt, col: this.colAt });
      else if (!text) {
        const m = this.sharedMasters.get(fSi);
        if (m) text = shiftFormula(m.text, this.rowAt - m.row, this.colAt - m.col);
      }
    }
    if (text && text.startsWith("=")) text = text.slice(1);
    const value = this.cellValue();
    if (value === null && !text) return;
    const { input, ctx } = this;
    if (++input.cellBudget.used > ctx.limits.maxCells)
      this.fail("too-large", `over ${ctx.limits.maxCells} cells`, `超过 ${ctx.limits.maxCells} 个单元格 / over ${ctx.limits.maxCells} cells`);
    this.stored++;
    const { rowAt: row, colAt: col, rowBuffer } = this;
    const fmt = this.style >= 0 ? input.formats[this.style] : null;
    if (row !== rowBuffer.row) {
      this.flushRow();
      // A row met again (cells out of order) is written in place; a new one is gathered first. (A row has number
      // formats only where it has values.)
      if (this.values[row] === undefined) rowBuffer.row = row;
    }
    if (rowBuffer.row === row) rowBuffer.add(col, value, fmt);
    else {
      (this.values[row] ??= [])[col] = value;
      if (fmt) ((this.numberFormats ??= [])[row] ??= [])[col] = fmt;
    }
    if (text) ((this.formulas ??= [])[row] ??= [])[col] = text;
    if (row + 1 > this.rowCount) this.rowCount = row + 1;
    if (col + 1 > this.colCount) this.colCount = col + 1;
  }

  /** A merged area: the used area reaches it. */
  cover(m: CellRange): void {
    if (m.bottom + 1 > this.rowCount) this.rowCount = m.bottom + 1;
    if (m.right + 1 > this.colCount) this.colCount = m.right + 1;
  }

  /** The grid, once the part is read: covered cells cleared, dense with nulls where that is cheap. */
  sheet(merges: CellRange[]): GridSheet {
    this.flushRow();
    const { values, formulas, numberFormats, rowCount, colCount } = this;
    clearCoveredCells(values, formulas, merges);
    // Dense with nulls where that is cheap (every real table): code that indexes any cell of the used area keeps
    // working. Otherwise the grid stays sparse and readers go through cellValue()/the rows that exist.
    if (rowCount * colCount <= 4 * this.stored + 65_536) {
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
    const sheet: GridSheet = { name: this.input.name, values, merges, rowCount, colCount };
    if (formulas) sheet.formulas = formulas;
    if (numberFormats) sheet.numberFormats = numberFormats;
    return sheet;
  }

  private flushRow(): void {
    this.rowBuffer.flushInto(this.values, this.formatRows, this.colCount);
  }

  /** The sheet's number-format rows, made when a first cell has a format (one function, not one per row flushed). */
  private readonly formatRows = (): (string | null | undefined)[][] => (this.numberFormats ??= []);

  private cellValue(): CellValue {
    const { v, num, input } = this;
    switch (this.type) {
      case "s": {
        if (num === num) return input.sharedStrings()[num];
        if (v === null || v.trim() === "") return null;
        const strings = input.sharedStrings();
        const i = Number(v);
        if (!Number.isInteger(i) || i < 0 || i >= strings.length)
          this.fail("broken-part", `shared string ${v} of ${strings.length}`, `${this.cellWhere()}：共享字符串 ${v.trim()} 不存在 / shared string ${v.trim()} does not exist`);
        return strings[i];
      }
      case "inlineStr":
        return this.inlineValue ?? v;
      case "str":
        return v;
      case "b":
        return v === null ? null : isTrue(v.trim());
      case "e":
        return v === null ? null : { error: v.trim() };
      case "d":
        return v === null || v.trim() === ""
          ? null
          : isoToSerial(v.trim(), input.date1904) ?? this.fail("broken-part", `date ${v}`, `${this.cellWhere()}：日期 ${v.trim().slice(0, 40)} 无效 / invalid date`);
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
  }
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

  /**
   * The gathered row's arrays into the sheet's (number formats only when a cell has one), and the buffer emptied for
   * the next row. Later cells at a column win, as in place.
   */
  flushInto(values: CellValue[][], numberFormats: () => (string | null | undefined)[][], sheetWidth: number): void {
    const r = this.row;
    const n = this.n;
    this.row = -1;
    if (r < 0 || n === 0) return;
    const rowValues = exactRow<CellValue>(this.width < sheetWidth && sheetWidth <= 2 * n + 64 ? sheetWidth : this.width, n);
    const rowFormats = this.formatWidth > 0 ? exactRow<string | null | undefined>(this.formatWidth, n) : null;
    for (let k = 0; k < n; k++) {
      rowValues[this.cols[k]] = this.values[k];
      const f = this.formats[k];
      if (f && rowFormats) rowFormats[this.cols[k]] = f;
    }
    this.n = this.width = this.formatWidth = 0;
    values[r] = rowValues;
    if (rowFormats) numberFormats()[r] = rowFormats;
  }
}

/** An array of `width` holes, allocated at that size when the row is dense enough, else grown sparse (one far cell). */
function exactRow<T>(width: number, cells: number): T[] {
  return width <= 2 * cells + 64 ? new Array<T>(width) : [];
}

function refuse(ctx: Ctx, reason: "broken-part" | "too-large", detail: string, at: string): never {
  throw new WorkbookReadError(ctx.file, reason, detail, at);
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
