/**
 * The pane: FluentProvider, injected services, settings (loaded from the store, saved on change), language, and
 * the four tabs. Panels stay mounted while hidden so a search or a filter survives switching tabs.
 */
import { FluentProvider, makeStyles, Tab, TabList, tokens, webLightTheme } from "@fluentui/react-components";
import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import { CheckTab } from "./check/CheckTab";
import { CodesTab } from "./codes/CodesTab";
import { LanguageContext } from "./i18n";
import { ServicesContext, useServices, type PaneServices } from "./services";
import { profileFromSettings } from "../live/check-setup";
import { browserCodeListStore } from "./settings/code-list-store";
import { CodeListsContext, useCodeListStore } from "./settings/code-lists-context";
import { SettingsContext, type SettingsApi } from "./settings/settings-context";
import {
  defaultSettings,
  mergeSettings,
  settingsReducer,
  workbookDefaults,
  type PaneSettings,
  type WorkbookDefaultKey,
} from "./settings/settings-model";
import { SettingsTab } from "./settings/SettingsTab";
import { STRINGS, languageFromLocale } from "./strings";
import { TemplatesTab } from "./templates/TemplatesTab";
import { markOnce, PANE_FIRST_RENDER } from "./perf-marks";
import { useCheckerLifecycle } from "./use-checker-lifecycle";
import { useLiveState } from "./use-live-state";

export type TabId = "check" | "codes" | "templates" | "settings";
const TABS: readonly TabId[] = ["check", "codes", "templates", "settings"];

const useStyles = makeStyles({
  root: { minHeight: "100%", display: "flex", flexDirection: "column", backgroundColor: tokens.colorNeutralBackground1 },
  tabs: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, flexShrink: 0 },
  panel: { padding: tokens.spacingHorizontalM, overflowY: "auto", flexGrow: 1 },
});

export function PaneRoot(props: { services: PaneServices; initialTab?: TabId; initialSettings?: PaneSettings }) {
  // The root's effects run after the whole tree's first commit: the pane is in the document (bench/measure-pane-render.ts).
  useEffect(() => markOnce(PANE_FIRST_RENDER), []);
  return (
    <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
      <ServicesContext.Provider value={props.services}>
        <PaneApp initialTab={props.initialTab} initialSettings={props.initialSettings} />
      </ServicesContext.Provider>
    </FluentProvider>
  );
}

function PaneApp(props: { initialTab?: TabId; initialSettings?: PaneSettings }) {
  const services = useServices();
  const [settings, dispatch] = useReducer(settingsReducer, props.initialSettings ?? defaultSettings());
  const [loaded, setLoaded] = useState(false);
  const [tab, setTab] = useState<TabId>(props.initialTab ?? "check");
  const skipSave = useRef(true);
  const styles = useStyles();
  const codeListStore = useMemo(() => services.codeLists ?? browserCodeListStore(), [services]);
  const codeLists = useCodeListStore(codeListStore);
  // Year and unit name the user has not chosen (none stored, none typed here) follow the workbook's tables.
  const openDefaults = useRef(new Set<WorkbookDefaultKey>());

  useEffect(() => {
    let cancelled = false;
    services.settings
      .load()
      .catch(() => ({}))
      .then((stored) => {
        if (cancelled) return;
        const merged = mergeSettings(props.initialSettings ?? defaultSettings(), stored);
        const storedValues = (stored ?? {}) as Partial<PaneSettings>;
        if (!props.initialSettings && typeof storedValues.year !== "number") openDefaults.current.add("year");
        if (!merged.unitName) openDefaults.current.add("unitName");
        dispatch({ type: "loaded", settings: merged });
        setLoaded(true);
      });
    return () => {
      cancelled = true;
    };
  }, [services, props.initialSettings]);

  useEffect(() => {
    if (!loaded) return;
    // The first render after loading is the stored state itself: nothing to save.
    if (skipSave.current) {
      skipSave.current = false;
      return;
    }
    void services.settings.save(settings).catch(() => undefined);
  }, [services, settings, loaded]);

  const profileKey = `${settings.profile}|${settings.disabledRules.join(",")}`;
  // One object per distinct profile, so the lifecycle effect re-runs only when the rules in force change.
  const profile = useMemo(() => profileFromSettings(settings), [profileKey]);
  // The first check waits for the stored lists too, so it already judges codes by them.
  useCheckerLifecycle(services, loaded && codeLists.loaded, settings.live, settings.tolerance, profile, codeLists.lists);

  const live = useLiveState(services.checker);
  useEffect(() => {
    if (!loaded || !live.result || openDefaults.current.size === 0) return;
    const patch = workbookDefaults(live.result.tables, openDefaults.current, settings);
    if (Object.keys(patch).length > 0) dispatch({ type: "set", patch });
  }, [loaded, live.result, settings]);

  const lang = settings.language ?? languageFromLocale(services.displayLanguage);
  const s = STRINGS[lang];
  const api: SettingsApi = useMemo(
    () => ({
      settings,
      update: (patch) => {
        // A value the user chose is theirs: the workbook no longer overrides it.
        for (const key of Object.keys(patch)) openDefaults.current.delete(key as WorkbookDefaultKey);
        dispatch({ type: "set", patch });
      },
    }),
    [settings],
  );
  const labels: Record<TabId, string> = { check: s.tabCheck, codes: s.tabCodes, templates: s.tabTemplates, settings: s.tabSettings };

  return (
    <LanguageContext.Provider value={lang}>
      <CodeListsContext.Provider value={codeLists}>
      <SettingsContext.Provider value={api}>
        <div className={styles.root} lang={lang === "zh-CN" ? "zh-CN" : "en"}>
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_, d) => setTab(d.value as TabId)}
            aria-label={s.appTitle}
          >
            {TABS.map((id) => (
              <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
                {labels[id]}
              </Tab>
            ))}
          </TabList>
          {TABS.map((id) => (
            <div
              key={id}
              role="tabpanel"
              id={`panel-${id}`}
              aria-labelledby={`tab-${id}`}
              hidden={tab !== id}
              className={styles.panel}
            >
              {id === "check" && <CheckTab />}
              {id === "codes" && <CodesTab />}
              {id === "templates" && <TemplatesTab />}
              {id === "settings" && <SettingsTab />}
            </div>
          ))}
        </div>
      </SettingsContext.Provider>
      </CodeListsContext.Provider>
    </LanguageContext.Provider>
  );
}
