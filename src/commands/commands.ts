/**
 * Function-file entry (commands.html): registers the ribbon's ExecuteFunction "checkNow" (manifest.xml) and, when
 * the page is opened as a notice dialog, shows the notice instead. No React here.
 */
import { loadCatalogue } from "../core/catalogue";
import { OfficeHost } from "../excel";
import { PANE_SETTINGS_KEY, officeDocumentStore, officeMarkStore } from "../excel/office-settings";
import { browserCodeListStore } from "../taskpane/settings/code-list-store";
import type { PaneSettings } from "../taskpane/settings/settings-model";
import { createCheckNow, type CheckNowDeps, type CommandEvent } from "./check-now";
import { dialogNotifier, renderNotice, type OpenDialog } from "./notice";

/** Must equal <FunctionName> in manifest.xml (`npm run validate` checks it). */
export const CHECK_NOW = "checkNow";

/** The part of the Office namespace this entry uses; tests pass a fake. */
export interface OfficeLike {
  onReady(callback: () => void): unknown;
  actions: { associate(actionId: string, handler: (event: CommandEvent) => unknown): void };
}

export function registerCommands(office: OfficeLike, handler: (event: CommandEvent) => Promise<void>): void {
  office.onReady(() => office.actions.associate(CHECK_NOW, handler));
}

const openOfficeDialog: OpenDialog = (url, done) =>
  Office.context.ui.displayDialogAsync(url, { height: 20, width: 30, displayInIframe: true }, (result) => {
    if (result.status !== Office.AsyncResultStatus.Succeeded) return done(null);
    const dialog = result.value;
    done({
      close: () => dialog.close(),
      onClosed: (handler) => dialog.addEventHandler(Office.EventType.DialogEventReceived, handler),
    });
  });

export function officeDeps(pageUrl: string): CheckNowDeps {
  return {
    // The pane's mark registry (workbook settings): either can clear what the other wrote.
    createHost: () => new OfficeHost(undefined, { markStore: officeMarkStore() }),
    loadSettings: () => officeDocumentStore<Partial<PaneSettings>>(PANE_SETTINGS_KEY).load(),
    loadCatalogue,
    // Where the pane's Settings keep the imported lists: this browser's storage, shared by the pane and this page.
    codeLists: browserCodeListStore(),
    notify: dialogNotifier(openOfficeDialog, pageUrl),
    language: () => (Office.context.displayLanguage?.toLowerCase().startsWith("zh") ? "zh" : "en"),
    log: (error) => console.error("checkNow:", error),
  };
}

// Only in a page with Office.js loaded (not when tests import this module).
if (typeof Office !== "undefined" && typeof window !== "undefined" && !renderNotice(document, window.location.search))
  registerCommands(Office, createCheckNow(officeDeps(window.location.href)));
