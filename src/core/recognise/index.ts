/** Recognition entry points: sheet → tables, workbook → tables. */
import { rangeToA1 } from "../address";
import type { TableSummary } from "../finding";
import { MergeIndex, type GridSheet, type GridWorkbook } from "../grid";
import { normaliseLabel } from "../text";
import { isNoteOrCheckLabel } from "./columns";
import { isMetaText } from "./rows-scan";
import { segmentSheet, type Segment } from "./segment";
import { recogniseSegment } from "./table";
import type { RecognisedTable } from "./types";

export * from "./types";

export function recogniseSheet(sheet: GridSheet): RecognisedTable[] {
  const tables = recogniseTables(sheet);
  if (sheet.state === "hidden" || sheet.state === "veryHidden") for (const t of tables) t.hidden = true;
  return tables;
}

function recogniseTables(sheet: GridSheet): RecognisedTable[] {
  const bands = bandsOf(sheet);
  if (bands === null) {
    const merges = new MergeIndex(sheet);
    const segments = segmentSheet(sheet);
    return segments.map((seg, i) => recogniseSegment(sheet, merges, seg, i, segments.length === 1 ? sheet.name : undefined));
  }
  // Tables side by side (a template inserted beside a table, two tables on one printed page), or a table with what is
  // beside it left out: each band of columns is recognised on its own, in the sheet's coordinates.
  const out: RecognisedTable[] = [];
  for (const band of bands) {
    const view = bandView(sheet, band);
    const merges = new MergeIndex(view);
    const segments = segmentSheet(view);
    for (const seg of segments) out.push(recogniseSegment(view, merges, seg, out.length, bands.length === 1 && segments.length === 1 ? sheet.name : undefined));
  }
  return out;
}

interface Band {
  left: number;
  right: number;
}

/**
 * Bands of columns separated by wholly blank columns (no value, no merge across), or null when the sheet is read
 * whole. Each band holding a titled table is one (when two or more do). A band without a title stays with the table
 * on its left when it is part of it: it labels a column on that table's header rows (a second 项目 | 预算数 beyond a
 * blank column, also on the rows the header's vertical merges reach down to), or states its unit, year or 编制单位
 * on the title row or between it and the header (单位：万元 typed at the far right). Otherwise it is what an accountant put beside
 * the tables — a word typed after the title, a figure or a check number on a header row, scratch figures, a 备注 or
 * 校验 column — and is left out, so it cannot turn the title row into two texts or a header row into a row with a
 * number. O(cells).
 */
function bandsOf(sheet: GridSheet): Band[] | null {
  const used = usedColumns(sheet.values);
  for (const m of sheet.merges) for (let c = m.left; c <= m.right && c < used.length; c++) used[c] = true;
  const runs: Band[] = [];
  for (let c = 0; c < used.length; c++) {
    if (!used[c]) continue;
    const last = runs[runs.length - 1];
    if (last && last.right === c - 1) last.right = c;
    else runs.push({ left: c, right: c });
  }
  if (runs.length < 2) return null;
  const segments = runs.map((b) => segmentSheet(bandView(sheet, b)));
  const titled = segments.map((segs) => segs.some((s) => s.titleRow !== null && s.headerRows.length > 0));
  const tables = titled.filter(Boolean).length;
  if (tables === 0) return null;
  const bands: Band[] = [];
  let frame: Frame = { header: new Set(), meta: new Set() };
  let leftOut = false;
  runs.forEach((b, i) => {
    const last = bands[bands.length - 1];
    if (!last || (titled[i] && tables >= 2)) {
      bands.push({ ...b });
      frame = frameOf(sheet, b, segments[i]);
    } else if (titled[i]) {
      // The one titled table, right of untitled columns: read with them, as the whole sheet would be.
      last.right = b.right;
      frame = frameOf(sheet, b, segments[i]);
    } else if (belongs(sheet, b, frame)) last.right = b.right;
    else leftOut = true;
  });
  return leftOut || bands.length >= 2 ? bands : null;
}

/** Rows of a band's tables where a band beside them shows it is part of them. */
interface Frame {
  /** Header rows, and the rows their vertical merges reach down to (a side whose header starts lower). */
  header: Set<number>;
  /** The title row and the rows between it and the header: where the unit, year and 编制单位 are stated. */
  meta: Set<number>;
}

function frameOf(sheet: GridSheet, b: Band, segments: readonly Segment[]): Frame {
  const frame: Frame = { header: new Set(), meta: new Set() };
  for (const s of segments) {
    if (s.headerRows.length === 0) continue;
    const first = s.headerRows[0];
    for (const r of s.headerRows) frame.header.add(r);
    for (const m of sheet.merges)
      if (m.left >= b.left && m.right <= b.right && s.headerRows.includes(m.top)) for (let r = m.top; r <= m.bottom; r++) frame.header.add(r);
    for (let r = s.titleRow ?? s.top; r < first; r++) frame.meta.add(r);
  }
  return frame;
}

/** Band `b` labels a column on the frame's header rows (a text, not a remark or check label) or states a meta line. */
function belongs(sheet: GridSheet, b: Band, frame: Frame): boolean {
  const texts = function* (rows: Set<number>) {
    for (const r of rows) {
      const row = sheet.values[r];
      if (row) for (let c = b.left; c <= b.right && c < row.length; c++) if (typeof row[c] === "string") yield row[c] as string;
    }
  };
  for (const v of texts(frame.header)) {
    const label = normaliseLabel(v);
    if (label !== "" && !/^[\d.,\s\-+]+$/.test(label) && !isNoteOrCheckLabel(label)) return true;
  }
  for (const v of texts(frame.meta)) if (isMetaText(v)) return true;
  return false;
}

/**
 * The columns holding a value in some row. Its own function, as is the width's loop: a loop optimised mid-run
 * (on-stack) and left for code it never ran is thrown away there, on every sheet.
 */
function usedColumns(values: GridSheet["values"]): boolean[] {
  const used: boolean[] = [];
  const width = widest(values);
  let usedCount = 0;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    // Every column is used once a row has filled the last gap: the rest of the sheet cannot change the bands.
    if (usedCount === width) break;
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      if (used[c]) continue;
      const v = row[c];
      if (v !== null && v !== undefined && v !== "") {
        used[c] = true;
        usedCount++;
      }
    }
  }
  return used;
}

/** The longest row's length. Indexed: a for-of's result objects, one per row, are what it costs before it is optimised. */
function widest(values: GridSheet["values"]): number {
  let width = 0;
  for (let r = 0; r < values.length; r++) if (values[r] && values[r].length > width) width = values[r].length;
  return width;
}

/** The sheet with only the band's columns (and merges) kept, same coordinates and name. */
function bandView(sheet: GridSheet, band: Band): GridSheet {
  const inBand = (c: number) => c >= band.left && c <= band.right;
  const keep = <T>(grid: (T | null | undefined)[][] | undefined) =>
    grid?.map((row) => (row ? row.map((v, c) => (inBand(c) ? v : null)) : row));
  return {
    ...sheet,
    values: keep(sheet.values) as GridSheet["values"],
    formulas: keep(sheet.formulas),
    texts: keep(sheet.texts),
    numberFormats: keep(sheet.numberFormats),
    merges: sheet.merges.filter((m) => inBand(m.left) && inBand(m.right)),
  };
}

export function recogniseWorkbook(wb: GridWorkbook): RecognisedTable[] {
  return wb.sheets.flatMap((s) => recogniseSheet(s));
}

export function tableSummary(t: RecognisedTable): TableSummary {
  const summary: TableSummary = { id: t.id, sheet: t.sheet, kind: t.kind, range: rangeToA1(t.range), title: t.title };
  // The pane takes its default year and unit name from the workbook (not the clock) when the user has set none.
  if (t.year !== undefined) summary.year = t.year;
  if (t.unitName) summary.unitName = t.unitName;
  if (t.hidden) summary.hidden = true;
  return summary;
}
