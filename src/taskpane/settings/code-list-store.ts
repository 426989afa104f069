/**
 * Imported code lists (导入科目表), kept per year in this browser's storage (localStorage): never in the workbook,
 * never sent anywhere. One list per year; "any year" is its own slot. Importing again for a year replaces its list.
 */
import type { Classification, ImportedList } from "../../core/catalogue";

export interface StoredCodeList extends ImportedList {
  /** ISO time of the import, shown to the user. */
  importedAt: string;
}

export interface CodeListStore {
  load(): Promise<StoredCodeList[]>;
  /** Replaces the list stored for the same year (or for "any year"). */
  save(list: StoredCodeList): Promise<StoredCodeList[]>;
  remove(year: number | undefined): Promise<StoredCodeList[]>;
}

const KEY = "budget-checker.imported-code-lists.v1";
const CLASSIFICATIONS: readonly Classification[] = ["function", "dept-economic", "gov-economic", "revenue"];

/** Stored data may be old or hand-edited: keep the well-formed lists and codes only. */
export function validLists(value: unknown): StoredCodeList[] {
  if (!Array.isArray(value)) return [];
  const out: StoredCodeList[] = [];
  for (const v of value as Partial<StoredCodeList>[]) {
    if (!v || typeof v.source !== "string" || !Array.isArray(v.codes)) continue;
    if (v.year !== undefined && !(typeof v.year === "number" && Number.isInteger(v.year))) continue;
    const codes = v.codes.filter(
      (c) => c && typeof c.code === "string" && /^\d{3,9}$/.test(c.code) && typeof c.name === "string" && CLASSIFICATIONS.includes(c.classification),
    );
    if (codes.length === 0) continue;
    out.push({
      source: v.source,
      ...(v.year !== undefined ? { year: v.year } : {}),
      codes: codes.map(({ code, name, classification }) => ({ code, name, classification })),
      importedAt: typeof v.importedAt === "string" ? v.importedAt : "",
    });
  }
  return sortLists(out);
}

/** Reading `localStorage` itself throws where the browser blocks storage (privacy settings, some webviews). */
function localStorageOrNothing(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function sortLists(lists: StoredCodeList[]): StoredCodeList[] {
  return [...lists].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
}

function replaced(lists: StoredCodeList[], list: StoredCodeList): StoredCodeList[] {
  return sortLists([...lists.filter((l) => l.year !== list.year), list]);
}

/** localStorage (the pane's webview and the preview); falls back to memory where storage is blocked. */
export function browserCodeListStore(storage: Storage | undefined = localStorageOrNothing()): CodeListStore {
  const memory = memoryCodeListStore();
  if (!storage) return memory;
  const read = (): StoredCodeList[] => {
    try {
      return validLists(JSON.parse(storage.getItem(KEY) ?? "[]"));
    } catch {
      return [];
    }
  };
  const write = (lists: StoredCodeList[]): StoredCodeList[] => {
    // A full list is a few hundred kB; a quota error must reach the user, not pass silently.
    storage.setItem(KEY, JSON.stringify(lists));
    return lists;
  };
  return {
    load: async () => read(),
    save: async (list) => write(replaced(read(), list)),
    remove: async (year) => write(read().filter((l) => l.year !== year)),
  };
}

export function memoryCodeListStore(initial: StoredCodeList[] = []): CodeListStore {
  let lists = sortLists(initial);
  return {
    load: async () => lists,
    save: async (list) => (lists = replaced(lists, list)),
    remove: async (year) => (lists = lists.filter((l) => l.year !== year)),
  };
}

/** Codes per classification, most first (for "支出功能分类 1,812 个"). */
export function classificationCounts(list: ImportedList): { classification: Classification; count: number }[] {
  const counts = new Map<Classification, number>();
  for (const c of list.codes) counts.set(c.classification, (counts.get(c.classification) ?? 0) + 1);
  return [...counts.entries()].map(([classification, count]) => ({ classification, count })).sort((a, b) => b.count - a.count);
}
