/** Materialises one year of the catalogue from the compact data (first year + per-year diffs). */
import type { Classification, ClassificationData, DataRow } from "./types";

export interface IndexedRow {
  code: string;
  name: string;
  initials: string;
  classification: Classification;
}

export interface YearIndex {
  year: number;
  byCode: Map<string, IndexedRow>;
  /** All rows, classification order then code order (tree order). */
  rows: IndexedRow[];
}

const ORDER: Classification[] = ["function", "dept-economic", "gov-economic", "revenue"];

/** Rows of one classification in force in `year` (base year, then each diff up to and including `year`). */
export function rowsForYear(data: ClassificationData, year: number): Map<string, DataRow> {
  const map = new Map<string, DataRow>(data.base.map((r) => [r[0], r]));
  for (const y of data.years) {
    if (y > year) break;
    const diff = data.diffs[String(y)];
    if (!diff) continue;
    for (const code of diff.remove) map.delete(code);
    for (const r of diff.rename) map.set(r[0], r);
    for (const r of diff.add) map.set(r[0], r);
  }
  return map;
}

export function buildYearIndex(classifications: ClassificationData[], year: number): YearIndex {
  const sorted = [...classifications].sort((a, b) => ORDER.indexOf(a.classification) - ORDER.indexOf(b.classification));
  const rows: IndexedRow[] = [];
  const byCode = new Map<string, IndexedRow>();
  for (const data of sorted) {
    const map = rowsForYear(data, year);
    const codes = [...map.keys()].sort();
    for (const code of codes) {
      const r = map.get(code);
      if (!r) continue;
      const row: IndexedRow = { code, name: r[1], initials: r[2], classification: data.classification };
      rows.push(row);
      byCode.set(code, row);
    }
  }
  return { year, byCode, rows };
}
