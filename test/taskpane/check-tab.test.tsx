/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { fakeServices, NAME_FINDING, SAMPLE_RESULT, SUM_FINDING, TABLES } from "./fake-services";
import { renderPane } from "./render-pane";

describe("Check tab", () => {
  it("groups findings by table and then by rule, with the workbook-level group last", async () => {
    await renderPane(fakeServices(SAMPLE_RESULT));
    const groups = await screen.findAllByRole("region");
    const labels = groups.map((g) => g.getAttribute("aria-label"));
    expect(labels).toEqual(["单位预算支出总表", "单位预算一般公共预算财政拨款基本支出表", "整个工作簿", "已识别 2 张表"]);
    const expenditure = groups[0];
    expect(within(expenditure).getByText(/类 = 其下各款之和/)).toBeInTheDocument();
    expect(within(expenditure).getByText(/科目名称与科目表不一致/)).toBeInTheDocument();
    expect(within(expenditure).getAllByTestId("finding")).toHaveLength(2);
  });

  it("shows message, expected vs actual and cells", async () => {
    await renderPane(fakeServices(SAMPLE_RESULT));
    const item = (await screen.findAllByTestId("finding")).find((f) => f.dataset.severity === "error")!;
    expect(item).toHaveTextContent("支出总表!C8 应为 2185.92，实为 2185.93");
    expect(item).toHaveTextContent("应为 2185.92 · 实为 2185.93");
    expect(item).toHaveTextContent("单元格: 支出总表!C8, 支出总表!C9, 支出总表!C10");
  });

  it("filters by severity and shows counts", async () => {
    await renderPane(fakeServices(SAMPLE_RESULT));
    await screen.findAllByTestId("finding");
    expect(screen.getByTestId("filter-error")).toHaveTextContent("错误 1");
    expect(screen.getByTestId("filter-warning")).toHaveTextContent("警告 2");
    expect(screen.getByTestId("filter-info")).toHaveTextContent("提示 1");
    fireEvent.click(screen.getByTestId("filter-warning"));
    expect(screen.getByTestId("filter-warning")).toHaveAttribute("aria-pressed", "false");
    expect(screen.getAllByTestId("finding").map((f) => f.dataset.severity)).toEqual(["error", "info"]);
    fireEvent.click(screen.getByTestId("filter-error"));
    fireEvent.click(screen.getByTestId("filter-info"));
    expect(screen.queryAllByTestId("finding")).toHaveLength(0);
    expect(screen.getByText("当前筛选条件下没有问题可显示。")).toBeInTheDocument();
  });

  it("clicking a finding selects its cells through the host", async () => {
    const services = fakeServices(SAMPLE_RESULT);
    await renderPane(services);
    const item = (await screen.findAllByTestId("finding")).find((f) => f.dataset.severity === "error")!;
    fireEvent.click(within(item).getAllByRole("button")[0]);
    await waitFor(() => expect(services.host.selectCells).toHaveBeenCalledWith(SUM_FINDING.cells));
  });

  it("replaces a wrong name by the catalogue name, keeping the rest of the cell", async () => {
    const services = fakeServices(SAMPLE_RESULT);
    services.host.readRanges.mockResolvedValueOnce([
      { sheet: "支出总表", range: { top: 11, left: 1, bottom: 11, right: 1 }, values: [["  养老保险缴费"]], formulas: [[null]], numberFormats: [[null]] },
    ]);
    await renderPane(services);
    fireEvent.click(await screen.findByRole("button", { name: "改为科目表名称" }));
    await waitFor(() => expect(services.writeCell).toHaveBeenCalledWith("支出总表", "B12", `  ${NAME_FINDING.expected}`));
    expect(await screen.findByText("已修改 支出总表!B12")).toBeInTheDocument();
    // The pane re-checks itself after writing: Excel does not report the add-in's own writes.
    expect(services.checker.recheckAll.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it("sets a total to the sum only after confirmation, and warns when a formula would be replaced", async () => {
    const services = fakeServices(SAMPLE_RESULT);
    services.host.readRanges.mockResolvedValue([
      { sheet: "支出总表", range: { top: 7, left: 2, bottom: 7, right: 2 }, values: [[2185.93]], formulas: [["SUM(C9:C10)"]], numberFormats: [[null]] },
    ]);
    await renderPane(services);
    fireEvent.click(await screen.findByRole("button", { name: "改为 2185.92" }));
    // Tabster's modalizer may briefly mark the surface aria-hidden in jsdom; the roles are there all the same.
    const dialog = await screen.findByRole("dialog", { hidden: true });
    expect(dialog).toHaveTextContent("将 支出总表!C8 从 2185.93 改为 2185.92。");
    expect(dialog).toHaveTextContent("该单元格现为公式 =SUM(C9:C10)");
    fireEvent.click(within(dialog).getByRole("button", { name: "取消", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).not.toBeInTheDocument());
    expect(services.writeCell).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "改为 2185.92" }));
    fireEvent.click(await screen.findByRole("button", { name: "修改", hidden: true }));
    await waitFor(() => expect(services.writeCell).toHaveBeenCalledWith("支出总表", "C8", 2185.92));
  });

  it("shows a clear empty state and the recognised tables when nothing is wrong", async () => {
    await renderPane(fakeServices({ tables: TABLES, findings: [] }));
    expect(await screen.findByTestId("no-problems")).toHaveTextContent("未发现问题");
    expect(screen.getByTestId("recognised")).toHaveTextContent("单位预算支出总表 支出总表!A1:I23");
  });

  it("says which recognised tables are on hidden sheets", async () => {
    const tables = [...TABLES, { sheet: "隐藏表", kind: "three-public", range: "A1:F14", title: "三公经费支出表", hidden: true }];
    await renderPane(fakeServices({ tables, findings: [] }));
    const list = await screen.findByTestId("recognised");
    expect(list).toHaveTextContent("三公经费支出表 隐藏表!A1:F14 (隐藏的工作表)");
    expect(list.textContent?.match(/隐藏的工作表/g)).toHaveLength(1);
  });

  it("says which set it recognised: 预算 or 决算", async () => {
    await renderPane(fakeServices({ tables: TABLES, findings: [] }));
    expect(await screen.findByTestId("recognised-set")).toHaveTextContent("预算公开表");
  });

  it("a 决算 workbook is shown as a 决算 set", async () => {
    const tables = [
      { sheet: "收入支出决算总表", kind: "final-summary", range: "A1:D35", title: "收入支出决算总表" },
      { sheet: "支出决算表", kind: "final-expenditure", range: "A1:H23", title: "支出决算表" },
    ];
    await renderPane(fakeServices({ tables, findings: [] }));
    expect(await screen.findByTestId("recognised-set")).toHaveTextContent("决算公开表");
    expect(screen.getByTestId("recognised")).toHaveTextContent("支出决算表 支出决算表!A1:H23");
  });

  it("says when no table was recognised", async () => {
    await renderPane(fakeServices({ tables: [], findings: [] }));
    expect(await screen.findByTestId("no-tables")).toHaveTextContent("未识别到预算公开表");
  });

  it("run now, clear marks / show marks and the live switch go to the checker", async () => {
    const services = fakeServices(SAMPLE_RESULT);
    await renderPane(services);
    const before = services.checker.recheckAll.mock.calls.length;
    fireEvent.click(screen.getByRole("button", { name: "立即检查" }));
    await waitFor(() => expect(services.checker.recheckAll.mock.calls.length).toBe(before + 1));
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    expect(await screen.findByRole("button", { name: "显示标记" })).toBeInTheDocument();
    expect(services.checker.clearMarks).toHaveBeenCalled();
    fireEvent.click(screen.getByRole("switch", { name: "实时检查" }));
    await waitFor(() => expect(services.checker.start).toHaveBeenCalled());
    await waitFor(() => expect(services.settings.saved.at(-1)?.live).toBe(true));
  });

  it("follows Office's display language: English messages and labels", async () => {
    await renderPane(fakeServices(SAMPLE_RESULT, { language: "en-US" }));
    expect(await screen.findByRole("tab", { name: "Check" })).toBeInTheDocument();
    const item = (await screen.findAllByTestId("finding")).find((f) => f.dataset.severity === "error")!;
    expect(item).toHaveTextContent("支出总表!C8 should be 2185.92 but is 2185.93");
    expect(item).toHaveTextContent("Expected 2185.92 · Actual 2185.93");
    await act(async () => undefined);
  });
});

describe("exporting the findings (issue 9)", () => {
  it("CSV and JSON buttons save the current findings as files", async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    const create = jest.fn((b: Blob) => (blobs.push(b), `blob:${blobs.length}`));
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await renderPane(fakeServices(SAMPLE_RESULT));
    fireEvent.click(await screen.findByRole("button", { name: "导出 CSV" }));
    fireEvent.click(screen.getByRole("button", { name: "导出 JSON" }));
    expect(names).toEqual(["预算表检查.csv", "预算表检查.json"]);
    // jsdom's Blob has no text(): read it as a browser would.
    const read = (b: Blob) =>
      new Promise<string>((resolve) => {
        const r = new FileReader();
        r.onload = () => resolve(String(r.result));
        r.readAsText(b);
      });
    const csv = await read(blobs[0]);
    expect(csv.split(/\r?\n/)[0]).toContain("rule");
    expect(csv.trim().split(/\r?\n/)).toHaveLength(SAMPLE_RESULT.findings.length + 1);
    expect(JSON.parse(await read(blobs[1]))).toHaveLength(SAMPLE_RESULT.findings.length);
    click.mockRestore();
  });
});
