/** The ribbon command without Office: the in-memory host stands in for Excel, fakes for the dialog and Office. */
import path from "node:path";
import { readXlsxFile } from "../../src/cli/xlsx-grid";
import { loadCatalogue } from "../../src/core/catalogue";
import type { CheckResult, Finding } from "../../src/core/finding";
import type { GridWorkbook } from "../../src/core/grid";
import { LiveChecker } from "../../src/live/live-checker";
import { CheckConfig } from "../../src/taskpane/check-config";
import { browserCodeListStore, memoryCodeListStore, type StoredCodeList } from "../../src/taskpane/settings/code-list-store";
import { mergeSettings, defaultSettings, type PaneSettings } from "../../src/taskpane/settings/settings-model";
import { TargetNotEmptyError, type WorkbookHost } from "../../src/host/host";
import { MemoryHost } from "../../src/host/memory-host";
import { createCheckNow, failureMessage, summarise, type CheckNowDeps } from "../../src/commands/check-now";
import { CHECK_NOW, officeDeps, registerCommands, type OfficeLike } from "../../src/commands/commands";
import { dialogNotifier, noticeUrl, renderNotice, type DialogHandle } from "../../src/commands/notice";

const SAMPLE = path.resolve(__dirname, "../../assets/sample.xlsx");

function deps(host: WorkbookHost, patch: Partial<CheckNowDeps> = {}) {
  const notices: string[] = [];
  const errors: unknown[] = [];
  const d: CheckNowDeps = {
    createHost: () => host,
    notify: async (m) => void notices.push(m),
    language: () => "zh",
    log: (e) => void errors.push(e),
    loadSettings: async () => undefined,
    loadCatalogue,
    codeLists: memoryCodeListStore(),
    ...patch,
  };
  return { d, notices, errors };
}

function event() {
  return { completed: jest.fn() };
}

/** A host whose every call fails, standing in for Excel rejecting a batch. */
function failingHost(error: Error): WorkbookHost {
  const fail = () => Promise.reject(error);
  return {
    readWorkbook: fail,
    readSheets: fail,
    readRanges: fail,
    writeHighlights: fail,
    clearHighlights: fail,
    selectCells: fail,
    insertCodes: fail,
    insertBlock: fail,
    onChange: fail,
  };
}

describe("checkNow handler", () => {
  it("checks the sample once through the adapter, marks the cells, notifies, completes", async () => {
    const host = new MemoryHost(await readXlsxFile(SAMPLE));
    const { d, notices, errors } = deps(host);
    const e = event();
    await createCheckNow(d)(e);
    expect(errors).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^已检查 \d+ 张表：2 个警告，已在单元格上标出。/);
    expect(host.marks().cells.length).toBeGreaterThan(0);
    expect(host.calls.reads).toBe(1);
    expect(e.completed).toHaveBeenCalledTimes(1);
  });

  it("speaks English when Office's display language is not Chinese", async () => {
    const host = new MemoryHost(await readXlsxFile(SAMPLE));
    const { d, notices } = deps(host, { language: () => "en" });
    await createCheckNow(d)(event());
    expect(notices[0]).toMatch(/^Checked \d+ tables: 2 warnings, marked on the cells\./);
  });

  it("completes only after the notice is gone", async () => {
    const order: string[] = [];
    const host = new MemoryHost(await readXlsxFile(SAMPLE));
    const { d } = deps(host, { notify: async () => void order.push("notified") });
    await createCheckNow(d)({ completed: () => order.push("completed") });
    expect(order).toEqual(["notified", "completed"]);
  });

  it("reports a failed check in the notice and still completes", async () => {
    const { d, notices, errors } = deps(failingHost(new Error("RichApi.Error: 内部错误")));
    const e = event();
    await createCheckNow(d)(e);
    expect(notices).toEqual(["检查未完成：RichApi.Error: 内部错误"]);
    expect(errors).toHaveLength(1);
    expect(e.completed).toHaveBeenCalledTimes(1);
  });

  it("completes even when the notice fails or the language cannot be read", async () => {
    const host = new MemoryHost(await readXlsxFile(SAMPLE));
    for (const patch of [
      { notify: () => Promise.reject(new Error("dialog refused")) },
      {
        language: (): "zh" => {
          throw new Error("no context");
        },
      },
    ]) {
      const { d, errors } = deps(host, patch);
      const e = event();
      await expect(createCheckNow(d)(e)).resolves.toBeUndefined();
      expect(errors.length).toBeGreaterThan(0);
      expect(e.completed).toHaveBeenCalledTimes(1);
    }
  });
});

describe("the ribbon's Check uses the pane's stored settings and catalogue (issue 16 item 4, issue 17)", () => {
  /** The sample with an unknown code at 收入总表!B9: only the catalogue's rules see it. */
  async function sampleWithBadCode(): Promise<GridWorkbook> {
    const wb = await readXlsxFile(SAMPLE);
    const sheet = wb.sheets.find((s) => s.name === "收入总表");
    if (!sheet) throw new Error("sample changed: no 收入总表");
    sheet.values[8][1] = "2089999";
    return wb;
  }
  const marked = (host: MemoryHost) => host.marks().cells.map((c) => `${c.sheet}!${c.address}:${c.severity}`).sort();

  it("switched-off rules and the tolerance come from the stored settings", async () => {
    const wb = await readXlsxFile(SAMPLE);
    const off = deps(new MemoryHost(structuredClone(wb)), {
      loadSettings: async () => ({ disabledRules: ["cross.basic-function"] }),
    });
    await createCheckNow(off.d)(event());
    expect(off.notices).toEqual([expect.stringMatching(/未发现问题/)]);
    const tolerant = deps(new MemoryHost(structuredClone(wb)), { loadSettings: async () => ({ tolerance: 100 }) });
    await createCheckNow(tolerant.d)(event());
    expect(tolerant.notices).toEqual([expect.stringMatching(/未发现错误或警告（2 条提示/)]);
  });

  it("the catalogue's rules run, as in the pane", async () => {
    const host = new MemoryHost(await sampleWithBadCode());
    const { d } = deps(host);
    await createCheckNow(d)(event());
    expect(host.markAt("收入总表", "B9")?.severity).toBe("error");
  });

  it("marks exactly the cells the pane marks with the same settings", async () => {
    const stored: Partial<PaneSettings> = { disabledRules: ["table.total-row"], tolerance: 0.5, profile: "strict" };
    const ribbonHost = new MemoryHost(await sampleWithBadCode());
    await createCheckNow(deps(ribbonHost, { loadSettings: async () => stored }).d)(event());

    // The pane: its CheckConfig filled the way the pane fills it from the same settings.
    const settings = mergeSettings(defaultSettings(), stored);
    const config = new CheckConfig();
    config.catalogue = await loadCatalogue();
    config.tolerance = settings.tolerance;
    config.profile = { name: settings.profile, disabled: settings.disabledRules };
    const paneHost = new MemoryHost(await sampleWithBadCode());
    await new LiveChecker(paneHost, { createSession: config.sessionFactory }).recheckAll();

    expect(marked(ribbonHost)).toEqual(marked(paneHost));
    expect(marked(ribbonHost)).toContain("收入总表!B9:error");
    expect(marked(ribbonHost).some((m) => m.startsWith("收入总表!D6"))).toBe(false); // switched off
  });

  /** An official list as the pane's Settings store it: 20508 complete without 2050803, which the sample prints at B9. */
  const LIST: StoredCodeList = {
    source: "2024年科目.xlsx",
    importedAt: "2026-12-01T00:00:00.000Z",
    codes: [
      { code: "205", name: "教育支出", classification: "function" },
      { code: "20508", name: "进修及培训", classification: "function" },
      { code: "2050801", name: "教师进修", classification: "function" },
      { code: "2050802", name: "干部教育", classification: "function" },
    ],
  };

  it("the code lists imported in the pane's Settings are laid over the catalogue, marking what the pane marks", async () => {
    const wb = await readXlsxFile(SAMPLE);
    const without = new MemoryHost(structuredClone(wb));
    await createCheckNow(deps(without).d)(event());
    expect(without.markAt("收入总表", "B9")).toBeUndefined();

    const ribbonHost = new MemoryHost(structuredClone(wb));
    await createCheckNow(deps(ribbonHost, { codeLists: memoryCodeListStore([LIST]) }).d)(event());
    expect(ribbonHost.markAt("收入总表", "B9")?.severity).toBe("error");

    const config = new CheckConfig();
    config.catalogue = await loadCatalogue([LIST]);
    const paneHost = new MemoryHost(structuredClone(wb));
    await new LiveChecker(paneHost, { createSession: config.sessionFactory }).recheckAll();
    expect(marked(ribbonHost)).toEqual(marked(paneHost));
  });

  it("in Office it reads the lists where the pane's Settings saved them (this browser's storage)", async () => {
    const storage = new Map<string, string>();
    const fake = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) } as Storage;
    const original = Object.getOwnPropertyDescriptor(globalThis, "localStorage");
    Object.defineProperty(globalThis, "localStorage", { value: fake, configurable: true });
    try {
      await browserCodeListStore().save(LIST); // as the pane's 导入科目表 does
      expect(await officeDeps("https://localhost/commands.html").codeLists.load()).toEqual([LIST]);
    } finally {
      if (original) Object.defineProperty(globalThis, "localStorage", original);
      else delete (globalThis as { localStorage?: Storage }).localStorage;
    }
  });

  it("code lists that cannot be read: the built-in catalogue, still a check", async () => {
    const host = new MemoryHost(await sampleWithBadCode());
    const { d, errors } = deps(host, { codeLists: { load: () => Promise.reject(new Error("storage")) } });
    await createCheckNow(d)(event());
    expect(errors).toHaveLength(1);
    expect(host.markAt("收入总表", "B9")?.severity).toBe("error");
  });

  it("unreadable settings or a catalogue that fails to load: the defaults, no code rules, still a check", async () => {
    const host = new MemoryHost(await sampleWithBadCode());
    const { d, notices, errors } = deps(host, {
      loadSettings: () => Promise.reject(new Error("settings")),
      loadCatalogue: () => Promise.reject(new Error("chunk")),
    });
    await createCheckNow(d)(event());
    expect(errors).toHaveLength(2);
    expect(notices[0]).toMatch(/^已检查/);
    expect(host.markAt("收入总表", "B9")).toBeUndefined();
  });
});

describe("notice text", () => {
  const table = { sheet: "S", kind: "expenditure", range: "A1:C9", title: "支出总表" };
  const f = (severity: Finding["severity"]): Finding => ({
    rule: "hierarchy.sum",
    severity,
    message: "m",
    messageEn: "m",
    cells: [{ sheet: "S", row: 1, col: 1 }],
  });
  const result = (tables: number, ...sev: Finding["severity"][]): CheckResult => ({
    tables: Array.from({ length: tables }, () => table),
    findings: sev.map(f),
  });

  it("says when nothing was recognised, when all is clean, and counts only what is marked", () => {
    expect(summarise(result(0), "zh")).toBe("未识别到预算公开表。打开检查面板可查看识别说明。");
    expect(summarise(result(9), "zh")).toBe("已检查 9 张表，未发现问题。");
    expect(summarise(result(9), "en")).toBe("Checked 9 tables: no problems found.");
    expect(summarise(result(1, "info", "info"), "zh")).toBe("已检查 1 张表，未发现错误或警告（2 条提示见检查面板）。");
    expect(summarise(result(2, "error", "warning", "warning", "info"), "zh")).toBe(
      "已检查 2 张表：1 个错误、2 个警告，已在单元格上标出。打开检查面板查看详情。",
    );
    expect(summarise(result(1, "error"), "en")).toBe(
      "Checked 1 table: 1 error, marked on the cells. Open the checker pane for details.",
    );
  });

  it("uses the adapter's English message when there is one", () => {
    const e = new TargetNotEmptyError("支出总表", "A1:B2");
    expect(failureMessage(e, "zh")).toBe(`检查未完成：${e.message}`);
    expect(failureMessage(e, "en")).toBe(`The check did not finish: ${e.messageEn}`);
    expect(failureMessage("boom", "en")).toBe("The check did not finish: boom");
  });
});

describe("registration", () => {
  it("associates checkNow only once Office is ready", () => {
    let ready: (() => void) | undefined;
    const associate = jest.fn();
    const office: OfficeLike = { onReady: (cb) => (ready = cb), actions: { associate } };
    const handler = jest.fn(async () => undefined);
    registerCommands(office, handler);
    expect(associate).not.toHaveBeenCalled();
    ready?.();
    expect(associate).toHaveBeenCalledWith(CHECK_NOW, handler);
  });
});

describe("notice dialog", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const PAGE = "https://localhost:3000/commands.html?_host_Info=Excel$Win32$16.01$zh-CN#x";

  function fakeDialog() {
    let onClosed: (() => void) | undefined;
    const dialog: DialogHandle & { userCloses(): void } = {
      close: jest.fn(),
      onClosed: (h) => (onClosed = h),
      userCloses: () => onClosed?.(),
    };
    return dialog;
  }

  it("opens the function file as the notice page and closes it by itself", async () => {
    const dialog = fakeDialog();
    const urls: string[] = [];
    const notify = dialogNotifier((url, done) => (urls.push(url), done(dialog)), PAGE, 4000);
    let done = false;
    const p = notify("已检查 9 张表 & <完>").then(() => (done = true));
    expect(urls).toEqual([noticeUrl(PAGE, "已检查 9 张表 & <完>")]);
    expect(new URL(urls[0]).searchParams.get("notice")).toBe("已检查 9 张表 & <完>");
    expect(urls[0]).not.toContain("_host_Info");
    await jest.advanceTimersByTimeAsync(3999);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await p;
    expect(dialog.close).toHaveBeenCalledTimes(1);
  });

  it("settles early when the user closes it, and never closes it twice", async () => {
    const dialog = fakeDialog();
    const p = dialogNotifier((_, done) => done(dialog), PAGE, 4000)("m");
    dialog.userCloses();
    await p;
    await jest.advanceTimersByTimeAsync(10_000);
    expect(dialog.close).not.toHaveBeenCalled();
  });

  it("settles when Office refuses the dialog, throws, or never answers", async () => {
    await dialogNotifier((_, done) => done(null), PAGE)("m");
    await dialogNotifier(() => {
      throw new Error("12007");
    }, PAGE)("m");
    const silent = dialogNotifier(() => undefined, PAGE, 4000)("m");
    await jest.advanceTimersByTimeAsync(7000);
    await expect(silent).resolves.toBeUndefined();
  });

  it("puts the text into the page as text", () => {
    const el = { textContent: "" };
    const doc = { getElementById: (id: string) => (id === "notice" ? el : null) } as unknown as Document;
    expect(renderNotice(doc, "?notice=%3Cb%3E2%20%E4%B8%AA%E8%AD%A6%E5%91%8A%3C%2Fb%3E")).toBe(true);
    expect(el.textContent).toBe("<b>2 个警告</b>");
    expect(renderNotice(doc, "?_host_Info=Excel")).toBe(false);
  });
});
