/** Materialises one year of the catalogue from the compact data (first year + per-year diffs). */
import type { Classification, ClassificationData, DataRow, ImportedList } from "./types";

export interface IndexedRow {
  code: string;
  name: string;
  /** Pinyin initials of the name; undefined for an imported name until a search needs them (see searchRows). */
  initials?: string;
  classification: Classification;
  /** Only a list imported for this very year holds it: no evidence for other years (see Catalogue.yearsOf). */
  yearListOnly?: true;
}

export interface YearIndex {
  year: number;
  byCode: Map<string, IndexedRow>;
  /** All rows, classification order then code order (tree order). */
  rows: IndexedRow[];
  /**
   * Parents an imported list gives children of (`parentKey`), with the list's file name: below them the list is
   * complete, so a code it lacks does not exist that year.
   */
  importedParents: Map<string, string>;
}

/** Key of a code's parent: the code two digits shorter, or the 类 list of its classification for a 类. */
export function parentKey(code: string, classification: Classification): string {
  return code.length > 3 ? code.slice(0, code.length - 2) : `${classification}:`;
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

export function buildYearIndex(classifications: ClassificationData[], year: number, imported: readonly ImportedList[] = []): YearIndex {
  const sorted = [...classifications].sort((a, b) => ORDER.indexOf(a.classification) - ORDER.indexOf(b.classification));
  const byCode = new Map<string, IndexedRow>();
  for (const data of sorted) {
    const map = rowsForYear(data, year);
    for (const [code, r] of map) byCode.set(code, { code, name: r[1], initials: r[2], classification: data.classification });
  }
  const importedParents = applyImports(byCode, year, imported);
  const rows = [...byCode.values()].sort(
    (a, b) => ORDER.indexOf(a.classification) - ORDER.indexOf(b.classification) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return { year, byCode, rows, importedParents };
}

/**
 * Lays the imported lists for `year` over the built-in rows: lists without a year first, then the year's own (which
 * win). Built-in codes under a parent an import covers, and absent from it, are dropped: the official list is complete.
 */
function applyImports(byCode: Map<string, IndexedRow>, year: number, imported: readonly ImportedList[]): Map<string, string> {
  const lists = [...imported.filter((l) => l.year === undefined), ...imported.filter((l) => l.year === year)];
  const parents = new Map<string, string>();
  if (lists.length === 0) return parents;
  const codes = new Map<string, IndexedRow>();
  const source = new Map<string, string>();
  for (const list of lists)
    for (const c of list.codes) {
      const builtIn = byCode.get(c.code);
      // An imported name keeps the built-in initials when it is the same; others are computed when searched.
      const row: IndexedRow = { code: c.code, name: c.name, classification: c.classification };
      if (builtIn && builtIn.name === c.name && builtIn.initials !== undefined) row.initials = builtIn.initials;
      if (list.year !== undefined && !builtIn && !codes.has(c.code)) row.yearListOnly = true;
      codes.set(c.code, row);
      source.set(c.code, list.source);
    }
  // A parent is covered when the list prints it together with its children (an excerpt of one 款 says nothing about
  // the other 款 of its 类). The 类 list is covered when the import holds every 类 the built-in data knows: only a
  // whole official list does, and an excerpt must not turn every other 类 into an error.
  const importedClasses = new Map<Classification, string[]>();
  for (const [code, row] of codes) {
    if (code.length === 3) {
      importedClasses.set(row.classification, [...(importedClasses.get(row.classification) ?? []), code]);
      continue;
    }
    const parent = code.slice(0, code.length - 2);
    const from = source.get(parent);
    if (codes.has(parent) && from !== undefined) parents.set(parent, from);
  }
  for (const [classification, list] of importedClasses) {
    const known = [...byCode.values()].filter((r) => r.code.length === 3 && r.classification === classification);
    if (known.length > 0 && known.every((r) => list.includes(r.code)))
      parents.set(parentKey(list[0], classification), source.get(list[0]) ?? "");
  }
  for (const [code, row] of byCode) {
    if (codes.has(code)) continue;
    // Dropped when the code or any of its ancestors sits under a covered parent without being in the list.
    for (let len = 3; len <= code.length; len += 2) {
      const prefix = code.slice(0, len);
      if (!codes.has(prefix) && parents.has(parentKey(prefix, row.classification))) {
        byCode.delete(code);
        break;
      }
    }
  }
  for (const [code, row] of codes) byCode.set(code, row);
  return parents;
}
