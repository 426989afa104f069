/** The imported code lists of this browser, and the one way to change them (the pane root loads and stores them). */
import { createContext, useContext, useEffect, useMemo, useState } from "react";
import type { CodeListStore, StoredCodeList } from "./code-list-store";

export interface CodeListsApi {
  /** Loaded lists; empty until the store has answered. */
  lists: readonly StoredCodeList[];
  save: (list: StoredCodeList) => Promise<void>;
  remove: (year: number | undefined) => Promise<void>;
}

const NONE: readonly StoredCodeList[] = [];

export const CodeListsContext = createContext<CodeListsApi>({ lists: NONE, save: async () => undefined, remove: async () => undefined });

export function useCodeLists(): CodeListsApi {
  return useContext(CodeListsContext);
}

/** For the pane root: the store's lists as state; save/remove write through and update the state. */
export function useCodeListStore(store: CodeListStore): CodeListsApi & { loaded: boolean } {
  const [lists, setLists] = useState<readonly StoredCodeList[]>(NONE);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let cancelled = false;
    store
      .load()
      .catch(() => NONE)
      .then((l) => {
        if (cancelled) return;
        if (l.length > 0) setLists(l);
        setLoaded(true);
      });
    return () => {
      cancelled = true;
    };
  }, [store]);
  return useMemo(
    () => ({
      lists,
      loaded,
      save: async (list) => setLists(await store.save(list)),
      remove: async (year) => setLists(await store.remove(year)),
    }),
    [store, lists, loaded],
  );
}
