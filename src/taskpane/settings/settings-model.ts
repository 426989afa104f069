/** The pane's settings: what the user chooses once per workbook, persisted through an injected SettingsStore. */
import type { Language } from "../strings";
import { PROFILE_NAMES, unknownRuleKeys, type ProfileName } from "../../core/profiles";

export type Measure = "万元" | "元";

export interface PaneSettings {
  year: number;
  unitName: string;
  measure: Measure;
  /** Sum differences up to this amount (in the table's unit) are shown as info, not marked. 0 = the spec's rule. */
  tolerance: number;
  /** null = follow Office's display language. */
  language: Language | null;
  live: boolean;
  /** Rule profile (default / strict / minimal) and the rules (ids or group prefixes) switched off. */
  profile: ProfileName;
  disabledRules: string[];
}

/** Where settings live: Office document settings in Excel, localStorage in the preview, memory in tests. */
export interface SettingsStore {
  load(): Promise<Partial<PaneSettings>>;
  save(settings: PaneSettings): Promise<void>;
}

/** Budgets are prepared the year before they run, so the default is next year's. */
export function defaultSettings(today = new Date()): PaneSettings {
  return {
    year: today.getFullYear() + 1,
    unitName: "",
    measure: "万元",
    tolerance: 0,
    language: null,
    live: true,
    profile: "default",
    disabledRules: [],
  };
}

/** Stored values may come from an older version or a hand-edited document: keep only what is valid. */
export function mergeSettings(base: PaneSettings, stored: Partial<PaneSettings> | null | undefined): PaneSettings {
  const s = stored ?? {};
  const out = { ...base };
  if (typeof s.year === "number" && Number.isInteger(s.year) && s.year >= 2000 && s.year <= 2100) out.year = s.year;
  if (typeof s.unitName === "string") out.unitName = s.unitName.slice(0, 100);
  if (s.measure === "万元" || s.measure === "元") out.measure = s.measure;
  if (typeof s.tolerance === "number" && Number.isFinite(s.tolerance) && s.tolerance >= 0) out.tolerance = s.tolerance;
  if (s.language === "zh-CN" || s.language === "en" || s.language === null) out.language = s.language;
  if (typeof s.live === "boolean") out.live = s.live;
  if (typeof s.profile === "string" && (PROFILE_NAMES as readonly string[]).includes(s.profile)) out.profile = s.profile;
  if (Array.isArray(s.disabledRules))
    out.disabledRules = s.disabledRules.filter((k): k is string => typeof k === "string" && unknownRuleKeys([k]).length === 0);
  return out;
}

export type SettingsAction =
  | { type: "loaded"; settings: PaneSettings }
  | { type: "set"; patch: Partial<PaneSettings> };

export function settingsReducer(state: PaneSettings, action: SettingsAction): PaneSettings {
  switch (action.type) {
    case "loaded":
      return action.settings;
    case "set":
      return mergeSettings(state, action.patch);
  }
}

/** In-memory store, for tests and as a fallback when no persistent store is available. */
export function memorySettingsStore(initial: Partial<PaneSettings> = {}): SettingsStore & { saved: PaneSettings[] } {
  let current = initial;
  const saved: PaneSettings[] = [];
  return {
    saved,
    load: async () => current,
    save: async (s) => {
      current = s;
      saved.push(s);
    },
  };
}

/** Settings the workbook itself can supply: its tables' year and unit name. */
export type WorkbookDefaultKey = "year" | "unitName";

function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (best === undefined || n > (counts.get(best) ?? 0)) best = v;
  }
  return best;
}

/**
 * The year and unit name the workbook's recognised tables state (the most common, where tables disagree), for the
 * keys the user has not chosen: a pane opened on a 2025 budget offers 2025 templates, not the clock's next year.
 */
export function workbookDefaults(
  tables: readonly { year?: number; unitName?: string }[],
  open: ReadonlySet<WorkbookDefaultKey>,
  current: PaneSettings,
): Partial<PaneSettings> {
  const patch: Partial<PaneSettings> = {};
  const year = mostCommon(tables.map((t) => t.year).filter((y): y is number => y !== undefined));
  if (open.has("year") && year !== undefined && year !== current.year) patch.year = year;
  const unitName = mostCommon(tables.map((t) => t.unitName?.trim()).filter((u): u is string => Boolean(u)));
  if (open.has("unitName") && unitName !== undefined && unitName !== current.unitName) patch.unitName = unitName;
  return patch;
}
