/** Ranked search over one catalogue year: by code, name and pinyin initials. */
import { normaliseName } from "./normalise";
import type { IndexedRow } from "./year-index";
import type { SearchOptions } from "./types";

/** Match kinds, lower is better. */
export const Rank = {
  ExactCode: 0,
  CodePrefix: 1,
  ExactName: 2,
  NamePrefix: 3,
  NameSubstring: 4,
  InitialsPrefix: 5,
  InitialsSubstring: 6,
} as const;
export type Rank = (typeof Rank)[keyof typeof Rank];

export const DEFAULT_LIMIT = 20;

/** Pinyin initials of a name (initials.ts), given by whoever has pinyin-pro loaded. */
export type InitialsOf = (name: string) => string;

function rank(row: IndexedRow, query: string, normQuery: string, letters: string, initialsOf: InitialsOf | undefined): Rank | undefined {
  if (/^\d+$/.test(query)) {
    if (row.code === query) return Rank.ExactCode;
    if (row.code.startsWith(query)) return Rank.CodePrefix;
    return undefined;
  }
  const name = normaliseName(row.name);
  if (normQuery !== "") {
    if (name === normQuery) return Rank.ExactName;
    if (name.startsWith(normQuery)) return Rank.NamePrefix;
    if (name.includes(normQuery)) return Rank.NameSubstring;
  }
  if (letters !== "") {
    // Imported names get theirs on the first Latin search, once: a check never pays for pinyin.
    if (row.initials === undefined && initialsOf) row.initials = initialsOf(row.name);
    const initials = row.initials ?? "";
    if (initials.startsWith(letters)) return Rank.InitialsPrefix;
    if (initials.includes(letters)) return Rank.InitialsSubstring;
  }
  return undefined;
}

/**
 * Rows matching `text`, best first: exact code, code prefix (in tree order, so a 款 is followed by its 项),
 * exact name, name prefix, name substring, initials prefix, initials substring; ties keep tree order.
 */
export function searchRows(rows: IndexedRow[], text: string, options: SearchOptions = {}, initialsOf?: InitialsOf): IndexedRow[] {
  const query = text.trim().replace(/\s+/g, "");
  if (query === "") return [];
  const normQuery = normaliseName(query);
  // Initials are matched only for plain Latin input such as "jgsydw".
  const letters = /^[a-z0-9]+$/i.test(query) ? query.toLowerCase() : "";
  const hits: { row: IndexedRow; rank: Rank; order: number }[] = [];
  rows.forEach((row, order) => {
    if (options.classification && row.classification !== options.classification) return;
    const r = rank(row, query, normQuery, letters, initialsOf);
    if (r !== undefined) hits.push({ row, rank: r, order });
  });
  hits.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return hits.slice(0, options.limit ?? DEFAULT_LIMIT).map((h) => h.row);
}
