/** The year-aware catalogue API: lookup, children, search, and the facts the rules need. */
import { classifyCode, levelOf, parentCode } from "../codes/classify";
import { searchRows, type InitialsOf } from "./search";
import type { CatalogueData, CatalogueEntry, ImportedList, PathStep, SearchOptions } from "./types";
import { buildYearIndex, parentKey, type IndexedRow, type YearIndex } from "./year-index";

export interface Catalogue {
  /** Budget years the data covers, ascending. */
  readonly years: readonly number[];
  /** The data year used for `year`: itself if covered, else the nearest covered year. */
  resolveYear(year: number): number;
  lookup(code: string, year: number): CatalogueEntry | undefined;
  /** Direct children (款 of a 类, 项 of a 款, …) in code order. */
  children(code: string, year: number): CatalogueEntry[];
  search(text: string, year: number, options?: SearchOptions): CatalogueEntry[];
  /**
   * Every covered year in which `code` exists, as evidence for the others: empty for a code known only from the years
   * it was seen in (attested) and for one only a list imported for one year holds.
   */
  yearsOf(code: string): number[];
  /** 政府经济分类 款 codes a 部门经济分类 款 may be paired with, or undefined when the table has no entry. */
  pairedGovCodes(deptCode: string): readonly string[] | undefined;
  /**
   * Whether the data can say a code does not exist in `year`: true when the nearest listed ancestor of the code
   * (or the 类 list, when no ancestor is listed) is declared complete. Always true for codes that exist.
   */
  isCovered(code: string, year: number): boolean;
  /** The imported list (file name) that is complete where `code` would sit in `year`, if any. */
  importedListFor(code: string, year: number): string | undefined;
  /** Whether any imported list applies to `year` (every year for a list without one). */
  hasImport(year: number): boolean;
}

/**
 * `imported`: the user's official lists (see ImportedList); their years join the data's years, so a list for 2027
 * is used as it is for 2027 rather than the nearest built-in year. `initialsOf` (initials.ts) gives the imported
 * names the pinyin initials the built-in ones carry in the data; without it they are found by code and name only.
 */
export function createCatalogue(data: CatalogueData, imported: readonly ImportedList[] = [], initialsOf?: InitialsOf): Catalogue {
  const years = [
    ...new Set([
      ...data.classifications.flatMap((c) => c.years),
      ...imported.flatMap((l) => (l.year === undefined ? [] : [l.year])),
    ]),
  ].sort((a, b) => a - b);
  if (years.length === 0) throw new Error("catalogue data has no years");
  const indexes = new Map<number, YearIndex>();
  const attested = new Set(data.classifications.flatMap((d) => (d.attested ?? []).map((c) => `${d.classification}:${c}`)));

  const resolveYear = (year: number): number =>
    years.reduce((best, y) => (Math.abs(y - year) < Math.abs(best - year) ? y : best), years[0]);

  // Years are materialised on first use: the pane usually needs one year only.
  // By the year asked too: the rules ask for every code row's year, and resolving it scans the years.
  const byAsked = new Map<number, YearIndex>();
  const index = (year: number): YearIndex => {
    const asked = byAsked.get(year);
    if (asked) return asked;
    const y = resolveYear(year);
    let idx = indexes.get(y);
    if (!idx) {
      idx = buildYearIndex(data.classifications, y, imported);
      indexes.set(y, idx);
    }
    byAsked.set(year, idx);
    return idx;
  };

  const entryCache = new Map<YearIndex, Map<IndexedRow, CatalogueEntry>>();
  const toEntry = (row: IndexedRow, idx: YearIndex): CatalogueEntry => {
    const path: PathStep[] = [];
    for (let len = 3; len <= row.code.length; len += 2) {
      const step = idx.byCode.get(row.code.slice(0, len));
      if (step) path.push({ code: step.code, name: step.name });
    }
    return {
      code: row.code,
      name: row.name,
      level: levelOf(row.code) ?? "类",
      path,
      year: idx.year,
      classification: row.classification,
    };
  };

  return {
    years,
    resolveYear,
    lookup(code, year) {
      const idx = index(year);
      const row = idx.byCode.get(code.trim());
      if (!row) return undefined;
      // One entry per row and year: the rules look up every code row of a workbook, and codes repeat across units.
      let entries = entryCache.get(idx);
      if (!entries) entryCache.set(idx, (entries = new Map()));
      let entry = entries.get(row);
      if (!entry) entries.set(row, (entry = toEntry(row, idx)));
      return entry;
    },
    children(code, year) {
      const idx = index(year);
      const parent = code.trim();
      return idx.rows
        .filter((r) => r.code.length === parent.length + 2 && r.code.startsWith(parent))
        .map((r) => toEntry(r, idx));
    },
    search(text, year, options) {
      const idx = index(year);
      return searchRows(idx.rows, text, options, initialsOf).map((r) => toEntry(r, idx));
    },
    yearsOf(code) {
      // A code only seen in some years (attested), or only a list for one year holds, says nothing about the others.
      const c = code.trim();
      const classification = classifyCode(c);
      if (attested.has(`${classification}:${c}`)) return [];
      return years.filter((y) => {
        const row = index(y).byCode.get(code.trim());
        return row !== undefined && row.yearListOnly !== true;
      });
    },
    isCovered(code, year) {
      const c = code.trim();
      const idx = index(year);
      if (idx.byCode.has(c)) return true;
      if (importedFor(c, idx) !== undefined) return true;
      const classification = classifyCode(c);
      const own = data.classifications.find((d) => d.classification === classification);
      if (!own) return false;
      const y = idx.year;
      let parent = parentCode(c) ?? "";
      while (parent !== "" && !idx.byCode.has(parent)) parent = parentCode(parent) ?? "";
      return own.complete.some(([p, from, to]) => p === parent && y >= from && y <= to);
    },
    importedListFor(code, year) {
      return importedFor(code.trim(), index(year));
    },
    hasImport(year) {
      const y = resolveYear(year);
      return imported.some((l) => l.year === undefined || l.year === y);
    },
    pairedGovCodes(deptCode) {
      return Object.prototype.hasOwnProperty.call(data.pairing, deptCode) ? data.pairing[deptCode] : undefined;
    },
  };
}


/** The list that covers the parent of `code` or of one of its ancestors missing from the index. */
function importedFor(code: string, idx: YearIndex): string | undefined {
  if (idx.importedParents.size === 0) return undefined;
  const classification = classifyCode(code);
  if (!classification) return undefined;
  for (let len = 3; len <= code.length; len += 2) {
    const prefix = code.slice(0, len);
    if (idx.byCode.has(prefix)) continue;
    return idx.importedParents.get(parentKey(prefix, classification));
  }
  return undefined;
}
