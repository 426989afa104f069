/**
 * Splits a sheet into table segments: title, meta lines, header rows, body rows. Tables may be stacked on one sheet
 * and broken by page-style repeats (title, unit line, header rows again) which are skipped, not read as data.
 */
import { sheetColCount, sheetRowCount, type GridSheet } from "../grid";
import { normaliseLabel } from "../text";
import { isNoteOrCheckLabel } from "./columns";
import { isFooterRow, isHeaderLike, isLanciRow, isMetaRow, isNoteRow, isNoteStart, scanSheet, titleOf, type RowScan, type SheetScan } from "./rows-scan";

export interface Segment {
  title: string;
  titleRow: number | null;
  metaRows: number[];
  headerRows: number[];
  lanciRow: number | null;
  bodyRows: number[];
  repeatedRows: number[];
  noteRows: number[];
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function segmentSheet(sheet: GridSheet): Segment[] {
  const width = sheetColCount(sheet);
  const height = sheetRowCount(sheet);
  const scans = scanSheet(sheet, height, width);
  const titles: Array<{ row: number; title: string }> = [];
  const lastNonEmpty = findTitles(scans, height, titles);
  if (lastNonEmpty < 0) return [];
  // Rows partly covered by a vertical merge from the row above (multi-row headers).
  const continued = new Set<number>();
  for (const m of sheet.merges) for (let r = m.top + 1; r <= Math.min(m.bottom, m.top + 10); r++) continued.add(r);
  // Rightmost column each row's merged cells reach: a header's extent includes its merged labels.
  const mergeRight = new Map<number, number>();
  for (const m of sheet.merges) if ((mergeRight.get(m.top) ?? -1) < m.right) mergeRight.set(m.top, m.right);
  // Rows whose one cell is merged across three or more columns (a header group over the whole table, such as
  // 财政拨款“三公”经费 above 合计 | 因公出国(境)费 …): a header row when a header row follows.
  // Right end of each merged area by its top-left cell (row * MERGE_KEY + col).
  const mergeEnds = new Map<number, number>();
  for (const m of sheet.merges) mergeEnds.set(m.top * MERGE_KEY + m.left, m.right);
  const wide = new Set<number>();
  for (const m of sheet.merges) if (m.right - m.left >= 2 && m.top === m.bottom) wide.add(m.top);

  // Starts of segments: each title row; content before the first title forms a titleless segment.
  const starts: Array<{ row: number; title: string | null }> = [];
  const firstContent = scans.firstCol.findIndex((c) => c >= 0);
  if (titles.length === 0 || firstContent < titles[0].row) {
    const firstTitle = titles.length ? titles[0].row : height;
    let hasTableContent = false;
    for (let r = firstContent; r < firstTitle && !hasTableContent; r++) hasTableContent = scans.hasNumeric(r) || isHeaderLike(scans.at(r));
    if (hasTableContent) starts.push({ row: firstContent, title: null });
  }
  for (const t of titles) starts.push({ row: t.row, title: t.title });

  const segments: Segment[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = i + 1 < starts.length ? starts[i + 1].row - 1 : lastNonEmpty;
    const seg = buildSegment(scans, start.row, end, start.title, continued, mergeRight, wide, mergeEnds);
    const prev = segments[segments.length - 1];
    if (prev && seg && isContinuation(prev, seg, scans)) {
      absorb(prev, seg);
      continue;
    }
    if (seg) segments.push(seg);
  }
  return segments;
}

/**
 * The title rows into `titles`; returns the last non-empty row (-1 for none). Its own function, as readBody: a loop
 * optimised mid-run (on-stack) and left for code it never ran is thrown away there, on every sheet.
 */
function findTitles(scans: SheetScan, height: number, titles: Array<{ row: number; title: string }>): number {
  let lastNonEmpty = -1;
  for (let r = 0; r < height; r++) {
    if (scans.blank(r)) continue;
    lastNonEmpty = r;
    // A typed number's text has no 年: titleOf refuses such a row, so its cells are not built to ask.
    if (scans.hasNumber(r)) continue;
    const t = titleOf(scans.at(r));
    if (t) titles.push({ row: r, title: t });
  }
  return lastNonEmpty;
}

function buildSegment(
  scans: SheetScan,
  top: number,
  bottom: number,
  title: string | null,
  continued: Set<number>,
  mergeRight: Map<number, number> = new Map(),
  wide: ReadonlySet<number> = new Set(),
  mergeEnds: ReadonlyMap<number, number> = new Map(),
): Segment | null {
  const seg: Segment = {
    title: title ?? "",
    titleRow: title ? top : null,
    metaRows: [],
    headerRows: [],
    lanciRow: null,
    bodyRows: [],
    repeatedRows: [],
    noteRows: [],
    top,
    bottom,
    left: Number.MAX_SAFE_INTEGER,
    right: -1,
  };
  let r = title ? top + 1 : top;
  // Meta lines (unit name, year, 单位：万元) and blank lines before the header. Without a title, a line of one text
  // that is not a title (too long, or no table words: a pasted note above the table) is kept as a meta line too, so
  // the table under it is still found by its header.
  let preamble = 0;
  while (
    r <= bottom &&
    (scans.at(r).count === 0 || isMetaRow(scans.at(r)) || (!title && preamble < MAX_PREAMBLE && isPreamble(scans.at(r))))
  ) {
    if (scans.at(r).count) seg.metaRows.push(r);
    if (!title && scans.at(r).count && !isMetaRow(scans.at(r))) preamble++;
    r++;
  }
  // Header rows, then an optional 栏次 row. A blank row inside the header (one inserted between two header rows)
  // does not end it when a header or 栏次 row follows.
  // The 栏次 row is read over the table's own columns, as the header rows above it say them.
  const isLanciAt = (row: number) => isLanciRow(scans.at(row), tableColumns(scans, seg.headerRows, mergeEnds));
  const wideGroupAbove = (row: number) =>
    seg.headerRows.length === 0 && wide.has(row) && scans.at(row).count === 1 && row + 1 <= bottom && isHeaderLike(scans.at(row + 1), continued.has(row + 1));
  // One column label alone under the header (科目编码 under 功能分类科目, the cells beside it left unmerged and blank).
  const loneLabel = (row: number) =>
    seg.headerRows.length > 0 && scans.at(row).count === 1 && /^(科目|功能分类科目|经济分类科目)?(编码|代码|名称)$/.test(normaliseLabel(scans.at(row).cells[0].text));
  const headerAt = (row: number) =>
    row <= bottom &&
    scans.at(row).count > 0 &&
    (isHeaderLike(scans.at(row), (continued.has(row) && seg.headerRows.length > 0) || wideGroupAbove(row) || loneLabel(row)) || isLanciAt(row));
  while (r <= bottom && (headerAt(r) || (seg.headerRows.length > 0 && blankBeforeHeader(scans, r, bottom, headerAt)))) {
    if (scans.at(r).count === 0) {
      r++;
      continue;
    }
    if (isLanciAt(r)) {
      seg.lanciRow = r;
      r++;
      break;
    }
    seg.headerRows.push(r);
    r++;
  }
  if (seg.headerRows.length === 0 && !title) return null;
  const headerKey = seg.headerRows.length ? scans.at(seg.headerRows[0]).distinct.join("|") : null;
  readBody(scans, seg, r, bottom, headerKey, continued, isLanciAt);
  // The header says how wide the table is: cells right of it (a check figure, scratch numbers, a code typed beside
  // the table) are not columns of the table. Without a header, the body's extent.
  const framing = seg.headerRows.length ? [...seg.headerRows, ...(seg.lanciRow !== null ? [seg.lanciRow] : [])] : seg.bodyRows;
  for (const row of framing) {
    const first = scans.firstCol[row];
    if (first >= 0) {
      seg.left = Math.min(seg.left, first);
      seg.right = Math.max(seg.right, scans.lastCol[row], mergeRight.get(row) ?? -1);
    }
  }
  if (seg.headerRows.length) seg.left = leftmost(scans, seg.bodyRows, seg.left);
  if (seg.right < 0) {
    seg.left = Math.max(0, scans.firstCol[top]);
    seg.right = Math.max(0, scans.lastCol[top]);
  }
  seg.bottom = lastOf(seg);
  return seg;
}

/** The leftmost first column of `rows`, `left` at most (its own function: see findTitles). */
function leftmost(scans: SheetScan, rows: readonly number[], left: number): number {
  const firstCol = scans.firstCol;
  for (let i = 0; i < rows.length; i++) {
    const first = firstCol[rows[i]];
    if (first >= 0 && first < left) left = first;
  }
  return left;
}

/**
 * The body rows from `from` to `bottom`, with the repeats and notes among them, into `seg` (its own function: the
 * loop over a large table is optimised on its own, and code after it that the loop never ran cannot undo that).
 */
function readBody(
  scans: SheetScan,
  seg: Segment,
  from: number,
  bottom: number,
  headerKey: string | null,
  continued: Set<number>,
  isLanciAt: (row: number) => boolean,
): void {
  // A number's text starts with a digit, "-", "I" (Infinity) or "N" (NaN): a header key starting otherwise is no
  // repeat of a row whose first cell is a number.
  const numberLedKey = headerKey !== null && /^[\d\-IN]/.test(headerKey);
  // A unit line may sit at the right of the first header row's line, above it; meta after the header is rare.
  let inRepeat = false;
  let ended = false;
  for (let r = from; r <= bottom; r++) {
    if (scans.blank(r)) continue;
    // A plain data row (a number not shown as a date, no note word first) is no note, footer, meta line or title:
    // outside a repeat only the header's repeat is left to rule out, without building its cells.
    if (
      !ended &&
      !inRepeat &&
      isPlainDataRow(scans, r) &&
      (headerKey === null || (!numberLedKey && scans.firstIsNumber(r)) || !scans.distinctIs(r, headerKey))
    ) {
      seg.bodyRows.push(r);
      continue;
    }
    const s = scans.at(r);
    if (ended) {
      // Text after the table's note: more notes, or stray text; stop the table there.
      if (isNoteRow(s) || isFooterRow(s) || !s.hasNumeric) seg.noteRows.push(r);
      else {
        seg.bottom = lastOf(seg);
        break;
      }
      continue;
    }
    if (isNoteRow(s) || (seg.bodyRows.length > 0 && isFooterRow(s))) {
      seg.noteRows.push(r);
      ended = true;
      continue;
    }
    const repeatsHeader = headerKey !== null && scans.distinctIs(r, headerKey);
    const isRepeatLine =
      repeatsHeader ||
      (inRepeat && (isHeaderLike(s, continued.has(r)) || isLanciAt(r) || isMetaRow(s))) ||
      (!s.hasNumeric && isMetaRow(s)) ||
      (seg.title !== "" && titleOf(s) === seg.title);
    if (isRepeatLine) {
      seg.repeatedRows.push(r);
      inRepeat = true;
      continue;
    }
    inRepeat = false;
    seg.bodyRows.push(r);
  }
}

const MAX_PREAMBLE = 2;
/** Columns per row in a merge key: Excel's 16,384. */
const MERGE_KEY = 16384;

/**
 * The table's own columns by its header rows: those left of the last labelled column that is not a remark or check
 * column (校验, 差额, 备注 — an accountant's addition beside the table, whichever header row it is written in), and not
 * such a column themselves. Without header rows, every column.
 */
function tableColumns(scans: SheetScan, headerRows: readonly number[], mergeEnds: ReadonlyMap<number, number>): (col: number) => boolean {
  if (headerRows.length === 0) return () => true;
  const checks = new Set<number>();
  let right = -1;
  const label = (text: string, left: number, last: number) => {
    if (isNoteOrCheckLabel(normaliseLabel(text))) for (let c = left; c <= last; c++) checks.add(c);
    else right = Math.max(right, last);
  };
  for (const r of headerRows) {
    for (const cell of scans.at(r).cells) label(cell.text, cell.col, mergeEnds.get(r * MERGE_KEY + cell.col) ?? cell.col);
  }
  return (col) => col <= right && !checks.has(col);
}

/** Row `r` and at most one more are blank and a header row follows them. */
function blankBeforeHeader(scans: SheetScan, r: number, bottom: number, headerAt: (row: number) => boolean): boolean {
  for (let k = r; k <= Math.min(bottom, r + 1); k++) {
    if (scans.at(k).count > 0) return headerAt(k);
  }
  return false;
}

/** What the loop over a segment's body would find of a row with a plain number: neither note nor footer nor title. */
function isPlainDataRow(scans: SheetScan, r: number): boolean {
  return scans.plainNumber(r) && (scans.firstIsNumber(r) || !isNoteStart(normaliseLabel(scans.firstText(r))));
}

/** One text, no numbers, not a header or 栏次 row, not a note. */
function isPreamble(scan: RowScan): boolean {
  return !scan.hasNumeric && scan.distinct.length === 1 && !isHeaderLike(scan) && !isLanciRow(scan) && !isNoteRow(scan);
}

/** The segment's last row. A loop, not Math.max(...rows): spreading 150,000 body rows overflows the stack. */
function lastOf(seg: Segment): number {
  let last = Math.max(seg.titleRow ?? seg.top, seg.lanciRow ?? -1);
  const lastBody = seg.bodyRows[seg.bodyRows.length - 1] ?? -1;
  const consider = (rows: readonly number[], limit = Infinity) => {
    for (let i = 0; i < rows.length; i++) if (rows[i] > last && rows[i] < limit) last = rows[i];
  };
  consider(seg.metaRows);
  consider(seg.headerRows);
  consider(seg.bodyRows);
  consider(seg.repeatedRows, lastBody);
  consider(seg.noteRows);
  return last;
}

/** Same title and same header again right after a table with no closing note: a page-break repeat. */
function isContinuation(prev: Segment, next: Segment, scans: SheetScan): boolean {
  if (!prev.title || prev.title !== next.title) return false;
  if (prev.noteRows.length > 0) return false;
  if (prev.headerRows.length === 0 || next.headerRows.length === 0) return next.headerRows.length === 0;
  return scans.at(prev.headerRows[0]).distinct.join("|") === scans.at(next.headerRows[0]).distinct.join("|") && !bothHaveTotals(prev, next, scans);
}

function bothHaveTotals(a: Segment, b: Segment, scans: SheetScan): boolean {
  const hasTotal = (s: Segment) => s.bodyRows.some((r) => scans.at(r).distinct.some((t) => /^(合计|总计)$/.test(t)));
  return hasTotal(a) && hasTotal(b);
}

function absorb(prev: Segment, next: Segment): void {
  prev.repeatedRows.push(...[next.titleRow ?? next.top].filter((x) => x !== null), ...next.metaRows, ...next.headerRows);
  if (next.lanciRow !== null) prev.repeatedRows.push(next.lanciRow);
  // concat, not push(...rows): a long continuation would overflow the stack.
  prev.repeatedRows = prev.repeatedRows.concat(next.repeatedRows);
  prev.bodyRows = prev.bodyRows.concat(next.bodyRows);
  prev.noteRows = prev.noteRows.concat(next.noteRows);
  prev.bottom = Math.max(prev.bottom, next.bottom);
  prev.left = Math.min(prev.left, next.left);
  prev.right = Math.max(prev.right, next.right);
}
