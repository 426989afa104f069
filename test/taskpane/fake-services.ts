/** A fake PaneServices for component tests: a scripted checker, a host of jest mocks, the real catalogue. */
import type { CheckResult, Finding } from "../../src/core/finding";
import { initials } from "../../src/core/catalogue/initials";
import { getCatalogueSync } from "../../src/core/catalogue/sync";
import type { WorkbookHost } from "../../src/host/host";
import type { LiveState, StateListener } from "../../src/live/live-checker";
import { CheckConfig } from "../../src/taskpane/check-config";
import type { PaneChecker, PaneServices } from "../../src/taskpane/services";
import { memorySettingsStore, type PaneSettings } from "../../src/taskpane/settings/settings-model";
import { memoryCodeListStore, type StoredCodeList } from "../../src/taskpane/settings/code-list-store";

export class FakeChecker implements PaneChecker {
  state: LiveState = { status: "idle", result: null, recheckedTables: [], checks: 0, marksShown: true };
  private listeners = new Set<StateListener>();
  constructor(private result: CheckResult) {}

  set(result: CheckResult): void {
    this.result = result;
    this.emit({ status: "ready", result, checks: this.state.checks + 1 });
  }
  private emit(patch: Partial<LiveState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }
  subscribe(listener: StateListener): () => boolean {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }
  start = jest.fn(async () => this.recheckAll());
  stop = jest.fn(async () => undefined);
  recheckAll = jest.fn(async () => {
    this.emit({ status: "ready", result: this.result, checks: this.state.checks + 1 });
    return this.result;
  });
  clearMarks = jest.fn(async () => this.emit({ marksShown: false }));
  showMarks = jest.fn(async () => this.emit({ marksShown: true }));
}

export type MockHost = { [K in keyof WorkbookHost]: jest.MockedFunction<WorkbookHost[K]> };

function mock<K extends keyof WorkbookHost>(impl: WorkbookHost[K]): jest.MockedFunction<WorkbookHost[K]> {
  return jest.fn(impl as (...args: unknown[]) => unknown) as unknown as jest.MockedFunction<WorkbookHost[K]>;
}

export function fakeHost(): MockHost {
  return {
    readWorkbook: mock<"readWorkbook">(async () => ({ sheets: [] })),
    readSheets: mock<"readSheets">(async () => []),
    readRanges: mock<"readRanges">(async (reqs) =>
      reqs.map((r) => ({ ...r, values: [[null]], formulas: [[null]], numberFormats: [[null]] })),
    ),
    writeHighlights: mock<"writeHighlights">(async () => undefined),
    clearHighlights: mock<"clearHighlights">(async () => undefined),
    selectCells: mock<"selectCells">(async () => undefined),
    insertCodes: mock<"insertCodes">(async () => ({ sheet: "Sheet1", range: { top: 2, left: 1, bottom: 2, right: 1 } })),
    insertBlock: mock<"insertBlock">(async (b) => ({ sheet: b.title, range: { top: 0, left: 0, bottom: 0, right: 0 } })),
    onChange: mock<"onChange">(async () => async () => undefined),
  };
}

export interface FakeServices extends PaneServices {
  host: MockHost;
  checker: FakeChecker;
  writeCell: jest.MockedFunction<PaneServices["writeCell"]>;
  settings: ReturnType<typeof memorySettingsStore>;
}

export function fakeServices(
  result: CheckResult = { tables: [], findings: [] },
  options: { language?: string; settings?: Partial<PaneSettings>; codeLists?: StoredCodeList[] } = {},
): FakeServices {
  return {
    host: fakeHost(),
    checker: new FakeChecker(result),
    checkConfig: new CheckConfig(),
    // As loadCatalogue (office-entry): imported names get their pinyin initials too.
    loadCatalogue: async (imported) => getCatalogueSync(imported, initials),
    codeLists: memoryCodeListStore(options.codeLists),
    settings: memorySettingsStore({ live: false, year: 2026, ...options.settings }),
    writeCell: jest.fn<Promise<void>, [string, string, string | number]>(async () => undefined),
    selectionAnchor: async () => ({ sheet: "Sheet1", row: 3, col: 1 }),
    displayLanguage: options.language ?? "zh-CN",
  };
}

export const TABLES = [
  { sheet: "支出总表", kind: "expenditure", range: "A1:I23", title: "单位预算支出总表" },
  { sheet: "基本支出表", kind: "basic-expenditure", range: "A1:F32", title: "单位预算一般公共预算财政拨款基本支出表" },
];

export const SUM_FINDING: Finding = {
  rule: "hierarchy.sum",
  severity: "error",
  message: "支出总表!C8 应为 2185.92，实为 2185.93",
  messageEn: "支出总表!C8 should be 2185.92 but is 2185.93",
  cells: [
    { sheet: "支出总表", row: 7, col: 2 },
    { sheet: "支出总表", row: 8, col: 2 },
    { sheet: "支出总表", row: 9, col: 2 },
  ],
  expected: "2185.92",
  actual: "2185.93",
  fix: "2185.92",
};

export const NAME_FINDING: Finding = {
  rule: "catalogue.name-mismatch",
  severity: "warning",
  message: "科目 2080505 的名称应为“机关事业单位基本养老保险缴费支出”（2026年）",
  messageEn: 'Subject 2080505 should be named "机关事业单位基本养老保险缴费支出" (2026)',
  cells: [
    { sheet: "支出总表", row: 11, col: 1 },
    { sheet: "支出总表", row: 11, col: 0 },
  ],
  expected: "机关事业单位基本养老保险缴费支出",
  actual: "养老保险缴费",
};

export const INFO_FINDING: Finding = {
  rule: "cell.number-as-text",
  severity: "info",
  message: "基本支出表!D9 的数字以文本形式存储",
  messageEn: "基本支出表!D9 holds a number stored as text",
  cells: [{ sheet: "基本支出表", row: 8, col: 3 }],
};

export const DOCUMENT_FINDING: Finding = {
  rule: "document.missing-table",
  severity: "warning",
  message: "缺少“三公”经费支出表",
  messageEn: 'The "three public" table is missing',
  cells: [],
};

export const SAMPLE_RESULT: CheckResult = {
  tables: TABLES,
  findings: [SUM_FINDING, NAME_FINDING, INFO_FINDING, DOCUMENT_FINDING],
};
