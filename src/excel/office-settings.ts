/**
 * The workbook's own settings (Office.context.document.settings): they travel with the file, so a reviewer opening
 * it sees the unit's choices, and every runtime of the add-in (the pane, the ribbon's function file) reads the same
 * values. The pane's settings and the registry of the add-in's marks live here, each under its own key.
 */
import { MARK_REGISTRY_KEY, type MarkStore, type StoredRegistry } from "./mark-registry";

/** The pane's settings (taskpane/settings/settings-model.ts). */
export const PANE_SETTINGS_KEY = "budgetTableChecker.settings";

export interface DocumentValueStore<T> {
  /** undefined when nothing is stored. */
  load(): Promise<T | undefined>;
  save(value: T): Promise<void>;
}

export function officeDocumentStore<T>(key: string): DocumentValueStore<T> {
  const settings = () => Office.context.document.settings;
  return {
    load: () =>
      new Promise((resolve) => {
        const s = settings();
        const read = () => resolve((s.get(key) as T | null | undefined) ?? undefined);
        // Another runtime (the ribbon's function file, the pane) may have saved since this one started.
        if (typeof s.refreshAsync === "function") s.refreshAsync(() => read());
        else read();
      }),
    save: (value) =>
      new Promise((resolve, reject) => {
        const s = settings();
        s.set(key, value);
        s.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(r.error)));
      }),
  };
}

/** The marks registry in the workbook's settings: shared by the pane, the ribbon and later sessions. */
export function officeMarkStore(): MarkStore {
  const store = officeDocumentStore<StoredRegistry>(MARK_REGISTRY_KEY);
  return { load: () => store.load(), save: (d) => store.save(d) };
}
