/**
 * End to end: the built browser preview in Chromium. The real pane over the MemoryHost, driven as a user would:
 * findings of the bundled sample, selecting a finding's cells, live re-check after typing into the grid, the full
 * template set checking clean, catalogue search and insert. Fails on any console error or non-local request.
 * Screenshots of each tab go to docs/screenshots/.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { openPreview, startPreview, type PreviewEnv, type WatchedPage } from "./browser";

/**
 * Screenshots are always taken; they replace the committed ones in docs/screenshots only with UPDATE_SCREENSHOTS=1
 * (a machine without CJK fonts would otherwise overwrite them with boxes).
 */
const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(__dirname, "../../docs/screenshots")
  : path.join(os.tmpdir(), "budget-checker-screenshots");
let env: PreviewEnv;

jest.setTimeout(60_000);

beforeAll(async () => {
  env = await startPreview();
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await env?.close();
});

let current: WatchedPage | undefined;
afterEach(async () => {
  const problems = current?.problems ?? [];
  await current?.page.context().close();
  current = undefined;
  expect(problems).toEqual([]);
});

async function open(query?: string): Promise<Page> {
  current = await openPreview(env, query);
  await current.page.getByTestId("recognised").waitFor();
  return current.page;
}

/** Transitions (the tab indicator slides) finished, so the picture shows the settled state. */
async function shot(page: Page, file: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: file, animations: "disabled" });
}

const findings = (page: Page) => page.getByTestId("finding");

async function waitForFindingCount(page: Page, severity: string, test: (n: number) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const n = await page.locator(`[data-testid=finding][data-severity=${severity}]`).count();
    if (test(n)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (${severity} findings: ${n})`);
    await page.waitForTimeout(100);
  }
}

async function typeIntoCell(page: Page, address: string, text: string): Promise<void> {
  await page.locator(`td[data-address=${address}]`).dblclick();
  const input = page.locator(`td[data-address=${address}] input`);
  await input.fill(text);
  await input.press("Enter");
}

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name, exact: true }).click();
}

test("shows the sample's findings and what was recognised", async () => {
  const page = await open();
  await findings(page).first().waitFor();
  expect(await findings(page).count()).toBe(2);
  await expect(page.getByTestId("recognised").textContent()).resolves.toContain("已识别 9 张表");
  await expect(findings(page).first().textContent()).resolves.toContain("基本支出表!D12");
  await shot(page, path.join(SHOTS, "check.png"));
});

test("when the check worker cannot load, the pane checks in its own thread and shows the same findings", async () => {
  current = await openPreview(env, undefined, ["**/check-worker.js"]);
  const page = current.page;
  await page.getByTestId("recognised").waitFor();
  await expect(page.getByTestId("recognised").textContent()).resolves.toContain("已识别 9 张表");
  await waitForFindingCount(page, "warning", (n) => n === 2, "the sample's two warnings");
  expect(await page.evaluate(() => performance.getEntriesByName("check:in-worker").length)).toBe(0);
  // An edit is still re-checked live.
  await typeIntoCell(page, "C6", "16110.52");
  await waitForFindingCount(page, "error", (n) => n > 0, "an error after the edit");
});

test("clicking a finding selects its cells in the grid", async () => {
  const page = await open();
  await findings(page).first().getByRole("button").first().click();
  await page.locator("table.grid[data-sheet=基本支出表]").waitFor();
  await expect(page.getByTestId("selection").textContent()).resolves.toBe("基本支出表!D12");
  await expect(page.locator("td[data-address=D12]").getAttribute("class")).resolves.toContain("active");
  await expect(page.locator("td[data-address=D12]").getAttribute("class")).resolves.toContain("mark-warning");
});

test("an edit in the grid makes a finding appear, and undoing it makes it go", async () => {
  const page = await open();
  await findings(page).first().waitFor();
  const c6 = page.locator("table.grid[data-sheet=收支总表] td[data-address=C6]");
  const original = (await c6.textContent()) ?? "";
  expect(original).toBe("16110.02");
  await typeIntoCell(page, "C6", "16110.52");
  await waitForFindingCount(page, "error", (n) => n > 0, "an error after the edit");
  // The grid shows the mark the host holds for the finding.
  expect(await page.locator("table.grid[data-sheet=收支总表] td.mark-error").count()).toBeGreaterThan(0);
  await typeIntoCell(page, "C6", original);
  await waitForFindingCount(page, "error", (n) => n === 0, "no error after undoing the edit");
  expect(await findings(page).count()).toBe(2);
  // The checks ran in the pane's check worker, off the UI thread.
  expect(current?.workers.some((u) => /\/check-worker\.js$/.test(u))).toBe(true);
  expect(await page.evaluate(() => performance.getEntriesByName("check:in-worker").length)).toBe(1);
});

test("quick fixes: a wrong name back to the catalogue name; a total set to the sum after confirmation", async () => {
  const page = await open();
  await findings(page).first().waitFor();
  await page.locator(".sheet-tab", { hasText: /^支出总表$/ }).click();
  await page.locator("table.grid[data-sheet=支出总表]").waitFor();
  await typeIntoCell(page, "C9", "培训费支出");
  const fixName = page.getByRole("button", { name: "改为科目表名称" });
  await fixName.waitFor();
  await fixName.click();
  await page.getByText("已修改 支出总表!C9").waitFor();
  await expect(page.locator("td[data-address=C9]").textContent()).resolves.toBe("培训支出");
  await waitForFindingCount(page, "warning", (n) => n === 2, "the name finding to go");

  await typeIntoCell(page, "D9", "25");
  await waitForFindingCount(page, "error", (n) => n > 0, "sum errors after the edit");
  const sumFinding = page.locator("[data-testid=finding]", { has: page.getByRole("button", { name: /^改为 / }) }).first();
  const cells = (await sumFinding.textContent()) ?? "";
  const target = /单元格: 支出总表!([A-Z]+\d+)/.exec(cells)?.[1];
  const expected = /应为 ([\d.]+)/.exec(cells)?.[1];
  expect(target).toBeDefined();
  await sumFinding.getByRole("button", { name: /^改为 / }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await expect(dialog.textContent()).resolves.toContain(`支出总表!${target}`);
  await shot(page, path.join(SHOTS, "check-fix-dialog.png"));
  await dialog.getByRole("button", { name: "修改" }).click();
  await page.getByText(`已修改 支出总表!${target}`).waitFor();
  await expect(page.locator(`td[data-address=${target}]`).textContent()).resolves.toBe(String(Number(expected)));
});

test("opens an .xlsx from disk", async () => {
  const page = await open();
  const copy = path.join(os.tmpdir(), "单位预算公开表.xlsx");
  copyFileSync(path.resolve(__dirname, "../../assets/sample.xlsx"), copy);
  await page.getByTestId("blank-workbook").click();
  await page.getByTestId("no-tables").waitFor();
  await page.getByTestId("open-file").setInputFiles(copy);
  await page.getByText("单位预算公开表.xlsx").waitFor();
  await page.getByTestId("recognised").waitFor();
  expect(await findings(page).count()).toBe(2);
});

test("the full template set inserted into a blank workbook checks clean", async () => {
  const page = await open();
  await page.getByTestId("blank-workbook").click();
  await page.getByTestId("no-tables").waitFor();
  await tab(page, "模板");
  await shot(page, path.join(SHOTS, "templates.png"));
  await page.getByRole("button", { name: "插入整套公开表（9 张）" }).click();
  await page.getByText("已插入 9 张表").waitFor();
  await tab(page, "检查");
  await page.getByTestId("no-problems").waitFor();
  await expect(page.getByTestId("recognised").textContent()).resolves.toContain("已识别 9 张表");
  expect(await findings(page).count()).toBe(0);
  expect(await page.locator(".sheet-tab").count()).toBe(10);
  await shot(page, path.join(SHOTS, "check-clean.png"));
});

test('search "养老" and insert 2080505 at the selection', async () => {
  const page = await open();
  await tab(page, "科目");
  await page.getByRole("searchbox").fill("养老");
  await page.locator("button[data-code='2080505']").click();
  await expect(page.getByTestId("selected-code").textContent()).resolves.toContain("2080505");
  // Over data the host refuses and the pane says so.
  await page.getByRole("button", { name: "在所选位置插入" }).click();
  await page.getByText("不为空，未插入任何内容").waitFor();
  await page.locator("td[data-address=F16]").click();
  await page.getByRole("button", { name: "在所选位置插入" }).click();
  await page.getByText("已插入到 收支总表!F16").waitFor();
  await expect(page.locator("td[data-address=F16]").textContent()).resolves.toBe("2080505 机关事业单位基本养老保险缴费支出");
  await shot(page, path.join(SHOTS, "codes.png"));
});

test("settings tab, in English", async () => {
  const page = await open("lang=en");
  await tab(page, "Settings");
  await page.locator("#panel-settings").getByLabel("Budget year").waitFor();
  await shot(page, path.join(SHOTS, "settings-en.png"));
  await tab(page, "Check");
  await page.getByText("9 tables recognised").waitFor();
  await shot(page, path.join(SHOTS, "check-en.png"));
});

describe("keyboard only", () => {
  /** Presses Tab until the focused element matches, as a keyboard user walks through the pane. */
  async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  const focusIsVisible = (page: Page) => page.evaluate(() => document.activeElement?.matches(":focus-visible") ?? false);

  /** From the first tab, arrow keys to the wanted one (ids tab-check, tab-codes, …), Enter to open it. */
  async function toTab(page: Page, id: string): Promise<void> {
    await page.locator("#tab-check").focus();
    for (let i = 0; i < 4 && (await page.evaluate(() => document.activeElement?.id)) !== id; i++)
      await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
    await page.keyboard.press("Enter");
    await page.locator(`#${id}[aria-selected=true]`).waitFor();
  }

  test("Check: reach a finding with Tab, Enter selects its cells", async () => {
    const page = await open();
    await findings(page).first().waitFor();
    await page.getByRole("tab", { name: "检查", exact: true }).focus();
    await tabTo(page, "[data-testid=finding] button");
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("selection").textContent()).resolves.toBe("基本支出表!D12");
    // Space toggles a severity filter.
    await page.getByTestId("filter-warning").focus();
    await page.keyboard.press("Space");
    expect(await findings(page).count()).toBe(0);
  });

  test("Codes: search, choose a result and insert, all from the keyboard", async () => {
    const page = await open();
    await page.getByTestId("blank-workbook").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("no-tables").waitFor();
    await toTab(page, "tab-codes");
    await tabTo(page, "input[type=search]");
    await page.keyboard.type("养老");
    await tabTo(page, "button[data-code='2080505']");
    await page.keyboard.press("Enter");
    await tabTo(page, "[data-testid=insert-code]");
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByText("已插入到 Sheet1!A1").waitFor();
    // The tree: open with arrow keys, choose with Enter.
    await tabTo(page, "[role=treeitem]");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("selected-code").textContent()).resolves.toMatch(/^201 /);
  });

  test("Templates and Settings from the keyboard", async () => {
    const page = await open();
    await page.getByTestId("blank-workbook").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("no-tables").waitFor();
    await toTab(page, "tab-templates");
    await tabTo(page, "[data-testid=insert-full-set]");
    await page.keyboard.press("Enter");
    await page.getByText("已插入 9 张表").waitFor();
    await toTab(page, "tab-settings");
    await tabTo(page, "input[type=number]");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("2025");
    await tabTo(page, "input[type=text]");
    await page.keyboard.type("测试单位");
    await tabTo(page, "[role=switch]");
    await page.keyboard.press("Space");
    expect(await page.getByRole("switch").isChecked()).toBe(false);
    const stored = await page.evaluate(() => localStorage.getItem("budgetTableChecker.preview.settings"));
    expect(JSON.parse(stored ?? "{}")).toMatchObject({ year: 2025, unitName: "测试单位", live: false });
    await shot(page, path.join(SHOTS, "settings.png"));
  });
});
