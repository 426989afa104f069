/** Current settings and the one way to change them (persisted by the pane root). */
import { createContext, useContext } from "react";
import { defaultSettings, type PaneSettings } from "./settings-model";

export interface SettingsApi {
  settings: PaneSettings;
  update: (patch: Partial<PaneSettings>) => void;
}

export const SettingsContext = createContext<SettingsApi>({ settings: defaultSettings(), update: () => undefined });

export function useSettings(): SettingsApi {
  return useContext(SettingsContext);
}
