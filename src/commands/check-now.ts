/**
 * The ribbon's "检查 / Check" command: one full read, check and re-mark through the Excel adapter, then a short
 * notice. Office-free: every effect is injected, so the tests drive it with the in-memory host.
 */
import type { Catalogue, ImportedList } from "../core/catalogue";
import type { CheckResult } from "../core/finding";
import { LiveChecker, type WorkbookHost } from "../excel";
import { sessionFactoryFor, setupFromSettings, type CheckSetup } from "../live/check-setup";
import type { CodeListStore } from "../taskpane/settings/code-list-store";
import { defaultSettings, mergeSettings, type PaneSettings } from "../taskpane/settings/settings-model";

/** What the handler needs of Office.AddinCommands.Event. */
export interface CommandEvent {
  completed(): void;
}

export type Language = "zh" | "en";

export interface CheckNowDeps {
  /** A fresh host per click: the function file may outlive many edits between clicks. */
  createHost(): WorkbookHost;
  /** Show a short message without waiting for the user; must settle. */
  notify(message: string): Promise<void>;
  language(): Language;
  log(error: unknown): void;
  /**
   * The pane's stored settings (the workbook's settings in Excel): the ribbon checks with the same rule profile,
   * switched-off rules and tolerance as the pane, so both mark the same cells.
   */
  loadSettings(): Promise<Partial<PaneSettings> | undefined>;
  /** The pane's catalogue loader (code rules run only with its catalogue), given the lists below. */
  loadCatalogue(imported?: readonly ImportedList[]): Promise<Catalogue>;
  /** The pane's imported code lists (Settings → 导入科目表, this browser's storage), laid over the catalogue. */
  codeLists: Pick<CodeListStore, "load">;
}

/** Reads, checks and marks once; no change subscription (that is the pane's live mode). */
export function checkOnce(host: WorkbookHost, setup: CheckSetup = {}): Promise<CheckResult> {
  return new LiveChecker(host, { createSession: sessionFactoryFor(setup) }).recheckAll();
}

/**
 * The pane's setup, from the stored settings, the imported code lists and the catalogue. Settings that cannot be
 * read mean the defaults; lists that cannot be read mean the built-in catalogue alone; a catalogue that fails to load
 * means no code rules (each as in the pane).
 */
export async function ribbonSetup(deps: Pick<CheckNowDeps, "loadSettings" | "loadCatalogue" | "codeLists" | "log">): Promise<CheckSetup> {
  const stored = await deps.loadSettings().catch((e: unknown) => (deps.log(e), undefined));
  const lists = await deps.codeLists.load().catch((e: unknown): ImportedList[] => (deps.log(e), []));
  const catalogue = await deps.loadCatalogue(lists).catch((e: unknown) => (deps.log(e), undefined));
  return setupFromSettings(mergeSettings(defaultSettings(), stored), catalogue);
}

export function createCheckNow(deps: CheckNowDeps): (event: CommandEvent) => Promise<void> {
  return async (event) => {
    try {
      let message: string;
      try {
        message = summarise(await checkOnce(deps.createHost(), await ribbonSetup(deps)), deps.language());
      } catch (e) {
        deps.log(e);
        message = failureMessage(e, deps.language());
      }
      await deps.notify(message);
    } catch (e) {
      deps.log(e);
    } finally {
      // Office queues further clicks until this is called, so it must run on every path.
      event.completed();
    }
  };
}

export function summarise(result: CheckResult, lang: Language): string {
  const tables = result.tables.length;
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  const [errors, warnings, infos] = [count("error"), count("warning"), count("info")];
  if (lang === "zh") {
    if (tables === 0) return "未识别到预算公开表。打开检查面板可查看识别说明。";
    if (errors + warnings === 0)
      return infos === 0
        ? `已检查 ${tables} 张表，未发现问题。`
        : `已检查 ${tables} 张表，未发现错误或警告（${infos} 条提示见检查面板）。`;
    const parts = [errors && `${errors} 个错误`, warnings && `${warnings} 个警告`].filter(Boolean).join("、");
    return `已检查 ${tables} 张表：${parts}，已在单元格上标出。打开检查面板查看详情。`;
  }
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? "" : "s"}`;
  if (tables === 0) return "No budget tables recognised. Open the checker pane for details.";
  if (errors + warnings === 0)
    return infos === 0
      ? `Checked ${n(tables, "table")}: no problems found.`
      : `Checked ${n(tables, "table")}: no errors or warnings (${n(infos, "note")} in the checker pane).`;
  const parts = [errors && n(errors, "error"), warnings && n(warnings, "warning")].filter(Boolean).join(", ");
  return `Checked ${n(tables, "table")}: ${parts}, marked on the cells. Open the checker pane for details.`;
}

export function failureMessage(error: unknown, lang: Language): string {
  const zh = error instanceof Error ? error.message : String(error);
  if (lang === "zh") return `检查未完成：${zh}`;
  const en =
    error instanceof Error && "messageEn" in error && typeof error.messageEn === "string" ? error.messageEn : zh;
  return `The check did not finish: ${en}`;
}
