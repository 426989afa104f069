/**
 * Reads an official code list (the 政府收支分类科目 a finance bureau hands out as .xlsx/.csv) into codes with names.
 * Pure: a GridWorkbook or CSV text in, a list out. The columns are found by content, not by position: a 科目编码 /
 * 科目名称 header, 类/款/项 split columns, or simply a column of codes with their names in the next column; a cell
 * may also hold "2080505 行政运行" (or "[2080505]行政运行") on its own.
 */
import { cellText, type GridWorkbook, type GridSheet, sheetRowCount, sheetColCount } from "../grid";
import { normaliseLabel } from "../text";
import { classifyCode, levelOf } from "../codes/classify";
import type { Classification, Level } from "./types";

export interface ImportedCode {
  code: string;
  name: string;
  level: Level;
  classification: Classification;
}

export interface ParsedCodeList {
  /** File name, for messages. */
  source: string;
  /** In file order, each code once (the first occurrence wins). */
  codes: ImportedCode[];
  /** Number of codes per classification detected from the codes, most first. */
  classifications: { classification: Classification; count: number }[];
  /** A budget year printed in the list's title ("2024年政府收支分类科目"), to suggest as the list's year. */
  titleYear?: number;
}

/** A file that yields no codes; the message is one line naming the file (zh / en). */
export class CodeListError extends Error {
  override readonly name = "CodeListError";
  constructor(
    readonly source: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}

const CJK = /[\u4e00-\u9fff]/;
/** "科目编码", "功能分类科目编码", "科目代码", "编码"; not "单位代码" (the unit column of a disclosure). */
const CODE_HEADER = /^(?:[\u4e00-\u9fff]{0,8}科目)?(?:编码|代码)$/;
const NAME_HEADER = /^(?:[\u4e00-\u9fff]{0,8}科目)?名称$/;
const PART_HEADERS = ["类", "款", "项", "目"];
/** "2080505 行政运行", "2080505行政运行", "[2080505]行政运行", "2080505-行政运行". */
const INLINE = /^[[【(（]?([0-9０-９]{3,9})[\]】)）]?[\s\u3000\-－—:：、.]*([^\d\s].*)$/;

/** Digits of a code cell ("２０８０５０５", " 208 ", 208 as a number); undefined when the cell is not one code. */
function digitsOf(text: string): string | undefined {
  const s = normaliseLabel(text).replace(/^[[【]|[\]】]$/g, "");
  return /^\d{2,9}$/.test(s) ? s : undefined;
}

/** A complete code of a known classification and level. */
function asCode(digits: string | undefined): { code: string; level: Level; classification: Classification } | undefined {
  if (digits === undefined) return undefined;
  const classification = classifyCode(digits);
  const level = levelOf(digits);
  return classification && level ? { code: digits, level, classification } : undefined;
}

function inline(text: string): { code: string; name: string } | undefined {
  const m = INLINE.exec(text.trim());
  if (!m) return undefined;
  const code = normaliseLabel(m[1]);
  const name = cleanName(m[2]);
  return asCode(code) && CJK.test(name) ? { code, name } : undefined;
}

/** Trimmed, with runs of spaces (full-width too) kept as one space: names such as "其他 社会保障" stay readable. */
function cleanName(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, " ").trim();
}

type Rows = string[][];

function sheetRows(sheet: GridSheet): Rows {
  const rows: Rows = [];
  const rowCount = sheetRowCount(sheet);
  const colCount = sheetColCount(sheet);
  for (let r = 0; r < rowCount; r++) {
    const row: string[] = [];
    for (let c = 0; c < colCount; c++) row.push(cellText(sheet, r, c));
    rows.push(row);
  }
  return rows;
}

/** Where the codes and names sit in a sheet. */
interface Layout {
  /** First data row. */
  from: number;
  /** One column holding whole codes, or the 类/款/项(/目) columns of split codes. */
  codeCols: number[];
  /** Name column; undefined = the first CJK cell after the code columns. */
  nameCol?: number;
  /** Codes and names in one cell of this column. */
  inline?: boolean;
}

function headerLayout(rows: Rows): Layout | undefined {
  const scan = rows.slice(0, 30).map((row) => row.map((t) => normaliseLabel(t)));
  const nameColOf = (cells: string[] | undefined): number => (cells ? cells.findIndex((t) => NAME_HEADER.test(t)) : -1);
  // 类 | 款 | 项 headers first: they usually sit on the row below a merged 科目编码 header.
  for (let r = 0; r < scan.length; r++) {
    const partCols: number[] = [];
    for (const part of PART_HEADERS) {
      const at = scan[r].indexOf(part);
      if (at < 0 || (partCols.length > 0 && at !== partCols[partCols.length - 1] + 1)) break;
      partCols.push(at);
    }
    if (partCols.length < 2) continue;
    const nameCol = nameColOf(scan[r]) >= 0 ? nameColOf(scan[r]) : nameColOf(scan[r - 1]);
    return { from: r + 1, codeCols: partCols, ...(nameCol >= 0 ? { nameCol } : {}) };
  }
  for (let r = 0; r < scan.length; r++) {
    const codeCol = scan[r].findIndex((t) => CODE_HEADER.test(t));
    if (codeCol < 0) continue;
    const nameCol = nameColOf(scan[r]);
    // Without a name header: "2080505 行政运行" cells under 科目编码, or the names in the first text column after it.
    return { from: r + 1, codeCols: [codeCol], ...(nameCol >= 0 ? { nameCol } : {}) };
  }
  return undefined;
}

/** No header: the column where most rows hold a code with a name beside it (or both in one cell). */
function contentLayout(rows: Rows): Layout | undefined {
  const colCount = rows.reduce((m, r) => Math.max(m, r.length), 0);
  let best: { layout: Layout; hits: number } | undefined;
  for (let c = 0; c < colCount; c++) {
    let pairs = 0;
    let inlines = 0;
    for (const row of rows) {
      const text = row[c] ?? "";
      if (asCode(digitsOf(text)) && CJK.test(row[c + 1] ?? "")) pairs++;
      else if (inline(text)) inlines++;
    }
    if (pairs > (best?.hits ?? 0)) best = { layout: { from: 0, codeCols: [c], nameCol: c + 1 }, hits: pairs };
    if (inlines > (best?.hits ?? 0)) best = { layout: { from: 0, codeCols: [c], inline: true }, hits: inlines };
  }
  return best?.layout;
}

function readRows(rows: Rows, layout: Layout, out: Map<string, ImportedCode>): void {
  const add = (code: string, name: string): void => {
    const c = asCode(code);
    if (!c || out.has(code) || !CJK.test(name)) return;
    out.set(code, { ...c, name: cleanName(name) });
  };
  const nameAfter = (row: string[], col: number): string => {
    if (layout.nameCol !== undefined) return row[layout.nameCol] ?? "";
    for (let c = col + 1; c < row.length; c++) if (CJK.test(row[c])) return row[c];
    return "";
  };
  // Split columns: a 款 row may leave its 类 cell empty (and a 项 row its 类 and 款 cells): carry them down.
  let carried: string[] = [];
  for (let r = layout.from; r < rows.length; r++) {
    const row = rows[r];
    const [first] = layout.codeCols;
    const last = layout.codeCols[layout.codeCols.length - 1];
    if (layout.codeCols.length > 1) {
      const parts = layout.codeCols.map((c) => digitsOf(row[c] ?? ""));
      if (parts.every((p) => p === undefined)) {
        const one = inline(row[first] ?? "");
        if (one) add(one.code, one.name);
        continue;
      }
      // Each part is the digits of its own level (3 for the 类, 2 below), or the whole code written out in its column
      // (a staircase list); an empty part above the last filled one is the code of the row above at that level.
      let k = parts.length - 1;
      while (parts[k] === undefined) k--;
      let code = "";
      const whole = (i: number): number => 3 + 2 * i;
      const pk = parts[k] ?? "";
      if (pk.length === whole(k)) code = pk;
      else
        for (let i = 0; i <= k; i++) {
          const p = parts[i];
          const next = p === undefined ? carried[i] : i === 0 ? p : code + p;
          if (next === undefined || next.length !== whole(i) || (code !== "" && !next.startsWith(code))) {
            code = "";
            break;
          }
          code = next;
        }
      if (code === "") continue;
      carried = carried.slice(0, k);
      for (let i = 0; i <= k; i++) carried[i] = code.slice(0, whole(i));
      if (code !== "") add(code, nameAfter(row, last));
      continue;
    }
    const text = row[first] ?? "";
    const one = inline(text);
    if (one && (layout.inline || digitsOf(text) === undefined)) {
      add(one.code, one.name);
      continue;
    }
    const digits = digitsOf(text);
    if (digits !== undefined) add(digits, nameAfter(row, first));
  }
}

function titleYear(rows: Rows): number | undefined {
  for (const row of rows.slice(0, 5))
    for (const t of row) {
      const m = /(20\d{2})\s*年.*(?:科目|分类)/.exec(t);
      if (m) return Number(m[1]);
    }
  return undefined;
}

/** Codes of every sheet of the workbook that holds any; throws CodeListError when none does. */
export function parseCodeListGrid(workbook: GridWorkbook, source = workbook.name ?? "科目表"): ParsedCodeList {
  const out = new Map<string, ImportedCode>();
  let year: number | undefined;
  for (const sheet of workbook.sheets) {
    const rows = sheetRows(sheet);
    const layout = headerLayout(rows) ?? contentLayout(rows);
    const before = out.size;
    if (layout) readRows(rows, layout, out);
    // A header found on a sheet whose codes sit elsewhere (notes, a cover page): fall back to the content.
    if (out.size === before && layout && layout.from > 0) {
      const byContent = contentLayout(rows);
      if (byContent) readRows(rows, byContent, out);
    }
    year ??= titleYear(rows);
  }
  if (out.size === 0)
    throw new CodeListError(
      source,
      `${source} 中没有找到科目编码：应有“科目编码”“科目名称”两列，或一列编码、旁边一列名称`,
      `no codes found in ${source}: expected 科目编码/科目名称 columns, or a column of codes with their names beside them`,
    );
  const codes = [...out.values()];
  const counts = new Map<Classification, number>();
  for (const c of codes) counts.set(c.classification, (counts.get(c.classification) ?? 0) + 1);
  const classifications = [...counts.entries()]
    .map(([classification, count]) => ({ classification, count }))
    .sort((a, b) => b.count - a.count);
  return { source, codes, classifications, ...(year !== undefined ? { titleYear: year } : {}) };
}

/**
 * Text of a CSV file: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030 (a superset of GBK,
 * what Excel writes for "CSV" on a Chinese Windows). TextDecoder with these labels exists in Node and in browsers.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** RFC 4180 fields: commas (or tabs, or semicolons: whichever the first line uses most), quotes doubled inside quotes. */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = [",", "\t", ";"].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ",");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A CSV list (bytes as read, or text already decoded). */
export function parseCodeListCsv(data: Uint8Array | string, source: string): ParsedCodeList {
  const text = typeof data === "string" ? data : decodeCsvBytes(data);
  const values = parseCsv(text);
  return parseCodeListGrid({ name: source, sheets: [{ name: source, values, merges: [] }] }, source);
}

/** Whether a file name or its first bytes say CSV rather than a workbook (.xlsx starts with "PK"). */
export function looksLikeCsv(name: string, bytes: Uint8Array): boolean {
  if (/\.(csv|txt|tsv)$/i.test(name)) return true;
  return !(bytes[0] === 0x50 && bytes[1] === 0x4b) && !(bytes[0] === 0xd0 && bytes[1] === 0xcf);
}

/**
 * A list file as read from disk or a file picker: CSV is parsed here, a workbook through `readXlsx` (the CLI's and the
 * pane's own reader, injected so the core stays free of file formats it does not own).
 */
export async function parseCodeListBytes(
  bytes: Uint8Array,
  name: string,
  readXlsx: (bytes: Uint8Array, name: string) => Promise<GridWorkbook>,
): Promise<ParsedCodeList> {
  if (looksLikeCsv(name, bytes)) return parseCodeListCsv(bytes, name);
  return parseCodeListGrid(await readXlsx(bytes, name), name);
}
