/**
 * What the pane needs from the outside world, injected: the entry file builds it from Office.js (office-entry.tsx),
 * the preview from the in-memory host, tests from fakes. Components never touch Excel or Office directly.
 */
import { createContext, useContext } from "react";
import type { Catalogue, ImportedList } from "../core/catalogue";
import type { GridWorkbook } from "../core/grid";
import type { WorkbookHost } from "../host/host";
import type { LiveChecker } from "../live/live-checker";
import type { CheckConfig } from "./check-config";
import type { CodeListStore } from "./settings/code-list-store";
import type { SettingsStore } from "./settings/settings-model";

/** Top-left cell of the user's selection; templates are placed there so their formulas point at the right cells. */
export interface SelectionAnchor {
  sheet: string;
  row: number;
  col: number;
}

/** What the pane uses of the LiveChecker (tests pass a fake). */
export type PaneChecker = Pick<
  LiveChecker,
  "state" | "subscribe" | "start" | "stop" | "recheckAll" | "clearMarks" | "showMarks"
>;

export interface PaneServices {
  host: WorkbookHost;
  checker: PaneChecker;
  /** Options the checker's sessions are built with (catalogue, tolerance); the pane updates it, then re-checks. */
  checkConfig: CheckConfig;
  /** The built-in catalogue, with the imported lists laid over it when given. */
  loadCatalogue: (imported?: readonly ImportedList[]) => Promise<Catalogue>;
  settings: SettingsStore;
  /** Imported code lists (导入科目表); default: this browser's localStorage. */
  codeLists?: CodeListStore;
  /**
   * Overwrite one cell (quick fixes). The WorkbookHost contract only inserts into empty areas, so the entry supplies
   * this; the host's change events then drive the live re-check.
   */
  writeCell: (sheet: string, address: string, value: string | number) => Promise<void>;
  /**
   * Where the selection starts; undefined when the host cannot tell (templates then go to new sheets only). The host
   * itself renders an inserted template's formulas for the cell where it lands.
   */
  selectionAnchor?: () => Promise<SelectionAnchor>;
  /** Office's display language ("zh-CN", "en-US"), the default until the user picks one. */
  displayLanguage: string;
  /** .xlsx bytes the user picked → grid ("Compare with another workbook…"); default: the preview's exceljs reader, lazily. */
  readWorkbookFile?: (data: ArrayBuffer, name: string) => Promise<GridWorkbook>;
}

export const ServicesContext = createContext<PaneServices | null>(null);

export function useServices(): PaneServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error("PaneServices missing: render the pane inside <PaneRoot services={…}>");
  return s;
}
