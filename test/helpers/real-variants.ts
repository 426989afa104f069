/**
 * More variants of the fixtures, of what real workbooks hold and the fixtures do not: page-break repeats of the header,
 * the 栏次 row dropped or numbered 一/二/三, blank amounts typed as "—", amounts stored with more decimals than shown,
 * the 合计 row moved to the bottom, codes stored as numbers or padded, empty tables. Pure, like ./variants.
 */
import type { CellRange } from "../../src/core/address";
import type { CellValue, GridSheet, GridWorkbook } from "../../src/core/grid";
import { sheetRowCount } from "../../src/core/grid";
import { decimalFromNumber } from "../../src/core/money";
import { getSheet, insertBlankColumns, isAmountCell, tableFrame } from "./variants";

function clone(wb: GridWorkbook): GridWorkbook {
  return structuredClone(wb);
}

function sheetsOf(wb: GridWorkbook, sheets?: string[]): GridSheet[] {
  return wb.sheets.filter((s) => !sheets || sheets.includes(s.name));
}

/** Rows of one sheet re-ordered by `order` (new row i is old row order[i]); merges follow rows they lie within. */
function permuteRows(s: GridSheet, order: number[]): void {
  if (s.formulas?.some((r) => r?.some(Boolean))) throw new Error(`permuteRows: "${s.name}" holds formulas`);
  const pick = <T>(g: T[][] | undefined): T[][] | undefined => g && order.map((o) => (g[o] ? [...g[o]] : []));
  s.values = pick(s.values) as CellValue[][];
  s.numberFormats = pick(s.numberFormats as string[][] | undefined);
  s.texts = pick(s.texts as string[][] | undefined);
  const where = new Map<number, number[]>();
  order.forEach((o, i) => (where.get(o) ?? where.set(o, []).get(o)!).push(i));
  const merges: CellRange[] = [];
  for (const m of s.merges) {
    // Every copy of a merge's rows, as long as the copy keeps them contiguous.
    for (const top of where.get(m.top) ?? []) {
      const h = m.bottom - m.top;
      let ok = true;
      for (let k = 1; k <= h; k++) if (order[top + k] !== m.top + k) ok = false;
      if (ok) merges.push({ ...m, top, bottom: top + h });
    }
  }
  s.merges = merges;
  s.rowCount = order.length;
}

/** The header rows (row 3 to the row before the body), or with `title` rows 1–2 too, repeated before body row `at`. */
export function repeatHeaderAt(wb: GridWorkbook, sheet: string, at: number, options: { title?: boolean } = {}): GridWorkbook {
  const out = clone(wb);
  const s = getSheet(out, sheet);
  const f = tableFrame(s);
  if (at <= f.firstBodyRow || at > f.lastRow) throw new Error(`repeatHeaderAt: row ${at} is not inside the body`);
  const rows = sheetRowCount(s);
  const repeated: number[] = [];
  for (let r = options.title ? 0 : f.headerRow; r < f.firstBodyRow; r++) repeated.push(r);
  const order = [...Array(at).keys(), ...repeated, ...Array.from({ length: rows - at }, (_, i) => at + i)];
  permuteRows(s, order);
  return out;
}

/** The row holding "栏次" removed, or its numbers written as 一、二、三 (`chinese`) or kept with 栏次 written 栏 次. */
export function relabelColumnNumbers(wb: GridWorkbook, mode: "drop" | "chinese", sheets?: string[]): GridWorkbook {
  const out = clone(wb);
  const CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"];
  for (const s of sheetsOf(out, sheets)) {
    const r = s.values.findIndex((row) => row?.some((v) => typeof v === "string" && /^栏\s*次$/.test(v.trim())));
    if (r < 0) continue;
    if (mode === "drop") {
      const rows = sheetRowCount(s);
      permuteRows(s, [...Array(rows).keys()].filter((x) => x !== r));
    } else {
      s.values[r] = s.values[r].map((v) => (typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= CN.length ? CN[v - 1] : v));
    }
  }
  return out;
}

/** The amount columns of a sheet's body: columns holding at least one amount cell below the header. */
export function amountColumns(s: GridSheet): number[] {
  const f = tableFrame(s);
  const cols = new Set<number>();
  for (let r = f.firstBodyRow; r <= f.lastRow; r++) s.values[r]?.forEach((_, c) => isAmountCell(s, r, c) && cols.add(c));
  return [...cols].sort((a, b) => a - b);
}

/** Every blank cell of the amount columns, on rows that hold an amount, typed as `mark` ("—", "-", "0.00" …). */
export function blanksTypedAs(wb: GridWorkbook, mark: CellValue, sheets?: string[]): GridWorkbook {
  const out = clone(wb);
  for (const s of sheetsOf(out, sheets)) {
    const f = tableFrame(s);
    const cols = amountColumns(s);
    for (let r = f.firstBodyRow; r <= f.lastRow; r++) {
      const row = s.values[r];
      if (!row || !cols.some((c) => isAmountCell(s, r, c))) continue;
      for (const c of cols) if (row[c] === null || row[c] === undefined || row[c] === "") row[c] = mark;
    }
  }
  return out;
}

/** Every numeric amount cell typed as text through `toText` (e.g. " 12.00 " with spaces around). */
export function amountsTyped(wb: GridWorkbook, toText: (v: number) => string): GridWorkbook {
  const out = clone(wb);
  for (const s of out.sheets)
    s.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (typeof v === "number" && isAmountCell(s, r, c)) {
          row[c] = toText(v);
          (((s.numberFormats ??= [])[r] ??= [])[c] = "@");
        }
      }),
    );
  return out;
}

/**
 * Every amount stored with 4 decimals that round to the shown 2: 24.79 becomes 24.7912 or 24.7888 (a deterministic
 * offset below half a cent), as a table computed from rates and pasted as values. The shown figures are unchanged.
 */
export function hiddenDecimals(wb: GridWorkbook, format = "#,##0.00", sheets?: string[]): GridWorkbook {
  const out = clone(wb);
  let k = 0;
  for (const s of sheetsOf(out, sheets))
    s.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (typeof v !== "number" || !isAmountCell(s, r, c) || v === 0) return;
        const offset = ((k++ % 9) - 4) * 0.001; // −0.004 … +0.004
        row[c] = decimalFromNumber(v).plus(offset).toNumber();
        (((s.numberFormats ??= [])[r] ??= [])[c] = format);
      }),
    );
  return out;
}

/** The 合计 (or 总计) row right under the header moved to the bottom of the table. */
export function totalRowAtBottom(wb: GridWorkbook, sheet: string): GridWorkbook {
  const out = clone(wb);
  const s = getSheet(out, sheet);
  const f = tableFrame(s);
  const isTotal = (r: number) => s.values[r]?.some((v) => typeof v === "string" && /^(合\s*计|总\s*计)$/.test(v.trim()));
  const t = [f.firstBodyRow, f.firstBodyRow + 1].find(isTotal);
  if (t === undefined) throw new Error(`totalRowAtBottom: no 合计 row at the top of "${sheet}"`);
  const rows = sheetRowCount(s);
  // Below the last row holding an amount (a note under the table stays under it).
  let last = t;
  for (let r = t; r <= f.lastRow; r++) if (s.values[r]?.some((_, c) => isAmountCell(s, r, c))) last = r;
  const order = [...Array(rows).keys()].filter((r) => r !== t);
  order.splice(last, 0, t);
  permuteRows(s, order);
  return out;
}

/** Codes of 3/5/7 digits, in whichever column, rewritten by `map` (to a number, padded, full-width …). */
export function codesRewritten(wb: GridWorkbook, map: (code: string) => CellValue, sheets?: string[]): GridWorkbook {
  const out = clone(wb);
  for (const s of sheetsOf(out, sheets)) {
    const f = tableFrame(s);
    for (let r = f.firstBodyRow; r <= f.lastRow; r++)
      s.values[r]?.forEach((v, c, row) => {
        if (typeof v === "string" && /^[1-9]\d{2}(\d{2}){0,2}$/.test(v.trim())) {
          row[c] = map(v.trim());
          if (typeof row[c] === "number" && s.numberFormats?.[r]?.[c] === "@") s.numberFormats[r][c] = "General";
        }
      });
  }
  return out;
}

export const toFullWidth = (t: string) => t.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 48 + 0xff10));

/**
 * Every table emptied as a unit with nothing to report publishes it: the body rows dropped, the header kept, and
 * `note` written in the first column under the header.
 */
export function emptiedTables(wb: GridWorkbook, note: string): GridWorkbook {
  const out = clone(wb);
  for (const s of out.sheets) {
    const f = tableFrame(s);
    if (f.firstBodyRow > f.lastRow) continue;
    const rows = sheetRowCount(s);
    const keep = [...Array(rows).keys()].filter((r) => r < f.firstBodyRow || r > f.lastRow);
    permuteRows(s, [...keep.slice(0, f.firstBodyRow), ...keep.slice(f.firstBodyRow)]);
    s.values[f.firstBodyRow] = [note];
    s.rowCount = Math.max(sheetRowCount(s), f.firstBodyRow + 1);
  }
  return out;
}

/** Row 1 (the title) emptied on every sheet, as when the title sits in a text box over the cells. */
export function titleInTextBox(wb: GridWorkbook): GridWorkbook {
  const out = clone(wb);
  for (const s of out.sheets) {
    if (s.values[0]) s.values[0] = s.values[0].map(() => null);
    s.merges = s.merges.filter((m) => m.top !== 0);
  }
  return out;
}

/**
 * A comparison column (`label`: 上年预算数, 上年决算数 …) inserted before the first amount column of every table, holding
 * twice this year's figures (so its own sums hold, and reading it as this year's would break every cross-table
 * identity). The label sits in the lowest header row that has a label at that column; the header cells above it span
 * the new column as they spanned the old one.
 */
export function priorYearColumn(wb: GridWorkbook, label: string, sheets?: string[]): GridWorkbook {
  let out = clone(wb);
  for (const name of sheetsOf(wb, sheets).map((s) => s.name)) {
    const before = getSheet(out, name);
    const cols = amountColumns(before);
    if (cols.length === 0) continue;
    const f = tableFrame(before);
    const c = cols[0];
    out = insertBlankColumns(out, name, c);
    const s = getSheet(out, name);
    // The old column's own header cell (not a group merged across it): its row, and the rows it spans.
    let own: CellRange | undefined;
    for (let r = f.headerRow; r < f.firstBodyRow; r++) {
      if (s.values[r]?.some((v) => typeof v === "string" && /^栏\s*次$/.test(v.trim()))) break;
      const m = s.merges.find((x) => x.left <= c + 1 && x.right >= c + 1 && x.top <= r && x.bottom >= r);
      const top = m ? m.top : r;
      if (m && m.left !== c + 1) continue;
      if (s.values[top]?.[c + 1] !== null && s.values[top]?.[c + 1] !== undefined) own = m ?? { top: r, left: c + 1, bottom: r, right: c + 1 };
    }
    if (!own) continue;
    s.values[own.top][c] = label;
    if (own.bottom > own.top) s.merges.push({ top: own.top, left: c, bottom: own.bottom, right: c });
    for (let r = f.firstBodyRow; r <= f.lastRow; r++) {
      const v = s.values[r]?.[c + 1];
      if (typeof v === "number" && isAmountCell(s, r, c + 1)) {
        s.values[r][c] = decimalFromNumber(v).times(2).toNumber();
        (((s.numberFormats ??= [])[r] ??= [])[c] = s.numberFormats[r][c + 1] ?? "#,##0.00");
      }
    }
  }
  return out;
}

/** The header's one-column merges dropped: each label in its top cell, the cells below it left blank and unmerged. */
export function headerUnmerged(wb: GridWorkbook): GridWorkbook {
  const out = clone(wb);
  for (const s of out.sheets) s.merges = s.merges.filter((m) => m.top < 2 || m.left !== m.right);
  return out;
}
