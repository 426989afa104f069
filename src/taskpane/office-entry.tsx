/**
 * The add-in's entry: the only pane file that touches Office (its Office.onReady). Builds PaneServices over the
 * Office adapters in src/excel (host, document settings, cell writes, selection anchor) and renders the pane.
 */
import { createRoot } from "react-dom/client";
import { loadCatalogue } from "../core/catalogue";
import { LiveChecker } from "../live/live-checker";
import { selectionAnchor, writeCell } from "../excel/office-cells";
import { OfficeHost } from "../excel/office-host";
import { PANE_SETTINGS_KEY, officeDocumentStore, officeMarkStore } from "../excel/office-settings";
import { officeDisplayLanguage } from "../excel/office-ui";
import { CheckConfig } from "./check-config";
import { PaneRoot } from "./PaneRoot";
import type { PaneServices } from "./services";
import type { PaneSettings, SettingsStore } from "./settings/settings-model";

/** Settings travel with the workbook (Office document settings), so a reviewer opening it sees the unit's choices. */
function officeSettingsStore(): SettingsStore {
  const store = officeDocumentStore<Partial<PaneSettings>>(PANE_SETTINGS_KEY);
  return { load: async () => (await store.load()) ?? {}, save: (s) => store.save(s) };
}

/** The check worker (webpack entry check-worker.js, beside the pane's page); none where Worker does not exist. */
const checkWorker = typeof Worker === "undefined" ? undefined : () => new Worker("check-worker.js");

function buildServices(): PaneServices {
  // The marks registry in the workbook's settings: the ribbon's Check and later sessions share it.
  const host = new OfficeHost(undefined, { markStore: officeMarkStore() });
  const checkConfig = new CheckConfig({ worker: checkWorker });
  return {
    host,
    checker: new LiveChecker(host, { createSession: checkConfig.sessionFactory }),
    checkConfig,
    loadCatalogue,
    settings: officeSettingsStore(),
    writeCell: (sheet, address, value) => writeCell(sheet, address, value),
    selectionAnchor: () => selectionAnchor(),
    displayLanguage: officeDisplayLanguage() ?? "",
  };
}

void Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(<PaneRoot services={buildServices()} />);
});
