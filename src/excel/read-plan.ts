/**
 * Pure helpers for reading Excel ranges into the core grid: converting Office.js arrays, sizing row blocks so a
 * request stays under the host's payload cap, and recognising the limit errors that mean "ask for less".
 */
import type { CellRange } from "../core/address";
import type { CellValue, GridSheet } from "../core/grid";

/** Excel on the web caps each request and response at 5 MB (spec §5). */
export const PAYLOAD_CAP_BYTES = 5 * 1024 * 1024;
/** What one read sync aims for: below the cap with room for JSON overhead. */
export const DEFAULT_TARGET_BYTES = 4 * 1024 * 1024;
/**
 * Estimated response bytes per cell for values + valueTypes + formulas + numberFormat: a short number or string,
 * its type name ("Double"), the formula (Excel returns the value again for constants), and "General"/"0.00".
 */
export const BYTES_PER_CELL = 48;
/**
 * Once a block has been read, later blocks are sized by what it measured (plus this margin) and may fill up to
 * the target raised by MEASURED_TARGET_FACTOR (4 MB → 4.5 MB of the 5 MB cap): the first block is sized
 * conservatively, the rest close to the cap.
 */
export const MEASURED_MARGIN = 1.05;
export const MEASURED_TARGET_FACTOR = 1.125;
/** Bounds on a learned per-cell size, whatever one block measured. */
export const MIN_BYTES_PER_CELL = 16;
export const MAX_BYTES_PER_CELL = 4096;
/** Office's own guidance: start with 5k–20k-row blocks. */
export const MAX_BLOCK_ROWS = 20_000;
/** Excel refuses to read more than 5,000,000 cells in one range. */
export const MAX_CELLS_PER_READ = 5_000_000;

const LIMIT_CODES = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "RangeExceedsLimit",
]);

/** OfficeExtension.Error carries `code`; limit errors mean the same request succeeds in smaller pieces. */
export function isLimitError(e: unknown): boolean {
  const code = typeof e === "object" && e !== null && "code" in e ? (e as { code: unknown }).code : undefined;
  return typeof code === "string" && LIMIT_CODES.has(code);
}

export function errorCode(e: unknown): string | undefined {
  const code = typeof e === "object" && e !== null && "code" in e ? (e as { code: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

export interface BlockRequest {
  sheet: string;
  range: CellRange;
}

/**
 * Cut requests into row blocks and group them into batches (one sync each) of at most `targetBytes` estimated
 * payload, filling each batch before starting the next, so a read takes ⌈payload / target⌉ syncs. Blocks stay under
 * MAX_BLOCK_ROWS rows and Excel's per-range cell limit.
 */
export function planBatches<T extends BlockRequest>(
  requests: readonly T[],
  targetBytes: number,
  bytesPerCell: number | ((sheet: string) => number) = BYTES_PER_CELL,
): T[][] {
  const perCell = typeof bytesPerCell === "number" ? () => bytesPerCell : bytesPerCell;
  const batches: T[][] = [];
  let current: T[] = [];
  let budget = targetBytes;
  for (const req of requests) {
    const cols = req.range.right - req.range.left + 1;
    const rowBytes = cols * perCell(req.sheet);
    const maxRows = Math.max(1, Math.min(MAX_BLOCK_ROWS, Math.floor(MAX_CELLS_PER_READ / cols)));
    let top = req.range.top;
    while (top <= req.range.bottom) {
      let rows = Math.min(maxRows, req.range.bottom - top + 1, Math.floor(budget / rowBytes));
      if (rows < 1) {
        if (current.length > 0) {
          batches.push(current);
          current = [];
          budget = targetBytes;
          continue;
        }
        rows = 1; // a single row wider than the target: send it alone
      }
      current.push({ ...req, range: { ...req.range, top, bottom: top + rows - 1 } });
      budget -= rows * rowBytes;
      top += rows;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Loaded Office.js arrays of one range (values are `any` in the typings; we treat them as unknown). */
export interface LoadedBlock {
  values: unknown[][];
  valueTypes: string[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
}

export interface GridBlock {
  values: CellValue[][];
  formulas: (string | null)[][];
  numberFormats: (string | null)[][];
}

/** UTF-8 bytes of a string: what the host's JSON response carries (CJK text is 3 bytes a character). */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) n += 2;
    else if (c >= 0x80 && c < 0x800) n += 1;
    // a surrogate pair is 4 bytes for 2 UTF-16 units: 2 counted + 1 each
    else if (c >= 0xd800 && c <= 0xdfff) n += 1;
  }
  return n;
}

function jsonBytes(v: unknown): number {
  if (typeof v === "string") return utf8Length(v) + 2;
  if (typeof v === "number") return String(v).length;
  if (typeof v === "boolean") return v ? 4 : 5;
  return 4; // null
}

/**
 * Estimated response bytes of a loaded block, as JSON (values, types, formulas, number formats): measured from
 * what came back, to size the next blocks. Excel's own encoding differs a little; the margin and the halving on a
 * limit error cover that.
 */
export function loadedBytes(b: LoadedBlock): number {
  let n = 0;
  for (let i = 0; i < b.values.length; i++) {
    const vr = b.values[i];
    const tr = b.valueTypes[i] ?? [];
    const fr = b.formulas[i] ?? [];
    const nr = b.numberFormat[i] ?? [];
    n += 8; // four row brackets
    for (let j = 0; j < vr.length; j++) n += jsonBytes(vr[j]) + jsonBytes(tr[j]) + jsonBytes(fr[j]) + jsonBytes(nr[j]) + 4;
  }
  return n;
}

/** The per-cell size to plan with after measuring `bytes` over `cells` cells. */
export function learnedBytesPerCell(bytes: number, cells: number): number {
  if (cells <= 0) return BYTES_PER_CELL;
  return Math.min(MAX_BYTES_PER_CELL, Math.max(MIN_BYTES_PER_CELL, Math.ceil((bytes / cells) * MEASURED_MARGIN)));
}

export function toCellValue(v: unknown, type: string | undefined): CellValue {
  if (type === "Empty" || v === "" || v === null || v === undefined) return null;
  if (type === "Error") return { error: String(v) };
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/** Office returns the constant itself in `formulas` for non-formula cells; only "=…" is a formula. */
export function toFormula(f: unknown): string | null {
  return typeof f === "string" && f.startsWith("=") ? f.slice(1) : null;
}

export function toGridBlock(b: LoadedBlock): GridBlock {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (let i = 0; i < b.values.length; i++) {
    const vr = b.values[i];
    const tr = b.valueTypes[i] ?? [];
    const fr = b.formulas[i] ?? [];
    const nr = b.numberFormat[i] ?? [];
    const v: CellValue[] = new Array<CellValue>(vr.length);
    const f: (string | null)[] = new Array<string | null>(vr.length);
    const n: (string | null)[] = new Array<string | null>(vr.length);
    for (let j = 0; j < vr.length; j++) {
      v[j] = toCellValue(vr[j], tr[j]);
      f[j] = toFormula(fr[j]);
      const nf = nr[j];
      n[j] = typeof nf === "string" && nf !== "" && nf !== "General" ? nf : null;
    }
    values.push(v);
    formulas.push(f);
    numberFormats.push(n);
  }
  return { values, formulas, numberFormats };
}

export function emptySheet(name: string): GridSheet {
  return { name, values: [], formulas: [], numberFormats: [], merges: [], rowCount: 0, colCount: 0 };
}

/** Copy a block into the sheet's arrays at its position (grids are from A1). */
export function placeBlock(sheet: GridSheet, at: CellRange, block: GridBlock): void {
  const formulas = (sheet.formulas ??= []);
  const numberFormats = (sheet.numberFormats ??= []);
  for (let i = 0; i < block.values.length; i++) {
    const r = at.top + i;
    const vr = (sheet.values[r] ??= []);
    const fr = (formulas[r] ??= []);
    const nr = (numberFormats[r] ??= []);
    for (let j = 0; j < block.values[i].length; j++) {
      const c = at.left + j;
      vr[c] = block.values[i][j];
      fr[c] = block.formulas[i][j];
      nr[c] = block.numberFormats[i][j];
    }
  }
  sheet.rowCount = Math.max(sheet.rowCount ?? 0, at.top + block.values.length);
  sheet.colCount = Math.max(sheet.colCount ?? 0, at.left + (block.values[0]?.length ?? 0));
}

/** Sparse rows above/left of the used range are filled so `values[r]` exists for every row (the core tolerates holes, Excel users do not expect them). */
export function fillHoles(sheet: GridSheet): void {
  const rows = sheet.rowCount ?? sheet.values.length;
  for (let r = 0; r < rows; r++) sheet.values[r] ??= [];
}

/** Let Office and the pane breathe between blocks: desktop Excel restarts add-ins that block for 5 s. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
