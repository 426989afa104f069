/**
 * .xlsx (via exceljs) <-> the core GridWorkbook.
 *
 * Reading keeps what the checker needs: cached values (formulas carry their last result), formula text, number
 * formats and merged areas. Dates become Excel serial numbers (their number format says they are dates), so the
 * grid holds only the value types the core knows. One pass over the stored cells, no per-cell objects beyond the
 * values themselves.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { CellRange } from "../core/address";
import type { CellValue, GridSheet, GridWorkbook } from "../core/grid";
import { isErrorValue } from "../core/grid";
import { WorkbookReadError } from "./workbook-read-error";

// exceljs ValueType numbers (the enum is declared but not exported as a runtime value in the typings we rely on).
const TYPE_MERGE = 1;
const TYPE_FORMULA = 6;

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system; the 1904 system is 1462 days earlier. */
const UNIX_EPOCH_SERIAL = 25569;

/** Reads a file into the grid. Every failure to open it is a WorkbookReadError with a one-line message. */
export async function readXlsxFile(file: string): Promise<GridWorkbook> {
  const wb = await loadExcelWorkbook(file);
  return excelWorkbookToGrid(wb, path.basename(file));
}

/** Same as readXlsxFile for bytes already in memory; `name` is used in messages and as the workbook name. */
export async function readXlsxBuffer(data: Uint8Array, name: string): Promise<GridWorkbook> {
  const wb = await loadExcelWorkbookFromBuffer(data, name);
  return excelWorkbookToGrid(wb, name);
}

/** Loads the file with exceljs, turning every kind of unreadable file into a WorkbookReadError. */
export async function loadExcelWorkbook(file: string): Promise<ExcelJS.Workbook> {
  let data: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new WorkbookReadError(file, "not-a-file");
    data = await fs.readFile(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(file, code === "ENOENT" || code === "ENOTDIR" ? "not-found" : "io", String(e));
  }
  return loadExcelWorkbookFromBuffer(data, file);
}

const ZIP_MAGIC = [0x50, 0x4b]; // "PK"
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // encrypted OOXML and legacy .xls

function startsWith(data: Uint8Array, magic: number[]): boolean {
  if (data.length < magic.length) return false;
  return magic.every((b, i) => data[i] === b);
}

export async function loadExcelWorkbookFromBuffer(data: Uint8Array, name: string): Promise<ExcelJS.Workbook> {
  if (data.length === 0) throw new WorkbookReadError(name, "empty");
  if (startsWith(data, CFB_MAGIC)) throw new WorkbookReadError(name, "encrypted");
  if (!startsWith(data, ZIP_MAGIC)) throw new WorkbookReadError(name, "not-zip");
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs' typings want its own Buffer alias; a Node Buffer is what it reads.
    await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new WorkbookReadError(name, "corrupt", e instanceof Error ? e.message : String(e));
  }
  // A zip without a workbook part (a .docx, an arbitrary archive) loads as zero sheets; so does a workbook part that
  // lists no sheet (Excel never writes one, other tools may).
  if (wb.worksheets.length === 0) throw new WorkbookReadError(name, hasZipEntry(data, "xl/workbook.xml") ? "no-sheets" : "not-xlsx");
  return wb;
}

/** Whether the zip's central directory names `entry` (names are stored as plain bytes there). */
function hasZipEntry(data: Uint8Array, entry: string): boolean {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(Buffer.from(entry, "utf8"));
}

/** Converts a loaded exceljs workbook (no I/O). Exposed separately so benchmarks can time load and conversion apart. */
export function excelWorkbookToGrid(wb: ExcelJS.Workbook, name?: string): GridWorkbook {
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  return { name, sheets: wb.worksheets.map((ws) => worksheetToGrid(ws, date1904)) };
}

interface MergeLike {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** exceljs keeps merges in a private map keyed by master address; `ws.model` would rebuild every row to get them. */
function worksheetMerges(ws: ExcelJS.Worksheet): CellRange[] {
  const raw = (ws as unknown as { _merges?: Record<string, MergeLike | undefined> })._merges;
  const out: CellRange[] = [];
  if (raw) {
    for (const m of Object.values(raw)) {
      if (m) out.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
    }
    return out;
  }
  // Fallback through the public model if the private field ever changes.
  for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
    const d = rangeFromA1(ref);
    if (d) out.push(d);
  }
  return out;
}

function rangeFromA1(ref: string): CellRange | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(m[2]) - 1, left: col(m[1]), bottom: Number(m[4]) - 1, right: col(m[3]) };
}

export function worksheetToGrid(ws: ExcelJS.Worksheet, date1904 = false): GridSheet {
  const values: CellValue[][] = [];
  let formulas: (string | null | undefined)[][] | undefined;
  let numberFormats: (string | null | undefined)[][] | undefined;
  let rowCount = 0;
  let colCount = 0;

  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    let rowValues: CellValue[] | undefined;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Covered cells of a merged area repeat the master's value in exceljs; the grid keeps it only top-left.
      const type = cell.type as number;
      if (type === TYPE_MERGE) return;
      const c = colNumber - 1;
      let value: CellValue;
      if (type === TYPE_FORMULA) {
        const text = cell.formula;
        if (text) {
          formulas ??= [];
          (formulas[r] ??= [])[c] = text.startsWith("=") ? text.slice(1) : text;
        }
        value = plainValue(cell.result as ExcelJS.CellValue, date1904);
      } else {
        value = plainValue(cell.value, date1904);
      }
      const fmt = cell.numFmt;
      if (fmt && fmt !== "General") {
        numberFormats ??= [];
        (numberFormats[r] ??= [])[c] = fmt;
      }
      if (value === null && !(formulas && formulas[r]?.[c])) return;
      (rowValues ??= values[r] = [])[c] = value;
      if (r + 1 > rowCount) rowCount = r + 1;
      if (c + 1 > colCount) colCount = c + 1;
    });
  });

  const merges = worksheetMerges(ws);
  for (const m of merges) {
    if (m.bottom + 1 > rowCount) rowCount = m.bottom + 1;
    if (m.right + 1 > colCount) colCount = m.right + 1;
  }

  // Dense rows of nulls: rules can index any cell of the used area without guarding against holes.
  for (let r = 0; r < rowCount; r++) {
    const row = (values[r] ??= []);
    for (let c = 0; c < colCount; c++) if (row[c] === undefined) row[c] = null;
  }

  const sheet: GridSheet = { name: ws.name, values, merges, rowCount, colCount };
  if (formulas) sheet.formulas = formulas;
  if (numberFormats) sheet.numberFormats = numberFormats;
  return sheet;
}

/** An exceljs value (or formula result) as a grid value. */
export function plainValue(v: ExcelJS.CellValue | undefined, date1904 = false): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case "number":
    case "string":
    case "boolean":
      return v;
  }
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v !== "object") return null;
  if ("error" in v && typeof v.error === "string") return { error: v.error };
  if ("richText" in v && Array.isArray(v.richText)) return richTextToString(v.richText);
  if ("hyperlink" in v) {
    const text = (v as { text?: unknown }).text;
    if (typeof text === "string") return text;
    if (text && typeof text === "object" && "richText" in text)
      return richTextToString((text as ExcelJS.CellRichTextValue).richText);
    return typeof v.hyperlink === "string" ? v.hyperlink : null;
  }
  // A formula value reached through `cell.value` (should not happen: formulas are read through `cell.result`).
  if ("result" in v) return plainValue((v as { result?: ExcelJS.CellValue }).result, date1904);
  return null;
}

function richTextToString(parts: { text?: string }[]): string {
  let s = "";
  for (const p of parts) if (typeof p.text === "string") s += p.text;
  return s;
}

/** exceljs turns date-formatted numbers into Dates (UTC); turn them back into the serial Excel stores. */
export function dateToSerial(d: Date, date1904 = false): CellValue {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return null;
  const serial = UNIX_EPOCH_SERIAL + ms / MS_PER_DAY - (date1904 ? 1462 : 0);
  // exceljs rounded to whole milliseconds; undo the binary noise that adds.
  return Number(serial.toPrecision(15));
}

/** Test and benchmark helper: writes a grid as .xlsx (values, formulas with cached results, merges, number formats). */
export async function gridToXlsx(grid: GridWorkbook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of grid.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const rows = Math.max(sheet.values.length, sheet.formulas?.length ?? 0, sheet.numberFormats?.length ?? 0);
    for (let r = 0; r < rows; r++) {
      const vals = sheet.values[r];
      const fs = sheet.formulas?.[r];
      const nfs = sheet.numberFormats?.[r];
      const width = Math.max(vals?.length ?? 0, fs?.length ?? 0, nfs?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const v = vals?.[c] ?? null;
        const f = fs?.[c];
        const nf = nfs?.[c];
        if (v === null && !f && !nf) continue;
        const cell = ws.getCell(r + 1, c + 1);
        if (f) cell.value = { formula: f, result: toExcelResult(v) } as ExcelJS.CellFormulaValue;
        else if (v !== null) cell.value = toExcelValue(v);
        if (nf) cell.numFmt = nf;
      }
    }
    for (const m of sheet.merges) {
      if (m.top === m.bottom && m.left === m.right) continue;
      ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    }
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

function toExcelValue(v: CellValue): ExcelJS.CellValue {
  if (isErrorValue(v)) return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}

function toExcelResult(v: CellValue): ExcelJS.CellFormulaValue["result"] {
  if (v === null) return undefined;
  if (isErrorValue(v)) return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}
