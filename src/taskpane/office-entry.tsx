/**
 * The add-in's entry: the only pane file that touches Office.js. Waits for Office, builds PaneServices over the
 * Office host (document settings, cell writes, selection anchor) and renders the pane.
 */
import { createRoot } from "react-dom/client";
import { loadCatalogue } from "../core/catalogue";
import { parseA1 } from "../core/address";
import { LiveChecker } from "../live/live-checker";
import { OfficeHost } from "../excel/office-host";
import { PANE_SETTINGS_KEY, officeDocumentStore, officeMarkStore } from "../excel/office-settings";
import { CheckConfig } from "./check-config";
import { PaneRoot } from "./PaneRoot";
import type { PaneServices } from "./services";
import type { PaneSettings, SettingsStore } from "./settings/settings-model";

/** Settings travel with the workbook (Office document settings), so a reviewer opening it sees the unit's choices. */
function officeSettingsStore(): SettingsStore {
  const store = officeDocumentStore<Partial<PaneSettings>>(PANE_SETTINGS_KEY);
  return { load: async () => (await store.load()) ?? {}, save: (s) => store.save(s) };
}

async function writeCell(sheet: string, address: string, value: string | number): Promise<void> {
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
    await ctx.sync();
  });
}

async function selectionAnchor(): Promise<{ sheet: string; row: number; col: number }> {
  return Excel.run(async (ctx) => {
    const range = ctx.workbook.getSelectedRange();
    range.load("address");
    await ctx.sync();
    const [sheet, cells] = splitAddress(range.address);
    const { row, col } = parseA1(cells.split(":")[0]);
    return { sheet, row, col };
  });
}

/** "'Sheet 1'!B3:C4" → ["Sheet 1", "B3:C4"]. */
function splitAddress(address: string): [string, string] {
  const at = address.lastIndexOf("!");
  const sheet = address.slice(0, at).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  return [sheet, address.slice(at + 1)];
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
    writeCell,
    selectionAnchor,
    displayLanguage: Office.context.displayLanguage,
  };
}

void Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(<PaneRoot services={buildServices()} />);
});
