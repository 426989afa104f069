/** The preview keeps pane settings in localStorage (in Excel they live in the document). */
import type { PaneSettings, SettingsStore } from "../taskpane/settings/settings-model";

const KEY = "budgetTableChecker.preview.settings";

export function localSettingsStore(storage: Storage = window.localStorage): SettingsStore {
  return {
    load: async () => {
      try {
        return JSON.parse(storage.getItem(KEY) ?? "{}") as Partial<PaneSettings>;
      } catch {
        return {};
      }
    },
    save: async (s) => storage.setItem(KEY, JSON.stringify(s)),
  };
}
